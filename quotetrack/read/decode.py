"""Bytes to text: UTF-8 (or any UTF with a byte-order mark) and nothing guessed, within size limits.

>>> decode("Café\\r\\n".encode("utf-8"), Path("menu.txt"))
'Café\\n'
>>> too_large(6_000_000, 5_000_000)
'file too large (6 MB > 5 MB limit)'
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path
from typing import Any

from ..errors import ArticleError


def os_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a folder"
    return f"cannot read ({error.strerror or error})".lower()


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    value, unit = (size / 1000, "kB") if size < 1_000_000 else (size / 1_000_000, "MB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large(size: int | None, limit: int, what: str = "file") -> str:
    if size is None:
        return f"{what} too large (> {human_size(limit)} limit)"
    shown, limit_shown = human_size(size), human_size(limit)
    if shown == limit_shown:
        # "20 MB > 20 MB" would read as nonsense; show exact counts instead.
        shown, limit_shown = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{what} too large ({shown} > {limit_shown} limit)"


def open_regular(path: Path) -> tuple[int, Any]:
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
        raise ArticleError(path, os_problem(error)) from None


def read_bytes(path: Path, max_bytes: int) -> bytes:
    size, handle = open_regular(path)
    if size > max_bytes:
        handle.close()
        raise ArticleError(path, too_large(size, max_bytes))
    with handle:
        try:
            # Read one byte past the limit in case the file grew since stat().
            data = handle.read(max_bytes + 1)
        except OSError as error:
            raise ArticleError(path, os_problem(error)) from None
    if len(data) > max_bytes:
        raise ArticleError(path, too_large(None, max_bytes))
    return data


BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def utf8_problem(error: UnicodeDecodeError, where: str = "offset", base: int = 0) -> str:
    byte = error.object[error.start]
    return f"not UTF-8 text (invalid byte 0x{byte:02x} at {where} {error.start + base})"


def decode(data: bytes, path: Path) -> str:
    """Decode UTF-8 (or any UTF with a BOM), refusing to guess at anything else."""
    bom_length = 0
    if data.startswith(codecs.BOM_UTF8):
        bom_length = len(codecs.BOM_UTF8)
        data = data[bom_length:]
    for bom, codec, name in BOMS if not bom_length else ():
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as error:
                raise ArticleError(path, f"not {name} text ({error.reason})") from None
            break
    else:
        if looks_binary(data):
            raise ArticleError(path, binary_problem(data))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ArticleError(path, utf8_problem(error, base=bom_length)) from None
    return normalize_newlines(strip_nul(text))


# Control bytes no text file has, unlike tab, newlines, form feed and escape; NUL is counted apart.
_BINARY_CONTROLS = bytes(range(1, 9)) + bytes(range(14, 27)) + bytes(range(28, 32))


def looks_binary(data: bytes) -> bool:
    """Binary rather than text with a stray NUL: control bytes, or NULs making up a tenth of the start.

    A stray NUL (left by an exporter or a crashed editor) does not make a text binary; it is
    dropped by :func:`strip_nul`, the same rule for ``.txt`` files and JSON.

    >>> looks_binary(b"Quoted \\x00text"), looks_binary(b"\\x00\\x01\\x02binary"), looks_binary("Hi".encode("utf-16-le"))
    (False, True, True)
    """
    sample = data[:4096]
    return any(byte in _BINARY_CONTROLS for byte in sample) or sample.count(0) * 10 > len(sample)


def strip_nul(text: str) -> str:
    """Text without NUL characters, which no article means and SQLite tools truncate at.

    >>> strip_nul("ready\\x00,")
    'ready,'
    """
    return text.replace("\x00", "")


def binary_problem(data: bytes) -> str:
    sample = data[:4096]
    # ASCII text saved as UTF-16 without a BOM has a NUL in every other byte.
    if len(sample) >= 4 and sample[1::2].count(0) > 0.9 * len(sample[1::2]):
        return "binary file (or UTF-16 text without a byte-order mark)"
    return "binary file"


def decode_html(data: bytes, path: Path) -> str:
    try:
        return decode(data, path)
    except ArticleError as error:
        if not error.problem.startswith("not UTF-8"):
            raise
        # Not a guess: an HTML page may declare its own encoding, and browsers honour it.
        declared = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", data[:4096], re.IGNORECASE)
        if not declared:
            raise
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            raise error from None
        if codec == "utf-8":
            raise
        try:
            return normalize_newlines(data.decode(codec))
        except UnicodeDecodeError:
            raise error from None


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
