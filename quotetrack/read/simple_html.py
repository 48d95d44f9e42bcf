"""The simple HTML reader, on the standard HTMLParser: the fallback where trafilatura finds no text (see :mod:`.html`)."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from ..records import Article
from .dates import read_date
from .page_meta import json_ld_objects
from .urls import article_url

__all__ = ["parse_simple_html"]

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
    __slots__ = ("article", "block", "main", "text")

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
    for source in sources:
        for node in json_ld_objects(source):
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


def parse_simple_html(html: str, *, path: str | None = None, url: str | None = None) -> Article:
    """Extract an article's main text and metadata from an HTML page.

    Paragraphs come from ``p``, ``h1``-``h3``, ``blockquote`` and ``li`` inside
    ``<article>`` (else ``<main>``, else the whole body), skipping navigation,
    headers, footers, asides, forms, figures and scripts; they are joined with
    a blank line.

    >>> parse_simple_html("<title>T</title><p>One &amp; two.</p><footer><p>(c)</p></footer>").text
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
    date, date_raw = read_date(date)
    return Article(
        text="\n\n".join(chosen).strip(),
        title=meta.get("og:title") or title_tag or _json_ld_name(ld.get("headline")) or h1 or None,
        url=article_url(url, parser.canonical, meta.get("og:url") or _json_ld_name(ld.get("url"))),
        publisher=meta.get("og:site_name")
        or meta.get("publisher")
        or _json_ld_name(ld.get("publisher")),
        date=date,
        date_raw=date_raw,
        path=path,
    )
