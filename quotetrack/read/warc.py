"""Web archives: ``.warc`` and ``.warc.gz`` files (the format of news crawls such as CC-News), read with warcio.

Each HTML response record is an article: its URL is the record's ``WARC-Target-URI`` (the
page's canonical URL wins, as for fetched pages) and its crawl date, ``WARC-Date``, stands in
for a page without a publication date. Requests, metadata, redirects, errors and non-HTML
responses are passed over. The archive is streamed, so its size is not limited; each record is.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import ArticleError
from ..records import Article
from .decode import open_regular, too_large
from .html import parse_html
from .web import HTML_TYPES, Page

__all__ = ["WARC_SUFFIXES", "is_warc", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")


def is_warc(path: Path) -> bool:
    """Whether ``path`` is named as a web archive.

    >>> is_warc(Path("crawl/CC-NEWS-2024.warc.gz")), is_warc(Path("page.html"))
    (True, False)
    """
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(path: Path, max_bytes: int) -> Iterator[Article | ArticleError]:
    """The articles of the HTML responses in the archive at ``path``; a bad record or archive is an ArticleError."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    _, handle = open_regular(path)
    found = records = 0
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if not str(getattr(record, "format", "")).startswith("warc"):
                    # warcio also reads the older ARC format, and takes any text line for an ARC header.
                    raise ArchiveLoadFailed("no WARC record header")
                records += 1
                item = _record_article(record, path, max_bytes)
                if item is not None:
                    found += 1
                    yield item
        except ArchiveLoadFailed as error:
            problem = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable record"
            yield ArticleError(path, f"not a readable WARC file ({problem})" if not records else f"broken WARC record ({problem})")
            return
        except (OSError, EOFError, ValueError) as error:
            yield ArticleError(path, f"broken WARC file ({type(error).__name__}: {str(error).strip()[:80]})")
            return
    if not records:
        yield ArticleError(path, "not a readable WARC file (no WARC records)")
    elif not found:
        yield ArticleError(path, "no HTML pages in this web archive")


def _record_article(record: object, path: Path, max_bytes: int) -> Article | ArticleError | None:
    kind = getattr(record, "rec_type", None)
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI") or ""
    if kind == "response":
        http = record.http_headers  # type: ignore[attr-defined]
        if http is None or http.get_statuscode() != "200":
            return None
        content_type = http.get_header("Content-Type") or ""
    elif kind == "resource":
        content_type = headers.get_header("Content-Type") or ""
    else:
        return None
    mime, _, parameters = content_type.partition(";")
    if mime.strip().lower() not in HTML_TYPES:
        return None
    data = record.content_stream().read(max_bytes + 1)  # type: ignore[attr-defined]
    if len(data) > max_bytes:
        return ArticleError(path, f"{url}: {too_large(None, max_bytes, 'page')}")
    charset = next((value.split("=", 1)[1].strip(" \"'") for value in parameters.split(";") if value.strip().lower().startswith("charset=")), None)
    try:
        text = Page(url, data, mime, charset).text()
    except ArticleError as error:
        return ArticleError(path, f"{url}: {error.problem}")
    article = parse_html(text, path=str(path), url=url or None, fallback_date=headers.get_header("WARC-Date"))
    if not article.text:
        return ArticleError(path, f"{url}: empty article (no text found on the page)")
    return article
