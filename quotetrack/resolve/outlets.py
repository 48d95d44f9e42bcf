"""Outlet gazetteer: maps the many names of a news outlet to one canonical name.

>>> outlets = Outlets.load()
>>> outlets.canonical("the state-run TASS news agency")
'TASS'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..nlp.patterns import prefix_tree
from ..records import stable_id
from ..resources import data_path

# Words around an outlet's name that are no part of it: `the state-run TASS news agency`.
_DESCRIPTOR_WORDS = [
    *("the", "state-run", "state-owned", "state-controlled", "state", "official", "independent", "pro-kremlin", "kremlin-friendly"),
    *("russian", "chinese", "iranian", "turkish", "news", "agency", "newspaper", "daily", "broadcaster", "channel", "tv"),
    *("television", "radio", "magazine", "website", "outlet", "wire", "service", "network", "semi-official", "government-run", "private"),
]
_DESCRIPTORS = re.compile(r"\b(" + "|".join(_DESCRIPTOR_WORDS) + r")\b", re.IGNORECASE)
# Any descriptor word anywhere in a lowercased name, even inside a word (`the` in `Other`): one
# scan of the name, not one per word, says whether stripping descriptors is worth trying.
_DESCRIPTOR_INSIDE = re.compile("|".join(map(re.escape, _DESCRIPTOR_WORDS)))


_UNKNOWN = object()
_POSSESSIVE_END = re.compile(r"'s$")
_SPACES = re.compile(r"\s+")


def _key(name: str) -> str:
    """A name as the gazetteer's keys are written: no possessive, single spaces, case folded.

    >>> _key(" The  Times’s."), _key("Fox's")
    ('the times', 'fox')
    """
    name = name.replace("’", "'").strip().strip(".,;:")
    if name.endswith(("s", "s\n")):  # the patterns only where they may change something
        name = _POSSESSIVE_END.sub("", name)
    # Any whitespace but the space is unprintable: a printable name without two spaces running is kept.
    if "  " in name or not name.isprintable():
        name = _SPACES.sub(" ", name)
    return name.casefold()


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    state_run: bool
    kind: str | None


class Outlets:
    """Lookup of outlets by any of their names, ignoring case and descriptors."""

    def __init__(self, outlets: list[Outlet]):
        self.outlets = {outlet.name: outlet for outlet in outlets}
        self._by_key: dict[str, str] = {}
        # Aliases that are also common words (Time, Fox, the Post) only count when written exactly.
        self._exact: dict[str, str] = {}
        for outlet in outlets:
            for alias in (outlet.name, *outlet.aliases):
                self._exact[alias] = outlet.name
                # "The Post" alone is too common a phrase to match loosely.
                one_word_after_the = alias.lower().startswith("the ") and " " not in alias[4:]
                if one_word_after_the and alias.lower() != "the " + outlet.name.lower():
                    continue
                self._by_key.setdefault(_key(alias), outlet.name)
        # Names recur (every capitalised run of every article is looked up): answers are memoised.
        self._canonical: dict[tuple[str, bool], str | None] = {}
        longest_first = sorted(self._exact, key=len, reverse=True)
        # The lookahead names the letters a name can open with, so `re` jumps from one to the next
        # instead of trying the lookbehind at every character.
        opening = "[" + "".join(sorted({re.escape(alias[0]) for alias in longest_first})) + "]"
        self._pattern = re.compile(rf"(?={opening})(?<![\w-])(" + prefix_tree(longest_first) + r")(?:['’]s)?(?![\w-])")

    @classmethod
    @cache
    def load(cls, path: str | None = None) -> Outlets:
        source = Path(path) if path else data_path("outlets.csv")
        with open(source, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        return cls(
            [
                Outlet(
                    name=row["name"],
                    aliases=tuple(alias for alias in (row.get("aliases") or "").split("|") if alias),
                    country=row.get("country") or None,
                    state_run=row.get("state_run") == "1",
                    kind=row.get("kind") or None,
                )
                for row in rows
            ]
        )

    def canonical(self, name: str | None, *, search: bool = True) -> str | None:
        """The canonical outlet name for ``name``, or None if it names no known outlet.

        Without ``search``, ``name`` must name the outlet as a whole (descriptors aside): an outlet
        merely inside it ("Michael Bloomberg") does not count.

        >>> outlets = Outlets.load()
        >>> outlets.canonical("Michael Bloomberg"), outlets.canonical("Michael Bloomberg", search=False)
        ('Bloomberg', None)
        """
        if not name:
            return None
        known = self._canonical.get((name, search), _UNKNOWN)
        if known is not _UNKNOWN:
            return known  # type: ignore[return-value]
        if len(self._canonical) > 100_000:
            self._canonical.clear()
        found = self._canonical[name, search] = self._look_up(name, search)
        return found

    def _look_up(self, name: str, search: bool) -> str | None:
        name = name.strip()
        if name in self._exact:
            return self._exact[name]
        key = _key(name)
        if key in self._by_key:
            return self._by_key[key]
        # Without a descriptor the name's key is ``key``, already not found.
        if not name.isascii() or _DESCRIPTOR_INSIDE.search(name.lower()):
            stripped = _key(_DESCRIPTORS.sub(" ", name))
            if stripped and stripped in self._by_key:
                return self._by_key[stripped]
        found = self.find(name) if search else None
        if found:
            return found[0][0]
        return None

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Every outlet named in ``text``: (canonical name, start, end)."""
        return [(self._exact[m.group(1)], m.start(1), m.end(1)) for m in self._pattern.finditer(text)]

    def is_alias(self, name: str) -> bool:
        """True if ``name`` is written exactly as one of the gazetteer's names ("dpa", "Kommersant")."""
        return name in self._exact

    def info(self, name: str) -> Outlet | None:
        return self.outlets.get(name)


def outlet_row(name: str | None, *, known_only: bool = False) -> dict[str, Any] | None:
    """The ``outlets`` row for ``name``: gazetteer details when known, else the name as given.

    With ``known_only``, names the gazetteer does not know give None.

    >>> outlet_row("the state-run TASS news agency")["name"]
    'TASS'
    >>> outlet_row("Smalltown Gazette")["name"], outlet_row("Smalltown Gazette", known_only=True)
    ('Smalltown Gazette', None)
    """
    if not name or not name.strip():
        return None
    outlets = Outlets.load()
    canonical = outlets.canonical(name)
    info = outlets.info(canonical) if canonical else None
    if info is None:
        if known_only:
            return None
        plain = re.sub(r"\s+", " ", name).strip()
        return {"id": stable_id(plain.casefold()), "name": plain, "country": None, "state_run": None, "outlet_kind": None}
    return {
        "id": stable_id(info.name.casefold()),
        "name": info.name,
        "country": info.country,
        "state_run": int(info.state_run),
        "outlet_kind": info.kind,
    }
