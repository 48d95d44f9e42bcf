"""The full-text indexes of quotes and statements, brought up to date once per transaction, not once per row.

SQLite's FTS5 (3.40) writes its pending terms out as a new index segment at the end of every
statement that touches it from inside a transaction, and each segment must later be merged.
Filled by the usual ``after insert`` trigger, each stored quote and each new statement cost a
segment of their own: about half the CPU time of inserting a quote. So the insert triggers only
note the new row in a ``<table>_fts_pending`` table, and :func:`sync_search_index` indexes the
noted rows in one statement; the store calls it at the end of every article it writes (the
ingest's :class:`~quotetrack.writer.Writer` once for all the articles of a transaction, just before
committing it; :func:`~quotetrack.store.ensure_schema` after migrations), so a committed article is
always searchable. Delete and update triggers work as before, and skip rows still pending: those
have nothing in the index yet, and are indexed with their final values.

>>> from quotetrack.store import ingest_article, open_database
>>> from quotetrack.records import Article, Quote
>>> db = open_database(":memory:")
>>> article = Article(text="“We will not back down,” the mayor said.", url="https://example.com/a")
>>> _ = ingest_article(db, article, [Quote(text="We will not back down,", start=1, end=23, kind="direct")])
>>> [row[0] for row in db.execute("select text from quotes where rowid in (select rowid from quotes_fts where quotes_fts match 'back')")]
['We will not back down,']
>>> pending_rows(db), search_index_consistent(db)
(0, True)
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from sqlite_utils import Database

__all__ = ["SEARCHED", "defer_search_index", "pending_rows", "rebuild_search_index", "search_index_consistent", "sync_search_index"]


class Searched(NamedTuple):
    """A table with a full-text index over ``columns``, kept up to date by triggers."""

    table: str
    columns: tuple[str, ...]

    @property
    def fts_table(self) -> str:
        return f"{self.table}_fts"

    @property
    def pending_table(self) -> str:
        # Named after the index so Datasette hides it with the index's own tables.
        return f"{self.table}_fts_pending"


SEARCHED = (
    Searched("quotes", ("text", "speaker_mention", "sentence")),
    Searched("statements", ("canonical_text",)),
)


def defer_search_index(db: Database) -> None:
    """Replace the tables' full-text triggers by ones that leave new rows to :func:`sync_search_index`.

    Rows inserted before are indexed already; the index itself is not rewritten.
    """
    for searched in SEARCHED:
        if not db.table(searched.fts_table).exists():
            continue
        db.execute(f"create table if not exists {searched.pending_table} (row_id integer primary key)")
        for name, sql in _triggers(searched).items():
            db.execute(f"drop trigger if exists {name}")
            db.execute(sql)


def _triggers(searched: Searched) -> dict[str, str]:
    table, index, pending = searched.table, searched.fts_table, searched.pending_table
    columns = ", ".join(searched.columns)
    old = ", ".join(f"old.{column}" for column in searched.columns)
    new = ", ".join(f"new.{column}" for column in searched.columns)
    indexed = f"not exists (select 1 from {pending} where row_id = old.rowid)"
    return {
        f"{table}_ai": f"create trigger {table}_ai after insert on {table} begin"
                       f" insert into {pending} (row_id) values (new.rowid); end",
        f"{table}_ad": f"create trigger {table}_ad after delete on {table} begin"
                       f" insert into {index} ({index}, rowid, {columns}) select 'delete', old.rowid, {old} where {indexed};"
                       f" delete from {pending} where row_id = old.rowid; end",
        f"{table}_au": f"create trigger {table}_au after update of {columns} on {table}"
                       f" when {indexed} begin"
                       f" insert into {index} ({index}, rowid, {columns}) values ('delete', old.rowid, {old});"
                       f" insert into {index} (rowid, {columns}) values (new.rowid, {new}); end",
    }


def sync_search_index(db: Database) -> None:
    """Index the rows inserted since the last call (a no-op on a database without pending tables)."""
    for searched in SEARCHED:
        if not _has_pending(db, searched):
            continue
        columns = ", ".join(searched.columns)
        db.execute(
            f"insert into {searched.fts_table} (rowid, {columns}) select rowid, {columns} from {searched.table}"
            f" where rowid in (select row_id from {searched.pending_table})"
        )
        db.execute(f"delete from {searched.pending_table}")


def rebuild_search_index(db: Database) -> None:
    """Rebuild both indexes from their tables, e.g. after a bulk load that bypassed the store."""
    for searched in SEARCHED:
        if db.table(searched.fts_table).exists():
            db.execute(f"insert into {searched.fts_table} ({searched.fts_table}) values ('rebuild')")
            if db.table(searched.pending_table).exists():
                db.execute(f"delete from {searched.pending_table}")


def pending_rows(db: Database) -> int:
    """How many rows wait to be indexed."""
    return sum(
        db.execute(f"select count(*) from {searched.pending_table}").fetchone()[0]
        for searched in SEARCHED
        if db.table(searched.pending_table).exists()
    )


def search_index_consistent(db: Database) -> bool:
    """Whether each index matches its table exactly (FTS5's integrity check against the content)."""
    for searched in SEARCHED:
        if not db.table(searched.fts_table).exists():
            continue
        try:
            db.execute(f"insert into {searched.fts_table} ({searched.fts_table}, rank) values ('integrity-check', 1)")
        except sqlite3.DatabaseError:
            return False
    return True


def _has_pending(db: Database, searched: Searched) -> bool:
    try:
        return db.execute(f"select exists (select 1 from {searched.pending_table})").fetchone()[0] == 1
    except sqlite3.OperationalError:  # no such table: a database the migration has not reached yet
        return False
