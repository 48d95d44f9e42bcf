"""Bloom filters over the big LSH key table (``statement_bands``): which of its runs may hold each of an article's keys.

The big table is a sequence of runs: each pass (:func:`~.lsh.merge_recent_bands`) appends the recent keys,
sorted, as a new run at the end of the table, so a pass writes only the new run's pages (inserting them
among the 12 million keys of a million quotes dirtied every page of the index, and cost five times the CPU).
A key is looked up only in the runs whose filter may hold it (:func:`~.lsh.stored_by_band`): a new quote's
24 keys are nearly all in none. A run's filter is written with it, in the same transaction, and never
changes: a key deleted from a run stays set in its filter, which costs a lookup, never a miss. A run
without one (keys written in bulk) gets one built from its keys when the filters are loaded.

>>> keys = np.array([11, -12, 2**62 + 13], dtype=np.int64)
>>> found = BandFilter.sized(len(keys)); found.add(keys)
>>> found.may_hold(keys).tolist()
[True, True, True]
>>> int(found.may_hold(np.arange(1000, 11000, dtype=np.int64)).sum()) < 10  # about 1 in 2,000 when full
True
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
import weakref

import numpy as np
from sqlite_utils import Database

__all__ = ["FILTER_TABLE", "BandFilter", "RunFilters", "add_run_filter", "create_band_filter", "create_filter_table", "forget_band_filter",
           "keys_of_text", "run_filters", "stored_runs"]

FILTER_TABLE = "statement_bands_filter"
BITS_PER_KEY = 16
# Eight bits a key: an absent key passes a run's filter about once in 2,000 (four let one in 400 through, and
# at 24 runs an article's 240 keys made 14 needless lookups); the bits after the first few are asked of few keys.
HASHES = 8
MIN_BITS = 1 << 12
_MIX = np.uint64(0x9E3779B97F4A7C15)
_READ_ROWS = 1 << 18
# Filters up to this size are filled a byte a bit (16 MB at most; a pass's keys make 8 million bits), larger ones in place.
_BYTE_SET_BITS = 1 << 24
_ROUNDS = np.arange(HASHES, dtype=np.uint64).reshape(-1, 1)


def _hashes(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first bit and the step of each key's :data:`HASHES` bits (double hashing of the key, a mixed hash already)."""
    first = np.asarray(keys, dtype=np.int64).view(np.uint64)
    with np.errstate(over="ignore"):
        return first, ((first * _MIX) >> np.uint64(29)) | np.uint64(1)


def _positions(first: np.ndarray, step: np.ndarray, bits: int) -> np.ndarray:
    with np.errstate(over="ignore"):
        return (first + _ROUNDS * step) & np.uint64(bits - 1)


@dataclasses.dataclass
class BandFilter:
    """The bits of one run's filter, 64 a word (a power of two of them)."""

    words: np.ndarray

    @classmethod
    def sized(cls, keys: int) -> BandFilter:
        """An empty filter with at least :data:`BITS_PER_KEY` bits for each of ``keys`` keys (a power of two)."""
        bits = MIN_BITS
        while bits < BITS_PER_KEY * keys:
            bits *= 2
        return cls(np.zeros(bits // 64, dtype=np.uint64))

    @property
    def capacity(self) -> int:
        return len(self.words) * 64 // BITS_PER_KEY

    def add(self, keys: np.ndarray) -> None:
        bits = len(self.words) * 64
        if bits > _BYTE_SET_BITS:
            positions = _positions(*_hashes(keys), bits).ravel()
            np.bitwise_or.at(self.words, positions >> np.uint64(6), np.uint64(1) << (positions & np.uint64(63)))
            return
        # A byte a bit, set by plain indexing and packed at the end: a third of the time of OR-ing each bit into its
        # word (ufunc.at), which made a pass's filter 0.8 µs a key at a million quotes, a quarter of the pass.
        flags = np.unpackbits(self.words.view(np.uint8), bitorder="little")
        position, step = _hashes(keys)
        position = position.copy()
        with np.errstate(over="ignore"):
            for _ in range(HASHES):
                flags[position & np.uint64(bits - 1)] = 1
                position += step
        self.words[:] = np.packbits(flags, bitorder="little").view(np.uint64)

    def may_hold(self, keys: np.ndarray) -> np.ndarray:
        """For each key, False when it is certainly not in the run."""
        return self._may_hold(*_hashes(keys))

    def _may_hold(self, first: np.ndarray, step: np.ndarray) -> np.ndarray:
        positions = _positions(first, step, len(self.words) * 64)
        return (((self.words[positions >> np.uint64(6)] >> (positions & np.uint64(63))) & np.uint64(1)) == 1).all(axis=0)


@dataclasses.dataclass
class _Slices:
    """Up to :data:`_SLICE_RUNS` filters of one size, sliced by bit: word ``p`` has bit ``j`` set when run ``runs[j]``'s
    filter has bit ``p``. A key's bits are then read once for all those runs, each a word of its own, instead of once a
    run (a cache miss each: 24 runs made an article's lookups cost four times those of one run)."""

    runs: list[int]
    bits: np.ndarray

    def add(self, run: int, found: BandFilter) -> None:
        self.bits |= np.unpackbits(found.words.view(np.uint8), bitorder="little").astype(np.uint32) << np.uint32(len(self.runs))
        self.runs.append(run)


_SLICE_RUNS = 32
# The largest filter sliced (a pass's keys make 8 million bits): a slice has four bytes a bit.
_SLICE_BITS = 1 << 24


@dataclasses.dataclass
class RunFilters:
    """The filter of each run of the big key table, by run.

    >>> first, second = BandFilter.sized(10), BandFilter.sized(10)
    >>> first.add(np.array([5, 6])); second.add(np.array([6]))
    >>> filters = RunFilters({0: first, 1: second})
    >>> [(run, keys.tolist()) for run, keys in filters.runs_holding(np.array([5, 6, 7]))]
    [(0, [5, 6]), (1, [6])]
    """

    by_run: dict[int, BandFilter]
    _slices: list[_Slices] = dataclasses.field(default_factory=list)
    _large: list[int] = dataclasses.field(default_factory=list)  # runs whose filters are too large to slice, asked one by one

    def __post_init__(self) -> None:
        for run, found in sorted(self.by_run.items()):
            self._slice(run, found)

    def add(self, run: int, found: BandFilter) -> None:
        """Take the filter of ``run``, its keys all added (its bits are sliced now)."""
        again = run in self.by_run  # a run number used again, its keys all deleted before: its old bits go
        self.by_run[run] = found
        if again:
            self._slices, self._large = [], []
            self.__post_init__()
        else:
            self._slice(run, found)

    def _slice(self, run: int, found: BandFilter) -> None:
        size = len(found.words) * 64
        if size > _SLICE_BITS:  # a run written in bulk (the keys from before runs: 268 million bits at a million quotes)
            self._large.append(run)
            return
        room = next((slices for slices in self._slices if len(slices.bits) == size and len(slices.runs) < _SLICE_RUNS), None)
        if room is None:
            room = _Slices([], np.zeros(size, dtype=np.uint32))
            self._slices.append(room)
        room.add(run, found)

    def runs_holding(self, keys: np.ndarray) -> list[tuple[int, np.ndarray]]:
        """Each run that may hold some of ``keys``, with those keys."""
        first, step = _hashes(keys)
        held: dict[int, list[int]] = {}
        for run in self._large:
            if (found_at := np.flatnonzero(self.by_run[run]._may_hold(first, step)).tolist()):
                held[run] = found_at
        for slices in self._slices:
            # Every bit of every key read at once, then the words of each key AND-ed: asking each key its next bit only
            # while some run had all before read fewer words, in eight rounds of numpy calls that cost more (0.20 ms
            # an article's 250 keys at 24 runs, against 0.15).
            runs_of = np.bitwise_and.reduce(slices.bits[_positions(first, step, len(slices.bits))], axis=0)
            alive = np.flatnonzero(runs_of)
            for index, runs in zip(alive.tolist(), runs_of[alive].tolist(), strict=True):
                for slot, run in enumerate(slices.runs):
                    if runs >> slot & 1:
                        held.setdefault(run, []).append(index)
        return [(run, keys[held[run]]) for run in sorted(held)]


@dataclasses.dataclass
class _Loaded:
    version: int  # the connection's PRAGMA data_version when loaded: another connection's commit changes it
    filters: RunFilters


_loaded: weakref.WeakKeyDictionary[Database, _Loaded] = weakref.WeakKeyDictionary()


def create_filter_table(db: Database) -> None:
    """Create the table of the runs' filters, if missing."""
    db.execute(f"create table if not exists {FILTER_TABLE} (part text primary key, value not null)")


def keys_of_text(joined: str | None) -> np.ndarray:
    """LSH keys read from SQLite as one text (``group_concat(band, ' ')``): a third of the time of reading rows.

    >>> keys_of_text("12 -7"), keys_of_text(None)
    (array([12, -7]), array([], dtype=int64))
    """
    return np.fromstring(joined, dtype=np.int64, sep=" ") if joined else np.empty(0, dtype=np.int64)


def create_band_filter(db: Database) -> None:
    """Make the filter of each run of the big key table that has none (a migration)."""
    forget_band_filter(db)
    run_filters(db)


def run_filters(db: Database) -> RunFilters:
    """The filters of ``db``'s big key table, loaded once and again after another connection's commit.

    A run the table holds without a filter gets one, built from its keys (and saved unless ``db`` is read-only).
    Keys put in the table on this connection other than through :func:`~.lsh.merge_recent_bands` must be
    followed by :func:`forget_band_filter`.
    """
    version = db.execute("pragma data_version").fetchone()[0]
    loaded = _loaded.get(db)
    if loaded is not None and loaded.version == version:
        return loaded.filters
    try:
        parts = dict(db.execute(f"select part, value from {FILTER_TABLE} where part like 'run %'").fetchall())
    except sqlite3.OperationalError:  # a database from before the filters, not yet migrated
        parts = {}
    filters = RunFilters({})
    for run in stored_runs(db):
        words = parts.get(_part(run))
        filters.add(run, BandFilter(np.frombuffer(words, dtype=np.uint64).copy()) if words is not None else _build(db, run))
    _loaded[db] = _Loaded(version, filters)
    return filters


def add_run_filter(db: Database, run: int, keys: np.ndarray) -> None:
    """Make and save the filter of ``run``, just written to the big table with ``keys``."""
    found = BandFilter.sized(len(keys))
    found.add(keys)
    _save(db, run, found)
    loaded = _loaded.get(db)
    if loaded is not None:
        loaded.filters.add(run, found)


def forget_band_filter(db: Database) -> None:
    """Load the filters again on next use (after a rollback, which takes back runs they were told of)."""
    _loaded.pop(db, None)


def stored_runs(db: Database) -> list[int]:
    """The runs in the big key table, in order (a few index lookups, not a scan)."""
    runs: list[int] = []
    row = db.execute("select min(run) from statement_bands").fetchone()
    while row[0] is not None:
        runs.append(row[0])
        row = db.execute("select min(run) from statement_bands where run > ?", [row[0]]).fetchone()
    return runs


def _part(run: int) -> str:
    """The filter's row: its run, and its number of hashes (a filter made with another number is made again)."""
    return f"run {run} k{HASHES}"


def _build(db: Database, run: int) -> BandFilter:
    keys = db.execute("select count(*) from statement_bands where run = ?", [run]).fetchone()[0]
    found = BandFilter.sized(keys)
    last = None
    while True:  # the keys in slices, each read as one text: 12 million in 3 s, against 8 s read as rows
        after = "" if last is None else " and band > ?"
        joined, last = db.execute(f"select group_concat(band, ' '), max(band) from (select band from statement_bands where run = ?{after}"
                                  f" order by band limit {_READ_ROWS})", [run] + ([] if last is None else [last])).fetchone()
        if joined is None:
            return _saved(db, run, found)
        found.add(keys_of_text(joined))


def _saved(db: Database, run: int, found: BandFilter) -> BandFilter:
    try:
        with contextlib.nullcontext() if db.conn.in_transaction else db.conn:  # on its own, the save commits at once
            _save(db, run, found)
    except sqlite3.OperationalError:  # a read-only connection (``trace``): kept in memory
        pass
    return found


def _save(db: Database, run: int, found: BandFilter) -> None:
    db.execute(f"delete from {FILTER_TABLE} where part = ? or part like ?", [f"run {run}", f"run {run} %"])  # made before, or otherwise
    db.execute(f"insert into {FILTER_TABLE} (part, value) values (?, ?)", [_part(run), found.words.tobytes()])
