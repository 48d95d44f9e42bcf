"""Organisations in one article: acronyms introduced in brackets, and `the ministry` for the
Ministry named before.

>>> acronyms("Immigration, Refugees and Citizenship Canada (IRCC) said. IRCC later added.")
{'IRCC': 'Immigration, Refugees and Citizenship Canada'}
>>> institution_antecedent("ministry", [(0, "Ministry of Defence"), (40, "Kremlin")], 80)
'Ministry of Defence'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)")
_WORD = re.compile(r"[\w'’.&-]+")
_CONNECTORS = frozenset(["and", "of", "for", "the", "on", "&", "de", "du", "des", "la", "le"])


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


def institution_antecedent(head: str, organisations: Sequence[tuple[int, str]], position: int) -> str | None:
    """The nearest organisation named before ``position`` whose name has ``head`` as its head word:
    `the department` -> "Justice Department", `the ministry` -> "Ministry of Defence"."""
    wanted = head.lower()
    for start, name in reversed(organisations):
        if start >= position:
            continue
        words = name.split()
        if words[-1].lower() == wanted or (len(words) > 2 and words[0].lower() == wanted and words[1] == "of"):
            return name
    return None
