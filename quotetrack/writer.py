"""The one writer of an ingest: articles stored in input order, a few dozen to a transaction, and the tally.

Whether articles were extracted here, by worker processes or on a cluster, or read back from
Parquet, they are stored by :class:`Writer`, so the database does not depend on where they came from.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .errors import StoreError
from .parallel import BandKeys, Step, extract_or_problem
from .provenance.lsh import forget_recent_band_count
from .records import Article, Quote
from .search_index import sync_search_index
from .sqlite_files import sqlite_errors
from .store import Ingest, Store, ensure_schema, ingest_article, open_database, stored_quote_count

if TYPE_CHECKING:
    from .extract import Extractor

__all__ = ["IngestResult", "Writer", "database_of", "open_writer", "plural", "skipper"]

# Articles stored in one transaction. A commit writes every page its articles touched to the log, and
# consecutive articles touch many of the same (index pages, the LSH bands): on PolNeAR, 340 pages for
# an article alone, 35 an article in fifties. An article that fails is undone by rolling the
# transaction back and storing the ones before it again (see Writer._undo_failed). Their new rows are
# indexed for search together just before the commit: FTS5 writes a new segment of its index (to be
# merged later) for every statement that adds to it, at a million quotes about 24 pages an article.
BATCH_ARTICLES = 50
# ... or fewer, so that a reader (Datasette) sees a slow ingest's articles within a second.
BATCH_SECONDS = 1.0

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

    def add(self, outcome: Ingest, quotes: int, articles: int = 1) -> None:
        """Count ``articles`` (-1: take one back) with that ``outcome`` and their ``quotes``."""
        if outcome is Ingest.NEW:
            self.new += articles
        elif outcome is Ingest.UPDATED:
            self.updated += articles
        else:
            self.unchanged += articles
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


@contextlib.contextmanager
def open_writer(
    db: str | os.PathLike[str] | Database | Store,
    timeout: float,
    version: str,
    result: IngestResult,
    on_skip: SkipHandler | None,
    progress: ProgressHandler | None,
    force: bool,
    extractor: Extractor | None,
) -> Iterator[Writer]:
    """The writer on ``db``; a database error becomes a ``StoreError`` saying how many articles were stored first."""
    database, name, owned = database_of(db, timeout)
    ensure_schema(database)  # before a transaction is open: migrations take their own
    writer = Writer(database, version, result, skipper(result, on_skip), progress, force, extractor)
    temp_store = _temp_store_in_memory(database)
    try:
        try:
            yield writer
        finally:
            # Also when interrupted or failing: the articles stored before are kept.
            with sqlite_errors():
                writer.commit()
                if temp_store is not None:
                    database.execute(f"PRAGMA temp_store = {temp_store}")
    except StoreError as error:
        stored = result.new + result.updated
        before = f" ({plural(stored, 'article')} stored before this)" if stored else ""
        raise StoreError(f"{error.problem}{before}", path=name or error.path) from error
    finally:
        if owned:
            database.close()


def _temp_store_in_memory(database: Database) -> int | None:
    """Keep SQLite's temporary files in memory; the setting before, to restore (None when it cannot be changed now).

    An insert that fires triggers first copies each page it changes, to undo itself should it fail; in
    a temporary file that took a tenth of the time storing an article on PolNeAR (system time).
    """
    if database.conn.in_transaction:
        return None
    with sqlite_errors():
        before = int(database.execute("PRAGMA temp_store").fetchone()[0])
        database.execute("PRAGMA temp_store = MEMORY")
    return before


class Writer:
    """The one place an ingest writes: articles in input order, :data:`BATCH_ARTICLES` to a transaction,
    committed by :meth:`commit`; an article that fails leaves nothing of itself."""

    def __init__(
        self, database: Database, version: str, result: IngestResult, skip: SkipHandler, progress: ProgressHandler | None, force: bool, extractor: Extractor | None
    ):
        self.database, self.version, self.result = database, version, result
        self.skip, self.progress, self.force = skip, progress, force
        self.extractor = extractor  # for an article that must be extracted again here (see write)
        self.written = 0  # articles added or changed so far
        # A caller's own transaction is left to the caller to commit.
        self.batching = not database.conn.in_transaction
        self.began: float | None = None  # when the open transaction began
        self.in_batch: list[tuple[Article, list[Quote], BandKeys | None, Ingest]] = []  # what the open transaction stored

    def commit(self) -> None:
        """Commit the articles stored so far."""
        if self.began is not None:
            self.began, self.in_batch = None, []
            if self.database.conn.in_transaction:
                sync_search_index(self.database)
                self.database.conn.execute("COMMIT")

    def _store(self, article: Article, quotes: list[Quote], band_keys: BandKeys | None) -> Ingest:
        if self.batching and self.began is None:
            self.database.conn.execute("BEGIN IMMEDIATE")  # the write lock first: see store._write_transaction
            self.began = time.perf_counter()
            self.in_batch = []
        # No savepoint per article: SQLite would copy every page an article changes before changing it
        # (about 250 an article on PolNeAR, a fifth of the time storing it); a failure is undone instead.
        try:
            outcome = ingest_article(
                self.database, article, quotes, extractor_version=self.version, atomic=not self.batching, index_search=not self.batching,
                band_keys=band_keys)
        except BaseException:
            if self.batching:
                self._undo_failed()
            raise
        if self.began is not None:
            self.in_batch.append((article, quotes, band_keys, outcome))
            if len(self.in_batch) >= BATCH_ARTICLES or time.perf_counter() - self.began >= BATCH_SECONDS:
                self.commit()
        return outcome

    def _undo_failed(self) -> None:
        """Roll back the open transaction, which holds part of an article that failed, and store the articles
        before it in it again; if that fails too, they are rolled back and no longer counted as stored."""
        self._roll_back()
        stored, self.in_batch, self.began = self.in_batch, [], None
        if not stored:
            return
        try:
            self.database.conn.execute("BEGIN IMMEDIATE")
            self.began = time.perf_counter()
            for article, quotes, band_keys, _ in stored:
                ingest_article(self.database, article, quotes, extractor_version=self.version, atomic=False, index_search=False, band_keys=band_keys)
            self.in_batch = stored
        except BaseException:
            self.began = None
            self._roll_back()
            for article, quotes, _, outcome in stored:
                if outcome:
                    self.result.add(outcome, -len(quotes), -1)
                    self.written -= 1
            raise

    def _roll_back(self) -> None:
        """Roll the open transaction back; the recent LSH keys it added are then counted afresh."""
        if self.database.conn.in_transaction:
            self.database.conn.execute("ROLLBACK")
        forget_recent_band_count(self.database)

    def check(self, article: Article) -> Step | None:
        """A step counting ``article`` unchanged when it is stored as it is, by this extractor; None when it needs extracting."""
        if self.force:
            return None
        started = time.perf_counter()
        count = stored_quote_count(self.database, article, self.version)
        self.result.store_seconds += time.perf_counter() - started
        return None if count is None else Step(article, stored=count, checked_after=self.written)

    def write(self, step: Step) -> None:
        if step.skipped is not None:
            self.skip(step.skipped)
            return
        article, quotes = step.article, step.quotes
        assert article is not None
        if quotes is None and step.checked_after != self.written:
            # Checked before the articles ahead of it were written: one of them may have been this
            # article in another version (the same URL twice), so it is checked again.
            again = self.check(article)
            if again is None:
                assert self.extractor is not None, "only extracting ingests check ahead of writing"
                extracted = extract_or_problem(self.extractor, article)
                if isinstance(extracted, str):
                    self.skip(extracted)
                    return
                quotes = extracted
            else:
                step = again
        if quotes is None:
            self._counted(article, Ingest.UNCHANGED, step.stored)
            return
        started = time.perf_counter()
        with sqlite_errors():
            outcome = self._store(article, quotes, step.band_keys)
        self.result.store_seconds += time.perf_counter() - started
        if outcome:
            self.written += 1
        self._counted(article, outcome, len(quotes))

    def _counted(self, article: Article, outcome: Ingest, quotes: int) -> None:
        self.result.add(outcome, quotes)
        self.result.current = article
        if article.date_raw:
            self.result.unread_dates.append(f"{article.path or article.url or article.id}: {article.date_raw!r}")
        if self.progress is not None:
            self.progress(self.result)


def database_of(db: str | os.PathLike[str] | Database | Store, timeout: float) -> tuple[Database, str | None, bool]:
    """The open database, its file name for messages, and whether we opened it (and must close it)."""
    if isinstance(db, Store):
        return db.db, db.path, False
    if isinstance(db, Database):
        return db, None, False
    return open_database(db, timeout=timeout), os.fspath(db), True


def skipper(result: IngestResult, on_skip: SkipHandler | None) -> SkipHandler:
    def skip(message: str) -> None:
        result.skipped.append(message)
        if on_skip is not None:
            on_skip(message)

    return skip
