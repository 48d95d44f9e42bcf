"""Opening SQLite files safely: foreign files refused untouched, read-only media opened immutable, a
new file's switch to WAL waiting for another creator, and sqlite3 errors as one-line ``StoreError`` s.

>>> from sqlite_utils import Database
>>> is_quotetrack_database(Database(memory=True)) is None
True
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from sqlite_utils import Database

from .errors import StoreError
from .schema import MIGRATIONS

__all__ = ["enable_wal", "is_quotetrack_database", "open_read_only", "pending_layout_updates", "read_only_location", "refuse_foreign", "sqlite_errors"]


def enable_wal(db: Database, timeout: float) -> None:
    """Switch a new database to WAL, waiting for another process creating it at the same moment.

    SQLite answers a journal-mode change on a locked file with "locked" at once, without its busy
    timeout, so two first ingests into one new file would fail: retry until ``timeout`` has passed.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.enable_wal()
            return
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "") not in ("SQLITE_BUSY", "SQLITE_LOCKED") or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def is_quotetrack_database(db: Database) -> bool | None:
    """True for a quotetrack store (old ones from before migrations included), None for an empty file, else False."""
    tables = set(db.table_names())
    if not tables:
        return None
    if "_sqlite_migrations" in tables and db.execute(
        "select 1 from _sqlite_migrations where migration_set = ? limit 1", [MIGRATIONS.name]
    ).fetchone():
        return True
    # Written before quotetrack used migrations: recognised by the columns it always had.
    if {"articles", "quotes"} <= tables:
        return {"id", "text", "url"} <= set(db["articles"].columns_dict) and {"article_id", "start", "end", "kind"} <= set(
            db["quotes"].columns_dict
        )
    return False


def refuse_foreign(db: Database) -> None:
    if is_quotetrack_database(db) is False:
        shown = ", ".join(sorted(db.table_names())[:3])
        raise StoreError(f"not a quotetrack database (it holds other tables: {shown}); give a new file or a quotetrack database")


def open_read_only(path: Path, timeout: float) -> Database:
    """Open without writing anything, not even WAL side files.

    SQLite's read-only mode still needs to create the ``-shm`` and ``-wal`` files of a WAL database;
    in a folder we may not write to (or a file we may not write), the database is opened immutable.
    """
    if not path.is_file():
        raise StoreError("no such database file")
    with sqlite_errors():
        immutable = read_only_location(path)
        db = Database(sqlite3.connect(f"{path.resolve().as_uri()}?{'immutable=1' if immutable else 'mode=ro'}", uri=True, timeout=timeout))
        try:
            quotetrack = is_quotetrack_database(db)
        except sqlite3.OperationalError as error:
            # The side files of a WAL database could not be made after all (another user's folder).
            if immutable or getattr(error, "sqlite_errorname", "") not in ("SQLITE_CANTOPEN", "SQLITE_READONLY"):
                raise
            db.close()
            db = Database(sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, timeout=timeout))
            quotetrack = is_quotetrack_database(db)
        missing = {"articles", "quotes"} - set(db.table_names()) or {"quotes_view"} - set(db.view_names())
    if missing or quotetrack is False:
        db.close()
        found = f"no {', '.join(sorted(missing))}" if missing else "it holds other tables"
        raise StoreError(f"not a quotetrack database ({found}); run `quotetrack ingest` first")
    return db


def read_only_location(path: str | os.PathLike[str]) -> bool:
    """Whether SQLite could not write beside ``path`` (its folder or the file itself is read-only).

    Such a database must be opened immutable: nothing else can be writing to it either.
    """
    path = Path(path)
    return not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))


_SQLITE_MESSAGES = {
    "SQLITE_BUSY": "database is locked by another process; try again when it has finished",
    "SQLITE_LOCKED": "database is locked by another process; try again when it has finished",
    "SQLITE_READONLY": "database is read-only",
    "SQLITE_CANTOPEN": "cannot open the database file",
    "SQLITE_NOTADB": "not an SQLite database",
    "SQLITE_CORRUPT": "database file is corrupt",
    "SQLITE_FULL": "disk is full",
}


@contextlib.contextmanager
def sqlite_errors() -> Iterator[None]:
    """Turn sqlite3 errors into a StoreError with a message a user can act on."""
    try:
        yield
    except sqlite3.Error as error:
        name = getattr(error, "sqlite_errorname", "") or ""
        message = next(
            (text for prefix, text in _SQLITE_MESSAGES.items() if name.startswith(prefix)),
            str(error).splitlines()[0] if str(error) else type(error).__name__,
        )
        raise StoreError(message) from error


def pending_layout_updates(path: str | os.PathLike[str]) -> list[str]:
    """The migrations opening the database at ``path`` for writing would apply first: none for a new
    file, an up-to-date one, or a file that is not a quotetrack database (opening it says why).

    >>> pending_layout_updates("no-such.db")
    []
    """
    path = Path(path)
    if str(path) == ":memory:" or not path.is_file() or path.stat().st_size == 0:
        return []
    try:
        db = open_read_only(path, timeout=1.0)
    except (StoreError, sqlite3.Error):
        return []
    try:
        return [migration.name for migration in MIGRATIONS.pending(db)]
    except sqlite3.Error:
        return []
    finally:
        db.close()
