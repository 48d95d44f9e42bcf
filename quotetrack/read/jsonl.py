"""JSON and JSON Lines articles: objects with ``text`` and optional ``title``, ``url``,
``publisher`` (or ``outlet``) and ``date``; one per line, or one or a list of them in a ``.json`` file."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import ArticleError
from ..records import Article
from .dates import read_date
from .decode import (
    BOMS,
    binary_problem,
    decode,
    looks_binary,
    normalize_newlines,
    open_regular,
    read_bytes,
    strip_nul,
    too_large,
    utf8_problem,
)

__all__ = ["parse_json", "read_jsonl"]


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _json_field(value: Any) -> str | None:
    if isinstance(value, str):
        return strip_nul(value).strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _json_article(record: Any, path: Path, line: int | None = None) -> Article:
    """An Article from one decoded JSON record; raises ValueError naming the problem."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {_json_type(record)}")  # noqa: TRY004 - callers catch ValueError
    if record.get("text") is None:
        raise ValueError('no "text" field')
    if not isinstance(record["text"], str):
        raise ValueError(f'"text" field is a {_json_type(record["text"])}, not a string')  # noqa: TRY004
    text = normalize_newlines(strip_nul(record["text"])).strip()
    if not text:
        raise ValueError("empty article")
    for name in ("text", "title", "url", "publisher", "outlet", "date"):
        if isinstance(record.get(name), str):
            _refuse_surrogates(record[name], name)
    date, date_raw = read_date(record.get("date")) if isinstance(record.get("date"), (str, int, float)) else (None, None)
    return Article(
        text=text,
        title=_json_field(record.get("title")),
        url=_json_field(record.get("url")),
        publisher=_json_field(record.get("publisher")) or _json_field(record.get("outlet")),
        date=date,
        date_raw=date_raw,
        path=str(path),
        line=line,
    )


def _refuse_surrogates(value: str, name: str) -> None:
    """JSON may escape half of a UTF-16 pair (``"\\ud800"``), which is no character and cannot be stored."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(value[error.start])
        raise ValueError(f'"{name}" field has a lone surrogate \\u{code:04x} (not valid Unicode)') from None


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
        return _json_article(record, path, number)
    except ValueError as error:
        return ArticleError(path, str(error), number)


def parse_json(text: str, path: Path) -> Iterator[Article | ArticleError]:
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


def read_jsonl(path: Path, max_bytes: int) -> Iterator[Article | ArticleError]:
    """Stream a JSON Lines file, so a corpus dump larger than ``max_bytes`` still reads."""
    _, handle = open_regular(path)
    with handle:
        head = handle.read(8192)
        if any(head.startswith(bom) for bom, _, _ in BOMS):
            handle.close()
            # UTF-16/32 cannot be split on b"\n"; such files are rare enough to read whole.
            yield from _parse_lines(decode(read_bytes(path, max_bytes), path).split("\n"), path)
            return
        if looks_binary(head):
            yield ArticleError(path, binary_problem(head))
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
                yield ArticleError(path, too_large(None, max_bytes, "line"), number)
                continue
            try:
                # A NUL byte is dropped, as from a .txt file: raw in a JSON string it would be invalid JSON.
                line = raw.replace(b"\x00", b"").decode("utf-8")
            except UnicodeDecodeError as error:
                found = True
                yield ArticleError(path, utf8_problem(error, "column", base=1), number)
                continue
            if line.strip():
                found = True
                yield _json_line(line, path, number)
        if not found:
            yield ArticleError(path, "empty file")
