"""Plain-text articles: an optional ``Key: value`` header or ``---`` front matter, then the text.

>>> article = parse_txt("Title: Rain again\\nDate: 1 May 2024\\n\\nIt rained.")
>>> article.title, article.date, article.text
('Rain again', '2024-05-01', 'It rained.')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Article
from .dates import read_date
from .decode import normalize_newlines

__all__ = ["parse_txt"]

_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,29}?)[ \t]*:[ \t]*(.*?)[ \t]*")
_HEADER_FIELDS = {
    "title": "title",
    "headline": "title",
    "url": "url",
    "link": "url",
    "outlet": "publisher",
    "publisher": "publisher",
    "publication": "publisher",
    "date": "date",
    "published": "date",
}
# What may close a headline after its last word. Not lexicon.CLOSING_MARKS: brackets and the plain
# apostrophe count here, and the opening “ does not.
_CLOSERS = "\"'”’»)]"


def parse_txt(text: str, *, path: str | None = None, markdown: bool = False) -> Article:
    """Parse a plain-text article, with or without a ``Key: value`` header.

    With a header (``Title``, ``URL``, ``Outlet``/``Publisher``, ``Date``, keys in any
    case, ended by a blank line) the text is what follows it. Without one the
    whole text is kept and a short first paragraph line doubles as the title.
    """
    text = normalize_newlines(text).removeprefix("\ufeff")
    split = _split_front_matter(text) or _split_header(text)
    if split is not None:
        fields, body = split
        date, date_raw = read_date(fields.get("date"))
        return Article(
            text=body.strip(),
            title=fields.get("title"),
            url=fields.get("url"),
            publisher=fields.get("publisher"),
            date=date,
            date_raw=date_raw,
            path=path,
        )
    text = text.strip()
    return Article(text=text, title=_guess_title(text, markdown), path=path)


def _header_field(key: str) -> str | None:
    return _HEADER_FIELDS.get(re.sub(r"[\s_-]+", " ", key.strip().lower()))


def _header_fields(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in pairs:
        field = _header_field(key)
        if field and value and field not in fields:
            fields[field] = value
    return fields


def _split_header(text: str) -> tuple[dict[str, str], str] | None:
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    pairs: list[tuple[str, str]] = []
    end = start
    while end < len(lines) and (match := _HEADER_LINE.fullmatch(lines[end].strip())):
        pairs.append((match.group(1), match.group(2)))
        end += 1
    known = [_header_field(key) is not None for key, _ in pairs]
    ended_by_blank = end == len(lines) or not lines[end].strip()
    if not (any(known) and ended_by_blank):
        # Forgive a missing blank line, but then only trust the keys we know, so
        # "Washington: Lawmakers voted..." in a header-less article stays text.
        count = 0
        while count < len(known) and known[count]:
            count += 1
        if not count:
            return None
        pairs, end = pairs[:count], start + count
    return _header_fields(pairs), "\n".join(lines[end:])


def _split_front_matter(text: str) -> tuple[dict[str, str], str] | None:
    # Markdown-style "---" front matter, as written by static site generators.
    if not text.startswith("---\n"):
        return None
    close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.MULTILINE)
    if not close:
        return None
    pairs = []
    for line in text[4 : 4 + close.start()].split("\n"):
        if match := _HEADER_LINE.fullmatch(line.strip()):
            pairs.append((match.group(1), match.group(2).strip("\"'")))
    fields = _header_fields(pairs)
    if not fields:
        return None
    return fields, text[4 + close.end() :]


def _guess_title(text: str, markdown: bool) -> str | None:
    first, _, rest = text.partition("\n")
    first = first.strip()
    if markdown and first.startswith("#"):
        return first.lstrip("#").strip() or None
    # A title stands alone as a paragraph and has text after it; requiring the blank
    # line keeps the first line of hard-wrapped prose from passing as a headline.
    if not rest.startswith("\n") or not rest.strip():
        return None
    if len(first) > 200 or first.rstrip(_CLOSERS).endswith((".", ",", ";", ":")):
        return None
    return first
