"""Organisations in one article: acronyms introduced in brackets, institutions named by their
country (`Malaysia's home ministry`, `the Indian foreign ministry`), and `the ministry` for the
ministry named before.

>>> acronyms("Immigration, Refugees and Citizenship Canada (IRCC) said. IRCC later added.")
{'IRCC': 'Immigration, Refugees and Citizenship Canada'}
>>> institution_antecedent("ministry", [(0, "Ministry of Defence"), (40, "Kremlin")], 80)
'Ministry of Defence'
>>> institution_phrases("Syria's transport ministry said so. The Kuwaiti foreign ministry agreed.")
[(0, "Syria's transport ministry"), (40, 'Kuwaiti foreign ministry')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .. import lexicon
from ..resources import word_list

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_WORD = re.compile(r"[\w'’.&-]+")
_CONNECTORS = frozenset(["and", "of", "for", "the", "on", "&", "de", "du", "des", "la", "le"])
# `Malaysia's home ministry`, `the Kuwaiti foreign ministry`, `South Korea's Unification Ministry`:
# a country (possessive) or nationality, up to two modifiers, an institution noun.
_INSTITUTION_PHRASE = re.compile(
    r"\b(?=[A-Z])(?!(?:The|A|An|In|On|At|By|For)\s)(?P<owner>(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s|[A-Z][a-z]+)\s+(?P<modifiers>(?:[A-Za-z][\w-]*\s+){0,2}?)"
    r"(?P<head>(?i:" + "|".join(sorted(lexicon.INSTITUTION_NOUNS, key=len, reverse=True)) + r"))\b"
)
# `the company` and `the group`: the business or group last named, known by how its name ends.
_NAME_ENDINGS = {"company": word_list("business_name_endings"), "firm": word_list("business_name_endings"), "group": word_list("group_name_endings")}
_NOT_MODIFIERS = frozenset(["the", "a", "an", "and", "or", "of", "in", "on", "to", "by", "with", "for", "has", "had", "was", "is", "new"])


def acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in brackets after their long form: ``{"IRCC": "Immigration, ... Canada"}``."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = [letter for letter in acronym if letter.isupper()]
        if len(letters) < 2 or acronym in found:
            continue
        window_start = max(0, match.start() - 150)
        words = list(_WORD.finditer(text, window_start, match.start()))
        initials: list[str] = []
        first = None
        for word in reversed(words):
            token = word.group(0)
            if token.lower() in _CONNECTORS:
                continue
            if not token[:1].isupper():
                break
            initials.insert(0, token[0])
            first = word.start()
            if len(initials) >= len(letters):
                break
        if first is not None and initials == letters:
            long_form = text[first : match.start()].strip(" ,")
            if "\n" not in long_form:
                found[acronym] = long_form
    return found


def institution_antecedent(head: str, organisations: Sequence[tuple[int, str]], position: int, is_outlet: Callable[[str], object] | None = None) -> str | None:
    """The nearest organisation named before ``position`` whose name has ``head`` as its head word:
    `the department` -> "Justice Department", `the ministry` -> "Ministry of Defence"; for `the company`,
    `the firm` and `the group`, else the nearest whose name ends as a business's or a group's does
    (`Halden Motors`, `Gulf Coast Coalition`), when it is no news outlet (``is_outlet``).

    >>> institution_antecedent("company", [(0, "Interior Ministry"), (30, "Halden Motors"), (50, "Brennan Center")], 80)
    'Halden Motors'
    """
    wanted = head.lower()
    business = None
    for start, name in reversed(organisations):
        if start >= position:
            continue
        words = name.split()
        if len(words) == 1:
            continue  # `Board`, `Bank`: a sentence's first word, not a name
        if words[-1].lower() == wanted or (len(words) > 2 and words[0].lower() == wanted and words[1] == "of"):
            return name
        kind = words[-1].lower().rstrip(".,") in _NAME_ENDINGS.get(wanted, ())
        if kind and business is None and not (is_outlet is not None and is_outlet(name)):
            # `Shares of Lumora Inc.`: the entity tagger's run from the sentence's first word; not `Bank of America Corp.`
            business = name.split(" of ", 1)[1] if len(words) > 2 and words[1] == "of" and words[0].endswith("s") else name
    return business


def institution_phrases(text: str) -> list[tuple[int, str]]:
    """(start, name) of each institution the text names by its country or nationality, in order;
    the name keeps the country (`China's Foreign Ministry`) but not a leading "the"."""
    found = []
    for match in _INSTITUTION_PHRASE.finditer(text):
        head = match.group("head")
        if not (head.islower() or head.istitle()):
            continue
        owner = match.group("owner")
        bare_owner = re.sub(r"['’]s$", "", owner)
        if bare_owner == owner:
            if owner not in lexicon.DEMONYMS:
                continue
        elif bare_owner not in lexicon.PLACES and bare_owner not in lexicon.MULTIWORD_PLACES:
            continue
        modifiers = match.group("modifiers").split()
        if any(word.lower() in _NOT_MODIFIERS or word.lower() in lexicon.CUE_FORMS for word in modifiers):
            continue
        found.append((match.start(), match.group(0)))
    return found


def named_institutions(text: str, organisations: Sequence[tuple[int, str]]) -> list[tuple[int, str]]:
    """The organisation entities and the institutions named by their country, by start; an entity
    inside such a name (`Foreign Ministry` in `China's Foreign Ministry`) gives way to it.

    >>> named_institutions("China's Foreign Ministry and NATO", [(8, "Foreign Ministry"), (29, "NATO")])
    [(0, "China's Foreign Ministry"), (29, 'NATO')]
    """
    phrases = institution_phrases(text)
    covered = [(start, start + len(name)) for start, name in phrases]
    kept = [(start, name) for start, name in organisations if not any(a <= start < b for a, b in covered)]
    return sorted([*phrases, *kept])
