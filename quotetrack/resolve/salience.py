"""Pronouns by salience: who `he`, `she`, `it` and `they` most likely mean at a position.

A pronoun means, in order: the subject of its own sentence's earlier clause (`Lee said ..., though
she conceded`); else the most recent person of its gender and number who spoke or was a sentence's
subject (`Former governor Ann Lee ... She said`). Names inside quotation marks are talked about,
not talking, and never antecedents. `it` is the organisation that spoke or was a subject before;
`they` a group or organisation; a plural nobody named (`Officials said ... They added`) stays None.
"""

from __future__ import annotations

import bisect
import re
import weakref
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..resources import word_list
from .coreference import (
    listener_after,
    opens_clause,
    organisation_named,
    plural_group,
    surname_person,
    surname_subject,
    talked_about_in_quote,
    the_named,
)
from .discourse import clean_name
from .introductions import (
    QUOTED_ON,
    SUBORDINATORS,
    common_singular,
    described_subject,
    introduced_before,
    named_pair,
    named_since,
    plural_before,
    unnamed_antecedent,
)

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

# How far back (characters) a pronoun looks for an organisation or group.
_GROUP_REACH = 1500
# How many sentences and speakers back a personal pronoun looks.
_PERSON_REACH = 12
# The pronoun and the word after it, skipping one adverb: `he said`, `they also argued`.
# Words opening the short tail after a postposed cue: `she said on Friday`, `he said as he left`.
_TAIL_STARTS = word_list("adjunct_starts") | word_list("tail_starts")
_CLAUSE_REST = re.compile(r"[^.,;:!?]*")
# A line opening with who speaks in a transcript: `Q:`, `A:`, `TAPPER:`, `MS. LEE:`.
_SPEAKER_LABEL = re.compile(r"(?m)^[ \t]*(?:Q|A|[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+)?)[ \t]*:")
_PRONOUN_AND_VERB = re.compile(r"[\w’']+\s+(?:(?:also|then|later|again|further|\w+ly)\s+)?([a-z]+)")


class Salience:
    """The referents of sentence subjects, and pronoun resolution over them."""

    def __init__(self, resolver: SpeakerResolver):
        # A proxy: a cycle with the resolver (which owns this) would keep each article's tokens for the GC.
        self.resolver: SpeakerResolver = weakref.proxy(resolver)
        self._referents: list[tuple[int, str, str | None] | None] | None = None
        self._computing = False
        self._excluded: frozenset[str] = frozenset()  # who the pronoun being resolved cannot mean

    # -- sentence subjects as referents ----------------------------------------------------------

    def referents(self) -> list[tuple[int, str, str | None] | None]:
        """(position, kind, name) of each sentence's subject; kind is person, group, org, role,
        document, other or pronoun. Computed on first use, once the quoted ranges are known."""
        if self._referents is None:
            if self._computing:  # asked again while resolving a subject (`the spokesman`): none known yet
                return [None] * len(self.resolver.discourse.subjects)
            self._computing = True
            self._referents = [self._referent(subject) for subject in self.resolver.discourse.subjects]
            learn_genders(self)
        return self._referents

    def _referent(self, subject) -> tuple[int, str, str | None] | None:
        resolver = self.resolver
        if subject is None or resolver.in_quote(subject.position):
            return None
        if subject.kind == "name":
            name = subject.text
            if name.isupper():
                return subject.position, "other", name  # `FULL TEXT`, `ABSTRACT`: headings
            if name in resolver.acronyms:
                return subject.position, "org", resolver.acronyms[name]
            person = resolver.fullest(clean_name(name)) if name not in resolver.venues else None
            if person:
                return subject.position, "person", person
            if " " not in name and not name.isupper() and (name in lexicon.ORG_WORDS or name.lower() in lexicon.ROLE_NOUNS):
                return subject.position, "other", name  # `School`, `Police`: capitalised only as the first word
            if subject.label == "ORG" or resolver.outlets.canonical(name):
                return subject.position, "org", resolver.outlets.canonical(name) or name
            if subject.label == "PERSON" and name not in resolver.venues:
                return subject.position, "person", resolver.person_for(clean_name(name), subject.position).name
            if subject.label == "MISC" and surname_subject(resolver, name, subject.position):
                return subject.position, "surname", name  # `Carson defied ...`: a person, made one only if a pronoun means them
            kind, name = the_named(resolver.text, subject.position, name)
            return subject.position, kind, name
        if subject.kind == "names":
            names = [resolver.fullest(clean_name(name)) or name for name in subject.names]
            return subject.position, "group", " and ".join(names)
        if subject.kind == "institution":
            named = resolver.resolve(subject.text, subject.position)
            return subject.position, "org", named
        return subject.position, subject.kind, subject.text

    def unemployed_subject(self, position: int, back: int = 2) -> str | None:
        """The person opening one of the last ``back`` sentences before ``position`` when no role
        is known for them and nobody else has been named: `Dmitry Peskov fielded questions. The
        Kremlin spokesman told ...`."""
        referents = self.referents()
        index = self.resolver.discourse.sentence_at(position)
        for k in range(index - 1, max(-1, index - 1 - back), -1):
            referent = referents[k]
            if referent is None or referent[1] not in ("person", "role", "org", "group"):
                continue
            person = self.resolver.people.get(referent[2] or "") if referent[1] == "person" else None
            if person is None or any(role.split()[-1] in lexicon.ROLE_NOUNS for role in person.roles):
                return None  # the last one talked about is no person, or has another job (`shadow chancellor` too)
            named = {name for name, other in self.resolver.people.items() if self._named_before(other.mentions, position)}
            # Only when nobody else could be meant: with two people around, the role may be either's.
            return person.name if named == {person.name} else None
        return None

    def _named_before(self, mentions: list[int], position: int) -> bool:
        return any(at < position and not self.resolver.in_quote(at) for at in mentions)

    # -- resolving ------------------------------------------------------------------------------

    def _agrees(self, name: str | None, gender: str) -> bool:
        person = self.resolver.people.get(name) if name else None
        return person is not None and name not in self._excluded and (gender == "self" or person.gender in (None, gender))

    def pronoun(self, pronoun: str, position: int) -> str | None:
        """Who ``pronoun`` (lower case) at ``position`` refers to, None when nothing fits."""
        gender = lexicon.PRONOUNS[pronoun] or ""
        resolver = self.resolver
        if gender == "self" and not resolver.in_quote(position) and not transcript(resolver.text) and not block_quoted(resolver.text, position):
            return None  # `I` in the running text of a column or memoir is its writer, whom the text does not name
        if gender in ("male", "female", "self"):
            if not resolver.discourse.sentences:
                return last_person(self, gender, position)
            # `Marlow said, adding that he urged Weiss to keep calm`: he is not Trump.
            listener = listener_after(resolver, position) if gender != "self" else None
            # `“Ann Lee is not happening,” he said`: who the quotation talks about is not who says it.
            talked = talked_about_in_quote(resolver, position) if gender != "self" else set()
            self._excluded = frozenset([listener, *talked] if listener else talked)
            try:
                return self.person(gender, position)
            finally:
                self._excluded = frozenset()
        if resolver.discourse.sentences:
            return self.group(gender, position, named_groups=pronoun != "we")
        # Without sentences to find subjects in: `it`/`they` is the last organisation that spoke.
        if gender in ("plural", "neuter") and resolver.history:
            speaker, kind = resolver.history[-1]
            return speaker if kind == "org" else None
        return None

    def recently_named(self, gender: str, position: int, within: int = 600, subjects: bool = False) -> str | None:
        """The person of that gender named most recently before ``position``, if near; with
        ``subjects``, only where the name is the subject of a clause (not `fondness for Putin`)."""
        recent = []
        text = self.resolver.text
        for person in self.resolver.people.values():
            # Names inside quotes ("Here comes Big Daddy") are talked about, not talking.
            before = [m for m in person.mentions if m < position and not self.resolver.in_quote(m) and (not subjects or opens_clause(text, m))]
            if before and person.name not in self._excluded and (gender == "self" or person.gender in (None, gender)):
                recent.append((max(before), person))
        if recent:
            distance, person = max(recent, key=lambda pair: pair[0])
            if position - distance < within:
                return person.name
        return None

    def person(self, gender: str, position: int) -> str | None:
        """The person `he`, `she` or `I` at ``position`` most likely means."""
        resolver = self.resolver
        discourse = resolver.discourse
        referents = self.referents()
        index = discourse.sentence_at(position)
        own = referents[index] if index >= 0 else None
        # `Mr. Trump fits that bill, he added` after Gidley spoke: Trump is talked about, when
        # somebody else was just speaking or the subject; else he tells of himself.
        talked_about = own is not None and inside_content(self, own, position) and not introduced(self, own)
        if own is not None and own[0] < position and own[1] == "surname" and not talked_about:
            own = (own[0], "person", surname_person(resolver, own[2] or "", own[0], gender))
        if own is not None and own[0] < position and own[1] == "person" and self._agrees(own[2], gender):
            if not talked_about:
                return own[2]
            other = self._person_before(gender, position, index, quotation_start(referents, index))
            return other if other not in (None, own[2]) else own[2]
        near = (
            named_in_clause(self, gender, position, index)
            or self._person_before(gender, position, index, index - 1)
            or introduced_before(self, gender, position, index)
        )
        if near is None and gender != "self" and unnamed_antecedent(self, gender, position, index):
            return None  # `courting a woman who called herself unsure ... she said`: somebody unnamed
        return (
            near
            or named_since(self, gender, position, index, self._person_before(gender, position, index, -1))
            or self.recently_named(gender, position, subjects=True)
            or self.recently_named(gender, position)
        )

    def _person_before(self, gender: str, position: int, index: int, stop: int) -> str | None:
        """The person agreeing with ``gender`` who spoke or was a subject in the sentences before
        sentence ``index`` down to ``stop``: later sentences first; within one sentence the speaker
        of a quote before the subject."""
        resolver = self.resolver
        discourse = resolver.discourse
        referents = self.referents()
        events: list[tuple[int, int, int, str, str | None]] = [
            (discourse.sentence_at(at), 2 if not subject_after(referents, discourse.sentence_at(at), at) else 0, at, "person", name)
            for at, name, kind in resolver.said[-_PERSON_REACH:]
            if kind == "person" and at < position and discourse.sentence_at(at) >= stop
        ]
        for k in range(index - 1, max(-1, stop - 1, index - 1 - _PERSON_REACH), -1):
            referent = referents[k]
            if referent is not None and referent[1] in ("person", "role", "surname"):
                events.append((k, 1, *referent))
            elif referent is not None and referent[1] in ("other", "document"):
                owner = possessor(self, k)
                # Not in what somebody said (`Trump's grasp of policy is worrying, Cuban said`).
                if owner and not any(discourse.sentence_at(at) == k and at > referent[0] for at, _, _ in resolver.said[-_PERSON_REACH:]):
                    events.append((k, 1, referent[0], "person", owner))
        if index - 1 >= max(stop, 0) and gender != "self":
            events += [(index - 1, 0, at, "person", name) for at, name in named_in_sentence(self, index - 1, gender)]
        events.sort(reverse=True)
        for _, _, at, kind, name in events:
            if kind == "role":
                name = described_subject(self, name, at) if name else None
            elif kind == "surname":
                name = surname_person(resolver, name or "", at, gender)
            if self._agrees(name, gender):
                return name
        return None

    def group(self, gender: str, position: int, named_groups: bool = True) -> str | None:
        """The organisation or group `it` or `they` at ``position`` most likely means."""
        index = self.resolver.discourse.sentence_at(position)
        if gender == "plural" and index >= 0 and (plural := plural_before(self.resolver.text, self.resolver.discourse.starts[index], position)):
            # `That frustrates many analysts because they believe`: those just named, not a subject before.
            return plural if named_groups and plural_group(plural) else None
        own = self.referents()[index] if index >= 0 else None
        if own is not None and inside_content(self, own, position):
            # `State departments can do that, they said`: the group just named, if any, not the subject.
            found = group_before(self, gender, position, index - 1, index - 1, named_groups)
            if found:
                return found
        return group_before(self, gender, position, index, -1, named_groups) or named_pair(self, gender, index - 1, named_groups)


def last_person(salience: Salience, gender: str, position: int) -> str | None:
    """Without sentences: the last speaker, or someone noted since as a sentence's subject."""
    resolver = salience.resolver
    recent_subjects = resolver.subjects[max(0, bisect.bisect_left(resolver.subjects, (position, "")) - _PERSON_REACH) :]
    candidates = [
        (at, name)
        for at, name in [*resolver.spoken[-_PERSON_REACH:], *recent_subjects]
        if at < position and name in resolver.people and (gender == "self" or resolver.people[name].gender in (None, gender))
    ]
    if not candidates:
        return salience.recently_named(gender, position)
    at, name = max(candidates)
    if resolver.people[name].gender is None and gender != "self":
        exact = [(a, n) for a, n in candidates if resolver.people[n].gender == gender and at - a < 300]
        if exact:
            return max(exact)[1]
    return name


def learn_genders(salience: Salience) -> None:
    """`Bozell was five then, but he has ties`: a pronoun after a subject in its sentence tells its gender."""
    resolver = salience.resolver
    votes: dict[str, list[int]] = {}
    for index, referent in enumerate(salience._referents or []):
        if referent is None or referent[1] != "person" or referent[2] is None:
            continue
        gender = resolver.discourse.pronouns_after(index, referent[0], resolver.in_quote)
        if gender:
            tally = votes.setdefault(referent[2], [0, 0])
            tally[gender == "female"] += 1
    for name, (male, female) in votes.items():
        person = resolver.people.get(name)
        if person is None or person.gender is not None:
            continue
        if male > 2 * female:
            person.gender = "male"
        elif female > 2 * male:
            person.gender = "female"


def possessor(salience: Salience, index: int) -> str | None:
    """The person whose thing is the subject of sentence ``index`` (`Scalia's comments brought ...`)."""
    subject = salience.resolver.discourse.subjects[index]
    if subject is None or not subject.names or subject.label != "PERSON":
        return None
    return salience.resolver.fullest(clean_name(subject.names[0]))


@lru_cache(maxsize=8)
def transcript(text: str) -> bool:
    """Whether an article is a transcript or an interview, lines opening with who speaks (`Q:`,
    `A:`, `TAPPER:`): there an `I` outside quotation marks is the one answering."""
    return len(_SPEAKER_LABEL.findall(text, 0, 200_000)) >= 2


def block_quoted(text: str, position: int) -> bool:
    """Whether ``position`` is in a paragraph set off after a colon, a passage quoted without quotation
    marks (`Lee wrote:` and a new paragraph).

    >>> text = "Lee wrote:\\n\\nI think the plan is late.\\n\\nI was told so."
    >>> block_quoted(text, text.index("I think")), block_quoted(text, text.index("I was"))
    (True, False)
    """
    start = text.rfind("\n", 0, position)
    return start > 0 and text[:start].rstrip().endswith(":")


def subject_after(referents: list, index: int, at: int) -> bool:
    """Whether sentence ``index`` has a person for subject after a speaker at ``at``: the speaker was
    in a fronted clause (`When Maddow pointed out that ..., Clinton seized on it`), the subject is
    who the sentence is about."""
    referent = referents[index] if 0 <= index < len(referents) else None
    return referent is not None and referent[1] in ("person", "role", "surname") and referent[0] > at


def quotation_start(referents: list, index: int) -> int:
    """The sentence two before ``index``, or further back over sentences that are only quotation
    (no subject): who spoke before a pronoun's sentence may have quoted on (`“A,” Gidley said.
    “B. C.” Trump fits, he added`)."""
    k = index - 1
    while k > index - 1 - QUOTED_ON and k >= 0 and referents[k] is None:
        k -= 1
    return min(index - 2, k)


def group_before(salience: Salience, gender: str, position: int, first: int, stop: int, named_groups: bool = True) -> str | None:
    """The organisation or group agreeing with ``gender`` that spoke or was a subject in the
    sentences from ``first`` back to ``stop``, within reach of ``position``; with ``named_groups``
    also a people or party (`Democrats`), which `they` may mean and `we` (the writer's side) not."""
    resolver = salience.resolver
    referents = salience.referents()
    # `Twitter said ... It added`: a speaker taken for a person only because it spoke counts too.
    events: list[tuple[int, str, str | None]] = [
        (at, kind, name)
        for at, name, kind in resolver.said[-_PERSON_REACH:]
        if (kind != "person" or gender == "neuter" and nameless_thing(resolver, name) and resolver.discourse.sentence_at(at) >= first - 2)
        and at < position
        and resolver.discourse.sentence_at(at) >= stop
    ]
    for k in range(first, max(-1, stop - 1, first - 1 - _PERSON_REACH), -1):
        referent = referents[k]
        if referent is not None and referent[0] < position:
            events.append(referent)
    events.sort(key=lambda event: event[0], reverse=True)
    for at, kind, name in events:
        if position - at > _GROUP_REACH:
            break
        if kind == "org" and name or gender == "neuter" and kind == "person" and nameless_thing(salience.resolver, name):
            return name
        if gender == "neuter" and kind == "org":
            return None  # `The company wrote ... It added`: the nearer organisation, which has no name here
        plural_role = kind == "role" and lexicon.looks_plural((name or "").split()[-1].lower() if name else "")
        if gender == "plural" and named_groups and kind in ("other", "role") and plural_group(name):
            # `Democrats believe ... They say`: just before, or with only `they` sentences between, as
            # unnamed plurals (`the chairs`) may come between.
            between = referents[resolver.discourse.sentence_at(at) + 1 : first + 1]
            return name if all(other is not None and other[1:] == ("pronoun", "they") for other in between) else None
        if gender == "neuter" and (kind == "document" or kind == "other" and resolver.discourse.sentence_at(at) >= first - 1 and common_singular(name)):
            return None  # `The Ontario case faces a deadline. It states ...`: the thing just before
        if gender == "plural" and kind == "group":
            return name
        if gender == "plural" and (kind == "other" or plural_role):
            return None  # `Military analysts say ... they said`: people the article does not name
    return None




def named_in_clause(salience: Salience, gender: str, position: int, index: int) -> str | None:
    """`It was with that grit that Mrs. Lee recovered, when she told ...`: a pronoun opening a
    subordinate clause means the person named last before it in its sentence, when the sentence
    has no person for subject."""
    resolver = salience.resolver
    before = resolver.text[resolver.discourse.starts[index] : position].split() if index >= 0 else []
    if gender == "self" or not before or before[-1].lower() not in SUBORDINATORS:
        return None  # `I` is whoever speaks, not a person named before it
    start = resolver.discourse.starts[index]
    named = [
        (at, person.name)
        for person in resolver.people.values()
        for at in person.mentions
        if start <= at < position and not resolver.in_quote(at) and salience._agrees(person.name, gender) and not _modifies_noun(resolver.text, at)
    ]
    return max(named)[1] if named else None


def named_in_sentence(salience: Salience, index: int, gender: str) -> list[tuple[int, str]]:
    """(position, person) of the people named in sentence ``index`` outside quotation marks as the
    subject of some clause: after its speaker and subject, who a `he` or `she` of ``gender`` in the
    next sentence may mean (`The offer came when Ana Ruiz, the mayor, called. She said ...`); not one
    after a pronoun of that gender, which goes on about somebody else (`As she left, she said Ruiz
    had called`)."""
    resolver = salience.resolver
    starts = resolver.discourse.starts
    start, end = starts[index], starts[index + 1] if index + 1 < len(starts) else len(resolver.text)
    pronouns = [
        match.start()
        for match in re.finditer(r"\b[A-Za-z]+\b", resolver.text[start:end])
        if lexicon.PRONOUNS.get(match.group().lower()) == gender and not resolver.in_quote(start + match.start())
    ]
    first_pronoun = start + pronouns[0] if pronouns else end
    return [
        (at, person.name)
        for person in resolver.people.values()
        for at in person.mentions
        if start <= at < first_pronoun and not resolver.in_quote(at) and opens_clause(resolver.text, at, end)
    ]


def _modifies_noun(text: str, at: int) -> bool:
    """Whether the name at ``at`` modifies a role noun after it (`Trump aides`, `Clinton campaign`)."""
    following = re.match(r"[\w.’'-]+(?:\s+[A-Z][\w.’'-]*)*\s+([a-z]+)", text[at : at + 80])
    word = following.group(1) if following else ""
    return word in lexicon.ROLE_NOUNS or word[:-1] in lexicon.ROLE_NOUNS or word in ("campaign", "administration")


def inside_content(salience: Salience, subject: tuple[int, str, str | None], position: int) -> bool:
    """Whether a sentence's subject belongs to what the pronoun at ``position`` said after it
    (`The ministry will appeal, they said`), not to a frame around a quotation."""
    text = salience.resolver.text
    between = text[subject[0] : position]
    return subject[0] < position and not any(mark in between for mark in lexicon.QUOTE_MARKS) and postposed(text, position)

def introduced(salience: Salience, subject: tuple[int, str, str | None]) -> bool:
    """Whether the subject is a person named here for the first time: `Former Rep. Ann Lee was
    for Kasich, she said` is Lee telling of herself."""
    person = salience.resolver.people.get(subject[2] or "") if subject[1] == "person" else None
    return person is not None and not any(at < subject[0] and not salience.resolver.in_quote(at) for at in person.mentions)


def nameless_thing(resolver: SpeakerResolver, name: str | None) -> bool:
    """`Twitter said ... It added`: a one-word name taken for a person only because it spoke (no
    first name, no gender, not a person to the entity tagger), or a name ending as an organisation's
    does (`Clean Water Alliance`, without gender), may be the `it` that speaks next."""
    person = resolver.people.get(name) if name else None
    if person is not None and person.gender is None and organisation_named(person.name):
        return True
    return person is not None and " " not in person.name and person.gender is None and person.name not in resolver.person_names


def postposed(text: str, position: int) -> bool:
    """Whether the pronoun at ``position`` speaks after what it said, in the same sentence: `The
    plan will fail, he said`. The sentence's own subject is then part of what was said, not who.

    >>> text = "The ministry will appeal, they said. Ruiz said she would appeal. As Ruiz left, she said it was over."
    >>> postposed(text, text.index("they")), postposed(text, text.index("she")), postposed(text, text.rindex("she"))
    (True, False, False)
    """
    if not text[max(0, position - 3) : position].rstrip().endswith(","):
        return False
    verb = _PRONOUN_AND_VERB.match(text, position)
    if verb is None or verb.group(1) not in lexicon.CUE_FORMS:
        return False
    # Only a listener or a short adjunct may follow (`he said in an interview.`), not what was said
    # (`he said there is ...`).
    rest = _CLAUSE_REST.match(text, verb.end()).group().split()  # type: ignore[union-attr]
    if not rest:
        return True
    opens_adjunct = rest[0].lower() in _TAIL_STARTS or lexicon.CUE_FORMS[verb.group(1)] == "tell"
    return opens_adjunct and len(rest) <= 8 and "that" not in rest
