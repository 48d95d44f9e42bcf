"""Whether two quotes are one statement, and how a version differs from the first, word by word.

Two texts are aligned word by word (``difflib`` on lightly stemmed words). They are the
same statement when most words of the shorter one are found, in order, in the longer:
that covers a truncated or extended version (containment) and a few words changed (the
unmatched words stay few).

>>> same_statement("We will not back down on the budget.", "“We will never back down on the budget,”")
True
>>> same_statement("We will not back down on the budget.", "We will not back down")
True
>>> same_statement("The talks will resume next week in Geneva.", "The talks will not resume until the shelling stops.")
False
>>> compare("We will not back down on the budget.", "we will never back down").variant
'words changed'
>>> compare("We will not back down on the budget.", "we will never back down").changed_words
[['not', 'never']]
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from .words import has_ellipsis, stemmed_words, tokens, words

__all__ = ["MIN_WORDS", "Comparison", "compare", "may_be_same", "same_statement", "word_diff"]

# Quotes shorter than this are not grouped: "No," or "a dead end" recur in unrelated stories.
MIN_WORDS = 4
# Share of the shorter version's words that must be found, in order, in the longer one.
MIN_CONTAINMENT = 0.75
# At most this many of the shorter version's words may differ (a changed word, a paraphrase).
MAX_UNMATCHED = 4

UNCHANGED = "unchanged"
TRUNCATED = "truncated"
EXTENDED = "extended"
WORDS_CHANGED = "words changed"
DIFFERENT_SPEAKER = "different speaker"
VARIANTS = (UNCHANGED, TRUNCATED, EXTENDED, WORDS_CHANGED, DIFFERENT_SPEAKER)


@dataclass
class Comparison:
    """How ``other`` relates to ``reference``: aligned words, containment and the variant label."""

    reference: list[str]
    other: list[str]
    opcodes: list[tuple[str, int, int, int, int]]
    elided: bool = False
    matched: int = field(init=False)

    def __post_init__(self) -> None:
        self.matched = sum(i2 - i1 for tag, i1, i2, _, _ in self.opcodes if tag == "equal")

    @property
    def shorter(self) -> int:
        return min(len(self.reference), len(self.other))

    @property
    def containment(self) -> float:
        """Share of the shorter version's words found in the longer one, in order."""
        return self.matched / self.shorter if self.shorter else 0.0

    def same(self) -> bool:
        """Whether the two versions are one statement."""
        if self.shorter < MIN_WORDS:
            return self.reference == self.other
        return self.containment >= MIN_CONTAINMENT and self.shorter - self.matched <= MAX_UNMATCHED

    def _inner(self) -> list[tuple[str, int, int, int, int]]:
        """The differences that are not at either end (the ends are truncation or extension)."""
        codes = list(self.opcodes)
        while codes and codes[0][0] != "equal":
            codes.pop(0)
        while codes and codes[-1][0] != "equal":
            codes.pop()
        return [code for code in codes if code[0] != "equal"]

    @property
    def changed_words(self) -> list[list[str]]:
        """``[old, new]`` for each run of words changed inside the text ("" for words added or left out)."""
        if self.elided and all(tag == "delete" for tag, *_ in self._inner()):
            return []
        return [[" ".join(self.reference[i1:i2]), " ".join(self.other[j1:j2])] for _, i1, i2, j1, j2 in self._inner()]

    @property
    def variant(self) -> str:
        """unchanged, truncated, extended or words changed (the speaker is compared elsewhere)."""
        if self.changed_words:
            return WORDS_CHANGED
        ends = [code for code in (self.opcodes[:1] + self.opcodes[-1:]) if code[0] != "equal"]
        cut = any(tag in ("delete", "replace") for tag, *_ in ends) or bool(self._inner())
        added = any(tag in ("insert", "replace") for tag, *_ in ends)
        if cut and added:
            return WORDS_CHANGED
        if cut:
            return TRUNCATED
        return EXTENDED if added else UNCHANGED


def compare(reference: str, other: str) -> Comparison:
    """Align ``other`` with ``reference`` word by word (case, marks and punctuation ignored)."""
    (ref_words, ref_stems), (other_words, other_stems) = _keys(reference), _keys(other)
    if ref_stems == other_stems:  # the common case, wire copy reprinted: no alignment needed
        opcodes: list[tuple[str, int, int, int, int]] = [("equal", 0, len(ref_stems), 0, len(ref_stems))] if ref_stems else []
    else:
        opcodes = list(SequenceMatcher(None, ref_stems, other_stems, autojunk=False).get_opcodes())
    return Comparison(list(ref_words), list(other_words), opcodes, elided=has_ellipsis(other))


@lru_cache(maxsize=32768)
def _keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words and stems of a text, cached: a statement's versions are compared with every newcomer."""
    return tuple(words(text)), stemmed_words(text)


def may_be_same(reference: str, other: str) -> bool:
    """False when ``compare(reference, other).same()`` cannot hold, known without aligning the words.

    No alignment matches more words than the two texts share, counted as bags of words, so
    a pair that shares too few is ruled out at the cost of counting (most candidates from
    the LSH index share a band by chance and are ruled out here).

    >>> may_be_same("We will not back down on the budget.", "“We will never back down,”")
    True
    >>> may_be_same("We will not back down on the budget.", "The budget talks will resume on Monday.")
    False
    """
    reference_stems, other_stems = _keys(reference)[1], _keys(other)[1]
    shorter = min(len(reference_stems), len(other_stems))
    if shorter < MIN_WORDS:
        return reference_stems == other_stems
    shared = (_bag(reference) & _bag(other)).total()
    return shared >= MIN_CONTAINMENT * shorter and shorter - shared <= MAX_UNMATCHED


@lru_cache(maxsize=32768)
def _bag(text: str) -> Counter[str]:
    return Counter(_keys(text)[1])


def same_statement(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` are the same statement, in the same or near wording."""
    return compare(first, second).same()


def word_diff(reference: str, other: str) -> list[tuple[str, str]]:
    """``other`` against ``reference`` as ``(op, words)`` runs: op is "=", "-" (left out) or "+" (added).

    Words are shown as ``other`` writes them (and as ``reference`` does for words left out).

    >>> word_diff("We will not back down.", "We will never back down")
    [('=', 'We will'), ('-', 'not'), ('+', 'never'), ('=', 'back down')]
    """
    shown_ref = [token.shown for token in tokens(reference)]
    shown_other = [token.shown for token in tokens(other)]
    comparison = compare(reference, other)
    runs: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in comparison.opcodes:
        if tag == "equal":
            runs.append(("=", _join(shown_other[j1:j2])))
            continue
        if _join(shown_ref[i1:i2]):
            runs.append(("-", _join(shown_ref[i1:i2])))
        if _join(shown_other[j1:j2]):
            runs.append(("+", _join(shown_other[j1:j2])))
    return [run for run in runs if run[1]]


def _join(shown: list[str]) -> str:
    return " ".join(word for word in shown if word)
