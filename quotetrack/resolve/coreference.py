"""Evidence about who a pronoun may and may not mean, beyond plain salience.

:mod:`.salience` ranks the people and organisations that spoke or were subjects before a pronoun.
The tests here add what the surface says about them: a lone surname opening a sentence is a person
even where the entity tagger gave it no label of its own (`Carson defied the question.`), and the
listener of a pronoun's own cue is not its speaker (`he told Trump` is not Trump speaking).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import lexicon
from ..resources import word_list
from .discourse import SENTENCE_ADVERBS

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

_PARTY_MEMBERS = word_list("party_members")
_ORGANISATION_ENDINGS = lexicon.ORGANISATION_ENDINGS | word_list("group_name_endings")
# Words ending in -s after an apposition that are no verb: `Ana Ruiz, the mayor, as well as ...`.
_NOT_VERBS = frozenset(["as", "is", "was", "has", "this", "thus", "its", "his", "hers", "ours", "theirs", "plus", "versus"])
_COMPANY_ENDINGS = "Inc|LLC|Ltd|Corp|Co|Group|Company|Corporation|Partners|Associates|Foundation|Institute|University"
# What follows an organisation's name: `Forbes put Lee on its list`, `Mercury LLC`.
_OWNED = re.compile(rf"(?:.*\bits\b| (?:{_COMPANY_ENDINGS})\b)")
# `he told Trump`, `she also told Ms. Ruiz`: the pronoun, maybe an adverb, a cue and who heard it.
_LISTENER = re.compile(
    r"[\w’']+\s+(?:(?:also|then|later|again|\w+ly)\s+)?(?P<verb>[a-z]+)\s+(?P<name>(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w’'-]*)"
)


def surname_subject(resolver: SpeakerResolver, name: str, position: int) -> bool:
    """Whether a one-word name opening a sentence, that the entity tagger left unlabelled (MISC),
    is somebody's surname: a verb follows (`Carson defied ...`, `Obama also addressed ...`), the
    article writes it capitalised inside a sentence too, and it is no plural (`Democrats`), no common
    word written lowercase elsewhere (`Polls show`), no demonym, place, organisation word or platform
    (`Twitter said`), nothing named `in`, `at` or `the` (`in Orlando`, `the Fed said`), no company.

    >>> from quotetrack.resolve.outlets import Outlets
    >>> from quotetrack.resolve.speakers import SpeakerResolver
    >>> text = ("Carson defied the question, as aides to Carson expected. Democrats objected. A Democrat spoke. "
    ...         "Polls closed. Few polls count. Optimism grew. Nucor hired, and Nucor fired.")
    >>> resolver = SpeakerResolver(text, [], [], Outlets.load())
    >>> [surname_subject(resolver, word, text.index(word)) for word in ("Carson", "Democrats", "Polls", "Optimism")]
    [True, False, False, False]
    """
    return opens_clause(resolver.text, position) and _names_somebody(resolver, name)


@lru_cache(maxsize=128)
def _word_starts(text: str, word: str) -> tuple[int, ...]:
    """Where ``word`` stands as a whole word in ``text`` (plain search: no pattern per name)."""
    starts = []
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            starts.append(at)
        at = text.find(word, end)
    return tuple(starts)


def _names_somebody(resolver: SpeakerResolver, name: str) -> bool:
    """The part of :func:`surname_subject` that depends on the word alone, not where it stands."""
    text = resolver.text
    if not (name.isalpha() and len(name) > 2 and name[0].isupper() and name[1:].islower()):
        return False
    lower = name.lower()
    if (
        plural_group(name)
        or name in lexicon.DEMONYMS
        or name in lexicon.PLACES
        or name in lexicon.ORG_WORDS
        or name in lexicon.SOCIAL_PLATFORMS
        or name in lexicon.CAPITALISED_FUNCTION_WORDS
        or lower in lexicon.ROLE_NOUNS
        or lower in lexicon.TITLES
        or lower in SENTENCE_ADVERBS
        or lower in lexicon.PRONOUNS
    ):
        return False
    if name.endswith("s") and _word_starts(text, name[:-1]):
        return False  # `Democrats` beside `Democrat`, `Clintons` beside `Clinton`: a group
    if _word_starts(text, lower) or name in resolver.acronyms or resolver.outlets.canonical(name):
        return False
    inside = False
    for at in _word_starts(text, name):
        before, after = text[max(0, at - 5) : at], text[at + len(name) : at + len(name) + 70]
        # A name is capitalised inside sentences too (`said Carson`, `Ben Carson`); a common word
        # that opens sentences (`Optimism grew`, `Others agreed`) is capitalised only there.
        inside = inside or not _opens_sentence(before)
        # `in Orlando`, `at Verizon`, `the Fed said`, `Forbes ... its list`, `Mercury LLC`: a place or
        # an organisation.
        last = before.split()[-1:]
        if last in (["in"], ["at"]) or last in (["the"], ["The"]) and named_thing(after):
            return False
        if re.match(_OWNED, after.split(".")[0][:64]):
            return False
    return inside


# A name, an optional apposition between commas, an optional adverb, and the next word.
_NAME_THEN_WORD = re.compile(
    r"(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)(?P<apposition>,[^,.;:“”\"()]{1,80},)?\s+(?:(?:also|then|later|soon|never|still|\w+ly)\s+)?(?P<word>[a-z]+)\b"
)


def opens_clause(text: str, at: int, end: int | None = None) -> bool:
    """Whether the name at ``at`` is the subject of a clause: a verb follows it, maybe after an
    apposition or an adverb (`Ana Ruiz, the mayor, called`, `Ruiz also railed`), not a noun or a
    preposition (`speeches for Ruiz with`, `Ruiz aides`, `Ruiz, who ...`, `Ruiz's continued`); the verb
    before ``end``, the end of the name's sentence.

    >>> text = "when Ana Ruiz, the mayor, called. Then Tom Hill also railed. Aides to Ana Ruiz left. Ana Ruiz, who won."
    >>> [opens_clause(text, text.index(name)) for name in ("Ana Ruiz,", "Tom Hill", "Ana Ruiz left", "Ana Ruiz, who")]
    [True, True, False, False]
    >>> opens_clause("Ana Ruiz's continued appeal", 0)
    False
    """
    following = _NAME_THEN_WORD.match(text, at, len(text) if end is None else end)
    if following is None or following.group("name")[-2:] in ("'s", "’s") or following.group("name")[-1] in "'’":
        return False
    word = following.group("word")
    if following.group("apposition") and word.endswith("s") and not word.endswith("ss") and word not in _NOT_VERBS:
        return True  # `Karlee Macer, a Democrat, wants`: after an apposition, a present-tense verb
    return word in lexicon.AUXILIARIES or word in lexicon.CUE_FORMS or len(word) > 4 and word.endswith("ed")


def surname_person(resolver: SpeakerResolver, surname: str, position: int, gender: str) -> str | None:
    """The person a lone surname subject names: the article's fullest name for it, else a new person
    of unknown gender, made only once a `he` or `she` (``gender``) means them."""
    known = resolver.fullest(surname)
    if known is not None or gender not in ("male", "female"):
        return known
    return resolver.person_for(surname, position).name


def listener_after(resolver: SpeakerResolver, position: int) -> str | None:
    """The person a pronoun at ``position`` speaks to by name (`he told Trump to stay focused`):
    whoever the pronoun means, it is not them.

    >>> from quotetrack.resolve.outlets import Outlets
    >>> from quotetrack.resolve.speakers import SpeakerResolver
    >>> text = "Eddie Whitlock met Donald Trump. Whitlock said he told Trump to focus."
    >>> entities = [(0, 14, "PERSON", "Eddie Whitlock"), (19, 31, "PERSON", "Donald Trump")]
    >>> resolver = SpeakerResolver(text, [], entities, Outlets.load())
    >>> listener_after(resolver, text.index("he told"))
    'Donald Trump'
    """
    following = _LISTENER.match(resolver.text, position, position + 120)
    if following is None or lexicon.CUE_FORMS.get(following.group("verb")) != "tell":
        return None
    from .discourse import clean_name

    return resolver.fullest(clean_name(following.group("name")))


def talked_about_in_quote(resolver: SpeakerResolver, position: int) -> set[str]:
    """The person the quotation beside a pronoun's cue opens on as the subject of its first clause,
    so talks about and is not (`“Lee is our best debater,” he says`). Further in, a name may be the
    speaker's own (`they say Bernie Sanders should drop out`, `We win with Hill`).

    >>> from quotetrack.resolve.outlets import Outlets
    >>> from quotetrack.resolve.speakers import SpeakerResolver
    >>> text = "Tom Hill met Ann Lee. “Ann Lee is not running,” he said. “We win with Hill,” he said."
    >>> entities = [(0, 8, "PERSON", "Tom Hill"), (13, 20, "PERSON", "Ann Lee"), (23, 30, "PERSON", "Ann Lee")]
    >>> quoted = [(22, 46), (58, 73)]
    >>> resolver = SpeakerResolver(text, [], entities, Outlets.load(), quoted=quoted)
    >>> talked_about_in_quote(resolver, text.index("he said")), talked_about_in_quote(resolver, text.rindex("he said"))
    ({'Ann Lee'}, set())
    """
    text = resolver.text
    quote = next(
        (
            (a, b)
            for a, b in resolver.quoted
            # `“...,” he said` or `He added: “...”`: the quotation right before or after the pronoun's clause.
            if 0 <= position - b <= 4 and not text[b:position].strip(",”\"’' ")
            or 0 < a - position <= 40 and not any(mark in text[position:a] for mark in ".!?")
        ),
        None,
    )
    if quote is None:
        return set()
    start, end = quote
    talked = set()
    for person in resolver.people.values():
        for at in person.mentions:
            if start <= at < end and not text[start:at].strip("“\"‘' ") and opens_clause(text, at, end):
                talked.add(person.name)
    return talked


def plural_group(name: str | None) -> bool:
    """Whether a sentence's subject is a named group that `they` may mean: a plural of a party or
    people (`Democrats`, `Palestinians`), not a common noun that opens the sentence (`Nurses`).

    >>> [plural_group(name) for name in ("Democrats", "Palestinians", "Socialists", "Nurses", "Republican", None)]
    [True, True, True, False, False, False]
    """
    return name is not None and name.endswith("s") and (name in lexicon.DEMONYMS or name in _PARTY_MEMBERS)


def organisation_named(name: str) -> bool:
    """Whether a name of several words ends as an organisation's does (`Clean Water Alliance`,
    `Harbour Tenants Union`), so that the entity tagger was wrong to take it for a person.

    >>> [organisation_named(name) for name in ("Clean Water Alliance", "Ann Lee", "Alliance")]
    [True, False, False]
    """
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _ORGANISATION_ENDINGS


def the_named(text: str, position: int, name: str) -> tuple[str, str]:
    """What a subject name that the entity tagger made no person nor organisation stands for, as
    (kind, text): after `the`, a body when a verb follows (`For 60 years, the Census denied ...`),
    a thing when a noun does (`The Ontario case faces ...`); else something ``other``.

    >>> text = "For years, the Census denied it. The Ontario case faces a deadline. Ontario voted."
    >>> the_named(text, text.index("Census"), "Census"), the_named(text, text.index("Ontario"), "Ontario")
    (('org', 'Census'), ('other', 'Ontario case'))
    >>> the_named(text, text.rindex("Ontario"), "Ontario")
    ('other', 'Ontario')
    """
    after = text[position + len(name) : position + len(name) + 40]
    if text[max(0, position - 4) : position].lower() == "the ":
        noun = after.split()[:1]
        if named_thing(after):
            if not lexicon.looks_plural(name.lower()):
                return "org", name
        elif noun and noun[0].isalpha() and noun[0].islower():
            return "other", f"{name} {noun[0]}"
    return "other", name


def named_thing(after: str) -> bool:
    """Whether what follows `the NAME` makes it a thing with a name (`the Fed said`, `the Vatican.`),
    not a name modifying a noun (`the Trump campaign`)."""
    word = after.split()[0] if after.split() else ""
    return not after[:1].isspace() or word in lexicon.AUXILIARIES or word in lexicon.CUE_FORMS or word.endswith("ed")


def _opens_sentence(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence, a paragraph or a quotation; `,” Obama`
    is a speaker after a quote, inside the sentence.

    >>> [_opens_sentence(before) for before in ("", "ok.\\n\\n", "won.” ", "fair,” ", "and ")]
    [True, True, True, False, False]
    """
    before = before.rstrip()
    if before[-1:] in ("”", '"', "’", "'"):
        before = before[:-1]
    return not before or before[-1] in ".?!:;(“—\n"

