"""Quote extraction (placeholder: being written; interface is stable)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from .models import Article, Quote


class Extractor:
    """Finds attributed quotes in articles.

    >>> quotes = Extractor().extract(Article(text='“Hello there,” Peskov said.'))
    >>> quotes[0].text
    'Hello there,'
    """

    def __init__(self, engine: str = "auto"):
        self.engine = engine

    def extract(self, article: Article) -> list[Quote]:
        quotes = []
        for match in re.finditer(r"“([^”]+)”", article.text):
            quotes.append(
                Quote(
                    text=match.group(1),
                    start=match.start(1),
                    end=match.end(1),
                    kind="direct",
                    publisher=article.publisher,
                )
            )
        return quotes

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        for article in articles:
            yield article, self.extract(article)
