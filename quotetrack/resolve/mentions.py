"""What a speaker mention names: a person entity, a capitalised name, an organisation, or a role of
somebody else's; and PERSON entities that name no person.

>>> name_in("Kremlin spokesman Dmitry Peskov", Outlets.load())
'Dmitry Peskov'
>>> name_in("Global Affairs Canada", Outlets.load()), name_in("Rep. Jim Jordan", Outlets.load())
(None, 'Jim Jordan')
>>> org_in("the Foreign Ministry", Outlets.load())
'Foreign Ministry'
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..nlp.entities import is_name_word
from ..resources import word_list
from .outlets import Outlets
from .people import POSSESSIVE

VENUE_WORDS = word_list("venue_words")
NAME_TOKEN = re.compile(r"^[A-Z][\w'’.-]*$")


_WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


def name_in(mention: str, outlets: Outlets) -> str | None:
    """The first run of capitalised name words in ``mention`` (titles, places, organisation
    words and outlets are not names)."""
    name_words: list[str] = []
    words = mention.split()
    for index, word in enumerate(words):
        bare = POSSESSIVE.sub("", word)
        if name_words and bare in _WEEKDAYS:
            return None  # `Super Tuesday`: a day
        if name_words and " ".join([*name_words, bare]) in lexicon.MULTIWORD_PLACES:
            return None  # `the New Mexico Republican`
        if name_words and bare in lexicon.PLACES and is_name_word(bare):
            if lexicon.is_first_name(name_words[0]):
                name_words.append(bare)  # `Jim Jordan`, `Paris Hilton`... a surname that is a place
                continue
            if index == len(words) - 1:
                return None  # `Global Affairs Canada`, `Statistics Canada`: a body named for its country
        # `Will Hardy`: a first name spelt like a function word, when a name follows.
        first_name = not name_words and lexicon.is_first_name(bare) and index + 1 < len(words) and is_name_word(words[index + 1])
        # `Jordan Bardella`, `Victoria Coren`: a first name spelt like a place, when a surname follows.
        place_first_name = first_name and _surname_like(POSSESSIVE.sub("", words[index + 1]))
        if (
            is_name_word(bare)
            and (bare not in lexicon.CAPITALISED_FUNCTION_WORDS or first_name)
            and bare.lower() not in lexicon.TITLES
            and bare not in lexicon.ORG_WORDS
            and bare not in lexicon.DEMONYMS
            and (bare not in lexicon.PLACES or place_first_name)
        ):
            name_words.append(bare)
        elif name_words:
            break
    if not name_words or outlets.canonical(" ".join(name_words)) or " ".join(name_words) in lexicon.MULTIWORD_PLACES:
        return None  # `The South Carolina Republican`: a place is no name
    if len(name_words) == 1 and name_words[0].isupper():
        return None
    return " ".join(name_words)




def _surname_like(word: str) -> bool:
    """A capitalised word that may be a surname: not a place, title, organisation or venue word.

    >>> _surname_like("Bardella"), _surname_like("Airport"), _surname_like("Mayor")
    (True, False, False)
    """
    return (is_name_word(word) and word not in lexicon.PLACES and word.lower() not in lexicon.TITLES
            and word not in lexicon.ORG_WORDS and word not in lexicon.DEMONYMS and word not in VENUE_WORDS)


def org_in(mention: str, outlets: Outlets) -> str | None:
    """An organisation's name: the mention without its article, when mostly capitalised."""
    words = mention.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    capitalised = [w for w in words if is_name_word(w)]
    if not capitalised or len(capitalised) < len(words) * 0.5:
        return None
    if len(words) > 1 and POSSESSIVE.sub("", words[-1]) in lexicon.DEMONYMS and words[-2].strip("'‘\"“").lower() not in lexicon.TITLES:
        return None  # `the New Mexico Republican`, `a Kansas Democrat`: a party's member, not a body
    name = " ".join(words)
    return outlets.canonical(name) or POSSESSIVE.sub("", name)


def possessed_role(words: list[str]) -> bool:
    """`Trump's attorney`, `the senator's press secretary`: a role of somebody's, not that somebody.

    >>> possessed_role("Trump's attorney".split()), possessed_role("Trump's fire-breathing".split()), possessed_role("The Hale Group's CEO".split())
    (True, False, True)
    """
    owner = next((k for k, word in enumerate(words[:-1]) if POSSESSIVE.search(word) and not word.endswith("s'")), None)
    if owner is None or len(words) - owner - 1 > 3:
        return False
    after, before = [word if word.islower() else word.lower() if word.lower() in lexicon.TITLES else word for word in words[owner + 1 :]], words[:owner]
    return (
        all(word.islower() for word in after)  # `CEO`, `CFO`: a title written in capitals is a role too
        and (after[-1] in lexicon.ROLE_NOUNS or after[-1].endswith("s") and after[-1][:-1] in lexicon.ROLE_NOUNS)
        and all(word[:1].isupper() or word.lower() == "the" for word in before)
    )


@lru_cache(maxsize=1 << 14)  # asked of every person entity of every article: the same names recur
def is_venue(name: str) -> bool:
    """A PERSON entity that names no person: a place or body named after one (`Trump National Doral`,
    `Clinton Foundation`, `Pacific Ocean`), a party or nationality (`Republican`), a shouted headline.

    >>> [is_venue(name) for name in ("Trump Tower", "Republican", "Ann Lee", "Park Geun-hye", "Great Recession")]
    [True, True, False, False, True]

    A party's member named by the place he stands for is somebody described, not a name:

    >>> is_venue("New Mexico Democrat"), is_venue("Mark Cuban")
    (True, False)
    """
    words = name.split()
    if not words:
        return False
    if len(words) == 1:
        return name in lexicon.DEMONYMS
    place = " ".join(words[:-1])
    if words[-1] in lexicon.DEMONYMS and lexicon.is_place(place):
        return True
    return name.isupper() or any(word in VENUE_WORDS or word in lexicon.ORG_WORDS for word in words[1:])


def conjoined_descriptions(mention: str) -> list[list[str]]:
    """The words of each description in `the Ohio senator and former governor` (two descriptions of one
    person under one article), each without a complement after its role (`former secretary of state` ->
    `former secretary`); [] for any other mention.

    >>> conjoined_descriptions("the Ohio senator and former secretary of state")
    [['the', 'Ohio', 'senator'], ['the', 'former', 'secretary']]
    >>> conjoined_descriptions("the mayor and the judge"), conjoined_descriptions("Ann Lee and Tom Hale")
    ([], [])
    """
    words = mention.split()
    if len(words) < 4 or words[0].lower() != "the" or words.count("and") != 1:
        return []
    joint = words.index("and")
    left, right = words[1:joint], words[joint + 1 :]
    if not left or not right or right[0].lower() in ("the", "a", "an", "his", "her", "their") or not words[-1].islower():
        return []
    parts = []
    for part in (left, right):
        of = next((k for k, word in enumerate(part) if word == "of" and k > 0), None)
        parts.append(["the", *(part[:of] if of is not None else part)])
    return parts


def writing_named_after(mention: str, person: str | None) -> bool:
    """`The Rove ad`, `Ann Lee's brief`: a writing (a document noun heading the mention, within two
    words of the name of ``person``) named after a person, not that person; not `Lee in a post`.

    >>> writing_named_after("The Rove ad", "Rove"), writing_named_after("Jo Hale in a blog post", "Jo Hale")
    (True, False)
    """
    words = mention.split()
    if not person or not words or not words[-1].islower() or POSSESSIVE.sub("", words[-1]) not in lexicon.DOCUMENT_NOUNS:
        return False
    return len(mention.rsplit(person.split()[-1], 1)[-1].split()) <= 2


def acronym_named(mention: str, acronyms: dict[str, str]) -> str | None:
    """The long form an acronym of the article stands for, given alone (`IRCC`) or after that long form
    (`Department of Health and Social Care (DHSC)`); None for other mentions.

    >>> known = {"DHSC": "Department of Health and Social Care"}
    >>> acronym_named("DHSC", known), acronym_named("Department of Health and Social Care (DHSC)", known), acronym_named("Ann Lee", known)
    ('Department of Health and Social Care', 'Department of Health and Social Care', None)
    """
    if mention in acronyms:
        return acronyms[mention]
    bracketed = re.fullmatch(r".+\s\((\w+)\)", mention)
    return acronyms.get(bracketed.group(1)) if bracketed else None
