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
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from .. import lexicon
from .discourse import DOCUMENT_NOUNS, Discourse, clean_name
from .mentions import NAME_TOKEN, acronym_named, conjoined_descriptions, is_venue, name_in, org_in, possessed_role, writing_named_after
from .organisations import acronyms, business_named_near, institution_antecedent, named_institutions, one_institution
from .outlets import Outlets
from .people import PARTIES, POSSESSIVE, POSSESSIVE_ENDS, People, Person, add_roles, gender_of_first_name, roles_in
from .role_mentions import counted_group, serves_named
from .salience import Salience

__all__ = ["Person", "SpeakerResolver"]

_clean_name = clean_name  # the name tests/test_names.py imports
# `, Ana Ruiz,` and `, Ana Ruiz of the Baltic Institute in Riga,`: a name in apposition, maybe with where it is from.
_APPOSED_NAME = re.compile(
    r",\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)(?:\s+(?:of|from|at)(?:\s+(?:the|of|in|and|for|on|[A-Z][\w'’.&-]*))+?)?\s*[,.;]"
)
_SHORT_COMPLEMENT = re.compile(r"\s+(?:at|of|for|to|in|from)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}(?=,)")
_APPOSITIVE = re.compile(r"(?:['’]s)?,\s+((?:the|a|an)\s+[^,.;“”\"()]{1,80}?)[,.;]")
_APPOSITIVE_OPENINGS = (",", "'s,", "’s,")  # how every _APPOSITIVE match opens: most names are followed by neither
_PLACE_AFTER_NAME = re.compile(r"(?:\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?")
_AGE_NOUN = re.compile(r"^(\d{1,3})-year-old$")
_SINGLE_OFFICES = lexicon.word_list("single_offices")
_SOMEBODY = ("a", "an", "one", "another", "some", "several", "two", "three", "many")
_DETERMINERS = ("the", "his", "her", "their", "its")
# A writing and its author: `a new survey from Northgate Energy Research`.
# The rest of a description up to the comma or relative pronoun that closes it.
_CLOSED_APPOSITION = re.compile(r"([^,.;:“”\"]{0,60}?)(?:,|\s+who\b|\s+whose\b)")
_AUTHORED = re.compile(r"((?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}?)\s+(?:by|from)\s+((?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of|for|and|on|&|[A-Z][\w.’'&-]*))*)$")


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def _organisations_in(resolver: SpeakerResolver) -> list[tuple[int, str]]:
    """The article's organisations by start (`named_institutions`): found on first use, as only
    `the department` and its like ask, and most articles have none."""
    return named_institutions(resolver.text, [(start, name) for start, _, label, name in resolver.entities if label == "ORG"])


class SpeakerResolver:
    """Remembers who was named and who spoke, to resolve later mentions."""
    _organisations = cached_property(_organisations_in)

    def __init__(
        self,
        text: str,
        sentences: Any,
        entities: list[tuple[int, int, str, str]],
        outlets: Outlets,
        quoted: list[tuple[int, int]] | None = None,
    ):
        self.text = text
        self.outlets = outlets
        self.memory = People(text)
        self.entities = entities
        # `Trump Tower`, `the Clinton Foundation`: named after a person, but not one.
        # A demonym alone is a surname once the article gives it after a first name (`Mark Cuban`).
        surnames = {name.split()[-1] for _, _, label, name in entities if label == "PERSON" and len(name.split()) == 2 and gender_of_first_name(name)}
        self.venues = {name for _, _, label, name in entities if label == "PERSON" and is_venue(name) and name not in surnames}
        self._person_entities = sorted((start, end, text) for start, end, label, text in entities if label == "PERSON" and text not in self.venues)
        self._person_starts = [start for start, _, _ in self._person_entities]
        self.person_names = {clean_name(text) for _, _, text in self._person_entities}
        self.spoken: list[tuple[int, str]] = []  # (position, person) of each quote's speaker
        self.said: list[tuple[int, str, str]] = []  # (position, speaker, kind) of each quote's speaker
        self.subjects: list[tuple[int, str]] = []  # (position, person) of people opening a sentence
        self.quoted: list[tuple[int, int]] = quoted or []  # character ranges inside quote marks
        self._quoted_starts, self._quoted_ends = _union(self.quoted)  # for in_quote, by bisection
        self.acronyms = acronyms(text)
        for start, end, label, name in entities:
            if label != "PERSON" or name in self.venues:
                continue
            name = clean_name(name)
            if not name:
                continue
            person = self.memory.person_for(name, start)
            person.mentions.append(start)
            self.memory.learn_from_prefix(person, start)
            appositive = _APPOSITIVE.match(text, end) if text.startswith(_APPOSITIVE_OPENINGS, end) else None
            # `Dmitry Peskov, the Kremlin's spokesman, arrived`; not `with Ann Lee, the mayor said that`.
            if appositive and not any(word in lexicon.CUE_FORMS for word in appositive.group(1).split()):
                add_roles(person, appositive.group(1).split())
        self.discourse = Discourse(sentences or [], [entity for entity in entities if entity[3] not in self.venues])
        self.salience = Salience(self)

    @property
    def people(self) -> dict[str, Person]:
        """Everyone named so far, by fullest name."""
        return self.memory.by_name

    @property
    def history(self) -> list[tuple[str, str]]:
        """(speaker, "person"|"org") of each quote so far, in order."""
        return self.memory.history

    def person_for(self, name: str, position: int) -> Person:
        return self.memory.person_for(name, position)

    def fullest(self, name: str, gender: str | None = None) -> str | None:
        return self.memory.fullest(name, gender)

    # -- what the extractor tells us ------------------------------------------------------------

    def note_appositive(self, sentence: Any, head: tuple[int, int], appositive: tuple[int, int]) -> None:
        """`Dmitry Peskov, the Kremlin spokesman, said`: the spokesman is Peskov."""
        tokens = sentence.tokens
        head_text = self.text[tokens[head[0]].start : tokens[head[1]].end]
        name = self.person_entity_in(head_text, tokens[head[0]].start) or name_in(head_text, self.outlets)
        if not name:
            return
        person = self.people.get(self.fullest(name) or name)
        if person is not None:
            add_roles(person, [token.text for token in tokens[appositive[0] : appositive[1] + 1]])

    def remember(self, speaker: str | None, mention: str | None, position: int | None) -> None:
        """A quote was attributed to ``speaker``: later pronouns and roles may mean them."""
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
        """A person who opens a sentence (`Donna Rawlings, 59, watched ...`) is who `she` may be next
        (for a resolver given no sentences to find subjects in itself)."""
        person = self.fullest(clean_name(name))
        if person:
            self.subjects.append((position, person))

    # -- resolving -----------------------------------------------------------------------------

    def resolve(self, mention: str, position: int) -> str | None:
        """Canonical speaker for a mention at ``position``; None when nothing fits."""
        mention = mention.strip().strip(",")
        lowered = mention.lower()
        if lowered in lexicon.PRONOUNS:
            return self.salience.pronoun(lowered, position)
        bare = _LEADING_THE.sub("", mention)
        if one_institution(bare):
            return bare  # `China's commerce ministry`, `the Indian foreign ministry`
        if named := acronym_named(bare, self.acronyms):  # `IRCC` after `Immigration, Refugees and Citizenship Canada (IRCC)`
            return named
        outlet = self.outlets.canonical(mention) if len(mention.split()) <= 6 else None
        words = mention.split()
        head = POSSESSIVE.sub("", words[-1]).lower() if words else ""
        if len(words) > 3 and words[-2] == "of" and words[-1].islower() and words[-3].lower() in lexicon.ROLE_NOUNS:
            head = words[-3].lower()  # `the former secretary of state`, `the chief of staff`: the role is before `of`
        titled = lexicon.GENDERED_TITLES.get(lowered.split()[0])  # `Mr. Obama`, `Mrs. Clinton`
        apposed_name = apposed_to_description(self, mention, position) or described_name(self, words, position) or bare_description_name(self, words, position)
        if apposed_name:
            return apposed_name
        compound = compound_speaker(self, mention, position)
        if compound:
            return compound
        if possessed_role(words):
            # `Trump's attorney`, `Carter's press secretary`: somebody else, named in apposition if at all.
            apposed = _APPOSED_NAME.match(self.text, position + len(mention))
            if apposed and not self.outlets.canonical(apposed.group(1)):
                return self.fullest(apposed.group(1)) or apposed.group(1)
            return None
        if head in DOCUMENT_NOUNS and words[-1].islower() and POSSESSIVE.search(words[0]):
            return None  # `Lee's new book says`: a writing, not its author
        share = any(word in ("percent", "majority") or word.endswith("%") for word in lowered.split()[:5])  # `40 percent of Clinton voters`
        if counted_group(words) or words[-1].islower() and head not in DOCUMENT_NOUNS and (lowered.split()[0] in _SOMEBODY or share or _plural_group(words)):
            return None  # `a Trump supporter`, `one Clinton aide`, `Clinton defenders`: described by whom they serve
        person = None if writing_named_after(mention, person := self.person_entity_in(mention, position)) else person
        if person and words[-1].islower() and head in lexicon.ROLE_NOUNS and head not in lexicon.INSTITUTION_NOUNS and lowered.startswith("the "):
            return self.resolve_role(mention, position)  # `the senior Cruz adviser`: somebody serving Cruz
        if person and serves_named(words, person):
            return self.resolve_role(mention, position) if lowered.startswith("the ") else None  # `an adviser to Ann Lee`: not Lee
        if person:
            return self.fullest(person, titled) or person
        if lowered.split()[0] in _SOMEBODY:
            return None  # `one delegate from Fiji`, `a senior official`: somebody, not a name
        if head in DOCUMENT_NOUNS and words[-1].islower():
            return None  # `the report said`: a writing, not a person
        if lowered.startswith("the ") and (aged := _AGE_NOUN.match(head)):
            return self.memory.of_age(aged.group(1), position)  # `the 46-year-old`: whoever the article gave as 46
        role_head = head in lexicon.ROLE_NOUNS or head in lexicon.TITLES or head in lexicon.INSTITUTION_NOUNS
        if len(words) > 1 and words[-1].islower() and not role_head and not outlet:
            return None  # `Consumer groups`, `Foreign policy analysts`: a kind of people, not a name
        if len(words) == 1 and (head in lexicon.ROLE_NOUNS or head.removesuffix("s") in DOCUMENT_NOUNS) and words[0] not in lexicon.DEMONYMS:
            return None  # `Police said`, `Polls show`: capitalised only because it opens the sentence
        if role_head and not NAME_TOKEN.match(words[-1]) or lowered.split()[-1] in lexicon.TITLES:
            return self.resolve_role(mention, position)
        if outlet:
            return outlet
        if any(POSSESSIVE.sub("", word) in lexicon.ORG_WORDS for word in words):
            return org_in(mention, self.outlets)
        name = name_in(mention, self.outlets)
        if name and " " not in name and mention.startswith(name) and common_word_opening(self.text, name, position):
            return None  # `People in Fort Pierce said`: capitalised only because it opens the sentence
        if name:
            known = self.fullest(name, titled)
            if known:
                return known
            if not is_venue(name) and name not in self.acronyms.values():
                # A name the pattern NER missed (`Gorka declared`) is still a person `he` can mean.
                self.person_for(name, position)
            return name
        if lowered.startswith("the ") and len(words) > 2 and head.title() in lexicon.DEMONYMS and not head.endswith("s") and self.discourse.sentences:
            # `the Wisconsin Republican`: a described member of a party or nation is somebody just talked about.
            return self.salience.person("self", position)
        return org_in(mention, self.outlets)

    def in_quote(self, position: int) -> bool:
        index = bisect.bisect_right(self._quoted_starts, position) - 1
        return index >= 0 and position < self._quoted_ends[index]

    def resolve_role(self, mention: str, position: int) -> str | None:
        """`the spokesman`, `the department`: the person with that role, or the organisation of that kind."""
        words = [POSSESSIVE.sub("", word).lower() for word in mention.split()]
        if words[0] in (*_SOMEBODY, "other") or words[-1].endswith("s") and words[-1] not in ("boss", "press"):
            return None
        roles = roles_in(words) - {"people", "statement"}
        if not roles or roles <= lexicon.INSTITUTION_NOUNS:
            named = org_in(mention, self.outlets)
            if named or words[0] != "the" or len(words) != 2:
                return named
            # `the department`: the Justice Department named before.
            antecedent = institution_antecedent(words[-1], self._organisations, position, self.outlets.canonical, self.text)
            if antecedent is None and words[-1] in ("company", "firm"):  # a business the tagger did not see
                return business_named_near(self.text, position, self.person_names, self.outlets.canonical)
            return antecedent
        return person_in_role(self, mention, roles, position)

    def person_entity_in(self, mention: str, position: int) -> str | None:
        end = position + len(mention)
        index = bisect.bisect_left(self._person_starts, position)
        if index < len(self._person_entities) and self._person_entities[index][1] <= end:
            return clean_name(named_after_role(self.text, self._person_entities, index, end))
        return None


def named_after_role(text: str, entities: list[tuple[int, int, str]], index: int, end: int) -> str:
    """The person entity ``index`` starts, or the one after it before ``end`` that a role noun joins it
    to: `Harbor Analytics pollster Rita Okafor` is Okafor, whatever the tagger made of her employer."""
    chosen = entities[index]
    for following in entities[index + 1 :]:
        between = text[chosen[1] : following[0]].split()
        if following[1] > end or not between or len(between) > 2 or not all(word.islower() for word in between):
            break
        if between[-1] not in lexicon.ROLE_NOUNS:
            break
        chosen = following
    return chosen[2]


def person_in_role(resolver: SpeakerResolver, mention: str, roles: set[str], position: int) -> str | None:
    """The person a mention of ``roles`` at ``position`` means (`the senator`, `the former top aide to ...`)."""
    words = [POSSESSIVE.sub("", word).lower() for word in mention.split()]
    matching = role_holders(resolver.people.values(), roles)
    # A described role points back (`said the former top aide to ...`): somebody the article names
    # with it only further down (`Nixon aide Kevin Phillips`) is someone else. A bare `the president`
    # may still be the one named later; a possessed one (`the minister's spokesman`) is nobody here.
    described = len(words) > 2 and not any(POSSESSIVE.search(word) for word in mention.split())
    if described:
        matching = [person for person in matching if person.first_seen <= position]
    if not matching:
        if words[0] != "the" or resolver.text.startswith(" of ", position + len(mention)):
            return None  # `the attorney general of New York`: somebody the article did not name
        return resolver.salience.unemployed_subject(position) or (subject_speaking(resolver, position) if described else None)
    return choose_holder(resolver, matching, bare=len(words) == 2, position=position)


def choose_holder(resolver: SpeakerResolver, matching: list[Person], bare: bool, position: int) -> str:
    """Which of the people holding a role a mention of it at ``position`` means: for a ``bare`` role
    (`the senator`), the one a sentence just before was about; else the one who spoke last, else the
    one named closest before."""
    names = {person.name for person in matching}
    if len(matching) > 1 and bare and resolver.discourse.sentences:
        recent = recent_subject(resolver, names, position)
        if recent:
            return recent  # `Rubio stopped by ... . the senator said`: the one just talked about
    for speaker, _ in reversed(resolver.history):
        if speaker in names:
            return speaker
    before = [person for person in matching if person.first_seen <= position]
    return (before or matching)[-1].name


def subject_speaking(resolver: SpeakerResolver, position: int, back: int = 2) -> str | None:
    """`Ann Lee, an author of the report, said it would be tested. “We warned them,” said the former
    top aide`: with no holder of the role named before, the person the article quoted last, when one
    of the last ``back`` sentences names them and nobody else is that sentence's subject, the
    mention's own sentence does not name them after it, and no other job of theirs is known."""
    if not resolver.history or resolver.history[-1][1] != "person" or not resolver.discourse.sentences:
        return None
    person = resolver.people.get(resolver.history[-1][0])
    if person is None or person.roles & lexicon.ROLE_NOUNS - lexicon.RELATION_NOUNS:
        return None  # a job of theirs is known, and it is not this one (`Clinton's rival` has none)
    index = resolver.discourse.sentence_at(position)
    referents = resolver.salience.referents()
    starts = resolver.discourse.starts
    end = starts[index + 1] if index + 1 < len(starts) else len(resolver.text)
    if any(position < at < end and not resolver.in_quote(at) for at in person.mentions):
        return None  # `“...,” the wary challenger said of facing Mr. Weiss`: somebody else
    for k in range(index - 1, max(-1, index - 1 - back), -1):
        referent = referents[k]
        if referent is not None and referent[1] == "person":
            return person.name if referent[2] == person.name else None
        if any(starts[k] <= at < starts[k + 1] and not resolver.in_quote(at) for at in person.mentions):
            return person.name
    return None


def recent_subject(resolver: SpeakerResolver, names: set[str], position: int, back: int = 2) -> str | None:
    """The person among ``names`` who is the subject of one of the ``back`` sentences before ``position``."""
    index = resolver.discourse.sentence_at(position)
    referents = resolver.salience.referents()
    for k in range(index - 1, max(-1, index - 1 - back), -1):
        referent = referents[k]
        if referent is not None and referent[1] == "person" and referent[2] in names:
            return referent[2]
    return None


def role_holders(people: Iterable[Person], roles: set[str]) -> list[Person]:
    """The people holding one of ``roles``; for `the former governor`, one the article calls former,
    if any, before one who is (for `the former president`, only one called former); for `the
    Democratic candidate`, not one of another party."""
    parties = {role for role in roles if role.startswith("party:")}
    roles = roles - parties
    people = [person for person in people if not parties or not (held := {r for r in person.roles if r.startswith("party:")}) or held & parties]
    former = {role for role in roles if role.startswith("former ")}
    # `the former president` is nobody the article calls president now (Obama, in 2016): an office
    # one person holds at a time; a former governor may be written `Gov. Rick Perry`.
    current = roles - {role.removeprefix("former ") for role in former if role.removeprefix("former ") in _SINGLE_OFFICES}
    return [person for person in people if person.roles & former] or [person for person in people if person.roles & current]


def _plural_group(words: list[str]) -> bool:
    """`Clinton defenders`, `Syrian hackers`: a capitalised word before a plural common noun.

    >>> [_plural_group(m.split()) for m in ("Clinton defenders", "Sen. Ann Lee", "the press", "Mr. Lee wrote to investors")]
    [True, False, False, False]

    So is a list ending in people of a kind: `Edwards and others`, `Lee's team and her allies`.

    >>> _plural_group("Edwards and others".split()), _plural_group("Ann Lee and Tom Hale".split())
    (True, False)
    """
    last = words[-1]
    plural = last.isalpha() and last.islower() and lexicon.looks_plural(last)
    listed = "and" in words[:-1] and not {"by", "from", "for", "of"} & set(words)  # not `a poll by Edison Research for A and B networks`
    return plural and (listed or 2 <= len(words) <= 4 and all(word[:1].isupper() for word in words[:-1]))


def compound_speaker(resolver: SpeakerResolver, mention: str, position: int) -> str | None:
    """A source made of other mentions: a writing's author (`an analysis by the Pew Research
    Center`, `a letter from Ana Ruiz`), two people writing together (`Ana Ruiz and Tom Hale`), or
    one person described twice (`the Ohio senator and former governor`)."""
    author = _AUTHORED.match(mention) if "by" in mention or "from" in mention else None  # the pattern needs either
    if author and any(word.lower() in DOCUMENT_NOUNS for word in author.group(1).split()):
        return resolver.resolve(author.group(2), position + author.start(2))
    pair = mention.split(" and ")
    if len(pair) == 2 and all(resolver.person_entity_in(part, position + mention.index(part)) for part in pair):
        return " and ".join(resolver.resolve(part, position + mention.index(part)) or part for part in pair)
    for described in conjoined_descriptions(mention):  # `the Ohio senator and former governor`: whoever holds either role
        if holders := role_holders(resolver.people.values(), roles_in(described)):
            return choose_holder(resolver, holders, bare=False, position=position)
    return None


def apposed_to_description(resolver: SpeakerResolver, mention: str, position: int) -> str | None:
    """`Another member of the Ruiz slate, Ana Poole, said`: a described somebody whose name
    follows in apposition is that name, not a name inside the description."""
    words = mention.split()
    # `POSSESSIVE.search` on words without line breaks, written out: asked of every mention's words.
    owner = next((k for k, word in enumerate(words[:-1]) if word.endswith(POSSESSIVE_ENDS)), None)
    described = words[0].lower() in (*_SOMEBODY, *_DETERMINERS) or owner is not None
    if len(words) < 2 or not described or not any(
        word.islower() and (word in lexicon.ROLE_NOUNS or word in lexicon.TITLES) for word in words[1:]
    ):
        return None
    end = position + len(mention)
    # `the British envoy at the time, Peter R. Hollis`: a short complement may come first.
    complement = _SHORT_COMPLEMENT.match(resolver.text, end)
    apposed = _APPOSED_NAME.match(resolver.text, complement.end() if complement else end)
    if apposed is None or resolver.outlets.canonical(apposed.group(1)):
        return None
    name = clean_name(apposed.group(1))
    # A first and last name after a person's role is that person's, even where the entity tagger
    # read it with what follows as an organisation (`a pastor, Darran Whiting of Liberty Baptist Church,`).
    placed = apposed.end(1) < apposed.end() - 1
    plain = placed and len(name.split()) >= 2 and not any(word in lexicon.ORG_WORDS for word in name.split())
    person = resolver.person_entity_in(name, apposed.start(1)) or (name if gender_of_first_name(name) or plain else None)
    if person and not resolver.fullest(person):
        resolver.person_for(person, apposed.start(1)).mentions.append(apposed.start(1))  # a person `he` may mean next
    return resolver.fullest(person) or person if person else None


def described_name(resolver: SpeakerResolver, words: list[str], position: int) -> str | None:
    """`Mira Holt, a senior analyst at Baxter Securities, who notes ...`: a description in apposition to
    the person named right before it (and closed after it by a comma or `who`) is that person; not
    the subject after a fronted adjunct (`With hosts Joe Day and Ann Lee, the candidate said`)."""
    if len(words) < 2 or words[0].lower() not in ("a", "an", "the") or not resolver.text.endswith(", ", 0, position):
        return None
    closing = _CLOSED_APPOSITION.match(resolver.text, position + len(" ".join(words)))
    if closing is None or any(word.lower() in lexicon.CUE_FORMS for word in closing.group(1).split()):
        return None
    # `the ranking Democrat on ...`: a party member is a role too, written with its capital.
    if not any((word.islower() or word.lower() in PARTIES) and (word.lower() in lexicon.ROLE_NOUNS or word in lexicon.TITLES) for word in words[1:4]):
        return None
    index = bisect.bisect_left(resolver._person_starts, position) - 1
    # `Sen. Ann Lee of Ohio, the ranking Democrat on ...`: the name may be followed by where the person is from.
    if index < 0 or not _PLACE_AFTER_NAME.fullmatch(resolver.text, resolver._person_entities[index][1], position - 2):
        return None
    name = clean_name(resolver._person_entities[index][2])
    return resolver.fullest(name) or name


# `president and CEO of ...`: more roles the same description gives, before the one the mention starts at.
_AFTER_VERB_OR_PREPOSITION = frozenset(["to", "by", "with", "for", "from", "and", "or", "than", "as", "at", "in", "on", "about", "against", "of"])
_MORE_ROLES_BEFORE = re.compile(r",\s+(?:[a-z]+\s+){1,3}and\s+$|,\s+$")


def bare_description_name(resolver: SpeakerResolver, words: list[str], position: int) -> str | None:
    """`Bay Buchanan, national treasurer for Ronald Reagan's campaign, called ...`, `Anthony Anton,
    president and CEO of Harbor Grocers stated`: a description without an article, whose role is
    of or for somebody, right after a person's name is that person, not whom the role serves."""
    role_at = next((k - 1 for k, word in enumerate(words[1:5], 1) if word in ("of", "for", "at", "to")), None)
    if role_at is None or role_at + 2 >= len(words) or not all(word.islower() for word in words[:role_at]):
        return None
    role = words[role_at]
    if words[0] in ("a", "an", "the") and role.lower() not in lexicon.ROLE_NOUNS:
        return None  # `Ortega, an alumnus of a state law school who ...`: a description, but no role of anybody's
    if not (role.islower() or role.lower() in lexicon.TITLES) or role.endswith("s") and role not in ("boss", "press"):
        return None  # `officials of the union`: people of a kind, not the one just named
    before = _MORE_ROLES_BEFORE.search(resolver.text, max(0, position - 40), position)
    index = bisect.bisect_left(resolver._person_starts, position) - 1
    if before is None or index < 0 or resolver._person_entities[index][1] != before.start():
        return None
    preceding = resolver.text[max(0, resolver._person_entities[index][0] - 20) : resolver._person_entities[index][0]].split()
    if preceding and preceding[-1].islower() and (preceding[-1] in _AFTER_VERB_OR_PREPOSITION or preceding[-1].endswith(("ing", "ed"))):
        return None  # `After meeting Ann Lee, the chair of the union said`: the name is in an adjunct
    name = clean_name(resolver._person_entities[index][2])
    return resolver.fullest(name) or name


def common_word_opening(text: str, word: str, position: int) -> bool:
    """Whether ``word`` at ``position`` opens a sentence and the article writes it lowercase elsewhere:
    a common noun (`People`, `Candidates`), not a name.

    >>> common_word_opening("Candidates spoke. Few candidates won.", "Candidates", 0)
    True
    >>> common_word_opening("Rubio spoke. Voters like Rubio.", "Rubio", 0)
    False
    """
    before = text[:position].rstrip(" \t“\"'‘")
    if before and before[-1] not in ".!?\n:":
        return False
    return re.search(rf"\b{re.escape(word.lower())}\b", text) is not None


def _union(ranges: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of the ranges' union, in order, for looking a position up by bisection.

    >>> _union([(10, 20), (0, 5), (15, 30), (40, 40)])
    ([0, 10], [5, 30])
    """
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(ranges):
        if end <= start:
            continue
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
