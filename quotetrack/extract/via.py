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

from .. import lexicon
from ..nlp.patterns import prefix_tree, words_opening
from ..resolve.outlets import Outlets
from .outlet_words import (
    CONNECTORS,
    FIRST_NAMES,
    FUNCTION_WORDS,
    JOURNALIST_ROLES,
    NAME_WORDS,
    NOT_NAMES,
    PLATFORMS,
    QUOTES,
    TOKEN,
    WEEKDAYS,
    bare_outlet_name,
    is_descriptor_word,
    is_modifier,
    is_person_word,
    name_offsets,
    read_tokens,
    relay_tail,
)
from .sentences import Entity

__all__ = ["Mention", "PhraseReader", "Via", "ViaFinder", "bare_outlet_name", "relay_tail"]


# Relay slots whose outlet phrase follows them. Strength "open": a plain name is an outlet unless it
# is a person's; "closed" (and "on", which never refers back): only a known, described or journalist-linked outlet.
# Each slot comes with words one of which every match holds: a sentence without any is passed over
# without scanning it (`in` is many times quicker than the pattern).
_AFTER_SLOTS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(words_opening("quoted", "cited", "interviewed", "questioned") + r"\s+by\s+"), "open", ("quoted", "cited", "interviewed", "questioned")),
    (re.compile(words_opening("quoted", "cited") + r"\s+as\s+(?:saying|telling|stating|writing|adding)\s+by\s+"), "open", ("quoted", "cited")),
    (re.compile(words_opening("told", "tells", "tell", "telling") + r"\s+"), "closed", ("told", "tell")),
    (re.compile(words_opening("In", "in", "during") + r"\s+(?:an?|his|her|their|its|the)\s+(?:[\w-]+\s+){0,2}?(?:interview|conversation)\s+(?:with|to)\s+"), "open",
     ("interview", "conversation")),
    (re.compile(words_opening("gave", "give", "gives", "giving", "granted", "grants") + r"\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:interview\s+)?to\s+"), "open", ("gave", "giv", "grant")),
    (re.compile(words_opening("Speaking", "speaking", "Talking", "talking", "spoke", "speaks", "talked") + r"\s+(?:\w+ly\s+|later\s+|earlier\s+)?(?:to|with)\s+"), "closed",
     ("peaking", "alking", "spoke", "speaks", "talked")),
    (re.compile(words_opening("In", "in") + r"\s+(?:remarks|comments|an?\s+[^.,;\"“]{0,30}?(?:statement|appearance|message|email|e-mail|letter))\s+(?:\w+\s+){0,2}?(?:to|on)\s+"), "closed",
     ("remarks", "comments", "statement", "appearance", "message", "mail", "letter")),
    (re.compile(words_opening("confirmed", "confided", "explained", "revealed", "admitted", "said", "disclosed", "conceded", "insisted") + r"\s+to\s+"), "open", ("to",)),
    # `said on CNBC`, `said Sunday on NBC's “Meet the Press”`, `during a recent appearance on CNN`.
    (re.compile(words_opening("On", "on") + r"\s+"), "on", ("On", "on")),
    (re.compile(words_opening("In", "in", "For", "for") + r"\s+(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:op-ed|opinion\s+(?:piece|article|column)|article|column|commentary|essay|piece|editorial)"
                r"\s+(?:[\w-]+\s+)?(?:for|in|published\s+(?:by|in))\s+"), "open", ("op-ed", "opinion", "article", "column", "commentary", "essay", "piece", "editorial")),
    (re.compile(words_opening("According", "according") + r"\s+to\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:report|article|story|interview|broadcast)\s+(?:by|in|from|with|on)\s+"), "open",
     ("ccording",)),
    (re.compile(words_opening("According", "according") + r"\s+to\s+"), "closed", ("ccording",)),
    (re.compile(r"[,”\"’]\s*(?:reported|reports)\s+"), "open", ("report",)),  # `..., reports USA Today.`
    (re.compile(r"e(?<=\we)d\s+to\s+"), "closed", ("to",)),  # `reiterated to ABC News`: a word ending in `ed` (opening with `e`: see nlp.patterns)
    (re.compile(words_opening("Writing", "writing", "writes", "wrote") + r"\s+(?:\w+\s+)?(?:in|for)\s+"), "closed", ("riting", "writes", "wrote")),
    (re.compile(words_opening("In", "in") + r"\s+an?\s+(?:[\w-]+\s+){0,2}?(?:report|article|story|piece|profile|documentary)\s+(?:in|by|for|on)\s+"), "open",
     ("report", "article", "story", "piece", "profile", "documentary")),
    (re.compile(words_opening("citing") + r"\s+"), "cited", ("citing",)),
]
# `In an AP interview`, `at a CNN town hall`: an outlet modifying the broadcast it made.
_MODIFIER_SLOTS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(words_opening("an", "a", "the") + r"\s+(?P<outlet>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:interview|town hall|op-ed|column|documentary|podcast)\b"),
     ("interview", "town hall", "op-ed", "column", "documentary", "podcast")),
    (re.compile(words_opening("According", "according") + r"\s+to\s+(?:an?|the)\s+(?P<outlet>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,2})\s+(?:report|story|article|account|broadcast)\b"),
     ("ccording",)),
]
# Relay slots whose outlet phrase stands before them: `TASS quoted ... as saying`, `..., Xinhua reported`.
_BEFORE_SLOTS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"\s(?:quoted|cited)\s(?=.{1,160}?\bas\s+(?:saying|telling|stating|writing|adding|calling|describing))", re.DOTALL), "reported", ("quoted", "cited")),
    # `reported on the scandal` is a topic; `reported on Saturday` is when.
    (re.compile(r"\s(?:reported|reports|carried|published|broadcast|aired)\b(?!\s+(?:about|by|from)\b|\s+on\s+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b))"), "reported",
     ("report", "carried", "published", "broadcast", "aired")),
    # Kept only after `, citing ...,` (see slots): without `citing` there is nothing to look for.
    (re.compile(r"\s(?:said|says|added)\b"), "carrier", ("citing",)),
]
# Any word a slot needs: most stretches of a sentence outside its quote (`, he said.`) hold none, and
# one scan for them all passes those over before the slots are looked at one by one.
_NEEDED = {word for _, _, needs in _AFTER_SLOTS + _BEFORE_SLOTS for word in needs} | {word for _, needs in _MODIFIER_SLOTS for word in needs}
_ANY_NEED = re.compile(prefix_tree(sorted(_NEEDED, key=len, reverse=True)))
_LEADING_WORDS = frozenset({"As", "And", "But", "So", "Also", "Meanwhile", "Still", "Then", "While", "When", "Now", "Earlier", "Later"})
_MONTHS = frozenset(["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])
# `citing two sources familiar with the matter`, `citing an interview Lavrov gave to Kommersant`: who is cited
# is the noun phrase before a qualifier, a clause or a punctuation mark; `an interview` etc. give way to its giver.
_CITED_END = re.compile(
    r"[,;:“\"”()]|\.(?:\s|$)|\s(?:familiar|close|in|with|who|whom|that|involved|at|from|gave|given|told|said|to|on|for|about|as|of|speaking|quoted|who)\b"
)
_CITED_DOCUMENT = re.compile(r"(?:an?|the|his|her|their|its)\s+(?:\w+\s+)?(?:interview|remarks|comments|statement)\s+(?:by\s+|from\s+|with\s+)?(?=[A-Z])")
_CITING_ASIDE = re.compile(r",\s*citing\s[^,;]{1,90},\s*$")
# `the Korean Central News Agency (KCNA) quoted ...`: the name's acronym in brackets after it.
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.&-]{1,11}\)(?=(?:\s+\w+)?\s*$)")
_BACK_SKIP = re.compile(r"(?:\s+(?:had|has|have|also|later|earlier|then|first|\w+ly|(?:late |early )?on \w+day|on \w+))+\s*$")
_JOURNALIST = re.compile(
    r"([A-Z][\w'’.&-]*(?:\s+[A-Z0-9][\w'’.&-]*){0,3}?)(?:['’]s?)?\s+(?:[a-z-]+\s+){0,2}?(?:"
    + "|".join(sorted(JOURNALIST_ROLES, key=len, reverse=True))
    + r")\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
)

_POSSESSIVE_END = re.compile(r"['’]s?$")
_POSSESSIVE_WORD = re.compile(r"\w['’]s?$")
_LETTER = re.compile(r"[^\W\d]")
# A role word followed by a name, which every _JOURNALIST match holds: most articles have none, and
# looking for it is much cheaper than trying _JOURNALIST at every capitalised word.
_ROLE_THEN_NAME = re.compile(r"(?:" + "|".join(sorted(JOURNALIST_ROLES, key=len, reverse=True)) + r")\s+[A-Z]")

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


class PhraseReader:
    """Reads the words of a relay slot and judges them: an outlet, a person, `the newspaper`, or nothing."""

    def __init__(self, text: str, outlets: Outlets, entities: list[Entity]):
        self.text = text
        self.outlets = outlets
        self.people = [(start, end) for start, end, label, _ in entities if label == "PERSON"]
        self.person_names = {name for _, _, label, name in entities if label == "PERSON"}
        self._journalists: dict[str, Mention] | None = None

    @property
    def journalists(self) -> dict[str, Mention]:
        """Journalists the article introduces with their outlet (`Fox News anchor Bret Holloway`), by full name and surname."""
        if self._journalists is None:
            self._journalists = {}
            introduced = _JOURNALIST.finditer(self.text) if _ROLE_THEN_NAME.search(self.text) else ()
            for match in [*introduced, *_OUTLETS_OWN.finditer(self.text)]:
                outlet = self.judge(match.start(1), match.end(1), "open")
                possessive_only = match.re is _OUTLETS_OWN
                if outlet and outlet.mention and (not possessive_only or outlet.mention.name in self.outlets.outlets):
                    for key in (match.group(2), match.group(2).split()[-1]):
                        self._journalists.setdefault(key, outlet.mention)
        return self._journalists

    def in_person(self, start: int, end: int) -> bool:
        return any(low < end and start < high for low, high in self.people)

    def lookup(self, name: str) -> str | None:
        """The gazetteer's name for ``name`` written as a whole (an outlet merely inside it does not count)."""
        return self.outlets.canonical(name.strip(), search=False) if name.strip() else None

    def kind(self, canonical: str) -> str | None:
        info = self.outlets.info(canonical)
        return info.kind if info else None

    def judge(self, start: int, end: int, strength: str) -> _Phrase | None:
        """Judge the words ``text[start:end]`` of a relay slot of ``strength`` (open, closed, cited, reported)."""
        matches = list(TOKEN.finditer(self.text, start, end))
        while matches and (matches[0].group() in QUOTES or matches[0].group() in _LEADING_WORDS):
            matches = matches[1:]
        if not matches:
            return None
        tokens = [m.group() for m in matches]
        phrase_start, phrase_end = matches[0].start(), matches[-1].end()
        inner = next((k for k, token in enumerate(tokens[:-1]) if len(token) > 2 and _POSSESSIVE_WORD.search(token)), None)
        if inner is not None and lexicon.is_place(_POSSESSIVE_END.sub("", " ".join(tokens[: inner + 1]))):
            # `Russia's state-run TASS`, `North Korea's official KCNA`: the country owns the outlet, it names none.
            return self.judge(matches[inner + 1].start(), end, strength)
        if inner is not None:
            # `MSNBC’s Ayman Mohyeldin reported`: the outlet whose journalist relayed it.
            canonical = self.lookup(_POSSESSIVE_END.sub("", " ".join(tokens[: inner + 1])))
            mention = Mention(canonical, matches[0].start(), matches[inner].end() - 2, self.kind(canonical)) if canonical else None
            return _Phrase(phrase_start, phrase_end, mention) if mention else None
        if "of" in tokens[1:-1]:
            # `told Megyn Kelly of Fox News`: the journalist's outlet.
            of = tokens.index("of", 1)
            canonical = self.lookup(" ".join(tokens[of + 1 :]))
            journalist = all(token[:1].isupper() for token in tokens[:of]) and not self.lookup(" ".join(tokens[:of]))
            if canonical and journalist:
                return _Phrase(phrase_start, phrase_end, Mention(canonical, matches[of + 1].start(), phrase_end, self.kind(canonical)))
        reading = read_tokens(tokens)
        if reading is None:
            return None
        first, last, kind, described = reading
        if first == last:
            if described and tokens[0].lower() == "the" and tokens[-1] != "news":  # `reacted to the news`: no outlet
                return _Phrase(phrase_start, phrase_end, anaphoric_kind=kind or "")
            return None
        name = " ".join(tokens[first:last])
        name_start, name_end = matches[first].start(), matches[last - 1].end()
        if name in NOT_NAMES or name in lexicon.DEMONYMS or name in PLATFORMS or name in WEEKDAYS or not _LETTER.search(name):
            return None
        # The phrase as a whole first: `The Punch`, `the Polish Press Agency`, `the TT news agency`.
        canonical = self.lookup(" ".join(tokens)) or self.lookup(" ".join(tokens[first:])) or self.lookup(name)
        if canonical is None and tokens[0].lower() == "the":
            canonical = self.lookup(" ".join(tokens[1:]))
        named = tokens[last - 1] in NAME_WORDS and last - first >= 2 - (tokens[0].lower() == "the")
        # `the News Agency of Nigeria`, `the Times of India`: an outlet's name word before `of` and a place.
        named = named or "of" in tokens[first + 1 : last - 1] and any(t in NAME_WORDS for t in tokens[first : tokens.index("of", first + 1)])
        person = tokens[first] in FIRST_NAMES or any(is_person_word(t) for t in tokens[first:last])
        # Slots only outlets fill trust the slot over pattern NER, unless the name is a known person's surname.
        person = person or any(other.endswith(" " + name) for other in self.person_names)
        if strength in ("closed", "on", "reported") and not (described or named or canonical):
            person = person or self.in_person(name_start, name_end)
        if canonical and not person:
            return _Phrase(phrase_start, phrase_end, Mention(canonical, *name_offsets(matches, tokens), self.kind(canonical)))
        if person or name in self.journalists or name.split()[-1] in self.journalists:
            return _Phrase(phrase_start, phrase_end, person=True)
        if not name[:1].isupper() and not name[:1].isdigit():
            return None
        prefix = self._known_prefix(matches[first:last]) if strength in ("closed", "on") and not described else None
        if prefix:
            return _Phrase(phrase_start, phrase_end, prefix)  # `told CBS This Morning`, `told POLITICO Florida`
        if lexicon.is_place(name) or name in lexicon.ORG_WORDS or tokens[last - 1] in lexicon.PLACES and not (described or named):
            return None
        if strength == "reported" and self._fragment(phrase_start):
            return None  # `The Committee for a Responsible Federal Budget reported`
        if described or named or strength in ("open", "reported") or strength == "cited" and self.text[phrase_end : phrase_end + 1] in ",.;":
            return _Phrase(phrase_start, phrase_end, Mention(name, name_start, name_end, kind))
        return None

    def _known_prefix(self, matches: list[re.Match[str]]) -> Mention | None:
        """`CBS This Morning`: the longest known outlet the name starts with, a show's or edition's name after it."""
        for size in range(len(matches) - 1, 0, -1):
            following = matches[size].group()
            canonical = self.lookup(" ".join(m.group() for m in matches[:size]))
            if canonical and following[:1].isupper():
                return Mention(canonical, matches[0].start(), matches[size - 1].end(), self.kind(canonical))
        return None

    def _fragment(self, start: int) -> bool:
        """True if the words before ``start`` make the phrase part of a longer noun phrase (`for a ...`)."""
        before = self.text[max(0, start - 12) : start].split()
        return bool(before) and before[-1] in ("a", "an", "of", "for", "to", "at", "by", "with", "from", "in")

    def after(self, position: int, limit: int) -> tuple[int, int, bool]:
        """The words of an outlet phrase starting at ``position`` and whether a possessive ends it.

        `told the daily briefing`, `a CNN poll` hold no outlet: a lower-case noun after the phrase
        makes it a modifier. Day and month names end a phrase (`told CNBC Saturday`).
        """
        end = position
        possessive = opened = False
        for match in TOKEN.finditer(self.text, position, limit):
            token = match.group()
            if token in QUOTES:
                if not opened and end == position:
                    opened = True
                    continue
                break
            if (token in WEEKDAYS or token in _MONTHS) and not self.lookup(self.text[position : match.end()].strip("\"“ ")):
                break
            if not (token[:1].isupper() or token[:1].isdigit() or token.lower() in ("the", "a", "an") and end == position
                    or token in CONNECTORS and end > position or is_modifier(token) or is_descriptor_word(token)
                    or self.outlets.is_alias(token)):  # fmt: skip
                modifier = token.isalpha() and token.islower() and token not in FUNCTION_WORDS and not token.endswith("ly")
                if modifier and end > position and token not in JOURNALIST_ROLES and token not in ("show", "program", "programme"):
                    return position, position, False
                break
            bare = _POSSESSIVE_END.sub("", token) if len(token) > 2 else token
            if bare != token and token[len(bare) :] in ("'s", "’s", "'", "’"):
                if bare in lexicon.PLACES and end == position:
                    position = match.end()  # `told Britain’s ITV`
                    continue
                following = self.text[match.end() : match.end() + 2].strip()
                if following[:1].islower():
                    return position, position, False  # `Fox News' terms`: an owner, not a show or a journalist
                end = match.start() + len(bare)
                possessive = True
                break
            if token not in CONNECTORS:
                end = match.start() + len(bare)
        while end > position and self.text[end - 1] in " -":
            end -= 1
        return position, end, possessive

    def before(self, position: int, floor: int) -> tuple[int, int]:
        """The words of an outlet phrase ending at ``position``: back to a comma, quote mark or clause start."""
        head = _BACK_SKIP.sub("", _ACRONYM_AFTER.sub("", _CITING_ASIDE.sub("", self.text[floor:position])))
        end = floor + len(head.rstrip())
        start = end
        for match in reversed(list(TOKEN.finditer(self.text, floor, end))):
            token = match.group()
            if not (token[:1].isupper() or token[:1].isdigit() or token.lower() in ("the",) or token in CONNECTORS
                    or is_modifier(token) or is_descriptor_word(token) or self.outlets.is_alias(token)):  # fmt: skip
                break
            start = match.start()
            if token.lower() == "the":
                break
        return start, end


class ViaFinder:
    """Via outlets of the quotes of one article."""

    def __init__(self, text: str, outlets: Outlets | None = None, entities: list[Entity] | None = None):
        self.text = text
        self.outlets = outlets or Outlets.load()
        self.reader = PhraseReader(text, self.outlets, entities or [])
        self._known: list[Mention] | None = None

    @property
    def known(self) -> list[Mention]:
        """Every gazetteer outlet the article names, for `the newspaper` to refer back to."""
        if self._known is None:
            self._known = [
                Mention(name, start, end, self.reader.kind(name))
                for name, start, end in self.outlets.find(self.text)
                if not self.reader.in_person(start, end) and self.text[start:end] not in PLATFORMS
            ]
        return self._known

    def slots(self, start: int, end: int, content: list[tuple[int, int]]) -> list[tuple[_Phrase, str]]:
        """Every relay slot of ``text[start:end]`` outside the ``content`` ranges: (phrase, strength)."""
        found: list[tuple[_Phrase, str]] = []
        reader = self.reader
        bounds = [start, *(edge for part in sorted(content) for edge in part), end]
        for low, high in zip(bounds[::2], bounds[1::2]):
            if high <= low or not _ANY_NEED.search(self.text, low, high):
                continue
            segment = self.text[low:high]
            for pattern, strength, needs in _AFTER_SLOTS:
                if not any(word in segment for word in needs):
                    continue
                for match in pattern.finditer(self.text, low, high):
                    first, last, possessive = reader.after(match.end(), high)
                    phrase = reader.judge(first, last, strength) if last > first else None
                    if strength == "cited" and (phrase is None or phrase.mention is None and phrase.anaphoric_kind is None):
                        phrase = self._cited(match.end(), high)
                    if phrase is not None:
                        phrase.possessive = possessive
                        found.append((phrase, strength))
            for modifier, needs in _MODIFIER_SLOTS:
                if not any(word in segment for word in needs):
                    continue
                for match in modifier.finditer(self.text, low, high):
                    phrase = reader.judge(match.start("outlet"), match.end("outlet"), "closed")
                    if phrase is not None and phrase.mention is not None and phrase.mention.name in self.outlets.outlets:
                        found.append((phrase, "closed"))
            for pattern, strength, needs in _BEFORE_SLOTS:
                if not any(word in segment for word in needs):
                    continue
                for match in pattern.finditer(self.text, low, high):
                    first, last = reader.before(match.start(), low)
                    phrase = reader.judge(first, last, "reported") if last > first else None
                    if phrase is not None and (strength != "carrier" or _CITING_ASIDE.search(self.text[low : match.start()])):
                        found.append((phrase, strength))
        return found

    def _cited(self, position: int, limit: int) -> _Phrase | None:
        """Who `citing ...` names when it is no outlet: the noun phrase, without qualifiers (`familiar with ...`).

        >>> finder = ViaFinder("KUNA reported, citing two sources familiar with the talks, that it was over.")
        >>> phrase = finder._cited(22, 78)
        >>> finder.text[phrase.start : phrase.end]
        'two sources'
        """
        document = _CITED_DOCUMENT.match(self.text, position, limit)
        start = document.end() if document else position
        end_match = _CITED_END.search(self.text, start, limit)
        end = end_match.start() if end_match else limit
        words = self.text[start:end].split()
        if not words or len(words) > 8:
            return None
        end = start + len(self.text[start:end].rstrip(" ."))
        return _Phrase(start, end)

    def find_in(
        self,
        start: int,
        end: int,
        content: tuple[int, int],
        speaker: tuple[int, int] | None = None,
        parts: list[tuple[int, int]] | None = None,
    ) -> Via | None:
        """The via of the quote whose sentence is ``text[start:end]``, content ``content`` and speaker mention ``speaker``.

        ``parts`` are the content's pieces when it wraps its attribution (`The museum, Obama told CNN, would ...`).
        """
        hops: list[tuple[Mention, str]] = []
        cited = None
        for phrase, strength in self.slots(start, end, [(part[0], part[1]) for part in parts] if parts else [content]):
            mention = phrase.mention
            if phrase.anaphoric_kind is not None:
                # `on the network` is too often the network being discussed; `told the network` is a relay.
                mention = self._refer_back(phrase.start, phrase.anaphoric_kind) if strength != "on" else None
            elif phrase.person and strength != "cited":
                mention = self._journalist(phrase.start, phrase.end)
            elif phrase.possessive and mention and mention.name not in self.outlets.outlets:
                mention = None if strength in ("closed", "on") else mention
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
        journalists = self.reader.journalists
        return journalists.get(name) or journalists.get(name.split()[-1]) if name.split() else None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters between two ranges, 0 when they overlap."""
    return max(0, b[0] - a[1], a[0] - b[1])
