"""HTML articles: the main text and metadata of a news page, with trafilatura.

trafilatura finds the article body among menus, share bars, cookie banners, teasers and
comments; htmldate (through it) finds the publication date when the markup does not say it.
Where trafilatura finds no text, the simple reader in :mod:`.simple_html` is the fallback.

>>> article = parse_html('''<html><head><title>Shelter vote | Gazette</title>
... <meta property="og:site_name" content="Riverside Gazette">
... <meta property="article:published_time" content="2024-05-14T10:00:00+02:00"></head>
... <body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Shelter vote</h1>
... <p>The council voted on Tuesday to open a new shelter after months of debate in the town.</p>
... <p>“We are ready,” said the mayor, who had pushed for the plan since the winter storms.</p>
... </article><footer>Share this story</footer></body></html>''', url="https://gazette.example/vote?utm_source=rss")
>>> article.publisher, article.date, article.url
('Riverside Gazette', '2024-05-14T10:00:00+02:00', 'https://gazette.example/vote')
>>> print(article.text)
The council voted on Tuesday to open a new shelter after months of debate in the town.
<BLANKLINE>
“We are ready,” said the mayor, who had pushed for the plan since the winter storms.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from ..records import Article
from .dates import date_in_text, possible_days, read_date
from .page_meta import PageMeta
from .simple_html import parse_simple_html
from .urls import article_url

__all__ = ["parse_html"]

# Elements of trafilatura's output tree that are paragraphs of their own.
_BLOCKS = frozenset({"p", "head", "item", "quote", "list", "table", "row", "cell", "div", "code", "body"})
_LINE = "\n"

# trafilatura and htmldate log each page they cannot read at WARNING/ERROR: our skips say it once.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def parse_html(html: str, *, path: str | None = None, url: str | None = None, fallback_date: str | None = None) -> Article:
    """The article on an HTML page: main text, title, canonical URL, publisher, date.

    ``url`` is where the page came from (the canonical URL in the page wins over it);
    ``fallback_date`` (say, when a crawler fetched it) is used when the page has no date.
    """
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return parse_simple_html(html, path=path, url=url)
    page = PageMeta.read(tree)
    # A Document (never a dict: as_dict is off), or None when trafilatura finds no article.
    document: Any = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False, deduplicate=False
    )
    text = _text(document.body) if document is not None and document.body is not None else ""
    if not text:
        fallback = parse_simple_html(html, path=path, url=url)
        text, title = fallback.text, fallback.title
    else:
        title = document.title
        # trafilatura keeps the headline as the first paragraph when it sits inside the article.
        first, _, rest = text.partition("\n\n")
        if rest and first in _headlines(tree, page, title):
            text = rest
    date, date_raw = _date(page, document, fallback_date, _title_text(tree, page), html)
    return Article(
        text=text,
        title=title or (document.title if document is not None else None),
        url=article_url(url, page.canonical, page.og_url()),
        publisher=page.publisher() or _sitename(page, document),
        date=date,
        date_raw=date_raw,
        path=path,
    )


def _headlines(tree: Any, page: PageMeta, title: str | None) -> set[str]:
    """What the page calls its headline: the title found, og:title, the first <h1>."""
    found = {title, page.meta.get("og:title"), page.meta.get("twitter:title")}
    found.update(" ".join(heading.text_content().split()) for heading in tree.xpath("(//h1)[1]"))
    return {" ".join(value.split()) for value in found if value}


def _sitename(page: PageMeta, document: Any) -> str | None:
    name = getattr(document, "sitename", None)
    return name if page.acceptable_publisher(name) else None


def _title_text(tree: Any, page: PageMeta) -> str:
    titles = [element.text_content() for element in tree.xpath("//head/title")[:1]]
    return " ".join([*titles, page.meta.get("og:title", "")])


def _date(page: PageMeta, document: Any, fallback: str | None, title: str = "", html: str = "") -> tuple[str | None, str | None]:
    """The page's own publication date with its time when the markup gives it, else a date its title states
    ("... | DW | 10.06.2013"), else htmldate's day, else ``fallback``.

    The title goes before htmldate, whose search of the whole page can pick a related story's date.
    """
    unreadable = None
    for raw in page.dates():
        date, raw_value = read_date(raw)
        if date:
            return date, None
        unreadable = unreadable or raw_value
    if date := date_in_text(title):
        return date, None
    found = getattr(document, "date", None)
    # htmldate reads "05/06/2024" one way or the other; when that is all the page says, it is a guess.
    guessed = found and (date := read_date(found)[0]) and not (unreadable and date in possible_days(unreadable))
    if guessed and date and not _copyright_new_year(date, html):
        return date, None
    if fallback and (date := read_date(fallback)[0]):
        return date, None
    return None, unreadable


def _copyright_new_year(date: str, html: str) -> bool:
    """htmldate's last resort turns a footer's "© 2013 Cable News Network" into 2013-01-01: a
    January 1st whose year only a copyright line gives is no publication date.

    >>> _copyright_new_year("2013-01-01", "<footer>© 2013 Cable News Network</footer>")
    True
    >>> _copyright_new_year("2013-01-01", "<p>Published 1 January 2013</p>"), _copyright_new_year("2013-08-04", "© 2013")
    (False, False)
    """
    if not date.startswith(date[:4] + "-01-01"):
        return False
    year = date[:4]
    copyright_year = re.search(rf"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{year}\b", html, re.IGNORECASE)
    return copyright_year is not None


def _text(body: Any) -> str:
    """Paragraphs of trafilatura's output tree, one per block, separated by a blank line."""
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(buffer).split(_LINE))
        text = _LINE.join(line for line in lines if line)
        buffer.clear()
        if text:
            paragraphs.append(text)

    def walk(element: Any) -> None:
        block = element.tag in _BLOCKS
        if block:
            flush()
        if element.tag == "lb":
            buffer.append(_LINE)
        elif element.text:
            buffer.append(element.text.replace(_LINE, " "))
        for child in element:
            walk(child)
            if child.tail:
                buffer.append(child.tail.replace(_LINE, " "))
        if block:
            flush()

    walk(body)
    return "\n\n".join(paragraphs)
