"""The people an article names: their fullest name, roles, gender and where they are mentioned.

>>> people = People("Kremlin spokesman Dmitry Peskov spoke.")
>>> person = people.person_for("Dmitry Peskov", 18)
>>> people.learn_from_prefix(person, 18)
>>> sorted(person.roles), people.fullest("Peskov")
(['spokesman'], 'Dmitry Peskov')

A title before somebody's name and a possessive is that owner's, not the next name's:

>>> people = People("Judge Ann Lee's ruling granting Tom Hale a delay")
>>> hale = people.person_for("Tom Hale", 32)
>>> people.learn_from_prefix(hale, 32)
>>> sorted(hale.roles)
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from .names import has_generation, name_word_key, same_generation, surname_of

POSSESSIVE = re.compile(r"['’]s?$")
POSSESSIVE_ENDS = ("'", "’", "'s", "’s")  # what POSSESSIVE finds at the end of a word (no newline)
# The text up to the last mark that ends the stretch before a name that titles and roles are looked for in.
_TO_LAST_BREAK = re.compile(r".*[,;:“”\"()\n]", re.DOTALL)
# A person's age given with the name: `Ann Lee, 46,` or `46-year-old Ann Lee`.
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
_AGED = re.compile(rf"(?P<name>{_NAME}),\s+(?P<age>\d{{1,3}}),|\b(?P<age_before>\d{{1,3}})-year-old\s+(?P<name_after>{_NAME})")


@dataclass
class Person:
    name: str
    first_seen: int
    roles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return surname_of(self.name)


def _calls(known: NameFacts, name: NameFacts) -> bool:
    """Whether a name (its :func:`name_facts`, ``name``) may call the person named ``known``: it ends
    in their surname, however spelt (`Maliki` for `Nuri al-Maliki`), or is their name with its
    generation (`Donald Jr.` for `Donald Trump Jr.`)."""
    if known[1] and name[1]:
        return known[2] <= name[2] or name[2] <= known[2]
    return known[0] == name[0]


@lru_cache(maxsize=1 << 14)  # every known name against every new one: the same few names again and again
def surname_key(name: str) -> str:
    """The key of a name's surname (`name_word_key`): `Maliki` for `Nuri al-Maliki` and `Maliki`."""
    return name_word_key(surname_of(name))


@lru_cache(maxsize=1 << 14)
def name_words(name: str) -> frozenset[str]:
    """The words of a name as keys (`name_word_key`): `Von der Leyen` is part of `Ursula von der Leyen`."""
    return frozenset(name_word_key(word) for word in name.split())


# What comparing two names needs of each: surname key, generation, word keys, first word, word count.
NameFacts = tuple[str, bool, frozenset[str], str, int]


@lru_cache(maxsize=1 << 14)  # each known person's name is compared with every name asked about
def name_facts(name: str) -> NameFacts:
    """What comparing ``name`` with another needs, computed once per name.

    >>> name_facts("Donald Trump Jr.")[:2], sorted(name_facts("Donald Trump Jr.")[2])
    (('trump', True), ['donald', 'jr.', 'trump'])
    """
    words = name.split()
    return surname_key(name), has_generation(name), name_words(name), words[0], len(words)


class People:
    """Everyone named in one article, by their fullest name."""

    def __init__(self, text: str):
        self.text = text
        self.by_name: dict[str, Person] = {}
        self.history: list[tuple[str, str]] = []  # (speaker, "person"|"org") in order of quotes
        self.first_named: set[str] = set()  # people the article calls by first name alone
        self._everyone: list[tuple[Person, NameFacts]] | None = None  # by_name's people with their name facts
        self._called_by_name: dict[str, tuple[list[Person], list[Person]]] = {}  # see _called

    def person_for(self, name: str, position: int) -> Person:
        """The person ``name`` refers to, created if new; a fuller name absorbs a shorter one."""
        if name in self.by_name:
            return self.by_name[name]
        facts = name_facts(name)
        words, count = facts[2], facts[4]
        for other, other_facts in self._with_facts():
            if not _calls(other_facts, facts):
                continue
            # "Peskov" seen before "Dmitry Peskov": the fuller name absorbs the shorter.
            subset = other_facts[2] <= words or words <= other_facts[2]
            if subset and same_generation(other.name, name):
                if count > other_facts[4]:
                    del self.by_name[other.name]
                    other.name = name
                    other.gender = other.gender or gender_of_first_name(name)
                    self.by_name[name] = other
                    self._everyone = None
                return other
        person = Person(name, position, gender=gender_of_first_name(name))
        self.by_name[name] = person
        self._everyone = None
        return person

    def _with_facts(self) -> list[tuple[Person, NameFacts]]:
        """Everyone known with the facts of their name, listed once until person_for changes who is known."""
        if self._everyone is None:
            self._everyone = [(person, name_facts(person.name)) for person in self.by_name.values()]
            self._called_by_name = {}
        return self._everyone

    def _called(self, name: str, facts: NameFacts) -> tuple[list[Person], list[Person]]:
        """Everyone ``name`` may call, and of them those whose name holds every word of ``name``
        (:meth:`fullest`'s candidates), kept until person_for changes who is known: the same
        names are asked about again and again (neither list is changed by its readers)."""
        everyone = self._with_facts()
        found = self._called_by_name.get(name)
        if found is not None:
            return found
        words = facts[2]
        lone = facts[3] if facts[4] == 1 else None
        candidates: list[Person] = []
        exact: list[Person] = []
        for person, known in everyone:
            if _calls(known, facts):
                candidates.append(person)
                if words <= known[2]:
                    exact.append(person)
            elif known[3] == lone and known[4] > 1 and words <= known[2]:
                candidates.append(person)
                exact.append(person)
        found = self._called_by_name[name] = (candidates, exact)
        return found

    def learn_from_prefix(self, person: Person, start: int) -> None:
        """Roles and titles written before a name: `Kremlin spokesman Dmitry Peskov`, `Sen. Ted Cruz`."""
        window = self.text[max(0, start - 60) : start]
        last_break = _TO_LAST_BREAK.match(window)
        prefix = window[last_break.end() :] if last_break else window
        words: list[str] = []
        for word in reversed(prefix.split()):
            if word[-1] in ".!?" and word.rstrip(".") not in lexicon.ABBREVIATIONS or _ends_prefix(word):
                break  # `A federal judge granted Judicial Watch's request`: the judge is not Judicial Watch
            words.insert(0, word)
            if word.endswith(POSSESSIVE_ENDS) and len(words) > 1:  # POSSESSIVE, without a regex call per word
                break  # `Judge Lee's ruling granting Ann Hale`: titles before an owner are the owner's
        words = words[-4:]
        for word in words:
            gender = lexicon.GENDERED_TITLES.get(word.lower())
            if gender:
                person.gender = gender
        add_roles(person, words)

    def of_age(self, age: str, position: int) -> str | None:
        """The person the article last gave as ``age`` years old before ``position`` (`Ann Lee, 46,`
        or `46-year-old Ann Lee`), by fullest name; None when nobody was.

        >>> People("Ann Lee, 46, was hurt. The 46-year-old said so.").of_age("46", 28)
        'Ann Lee'
        """
        found = None
        for match in _AGED.finditer(self.text, 0, position):
            if age in (match.group("age"), match.group("age_before")):
                found = match.group("name") or match.group("name_after")
        return (self.fullest(found) or found) if found else None

    def fullest(self, name: str, gender: str | None = None) -> str | None:
        """The fullest known name that ``name`` is part of ("Peskov" -> "Dmitry Peskov"); of that
        gender when one is given (`Mr. Obama` is not Michelle Obama)."""
        tokens = name.split()
        if not tokens:
            return None
        facts = name_facts(name)
        candidates, exact = self._called(name, facts)
        if gender:
            gendered = [person for person in candidates if person.gender in (None, gender)]
            if gendered:
                candidates = gendered
                exact = [person for person in exact if person.gender in (None, gender)]
        if not candidates:
            return None
        # `Trump` is Donald Trump's surname before it is the first word of `Trump Taj Mahal`;
        # but a lone first name (`Megyn`) is the first name of `Megyn Kelly`, not a person of its own.
        pool = [person for person in exact if _calls(name_facts(person.name), facts) and not _first_name_of_another(person, exact)]
        pool = pool or exact or candidates
        if not has_generation(name):  # `Trump` beside `Donald Trump Jr.` is his father when the article names him too
            pool = [person for person in pool if not has_generation(person.name)] or pool
        called = [person for person in pool if " " in person.name and person.name.split()[0] == tokens[0]]
        if len(tokens) == 1 and called and gender_of_first_name(tokens[0]) and not any(" " in person.name and person.surname == tokens[0] for person in pool):
            chosen = max(called, key=lambda person: (len(person.name.split()), -person.first_seen)).name
            self.first_named.add(chosen)  # `Jane` for Jane Sanders: `Sanders` alone is then someone else
            return chosen
        if len({person.name for person in pool}) > 1:
            # Two Clintons: the one most recently speaking or mentioned, but not one the article
            # calls by first name (`Jane` beside `Sanders`).
            names = {person.name for person in pool} - self.first_named or {person.name for person in pool}
            for speaker, _ in reversed(self.history):
                if speaker in names:
                    return speaker
        return max(pool, key=lambda person: (len(person.name.split()), -person.first_seen)).name


# Words a title or role written before a name never runs across: `a judge granted Ann Lee`, `met with Ann Lee`.
_NOT_IN_PREFIX = frozenset(["to", "by", "with", "for", "from", "and", "or", "than", "that", "as", "at", "in", "on", "about", "against"])


def _ends_prefix(word: str) -> bool:
    """A verb or preposition before a name: the role words before it are somebody else's.

    >>> [_ends_prefix(word) for word in ("granted", "told", "with", "spokesman", "of", "Sen.")]
    [True, True, True, False, False, False]
    """
    lowered = word.lower()
    if not word.islower() or lowered in lexicon.ROLE_NOUNS or lowered in lexicon.TITLES:
        return False
    return lowered in _NOT_IN_PREFIX or lowered in lexicon.CUE_FORMS or lowered in lexicon.AUXILIARIES or lowered.endswith("ed")


def _first_name_of_another(person: Person, others: list[Person]) -> bool:
    """`Megyn` when `Megyn Kelly` is known too: a one-word person whose word is a first name."""
    word = person.name
    if " " in word or gender_of_first_name(word) is None:
        return False
    return any(other.name.split()[0] == word and " " in other.name for other in others)


# Words making a role a lower one: a vice president is no president, a deputy director no director.
_SUBORDINATE = frozenset(["vice", "deputy", "assistant", "lieutenant", "lt.", "under", "shadow", "junior"])
# `Republican presidential candidate Jo Hale`: the party, kept as a role `party:republican` that only tells holders apart.
PARTIES = lexicon.word_pairs("party_words")
# Roles of several words that titles stand for (`CEO`: chief executive), found written out as well.
_COMPOUND_ROLES = frozenset(role for role in lexicon.TITLES.values() if role and " " in role)


def add_roles(person: Person, words: list[str]) -> None:
    """Roles a title or role noun gives: `Sen.` -> senator, `spokesman` -> spokesman (`Mr.` gives none)."""
    if not words:
        return  # most names have no title or role before them
    person.roles |= roles_in(words)


def roles_in(words: list[str]) -> set[str]:
    """The roles titles and role nouns among ``words`` name; one after `vice` or `deputy` is that lower
    role, one after `former` is that role and the former one.

    >>> sorted(roles_in("Vice President".split())), sorted(roles_in("the former president's".split()))
    (['vice president'], ['former president', 'president'])

    Roles of several words count written out as under their title: the chief executive officer is the CEO;
    a party before a role is kept to tell holders apart.

    >>> "chief executive" in roles_in("Chief Executive Officer".split()) & roles_in(["CEO"])
    True
    """
    return set(_roles_in(tuple(words)))


@lru_cache(maxsize=1 << 14)  # the same few titles and roles stand before names in every article
def _roles_in(words: tuple[str, ...]) -> frozenset[str]:
    roles: set[str] = set()
    before = ""
    bare = [POSSESSIVE.sub("", word.lower().rstrip(",")) for word in words]
    written = f" {' '.join(bare)} "
    roles |= {role for role in _COMPOUND_ROLES if f" {role} " in written}
    roles |= {f"party:{PARTIES[word.lower()]}" for word in words if PARTIES.get(word.lower())}
    for lowered in bare:
        for role in (lexicon.TITLES.get(lowered), lowered if lowered in lexicon.ROLE_NOUNS else None):
            if role and role != before:
                roles.add(f"{before} {role}" if before in _SUBORDINATE else role)
                if before == "former":
                    roles.add(f"former {role}")  # kept apart too: `the former president` is not the president
        before = lowered
    return frozenset(roles)


def gender_of_first_name(name: str) -> str | None:
    """The gender a first name usually has, from the name lists; None when it does not tell.

    >>> gender_of_first_name("Maria Lopez"), gender_of_first_name("Zq Lopez")
    ('female', None)
    """
    first = name.split()[0]
    if first in lexicon.FEMALE_NAMES:
        return "female"
    if first in lexicon.MALE_NAMES:
        return "male"
    return None
