"""Reading articles from disk: files and folders, dispatched on their suffix to the readers.

>>> [type(item).__name__ for item in read_articles(["no/such/file.txt"])]
['ArticleError']

``read_articles`` never raises for a bad input file: it yields an
``ArticleError`` in its place, so a batch run can report it and carry on.
Text files are read by :mod:`.text`, HTML by :mod:`.html`, JSON and JSON Lines by
:mod:`.jsonl`, web archives (``.warc``, ``.warc.gz``) by :mod:`.warc`; bytes become text in :mod:`.decode`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import ArticleError
from ..records import Article
from .decode import decode, decode_html, os_problem, read_bytes
from .html import parse_html
from .jsonl import parse_json, read_jsonl
from .text import parse_txt
from .warc import is_warc, read_warc

__all__ = ["FOLDER_SUFFIXES", "MAX_BYTES", "article_files", "is_streamed", "read_articles", "read_file"]

# A news article is tens of kB; the NLP document takes about half a GB per MB of text, so a
# file past this is refused with a clear error rather than exhausting memory.
MAX_BYTES = 5_000_000
# Only these are picked up when walking a folder; a file named explicitly is read whatever its name.
FOLDER_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".jsonl", ".json", ".warc", ".warc.gz"})
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
    for item in article_files(paths):
        if isinstance(item, ArticleError):
            yield item
        else:
            yield from read_file(item, max_bytes)


def article_files(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> Iterator[Path | ArticleError]:
    """The files :func:`read_articles` reads, in its order (each once), and an ``ArticleError`` for a missing one.

    >>> [type(item).__name__ for item in article_files(["no/such/file.txt"])]
    ['ArticleError']
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
            yield file


def is_streamed(path: Path) -> bool:
    """Whether ``path`` holds many articles read one by one (JSON Lines, web archives) rather than one file's worth.

    >>> is_streamed(Path("feed.jsonl")), is_streamed(Path("crawl.warc.gz")), is_streamed(Path("story.html"))
    (True, True, False)
    """
    return path.suffix.lower() in _JSONL_SUFFIXES or is_warc(path)


def _walk(folder: Path) -> tuple[list[Path], list[ArticleError]]:
    found: list[Path] = []
    errors: list[ArticleError] = []

    def unreadable(error: OSError) -> None:
        errors.append(ArticleError(error.filename or folder, os_problem(error)))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            stem, suffix = os.path.splitext(name)
            # A README describes the folder's articles; it is not one of them.
            if name.startswith(".") or stem.lower() == "readme":
                continue
            if suffix.lower() in FOLDER_SUFFIXES or is_warc(Path(name)):
                found.append(Path(dirpath, name))
    # Sorting on path parts keeps a folder's files together and the order stable across OSes.
    found.sort(key=lambda file: file.relative_to(folder).parts)
    return found, errors


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | ArticleError]:
    """The articles of one file (one, or many for JSON Lines, JSON lists and web archives); problems as ``ArticleError``."""
    suffix = path.suffix.lower()
    try:
        if suffix in _JSONL_SUFFIXES:
            yield from read_jsonl(path, max_bytes)
            return
        if is_warc(path):
            yield from read_warc(path, max_bytes)
            return
        data = read_bytes(path, max_bytes)
        if suffix in _HTML_SUFFIXES:
            text = decode_html(data, path)
        else:
            text = decode(data, path)
        if suffix == ".json":
            yield from parse_json(text, path)
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
