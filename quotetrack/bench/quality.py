"""Extraction-quality benchmark: score an Extractor against gold attributions.

Gold data is JSON lines, one article per line, with ``id``, ``publisher``,
``date``, ``title``, ``text`` and ``attributions``: a list of
``{"source", "cue", "content"}``, each ``{"start", "end", "text", "parts"}``
(character offsets into ``text``; ``parts`` are the pieces of a discontinuous
span) or null. This is the PolNeAR layout.

Metric definitions
------------------

Tokens
    The ``\\w+`` matches of the article text, numbered in order. A span's token
    set is the numbers of the tokens whose character range overlaps any of its
    parts. A predicted quote is the single part ``[start, end)`` unless
    ``quote.extra["parts"]`` lists its pieces.

Overlap
    ``|P ∩ G| / max(|P|, |G|)`` of predicted and gold content token sets (0 when
    either is empty): symmetric, and it punishes over- and under-extension alike.

Matching
    One-to-one and greedy: all (gold, prediction) pairs of an article whose
    overlap reaches the threshold, taken by decreasing overlap (ties: earlier
    gold, then earlier prediction). Reported at thresholds 0.3 and 0.8. Gold
    attributions without content are not scored.

Precision, recall, F1
    P = matched predictions / predictions, R = matched gold / gold,
    F1 = 2PR / (P + R); each 0 when its denominator is 0.

Categories
    One matching over everything, then split. A gold attribution is *direct*
    when its content text contains a quote mark (one of ``“ ” „ " « »``),
    otherwise *reported*. A prediction is *direct* when its ``kind`` is
    "direct" or "mixed", otherwise *reported*. A category's recall is its
    matched gold over its gold (whatever category the partner prediction has);
    its precision is its matched predictions over its predictions (whatever
    category the partner gold has).

Speaker accuracy
    Over pairs matched at 0.3 whose gold source is not null. The gold source
    surface text is first *resolved* to a name:

    - a proper name is itself, cut to its core: the source up to its first
      comma, parenthesis or post-modifier (of, in, at, from, for, with, on, who,
      whose, which, that), so "Jane Roe, a senator," is "Jane Roe". A core is a
      proper name when its last word is capitalised and it is not a pronoun; a
      lone word opening a sentence ("Officials said") counts only if the
      article also capitalises it mid-sentence;
    - a source whose core is no name but that has one after a comma or dash
      ("one of the attorneys, Jane Roe,") resolves to that name;
    - a relative pronoun (who, which, that, whom, whose) resolves to the run of
      capitalised words just before it ("Smith, who said"), else as below;
    - another pronoun (he, she, they, I, we, it, this, ...) or a definite role noun
      phrase (the/this/his/... + lowercase head: "the spokesman", "the
      Republican nominee") resolves to the source of the nearest gold
      attribution, by source position before it in the text, whose source is a
      proper name. For he/she, names whose honorific gives the other gender
      (Mr. versus Mrs./Ms./Miss) are skipped, a name of unknown gender fits;
      singular pronouns (he, she, I, ...) skip coordinated names ("X and Y");
    - anything else ("officials", "a source") stays unresolved.

    A prediction is correct when any of these holds (names compare
    case-insensitively on alphabetic words, possessive 's dropped, "U.S." =
    "US"):

    - the predicted ``speaker_mention`` equals the gold surface text, unless
      that is a pronoun resolved to a name ("he" = "he" says nothing of who);
    - the surname (last word) of the resolved name is a word of the predicted
      ``speaker`` (so surnames agree, or "Reyes" is in "Ana Lopez-Reyes");
    - the source is unresolved, the predicted ``speaker`` is None and the
      predicted mention's head word (last word, plural "s" dropped) equals the
      gold surface text's head word ("senior officials" for "officials").

    "Named sources" restricts this to gold sources that are themselves proper
    names by the rule above.

Cue accuracy
    Over pairs matched at 0.3 with a gold cue: correct when the crude stems
    (lowercase; a few irregular verbs mapped to their base; "ing", "ed", "s"
    stripped) of the predicted cue's words share one with the gold cue's words,
    auxiliaries and prepositions ignored unless nothing else is left. Cues with
    no word characters (":") compare as stripped text.

Speed
    Wall time of ``extract`` over the articles. Load time (building the
    Extractor plus one warm-up call, so lazily loaded models are counted there)
    is reported separately.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..records import Article, Quote

THRESHOLDS = (0.3, 0.8)
SPEAKER_THRESHOLD = 0.3
CATEGORIES = ("all", "direct", "reported")
QUOTE_MARKS = frozenset("“”„\"«»")

Parts = tuple[tuple[int, int], ...]


# ---------------------------------------------------------------- gold data


@dataclass(frozen=True)
class Span:
    """A possibly discontinuous stretch of article text."""

    start: int
    end: int
    text: str
    parts: Parts

    @classmethod
    def from_json(cls, record: dict[str, Any] | None) -> Span | None:
        if record is None:
            return None
        parts = tuple((int(a), int(b)) for a, b in record.get("parts") or [(record["start"], record["end"])])
        return cls(int(record["start"]), int(record["end"]), record["text"], parts)


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: who (source), how (cue), what (content)."""

    source: Span | None
    cue: Span | None
    content: Span | None


@dataclass
class GoldArticle:
    """An article with its gold attributions."""

    id: str
    article: Article
    attributions: list[GoldAttribution]


def load_gold(path: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """Read gold articles from a JSON-lines file."""
    gold = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and len(gold) >= limit:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            article = Article(
                text=record["text"],
                title=record.get("title"),
                publisher=record.get("publisher"),
                date=record.get("date"),
            )
            attributions = [
                GoldAttribution(
                    Span.from_json(item.get("source")),
                    Span.from_json(item.get("cue")),
                    Span.from_json(item.get("content")),
                )
                for item in record.get("attributions", [])
            ]
            gold.append(GoldArticle(str(record.get("id", len(gold))), article, attributions))
    return gold


# ------------------------------------------------------------ span overlap

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


# ---------------------------------------------------------- speaker matching

PRONOUNS = frozenset(
    """he she they i we you it him her them me us his hers their theirs its my our your
    himself herself themselves itself myself ourselves yourself one this these those""".split()
)
RELATIVE_PRONOUNS = frozenset("who whom whose which that".split())
SINGULAR = frozenset("he him his himself she her hers herself i me my myself".split())
MALE = frozenset("he him his himself".split())
FEMALE = frozenset("she her hers herself".split())
# A source starting with one of these and ending in a lowercase noun refers back to someone.
DEFINITE = frozenset("the this that these those his her its their".split())
MALE_HONORIFICS = frozenset("mr sir lord king prince".split())
FEMALE_HONORIFICS = frozenset("mrs ms miss madam dame lady queen princess".split())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+)*[A-Z][\w'’.-]*)[\s,]*$")


def words(text: str | None) -> list[str]:
    """Alphabetic words, possessive 's dropped.

    >>> words("Mr. O'Brien's aide at the U.S. embassy")
    ['Mr', "O'Brien", 'aide', 'at', 'the', 'US', 'embassy']
    """
    found = []
    # "U.S." and "US" are the same word.
    text = re.sub(r"(?<=\b[A-Z])\.(?=[A-Z]\b)", "", text or "")
    for word in _WORD.findall(text):
        if word.lower().endswith(("'s", "’s")):
            word = word[:-2]
        found.append(word)
    return found


def surname(name: str | None) -> str | None:
    """The last alphabetic word, lowercased.

    >>> surname("Mr. Obama")
    'obama'
    """
    found = words(name)
    return found[-1].lower() if found else None


def _normal(text: str | None) -> str:
    return " ".join(word.lower() for word in words(text))


def _head(text: str | None) -> str | None:
    last = surname(text)
    if last and len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return last


def is_pronoun(text: str) -> bool:
    """A single pronoun ("he", "They", "who")."""
    found = words(text)
    return len(found) == 1 and found[0].lower() in PRONOUNS | RELATIVE_PRONOUNS


_POSTMODIFIER = re.compile(r"[,(]|\s(?:of|in|at|from|for|with|on|who|whose|which|that)\s")


def core(text: str) -> str:
    """A source without its apposition or post-modifier: the head noun phrase.

    >>> core("Jane Roe (D-Ore.), a senator,"), core("the officials at the Ministry of Truth")
    ('Jane Roe', 'the officials')
    """
    return _POSTMODIFIER.split(text, maxsplit=1)[0].strip() or text.strip()


def is_name(text: str) -> bool:
    """A proper name: its core's last word is capitalised and it is not a pronoun.

    >>> [is_name(t) for t in ("Mr. Obama", "the Republican nominee", "The Post", "officials", "He")]
    [True, False, True, False, False]
    """
    text = core(text)
    found = words(text)
    # "my sister and I" ends in a capital, but in a pronoun.
    if not found or is_pronoun(text) or found[-1] == "I":
        return False
    return found[-1][0].isupper()


def is_named_source(source: Span, text: str) -> bool:
    """``is_name``, but a lone capitalised word opening a sentence must be capitalised elsewhere too.

    >>> is_named_source(Span(0, 9, "Officials", ((0, 9),)), "Officials said so.")
    False
    """
    if not is_name(source.text):
        return False
    found = words(source.text)
    before = text[: source.start].rstrip(" \t“”\"'‘’")
    if len(found) > 1 or (before and before[-1] not in ".!?:\n"):
        return True
    # Sentence-initial capitals say nothing: look for the word capitalised mid-sentence.
    pattern = rf"[\w,;’'”\"]\s+{re.escape(found[0])}\b"
    return re.search(pattern, text) is not None


def is_role(text: str) -> bool:
    """A definite noun phrase with a lowercase head: "the spokesman", "his aide"."""
    found = words(core(text))
    return len(found) >= 2 and found[0].lower() in DEFINITE and not found[-1][0].isupper()


def gender(text: str) -> str | None:
    """"m"/"f" from a pronoun or an honorific, else None."""
    found = [word.lower() for word in words(text)]
    if not found:
        return None
    if found[0] in MALE or found[0] in MALE_HONORIFICS:
        return "m"
    if found[0] in FEMALE or found[0] in FEMALE_HONORIFICS:
        return "f"
    return None


_COORDINATED = re.compile(r"\s(?:and|&)\s")


def _apposed_name(surface: str) -> str | None:
    # "one of the attorneys, Jane Roe," names its source after the comma.
    for piece in re.split(r",|--|—|–", surface)[1:]:
        if is_name(piece):
            return core(piece)
    return None


def resolve_sources(text: str, attributions: Sequence[GoldAttribution]) -> list[str | None]:
    """The name each gold source refers to (None when null or unresolvable)."""
    named = sorted(
        (attribution.source.start, core(attribution.source.text))
        for attribution in attributions
        if attribution.source is not None and is_named_source(attribution.source, text)
    )
    resolved: list[str | None] = []
    for attribution in attributions:
        source = attribution.source
        if source is None:
            resolved.append(None)
            continue
        surface = source.text
        if is_named_source(source, text):
            resolved.append(core(surface))
            continue
        apposed = _apposed_name(surface)
        if apposed:
            resolved.append(apposed)
            continue
        if not (is_pronoun(surface) or is_role(surface)):
            resolved.append(None)
            continue
        if words(surface)[0].lower() in RELATIVE_PRONOUNS:
            # The antecedent of "who" sits right before it, attribution or not.
            before = _NAME_BEFORE.search(text[max(0, source.start - 80) : source.start])
            if before and is_name(before.group(1)):
                resolved.append(before.group(1))
                continue
        wanted = gender(surface)
        singular = words(surface)[0].lower() in SINGULAR
        choice = None
        for start, name in reversed(named):
            if start >= source.start:
                continue
            if wanted and gender(name) not in (None, wanted):
                continue
            if singular and _COORDINATED.search(name):
                continue
            choice = name
            break
        resolved.append(choice)
    return resolved


def speaker_correct(quote: Quote, surface: str, resolved: str | None) -> bool:
    """Whether a predicted quote's speaker agrees with a gold source (see module doc)."""
    same_mention = bool(quote.speaker_mention) and _normal(quote.speaker_mention) == _normal(surface)
    # "he" = "he" says nothing about who; "the spokesman" = "the spokesman" does,
    # and overrides our crude resolution of role nouns.
    if same_mention and (resolved is None or not is_pronoun(surface)):
        return True
    if resolved is not None:
        if quote.speaker is None:
            return False
        wanted = surname(resolved)
        return wanted is not None and wanted in {word.lower() for word in words(quote.speaker)}
    return quote.speaker is None and _head(quote.speaker_mention) is not None and (
        _head(quote.speaker_mention) == _head(surface)
    )


# -------------------------------------------------------------- cue matching

_IRREGULAR = {
    "said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
    "spoken": "speak", "thought": "think", "felt": "feel", "knew": "know", "known": "know", "saw": "see",
    "seen": "see", "heard": "hear", "meant": "mean", "made": "make", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "began": "begin", "predicted": "predict",
}
_FUNCTION_WORDS = frozenset(
    """to for on of in at by with about from that has have had having is are was were be been being
    will would could should can may might do does did also not as""".split()
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
            if attribution.cue is not None:
                scores.cue.total += 1
                scores.cue.correct += cue_correct(quote.cue, attribution.cue.text)


# ----------------------------------------------------------------- running

_WARM_UP = Article(text="“We will see,” the minister said on Monday.")


def run(gold: Sequence[GoldArticle], engine: str = "auto") -> Scores:
    """Extract with ``Extractor(engine)`` over the gold articles and score, timing both phases."""
    from ..extract import Extractor

    started = time.perf_counter()
    extractor = Extractor(engine=engine)
    extractor.extract(_WARM_UP)  # so lazily loaded models land in load time
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    predictions = [extractor.extract(gold_article.article) for gold_article in gold]
    seconds = time.perf_counter() - started

    scores = evaluate(gold, predictions)
    scores.seconds, scores.load_seconds = seconds, load_seconds
    return scores


def format_scores(scores: Scores, title: str) -> str:
    """The printable table ``report`` returns."""

    def pct(value: float) -> str:
        return f"{100 * value:5.1f}"

    lines = [
        title,
        f"{'':16} {'overlap >= 0.3':^20}   {'overlap >= 0.8':^20}",
        f"{'':16} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}",
    ]
    for category in CATEGORIES:
        cells = []
        for threshold in THRESHOLDS:
            counts = scores.prf[category][threshold]
            cells.append(f"{pct(counts.precision):>6} {pct(counts.recall):>6} {pct(counts.f1):>6}")
        counts = scores.prf[category][THRESHOLDS[0]]
        lines.append(f"{category:16} {cells[0]}   {cells[1]}   {counts.gold:>5} {counts.predicted:>5}")

    def ratio(r: Ratio) -> str:
        return f"{pct(r.value).strip()}% ({r.correct}/{r.total})"

    lines.append(f"{'speaker accuracy':16} {ratio(scores.speaker)}   named sources {ratio(scores.speaker_named)}")
    lines.append(f"{'cue accuracy':16} {ratio(scores.cue)}")
    if scores.seconds is not None:
        seconds = max(scores.seconds, 1e-9)
        load = f"load {scores.load_seconds:.2f} s" if scores.load_seconds is not None else "load not measured"
        lines.append(
            f"{'speed':16} {scores.articles / seconds:.1f} articles/s, {scores.tokens / seconds:,.0f} tokens/s"
            f" (extract {scores.seconds:.2f} s, {load})"
        )
    return "\n".join(lines)


def _title(gold_path: Path, scores: Scores, engine: str) -> str:
    return (
        f"quotetrack quality on {Path(gold_path).name} ({scores.articles} articles, "
        f"{scores.gold} gold attributions, {scores.predicted} predicted, engine {engine})"
    )


def report(gold_path: Path, engine: str = "auto", limit: int | None = None) -> str:
    """Run ``Extractor(engine)`` over a gold file and return a printable table."""
    scores = run(load_gold(gold_path, limit=limit), engine=engine)
    return format_scores(scores, _title(gold_path, scores, engine))


def main(
    argv: Sequence[str] | None = None, default_path: Path | None = None, prog: str = "python -m quotetrack.bench.quality"
) -> int:
    """``python -m quotetrack.bench.quality PATH [--engine rules] [--limit N] [--json]``."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?" if default_path else None, default=default_path,
                        help="gold JSON-lines file")
    parser.add_argument("--engine", default="auto", help="extractor engine: auto, rules or stanza")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.path.exists():
        parser.error(f"no such gold file: {args.path}")
    if args.json:
        scores = run(load_gold(args.path, limit=args.limit), engine=args.engine)
        print(json.dumps({"path": str(args.path), "engine": args.engine, **scores.to_dict()}, indent=2))
    else:
        print(report(args.path, engine=args.engine, limit=args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
