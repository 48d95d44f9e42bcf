"""Words of outlet phrases: descriptors (`news agency`, `daily`), modifiers (`state-run`), newspaper
name words, social platforms, and reading a phrase's tokens for the outlet's name.

>>> bare_outlet_name("CBS affiliate WUSA"), bare_outlet_name("the state-run MENA news agency")
('WUSA', 'MENA')
"""

from __future__ import annotations

import re
from functools import cache

from .. import lexicon
from ..resources import word_lines, word_list

PLATFORMS = lexicon.SOCIAL_PLATFORMS
NAME_WORDS = word_list("outlet_name_words")
MODIFIERS = word_list("outlet_modifiers")
JOURNALIST_ROLES = word_list("journalist_roles")
FIRST_NAMES = lexicon.MALE_NAMES | lexicon.FEMALE_NAMES
CONNECTORS = frozenset({"of", "and", "&", "de", "del", "des", "la", "le", "al", "el", "di", "da", "du", "i", "y", "am", "für", "-"})
NOT_NAMES = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "His", "Her", "Their", "Its"})
HYPHENATED_MODIFIER = re.compile(r"^(?:pro-|anti-)\w+|\w+-(?:run|owned|controlled|backed|funded|language|based|affiliated|leaning|official)$")
TOKEN = re.compile(r"\w(?:[\w'’&/-]|\.(?=\w))*|[^\w\s]")
QUOTES = frozenset("\"“”«»„‘")
# Words that may follow an outlet phrase (`told the newspaper that`, `told the agency it would`).
FUNCTION_WORDS = frozenset(
    ["that", "in", "on", "as", "about", "at", "from", "for", "to", "with", "by", "and", "but", "which", "who", "when", "while", "after", "before", "during", "this", "last", "earlier", "later", "it", "he", "she", "they", "we", "i", "you", "there", "the", "a", "an", "his", "her", "their", "its", "our", "was", "were", "had", "has", "is", "are", "would", "will", "could", "said"]
)
WEEKDAYS = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


@cache
def descriptors() -> dict[tuple[str, ...], str | None]:
    """Outlet descriptor words (``data/lexicon/outlet_descriptors.txt``) -> the outlet kind they imply."""
    table: dict[tuple[str, ...], str | None] = {}
    for line in word_lines("outlet_descriptors"):
        words, _, kind = line.partition("|")
        table[tuple(words.split())] = kind.strip() or None
    return table


def bare_outlet_name(name: str) -> str:
    """An outlet's name without "the", descriptors and modifiers, as the text names it.

    >>> bare_outlet_name("the pro-government daily Sabah"), bare_outlet_name("the Tasnim news agency")
    ('Sabah', 'Tasnim')
    """
    tokens = [match.group() for match in TOKEN.finditer(name)]
    reading = read_tokens(tokens)
    return " ".join(tokens[reading[0] : reading[1]]) if reading else name.strip()


def relay_tail(words: list[str]) -> bool:
    """True if the words after a postposed cue only say which outlet carried it.

    `“...,” she said, the Miami Herald reported.`, `“...,” she said, reports USA Today.` and
    `“...,” she told CBS affiliate WUSA.`

    >>> relay_tail([",", "the", "Miami", "Herald", "reported", "."]), relay_tail(["affiliate", "WUSA", "."])
    (True, True)
    >>> relay_tail([",", "reports", "USA", "Today", "."]), relay_tail([",", "reported", "that", "it", "rained", "."])
    (True, False)
    >>> relay_tail([",", "the", "mayor", "said", "."]), relay_tail(["and", "left", "."])
    (False, False)
    """
    rest = [word for word in words if word not in (",", ".", "!", "?", ";")]
    if not rest:
        return False
    # The outlet named before its verb (`the Miami Herald reported`) or, inverted, after it (`reports USA Today`).
    phrase = rest[:-1] if rest[-1] in ("reported", "reports", "said", "says") else rest[1:] if rest[0] in ("reported", "reports") else None
    if phrase is not None:
        return bool(phrase) and phrase[-1][:1].isupper() and all(is_outlet_word(word) for word in phrase)
    return any(descriptor_size_at(rest, k) for k in range(len(rest))) and all(is_outlet_word(word) for word in rest)


def is_person_word(word: str) -> bool:
    """A title or a role noun of a person (`Minister`, `spokesman`), not of an institution (`Agency`)."""
    lower = word.lower()
    return lower in lexicon.TITLES or lower + "." in lexicon.TITLES or lower in lexicon.ROLE_NOUNS and lower not in lexicon.INSTITUTION_NOUNS


def is_outlet_word(word: str) -> bool:
    """A word an outlet phrase may hold: a name, "the", a descriptor or modifier, a connector."""
    return word[:1].isupper() or word[:1].isdigit() or word.lower() == "the" or word in CONNECTORS or is_modifier(word) or word.lower() in descriptor_words()


def descriptor_size_at(tokens: list[str], k: int) -> int:
    """How many tokens from ``k`` form a lower-case outlet descriptor (0 when none)."""
    if not tokens[k][:1].islower():
        return 1 if tokens[k] == "TV" and k > 0 else 0  # `CBS TV`; other descriptors are lower-case
    table = descriptors()
    lowered = tuple(t.lower() for t in tokens[k : k + 3])  # lowered once for the three sizes
    for size in (3, 2, 1):
        if len(lowered) >= size and lowered[:size] in table:
            return size
    return 0


def is_modifier(token: str) -> bool:
    return token in MODIFIERS or token in lexicon.DEMONYMS or bool(HYPHENATED_MODIFIER.match(token))


def read_tokens(tokens: list[str]) -> tuple[int, int, str | None, bool] | None:
    """The name's token range in an outlet phrase, the kind its descriptor implies, and whether it has one.

    `CBS affiliate WUSA` names WUSA (the network before `affiliate` only qualifies it);
    `the Tasnim news agency` names Tasnim; `the newspaper` names nothing (range empty).
    """
    k = 1 if tokens and tokens[0].lower() in ("the", "a", "an") else 0
    segments: list[tuple[int, int]] = []
    kind: str | None = None
    described = False
    start = k
    while k < len(tokens):
        size = descriptor_size_at(tokens, k)
        if size:
            if k > start:
                segments.append((start, k))
            kind = descriptors().get(tuple(t.lower() for t in tokens[k : k + size])) or kind
            described = True
            k += size
            start = k
        elif is_modifier(tokens[k]) and k + 1 < len(tokens) and (tokens[k] not in lexicon.DEMONYMS or tokens[k + 1][:1].islower()):
            if k > start:
                segments.append((start, k))
            k += 1
            start = k
        else:
            k += 1
    if k > start:
        segments.append((start, k))
    if not segments:
        return (0, 0, kind, described) if described else None
    first, last = segments[0]
    after = segments[-1][0]
    if described and segments[-1][1] == len(tokens) and after > 0 and descriptor_size_at(tokens, after - 1) and tokens[after] not in CONNECTORS:
        first, last = segments[-1]  # `CBS affiliate WUSA`, `the daily Hürriyet`: the name after the descriptor
    return (first, last, kind, described)


def name_offsets(matches: list[re.Match[str]], tokens: list[str]) -> tuple[int, int]:
    """Where an outlet phrase names the outlet: without "the" and trailing lower-case descriptors."""
    first = 1 if len(tokens) > 1 and tokens[0].lower() == "the" else 0
    last = len(tokens) - 1
    while last > first and tokens[last][:1].islower():
        last -= 1
    return matches[first].start(), matches[last].end()


@cache
def descriptor_words() -> frozenset[str]:
    return frozenset(word for words in descriptors() for word in words)


def is_descriptor_word(token: str) -> bool:
    return token.islower() and token in descriptor_words()
