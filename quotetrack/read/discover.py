"""Article URLs from RSS/Atom/JSON feeds and XML sitemaps, parsed with trafilatura, fetched by our :class:`.Fetcher`.

trafilatura's own downloader is not used: every request goes through the fetcher, so the
user agent, robots.txt, timeouts and the per-host delay apply to feeds and sitemaps too.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator

from ..errors import ArticleError
from .web import Fetcher

__all__ = ["feed_urls", "sitemap_urls"]

# A sitemap index can point at thousands of sitemaps; a run reads at most this many.
MAX_SITEMAPS = 100
# A page that is no feed may link to its feeds; this many are tried.
MAX_LINKED_FEEDS = 3


def feed_urls(url: str, fetcher: Fetcher) -> list[str]:
    """The article links of the feed at ``url``; a web page's own feeds (``<link rel=alternate>``) when it is a page.

    Raises ``ArticleError`` when nothing there is a feed.
    """
    from courlan import get_hostinfo
    from trafilatura.feeds import FeedParameters, determine_feed, extract_links

    page = fetcher.get(url)
    domain, base = get_hostinfo(page.url)
    if domain is None:
        raise ArticleError(url, "not a feed address")
    params = FeedParameters(base, domain, page.url)
    text = _text(page.data, page.charset)
    links = extract_links(text, params)
    if not links:
        for linked in determine_feed(text, params)[:MAX_LINKED_FEEDS]:
            try:
                links.extend(extract_links(_text(fetcher.get(linked).data, None), params))
            except ArticleError:
                continue
    if not links:
        raise ArticleError(url, "no article links found (not an RSS, Atom or JSON feed, nor a page linking one)")
    return list(dict.fromkeys(links))


def sitemap_urls(url: str, fetcher: Fetcher) -> Iterator[str]:
    """The page URLs listed in the sitemap at ``url``, following sitemap indexes (at most ``MAX_SITEMAPS`` sitemaps).

    Raises ``ArticleError`` when the first sitemap cannot be fetched or lists nothing;
    a broken sitemap further down an index is passed over.
    """
    from courlan import get_hostinfo
    from trafilatura.sitemaps import SitemapObject

    domain, base = get_hostinfo(url)
    if domain is None:
        raise ArticleError(url, "not a sitemap address")
    queue, seen, found = [url], set[str](), 0
    while queue and len(seen) < MAX_SITEMAPS:
        current = queue.pop(0)
        seen.add(current)
        try:
            page = fetcher.get(current)
        except ArticleError:
            if current == url:
                raise
            continue
        sitemap = SitemapObject(base, domain, [])
        sitemap.current_url = current
        sitemap.content = _text(page.data, page.charset)
        sitemap.process()
        queue.extend(link for link in dict.fromkeys(sitemap.sitemap_urls) if link not in seen and link not in queue)
        for link in dict.fromkeys(sitemap.urls):
            found += 1
            yield link
    if not found:
        raise ArticleError(url, "no page URLs found (not an XML or text sitemap)")


def _text(data: bytes, charset: str | None) -> str:
    if data[:2] == b"\x1f\x8b":
        # Sitemaps are often served as .xml.gz files rather than with a gzip transfer encoding.
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return ""
    try:
        return data.decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")
