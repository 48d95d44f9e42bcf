"""The SQLite store: articles, speakers, outlets and quotes, written with sqlite-utils.

Every row has a stable id (a hash of what identifies it), so ingesting the same
article twice leaves the database as it was:

>>> from quotetrack.records import Article, Quote
>>> store = open_store(":memory:")
>>> article = Article(text="“No,” Peskov said.", url="https://example.com/a")
>>> quote = Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov")
>>> store.add(article, [quote])
<Ingest.NEW: 1>
>>> store.add(article, [quote])
<Ingest.UNCHANGED: 0>
>>> store.counts()
{'articles': 1, 'speakers': 1, 'outlets': 0, 'quotes': 1}
>>> [row["speaker"] for row in store.quotes(speaker="Peskov")]
['Peskov']

The functions under the class work on a plain sqlite-utils ``Database`` too.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import os
import sqlite3
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from sqlite_utils import Database

from .entity_rows import EntityRows, add_published_names, quote_row
from .errors import StoreError
from .provenance.cluster import forget_article, insert_grouped_quotes, refresh_statements, update_article_statements
from .provenance.lsh import merge_recent_bands
from .query import query_quotes
from .records import EXTRACTOR_VERSION, SOURCE_HASH_LENGTH, Article, Quote, stable_id
from .schema import MIGRATIONS, SOURCE_HASH_SQL, apply_migrations, schema_complete
from .search_index import sync_search_index
from .sqlite_files import enable_wal, is_quotetrack_database, open_read_only, read_only_location, refuse_foreign
from .sqlite_files import sqlite_errors as _sqlite_errors

__all__ = [
    "Ingest",
    "Store",
    "StoreError",
    "delete_article",
    "ensure_schema",
    "ingest_article",
    "is_quotetrack_database",
    "open_database",
    "open_store",
    "read_only_location",
    "stored_article",
    "stored_quote_count",
]

MEMORY = ":memory:"
TABLES = ("articles", "speakers", "outlets", "quotes")
# A writing connection's page cache (KiB) and write-ahead log size between checkpoints (pages):
# on PolNeAR's 840 training articles they take storing from about 14 to 10.5 ms of CPU per article.
CACHE_KIB = 65536
WAL_CHECKPOINT_PAGES = 10000
MMAP_BYTES = 1 << 31
STATEMENT_CACHE = 1024


class Ingest(enum.IntEnum):
    """What ``ingest_article`` did; falsy when it wrote nothing."""

    UNCHANGED = 0
    NEW = 1
    UPDATED = 2


def ensure_schema(db: Database, on_update: Callable[[int, int, str], None] | None = None) -> None:
    """Bring ``db`` up to date by applying the pending :data:`~quotetrack.schema.MIGRATIONS` (``on_update``:
    see :func:`~quotetrack.schema.apply_migrations`).

    Writes nothing to a database that is up to date, so a read-only copy opens fine.
    """
    with _sqlite_errors():
        if not MIGRATIONS.pending(db):
            return
        try:
            # Holding the write lock first: two processes creating one database wait for each other.
            with _write_transaction(db):
                apply_migrations(db, on_update)
                sync_search_index(db)  # what the migrations inserted (statements of quotes stored before)
        except sqlite3.OperationalError as error:
            # A database from before migrations, on read-only media, can still be read.
            if getattr(error, "sqlite_errorname", "") != "SQLITE_READONLY" or not schema_complete(db):
                raise


def open_database(path: str | os.PathLike[str], *, timeout: float = 5.0, read_only: bool = False,
                  on_update: Callable[[int, int, str], None] | None = None) -> Database:
    """Open (or create) the store at ``path`` with its schema in place.

    ``timeout`` is how many seconds to wait for another writer before giving up
    with a ``StoreError``. ``read_only`` opens an existing store without writing
    anything to it, not even the schema. ``":memory:"`` makes a throwaway store.
    ``on_update`` is told of each step bringing an older store up to date
    (:func:`~quotetrack.schema.apply_migrations`). A ``StoreError`` names ``path``.
    """
    try:
        return _open_database(path, timeout, read_only, on_update)
    except StoreError as error:
        raise error.at(path) from error


def _open_database(path: str | os.PathLike[str], timeout: float, read_only: bool,
                   on_update: Callable[[int, int, str], None] | None = None) -> Database:
    if str(path) == MEMORY:
        db = Database(memory=True)
        ensure_schema(db)
        return db
    path = Path(path)
    if path.is_dir():
        raise StoreError("is a folder, not a database file")
    if read_only:
        return open_read_only(path, timeout)
    new = not path.exists() or path.stat().st_size == 0
    with _sqlite_errors():
        # The store's statements vary with an article's row and key counts (an insert of 1 to 32 rows, a
        # lookup of n LSH keys): a few hundred texts, each compiled once with its triggers if the cache
        # holds them all (Python's default keeps 128, so they were compiled again and again).
        db = Database(sqlite3.connect(str(path), timeout=timeout, cached_statements=STATEMENT_CACHE))
        try:
            # Checked before anything is written: another application's file is left as it was.
            refuse_foreign(db)
        except (StoreError, sqlite3.Error):
            db.close()
            raise
        db.execute("PRAGMA foreign_keys = ON")
        if new:
            # Write-ahead logging lets Datasette read while an ingest writes; existing
            # files keep their journal mode, which a read-only copy could not change.
            enable_wal(db, timeout)
        if db.journal_mode == "wal":
            # Safe with WAL (a crash can only drop the last commits) and spares an fsync per article.
            db.execute("PRAGMA synchronous = NORMAL")
            # Checkpoints fsync: one every 40 MB of log instead of every 4 MB.
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        # An article touches pages all over the quote indexes and the LSH bands: with SQLite's
        # default 2 MB cache most of them are read back from the file for every article.
        db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        # What the cache cannot hold (the LSH keys' big index: 12 million keys at a million quotes, each
        # lookup a page of its own) is read through a memory map instead of a read call copying each page:
        # about a tenth less CPU storing an article there. SQLite maps at most its build's limit (2 GB).
        db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        # Some builds (Debian's) zero every deleted row and freed page, which writes pages a delete would not
        # otherwise (the search index's pending rows, each pass's recent keys): a store's rows are published
        # news, with nothing to erase. About 7 % of the CPU storing an article at a million quotes.
        db.execute("PRAGMA secure_delete = OFF")
    try:
        ensure_schema(db, on_update)
    except StoreError:
        db.close()
        raise
    return db


def open_store(path: str | Path, *, timeout: float = 5.0, read_only: bool = False) -> Store:
    """The :class:`Store` at ``path``, created when missing (see :func:`open_database`)."""
    return Store(open_database(path, timeout=timeout, read_only=read_only), path=str(path))


class Store:
    """A quotetrack database: add articles with their quotes, read quotes back, count rows.

    Use it as a context manager to close it when done. ``db`` is the sqlite-utils
    ``Database`` underneath, for anything the methods do not cover.
    """

    def __init__(self, db: Database, path: str | None = None):
        self.db = db
        self.path = None if path == MEMORY else path

    def __repr__(self) -> str:
        return f"<Store {self.path or 'in memory'}>"

    def add(self, article: Article, quotes: Sequence[Quote], *, extractor_version: str | None = None) -> Ingest:
        """Store ``article`` and its ``quotes`` (see :func:`ingest_article`)."""
        with self._errors():
            return ingest_article(self.db, article, quotes, extractor_version=extractor_version)

    def delete(self, article_id: str) -> bool:
        """Remove a stored article and its quotes (see :func:`delete_article`)."""
        with self._errors():
            return delete_article(self.db, article_id)

    def quotes(self, *, speaker: str | None = None, outlet: str | None = None) -> Iterator[dict[str, Any]]:
        """The stored quotes as ``quotes_view`` rows, oldest article first.

        ``speaker`` matches any part of the speaker's name; ``outlet`` the outlet a quote
        was relayed through or its publisher.
        """
        columns, rows = self.query(speaker=speaker, outlet=outlet)
        for row in rows:
            yield dict(zip(columns, row))

    def query(
        self, *, speaker: str | None = None, outlet: str | None = None
    ) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
        """Column names and row tuples of the matching quotes, for CSV and other tabular output."""
        with self._errors():
            columns, rows = query_quotes(self.db, speaker=speaker, outlet=outlet)
        return columns, self._rows(rows)

    def _rows(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        with self._errors():
            yield from rows

    def counts(self) -> dict[str, int]:
        """How many rows each table holds."""
        with self._errors():
            return {table: self.db.table(table).count for table in TABLES}

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            with _sqlite_errors():
                yield
        except StoreError as error:
            raise (error.at(self.path) if self.path else error) from error

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def ingest_article(
    db: Database,
    article: Article,
    quotes: Sequence[Quote],
    *,
    extractor_version: str | None = None,
    atomic: bool = True,
    index_search: bool = True,
    band_keys: Mapping[str, Sequence[int]] | None = None,
) -> Ingest:
    """Store ``article`` and its ``quotes`` in one transaction.

    Re-ingesting an article whose record and quotes are unchanged writes nothing;
    when they changed, its quote rows are replaced (same ids, same counts) and
    nothing else is touched. Speakers and outlets are only ever added.

    Inside a transaction the article gets a savepoint of its own, unless ``atomic`` is False:
    then a failure leaves it partly written, for the caller to roll back (as the
    :class:`~quotetrack.writer.Writer` does, sparing the copy of every page an article
    changes that a savepoint keeps).

    Its new rows are indexed for search before it returns, unless ``index_search`` is False: then
    they wait in the pending tables for the caller's :func:`~quotetrack.search_index.sync_search_index`
    before it commits (the Writer's, once for all the articles of a transaction). ``band_keys``: the
    quote texts' LSH keys when computed already (by a worker process; see
    :func:`~quotetrack.provenance.cluster.insert_grouped_quotes`).
    """
    if extractor_version is None:
        extractor_version = EXTRACTOR_VERSION
    with _sqlite_errors():
        if not _ready(db):
            ensure_schema(db)
        with _write_transaction(db, atomic):
            return _ingest(db, article, quotes, extractor_version, index_search, band_keys)


@contextlib.contextmanager
def _write_transaction(db: Database, atomic: bool = True) -> Iterator[None]:
    """``db.atomic()``, but holding the write lock from the start.

    A transaction that reads before it writes cannot wait for a busy writer:
    SQLite fails it at once. Taking the lock first makes it wait up to the busy timeout.
    Within an open transaction, a savepoint; none unless ``atomic``.
    """
    if db.conn.in_transaction:
        with db.atomic() if atomic else contextlib.nullcontext():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _article_row(article: Article, version: str) -> dict[str, Any]:
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "date": article.date,
        "path": article.path,
        "text": article.text,
        "extractor_version": version,
    }


def stored_article(db: Database, article: Article) -> dict[str, Any] | None:
    """The row of ``article`` in ``db``, if stored: under its id, else under another id of the same URL (else text),
    which it then keeps (:meth:`~quotetrack.records.Article.keep_id`): stored with another date, or before ids began
    with the day.

    >>> db = open_database(":memory:")
    >>> _ = ingest_article(db, Article(text="“No,” Peskov said.", url="https://example.com/a", date="2024-05-14"), [])
    >>> redated = Article(text="“No,” Peskov said.", url="https://example.com/a", date="2024-05-15")
    >>> redated.id[:4], stored_article(db, redated)["date"], redated.id[:4]
    ('4d92', '2024-05-14', '4d91')
    """
    source, id = article.source, article.id
    hashed = stable_id(source)
    # Its id, the id quotetrack gave before the day came first, or the same hash after another day: one query.
    found = list(_dict_rows(db, f"select * from articles where id in (?, ?) or {SOURCE_HASH_SQL} = ?", [id, hashed, hashed[:SOURCE_HASH_LENGTH]]))
    if not found:
        return None
    stored = next((row for row in found if row["id"] == id), None)
    if stored is None:
        stored = next((row for row in found if (row["url"] or row["text"]) == source), None)
        if stored is not None:
            article.keep_id(stored["id"])
    return stored


def stored_quote_count(db: Database, article: Article, extractor_version: str = EXTRACTOR_VERSION) -> int | None:
    """How many quotes ``article`` has in ``db`` when it is stored exactly as given (same text, same
    metadata, read by the same extractor version), else None: re-extracting it would change nothing.

    >>> db = open_database(":memory:")
    >>> article = Article(text="“No,” Peskov said.", url="https://example.com/a")
    >>> stored_quote_count(db, article) is None
    True
    >>> _ = ingest_article(db, article, [Quote(text="No,", start=1, end=4, kind="direct")])
    >>> stored_quote_count(db, article), stored_quote_count(db, article, "0.9")
    (1, None)
    """
    with _sqlite_errors():
        stored = stored_article(db, article)
        if stored is None or stored.get("date_raw") != article.date_raw:
            return None
        if any(stored[key] != value for key, value in _article_row(article, extractor_version).items()):
            return None
        return int(db.execute("select count(*) from quotes where article_id = ?", [article.id]).fetchone()[0])


def _ingest(
    db: Database, article: Article, quotes: Sequence[Quote], version: str, index_search: bool = True, band_keys: Mapping[str, Sequence[int]] | None = None,
) -> Ingest:
    stored = stored_article(db, article)  # first: the article may keep an id it is stored under
    article_row = _article_row(article, version)
    entities = EntityRows(db, [quote.speaker for quote in quotes])
    quote_rows = {row["id"]: row for row in (quote_row(entities, article, quote, version) for quote in quotes)}
    if _published(db):
        add_published_names(entities, list(quote_rows.values()))

    stored_quotes = {row["id"]: row for row in _dict_rows(db, "select * from quotes where article_id = ?", [article.id])}
    if article.date_raw is not None or (stored is not None and stored.get("date_raw") is not None):
        # Only then: a database from before the column can still take articles with readable dates.
        article_row["date_raw"] = article.date_raw
    article_changed = stored is None or any(stored[key] != value for key, value in article_row.items())
    # Compared on the extractor's columns: the statement columns belong to quotetrack.provenance.
    changed_quotes = [row for id, row in quote_rows.items() if _subset(stored_quotes.get(id), row) != row]
    gone_quotes = [id for id in stored_quotes if id not in quote_rows]
    if not (article_changed or changed_quotes or gone_quotes):
        return Ingest.UNCHANGED

    if article_changed:
        article_row["ingested_at"] = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
        _upsert(db, "articles", [article_row])
    entities.write()
    for id in gone_quotes:
        db.table("quotes").delete(id)
    if _grouped(db) and not stored_quotes:
        insert_grouped_quotes(db, article.id, changed_quotes, lambda rows: _upsert(db, "quotes", rows), entities.outlet_names, band_keys)
    else:
        if changed_quotes:
            _upsert(db, "quotes", changed_quotes)
        # A database not yet migrated to statements has its quotes grouped when it is (add_statements).
        if _grouped(db):
            previous = {row["statement_id"] for row in stored_quotes.values() if row.get("statement_id")}
            update_article_statements(db, article.id, previous)
    if index_search:
        sync_search_index(db)
    if _grouped(db):
        merge_recent_bands(db)
    return Ingest.NEW if stored is None else Ingest.UPDATED


def _subset(row: dict[str, Any] | None, like: dict[str, Any]) -> dict[str, Any] | None:
    return None if row is None else {key: row.get(key) for key in like}


def delete_article(db: Database, article_id: str) -> bool:
    """Remove an article and its quotes, updating the statements they were part of; False if it was not stored."""
    with _sqlite_errors(), _write_transaction(db):
        if next(db.query("select 1 from articles where id = ?", [article_id]), None) is None:
            return False
        touched = forget_article(db, article_id)
        db.execute("delete from quotes where article_id = ?", [article_id])
        refresh_statements(db, touched)
        db.table("articles").delete(article_id)
    return True


# -- fast paths: what sqlite-utils would write, without its per-call schema lookups ----------------------

# What each database is known to have (checked once, not on every article: a store never drops
# a table or a column, so a fact once true stays true).
_KNOWN: weakref.WeakKeyDictionary[Database, set[str]] = weakref.WeakKeyDictionary()


def _known(db: Database, fact: str, check: Callable[[], bool]) -> bool:
    """Whether ``fact`` holds for ``db``: ``check()`` until it first says yes, then remembered."""
    known = _KNOWN.setdefault(db, set())
    if fact not in known:
        if not check():
            return False
        known.add(fact)
    return True


def _ready(db: Database) -> bool:
    """Whether ``db`` has its tables."""
    return _known(db, "tables", lambda: db["articles"].exists())


def _grouped(db: Database) -> bool:
    """Whether quotes have their statement columns, i.e. the ``add_statements`` migration ran."""
    return _known(db, "statements", lambda: "statement_id" in db.table("quotes").columns_dict)


def _published(db: Database) -> bool:
    """Whether quotes carry the published names, i.e. ``published_design`` ran."""
    return _known(db, "published", lambda: "published_by" in db.table("quotes").columns_dict)


# Rows an upsert writes in one statement: a statement that fires triggers first copies each page it
# changes (to undo itself on failure), so rows written together copy the pages they share once.
UPSERT_ROWS = 32


def _upsert(db: Database, table: str, rows: Sequence[dict[str, Any]]) -> None:
    """Insert or update ``rows`` (all with the same keys) by ``id``: what sqlite-utils' ``upsert_all``
    writes, up to :data:`UPSERT_ROWS` rows a statement."""
    columns = sorted(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    updates = ", ".join(f'"{column}" = excluded."{column}"' for column in columns if column != "id")
    row_marks = f'({", ".join("?" * len(columns))})'
    for start in range(0, len(rows), UPSERT_ROWS):
        chunk = rows[start : start + UPSERT_ROWS]
        db.conn.execute(
            f'INSERT INTO "{table}" ({names}) VALUES {", ".join([row_marks] * len(chunk))} ON CONFLICT("id") DO UPDATE SET {updates}',
            [row[column] for row in chunk for column in columns],
        )


def _dict_rows(db: Database, sql: str, params: Sequence[Any]) -> Iterator[dict[str, Any]]:
    """Rows as dicts, as ``db.query`` gives them (without the savepoint it wraps every query in)."""
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))
