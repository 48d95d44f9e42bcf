"""Speaker names across articles: one canonical name and key per speaker, and its kind.

"Kremlin spokesman Dmitry Peskov" and "Dmitry Peskov" share a key once titles and roles are
dropped; the store keys speakers by it, so one person named in full is one speaker everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lexicon
from ..nlp.entities import is_name_word
from ..resources import word_list
from .outlets import Outlets

# Words that introduce a name without being part of it: "Sen. Ted Cruz", "Attorney General
# Loretta Lynch". The one title list (data/lexicon/titles.txt) the extractor uses too; lowercase
# words count as roles ("Kremlin spokesman Dmitry Peskov"), and everything before the last title
# goes ("Russian Foreign Minister Sergei Lavrov").
_TITLES = frozenset(title.rstrip(".") for title in lexicon.TITLES)
# Hyphenated titles: "Secretary-General", "Attorney-General", "President-elect".
_TITLE_PARTS = _TITLES | word_list("hyphenated_title_parts")
_PERSON_TITLES = word_list("person_titles")
# Lowercase words that belong inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_NAME_PARTICLES = word_list("name_particles")
# Organisation names end in one of these ("Foreign Ministry", "White House"), so their
# leading words are kept even when they look like titles.


def _is_role(token: str) -> bool:
    word = token.rstrip(".").casefold()
    if token[:1].islower():
        return word not in _NAME_PARTICLES
    if word.endswith("'s"):
        return True
    return word in _TITLES or ("-" in word and all(part in _TITLE_PARTS for part in word.split("-")))


@lru_cache(maxsize=16384)  # the store asks twice for each quote's speaker, and speakers recur
def canonical_speaker(name: str | None) -> str | None:
    """The speaker's name without the titles and roles in front of it.

    >>> canonical_speaker("Kremlin spokesman Dmitry Peskov")
    'Dmitry Peskov'
    >>> canonical_speaker("Mr. Peskov")
    'Peskov'
    >>> canonical_speaker("President Ursula von der Leyen")
    'Ursula von der Leyen'
    >>> canonical_speaker("the Foreign Ministry")
    'Foreign Ministry'
    >>> canonical_speaker("the spokesman") is None
    True
    >>> canonical_speaker("Secretary of State John Kerry"), canonical_speaker("Research firm eMarketer")
    ('John Kerry', 'eMarketer')
    """
    if not name:
        return None
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" ,.;:\"'“”")
    # "Dmitry Peskov, the Kremlin spokesman": the description after a comma is not the name.
    name = re.sub(r"'s$", "", name.split(",")[0].strip())
    name = re.sub(r"^the ", "", name, flags=re.IGNORECASE)
    if not name:
        return None
    tokens = name.split(" ")
    if not any(token[:1].isupper() for token in tokens):
        return None  # "he", "the spokesman": a mention, not a name
    if tokens[-1].casefold() in lexicon.ORGANISATION_ENDINGS:
        return name
    start = 0
    for index, token in enumerate(tokens[:-1]):
        if token == "of":
            if start == index and (index > 0 or tokens[1][:1].isupper()) and index + 2 < len(tokens):
                start = index + 2  # `Secretary of State John Kerry`, `Chief of Staff Denis McDonough`
            continue  # but `Bank of England` is a name
        if _is_role(token):
            start = index + 1
    if not is_name_word(tokens[start]):
        return name  # no name follows the roles: keep the phrase whole rather than guess
    rest = tokens[start:]
    if start > 0 and "of" in rest[2:]:
        rest = rest[: rest.index("of", 2)]  # `Sen. Tom Brandt of Iowa`: where from is not the name
    return " ".join(rest)


def speaker_key(name: str) -> str:
    """What two spellings of one speaker's name have in common: case and accents dropped.

    >>> speaker_key("Recep Tayyip Erdoğan") == speaker_key("recep tayyip erdogan")
    True
    """
    if name.isascii():  # nothing to decompose; `split` takes the same whitespace as `\s`, `lower` folds ASCII
        return " ".join(name.split()).lower()
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip().casefold()


# `al-Maliki`, `el-Sisi`, `bin-Salman`: a later mention may drop the joined article (`Maliki`).
_JOINED_PARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|bin|ibn)-(?=\w)")


@lru_cache(maxsize=1 << 14)  # asked for the same few names of an article again and again
def name_word_key(word: str) -> str:
    """One word of a person's name as its other mentions may spell it: case, accents, the curly
    apostrophe and a joined Arabic article dropped (`Von der Leyen` opening a sentence is
    `Ursula von der Leyen`).

    >>> [name_word_key(word) for word in ("al-Maliki", "Maliki", "Von", "O’Malley", "López", "Al")]
    ['maliki', 'maliki', 'von', "o'malley", 'lopez', 'al']
    """
    return _JOINED_PARTICLE.sub("", speaker_key(word).replace("’", "'"))


# Generation suffixes after a surname: `Joseph R. Biden Jr.`, `Harry Hurt III`.
_GENERATIONS = frozenset(["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"])


@lru_cache(maxsize=1 << 14)
def has_generation(name: str) -> bool:
    """Whether a name ends in a generation suffix: `Donald Trump Jr.` (not `Donald Trump`)."""
    words = name.split()
    return len(words) >= 2 and words[-1].casefold().rstrip(",") in _GENERATIONS


@lru_cache(maxsize=1 << 14)
def surname_of(name: str) -> str:
    """The surname a later mention uses: the last word, or the one before a generation suffix.

    >>> [surname_of(name) for name in ("Joseph R. Biden Jr.", "Trump Jr.", "Harry Hurt III", "Ann Lee", "Lee")]
    ['Biden', 'Trump', 'Hurt', 'Lee', 'Lee']
    """
    words = name.split()
    return words[-2] if has_generation(name) else words[-1]


def same_generation(name: str, other: str) -> bool:
    """Whether two names may be one person's: `Donald Trump` and `Donald Trump Jr.` are father and
    son, `Biden` may be `Joseph R. Biden Jr.`."""
    return " " not in name or " " not in other or has_generation(name) == has_generation(other)


def speaker_kind(name: str) -> str:
    """person, organisation or unknown, guessed from the shape of a speaker's name.

    >>> [speaker_kind(name) for name in ("Dmitry Peskov", "Mr. Peskov", "Foreign Ministry", "NATO", "Peskov")]
    ['person', 'person', 'organisation', 'organisation', 'unknown']
    """
    canonical = canonical_speaker(name) or name
    words = canonical.split()
    if Outlets.load().canonical(canonical) == canonical:
        return "organisation"
    if words[-1].casefold() in lexicon.ORGANISATION_ENDINGS or re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,7}", canonical):
        return "organisation"
    if len(words) > 1 and any(word in lexicon.ORG_WORDS for word in words):
        # `Trump National Doral`, `Clinton Global Initiative`: named after a person, not one
        return "organisation"
    if name.split()[0].rstrip(".").casefold() in _PERSON_TITLES:
        return "person"
    if 2 <= len(words) <= 5 and all(word[:1].isupper() or word in _NAME_PARTICLES for word in words):
        return "person"
    return "unknown"
