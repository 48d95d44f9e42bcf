"""A Bloom filter over the big LSH key table (``statement_bands``): which of an article's keys may be in it.

At a million quotes the table holds 12 million keys, and looking one up reads a page of its own
(about 4 µs: most of the table lies past the 2 GB SQLite maps, so each is a read call); a new
quote's 24 keys are nearly all in no statement. The filter answers for them in memory, and only
the keys it may hold are looked up (:func:`~.lsh.stored_by_band`). It is told of every key the table
gets (:func:`~.lsh.merge_recent_bands`), so a key it says is absent is absent; a key removed from
the table stays set in it, which costs a lookup, never a miss.

It is kept in the database (``statement_bands_filter``, 10 bits a key), with the number of keys the
table had when it was last told: a writer that finds another number (keys added by something that
did not tell it) builds it again from the table before using it.

>>> keys = np.array([11, -12, 2**62 + 13], dtype=np.int64)
>>> found = BandFilter.sized(len(keys)); found.add(keys)
>>> found.may_hold(keys).tolist()
[True, True, True]
>>> int(found.may_hold(np.arange(1000, 11000, dtype=np.int64)).sum()) < 50  # about 1 in 500 at this fill
True
"""

from __future__ import annotations

import dataclasses
import sqlite3
import weakref

import numpy as np
from sqlite_utils import Database

__all__ = ["FILTER_TABLE", "BandFilter", "band_filter", "create_band_filter", "filter_keys_added", "filter_keys_removed", "filter_unsaved",
           "forget_band_filter", "save_band_filter"]

FILTER_TABLE = "statement_bands_filter"
BITS_PER_KEY = 10
HASHES = 4
MIN_BITS = 1 << 20
_MIX = np.uint64(0x9E3779B97F4A7C15)
_READ_ROWS = 1 << 16


@dataclasses.dataclass
class BandFilter:
    """The bits (64 a word), the number of keys the table had when last told, and whether the database holds both."""

    words: np.ndarray
    keys: int = 0
    saved: bool = True

    @classmethod
    def sized(cls, keys: int) -> BandFilter:
        """An empty filter with room for twice ``keys`` keys at :data:`BITS_PER_KEY` bits each (a power of two)."""
        bits = MIN_BITS
        while bits < 2 * BITS_PER_KEY * keys:
            bits *= 2
        return cls(np.zeros(bits // 64, dtype=np.uint64))

    @property
    def capacity(self) -> int:
        return len(self.words) * 64 // BITS_PER_KEY

    def _positions(self, keys: np.ndarray) -> np.ndarray:
        """The :data:`HASHES` bits of each key (double hashing of the key, which is a mixed hash already)."""
        first = np.asarray(keys, dtype=np.int64).view(np.uint64)
        with np.errstate(over="ignore"):
            step = ((first * _MIX) >> np.uint64(29)) | np.uint64(1)
            rounds = np.arange(HASHES, dtype=np.uint64).reshape(-1, 1)
            return (first + rounds * step) & np.uint64(len(self.words) * 64 - 1)

    def add(self, keys: np.ndarray) -> None:
        positions = self._positions(keys).ravel()
        np.bitwise_or.at(self.words, positions >> np.uint64(6), np.uint64(1) << (positions & np.uint64(63)))

    def may_hold(self, keys: np.ndarray) -> np.ndarray:
        """For each key, False when it is certainly not in the table."""
        positions = self._positions(keys)
        return (((self.words[positions >> np.uint64(6)] >> (positions & np.uint64(63))) & np.uint64(1)) == 1).all(axis=0)


@dataclasses.dataclass
class _Loaded:
    version: int  # the connection's PRAGMA data_version when loaded: another connection's commit changes it
    found: BandFilter


_loaded: weakref.WeakKeyDictionary[Database, _Loaded] = weakref.WeakKeyDictionary()


def create_band_filter(db: Database) -> None:
    """Create the filter's table and build it from the keys in ``statement_bands`` (a migration)."""
    db.execute(f"create table if not exists {FILTER_TABLE} (part text primary key, value not null)")
    _rebuild(db)


def band_filter(db: Database) -> BandFilter | None:
    """The filter of ``db``'s big key table; None in a database without one (not yet migrated).

    Loaded once, and again after another connection's commit; built again when the table holds
    another number of keys than it was told of. Keys put in the table on this connection other than
    through :func:`~.lsh.merge_recent_bands` must be followed by :func:`forget_band_filter`.
    """
    version = db.execute("pragma data_version").fetchone()[0]
    loaded = _loaded.get(db)
    if loaded is not None and loaded.version == version:
        return loaded.found
    try:
        parts = dict(db.execute(f"select part, value from {FILTER_TABLE}").fetchall())
    except sqlite3.OperationalError:  # a database from before the filter, not yet migrated
        return None
    if "words" not in parts:
        return None
    found = BandFilter(np.frombuffer(parts["words"], dtype=np.uint64).copy(), int(parts["keys"]))
    if found.keys != _table_keys(db):
        found = _rebuild(db)
    _loaded[db] = _Loaded(version, found)
    return found


def forget_band_filter(db: Database) -> None:
    """Load the filter again on next use (after a rollback, which takes back what it was told)."""
    _loaded.pop(db, None)


def filter_keys_added(db: Database, found: BandFilter, keys: np.ndarray, inserted: int, *, save: bool = True) -> None:
    """Tell ``found`` (:func:`band_filter`, asked before the insert) of ``keys`` just put in the big table, ``inserted`` of them new
    rows; written to the database unless ``save`` is False, which leaves that to :func:`save_band_filter`."""
    found.keys += inserted
    if found.keys > found.capacity:
        _loaded[db].found = _rebuild(db)
        return
    found.add(keys)
    if save:
        _save(db, found, words=True)
    else:
        found.saved = False


def filter_keys_removed(db: Database, found: BandFilter, removed: int) -> None:
    """Tell ``found`` (asked before the delete) that ``removed`` rows left the big table (their bits stay set: a lookup, never a miss)."""
    if removed > 0:
        found.keys -= removed
        # The count alone, unless bits wait to be saved: a count saved with older bits would pass them as current.
        _save(db, found, words=not found.saved)


def save_band_filter(db: Database) -> None:
    """Write the filter to the database if keys it was told of since are not there yet (see :func:`filter_keys_added`).

    An ingest saves it once at its end rather than at each pass (32 MB at a million quotes, a fifth of a
    pass); should it stop before, the count the database holds is not the table's, and the next writer
    builds the filter again from the table.
    """
    if not filter_unsaved(db):
        return
    found = band_filter(db)  # the same, unless another connection wrote since: then loaded (or built) afresh
    if found is not None and not found.saved:
        _save(db, found, words=True)


def filter_unsaved(db: Database) -> bool:
    """Whether ``db``'s filter in memory holds keys the database's copy does not (:func:`save_band_filter` has work)."""
    loaded = _loaded.get(db)
    return loaded is not None and not loaded.found.saved


def _table_keys(db: Database) -> int:
    return int(db.execute("select count(*) from statement_bands").fetchone()[0])


def _rebuild(db: Database) -> BandFilter:
    keys = _table_keys(db)
    found = BandFilter.sized(keys)
    cursor = db.execute("select band from statement_bands")
    while rows := cursor.fetchmany(_READ_ROWS):
        found.add(np.array(rows, dtype=np.int64).ravel())
    found.keys = keys
    _save(db, found, words=True)
    return found


def _save(db: Database, found: BandFilter, *, words: bool) -> None:
    # Two rows: the count changes on its own without rewriting the bits.
    if words:
        db.execute(f"insert or replace into {FILTER_TABLE} (part, value) values ('words', ?)", [found.words.tobytes()])
        found.saved = True
    db.execute(f"insert or replace into {FILTER_TABLE} (part, value) values ('keys', ?)", [found.keys])
