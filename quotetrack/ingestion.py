"""Ingestion, the main use case: article files are read, their quotes extracted, and both stored.

``quotetrack ingest`` and ``quotetrack bench speed`` both run :func:`ingest_articles`, so the
benchmark measures what users run.

>>> from quotetrack.records import Article
>>> from quotetrack.store import open_store
>>> store = open_store(":memory:")
>>> article = Article(text="“We are ready,” Peskov told Reuters.", url="https://example.com/ready")
>>> ingest_articles([article], store, engine="rules").summary()
'Ingested 1 article (1 new, 0 unchanged), 1 quote'
>>> ingest_articles([article], store, engine="rules").summary()
'Ingested 1 article (0 new, 1 unchanged), 1 quote'
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .errors import ArticleError, EngineError, StoreError
from .records import EXTRACTOR_VERSION, Article, Quote
from .store import Ingest, Store, ingest_article, open_database, stored_quote_count

if TYPE_CHECKING:
    from .extract import Extractor
    from .read.web import Fetcher

__all__ = [
    "IngestResult",
    "batch_size_for",
    "extract_each",
    "extractor_version",
    "ingest",
    "ingest_articles",
    "make_extractor",
    "readable_articles",
    "shared_extractor",
]

# Neural pipelines are faster on batches of documents. The rule pipeline is not: holding a batch of
# parsed documents only adds memory and garbage-collector work (about a third more extraction time
# at 16), so it takes one article at a time.
BATCH_SIZES = {"stanza": 16}

SkipHandler = Callable[[str], None]
ProgressHandler = Callable[["IngestResult"], None]


@dataclass
class IngestResult:
    """What an ingest did: articles by outcome, quotes stored, what was skipped and why, and where time went."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    skipped: list[str] = field(default_factory=list)
    unread_dates: list[str] = field(default_factory=list)  # "where: raw" for dates stored as NULL with date_raw
    read_seconds: float = 0.0
    extract_seconds: float = 0.0
    store_seconds: float = 0.0
    # The article counted last, for progress displays (its path and line tell how far the reading has got).
    current: Article | None = field(default=None, repr=False, compare=False)

    @property
    def articles(self) -> int:
        """Articles stored or found unchanged; skipped ones are not counted."""
        return self.new + self.updated + self.unchanged

    def add(self, outcome: Ingest, quotes: int) -> None:
        if outcome is Ingest.NEW:
            self.new += 1
        elif outcome is Ingest.UPDATED:
            self.updated += 1
        else:
            self.unchanged += 1
        self.quotes += quotes

    def summary(self) -> str:
        """``Ingested 6 articles (2 new, 4 unchanged), 41 quotes; skipped 1: bad.bin: binary file``"""
        parts = [f"{self.new} new"]
        if self.updated:
            parts.append(f"{self.updated} updated")
        parts.append(f"{self.unchanged} unchanged")
        line = f"Ingested {plural(self.articles, 'article')} ({', '.join(parts)}), {plural(self.quotes, 'quote')}"
        if self.skipped:
            shown = self.skipped[:3]
            more = f"; and {len(self.skipped) - len(shown)} more" if len(self.skipped) > len(shown) else ""
            line += f"; skipped {len(self.skipped)}: " + "; ".join(shown) + more
        if self.unread_dates:
            shown = self.unread_dates[:3]
            more = f"; and {len(self.unread_dates) - len(shown)} more" if len(self.unread_dates) > len(shown) else ""
            line += f"; {plural(len(self.unread_dates), 'date')} not understood (kept in date_raw): " + "; ".join(shown) + more
        return line


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, made plural unless the count is one.

    >>> plural(1, "quote"), plural(2, "quote")
    ('1 quote', '2 quotes')
    """
    return f"{count} {noun}{'' if count == 1 else 's'}"


@cache
def shared_extractor(engine: str = "rules") -> Extractor:
    """One :func:`make_extractor` per engine for the whole process, for callers that extract now and then."""
    return make_extractor(engine)


def make_extractor(engine: str = "auto") -> Extractor:
    """An :class:`~quotetrack.extract.Extractor`, or an ``EngineError`` saying why there cannot be one."""
    from .extract import Extractor

    try:
        return Extractor(engine)
    except (RuntimeError, ValueError) as error:
        raise EngineError(str(error)) from error


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    db: str | os.PathLike[str] | Database | Store,
    *,
    engine: str = "auto",
    extractor: Extractor | None = None,
    on_skip: SkipHandler | None = None,
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
    batch_size: int | None = None,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    fetcher: Fetcher | None = None,
    limit: int | None = None,
    force: bool = False,
) -> IngestResult:
    """Read the article files, folders and web pages in ``paths`` and store them with their quotes in ``db``.

    ``paths`` may hold http(s) URLs, fetched with ``fetcher`` (a polite default one when
    None); ``feeds`` and ``sitemaps`` add the article URLs they list that ``db`` does not
    hold yet (at most ``limit``). Files and pages that cannot be read, and articles whose
    extraction fails, are skipped: listed in ``IngestResult.skipped`` and passed to
    ``on_skip`` as they happen. ``db`` is a database file (created when missing, waiting up
    to ``timeout`` seconds for other writers), or an open ``Database`` or ``Store``. Articles
    stored unchanged are not extracted again unless ``force`` (see :func:`ingest_articles`).
    """
    from .read.urls import is_web_url

    result = IngestResult()
    skip = _skipper(result, on_skip)
    given = [os.fspath(path) for path in paths]
    urls = [item for item in given if is_web_url(item)]
    articles: Iterable[Article] = readable_articles([Path(item) for item in given if not is_web_url(item)], skip)
    feeds, sitemaps = list(feeds), list(sitemaps)
    if not (urls or feeds or sitemaps):
        return ingest_articles(
            articles, db, engine=engine, extractor=extractor, on_skip=on_skip, progress=progress,
            timeout=timeout, batch_size=batch_size, result=result, force=force,
        )  # fmt: skip
    extractor = extractor if extractor is not None else make_extractor(engine)
    database, name, owned = _database(db, timeout)
    try:
        if fetcher is None:
            from .read.web import Fetcher

            fetcher = Fetcher()
        web = _web_articles(urls, feeds, sitemaps, fetcher, database, limit, skip)
        return ingest_articles(
            chain(articles, web), Store(database, name), extractor=extractor, on_skip=on_skip,
            progress=progress, batch_size=batch_size, result=result, force=force,
        )  # fmt: skip
    finally:
        if owned:
            database.close()


def _web_articles(
    urls: list[str], feeds: list[str], sitemaps: list[str], fetcher: Fetcher, database: Database, limit: int | None, skip: SkipHandler
) -> Iterator[Article]:
    """The pages at ``urls``, then those the feeds and sitemaps list that the database does not hold yet."""
    from .read.sources import discovered_urls, web_articles

    def known(url: str) -> bool:
        return next(database.query("select 1 from articles where url = ? or path = ? limit 1", [url, url]), None) is not None

    def discovered() -> Iterator[str]:
        for item in discovered_urls(feeds, sitemaps, fetcher, known, limit):
            if isinstance(item, ArticleError):
                skip(str(item))
            else:
                yield item

    yield from _articles_only(web_articles(chain(urls, discovered()), fetcher), skip)


def ingest_articles(
    articles: Iterable[Article],
    db: str | os.PathLike[str] | Database | Store,
    *,
    engine: str = "auto",
    extractor: Extractor | None = None,
    on_skip: SkipHandler | None = None,
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
    batch_size: int | None = None,
    result: IngestResult | None = None,
    force: bool = False,
) -> IngestResult:
    """Extract the quotes of ``articles`` in batches and store each article with its quotes.

    An article stored as it is (same text and metadata, same extractor version and engine) is
    counted unchanged without being extracted again, unless ``force``.

    ``progress`` is called with the running result after each article. A database
    error stops the ingest with a ``StoreError`` saying how many articles were stored first.
    ``batch_size`` defaults to what suits the engine (see :func:`batch_size_for`).
    """
    result = result if result is not None else IngestResult()
    # The extractor first, so a missing model leaves no empty database behind.
    extractor = extractor if extractor is not None else make_extractor(engine)
    database, name, owned = _database(db, timeout)
    skip = _skipper(result, on_skip)
    version = extractor_version(extractor.engine)

    def counted(article: Article, outcome: Ingest, quotes: int) -> None:
        result.add(outcome, quotes)
        result.current = article
        if article.date_raw:
            result.unread_dates.append(f"{article.path or article.url or article.id}: {article.date_raw!r}")
        if progress is not None:
            progress(result)

    def changed(articles: Iterable[Article]) -> Iterator[Article]:
        """The articles worth extracting: one stored as it is, by this extractor, is counted unchanged here."""
        for article in articles:
            started = time.perf_counter()
            count = None if force else stored_quote_count(database, article, version)
            result.store_seconds += time.perf_counter() - started
            if count is None:
                yield article
            else:
                counted(article, Ingest.UNCHANGED, count)

    try:
        batch_size = batch_size or batch_size_for(extractor.engine)
        for article, quotes in extract_each(extractor, changed(articles), skip, batch_size=batch_size, timing=result):
            started = time.perf_counter()
            outcome = ingest_article(database, article, quotes, extractor_version=version)
            result.store_seconds += time.perf_counter() - started
            counted(article, outcome, len(quotes))
    except StoreError as error:
        stored = result.new + result.updated
        before = f" ({plural(stored, 'article')} stored before this)" if stored else ""
        raise StoreError(f"{error.problem}{before}", path=name or error.path) from error
    finally:
        if owned:
            database.close()
    return result


def extractor_version(engine: str) -> str:
    """The version stored with what ``engine`` extracted: another engine's extraction is not "unchanged".

    >>> extractor_version("rules") == EXTRACTOR_VERSION, extractor_version("stanza") == EXTRACTOR_VERSION + "+stanza"
    (True, True)
    """
    return EXTRACTOR_VERSION if engine == "rules" else f"{EXTRACTOR_VERSION}+{engine}"


def batch_size_for(engine: str) -> int:
    """How many articles the engine's pipeline should see at once.

    >>> batch_size_for("stanza"), batch_size_for("rules")
    (16, 1)
    """
    return BATCH_SIZES.get(engine, 1)


def _database(db: str | os.PathLike[str] | Database | Store, timeout: float) -> tuple[Database, str | None, bool]:
    """The open database, its file name for messages, and whether we opened it (and must close it)."""
    if isinstance(db, Store):
        return db.db, db.path, False
    if isinstance(db, Database):
        return db, None, False
    return open_database(db, timeout=timeout), os.fspath(db), True


def _skipper(result: IngestResult, on_skip: SkipHandler | None) -> SkipHandler:
    def skip(message: str) -> None:
        result.skipped.append(message)
        if on_skip is not None:
            on_skip(message)

    return skip


def readable_articles(paths: Iterable[Path], skip: SkipHandler) -> Iterator[Article]:
    """The articles in ``paths``; files that cannot be read go to ``skip``."""
    from .read import read_articles

    yield from _articles_only(read_articles(paths), skip)


def _articles_only(items: Iterable[Article | ArticleError], skip: SkipHandler) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ArticleError):
            skip(str(item))
        else:
            yield item


def extract_each(
    extractor: Extractor,
    articles: Iterable[Article],
    skip: SkipHandler,
    batch_size: int = BATCH_SIZES["stanza"],
    timing: IngestResult | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """``extractor.extract_many`` in batches, skipping only the article that breaks it.

    Batches of one go through ``extractor.extract``. With ``timing``, the seconds spent
    reading and extracting are added to it.
    """
    iterator = iter(articles)
    while True:
        started = time.perf_counter()
        batch = list(islice(iterator, batch_size))
        read = time.perf_counter()
        if not batch:
            break
        results = _extract_batch(extractor, batch, skip)
        if timing is not None:
            timing.read_seconds += read - started
            timing.extract_seconds += time.perf_counter() - read
        yield from results


def _extract_batch(
    extractor: Extractor, batch: list[Article], skip: SkipHandler
) -> list[tuple[Article, list[Quote]]]:
    if len(batch) > 1:
        try:
            return list(extractor.extract_many(batch))
        except Exception:  # noqa: BLE001, S110 - redone one by one below, so only the odd article is lost
            pass
    results = []
    for article in batch:
        try:
            results.append((article, extractor.extract(article)))
        except Exception as error:  # noqa: BLE001 - reported and skipped, as for a bad file
            where = article.path or article.url or article.id
            skip(f"{where}: extraction failed: {type(error).__name__}: {_first_line(error)}")
    return results


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
