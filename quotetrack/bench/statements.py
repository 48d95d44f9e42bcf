"""Statement grouping benchmark: is a pair of quotes the same statement?

The set (``data/bench/statement_pairs.jsonl``, see ``data/bench/README.md``) holds pairs of
quotes by one speaker, written for the project: the same statement in other wording (quote
marks, case and punctuation, an ellipsis, truncated, extended, words changed, light
translation drift, two variants of one statement) and different statements on the same
subject. Each pair is decided by :func:`quotetrack.provenance.similarity.same_statement`,
the rule the clusterer applies to every candidate, and scored as:

Precision
    pairs called the same statement that are the same / pairs called the same
Recall
    pairs that are the same statement called the same / pairs that are the same

A second line checks the candidate step: the share of same-statement pairs whose LSH band keys
overlap (a pair whose keys never meet cannot be grouped, whatever the similarity says).

>>> pairs = [{"id": "a", "a": "We will not back down on the budget.", "b": "We will never back down on the budget", "same": True, "kind": "words_changed"},
...          {"id": "b", "a": "We will not back down on the budget.", "b": "The budget vote is on Tuesday.", "same": False, "kind": "different"}]
>>> scores = score_pairs(pairs)
>>> scores.precision, scores.recall, scores.candidate_recall
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..provenance.lsh import band_keys
from ..provenance.similarity import same_statement
from ..resources import data_path

__all__ = ["PairScores", "load_pairs", "score_pairs", "statements_report"]


@dataclass
class PairScores:
    """Counts of decisions on a pairs set, overall and by kind of pair."""

    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    candidates_found: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    right_by_kind: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        called = self.true_positive + self.false_positive
        return self.true_positive / called if called else 0.0

    @property
    def recall(self) -> float:
        same = self.true_positive + self.false_negative
        return self.true_positive / same if same else 0.0

    @property
    def candidate_recall(self) -> float:
        same = self.true_positive + self.false_negative
        return self.candidates_found / same if same else 0.0


def load_pairs(path: str | Path | None = None) -> list[dict[str, Any]]:
    """The pairs in ``path`` (JSON Lines), by default the bundled set."""
    found = Path(path) if path is not None else data_path("bench/statement_pairs.jsonl")
    with open(found, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_pairs(pairs: list[dict[str, Any]]) -> PairScores:
    """Decide every pair and count the outcomes."""
    scores = PairScores()
    for pair in pairs:
        predicted, gold = same_statement(pair["a"], pair["b"]), bool(pair["same"])
        scores.by_kind[pair["kind"]] += 1
        scores.right_by_kind[pair["kind"]] += predicted == gold
        if gold:
            scores.candidates_found += bool(set(band_keys(pair["a"])) & set(band_keys(pair["b"])))
        if predicted and gold:
            scores.true_positive += 1
        elif predicted:
            scores.false_positive += 1
            scores.errors.append(f"{pair['id']}: called the same, but different")
        elif gold:
            scores.false_negative += 1
            scores.errors.append(f"{pair['id']}: the same statement, not grouped")
        else:
            scores.true_negative += 1
    return scores


def statements_report(path: str | Path | None = None, *, verbose: bool = False) -> str:
    """Score a pairs set (the bundled one by default) and return a printable report."""
    pairs = load_pairs(path)
    scores = score_pairs(pairs)
    name = Path(path).name if path else "statement_pairs.jsonl (bundled)"
    same = scores.true_positive + scores.false_negative
    lines = [
        f"quotetrack statements on {name} ({len(pairs)} pairs: {same} same statement, {len(pairs) - same} different)",
        (f"same statement  P {scores.precision:.3f}  R {scores.recall:.3f}"
         f"  (TP {scores.true_positive}, FP {scores.false_positive}, FN {scores.false_negative}, TN {scores.true_negative})"),
        f"LSH candidates  {scores.candidate_recall:.3f} of same-statement pairs share a band key",
        "accuracy by kind of pair:",
    ]
    lines += [f"  {kind:<18} {scores.right_by_kind[kind]}/{count}" for kind, count in sorted(scores.by_kind.items())]
    if verbose:
        lines += [f"  {error}" for error in scores.errors]
    return "\n".join(lines)
