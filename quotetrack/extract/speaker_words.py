"""Small token tests for speaker phrases: a role's prepositional complement, a passive agent, a
name followed by its affiliation (`Ana Ruiz of the Institute for Fiscal Studies`)."""

from __future__ import annotations

from .. import lexicon
from .sentences import Token

PUNCT = set(",.;:!?—–-…‘’") | set(lexicon.QUOTE_MARKS) | {"...", "--", "(", ")"}
# Prepositions that join a role to what it is a role of: `a spokesman for the ministry`.
ROLE_PREPOSITIONS = frozenset(["for", "of", "to", "at", "in", "with", "from", "on"])
_DETERMINERS = frozenset(["the", "a", "an", "his", "her", "its", "their", "this", "that"])


def role_ahead(tokens: list[Token], k: int) -> bool:
    """Whether a role noun comes within three lowercase words from ``k``: `top foreign policy aide`."""
    for token in tokens[k : k + 4]:
        if not (token.text.isalpha() and token.text.islower()):
            return False
        if token.lower in lexicon.ROLE_NOUNS:
            return True
    return False


def passive_agent(tokens: list[Token], k: int) -> bool:
    """`by` and an agent within three words after ``k``: `released Tuesday by the institute`, not `followed up by lamenting`."""
    by = next((j for j in range(k + 1, min(len(tokens) - 1, k + 4)) if tokens[j].lower == "by" or tokens[j].text in PUNCT), None)
    return by is not None and tokens[by].lower == "by" and (tokens[by + 1].lower in _DETERMINERS or tokens[by + 1].text[:1].isupper())


def affiliated_name(tokens: list[Token], first: int, end: int) -> bool:
    """A person's name, then where they work: `Ana Ruiz of the Institute for Fiscal Studies`."""
    if not (tokens[first].ner or "").startswith(("B-PERSON", "S-PERSON")):
        return False
    k = first + 1
    while k < end and (tokens[k].ner or "").endswith("PERSON") and not (tokens[k].ner or "").startswith(("B-", "S-")):
        k += 1
    if k >= end or tokens[k].lower not in ("of", "at", "from"):
        return False
    return all(token.text[:1].isupper() or token.lower in ("of", "at", "from", "the", "for", "and", "on", "&") for token in tokens[k:end])


def possessive_mark(tokens: list[Token], j: int) -> bool:
    """Whether the apostrophe at ``j`` makes a plural or `-s` name possessive (`Sanders’ campaign`)
    rather than closing a quotation: glued to a word ending in `s`, a word after it."""
    return (
        tokens[j].text in ("’", "'")
        and 0 < j < len(tokens) - 1
        and tokens[j - 1].end == tokens[j].start
        and tokens[j - 1].text.endswith("s")
        and tokens[j + 1].text[:1].isalpha()
    )


def is_place(tokens: list[Token]) -> bool:
    """Whether the tokens name a place: `South Carolina`, `Fla.`, a place entity."""
    text = " ".join(token.text for token in tokens)
    return text in lexicon.MULTIWORD_PLACES or text in lexicon.PLACES or all((token.ner or "")[2:] in ("GPE", "LOC") for token in tokens)
