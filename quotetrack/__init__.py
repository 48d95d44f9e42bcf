"""quotetrack: who said this, when, where, and through which outlet.

Find the quotes in a piece of news text:

>>> from quotetrack import extract_quotes
>>> (quote,) = extract_quotes("“We are ready,” Peskov told Reuters.")
>>> quote.text, quote.kind, quote.speaker, quote.cue, quote.via_outlet
('We are ready,', 'direct', 'Peskov', 'told', 'Reuters')

Keep them in a SQLite database (``open_store(":memory:")`` for one that lives only as long
as the process), then ask who said what:

>>> from quotetrack import Article, Extractor, open_store
>>> article = Article(text="“We are ready,” Peskov told Reuters.", url="https://example.com/ready")
>>> with open_store(":memory:") as store:
...     outcome = store.add(article, Extractor("rules").extract(article))
...     [(row["speaker"], row["via_outlet"], row["text"]) for row in store.quotes(speaker="Peskov")]
[('Peskov', 'Reuters', 'We are ready,')]

``ingest(paths, db)`` does the same for files and folders of articles, as ``quotetrack ingest``
does. Submodules load on first use, so ``import quotetrack`` does not load the NLP stack.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "EngineError",
    "Extractor",
    "IngestResult",
    "Quote",
    "QuoteKind",
    "QuotetrackError",
    "Store",
    "StoreError",
    "__version__",
    "extract_quotes",
    "ingest",
    "open_store",
    "read_articles",
]

# Where each public name lives, for the lazy imports in ``__getattr__``.
_HOMES = {
    "Article": "records",
    "Quote": "records",
    "QuoteKind": "records",
    "Extractor": "extract",
    "Store": "store",
    "open_store": "store",
    "IngestResult": "ingestion",
    "ingest": "ingestion",
    "read_articles": "read",
    "QuotetrackError": "errors",
    "ArticleError": "errors",
    "StoreError": "errors",
    "EngineError": "errors",
}

if TYPE_CHECKING:
    from .errors import ArticleError, EngineError, QuotetrackError, StoreError
    from .extract import Extractor
    from .ingestion import IngestResult, ingest
    from .read import read_articles
    from .records import Article, Quote, QuoteKind
    from .store import Store, open_store


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'quotetrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def extract_quotes(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    engine: str = "rules",
) -> list[Quote]:
    """The quotes in one article's ``text``, in the order they appear.

    ``publisher`` and ``date`` are the article's; they are copied to the quotes. The
    extractor for each engine is built once and reused.

    >>> [(quote.speaker, quote.kind) for quote in extract_quotes(
    ...     "Mayor Ana Ruiz said the budget was “not negotiable”.", publisher="Reuters")]
    [('Ana Ruiz', 'mixed')]
    >>> extract_quotes("No one was quoted here.")
    []
    """
    from .ingestion import shared_extractor
    from .records import Article

    article = Article(text=text, title=title, url=url, publisher=publisher, date=date)
    return shared_extractor(engine).extract(article)
