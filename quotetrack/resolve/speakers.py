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
from ..nlp.entities import is_name_word
from .outlets import Outlets

_POSSESSIVE = re.compile(r"['’]s?$")
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")
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
        self._person_entities = sorted((start, end, text) for start, end, label, text in entities if label == "PERSON")
        self._person_starts = [start for start, _, _ in self._person_entities]
        self.history: list[tuple[str, str]] = []  # (speaker, "person"|"org") in order of quotes
        self.spoken: list[tuple[int, str]] = []  # (position, person) of each quote's speaker
        self.subjects: list[tuple[int, str]] = []  # (position, person) of people opening a sentence
        self.quoted: list[tuple[int, int]] = quoted or []  # character ranges inside quote marks
        for start, end, label, name in entities:
            if label != "PERSON":
                continue
            name = _clean_name(name)
            if not name:
                continue
            person = self._person_for(name, start)
            person.mentions.append(start)
            self._learn_from_prefix(person, start)
            appositive = _APPOSITIVE.match(text, end)
            if appositive:  # `Dmitry Peskov, the Kremlin's spokesman, arrived`
                self._add_roles(person, appositive.group(1).split())

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
        kind = "person" if speaker in self.people else "org"
        if kind == "person" and mention:
            lowered = mention.lower()
            if lowered == "he":
                self.people[speaker].gender = self.people[speaker].gender or "male"
            elif lowered == "she":
                self.people[speaker].gender = self.people[speaker].gender or "female"
        self.history.append((speaker, kind))
        if kind == "person" and position is not None:
            self.people[speaker].mentions.append(position)
            self.spoken.append((position, speaker))

    def note_subject(self, name: str, position: int) -> None:
        """A person who opens a sentence (`Donna Rawlings, 59, watched ...`) is who `she` may be next."""
        person = self.fullest(_clean_name(name))
        if person:
            self.subjects.append((position, person))

    # -- resolving -----------------------------------------------------------------------------

    def fullest(self, name: str) -> str | None:
        """The fullest known name that ``name`` is part of ("Peskov" -> "Dmitry Peskov")."""
        tokens = name.split()
        if not tokens:
            return None
        candidates = [
            person
            for person in self.people.values()
            if person.surname == tokens[-1] or (len(tokens) == 1 and tokens[0] in person.name.split()[:1] and len(person.name.split()) > 1)
        ]
        candidates = [person for person in candidates if set(tokens) <= set(person.name.split()) or person.surname == tokens[-1]]
        if not candidates:
            return None
        exact = [person for person in candidates if set(tokens) <= set(person.name.split())]
        pool = exact or candidates
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
        outlet = self.outlets.canonical(mention) if len(mention.split()) <= 6 else None
        words = mention.split()
        head = _POSSESSIVE.sub("", words[-1]).lower() if words else ""
        person = self._person_entity_in(mention, position)
        if person:
            return self.fullest(person) or person
        if lowered.split()[0] in ("a", "an", "one", "another", "some", "several", "two", "three", "many"):
            return None  # `one delegate from Fiji`, `a senior official`: somebody, not a name
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
            return self.fullest(name) or name
        return self._org_in(mention)

    def _resolve_pronoun(self, pronoun: str, position: int) -> str | None:
        gender = lexicon.PRONOUNS[pronoun]
        if gender in ("male", "female", "self"):
            # The last speaker, or someone introduced since as a sentence's subject, whoever came last.
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
            # No one has spoken yet: the person of that gender named most recently, if near.
            recent = []
            for person in self.people.values():
                # Names inside quotes ("Here comes Big Daddy") are talked about, not talking.
                before = [m for m in person.mentions if m < position and not any(a <= m < b for a, b in self.quoted)]
                if before and (gender == "self" or person.gender in (None, gender)):
                    recent.append((max(before), person))
            if recent:
                distance, person = max(recent, key=lambda pair: pair[0])
                if position - distance < 600:
                    return person.name
            return None
        if gender in ("plural", "neuter") and self.history:
            speaker, kind = self.history[-1]
            return speaker if kind == "org" else None
        return None

    def _resolve_role(self, mention: str, position: int) -> str | None:
        words = [_POSSESSIVE.sub("", word).lower() for word in mention.split()]
        if words[0] in ("a", "an", "one", "another", "two", "three", "several", "some", "many", "other") or words[-1].endswith("s") and words[-1] not in ("boss", "press"):
            return None
        roles = {lexicon.TITLES.get(word) or word for word in words if word in lexicon.ROLE_NOUNS or lexicon.TITLES.get(word)}
        roles -= {"people", "statement"}
        if not roles or roles <= lexicon.INSTITUTION_NOUNS:
            return self._org_in(mention)
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
                return _clean_name(text)
        return None

    def _name_in(self, mention: str, position: int) -> str | None:
        person = self._person_entity_in(mention, position)
        if person:
            return person
        words = mention.split()
        name_words = []
        for word in words:
            bare = _POSSESSIVE.sub("", word)
            if is_name_word(bare) and bare not in lexicon.CAPITALISED_FUNCTION_WORDS and bare.lower() not in lexicon.TITLES and bare not in lexicon.ORG_WORDS and bare not in lexicon.DEMONYMS and bare not in lexicon.PLACES:
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
        capitalised = [w for w in words if is_name_word(w)]
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


def _clean_name(name: str) -> str:
    words = _POSSESSIVE.sub("", name.strip()).split()
    # Titles lead a name ("President Obama"); a trailing "King" is a surname.
    while len(words) > 1 and words[0].lower() in lexicon.TITLES:
        words = words[1:]
    return " ".join(words)
