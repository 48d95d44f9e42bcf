"""Speaker resolution: pronouns, role nouns and surnames to the fullest name in the article.

>>> from quotetrack.resolve.outlets import Outlets
>>> text = "Kremlin spokesman Dmitry Peskov spoke. Peskov left."
>>> resolver = SpeakerResolver(text, [], [(18, 31, "PERSON", "Dmitry Peskov"), (39, 45, "PERSON", "Peskov")], Outlets.load())
>>> resolver.resolve("Peskov", 39), resolver.resolve("the Kremlin spokesman", 50)
('Dmitry Peskov', 'Dmitry Peskov')
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .. import lexicon
from ..resources import word_list
from .discourse import DOCUMENT_NOUNS, Discourse, clean_name
from .organisations import acronyms, institution_antecedent
from .outlets import Outlets
from .salience import Salience

VENUE_WORDS = word_list("venue_words")
_clean_name = clean_name  # the name tests/test_names.py imports

_POSSESSIVE = re.compile(r"['’]s?$")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
_APPOSED_NAME = re.compile(r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s*[,.;]")
_APPOSITIVE = re.compile(r"(?:['’]s)?,\s+((?:the|a|an)\s+[^,.;“”\"()]{1,80}?)[,.;]")


@dataclass
class Person:
    name: str
    first_seen: int
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


class SpeakerResolver:
    """Remembers who was named and who spoke, to resolve later mentions."""

    def __init__(
        self,
        text: str,
        sentences,
        entities: list[tuple[int, int, str, str]],
        outlets: Outlets,
        quoted: list[tuple[int, int]] | None = None,
    ):
        self.text = text
        self.outlets = outlets
        self.people: dict[str, Person] = {}
        self.entities = entities
        # `Trump Tower`, `the Clinton Foundation`: named after a person, but not one.
        self.venues = {name for _, _, label, name in entities if label == "PERSON" and _is_venue(name)}
        self._person_entities = sorted((start, end, text) for start, end, label, text in entities if label == "PERSON" and text not in self.venues)
        self._person_starts = [start for start, _, _ in self._person_entities]
        self._organisations = sorted((start, name) for start, _, label, name in entities if label == "ORG")
        self.history: list[tuple[str, str]] = []  # (speaker, "person"|"org") in order of quotes
        self.spoken: list[tuple[int, str]] = []  # (position, person) of each quote's speaker
        self.said: list[tuple[int, str, str]] = []  # (position, speaker, kind) of each quote's speaker
        self.subjects: list[tuple[int, str]] = []  # (position, person) of people opening a sentence
        self.quoted: list[tuple[int, int]] = quoted or []  # character ranges inside quote marks
        self.acronyms = acronyms(text)
        for start, end, label, name in entities:
            if label != "PERSON" or name in self.venues:
                continue
            name = clean_name(name)
            if not name:
                continue
            person = self._person_for(name, start)
            person.mentions.append(start)
            self._learn_from_prefix(person, start)
            appositive = _APPOSITIVE.match(text, end)
            if appositive:  # `Dmitry Peskov, the Kremlin's spokesman, arrived`
                self._add_roles(person, appositive.group(1).split())
        self.discourse = Discourse(sentences or [], [entity for entity in entities if entity[3] not in self.venues])
        self.salience = Salience(self)

    # -- building the memory -----------------------------------------------------------------

    def _person_for(self, name: str, position: int) -> Person:
        if name in self.people:
            return self.people[name]
        surname = name.split()[-1]
        for other in list(self.people.values()):
            # "Peskov" seen before "Dmitry Peskov": the fuller name absorbs the shorter.
            if other.surname == surname and (set(other.name.split()) <= set(name.split()) or set(name.split()) <= set(other.name.split())):
                if len(name.split()) > len(other.name.split()):
                    del self.people[other.name]
                    other.name = name
                    other.gender = other.gender or _gender_of_first_name(name)
                    self.people[name] = other
                return other
        person = Person(name, position, gender=_gender_of_first_name(name))
        self.people[name] = person
        return person

    def _learn_from_prefix(self, person: Person, start: int) -> None:
        """Roles and titles written before a name: `Kremlin spokesman Dmitry Peskov`, `Sen. Ted Cruz`."""
        prefix = re.split(r"[,;:“”\"()\n]", self.text[max(0, start - 60) : start])[-1]
        words = []
        for word in reversed(prefix.split()):
            if word[-1] in ".!?" and word.rstrip(".") not in lexicon.ABBREVIATIONS:
                break
            words.insert(0, word)
        words = words[-4:]
        for word in words:
            gender = lexicon.GENDERED_TITLES.get(word.lower())
            if gender:
                person.gender = gender
        self._add_roles(person, words)

    def note_appositive(self, sentence, head: tuple[int, int], appositive: tuple[int, int]) -> None:
        """`Dmitry Peskov, the Kremlin spokesman, said`: the spokesman is Peskov."""
        tokens = sentence.tokens
        head_text = self.text[tokens[head[0]].start : tokens[head[1]].end]
        name = self._name_in(head_text, tokens[head[0]].start)
        if not name:
            return
        person = self.people.get(self.fullest(name) or name)
        if person is None:
            return
        self._add_roles(person, [token.text for token in tokens[appositive[0] : appositive[1] + 1]])

    def _add_roles(self, person: Person, words: list[str]) -> None:
        """Roles a title or role noun gives: `Sen.` -> senator, `spokesman` -> spokesman (`Mr.` gives none)."""
        for word in words:
            lowered = _POSSESSIVE.sub("", word.lower().rstrip(","))
            if lexicon.TITLES.get(lowered):
                person.roles.add(lexicon.TITLES[lowered])
            if lowered in lexicon.ROLE_NOUNS:
                person.roles.add(lowered)

    def remember(self, speaker: str | None, mention: str | None, position: int | None) -> None:
        if not speaker:
            return
        kind = "person" if speaker in self.people else ("group" if " and " in speaker else "org")
        if kind == "person" and mention:
            gender = lexicon.PRONOUNS.get(mention.lower())
            if gender in ("male", "female"):
                self.people[speaker].gender = self.people[speaker].gender or gender
        self.history.append((speaker, "person" if kind == "person" else "org"))
        if position is not None:
            self.said.append((position, speaker, kind))
        if kind == "person" and position is not None:
            self.people[speaker].mentions.append(position)
            self.spoken.append((position, speaker))

    def note_subject(self, name: str, position: int) -> None:
        """A person who opens a sentence (`Donna Rawlings, 59, watched ...`) is who `she` may be next.

        Only used when the resolver was given no sentences to find subjects in itself.
        """
        person = self.fullest(clean_name(name))
        if person:
            self.subjects.append((position, person))

    # -- resolving -----------------------------------------------------------------------------

    def fullest(self, name: str, gender: str | None = None) -> str | None:
        """The fullest known name that ``name`` is part of ("Peskov" -> "Dmitry Peskov"); of that
        gender when one is given (`Mr. Obama` is not Michelle Obama)."""
        tokens = name.split()
        if not tokens:
            return None
        candidates = [
            person
            for person in self.people.values()
            if person.surname == tokens[-1] or (len(tokens) == 1 and tokens[0] in person.name.split()[:1] and len(person.name.split()) > 1)
        ]
        candidates = [person for person in candidates if set(tokens) <= set(person.name.split()) or person.surname == tokens[-1]]
        if gender:
            candidates = [person for person in candidates if person.gender in (None, gender)] or candidates
        if not candidates:
            return None
        exact = [person for person in candidates if set(tokens) <= set(person.name.split())]
        # `Trump` is Donald Trump's surname before it is the first word of `Trump Taj Mahal`.
        pool = [person for person in exact if person.surname == tokens[-1]] or exact or candidates
        if len({person.name for person in pool}) > 1:
            # Two Clintons: the one most recently speaking or mentioned.
            for speaker, _ in reversed(self.history):
                if speaker in {person.name for person in pool}:
                    return speaker
        return max(pool, key=lambda person: (len(person.name.split()), -person.first_seen)).name

    def resolve(self, mention: str, position: int) -> str | None:
        """Canonical speaker for a mention at ``position``; None when nothing fits."""
        mention = mention.strip().strip(",")
        lowered = mention.lower()
        if lowered in lexicon.PRONOUNS:
            return self._resolve_pronoun(lowered, position)
        bare = re.sub(r"^the\s+", "", mention, flags=re.IGNORECASE)
        if bare in self.acronyms:  # `IRCC` after `Immigration, Refugees and Citizenship Canada (IRCC)`
            return self.acronyms[bare]
        outlet = self.outlets.canonical(mention) if len(mention.split()) <= 6 else None
        words = mention.split()
        head = _POSSESSIVE.sub("", words[-1]).lower() if words else ""
        titled = lexicon.GENDERED_TITLES.get(lowered.split()[0])  # `Mr. Obama`, `Mrs. Clinton`
        if _possessed_role(words):
            # `Trump's attorney`, `Carter's press secretary`: somebody else, named in apposition if at all.
            apposed = _APPOSED_NAME.match(self.text, position + len(mention))
            if apposed and not self.outlets.canonical(apposed.group(1)):
                return self.fullest(apposed.group(1)) or apposed.group(1)
            return None
        person = self._person_entity_in(mention, position)
        if person:
            return self.fullest(person, titled) or person
        if lowered.split()[0] in ("a", "an", "one", "another", "some", "several", "two", "three", "many"):
            return None  # `one delegate from Fiji`, `a senior official`: somebody, not a name
        if head in DOCUMENT_NOUNS and words[-1].islower():
            return None  # `the report said`: a writing, not a person
        if len(words) > 1 and words[-1].islower() and head not in lexicon.ROLE_NOUNS and not outlet:
            return None  # `Consumer groups`, `Foreign policy analysts`: a kind of people, not a name
        if len(words) == 1 and head in lexicon.ROLE_NOUNS and words[0] not in lexicon.DEMONYMS:
            return None  # `Police said`: capitalised only because it opens the sentence
        if head in lexicon.ROLE_NOUNS and not _NAME_TOKEN.match(words[-1]) or lowered.split()[-1] in lexicon.TITLES:
            return self._resolve_role(mention, position)
        if outlet:
            return outlet
        if any(_POSSESSIVE.sub("", word) in lexicon.ORG_WORDS for word in words):
            return self._org_in(mention)
        name = self._name_in(mention, position)
        if name:
            known = self.fullest(name, titled)
            if known:
                return known
            if not _is_venue(name) and name not in self.acronyms.values():
                # A name the pattern NER missed (`Gorka declared`) is still a person `he` can mean.
                self._person_for(name, position)
            return name
        return self._org_in(mention)

    def _resolve_pronoun(self, pronoun: str, position: int) -> str | None:
        gender = lexicon.PRONOUNS[pronoun]
        if gender in ("male", "female", "self"):
            if self.discourse.sentences:
                return self.salience.person(gender, position)
            return self._last_person(gender, position)
        if not self.discourse.sentences:
            if gender in ("plural", "neuter") and self.history:
                speaker, kind = self.history[-1]
                return speaker if kind == "org" else None
            return None
        return self.salience.group(gender, position)

    def _last_person(self, gender: str, position: int) -> str | None:
        """The last speaker, or someone introduced since as a sentence's subject, whoever came last."""
        candidates = [
            (at, name)
            for at, name in [*self.spoken[-12:], *self.subjects[max(0, bisect.bisect_left(self.subjects, (position, "")) - 12) :]]
            if at < position and name in self.people and (gender == "self" or self.people[name].gender in (None, gender))
        ]
        if candidates:
            at, name = max(candidates)
            if self.people[name].gender is None and gender != "self":
                exact = [(a, n) for a, n in candidates if self.people[n].gender == gender and at - a < 300]
                if exact:
                    return max(exact)[1]
            return name
        return self.recently_named(gender, position)

    def recently_named(self, gender: str, position: int, within: int = 600) -> str | None:
        """The person of that gender named most recently before ``position``, if near."""
        recent = []
        for person in self.people.values():
            # Names inside quotes ("Here comes Big Daddy") are talked about, not talking.
            before = [m for m in person.mentions if m < position and not self.in_quote(m)]
            if before and (gender == "self" or person.gender in (None, gender)):
                recent.append((max(before), person))
        if recent:
            distance, person = max(recent, key=lambda pair: pair[0])
            if position - distance < within:
                return person.name
        return None

    def in_quote(self, position: int) -> bool:
        return any(a <= position < b for a, b in self.quoted)

    def _resolve_role(self, mention: str, position: int) -> str | None:
        words = [_POSSESSIVE.sub("", word).lower() for word in mention.split()]
        if words[0] in ("a", "an", "one", "another", "two", "three", "several", "some", "many", "other") or words[-1].endswith("s") and words[-1] not in ("boss", "press"):
            return None
        roles = {lexicon.TITLES.get(word) or word for word in words if word in lexicon.ROLE_NOUNS or lexicon.TITLES.get(word)}
        roles -= {"people", "statement"}
        if not roles or roles <= lexicon.INSTITUTION_NOUNS:
            named = self._org_in(mention)
            if named or words[0] != "the" or len(words) != 2:
                return named
            # `the department`: the Justice Department named before.
            return institution_antecedent(words[-1], self._organisations, position)
        matching = [person for person in self.people.values() if person.roles & roles]
        if not matching:
            return None
        # Prefer the one who spoke last, else the one named closest before.
        for speaker, _ in reversed(self.history):
            if speaker in {person.name for person in matching}:
                return speaker
        before = [person for person in matching if person.first_seen <= position]
        return (before or matching)[-1].name

    def _person_entity_in(self, mention: str, position: int) -> str | None:
        end = position + len(mention)
        index = bisect.bisect_left(self._person_starts, position)
        if index < len(self._person_entities):
            _, stop, text = self._person_entities[index]
            if stop <= end:
                return clean_name(text)
        return None

    def _name_in(self, mention: str, position: int) -> str | None:
        person = self._person_entity_in(mention, position)
        if person:
            return person
        words = mention.split()
        name_words = []
        for word in words:
            bare = _POSSESSIVE.sub("", word)
            if _NAME_TOKEN.match(bare) and bare not in lexicon.CAPITALISED_FUNCTION_WORDS and bare.lower() not in lexicon.TITLES and bare not in lexicon.ORG_WORDS and bare not in lexicon.DEMONYMS and bare not in lexicon.PLACES:
                name_words.append(bare)
            elif name_words:
                break
        if not name_words or self.outlets.canonical(" ".join(name_words)):
            return None
        if len(name_words) == 1 and name_words[0].isupper():
            return None
        return " ".join(name_words)

    def _org_in(self, mention: str) -> str | None:
        words = mention.split()
        while words and words[0].lower() in ("the", "a", "an"):
            words = words[1:]
        capitalised = [w for w in words if w[:1].isupper()]
        if not capitalised or len(capitalised) < len(words) * 0.5:
            return None
        name = " ".join(words)
        return self.outlets.canonical(name) or _POSSESSIVE.sub("", name)


def _gender_of_first_name(name: str) -> str | None:
    first = name.split()[0]
    if first in lexicon.FEMALE_NAMES:
        return "female"
    if first in lexicon.MALE_NAMES:
        return "male"
    return None


def _possessed_role(words: list[str]) -> bool:
    """`Trump's attorney`, `the senator's press secretary`: a role of somebody's, not that somebody.

    >>> _possessed_role("Trump's attorney".split()), _possessed_role("Trump's fire-breathing".split())
    (True, False)
    """
    owner = next((k for k, word in enumerate(words[:-1]) if _POSSESSIVE.search(word) and not word.endswith("s'")), None)
    if owner is None or len(words) - owner - 1 > 3:
        return False
    after, before = words[owner + 1 :], words[:owner]
    return (
        all(word.islower() for word in after)
        and after[-1] in lexicon.ROLE_NOUNS
        and all(word[:1].isupper() or word.lower() == "the" for word in before)
    )


def _is_venue(name: str) -> bool:
    """A PERSON entity that names no person: a place or body named after one (`Trump National Doral`,
    `Clinton Foundation`, `Pacific Ocean`), a party or nationality (`Republican`), a shouted headline.

    >>> [_is_venue(name) for name in ("Trump Tower", "Republican", "Ann Lee", "Park Geun-hye")]
    [True, True, False, False]
    """
    words = name.split()
    if not words:
        return False
    if len(words) == 1:
        return name in lexicon.DEMONYMS
    return name.isupper() or any(word in VENUE_WORDS or word in lexicon.ORG_WORDS for word in words[1:])
