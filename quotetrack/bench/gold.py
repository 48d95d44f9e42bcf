"""Gold data for the quality benchmark: articles with annotated attributions, and who their sources are.

Gold data is JSON lines, one article per line, with ``id``, ``publisher``, ``date``,
``title``, ``text`` and ``attributions``: a list of ``{"source", "cue", "content"}``,
each ``{"start", "end", "text", "parts"}`` or null. ``resolve_sources`` turns each source's
surface text into the name it refers to, as defined in :mod:`quotetrack.bench.quality`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..lexicon import FEMALE_NAMES, MALE_NAMES
from ..records import Article
from . import BenchmarkError

Parts = tuple[tuple[int, int], ...]


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
    """Read gold articles from a JSON-lines file; a line that is not a gold article is a ``BenchmarkError``."""
    gold: list[GoldArticle] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if limit is not None and len(gold) >= limit:
                break
            if not line.strip():
                continue
            try:
                gold.append(_gold_article(json.loads(line), default_id=str(len(gold))))
            except (ValueError, KeyError, TypeError, AttributeError) as error:
                problem = f"missing field {error}" if isinstance(error, KeyError) else str(error).splitlines()[0]
                raise BenchmarkError(f"{path}:{number}: not a gold article ({problem})") from error
    return gold


def _gold_article(record: dict[str, Any], default_id: str) -> GoldArticle:
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
    return GoldArticle(str(record.get("id", default_id)), article, attributions)


# ---------------------------------------------------------- speaker resolution

PRONOUNS = frozenset(
    [
        "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "me", "us", "his", "hers",
        "their", "theirs", "its", "my", "our", "your", "himself", "herself", "themselves", "itself",
        "myself", "ourselves", "yourself", "one", "this", "these", "those"
    ]
)
RELATIVE_PRONOUNS = frozenset(["who", "whom", "whose", "which", "that"])
SINGULAR = frozenset(["he", "him", "his", "himself", "she", "her", "hers", "herself", "i", "me", "my", "myself"])
MALE = frozenset(["he", "him", "his", "himself"])
FEMALE = frozenset(["she", "her", "hers", "herself"])
# A source starting with one of these and ending in a lowercase noun refers back to someone.
DEFINITE = frozenset(["the", "this", "that", "these", "those", "his", "her", "its", "their"])
MALE_HONORIFICS = frozenset(["mr", "sir", "lord", "king", "prince"])
FEMALE_HONORIFICS = frozenset(["mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"])

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


def normal_words(text: str | None) -> str:
    """The words of ``text``, lowercased, one space apart: names compare on these."""
    return " ".join(word.lower() for word in words(text))


def head_word(text: str | None) -> str | None:
    """The last word, lowercased, a plural "s" dropped: "senior officials" -> "official"."""
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


def name_gender(name: str, names: Sequence[str]) -> str | None:
    """"m"/"f" from a name's honorific, else from the first name of its fullest form among ``names``
    (the article's named sources) when that first name has one gender in the project's name lists;
    None when nothing tells or the same surname is written with first names of both genders.

    >>> name_gender("Clinton", ["Hillary Clinton", "Clinton"]), name_gender("Mr. Lee", []), name_gender("Lee", ["Ann Lee", "Tom Lee"])
    ('f', 'm', None)
    """
    honorific = gender(name)
    if honorific:
        return honorific
    last = surname(name)
    found = set()
    for other in [name, *names]:
        forms = words(other)
        if not forms or forms[-1].lower() != last:
            continue
        for word in forms[:-1]:
            if word in FEMALE_NAMES or word in MALE_NAMES:
                found.add("f" if word in FEMALE_NAMES else "m")
                break
    return found.pop() if len(found) == 1 else None


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
    cores = [name for _, name in named]
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
            if wanted and name_gender(name, cores) not in (None, wanted):
                continue
            if singular and _COORDINATED.search(name):
                continue
            choice = name
            break
        resolved.append(choice)
    return resolved
