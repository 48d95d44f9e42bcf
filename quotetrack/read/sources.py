"""Articles from the web: URLs given one by one or in a list file, and those a feed or sitemap lists.

>>> list(web_articles(["notaurl"], Fetcher()))
[ArticleError('notaurl: not a web address (http:// or https://)')]
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain

from ..errors import ArticleError
from ..records import Article
from .decode import os_problem
from .discover import feed_urls, sitemap_urls
from .html import parse_html
from .urls import clean_url, is_web_url
from .web import Fetcher

__all__ = ["discovered_urls", "read_url_list", "web_articles"]

KnownUrl = Callable[[str], bool]


def web_articles(urls: Iterable[str], fetcher: Fetcher) -> Iterator[Article | ArticleError]:
    """Fetch and read each URL: an Article, or an ArticleError naming the URL and the problem."""
    for url in urls:
        try:
            page = fetcher.html(url)
            # The address fetched, cleaned, is the article's path: the same story reached again is unchanged.
            article = parse_html(page.text(), path=clean_url(url), url=page.url)
        except ArticleError as error:
            yield error
            continue
        if not article.text:
            yield ArticleError(url, "empty article (no text found on the page)")
            continue
        yield article


def discovered_urls(
    feeds: Iterable[str],
    sitemaps: Iterable[str],
    fetcher: Fetcher,
    known: KnownUrl = lambda url: False,
    limit: int | None = None,
) -> Iterator[str | ArticleError]:
    """The article URLs the feeds and sitemaps list that ``known`` does not already have, at most ``limit`` of them.

    A feed or sitemap that cannot be read is yielded as an ArticleError.
    """
    seen: set[str] = set()
    count = 0
    sources = chain(((url, False) for url in feeds), ((url, True) for url in sitemaps))
    for source, is_sitemap in sources:
        try:
            links = sitemap_urls(source, fetcher) if is_sitemap else iter(feed_urls(source, fetcher))
            for link in links:
                key = clean_url(link)
                if key in seen or known(link) or known(key):
                    continue
                seen.add(key)
                if limit is not None and count >= limit:
                    return
                count += 1
                yield link
        except ArticleError as error:
            yield error


def read_url_list(path: str | os.PathLike[str]) -> tuple[list[str], list[ArticleError]]:
    """The URLs in a text file, one a line; blank lines and ``#`` comments are ignored, other lines are errors."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.read().splitlines()
    except OSError as error:
        raise ArticleError(path, os_problem(error)) from None
    except UnicodeDecodeError:
        raise ArticleError(path, "not UTF-8 text") from None
    urls, errors = [], []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if is_web_url(line):
            urls.append(line)
        else:
            errors.append(ArticleError(path, f"not a web address: {line[:80]}", number))
    return urls, errors
