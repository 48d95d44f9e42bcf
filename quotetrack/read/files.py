"""Reading articles from disk: plain text with an optional header, HTML, JSON and JSON Lines.

>>> article = parse_txt("Title: Rain again\\nDate: 1 May 2024\\n\\nIt rained.")
>>> article.title, article.date, article.text
('Rain again', '2024-05-01', 'It rained.')

``read_articles`` never raises for a bad input file: it yields an
``ArticleError`` in its place, so a batch run can report it and carry on.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from datetime import date as Date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..errors import ArticleError
from ..records import Article

__all__ = [
    "FOLDER_SUFFIXES",
    "MAX_BYTES",
    "ArticleError",
    "normalize_date",
    "parse_html",
    "parse_txt",
    "read_articles",
]

# A news article is tens of kB; the NLP document takes about half a GB per MB of text, so a
# file past this is refused with a clear error rather than exhausting memory.
MAX_BYTES = 5_000_000
# Only these are picked up when walking a folder; a file named explicitly is read whatever its name.
FOLDER_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".json"})
_HTML_SUFFIXES = {".html", ".htm"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Article | ArticleError]:
    """Yield an Article for each article found in ``paths`` (files or folders).

    Folders are walked recursively in sorted order, skipping hidden entries and
    READMEs and taking only ``FOLDER_SUFFIXES``. Problems are yielded as ``ArticleError``,
    never raised. ``max_bytes`` limits each file, or each line of a JSON Lines file.
    """
    if isinstance(paths, (str, os.PathLike)):
        # A bare string is iterable too, character by character: not what anyone means.
        paths = [paths]
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not os.fspath(given):
            # Path("") means the current folder; an empty name is a mistake, not a request for that.
            yield ArticleError("''", "no such file")
            continue
        if path.is_dir():
            files, errors = _walk(path)
            yield from errors
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            yield ArticleError(given, "no such file")
            continue
        for file in files:
            try:
                key = file.resolve()
            except (OSError, RuntimeError):
                key = file.absolute()
            # The same file named twice (say, explicitly and inside a folder) is read once.
            if key in seen:
                continue
            seen.add(key)
            yield from _read_file(file, max_bytes)


def _walk(folder: Path) -> tuple[list[Path], list[ArticleError]]:
    found: list[Path] = []
    errors: list[ArticleError] = []

    def unreadable(error: OSError) -> None:
        errors.append(ArticleError(error.filename or folder, _os_problem(error)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            stem, suffix = os.path.splitext(name)
            # A README describes the folder's articles; it is not one of them.
            if name.startswith(".") or stem.lower() == "readme":
                continue
            if suffix.lower() in FOLDER_SUFFIXES:
                found.append(Path(dirpath, name))
    # Sorting on path parts keeps a folder's files together and the order stable across OSes.
    found.sort(key=lambda file: file.relative_to(folder).parts)
    return found, errors


def _read_file(path: Path, max_bytes: int) -> Iterator[Article | ArticleError]:
    suffix = path.suffix.lower()
    try:
        if suffix in _JSONL_SUFFIXES:
            yield from _read_jsonl(path, max_bytes)
            return
        data = _read_bytes(path, max_bytes)
        if suffix in _HTML_SUFFIXES:
            text = _decode_html(data, path)
        else:
            text = _decode(data, path)
        if suffix == ".json":
            yield from _parse_json(text, path)
            return
        if suffix in _HTML_SUFFIXES:
            article = parse_html(text, path=str(path))
        else:
            article = parse_txt(text, path=str(path), markdown=suffix == ".md")
        if not article.text:
            problem = "empty article"
            if text.strip():
                problem += (
                    " (no paragraphs found)" if suffix in _HTML_SUFFIXES else " (header only)"
                )
            raise ArticleError(path, problem)
        yield article
    except ArticleError as error:
        yield error


# -- bytes to text -----------------------------------------------------------------------


def _os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read ({error.strerror or error})".lower()


def _human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    value, unit = (size / 1000, "kB") if size < 1_000_000 else (size / 1_000_000, "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def _too_large(size: int | None, limit: int, what: str = "file") -> str:
    if size is None:
        return f"{what} too large (> {_human_size(limit)} limit)"
    shown, limit_shown = _human_size(size), _human_size(limit)
    if shown == limit_shown:
        # "20 MB > 20 MB" would read as nonsense; show exact counts instead.
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} too large ({shown} > {limit_shown} limit)"


def _open_regular(path: Path) -> tuple[int, Any]:
    """Open ``path`` for binary reading, refusing anything that is not a plain file."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ArticleError(path, "is a folder")
        if not stat.S_ISREG(info.st_mode):
            # Opening a FIFO or device would block or never end.
            raise ArticleError(path, "not a regular file")
        return info.st_size, path.open("rb")
    except OSError as error:
        raise ArticleError(path, _os_problem(error)) from None


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size, handle = _open_regular(path)
    if size > max_bytes:
        handle.close()
        raise ArticleError(path, _too_large(size, max_bytes))
    with handle:
        try:
            # Read one byte past the limit in case the file grew since stat().
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise ArticleError(path, _os_problem(error)) from None
    if len(data) > max_bytes:
        raise ArticleError(path, _too_large(None, max_bytes))
    return data


_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _utf8_problem(error: UnicodeDecodeError, where: str = "offset", base: int = 0) -> str:
    byte = error.object[error.start]
    return f"not UTF-8 text (invalid byte 0x{byte:02x} at {where} {error.start + base})"


def _decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (or any UTF with a BOM), refusing to guess at anything else."""
    bom_length = 0
    if data.startswith(codecs.BOM_UTF8):
        bom_length = len(codecs.BOM_UTF8)
        data = data[bom_length:]
    for bom, codec, name in _BOMS if not bom_length else ():
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise ArticleError(path, f"not {name} text ({error.reason})") from None
            break
    else:
        if b"\x00" in data:
            raise ArticleError(path, _binary_problem(data))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ArticleError(path, _utf8_problem(error, base=bom_length)) from None
    if "\x00" in text:
        raise ArticleError(path, "binary file")
    return _normalize_newlines(text)


def _binary_problem(data: bytes) -> str:
    sample = data[:4096]
    # ASCII text saved as UTF-16 without a BOM has a NUL in every other byte.
    if len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2]):
        return "binary file (or UTF-16 text without a byte-order mark)"
    return "binary file"


def _decode_html(data: bytes, path: Path) -> str:
    try:
        return _decode(data, path)
    except ArticleError as error:
        if not error.problem.startswith("not UTF-8"):
            raise
        # Not a guess: an HTML page may declare its own encoding, and browsers honour it.
        declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.I)
        if not declared:
            raise
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            if codec == "utf-8":
                raise error
            return _normalize_newlines(data.decode(codec))
        except (LookupError, UnicodeDecodeError):
            raise error from None


def _normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# -- dates ---------------------------------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?=$|[T\s,])")
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I
)
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b", re.I
)


def normalize_date(raw: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date when ``raw`` is recognisably one, else ``raw`` stripped.

    The date is taken as written, so ``2024-05-01T23:30:00-05:00`` is 1 May, not
    its UTC day. All-numeric dates such as ``05/01/2024`` are ambiguous and kept raw.

    >>> normalize_date("May 1, 2024"), normalize_date("2024-05-01T10:00:00Z")
    ('2024-05-01', '2024-05-01')
    >>> normalize_date("last Tuesday")
    'last Tuesday'
    """
    if raw is None:
        return None
    raw = raw.strip()
    if not raw:
        return None
    year = month = day = None
    if match := _ISO_DATE.match(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _MONTH_DAY_YEAR.match(raw):
        month = _MONTHS.get(match.group(1).lower())
        day, year = int(match.group(2)), int(match.group(3))
    elif match := _DAY_MONTH_YEAR.match(raw):
        month = _MONTHS.get(match.group(2).lower())
        day, year = int(match.group(1)), int(match.group(3))
    if year is None or month is None or day is None:
        return raw
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return raw


# -- plain text ----------------------------------------------------------------------------

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
_CLOSERS = "\"'”’»)]"


def parse_txt(text: str, *, path: str | None = None, markdown: bool = False) -> Article:
    """Parse a plain-text article, with or without a ``Key: value`` header.

    With a header (``Title``, ``URL``, ``Outlet``/``Publisher``, ``Date``, keys in any
    case, ended by a blank line) the text is what follows it. Without one the
    whole text is kept and a short first paragraph line doubles as the title.
    """
    text = _normalize_newlines(text).removeprefix("\ufeff")
    split = _split_front_matter(text) or _split_header(text)
    if split is not None:
        fields, body = split
        return Article(
            text=body.strip(),
            title=fields.get("title"),
            url=fields.get("url"),
            publisher=fields.get("publisher"),
            date=normalize_date(fields.get("date")),
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
    close = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.M)
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


# -- HTML ----------------------------------------------------------------------------------

_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "param", "source", "track", "wbr",
}  # fmt: skip
_SKIP = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "figure", "figcaption", "svg", "button", "select", "iframe", "head",
}  # fmt: skip
_PARAGRAPHS = {"p", "h1", "h2", "h3", "blockquote", "li"}
# Block-level elements: text on either side of one belongs to different paragraphs.
_BREAKS = _PARAGRAPHS | {
    "h4", "h5", "h6", "div", "section", "article", "main", "body", "ul", "ol", "dl",
    "dt", "dd", "table", "tr", "td", "th", "pre", "hr", "address", "details", "summary",
} | _SKIP  # fmt: skip
_BLOCK_STARTS = _PARAGRAPHS | (_BREAKS - _SKIP)
_BR = "\x00"  # text was checked for NULs, so this cannot clash with real content
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "datepublished",
)


class _Paragraph:
    __slots__ = ("text", "block", "article", "main")

    def __init__(self, text: str, block: bool, article: bool, main: bool):
        self.text, self.block, self.article, self.main = text, block, article, main


class _ArticleParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.paragraphs: list[_Paragraph] = []
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self.title: list[str] = []
        self.h1: list[str] | None = None
        self.h1_done = False
        self.times: list[tuple[str, bool]] = []
        self.json_ld: list[str] = []
        self._buffer: list[str] = []
        self._buffer_block = False
        self._in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (
                attributes.get("property")
                or attributes.get("name")
                or attributes.get("itemprop")
                or ""
            ).lower()
            if key and attributes.get("content", "").strip():
                self.meta.setdefault(key, attributes["content"].strip())
        elif tag == "link":
            if "canonical" in attributes.get("rel", "").lower().split() and attributes.get("href"):
                self.canonical = self.canonical or attributes["href"].strip()
        elif tag == "time" and attributes.get("datetime", "").strip():
            self.times.append((attributes["datetime"].strip(), "article" in self.stack))
        elif tag == "br" and not self._skipping():
            self._buffer.append(_BR)
        if tag in _BREAKS:
            self._flush()
        if tag in _VOID:
            return
        if tag == "body" and "head" in self.stack:
            # An unclosed <head> would otherwise swallow the whole page.
            self._pop_to("head")
        if tag in _BLOCK_STARTS:
            # HTML lets <p> and <li> go unclosed: a new block ends them implicitly.
            if "p" in self.stack:
                self._pop_to("p")
            if tag == "li" and "li" in self.stack:
                last = len(self.stack) - 1 - self.stack[::-1].index("li")
                if not {"ul", "ol"} & set(self.stack[last:]):
                    self._pop_to("li")
        if tag == "h1" and not self.h1_done:
            self.h1 = []
        if tag == "script":
            self._in_json_ld = attributes.get("type", "").lower() == "application/ld+json"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS:
            self._flush()
        if tag == "h1" and self.h1 is not None:
            self.h1_done = True
        if tag == "script":
            self._in_json_ld = False
        if tag in self.stack:
            self._pop_to(tag)

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
            return
        if self.stack and self.stack[-1] == "title":
            self.title.append(data)
            return
        if self.h1 is not None and not self.h1_done:
            self.h1.append(data)
        if self._skipping():
            return
        block = any(tag in _PARAGRAPHS for tag in self.stack)
        if block != self._buffer_block:
            self._flush()
            self._buffer_block = block
        self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _skipping(self) -> bool:
        return any(tag in _SKIP for tag in self.stack)

    def _pop_to(self, tag: str) -> None:
        index = len(self.stack) - 1 - self.stack[::-1].index(tag)
        del self.stack[index:]

    def _flush(self) -> None:
        if not self._buffer:
            return
        lines = (" ".join(line.split()) for line in "".join(self._buffer).split(_BR))
        text = "\n".join(line for line in lines if line)
        self._buffer = []
        if text:
            self.paragraphs.append(
                _Paragraph(text, self._buffer_block, "article" in self.stack, "main" in self.stack)
            )


def _json_ld_article(sources: list[str]) -> dict[str, Any]:
    """The first schema.org article-like object in JSON-LD blocks, or {}."""

    def objects(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, list):
            for item in node:
                yield from objects(item)
        elif isinstance(node, dict):
            yield node
            yield from objects(node.get("@graph"))

    for source in sources:
        try:
            data = json.loads(source)
        except ValueError:
            continue
        for node in objects(data):
            kinds = node.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(isinstance(kind, str) and kind.endswith("Article") for kind in kinds):
                return node
    return {}


def _json_ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() or None if isinstance(value, str) else None


def parse_html(html: str, *, path: str | None = None) -> Article:
    """Extract an article's main text and metadata from an HTML page.

    Paragraphs come from ``p``, ``h1``-``h3``, ``blockquote`` and ``li`` inside
    ``<article>`` (else ``<main>``, else the whole body), skipping navigation,
    headers, footers, asides, forms, figures and scripts; they are joined with
    a blank line.

    >>> parse_html("<title>T</title><p>One &amp; two.</p><footer><p>(c)</p></footer>").text
    'One & two.'
    """
    parser = _ArticleParser()
    parser.feed(html)
    parser.close()
    paragraphs = parser.paragraphs
    for scope in ("article", "main"):
        scoped = [paragraph for paragraph in paragraphs if getattr(paragraph, scope)]
        if scoped:
            paragraphs = scoped
            break
    # Text sitting loose in <div>s is mostly boilerplate; use it only when there is nothing else.
    chosen = [paragraph.text for paragraph in paragraphs if paragraph.block]
    if not chosen:
        chosen = [paragraph.text for paragraph in paragraphs]

    meta = parser.meta
    ld = _json_ld_article(parser.json_ld)
    title_tag = " ".join("".join(parser.title).split())
    h1 = " ".join("".join(parser.h1 or []).split())
    times = [value for value, in_article in parser.times if in_article] or [
        value for value, _ in parser.times
    ]
    date = next((meta[key] for key in _DATE_META if meta.get(key)), None)
    date = date or _json_ld_name(ld.get("datePublished")) or (times[0] if times else None)
    return Article(
        text="\n\n".join(chosen).strip(),
        title=meta.get("og:title") or title_tag or _json_ld_name(ld.get("headline")) or h1 or None,
        url=parser.canonical or meta.get("og:url") or _json_ld_name(ld.get("url")),
        publisher=meta.get("og:site_name")
        or meta.get("publisher")
        or _json_ld_name(ld.get("publisher")),
        date=normalize_date(date),
        path=path,
    )


# -- JSON and JSON Lines -------------------------------------------------------------------


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _json_field(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _json_article(record: Any, path: Path) -> Article:
    """An Article from one decoded JSON record; raises ValueError naming the problem."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {_json_type(record)}")
    if record.get("text") is None:
        raise ValueError('no "text" field')
    if not isinstance(record["text"], str):
        raise ValueError(f'"text" field is a {_json_type(record["text"])}, not a string')
    text = _normalize_newlines(record["text"]).strip()
    if not text:
        raise ValueError("empty article")
    date = record.get("date")
    return Article(
        text=text,
        title=_json_field(record.get("title")),
        url=_json_field(record.get("url")),
        publisher=_json_field(record.get("publisher")) or _json_field(record.get("outlet")),
        date=normalize_date(date) if isinstance(date, str) else _json_field(date),
        path=str(path),
    )


def _json_problem(error: json.JSONDecodeError, where: str) -> str:
    # Some messages already end in "at", as in "Unterminated string starting at".
    joiner = " " if error.msg.endswith(" at") else " at "
    return f"invalid JSON ({error.msg}{joiner}{where})"


def _json_line(line: str, path: Path, number: int) -> Article | ArticleError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return ArticleError(path, _json_problem(error, f"column {error.colno}"), number)
    try:
        return _json_article(record, path)
    except ValueError as error:
        return ArticleError(path, str(error), number)


def _parse_json(text: str, path: Path) -> Iterator[Article | ArticleError]:
    if not text.strip():
        yield ArticleError(path, "empty file")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            # One object per line in a file named .json: read it as JSON Lines.
            yield from _parse_lines(text.split("\n"), path)
            return
        yield ArticleError(path, _json_problem(error, f"line {error.lineno} column {error.colno}"))
        return
    if isinstance(data, list):
        if not data:
            yield ArticleError(path, "no articles (empty list)")
        for number, record in enumerate(data, start=1):
            try:
                yield _json_article(record, path)
            except ValueError as error:
                yield ArticleError(path, f"item {number}: {error}")
    elif isinstance(data, dict):
        try:
            yield _json_article(data, path)
        except ValueError as error:
            yield ArticleError(path, str(error))
    else:
        yield ArticleError(
            path, f"expected a JSON object or a list of them, got {_json_type(data)}"
        )


def _parse_lines(lines: Iterable[str], path: Path) -> Iterator[Article | ArticleError]:
    found = False
    for number, line in enumerate(lines, start=1):
        if line.strip():
            found = True
            yield _json_line(line, path, number)
    if not found:
        yield ArticleError(path, "empty file")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | ArticleError]:
    """Stream a JSON Lines file, so a corpus dump larger than ``max_bytes`` still reads."""
    _, handle = _open_regular(path)
    with handle:
        head = handle.read(8192)
        if any(head.startswith(bom) for bom, _, _ in _BOMS):
            handle.close()
            # UTF-16/32 cannot be split on b"\n"; such files are rare enough to read whole.
            yield from _parse_lines(_decode(_read_bytes(path, max_bytes), path).split("\n"), path)
            return
        if b"\x00" in head:
            yield ArticleError(path, _binary_problem(head))
            return
        handle.seek(0)
        found = False
        number = 0
        while raw := handle.readline(max_bytes + 1):
            number += 1
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                # Skip the rest of the oversized line without holding it in memory.
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                found = True
                yield ArticleError(path, _too_large(None, max_bytes, "line"), number)
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                found = True
                yield ArticleError(path, _utf8_problem(error, "column", base=1), number)
                continue
            if line.strip():
                found = True
                yield _json_line(line, path, number)
        if not found:
            yield ArticleError(path, "empty file")
