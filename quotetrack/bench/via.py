"""Via-outlet benchmark: the outlet a quote was relayed through, the relay chain, and the speaker.

The set (``data/bench/via_outlets.jsonl``, described in ``data/bench/README.md``) is one short
passage a line with one *target quote*: ``quote`` is a substring of its words. Each passage is
extracted on its own and scored as follows.

Target quote
    The extracted quote overlapping the ``quote`` substring the most (characters); none
    overlapping is a *missed quote*.

Via precision, recall, F1
    An outlet name is canonicalised by the gazetteer (``Outlets.canonical``), else stripped of
    "the" and of outlet descriptors ("the pro-government daily Sabah" is "Sabah"), then compared
    case-insensitively with accents folded. A predicted via equal to the gold via is a true
    positive; any other predicted via is a false positive (on a negative item too); a gold via
    not predicted (wrong, none, or the quote missed) is a false negative. So a wrong via counts
    against both precision and recall.

Via chain accuracy
    Over items with a gold via: the predicted ``via_chain``, canonicalised hop by hop, equals the
    gold chain (nearest the speaker first); a missed quote is wrong.

Speaker accuracy
    By ``speaker_method``: the predicted ``speaker`` equals the gold speaker, both canonical
    (``canonical_speaker``: titles and roles in front dropped), case-insensitive, accents
    folded, a leading "the" and possessive 's ignored; a null gold speaker wants no
    predicted speaker; a missed quote is wrong.

>>> items = [ViaItem("a", "“We are ready,” Peskov told TASS.", "We are ready", "Peskov", "name", "TASS", ["TASS"], "told")]
>>> scores = score_items(items, "rules")
>>> scores.via.f1, scores.chain.value, scores.speaker["name"].value
(1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..extract.via import bare_outlet_name
from ..records import Article, Quote
from ..resolve.names import canonical_speaker
from ..resolve.outlets import Outlets
from ..resources import data_path
from . import BenchmarkError
from .scoring import Ratio

__all__ = ["ViaItem", "ViaScores", "format_via_scores", "load_via_items", "score_items", "via_report"]

METHODS = ("name", "surname", "pronoun", "role", "organisation", "none")


@dataclass(frozen=True)
class ViaItem:
    """One passage of the via set and its gold attribution of the target quote."""

    id: str
    text: str
    quote: str
    speaker: str | None
    speaker_method: str
    via: str | None
    via_chain: list[str]
    style: str


@dataclass
class PRF:
    """True positives, false positives and false negatives, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ViaScores:
    """The via set's scores; ``errors`` lists (item id, what went wrong) for reading."""

    items: int = 0
    missed_quotes: int = 0
    via: PRF = field(default_factory=PRF)
    chain: Ratio = field(default_factory=Ratio)
    speaker: dict[str, Ratio] = field(default_factory=lambda: {method: Ratio() for method in METHODS})
    errors: list[tuple[str, str]] = field(default_factory=list)

    @property
    def speaker_all(self) -> Ratio:
        return Ratio(sum(r.correct for r in self.speaker.values()), sum(r.total for r in self.speaker.values()))


def load_via_items(path: Path | None = None) -> list[ViaItem]:
    """The items of a via set, by default the bundled ``data/bench/via_outlets.jsonl``."""
    source = Path(path) if path else data_path("bench/via_outlets.jsonl")
    items = []
    with open(source, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                items.append(
                    ViaItem(
                        row["id"], row["text"], row["quote"], row.get("speaker"), row.get("speaker_method") or "none",
                        row.get("via"), list(row.get("via_chain") or []), row.get("style") or "",
                    )
                )  # fmt: skip
            except (ValueError, KeyError, TypeError) as error:
                raise BenchmarkError(f"{source}:{number}: not a via-set item ({error})") from error
    return items


def fold(name: str | None) -> str:
    """A name for comparing: accents and case folded, "the" and possessive 's dropped.

    >>> fold("The Łódź  Gazette's") == fold("lodz gazette")
    True
    """
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    name = "".join(c for c in name if not unicodedata.combining(c)).replace("’", "'")
    name = re.sub(r"'s\b", "", name.casefold())
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"\s+", " ", name).strip(" .,")


def outlet_key(outlets: Outlets, name: str | None) -> str:
    """The comparable form of an outlet name: the gazetteer's canonical name, else the bare name."""
    if not name:
        return ""
    return fold(outlets.canonical(name, search=False) or bare_outlet_name(name))


def target_quote(item: ViaItem, quotes: Sequence[Quote]) -> Quote | None:
    """The extracted quote overlapping the item's ``quote`` substring most, or None."""
    start = item.text.find(item.quote)
    end = start + len(item.quote)
    best, best_overlap = None, 0
    for quote in quotes:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > best_overlap:
            best, best_overlap = quote, overlap
    return best


def score_items(items: Sequence[ViaItem], engine: str = "auto") -> ViaScores:
    """Extract every item with ``Extractor(engine)`` and score its target quote."""
    from ..ingestion import make_extractor

    extractor = make_extractor(engine)
    outlets = Outlets.load()
    scores = ViaScores()
    for item in items:
        scores.items += 1
        quote = target_quote(item, extractor.extract(Article(text=item.text)))
        if quote is None:
            scores.missed_quotes += 1
            scores.errors.append((item.id, "quote missed"))
        gold = outlet_key(outlets, item.via)
        predicted = outlet_key(outlets, quote.via_outlet) if quote else ""
        if gold and predicted == gold:
            scores.via.tp += 1
        else:
            scores.via.fp += bool(predicted)
            scores.via.fn += bool(gold)
            if quote and (gold or predicted):
                scores.errors.append((item.id, f"via {quote.via_outlet!r}, gold {item.via!r}"))
        if item.via_chain:
            chain = [outlet_key(outlets, hop) for hop in quote.via_chain] if quote else None
            correct = chain == [outlet_key(outlets, hop) for hop in item.via_chain]
            _add(scores.chain, correct)
            if quote and not correct and predicted == gold:
                scores.errors.append((item.id, f"chain {quote.via_chain}, gold {item.via_chain}"))
        ratio = scores.speaker.setdefault(item.speaker_method, Ratio())
        said = quote is not None and fold(canonical_speaker(quote.speaker)) == fold(canonical_speaker(item.speaker))
        _add(ratio, said)
        if quote and not said:
            scores.errors.append((item.id, f"speaker {quote.speaker!r}, gold {item.speaker!r} ({item.speaker_method})"))
    return scores


def _add(ratio: Ratio, correct: bool) -> None:
    ratio.total += 1
    ratio.correct += correct


def format_via_scores(scores: ViaScores, title: str) -> str:
    """The printable via-set table."""

    def pct(value: float) -> str:
        return f"{100 * value:.1f}"

    def ratio(r: Ratio) -> str:
        return f"{pct(r.value)}% ({r.correct}/{r.total})"

    via = scores.via
    lines = [
        title,
        f"{'via outlet':16} P {pct(via.precision)}  R {pct(via.recall)}  F1 {pct(via.f1)}   (tp {via.tp}, fp {via.fp}, fn {via.fn})",
        f"{'via chain':16} {ratio(scores.chain)} exact",
        f"{'quotes missed':16} {scores.missed_quotes}/{scores.items}",
        f"{'speaker':16} {ratio(scores.speaker_all)}",
    ]
    lines += [f"{'  ' + method:16} {ratio(r)}" for method, r in scores.speaker.items() if r.total]
    return "\n".join(lines)


def via_report(path: Path | None = None, engine: str = "auto", verbose: bool = False) -> str:
    """Score a via set (the bundled one by default) and return a printable table."""
    items = load_via_items(path)
    scores = score_items(items, engine)
    name = Path(path).name if path else "via_outlets.jsonl (bundled)"
    text = format_via_scores(scores, f"quotetrack via outlets on {name} ({scores.items} items, engine {engine})")
    if verbose:
        text += "\n" + "\n".join(f"  {item_id}: {what}" for item_id, what in scores.errors)
    return text
