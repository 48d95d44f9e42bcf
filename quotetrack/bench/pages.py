"""Synthetic news web pages for the HTML speed benchmark: an article wrapped in the furniture real pages carry.

Menus, a cookie banner, a share bar, related links, a newsletter box, a footer, JSON-LD and
Open Graph metadata, and some inline script and style, so that the page weighs about what the
text-bearing part of a news page does (the scripts and ads of a real page are heavier still).

>>> from quotetrack.records import Article
>>> page = news_page(Article(text="One.\\n\\nTwo.", title="T", publisher="Wire", date="2024-05-14"), 3)
>>> '<p>Two.</p>' in page and '"datePublished": "2024-05-14"' in page
True
"""

from __future__ import annotations

import html
import json

from ..records import Article

__all__ = ["news_page"]

_SECTIONS = ["World", "Politics", "Business", "Markets", "Technology", "Science", "Health", "Sport", "Culture", "Opinion"]
_SCRIPT = "window.__config = " + json.dumps({f"slot_{number}": {"sizes": [[300, 250], [728, 90]], "targeting": {"pos": number}} for number in range(120)}) + ";"
_STYLE = "".join(f".c{number}{{margin:{number % 7}px;padding:{number % 5}px;color:#{number:03x}}}" for number in range(300))


def news_page(article: Article, number: int) -> str:
    """``article`` as the HTML page a news site would serve."""
    title = html.escape(article.title or "Untitled")
    publisher = html.escape(article.publisher or "The Daily Example")
    paragraphs = "\n".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in article.text.split("\n\n"))
    menu = "".join(f'<li><a href="/{section.lower()}/{sub}">{section} {sub}</a></li>' for section in _SECTIONS for sub in range(8))
    related = "".join(f'<li><a href="/story/{number + offset}">Related story number {number + offset} about the week ahead</a></li>' for offset in range(1, 9))
    publisher_node = {"@type": "NewsMediaOrganization", "name": article.publisher}
    metadata = json.dumps(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title, "datePublished": article.date, "publisher": publisher_node}
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {publisher}</title>
<meta property="og:site_name" content="{publisher}"><meta property="og:title" content="{title}">
<link rel="canonical" href="https://bench.invalid/story/{number}">
<script type="application/ld+json">{metadata}</script>
<style>{_STYLE}</style><script>{_SCRIPT}</script></head>
<body>
<div class="consent">We use cookies to personalise content and ads. <button>Accept all</button> <button>Settings</button></div>
<header><a href="/">{publisher}</a><nav><ul>{menu}</ul></nav></header>
<main><article><h1>{title}</h1><div class="byline">By Staff Reporter</div>
<ul class="share"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">Email</a></li></ul>
{paragraphs}
</article>
<aside><h2>Related</h2><ul>{related}</ul></aside>
<section class="newsletter"><h2>Sign up for the morning briefing</h2><p>Our best stories every weekday.</p></section></main>
<footer><p>&copy; 2024 {publisher}. All rights reserved.</p></footer>
</body></html>"""
