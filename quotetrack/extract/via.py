"""The via outlet: the news organisation a quote was relayed through, and the chain of relays.

A quote's sentence is read, outside the quoted content, for *relay slots*: words that put a
news organisation between the speaker and the article (`TASS quoted X as saying`, `X was cited
by Interfax`, `X told Reuters`, `in an interview with the BBC`, `said on CNBC`, `according to
Xinhua`, `..., Xinhua reported, citing X`, `an op-ed for The Washington Post`). The phrase in a
slot becomes an outlet when the gazetteer knows it, when it is described as one (`the
pro-government daily Sabah`, `CBS affiliate WUSA`, `the Kathmandu Post`), or, in slots only an
outlet fills (`quoted by`, `X reported`, `op-ed for`), when it is a name that is not a person's.
`The newspaper quoted ...` refers back to the outlet of that kind named just before, and
`the president told Holloway` to the outlet a journalist was introduced with (`Fox News
anchor Bret Holloway`). Employers in titles (`CNN meteorologist Jo Park said`), statements,
social platforms, press conferences and listeners (`told reporters`) fill no slot.

>>> finder = ViaFinder("Kremlin spokesman Dmitry Peskov told local broadcaster Zvezda-Ural that talks were over.")
>>> finder.find_in(0, 88, content=(71, 87), speaker=(0, 31))
Via(outlet='Zvezda-Ural', chain=['Zvezda-Ural'], start=55, end=66, cited=None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import lexicon
from ..resolve.outlets import Outlets
from ..resources import word_lines, word_list
from .sentences import Entity

_PLATFORMS = word_list("social_platforms")
_NAME_WORDS = word_list("outlet_name_words")
_MODIFIERS = word_list("outlet_modifiers")
_JOURNALISTS = word_list("journalist_roles")
_FIRST_NAMES = lexicon.MALE_NAMES | lexicon.FEMALE_NAMES
_CONNECTORS = frozenset({"of", "and", "&", "de", "del", "des", "la", "le", "al", "el", "di", "da", "du", "i", "y", "am", "für", "-"})
_NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "His", "Her", "Their", "Its"})
_HYPHENATED_MODIFIER = re.compile(r"^(?:pro-|anti-)\w+|\w+-(?:run|owned|controlled|backed|funded|language|based|affiliated|leaning|official)$")
_TOKEN = re.compile(r"\w(?:[\w'’&/-]|\.(?=\w))*|[^\w\s]")
_QUOTES = frozenset("\"“”«»„‘")
# Words that may follow an outlet phrase (`told the newspaper that`, `told the agency it would`).
_FUNCTION_WORDS = frozenset(
    "that in on as about at from for to with by and but which who when while after before during this last earlier later "
    "it he she they we i you there the a an his her their its our was were had has is are would will could said".split()
)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


@cache
def _descriptors() -> dict[tuple[str, ...], str | None]:
    """Outlet descriptor words (``data/lexicon/outlet_descriptors.txt``) -> the outlet kind they imply."""
    table: dict[tuple[str, ...], str | None] = {}
    for line in word_lines("outlet_descriptors"):
        words, _, kind = line.partition("|")
        table[tuple(words.split())] = kind.strip() or None
    return table


# Relay slots whose outlet phrase follows them. Strength "open": a plain name is an outlet unless it
# is a person's; "closed": only a known, described or journalist-linked outlet counts.
_AFTER_SLOTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:quoted|cited|interviewed|questioned)\s+by\s+"), "open"),
    (re.compile(r"\b(?:quoted|cited)\s+as\s+(?:saying|telling|stating|writing|adding)\s+by\s+"), "open"),
    (re.compile(r"\b(?:told|tells|tell|telling)\s+"), "closed"),
    (re.compile(r"\b(?:[Ii]n|during)\s+(?:an?|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?(?:interview|conversation)\s+(?:with|to)\s+"), "open"),
    (re.compile(r"\b(?:gave|give|gives|giving|granted|grants)\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:interview\s+)?to\s+"), "open"),
    (re.compile(r"\b(?:[Ss]peaking|[Tt]alking|spoke|speaks|talked)\s+(?:\w+ly\s+|later\s+|earlier\s+)?(?:to|with)\s+"), "open"),
    (re.compile(r"\b[Ii]n\s+(?:remarks|comments|an?\s+(?:[\w-]+\s+)?(?:statement|appearance|message))\s+(?:to|on)\s+"), "open"),
    (re.compile(r"\b(?:confirmed|confided|explained|revealed|admitted|said|disclosed|conceded|insisted)\s+to\s+"), "open"),
    (re.compile(r"\b(?:said|speaking|appearing|interviewed|asked)\s+on\s+"), "closed"),
    (re.compile(r"\b(?:[Ii]n|[Ff]or)\s+(?:an?|his|her|their)\s+(?:op-ed|opinion\s+(?:piece|article|column)|article|column|commentary|essay|piece|editorial)"
                r"\s+(?:[\w-]+\s+)?(?:for|in|published\s+(?:by|in))\s+"), "open"),  # fmt: skip
    (re.compile(r"\b[Aa]ccording\s+to\s+"), "closed"),
    (re.compile(r"\bciting\s+"), "cited"),
]
# Relay slots whose outlet phrase stands before them: `TASS quoted ... as saying`, `..., Xinhua reported`.
_BEFORE_SLOTS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\s(?:quoted|cited)\s(?=.{1,160}?\bas\s+(?:saying|telling|stating|writing|adding|calling|describing))", re.DOTALL), "open"),
    (re.compile(r"\s(?:reported|reports|carried|published|broadcast|aired)\b(?!\s+(?:on|about|by)\b)"), "open"),
    (re.compile(r"\s(?:said|says|added)\b"), "carrier"),
]
_CITING_ASIDE = re.compile(r",\s*citing\s[^,;]{1,90},\s*$")
_BACK_SKIP = re.compile(r"(?:\s+(?:had|has|have|also|later|earlier|then|first|(?:late |early )?on \w+day|on \w+))+\s*$")
_JOURNALIST = re.compile(
    r"([A-Z][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*){0,3}?)(?:['’]s?)?\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(sorted(_JOURNALISTS, key=len, reverse=True))
    + r")\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
)

# `CNN's Dana Hollis`: a person named with a known outlet's possessive is its journalist.
_OUTLETS_OWN = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z0-9][\w&.-]*){0,3}?)['’]s?\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})")


@dataclass(frozen=True)
class Mention:
    """An outlet named in the text: its name (canonical when the gazetteer knows it) and where."""

    name: str
    start: int
    end: int
    kind: str | None = None


@dataclass
class Via:
    """The relay of one quote: the outlet nearest the speaker, every relay, and where the outlet is named.

    ``cited`` is the character range of `citing X` when the outlet itself stands as the speaker
    (`Interfax reported, citing Deputy Prime Minister Alexander Novak`): X is who spoke.
    """

    outlet: str
    chain: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    cited: tuple[int, int] | None = None


@dataclass
class _Phrase:
    """What a relay slot holds: an outlet mention, a person, or `the newspaper` (a reference back)."""

    start: int
    end: int
    mention: Mention | None = None
    person: bool = False
    anaphoric_kind: str | None = None
    possessive: bool = False


def bare_outlet_name(name: str) -> str:
    """An outlet's name without "the", descriptors and modifiers, as the text names it.

    >>> bare_outlet_name("the pro-government daily Sabah"), bare_outlet_name("the Tasnim news agency")
    ('Sabah', 'Tasnim')
    """
    tokens = [match.group() for match in _TOKEN.finditer(name)]
    reading = _read_tokens(tokens)
    return " ".join(tokens[reading[0] : reading[1]]) if reading else name.strip()


def _is_descriptor_at(tokens: list[str], k: int) -> int:
    """How many tokens from ``k`` form a lower-case outlet descriptor (0 when none)."""
    table = _descriptors()
    for size in (3, 2, 1):
        words = tuple(t.lower() for t in tokens[k : k + size])
        if len(words) == size and words in table and tokens[k][:1].islower() or (size == 1 and tokens[k] == "TV" and k > 0):
            return size
    return 0


def _is_modifier(token: str) -> bool:
    return token in _MODIFIERS or token in lexicon.DEMONYMS or bool(_HYPHENATED_MODIFIER.match(token))


def _read_tokens(tokens: list[str]) -> tuple[int, int, str | None, bool] | None:
    """The name's token range in an outlet phrase, the kind its descriptor implies, and whether it has one.

    `CBS affiliate WUSA` names WUSA (the network before `affiliate` only qualifies it);
    `the Tasnim news agency` names Tasnim; `the newspaper` names nothing (range empty).
    """
    k = 1 if tokens and tokens[0].lower() in ("the", "a", "an") else 0
    segments: list[tuple[int, int]] = []
    kind: str | None = None
    described = False
    start = k
    while k < len(tokens):
        size = _is_descriptor_at(tokens, k)
        if size:
            if k > start:
                segments.append((start, k))
            kind = _descriptors().get(tuple(t.lower() for t in tokens[k : k + size])) or kind
            described = True
            k += size
            start = k
        elif _is_modifier(tokens[k]) and (k + 1 < len(tokens)):
            if k > start:
                segments.append((start, k))
            k += 1
            start = k
        else:
            k += 1
    if k > start:
        segments.append((start, k))
    if not segments:
        return (0, 0, kind, described) if described else None
    first, last = segments[0]
    if described and segments[-1][1] == len(tokens) and segments[-1][0] > 0 and _is_descriptor_at(tokens, segments[-1][0] - 1):
        first, last = segments[-1]  # `CBS affiliate WUSA`, `the daily Hürriyet`: the name after the descriptor
    return (first, last, kind, described)


class ViaFinder:
    """Via outlets of the quotes of one article."""

    def __init__(self, text: str, outlets: Outlets | None = None, entities: list[Entity] | None = None):
        self.text = text
        self.outlets = outlets or Outlets.load()
        self.people = [(start, end) for start, end, label, _ in entities or [] if label == "PERSON"]
        self.known = [
            Mention(name, start, end, (self.outlets.info(name).kind if self.outlets.info(name) else None))
            for name, start, end in self.outlets.find(text)
            if not self._in_person(start, end) and text[start:end] not in _PLATFORMS
        ]
        self.journalists: dict[str, Mention] = {}
        for match in [*_JOURNALIST.finditer(text), *_OUTLETS_OWN.finditer(text)]:
            outlet = self._outlet_phrase(match.start(1), match.end(1), "open")
            possessive_only = match.re is _OUTLETS_OWN
            if outlet and outlet.mention and (not possessive_only or outlet.mention.name in self.outlets.outlets):
                for key in (match.group(2), match.group(2).split()[-1]):
                    self.journalists.setdefault(key, outlet.mention)

    def _in_person(self, start: int, end: int) -> bool:
        return any(low < end and start < high for low, high in self.people)

    def lookup(self, name: str) -> str | None:
        """The gazetteer's name for ``name`` written as a whole (an outlet merely inside it does not count)."""
        return self.outlets.canonical(name.strip(), search=False) if name.strip() else None

    def _outlet_phrase(self, start: int, end: int, strength: str) -> _Phrase | None:
        """Judge the words ``text[start:end]`` of a relay slot: an outlet, a person, a reference back, or nothing."""
        text = self.text
        matches = list(_TOKEN.finditer(text, start, end))
        while matches and matches[0].group() in _QUOTES:
            matches = matches[1:]
        if not matches:
            return None
        tokens = [m.group() for m in matches]
        reading = _read_tokens(tokens)
        if reading is None:
            return None
        first, last, kind, described = reading
        phrase_start, phrase_end = matches[0].start(), matches[-1].end()
        if first == last:
            if described and tokens[0].lower() == "the":
                return _Phrase(phrase_start, phrase_end, anaphoric_kind=kind or "")
            return None
        name = " ".join(tokens[first:last])
        name_start, name_end = matches[first].start(), matches[last - 1].end()
        if name in _NOT_NAMES or name in lexicon.DEMONYMS or name in _PLATFORMS or name in _WEEKDAYS:
            return None
        # The phrase as a whole first: `The Punch`, `the Polish Press Agency`, `the TT news agency`.
        canonical = self.lookup(" ".join(tokens)) or self.lookup(" ".join(tokens[first:])) or self.lookup(name)
        if canonical is None and tokens[0].lower() == "the":
            canonical = self.lookup(" ".join(tokens[1:]))
        if canonical and self.lookup(" ".join(tokens)) == canonical:
            name_start, name_end = phrase_start, phrase_end
        first_word = tokens[first]
        named = tokens[last - 1] in _NAME_WORDS and last - first >= 2 - (tokens[0].lower() == "the")
        person = first_word in _FIRST_NAMES or first_word.lower() in lexicon.TITLES
        if canonical and not person:
            return _Phrase(phrase_start, phrase_end, Mention(canonical, name_start, name_end, self._kind(canonical)))
        journalist = name in self.journalists or name.split()[-1] in self.journalists
        if person or journalist or not (described or named) and self._in_person(name_start, name_end):
            return _Phrase(phrase_start, phrase_end, person=True)
        if not name[:1].isupper() and not name[:1].isdigit():
            return None
        if name in lexicon.PLACES or name in lexicon.ORG_WORDS or tokens[last - 1] in lexicon.PLACES and not described:
            return None
        if described or named or strength == "open":
            return _Phrase(phrase_start, phrase_end, Mention(name, name_start, name_end, kind))
        return None

    def _kind(self, canonical: str) -> str | None:
        info = self.outlets.info(canonical)
        return info.kind if info else None

    def _phrase_after(self, position: int, limit: int) -> tuple[int, int, bool]:
        """The words of an outlet phrase starting at ``position``: up to a lower-case word that is not part of one.

        `told the daily briefing` holds no outlet: a descriptor followed by a noun is an adjective.
        """
        end = position
        possessive = False
        opened = False
        last_token = ""
        for match in _TOKEN.finditer(self.text, position, limit):
            token = match.group()
            if token in _QUOTES:
                if not opened and end == position:
                    opened = True
                    continue
                break
            if not (token[:1].isupper() or token[:1].isdigit() or token.lower() in ("the", "a", "an") and end == position
                    or token in _CONNECTORS and end > position or _is_modifier(token) or self._descriptor_word(token)
                    or self.outlets.is_alias(token)):  # fmt: skip
                if last_token.islower() and token.isalpha() and token.islower() and token not in _FUNCTION_WORDS:
                    return position, position, False
                break
            bare = re.sub(r"['’]s?$", "", token) if len(token) > 2 else token
            end = match.start() + len(bare)
            last_token = bare
            if bare != token and token[len(bare) :] in ("'s", "’s", "'", "’"):
                possessive = True
                break
        while end > position and self.text[end - 1] in " -":
            end -= 1
        return position, end, possessive

    @staticmethod
    def _descriptor_word(token: str) -> bool:
        return token.islower() and any(token == words[0] or token in words for words in _descriptors())

    def _phrase_before(self, position: int, floor: int) -> tuple[int, int]:
        """The words of an outlet phrase ending at ``position``: back to a comma, quote mark or clause start."""
        head = self.text[floor:position]
        head = _CITING_ASIDE.sub("", head)
        head = _BACK_SKIP.sub("", head)
        end = floor + len(head.rstrip())
        start = end
        for match in reversed(list(_TOKEN.finditer(self.text, floor, end))):
            token = match.group()
            if not (token[:1].isupper() or token[:1].isdigit() or token.lower() in ("the",) or token in _CONNECTORS
                    or _is_modifier(token) or self._descriptor_word(token) or self.outlets.is_alias(token)):  # fmt: skip
                break
            start = match.start()
            if token.lower() == "the":
                break
        return start, end

    def slots(self, start: int, end: int, content: tuple[int, int]) -> list[tuple[_Phrase, str, str]]:
        """Every relay slot of ``text[start:end]`` outside ``content``: (phrase, strength, side)."""
        found: list[tuple[_Phrase, str, str]] = []
        pieces = [(start, content[0]), (content[1], end)]
        for low, high in pieces:
            if high <= low:
                continue
            for pattern, strength in _AFTER_SLOTS:
                for match in pattern.finditer(self.text, low, high):
                    first, last, possessive = self._phrase_after(match.end(), high)
                    phrase = self._outlet_phrase(first, last, strength) if last > first else None
                    if phrase is not None:
                        phrase.possessive = possessive
                        found.append((phrase, strength, "after"))
            for pattern, strength in _BEFORE_SLOTS:
                for match in pattern.finditer(self.text, low, high):
                    first, last = self._phrase_before(match.start(), low)
                    phrase = self._outlet_phrase(first, last, "open") if last > first else None
                    if phrase is not None and (strength != "carrier" or _CITING_ASIDE.search(self.text[low : match.start()])):
                        found.append((phrase, strength, "before"))
        return found

    def find_in(
        self, start: int, end: int, content: tuple[int, int], speaker: tuple[int, int] | None = None
    ) -> Via | None:
        """The via of the quote whose sentence is ``text[start:end]``, content ``content`` and speaker mention ``speaker``."""
        hops: list[tuple[Mention, str]] = []
        cited = None
        for phrase, strength, _ in self.slots(start, end, content):
            mention = phrase.mention
            if phrase.anaphoric_kind is not None:
                mention = self._refer_back(phrase.start, phrase.anaphoric_kind)
            elif phrase.person and strength != "cited":
                mention = self._journalist(phrase.start, phrase.end)
            elif phrase.possessive and mention and mention.name not in self.outlets.outlets:
                mention = None if strength == "closed" else mention
            if strength == "cited" and mention is None and cited is None:
                cited = (phrase.start, phrase.end)
                continue
            if mention is None:
                continue
            hops.append((mention, strength))
        carried = any(strength != "cited" for _, strength in hops)
        # `citing TASS` is a hop when TASS is a known or described outlet, or when an outlet cites it.
        hops = [(m, strength) for m, strength in hops if strength != "cited" or carried or self._known_or_described(m)]
        if not hops:
            return None
        speaker_is_outlet = speaker is not None and any(m.start < speaker[1] and speaker[0] < m.end for m, _ in hops)
        anchor = content if speaker is None or speaker_is_outlet else speaker
        hops.sort(key=lambda hop: _distance(anchor, (hop[0].start, hop[0].end)) if hop[0].start >= start else 10**6)
        chain: list[str] = []
        for mention, _ in hops:
            if mention.name not in chain:
                chain.append(mention.name)
        nearest = hops[0][0]
        return Via(nearest.name, chain, nearest.start, nearest.end, cited if speaker_is_outlet else None)

    def _known_or_described(self, mention: Mention) -> bool:
        return mention.name in self.outlets.outlets or mention.kind is not None

    def _refer_back(self, position: int, kind: str) -> Mention | None:
        """`the newspaper`: the nearest outlet named before ``position`` (within a few sentences) of a matching kind."""
        candidates = [m for m in self.known if m.end <= position and position - m.start < 600]
        for mention in reversed(candidates):
            if not kind or mention.kind is None or mention.kind == kind or (kind == "newspaper" and mention.kind in ("magazine", "news site")):
                return mention
        return None

    def _journalist(self, start: int, end: int) -> Mention | None:
        """`told Holloway` when Holloway was introduced as `Fox News anchor Bret Holloway`: that outlet."""
        name = self.text[start:end]
        return self.journalists.get(name) or self.journalists.get(name.split()[-1]) if name.split() else None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two ranges, 0 when they overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])
