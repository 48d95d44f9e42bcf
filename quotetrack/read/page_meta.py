"""What a news page says about itself in its markup: canonical URL, publisher, section and publication date.

Read from ``<meta>`` tags (Open Graph, Dublin Core, ``itemprop``), ``<link rel=canonical>``,
schema.org JSON-LD (``NewsArticle`` and its ``publisher``, also through ``@graph`` and ``@id``
references) and ``<time>`` elements, from a parsed lxml tree.

>>> from lxml import html
>>> page = PageMeta.read(html.fromstring(
...     '<html><head><meta property="og:site_name" content="Gazette"><meta property="article:section" content="U.S.">'
...     '<meta property="article:published_time" content="2024-05-14T10:00:00Z"></head><body><p>x</p></body></html>'))
>>> page.publisher(), page.dates()[0], page.sections
('Gazette', '2024-05-14T10:00:00Z', {'u.s.'})
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

__all__ = ["PageMeta"]

# Where pages put their publication date, most specific first.
DATE_KEYS = (
    "article:published_time",
    "og:published_time",
    "article.published",
    "datepublished",
    "published_time",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
)
PUBLISHER_KEYS = ("og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
SECTION_KEYS = ("article:section", "section", "parsely-section", "category", "og:section")
_ARTICLE_TYPES = ("Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "LiveBlogPosting")


@dataclass
class PageMeta:
    """The metadata tags of one page; the methods choose among them."""

    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    json_ld: list[dict[str, Any]] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    sections: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, tree: HtmlElement) -> PageMeta:
        page = cls()
        for element in tree.iter("meta"):
            key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
            content = (element.get("content") or "").strip()
            if key and content:
                page.meta.setdefault(key, content)
        for element in tree.iter("link"):
            if "canonical" in (element.get("rel") or "").lower().split() and (element.get("href") or "").strip():
                page.canonical = page.canonical or element.get("href", "").strip()
                break
        for element in tree.xpath('//script[@type="application/ld+json"]'):
            page.json_ld.extend(json_ld_objects(element.text_content()))
        # A <time> marked as the publication date first, then those inside the article, then any.
        marked = tree.xpath('//time[@datetime][contains(@itemprop, "datePublished") or contains(@class, "publish")]')
        in_article = tree.xpath("//article//time[@datetime]")
        for element in [*marked, *in_article, *tree.xpath("//time[@datetime]")]:
            value = (element.get("datetime") or "").strip()
            if value and value not in page.times:
                page.times.append(value)
        page.sections = {value.lower() for key in SECTION_KEYS if (value := page.meta.get(key))}
        for node in page.articles():
            section = node.get("articleSection")
            for value in section if isinstance(section, list) else [section]:
                if isinstance(value, str) and value.strip():
                    page.sections.add(value.strip().lower())
        return page

    def articles(self) -> Iterator[dict[str, Any]]:
        """The schema.org article objects of the page's JSON-LD."""
        for node in self.json_ld:
            kinds = node.get("@type")
            if any(isinstance(kind, str) and kind in _ARTICLE_TYPES for kind in (kinds if isinstance(kinds, list) else [kinds])):
                yield node

    def og_url(self) -> str | None:
        return self.meta.get("og:url") or next((_text(node.get("url")) for node in self.articles() if _text(node.get("url"))), None)

    def dates(self) -> list[str]:
        """Candidate publication dates as written, the most trustworthy first."""
        found = [self.meta[key] for key in DATE_KEYS if self.meta.get(key)]
        found += [value for node in self.articles() if (value := _text(node.get("datePublished")))]
        found += self.times
        return list(dict.fromkeys(found))

    def publisher(self) -> str | None:
        """The article's publisher in JSON-LD, else the site's name (``og:site_name``, an app name); never a section name.

        JSON-LD goes first because some sites fill ``og:site_name`` with the section ("U.S.").
        """
        candidates = [self._name(node.get("publisher")) for node in self.articles()]
        candidates += [self.meta.get(key) for key in PUBLISHER_KEYS]
        candidates += [self._name(node) for node in self.json_ld if node.get("@type") in ("NewsMediaOrganization", "Organization")]
        return next((name for name in candidates if self.acceptable_publisher(name)), None)

    def acceptable_publisher(self, name: str | None) -> bool:
        """A name that can be a publisher: not empty, not a URL, not one of the page's sections ("U.S.")."""
        if not name or not name.strip() or len(name) > 100:
            return False
        return name.strip().lower() not in self.sections and not name.strip().lower().startswith(("http:", "https:"))

    def _name(self, value: Any) -> str | None:
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            if "name" not in value and isinstance(value.get("@id"), str):
                value = next((node for node in self.json_ld if node.get("@id") == value["@id"] and "name" in node), value)
            value = value.get("name")
        return _text(value)


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    return " ".join(value.split()) or None if isinstance(value, str) else None


def json_ld_objects(source: str) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD block, ``@graph`` members included; a broken block yields nothing."""
    try:
        data = json.loads(source)
    except ValueError:
        return

    def walk(node: Any) -> Iterator[dict[str, Any]]:
        if isinstance(node, list):
            for item in node:
                yield from walk(item)
        elif isinstance(node, dict):
            yield node
            yield from walk(node.get("@graph"))

    yield from walk(data)
