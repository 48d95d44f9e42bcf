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
from collections.abc import Callable, Collection, Sequence
from functools import lru_cache

from .. import lexicon
from ..resources import word_lines, word_list

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_WORD = re.compile(r"[\w'’.&-]+")
_CONNECTORS = frozenset(["and", "of", "for", "the", "on", "&", "de", "du", "des", "la", "le"])
# `Malaysia's home ministry`, `the Kuwaiti foreign ministry`, `South Korea's Unification Ministry`:
# a country (possessive) or nationality, up to two modifiers, an institution noun.
_INSTITUTION_PHRASE = re.compile(
    r"\b(?=[A-Z])(?!(?:The|A|An|In|On|At|By|For)\s)(?P<owner>(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s|[A-Z][a-z]+)\s+(?P<modifiers>(?:[A-Za-z][\w-]*\s+){0,2}?)"
    r"(?P<head>(?i:" + "|".join(sorted(lexicon.INSTITUTION_NOUNS, key=len, reverse=True)) + r"))\b"
)
# How far before the end of its noun a phrase may start: a two-word owner, two modifiers and the noun.
_PHRASE_REACH = 220
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


def institution_antecedent(
    head: str, organisations: Sequence[tuple[int, str]], position: int, is_outlet: Callable[[str], object] | None = None, text: str = ""
) -> str | None:
    """The nearest organisation named before ``position`` whose name has ``head`` as its head word:
    `the department` -> "Justice Department", `the ministry` -> "Ministry of Defence"; for `the company`,
    `the firm` and `the group`, else the nearest whose name ends as a business's or a group's does
    (`Halden Motors`, `Gulf Coast Coalition`), when it is no news outlet (``is_outlet``).

    >>> institution_antecedent("company", [(0, "Interior Ministry"), (30, "Halden Motors"), (50, "Brennan Center")], 80)
    'Halden Motors'
    """
    wanted = head.lower()
    business = None
    single = None
    for start, name in reversed(organisations):
        if start >= position:
            continue
        words = name.split()
        if len(words) == 1:
            if single is None and position - start < _NEAR_SINGLE and _business_word(name, text, wanted) and not (is_outlet is not None and is_outlet(name)):
                single = name
            continue  # `Board`, `Bank`: a sentence's first word, not a name
        if words[-1].lower() == wanted or (len(words) > 2 and words[0].lower() == wanted and words[1] == "of"):
            return name
        kind = words[-1].lower().rstrip(".,") in _NAME_ENDINGS.get(wanted, ())
        if kind and business is None and not (is_outlet is not None and is_outlet(name)):
            # `Shares of Lumora Inc.`: the entity tagger's run from the sentence's first word; not `Bank of America Corp.`
            business = name.split(" of ", 1)[1] if len(words) > 2 and words[1] == "of" and words[0].endswith("s") else name
    return business or single


# How far back (characters) a one-word company is still what `the company` means: a sentence or two.
_NEAR_SINGLE = 600
# One-word outlet descriptors (`magazine`, `newspaper`), read here: resolve does not import extract.
_OUTLET_DESCRIPTORS = frozenset(line.partition("|")[0].strip() for line in word_lines("outlet_descriptors") if " " not in line.partition("|")[0].strip())
_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_CALENDAR = frozenset(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"])


def business_named_near(text: str, position: int, people: Collection[str], is_outlet: Callable[[str], object] | None = None) -> str | None:
    """`Twitter acknowledged the issue. ... the company said`: the nearest one-word business named in
    the sentences before ``position`` that the entity tagger did not take for an organisation: a word
    the article capitalises at least twice and never writes in lower case, that is nobody's name.

    >>> business_named_near("Norvik cut jobs. Norvik said demand fell. In June the company said", 60, {"Ann Lee"})
    'Norvik'
    """
    names = {word for name in people for word in name.split()}
    for match in reversed(list(_CAPITALISED_WORD.finditer(text, max(0, position - _NEAR_SINGLE), position))):
        word = match.group()
        if word in names or word in _CALENDAR or lexicon.is_first_name(word) or word.lower() in lexicon.ROLE_NOUNS or f"{word.lower()}." in lexicon.TITLES:
            continue
        if not _business_word(word, text, "company") or is_outlet is not None and is_outlet(word):
            continue
        uses = [use.start() for use in re.finditer(rf"\b{word}\b", text)]
        alone = sum(_stands_alone(text, at, at + len(word)) for at in uses)
        if alone >= 2 and alone * 4 >= len(uses) * 3 and not any(_described_as_outlet(text, at + len(word)) for at in uses):  # mostly on its own (`Wilayat Twitter` once is a nickname)
            return word
    return None


def _stands_alone(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` is no part of a longer capitalised name (`Rockefeller Brothers
    Fund`, `Daily News`).

    >>> _stands_alone("the Daily News said", 4, 9), _stands_alone("Norvik said", 0, 6), _stands_alone("It rose. On Norvik", 12, 18)
    (False, True, True)

    """
    if re.match(r"\s[A-Z]", text[end : end + 2]):
        return False
    before = re.search(r"(\S*)\s+[A-Z][\w.]*\s$", text[max(0, start - 30) : start])
    # `On Twitter`: a capitalised word opening the sentence is no part of the name.
    return before is None or before.group(1)[-1:] in (".", "!", "?", "“", '"', "")


def _described_as_outlet(text: str, end: int) -> bool:
    """Whether an outlet descriptor follows the name ending at ``end`` (`Forbes magazine`).

    >>> _described_as_outlet("Forbes magazine said", 6), _described_as_outlet("Norvik said", 6)
    (True, False)
    """
    following = text[end : end + 20].split()
    return bool(following) and following[0].strip(",.;") in _OUTLET_DESCRIPTORS


def _business_word(name: str, text: str, wanted: str) -> bool:
    """Whether a one-word organisation ``name`` can be the `company` or `firm` of ``text``: a word the
    article never writes in lower case (`Twitter`, `Monsanto`; not `Board`), no acronym, and no
    institution or place (`Congress`, `Pentagon`).

    >>> [_business_word(name, "Twitter said the board met.", "company") for name in ("Twitter", "Board", "Congress", "FBI")]
    [True, False, False, False]
    """
    if wanted not in ("company", "firm") or not text or not name.istitle() or not name.isalpha():
        return False
    if name in lexicon.ORG_WORDS or name in lexicon.PLACES or name in lexicon.DEMONYMS or name.lower() in lexicon.INSTITUTION_NOUNS:
        return False
    return re.search(rf"\b{re.escape(name.lower())}\b", text) is None


def institution_phrases(text: str) -> list[tuple[int, str]]:
    """(start, name) of each institution the text names by its country or nationality, in order;
    the name keeps the country (`China's Foreign Ministry`) but not a leading "the"."""
    found = []
    for match in (match for low, high in _near_heads(text) for match in _INSTITUTION_PHRASE.finditer(text, low, high)):
        head = match.group("head")
        if not (head.islower() or head.istitle()):
            continue
        owner = match.group("owner")
        bare_owner = re.sub(r"['’]s$", "", owner)
        if bare_owner == owner:
            if owner not in lexicon.DEMONYMS:
                continue
        elif not lexicon.is_place(bare_owner):
            continue
        modifiers = match.group("modifiers").split()
        if any(word.lower() in _NOT_MODIFIERS or word.lower() in lexicon.CUE_FORMS for word in modifiers):
            continue
        found.append((match.start(), match.group(0)))
    return found


@lru_cache(maxsize=1 << 14)  # asked of every mention; mentions recur within and across articles
def one_institution(mention: str) -> bool:
    """Whether ``mention`` is one institution named by its country, whole: `China's commerce ministry`.

    >>> one_institution("China's commerce ministry"), one_institution("the ministry")
    (True, False)
    """
    return institution_phrases(mention) == [(0, mention)]


def _near_heads(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` that end at an institution noun and reach back as far as a phrase
    ending there can start, overlapping stretches joined: trying the phrase at every capital letter
    of an article takes five times as long as trying it only there.

    >>> _near_heads("Britain's home office said so." + " " * 300 + "The Ministry agreed.")
    [(0, 21), (122, 342)]
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return [(0, len(text))]  # a letter whose lower case is longer (`İ`) moves the offsets: read it all
    ends = []
    for noun in lexicon.INSTITUTION_NOUNS:
        at = lowered.find(noun)
        while at >= 0:
            end = at + len(noun)
            # After a space (a phrase's modifiers or owner end with one), and a whole word.
            if at > 0 and lowered[at - 1].isspace() and not (end < len(text) and (lowered[end].isalnum() or lowered[end] == "_")):
                ends.append(end)
            at = lowered.find(noun, end)
    stretches: list[tuple[int, int]] = []
    for end in sorted(ends):
        low = max(end - _PHRASE_REACH, 0)
        if stretches and low <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], end)
        else:
            stretches.append((low, end))
    return stretches


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
