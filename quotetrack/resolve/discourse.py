"""Who each sentence is about: the noun phrase before its main verb.

The rule engine has no parse, so a sentence's subject is read from its surface: skip a dateline
(`MOSCOW —`), conjunctions and fronted adjuncts ended by a comma (`On Monday,`), then take the
noun phrase of names, titles and role words that follows. Speaker resolution uses the subjects
as the people, organisations and groups that `he`, `she`, `it` and `they` most likely mean.

>>> from types import SimpleNamespace as T
>>> words = "On Monday , former governor Ann Lee said".split()
>>> tokens, at = [], 0
>>> for word in words:
...     tokens.append(T(text=word, lower=word.lower(), start=at, end=at + len(word)))
...     at += len(word) + 1
>>> names = {tokens[5].start: (tokens[6].end, "PERSON", "Ann Lee")}
>>> find_subject(tokens, names)
Subject(start=12, position=28, kind='name', text='Ann Lee', names=('Ann Lee',), label='PERSON')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Protocol

from .. import lexicon
from ..resources import word_list

ADJUNCT_OPENERS = word_list("adjunct_openers")
NOUN_PHRASE_MODIFIERS = word_list("noun_phrase_modifiers")
DOCUMENT_NOUNS = lexicon.DOCUMENT_NOUNS
SENTENCE_ADVERBS = word_list("sentence_adverbs")

_CONJUNCTIONS = frozenset(["and", "but", "yet", "so", "still", "also", "then", "now", "or", "nor"])
_DASHES = frozenset(("—", "–", "-", "--"))
_POSSESSIVES = frozenset(("'s", "’s", "'", "’"))
_COORDINATORS = frozenset(("and", "&"))
# `When Obama flew in, he met ...`: their clause's subject is usually who the main clause is about.
_TEMPORAL = frozenset(["when", "after", "before", "while", "once", "as", "since", "until"])
# `To Ann Lee, the plan seemed late`: whose view a sentence about a thing gives.
_VIEWPOINT = frozenset(["to", "for"])
# `And even Obama tried`: a word that focuses the subject after it.
_FOCUS = frozenset(["even"])


class TokenLike(Protocol):
    text: str
    lower: str
    start: int
    end: int


@dataclass(frozen=True)
class Subject:
    """A sentence's subject noun phrase.

    ``kind`` is ``name`` (one named entity is the head), ``names`` (names joined by "and"),
    ``pronoun``, ``role`` (`the spokeswoman`), ``institution`` (`the ministry`),
    ``document`` (`the report`) or ``other`` (a group or thing: `Officials`, `Prices`); a document
    or other thing a name possesses (`Scalia's comments`) has that name in ``names``.
    """

    start: int
    position: int  # where the head starts: the entity, or the noun phrase's first word
    kind: str
    text: str
    names: tuple[str, ...] = ()
    label: str | None = None  # the NER label of a ``name`` head, or of the possessor of a thing


def find_subject(tokens: Sequence[TokenLike], names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """The subject of one sentence; ``names`` maps an entity's start offset to (end, label, text).

    None when the sentence opens with a quotation or no noun phrase can be found.
    """
    count = len(tokens)
    if not count or tokens[0].text in lexicon.OPENING_MARKS or tokens[0].text in lexicon.QUOTE_MARKS:
        return None
    i = _after_dateline(tokens)
    fronted: Subject | None = None  # a person named in a fronted adjunct: `When Obama flew in, he met ...`
    for _ in range(4):
        if i >= count:
            return None
        lower = tokens[i].lower
        if tokens[i].text == "(" and i == _after_dateline(tokens):
            i += 1  # `(Ann Lee defended her mother.)`: a sentence in parentheses
            continue
        if lower in ("there", "here") and i + 1 < count and tokens[i + 1].text == ",":
            i += 2  # `There, the district chairman Carl Lind declined`: a place, not `there is`
            continue
        if lower in _CONJUNCTIONS or (lower in SENTENCE_ADVERBS or lower in _FOCUS) and i + 1 < count and tokens[i + 1].start in names:
            i += 1  # `Meanwhile Ann Lee, who won, said`: the comma closes an apposition, not the adverb
            if lower in _CONJUNCTIONS and i + 1 < count and tokens[i].text == ",":
                i += 1  # `Then, Ann Lee set the terms`
            continue
        if lower in ADJUNCT_OPENERS or _adverb_or_participle(tokens[i], names) or _time_span(tokens, i):
            comma = next((k for k in range(i + 1, min(count, i + 25)) if tokens[k].text == ","), None)
            marks = [k for k in range(i, comma) if tokens[k].text in lexicon.QUOTE_MARKS] if comma is not None else []
            # `As for Lee's mangling of “Hamas,” Levine found ...`: a quoted word ends the adjunct.
            closed = comma is not None and len(marks) == 1 and comma + 1 < count and tokens[comma + 1].text in lexicon.QUOTE_MARKS
            if comma is None or marks and not closed:
                comma = None
            elif closed:
                comma += 1
            if fronted is None and (lower in _TEMPORAL or lower == "according"):
                # `According to Ann Lee, the plan failed`: the source is who the next `she` means.
                after = i + 2 if lower == "according" else i + 1
                fronted = _first_person(tokens, after, comma if comma is not None else min(count, i + 8), names)
            elif fronted is None and lower in _VIEWPOINT and comma is not None:
                fronted = _last_person(tokens, i + 1, comma, names)
            if comma is None and tokens[i].start in names:
                break  # `Rowing great Ingrid Solberg remembered`: a word of the noun phrase, no opener
            if comma is None:
                return fronted
            i = comma + 1
            # `Speaking in Salem, New Hampshire, Trump said`: the place after the comma is the adjunct's.
            place = names.get(tokens[i].start) if i < count else None
            if place and place[1] in ("GPE", "LOC") or i < count and tokens[i].text in lexicon.PLACES:
                end = place[0] if place else tokens[i].end
                k = i
                while k < count and tokens[k].start < end:
                    k += 1
                if k < count and tokens[k].text == ",":
                    i = k + 1
            i = _past_apposition(tokens, i, names)
            continue
        break
    if i >= count:
        return None
    first = tokens[i]
    if first.lower in lexicon.SUBJECT_PRONOUNS:
        return fronted or Subject(first.start, first.start, "pronoun", first.lower)
    subject = _noun_phrase(tokens, i, names)
    if fronted is not None and (subject is None or subject.kind == "other"):
        return fronted
    if subject is None or subject.kind == "other":
        return _second_clause_person(tokens, i, names) or subject
    return subject


def _past_apposition(tokens: Sequence[TokenLike], i: int, names: dict[int, tuple[int, str, str]]) -> int:
    """Past a description set off by commas after an adjunct, to the name it leads to:
    `Preceded by Joe Ruiz, the county sheriff, Tom Hale spoke` (the sheriff is Ruiz, not the
    subject); ``i`` when no person's name follows such a description."""
    if i >= len(tokens) or tokens[i].lower not in ("the", "a", "an"):
        return i
    for k in range(i + 1, min(len(tokens) - 1, i + 14)):
        word = tokens[k]
        if word.lower in lexicon.CUE_FORMS or word.text in lexicon.QUOTE_MARKS:
            return i  # `the sheriff said, ...`: the description is the subject
        if word.text == ",":
            named = names.get(tokens[k + 1].start)
            return k + 1 if named is not None and named[1] == "PERSON" else i
    return i


def _second_clause_person(tokens: Sequence[TokenLike], first: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """`The moderators moved on, but Christie was not having it`: when the first clause is about
    nobody, a person opening the clause after `, but` is who the sentence is about."""
    for k in range(first + 1, len(tokens) - 2):
        if tokens[k].text == "," and tokens[k + 1].lower in ("but", "yet"):
            m = k + 2
            while m < len(tokens) - 1 and m < k + 5 and tokens[m].lower in lexicon.TITLES:
                m += 1  # `, but Representative Brooks doesn't mince words`
            entity = names.get(tokens[m].start)
            if entity is not None and entity[1] == "PERSON":
                return Subject(tokens[m].start, tokens[m].start, "name", entity[2], (entity[2],), "PERSON")
    return None


_TIME_SPANS = frozenset(["days", "weeks", "months", "years", "hours", "minutes", "moments", "decades"])


def _time_span(tokens: Sequence[TokenLike], i: int) -> bool:
    """`Days after Lee's arrest, Hale volunteered`: a span of time opening a fronted adjunct."""
    return tokens[i].lower in _TIME_SPANS and i + 1 < len(tokens) and tokens[i + 1].lower in ("after", "before", "later", "earlier")


def _adverb_or_participle(token: TokenLike, names: dict[int, tuple[int, str, str]]) -> bool:
    """`Separately,`, `Speaking to reporters,`, `Asked about it,`: an opener ended by a comma."""
    lower = token.lower
    # The entity tagger takes a capitalised first word for a name of its own (MISC): `Reached by phone, ...`.
    named = names.get(token.start)
    not_a_name = named is None or named[1] == "MISC" and named[0] <= token.end
    return len(lower) > 4 and lower.isalpha() and not_a_name and lower.endswith(("ly", "ing", "ed"))


def _first_person(tokens: Sequence[TokenLike], first: int, stop: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """The person right after a subordinator (`When President Obama flew`); not one further in
    (`After meeting with Obama`), nor a possessive (`When Obama's plane landed`)."""
    for k in range(first, min(stop, first + 2)):
        entity = names.get(tokens[k].start)
        if entity is not None and entity[1] == "PERSON":
            rest = [token for token in tokens[k:stop] if token.start >= entity[0]]
            if rest and rest[0].lower in _POSSESSIVES:
                return None
            other = names.get(rest[1].start) if len(rest) > 1 and rest[0].lower in _COORDINATORS else None
            if other is not None and other[1] == "PERSON":
                # `As Johnson and Weld toured the state, they ...`: both, whom `they` means.
                return Subject(tokens[k].start, tokens[k].start, "names", f"{entity[2]} and {other[2]}", (entity[2], other[2]))
            return Subject(tokens[k].start, tokens[k].start, "name", entity[2], (entity[2],), "PERSON")
        if tokens[k].lower not in lexicon.TITLES and tokens[k].lower != "the":
            return None
    return None


def _last_person(tokens: Sequence[TokenLike], first: int, stop: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """The person whose name ends a fronted phrase before the comma at ``stop``: `To political science
    professor Ann Lee,`; not a person further in (`For Lee's critics,`)."""
    for k in range(first, stop):
        entity = names.get(tokens[k].start)
        if entity is not None and entity[1] == "PERSON" and entity[0] == tokens[stop - 1].end:
            return Subject(tokens[k].start, tokens[k].start, "name", entity[2], (entity[2],), "PERSON")
    return None


def _titled_person_at(tokens: Sequence[TokenLike], k: int, names: dict[int, tuple[int, str, str]]) -> bool:
    """Whether capitalised words, organisations and titles, a title among them, lead from ``k`` to a
    person's name: `GOP Chairman Carl Lind` in `the district GOP Chairman Carl Lind`."""
    m, titled = k, False
    while m < min(len(tokens), k + 6):
        entity = names.get(tokens[m].start)
        if entity is not None and entity[1] == "PERSON":
            return titled or tokens[m].lower in lexicon.TITLES
        lower = tokens[m].lower
        titled = titled or lower in lexicon.TITLES or lower in lexicon.ROLE_NOUNS
        if entity is None and not tokens[m].text[:1].isupper() and not titled:
            return False
        m += 1
    return False


def _head_noun(word: str) -> bool:
    """A noun that heads a role or an institution phrase: `spokesman`, `company`."""
    return word in lexicon.ROLE_NOUNS or word in lexicon.INSTITUTION_NOUNS


def _premodifier_noun(word: str) -> bool:
    """A lowercase word that may be a role noun before a name (`great` in `Tennis great Ann Lee`),
    never the name's own first word."""
    # Not an auxiliary: `The senator did give Lee credit` has a verb, no role word, before the name.
    return word.isalpha() and word.islower() and not word.endswith(("ed", "s")) and word not in lexicon.CUE_FORMS and word not in lexicon.AUXILIARIES


def _after_dateline(tokens: Sequence[TokenLike]) -> int:
    """Index after `MOSCOW —` or `WASHINGTON (Reuters) -`; 0 when the sentence has no dateline."""
    for k in range(1, min(len(tokens), 9)):
        if tokens[k].text in _DASHES:
            lead = [token.text for token in tokens[:k]]
            if any(len(word) > 1 and word.isupper() for word in lead) and all(
                word[:1].isupper() or word[:1].isdigit() or word in ",.()" for word in lead
            ):
                return k + 1
            return 0
    return 0


def _noun_phrase(tokens: Sequence[TokenLike], i: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    count = len(tokens)
    start = tokens[i].start
    heads: list[tuple[int, str, str]] = []  # (start, label, text) of each name in the phrase
    coordinated = False
    possessive_after_name = False
    last_word = ""
    j = i
    # `Our Principles PAC, which ...`: a capitalised `Our` before a name is part of an organisation's name.
    possessive = tokens[i].lower in lexicon.POSSESSIVE_DETERMINERS
    named_org = possessive and i + 1 < count and tokens[i + 1].start in names and tokens[i].text.istitle()
    determiner = possessive and not named_org
    if determiner or named_org:
        j += 1  # `Her predecessor, Erik Dahl, ...`: only with a name in apposition (below)
    while j < count:
        token = tokens[j]
        entity = names.get(token.start)
        if entity is not None:
            end, label, text = entity
            heads.append((token.start, label, text))
            possessive_after_name = False
            last_word = ""
            while j < count and tokens[j].start < end:
                j += 1
            continue
        lower = token.lower
        if lower in _POSSESSIVES:
            possessive_after_name = bool(heads) and not last_word
            j += 1
            continue
        # `Ruiz and Hale`, `Mr. Ruiz and Mr. Hale`: names joined, a title maybe before the second.
        titled = j + 2 < count and tokens[j + 1].lower in lexicon.TITLES and tokens[j + 2].start in names
        if lower in _COORDINATORS and heads and not last_word and j + 1 < count and (tokens[j + 1].start in names or titled):
            coordinated = True
            j += 1
            continue
        capitalised = token.text[:1].isupper() and token.text not in lexicon.CAPITALISED_FUNCTION_WORDS
        if (
            capitalised
            or lower in NOUN_PHRASE_MODIFIERS
            or lower in lexicon.TITLES
            or lower in lexicon.ROLE_NOUNS
            or lower in lexicon.INSTITUTION_NOUNS
            or lower in DOCUMENT_NOUNS
            or lower.endswith("-old")
        ):
            last_word = lower
            j += 1
            continue
        if not heads and tokens[i].lower in ("the", "a", "an") and j > i:
            # `The social media company said`, `A veteran union organiser said`: unlisted words
            # before a listed head noun.
            k = j
            while k < min(count, j + 3) and _premodifier_noun(tokens[k].text) and not _head_noun(tokens[k].lower):
                k += 1
            if k > j and k < count and (_head_noun(tokens[k].lower) or _titled_person_at(tokens, k, names)):
                j = k
                continue
        if not any(label == "PERSON" for _, label, _ in heads):
            # `GOP frontrunner Donald Trump`, `political science professor Ann Lee`: unlisted
            # role words before a name; verbs (`praised`, `says`) are not taken for them.
            k = j
            while k < min(count, j + 3) and _premodifier_noun(tokens[k].text):
                k += 1
            if k > j and k < count and names.get(tokens[k].start, (0, ""))[1] == "PERSON":
                last_word = tokens[k - 1].lower
                j = k
                continue
        break
    if j == i or j == count or tokens[j].text in ".!?:":
        return None  # a heading (`FULL TEXT.`), not a sentence with a verb
    if named_org and heads and heads[0][0] == tokens[i + 1].start:
        heads[0] = (start, "ORG", f"{tokens[i].text} {heads[0][2]}")  # the tagger left `Our` out; no person is `Our ...`
    if determiner and not last_word:
        # `Her predecessor, ...`, `His longtime rival, ...`: any noun, when a name is apposed to it.
        j = next((k for k in range(i + 2, min(count, i + 5)) if tokens[k].text == ","), j)
    named = _person_named(tokens, j, names)
    if named is not None:
        return named  # `a welder named Ana Ruiz`
    apposed = _apposed_person(tokens, _after_of_phrase(tokens, j, names) if last_word else j, names) if last_word or determiner else None
    if apposed is not None:
        return apposed  # `Russia's envoy, Vladimir Osipov, disagreed`: the name in apposition is who
    text = " ".join(token.text for token in tokens[i:j])
    if determiner:
        # `His advisers say ...`: people nobody names, whom a `they` after them means; a singular
        # (`Her lawyer`) is left to the sentences around it.
        plural_role = last_word in lexicon.ROLE_NOUNS and lexicon.looks_plural(last_word) and not heads
        return Subject(start, start, "role", text) if plural_role else None
    if heads and not last_word and not possessive_after_name:
        if coordinated and len(heads) > 1:
            return Subject(start, heads[0][0], "names", text, tuple(name for _, _, name in heads))
        at, label, name = heads[-1]
        return Subject(start, at, "name", name, (name,), label)
    head = last_word.rstrip(".")
    # `Scalia's comments from the bench`, `Trump's attempt`: whose they are, for the next pronoun.
    owner = (heads[-1][2],) if heads and possessive_after_name else ()
    owner_label = heads[-1][1] if owner else None
    if head in DOCUMENT_NOUNS:
        return Subject(start, start, "document", text, owner, owner_label)
    if head in lexicon.INSTITUTION_NOUNS:
        return Subject(start, start, "institution", text)
    if head in lexicon.ROLE_NOUNS or head in lexicon.TITLES:
        return Subject(start, start, "role", text)
    return Subject(start, start, "other", text, owner, owner_label)


def _person_named(tokens: Sequence[TokenLike], j: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """The person in `a welder named Ana Ruiz`, `a man called Tom Hill`, from the noun at ``j``."""
    k = j
    while k < min(len(tokens), j + 2) and tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k].lower not in ("named", "called"):
        k += 1
    if k + 1 >= len(tokens) or tokens[k].lower not in ("named", "called"):
        return None
    entity = names.get(tokens[k + 1].start)
    if entity is None or entity[1] != "PERSON":
        return None
    return Subject(tokens[k + 1].start, tokens[k + 1].start, "name", entity[2], (entity[2],), "PERSON")


_ROLE_PREPOSITIONS = frozenset(["of", "to", "at", "for", "from", "in"])


def _after_of_phrase(tokens: Sequence[TokenLike], j: int, names: dict[int, tuple[int, str, str]]) -> int:
    """Past a named complement of a role (`the ambassador to the United Nations`, `the director of
    the Baltic Centre`) to the comma that may open an apposed name; ``j`` when there is none."""
    if j >= len(tokens) or tokens[j].lower not in _ROLE_PREPOSITIONS:
        return j
    for k in range(j + 1, min(len(tokens), j + 8)):
        if tokens[k].text == ",":
            return k if k > j + 1 else j
        if not (tokens[k].text[:1].isupper() or tokens[k].lower == "the" or tokens[k].start in names):
            return j
    return j


def _apposed_person(tokens: Sequence[TokenLike], j: int, names: dict[int, tuple[int, str, str]]) -> Subject | None:
    """The person named between commas or dashes right after a role phrase ending at ``j``: `Her
    predecessor, Erik Dahl, ...`, `Trump's running mate — Indiana Gov. Mike Pence — has ...`."""
    if j + 1 >= len(tokens) or tokens[j].text != "," and tokens[j].text not in _DASHES:
        return None
    first = j + 1
    # Capitalised words may come first between dashes (`— Indiana Gov. Mike Pence —`), and a
    # modifier of the title after a comma too (`Her deputy, former Mayor Lena Cruz, ...`).
    while first < min(len(tokens) - 1, j + 4) and tokens[first].start not in names and (
        tokens[j].text in _DASHES and tokens[first].text[:1].isupper() or tokens[first].lower in NOUN_PHRASE_MODIFIERS or tokens[first].lower in lexicon.TITLES
    ):
        first += 1
    entity = names.get(tokens[first].start) if first < len(tokens) else None
    if entity is None or entity[1] != "PERSON":
        return None
    k = first
    while k < len(tokens) and tokens[k].start < entity[0]:
        k += 1
    if k >= len(tokens) or tokens[k].text != tokens[j].text:
        return None
    return Subject(tokens[first].start, tokens[first].start, "name", entity[2], (entity[2],), "PERSON")


class Discourse:
    """The subjects of an article's sentences, in order, and lookups by position."""

    def __init__(self, sentences: Sequence, entities: Sequence[tuple[int, int, str, str]]):
        self._entities = entities
        self.sentences = list(sentences)
        self.starts = [sentence.start for sentence in self.sentences]
        # Who may be named between a subject and a pronoun: people, and the names the tagger left
        # unlabelled (`McFadden added that Guccifer told her he ...`: `he` is Guccifer).
        self._people_at = {start for start, _, label, _ in entities if label in ("PERSON", "MISC")}

    @cached_property
    def subjects(self) -> list[Subject | None]:
        """The subject of each sentence; found on first use, which a third of articles never make."""
        names = {start: (end, label, name) for start, end, label, name in self._entities}
        return [find_subject(sentence.tokens, names) for sentence in self.sentences]

    def sentence_at(self, position: int) -> int:
        """Index of the sentence holding ``position`` (-1 before the first)."""
        return bisect.bisect_right(self.starts, position) - 1

    def pronouns_after(self, index: int, position: int, inside: Callable[[int], bool]) -> str | None:
        """The gender of the first he/she after ``position`` in sentence ``index``, outside quotes,
        unless another person is named first. Only subject forms tell: `Lee backed her up` is about
        somebody else."""
        for token in self.sentences[index].tokens:
            if token.start <= position:
                continue
            person = token.start in self._people_at
            gender = lexicon.PRONOUNS.get(token.lower) if token.lower in ("he", "she") else None
            if not person and gender not in ("male", "female") or inside(token.start):
                continue  # `inside` last: it is the costly test
            if person:
                return None
            return gender
        return None


@lru_cache(maxsize=1 << 14)  # a few names, asked about again and again
def clean_name(name: str) -> str:
    """A person's name without the titles, parties and nationalities in front of it.

    >>> clean_name("Democrat Hillary Clinton's"), clean_name("Senators Alma Ruiz"), clean_name("Stephen King")
    ('Hillary Clinton', 'Alma Ruiz', 'Stephen King')
    """
    words = re.sub(r"['’]s?$", "", name.strip()).split()
    # Titles lead a name ("President Obama"); a trailing "King" is a surname.
    while len(words) > 1 and (_is_title(words[0]) or len(words) > 2 and (words[0] in lexicon.DEMONYMS or _word_before_first_name(words))):
        words = words[1:]
    return " ".join(words)


def _word_before_first_name(words: list[str]) -> bool:
    """`Rival Hillary Clinton`, `Comedian Ann Lee`, `Certainly Tom Hill`: an English word
    capitalised before a first name and surname, not part of the name.

    >>> _word_before_first_name("Comedian Sarah Silverman".split()), _word_before_first_name("Andres Manuel Lopez".split())
    (True, False)
    """
    first, second = words[0], words[1]
    if not lexicon.is_first_name(second) or lexicon.is_first_name(first):
        return False
    lower = first.lower()
    return (
        lower in lexicon.ROLE_NOUNS
        or lower in NOUN_PHRASE_MODIFIERS
        or first in lexicon.CAPITALISED_FUNCTION_WORDS
        or lower.endswith(("ly", "ed", "an", "er", "or", "ist")) and first.isalpha()
    )


def _is_title(word: str) -> bool:
    """`President`, `Sen.`, and plural titles before coordinated names (`Senators Ruiz and Hale`)."""
    lower = word.lower()
    # `Senators Ruiz and Hale`, `Sens. Ruiz and Hale`, `Govs. Bush and Christie`
    return lower in lexicon.TITLES or lower.endswith("s") and lower[:-1] in lexicon.TITLES or lower.endswith("s.") and lower[:-2] + "." in lexicon.TITLES
