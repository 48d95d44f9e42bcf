"""Scoring for the quality benchmark: token overlap, one-to-one matching, speaker and cue agreement.

The metrics are defined in :mod:`quotetrack.bench.quality`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from ..records import Quote
from ..resolve.names import canonical_speaker, speaker_key, speaker_kind
from .gold import (
    GoldArticle,
    GoldAttribution,
    Parts,
    core,
    head_word,
    is_named_source,
    is_pronoun,
    normal_words,
    resolve_sources,
    surname,
    words,
)

THRESHOLDS = (0.3, 0.8)
SPEAKER_THRESHOLD = 0.3
CATEGORIES = ("all", "direct", "reported")
# The marks that make gold content "direct". Not lexicon.QUOTE_MARKS: the benchmark's
# definition is fixed, so that scores stay comparable when the extractor's marks change.
QUOTE_MARKS = frozenset("“”„\"«»")


_TOKEN = re.compile(r"\w+")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Character ranges of the word tokens of ``text``.

    >>> tokenize("Hi, you.")
    [(0, 2), (4, 7)]
    """
    return [match.span() for match in _TOKEN.finditer(text)]


def span_tokens(tokens: Sequence[tuple[int, int]], parts: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Indexes of the tokens whose character range overlaps any of ``parts``.

    >>> sorted(span_tokens(tokenize("one two three four"), [(0, 3), (9, 11)]))
    [0, 2]
    """
    starts = [start for start, _ in tokens]
    ends = [end for _, end in tokens]
    found: set[int] = set()
    for part_start, part_end in parts:
        if part_end <= part_start:
            continue
        # Tokens are sorted and disjoint: the overlapping ones are those ending
        # after the part starts and starting before it ends.
        first = bisect_right(ends, part_start)
        last = bisect_left(starts, part_end)
        found.update(range(first, last))
    return frozenset(found)


def overlap(predicted: frozenset[int] | set[int], gold: frozenset[int] | set[int]) -> float:
    """``|P ∩ G| / max(|P|, |G|)``, 0 when either side is empty.

    >>> overlap({1, 2, 3, 4}, {3, 4})
    0.5
    """
    if not predicted or not gold:
        return 0.0
    return len(predicted & gold) / max(len(predicted), len(gold))


def match(
    gold: Sequence[frozenset[int]], predicted: Sequence[frozenset[int]], threshold: float
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching: ``(gold index, predicted index, overlap)`` triples.

    >>> match([frozenset({0, 1}), frozenset({5})], [frozenset({1}), frozenset({0, 1})], 0.3)
    [(0, 1, 1.0)]
    """
    candidates = []
    for g, gold_set in enumerate(gold):
        for p, predicted_set in enumerate(predicted):
            score = overlap(predicted_set, gold_set)
            if score > 0 and score >= threshold:
                candidates.append((-score, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs = []
    for negative, g, p in candidates:
        if g in used_gold or p in used_predicted:
            continue
        used_gold.add(g)
        used_predicted.add(p)
        pairs.append((g, p, -negative))
    return sorted(pairs)


def quote_parts(quote: Quote) -> Parts:
    """The character pieces of a predicted quote (``extra["parts"]`` when given)."""
    parts = quote.extra.get("parts") if quote.extra else None
    if parts:
        return tuple((int(a), int(b)) for a, b in parts)
    return ((quote.start, quote.end),)


def gold_category(attribution: GoldAttribution) -> str:
    """"direct" when the gold content contains a quote mark, else "reported"."""
    text = attribution.content.text if attribution.content else ""
    return "direct" if any(char in QUOTE_MARKS for char in text) else "reported"


def predicted_category(quote: Quote) -> str:
    """"direct" for kind direct or mixed, else "reported"."""
    return "direct" if quote.kind in ("direct", "mixed") else "reported"


# ---------------------------------------------------------- speaker and cue

def speaker_correct(quote: Quote, surface: str, resolved: str | None) -> bool:
    """Whether a predicted quote's speaker agrees with a gold source (see module doc)."""
    same_mention = bool(quote.speaker_mention) and normal_words(quote.speaker_mention) == normal_words(surface)
    # "he" = "he" says nothing about who; "the spokesman" = "the spokesman" does,
    # and overrides our crude resolution of role nouns.
    if same_mention and (resolved is None or not is_pronoun(surface)):
        return True
    if resolved is not None:
        if quote.speaker is None:
            return False
        wanted = surname(resolved)
        return wanted is not None and wanted in {word.lower() for word in words(quote.speaker)}
    predicted_head = phrase_head(quote.speaker_mention) if quote.speaker_mention else None
    return quote.speaker is None and predicted_head is not None and predicted_head == phrase_head(surface)


_QUANTIFIERS = frozenset(["some", "many", "most", "all", "each", "none", "several", "few", "both", "any", "half"])


def phrase_head(text: str) -> str | None:
    """The head word of a noun phrase: that of its core, so that the head of `a spokesman for the
    mayor` is `spokesman`, not the post-modifier's `mayor`; but `one of the advisers` heads on
    `adviser`, as `one` or `some` say nothing of who.

    >>> phrase_head("A spokesman for Mayor Ann Lee"), phrase_head("senior officials, who asked"), phrase_head("one of the advisers")
    ('spokesman', 'official', 'adviser')
    """
    found = core(text)
    if is_pronoun(found) or found.lower() in _QUANTIFIERS:
        found = text
    return head_word(found)


_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
    "spoken": "speak", "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see",
    "seen": "see", "heard": "hear", "meant": "mean", "made": "make", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "began": "begin", "predicted": "predict",
}
_FUNCTION_WORDS = frozenset(
    [
        "to", "for", "on", "of", "in", "at", "by", "with", "about", "from", "that", "has", "have", "had",
        "having", "is", "are", "was", "were", "be", "been", "being", "will", "would", "could", "should",
        "can", "may", "might", "do", "does", "did", "also", "not", "as"
    ]
)


def stem(word: str) -> str:
    """A crude verb stem, enough to equate "said"/"says" and "adding"/"added".

    >>> [stem(w) for w in ("said", "Adding", "added", "noted", "notes", "told")]
    ['say', 'add', 'add', 'not', 'not', 'tell']
    """
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    # "noted" -> "not" but "note" -> "not" too: drop a trailing e so both meet.
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def _cue_stems(text: str) -> set[str]:
    found = [word.lower() for word in _TOKEN.findall(text)]
    content = [word for word in found if word not in _FUNCTION_WORDS] or found
    return {stem(word) for word in content}


def cue_correct(predicted: str | None, gold: str) -> bool:
    """Whether a predicted cue agrees with a gold cue (shared crude stem).

    >>> cue_correct("says", "has said"), cue_correct("denied", "has said"), cue_correct(":", ":")
    (True, False, True)
    """
    if not predicted:
        return False
    gold_stems, predicted_stems = _cue_stems(gold), _cue_stems(predicted)
    if not gold_stems or not predicted_stems:
        return predicted.strip() == gold.strip()
    return bool(gold_stems & predicted_stems)


# ----------------------------------------------------------------- scoring


@dataclass
class Counts:
    """Matched and total counts of one category at one threshold."""

    matched_predicted: int = 0
    predicted: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {**asdict(self), "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Ratio:
    """``correct`` out of ``total``."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {**asdict(self), "value": self.value}


@dataclass
class Scores:
    """Everything ``evaluate`` measures; ``prf[category][threshold]`` holds the counts."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    prf: dict[str, dict[float, Counts]] = field(
        default_factory=lambda: {category: {t: Counts() for t in THRESHOLDS} for category in CATEGORIES}
    )
    speaker: Ratio = field(default_factory=Ratio)
    speaker_named: Ratio = field(default_factory=Ratio)
    speaker_full_name: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)
    tokens: int = 0
    seconds: float | None = None
    load_seconds: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "prf": {
                category: {str(t): counts.to_dict() for t, counts in by_threshold.items()}
                for category, by_threshold in self.prf.items()
            },
            "speaker": self.speaker.to_dict(),
            "speaker_named": self.speaker_named.to_dict(),
            "speaker_full_name": self.speaker_full_name.to_dict(),
            "cue": self.cue.to_dict(),
            "tokens": self.tokens,
            "seconds": self.seconds,
            "load_seconds": self.load_seconds,
        }


def evaluate(gold: Sequence[GoldArticle], predictions: Sequence[Sequence[Quote]]) -> Scores:
    """Score predictions (one list of quotes per gold article, same order) against gold."""
    if len(gold) != len(predictions):
        raise ValueError(f"{len(gold)} gold articles but {len(predictions)} prediction lists")
    scores = Scores()
    for gold_article, quotes in zip(gold, predictions):
        _score_article(scores, gold_article, list(quotes))
    return scores


def _score_article(scores: Scores, gold_article: GoldArticle, quotes: list[Quote]) -> None:
    text = gold_article.article.text
    tokens = tokenize(text)
    scores.articles += 1
    scores.tokens += len(tokens)
    resolved_all = resolve_sources(text, gold_article.attributions)
    kept = [i for i, attribution in enumerate(gold_article.attributions) if attribution.content is not None]
    attributions = [gold_article.attributions[i] for i in kept]
    resolved = [resolved_all[i] for i in kept]
    named_in_article = [core(a.source.text) for a in gold_article.attributions if a.source is not None and is_named_source(a.source, text)]
    gold_sets = [span_tokens(tokens, a.content.parts) for a in attributions]  # type: ignore[union-attr]
    predicted_sets = [span_tokens(tokens, quote_parts(quote)) for quote in quotes]
    gold_categories = [gold_category(a) for a in attributions]
    predicted_categories = [predicted_category(quote) for quote in quotes]
    scores.gold += len(attributions)
    scores.predicted += len(quotes)

    for threshold in THRESHOLDS:
        pairs = match(gold_sets, predicted_sets, threshold)
        matched_gold = {g for g, _, _ in pairs}
        matched_predicted = {p for _, p, _ in pairs}
        for category in CATEGORIES:
            counts = scores.prf[category][threshold]
            for g, kind in enumerate(gold_categories):
                if category in ("all", kind):
                    counts.gold += 1
                    counts.matched_gold += g in matched_gold
            for p, kind in enumerate(predicted_categories):
                if category in ("all", kind):
                    counts.predicted += 1
                    counts.matched_predicted += p in matched_predicted
        if threshold != SPEAKER_THRESHOLD:
            continue
        for g, p, _ in pairs:
            attribution, quote = attributions[g], quotes[p]
            if attribution.source is not None:
                correct = speaker_correct(quote, attribution.source.text, resolved[g])
                scores.speaker.total += 1
                scores.speaker.correct += correct
                if is_named_source(attribution.source, text):
                    scores.speaker_named.total += 1
                    scores.speaker_named.correct += correct
                    full = fullest_gold_name(core(attribution.source.text), named_in_article)
                    if full is not None:
                        scores.speaker_full_name.total += 1
                        scores.speaker_full_name.correct += full_name_correct(quote.speaker, full)
            if attribution.cue is not None:
                scores.cue.total += 1
                scores.cue.correct += cue_correct(quote.cue, attribution.cue.text)


def fullest_gold_name(name: str, named_sources: Sequence[str]) -> str | None:
    """The fullest way the annotated sources of one article write the person ``name`` names, titles
    dropped; None when ``name`` is not a person's name (an organisation, a group).

    >>> fullest_gold_name("Peskov", ["Kremlin spokesman Dmitry Peskov", "Mr. Peskov"])
    'Dmitry Peskov'
    >>> fullest_gold_name("the Foreign Ministry", ["the Foreign Ministry"]) is None
    True
    """
    canonical = canonical_speaker(name)
    if not canonical or speaker_kind(name) == "organisation":
        return None
    wanted = surname(canonical)
    forms = [canonical_speaker(other) for other in named_sources]
    same = [form for form in forms if form and surname(form) == wanted and speaker_kind(form) != "organisation"]
    return max(same or [canonical], key=lambda form: len(form.split()))


def full_name_correct(predicted: str | None, full: str) -> bool:
    """Whether the predicted speaker is the full name, not just the right surname: the surnames agree
    and so does the given name when the article gives one (case and accents aside), so "Trump" for
    "Donald Trump" is wrong.

    >>> full_name_correct("Dmitry Peskov", "Dmitry Peskov"), full_name_correct("Peskov", "Dmitry Peskov")
    (True, False)
    >>> full_name_correct("Donald J. Trump", "Donald Trump"), full_name_correct("Jill Stein", "Stein")
    (True, True)
    """
    if not predicted:
        return False
    got, want = speaker_key(canonical_speaker(predicted) or predicted).split(), speaker_key(full).split()
    return bool(got) and got[-1] == want[-1] and (len(want) == 1 or want[-2] in got[:-1])
