"""Candidate statements for a quote: MinHash LSH over word pairs, with the bands kept in SQLite.

datasketch computes a MinHash signature of a quote's word pairs (2-shingles of lightly
stemmed words); the signature is cut into ``BANDS`` bands of ``ROWS`` values, each band
hashed to one 64-bit key. Two texts whose word-pair sets overlap with Jaccard similarity
J share at least one key with probability 1 - (1 - J**2)**BANDS: 0.98 at J = 0.4, 0.79 at
J = 0.25. The keys live in SQLite, not in memory, so the index grows with the database
and costs nothing at start-up (an in-memory MinHashLSH needs about 1 GB for 200k texts).

Keys are random by nature, so each one written into a big index lands on a page of its
own: at a million quotes (12 million keys) an article's new keys dirtied about 240 pages,
three quarters of what it wrote. New keys therefore go to ``statement_bands_recent``, and are
moved to ``statement_bands`` in one pass once it holds :data:`RECENT_KEYS_MERGED` of them: sorted,
as a new run appended to the big table, each run with its own Bloom filter (:mod:`.band_filter`).
Lookups read both tables, and in the big one only the runs whose filter may hold a key. The
recent table is kept in the order keys are added (by statement, so a new statement's keys are
appended: a page or two an article); the connection storing looks them up by band in a copy of
it in memory (:func:`recent_by_band`), never written to the file.

>>> keys = band_keys("We will not back down on the shelter budget.")
>>> len(keys), len(set(keys) & set(band_keys("“We will not back down on the shelter budget,”")))
(24, 24)
>>> len(set(keys) & set(band_keys("The library will close on Sundays from next month.")))
0
"""

from __future__ import annotations

import collections
import dataclasses
import hashlib
import importlib
import itertools
import sqlite3
import threading
import weakref
from collections.abc import Callable, Collection, Mapping, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlite_utils import Database

from .band_filter import FILTER_TABLE, add_run_filter, create_filter_table, forget_band_filter, keys_of_text, run_filters
from .key_table import Held, KeyTable
from .words import shingles, stemmed_words

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = [
    "BANDS", "RECENT_KEYS_MERGED", "ROWS", "add_band_pairs", "add_bands", "append_recent_bands", "band_keys", "band_keys_of", "band_runs", "candidates", "create_band_tables",
    "forget_recent_band_count", "keep_recent_bands", "merge_recent_bands", "next_run", "recent_by_band", "remove_bands", "stored_by_band",
]

BANDS = 24
ROWS = 2
SEED = 20240514
SCHEME = "affine32"
# Odd constants that spread the band number over the key, so equal values in two bands differ.
_BAND_MIX = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
# About 2,000 real articles' new keys. Fewer make the passes over the big index more frequent; more make
# the small table's own pages too many to stay few per commit (measured at 1,000,000 quotes: about 60
# pages an article written for the keys, passes included, against 240 with one table), the copy of the
# recent keys in memory larger and `trace`'s scan of the recent table longer (750,000 measured no
# cheaper per article at a million quotes: 0.8-1.1 ms of passes an article against 0.95-1.0).
RECENT_KEYS_MERGED = 500_000
# Keys in each open database's recent table, counted once a connection and kept up to date from there.
_recent_keys: weakref.WeakKeyDictionary[Database, int] = weakref.WeakKeyDictionary()


@cache
def _template() -> MinHash:
    from datasketch import MinHash  # here, not at the top: it loads scipy (0.7 s), which `--help` need not wait for

    # The scheme named, not left to datasketch's default: stored band keys must stay valid across its versions.
    return MinHash(num_perm=BANDS * ROWS, seed=SEED, scheme=SCHEME)


def band_keys(text: str) -> list[int]:
    """The ``BANDS`` LSH keys of ``text`` (signed 64-bit, as SQLite stores integers)."""
    return list(_band_keys(text))


_scratch = threading.local()


def _fresh_minhash() -> MinHash:
    """A MinHash as new, made once per thread and reset on each use: building one costs more than hashing a quote."""
    template = _template()
    minhash = getattr(_scratch, "minhash", None)
    if minhash is None:
        minhash = _scratch.minhash = type(template)(num_perm=BANDS * ROWS, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.hashvalues = template.hashvalues.copy()  # the template is never updated: its values are a new MinHash's
    return minhash


@lru_cache(maxsize=16384)
def _band_keys(text: str) -> tuple[int, ...]:
    minhash = _fresh_minhash()
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(stemmed_words(text))])
    return _keys(minhash.hashvalues.reshape(1, BANDS * ROWS))[0]


def band_keys_of(texts: Sequence[str]) -> list[list[int]]:
    """:func:`band_keys` of each of ``texts``, computed together: datasketch's MinHash (scheme affine32) over
    all their word pairs at once, since on a quote at a time its per-call work costs more than the hashing.

    >>> texts = ["We will not back down on the shelter budget.", "No", "", "The library will close on Sundays."]
    >>> band_keys_of(texts) == [band_keys(text) for text in texts]
    True
    """
    hashes: list[int] = []
    ends = []
    for text in texts:
        hashes += map(_sha1_hash32, shingles(stemmed_words(text)))
        ends.append(len(hashes))
    signatures = np.tile(_template().hashvalues, (len(texts), 1))
    if hashes:
        a, b = _template().permutations
        with np.errstate(over="ignore"):
            permuted = _fmix32(np.array(hashes, dtype=np.uint32).reshape(-1, 1)) * a + b
        starts = np.array([0, *ends[:-1]])
        filled = starts < np.array(ends)
        signatures[filled] = np.minimum(signatures[filled], np.minimum.reduceat(permuted, starts[filled], axis=0))
    return [list(keys) for keys in _keys(signatures)]


@lru_cache(maxsize=65536)  # word pairs recur ("he said", "of the"): half of them are found here
def _sha1_hash32(shingle: str) -> int:
    """datasketch's default hash function (``sha1_hash32``) of the shingle's UTF-8: the first four bytes of its SHA-1 digest."""
    return int.from_bytes(_sha1(shingle.encode("utf-8")).digest()[:4], "little")


def _builtin_sha1() -> Callable[[bytes], Any]:
    """CPython's own SHA-1, the same digests as OpenSSL's (hashlib's) without its setup on each call: 3,000
    instructions a shingle instead of 5,200; hashlib's where a build leaves it out."""
    try:
        return importlib.import_module("_sha1").sha1
    except ImportError:
        return hashlib.sha1


_sha1 = _builtin_sha1()


def _fmix32(values: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finalizer datasketch's affine32 scheme applies to each hash (``datasketch.minhash._fmix``)."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def _keys(signatures: np.ndarray) -> list[tuple[int, ...]]:
    """The band keys of each row of MinHash ``signatures``: two values a band, in one 64-bit number mixed with the band."""
    values = signatures.astype(np.uint64).reshape(-1, BANDS, ROWS)
    keys = ((values[:, :, 0] << np.uint64(32)) | values[:, :, 1]) ^ _BAND_MIX
    return [tuple(row) for row in keys.view(np.int64).tolist()]


def create_band_tables(db: Database) -> None:
    """Create the two key tables, their indexes by statement and the table of the runs' filters, if missing."""
    db.execute(f"create table if not exists statement_bands {_RUN_TABLE}")
    create_filter_table(db)
    db.execute("create index if not exists statement_bands_statement on statement_bands (statement_id)")
    db.execute(f"create table if not exists statement_bands_recent ({_RECENT_COLUMNS})")
    db.execute(f"create unique index if not exists {_RECENT_INDEX} on statement_bands_recent (statement_id, band)")


# The big table in runs, each appended at its end: see the module's docstring.
_RUN_TABLE = ("(run integer not null, band integer not null, statement_id integer not null,"
              " primary key (run, band, statement_id)) without rowid")


def band_runs(db: Database) -> None:
    """Lay ``statement_bands`` out in runs, its keys so far the first, each run with its filter (a migration)."""
    from .band_filter import create_band_filter

    columns = db.table("statement_bands").columns_dict if db.table("statement_bands").exists() else {}
    if columns and "run" not in columns:
        db.execute(f"create table statement_bands_runs {_RUN_TABLE}")
        db.execute("insert into statement_bands_runs select 0, band, statement_id from statement_bands order by band, statement_id")
        db.execute("drop table statement_bands")  # and its index by statement
        db.execute("alter table statement_bands_runs rename to statement_bands")
    create_band_tables(db)
    db.execute(f"delete from {FILTER_TABLE} where part not like 'run %'")  # the one filter of the whole table before
    create_band_filter(db)


# The recent keys in the order they are added: with an index by band (their first layout) each new key
# landed on a page of its own, about 30 pages an article written at a million quotes.
_RECENT_COLUMNS = "band integer not null, statement_id integer not null"
_RECENT_INDEX = "statement_bands_recent_key"


def append_recent_bands(db: Database) -> None:
    """Lay ``statement_bands_recent`` out in the order keys are added, if it is still ordered by band (a migration)."""
    sql = db.execute("select sql from sqlite_master where name = 'statement_bands_recent'").fetchone()
    if sql is None or "without rowid" not in sql[0].lower():
        create_band_tables(db)
        return
    db.execute(f"create table statement_bands_recent_appended ({_RECENT_COLUMNS})")
    db.execute("insert into statement_bands_recent_appended select band, statement_id from statement_bands_recent order by statement_id, band")
    db.execute("drop table statement_bands_recent")  # and its index by statement
    db.execute("alter table statement_bands_recent_appended rename to statement_bands_recent")
    create_band_tables(db)
    _drop_copy(db)


# The copy of the recent keys by band (a :class:`~.key_table.KeyTable`) in this process, never written to any
# file. It holds the table's rows up to rowid ``last`` and catches up on the rows added since when next read. A
# rollback takes back rows it may hold, so every change to it also writes a new ``generation`` to a temporary
# table of the connection, which the rollback takes back too: a copy whose generation is not the table's is
# filled again. (A temporary table holding the copy, filled row by row, cost about 0.6 M instructions an article
# more, 3 % of storing one.)
_GENERATION = "statement_bands_recent_generation"
_generations = itertools.count(1)


@dataclasses.dataclass
class _RecentCopy:
    version: int  # the connection's PRAGMA data_version when filled: another connection's commit changes it
    generation: int
    last: int = 0
    by_band: KeyTable = dataclasses.field(default_factory=KeyTable)


_copies: weakref.WeakKeyDictionary[Database, _RecentCopy] = weakref.WeakKeyDictionary()


def recent_by_band(db: Database) -> KeyTable | None:
    """The recent keys by band, each with its statement or statements (:data:`Held`), while ``db`` is in a
    transaction (storing): a copy in memory, filled on first use and again after a rollback or another
    connection's commit; else None, and lookups scan the recent table itself (a few tens of milliseconds
    at :data:`RECENT_KEYS_MERGED` keys, for ``trace``).

    >>> db = Database(memory=True); create_band_tables(db)
    >>> recent_by_band(db) is None
    True
    >>> with db.conn:
    ...     add_bands(db, 7, [11, 12])
    ...     print(dict(sorted(recent_by_band(db).items())))
    ...     add_bands(db, 8, [12])
    ...     print(dict(sorted(recent_by_band(db).items())))
    {11: 7, 12: 7}
    {11: 7, 12: (7, 8)}
    >>> try:
    ...     with db.conn:
    ...         add_bands(db, 9, [13]) or recent_by_band(db) and 1 / 0
    ... except ZeroDivisionError:
    ...     pass
    >>> with db.conn:
    ...     add_bands(db, 10, [14])
    ...     sorted(recent_by_band(db))
    [11, 12, 14]
    """
    if not db.conn.in_transaction:
        return None
    version = db.execute("pragma data_version").fetchone()[0]
    try:
        generation = db.execute(f"select generation from temp.{_GENERATION}").fetchone()[0]
    except sqlite3.OperationalError:  # never made, or made by a transaction that was rolled back
        db.execute(f"create temp table {_GENERATION} (generation integer not null)")
        db.execute(f"insert into temp.{_GENERATION} values (0)")
        generation = 0
    copy = _copies.get(db)
    if copy is None or copy.version != version or copy.generation != generation:
        copy = _copies[db] = _RecentCopy(version, generation)
    rows = db.execute("select rowid, band, statement_id from statement_bands_recent where rowid > ? order by rowid", [copy.last]).fetchall()
    if rows:
        # (not zip(*rows): unpacking 400,000 rows as arguments took longer than adding them)
        copy.by_band.add([row[1] for row in rows], [row[2] for row in rows])
        copy.last = rows[-1][0]
        copy.generation = next(_generations)
        db.execute(f"update temp.{_GENERATION} set generation = ?", [copy.generation])
    return copy.by_band


def _drop_copy(db: Database) -> None:
    _copies.pop(db, None)


def candidates(
    db: Database, keys: Sequence[int], limit: int = 50, also: Mapping[int, Collection[int]] | None = None,
    recent: Mapping[int, Held] | None = None, stored: Mapping[int, Collection[int]] | None = None,
) -> list[int]:
    """Statements sharing a band with ``keys``, those sharing most first (then the oldest); ``also``:
    keys not yet written (band to statements), looked up with the stored ones; ``recent``: what
    :func:`recent_by_band` said, when nothing was written to the recent table since; ``stored``
    (with ``recent``): what :func:`stored_by_band` said of these keys, read with others before.

    >>> db = Database(memory=True); create_band_tables(db)
    >>> add_bands(db, 1, band_keys("The port will reopen to ferries on Monday morning."))
    >>> add_bands(db, 2, band_keys("The port will reopen to ferries on Monday, officials said."))
    >>> candidates(db, band_keys("The port will reopen to ferries on Monday morning."))
    [1, 2]
    >>> with db.conn:
    ...     candidates(db, band_keys("The port will reopen to ferries on Monday morning."))
    [1, 2]
    >>> merge_recent_bands(db, at_least=1), candidates(db, band_keys("The port will reopen to ferries on Monday."))
    (48, [1, 2])
    >>> keys = band_keys("The port will reopen to ferries on Monday.")
    >>> candidates(db, keys, also={keys[0]: [3], keys[1]: [3, 2]})
    [1, 2, 3]
    >>> with db.conn:
    ...     candidates(db, keys, recent=recent_by_band(db), stored=stored_by_band(db, keys), also={keys[0]: [3], keys[1]: [3, 2]})
    [1, 2, 3]
    """
    recent = recent if recent is not None else recent_by_band(db)
    if isinstance(recent, KeyTable):
        recent = recent.found(keys)
    # A key can be in both tables (a statement gaining a quote of the same words): each counted once.
    found = _pairs_found(keys, stored if stored is not None and recent is not None else stored_by_band(db, keys))
    if recent is None:
        marks = ",".join("?" * len(keys))
        found.update(db.execute(f"select band, statement_id from statement_bands_recent where band in ({marks})", keys).fetchall())
    else:
        found |= _pairs_found(keys, recent)
    if also:
        found |= _pairs_found(keys, also)
    if not found:
        return []
    shared = collections.Counter(statement_id for _, statement_id in found)
    return sorted(shared, key=lambda statement_id: (-shared[statement_id], statement_id))[:limit]


def _pairs_found(keys: Sequence[int], by_band: Mapping[int, Held | Collection[int]]) -> set[tuple[int, int]]:
    """``(key, statement_id)`` for each of ``keys`` in ``by_band``: most keys are in none, and are passed over in C."""
    found = set()
    for key in set(filter(by_band.__contains__, keys)):
        held = by_band[key]
        if isinstance(held, int):
            found.add((key, held))
        else:
            found.update((key, statement_id) for statement_id in held)
    return found


def stored_by_band(db: Database, keys: Collection[int]) -> dict[int, list[int]]:
    """The statements under each of ``keys`` in the big table (``statement_bands``), read at once for
    :func:`candidates`'s ``stored``: an article's quotes look up their keys together, one query in place of one each.

    >>> db = Database(memory=True); create_band_tables(db)
    >>> add_bands(db, 1, [11, 12]); add_bands(db, 2, [12]); merge_recent_bands(db, at_least=1)
    3
    >>> stored_by_band(db, [12, 13])
    {12: [1, 2]}
    """
    found: dict[int, list[int]] = {}
    if not keys:
        return found
    pairs = [(run, key) for run, held in run_filters(db).runs_holding(np.fromiter(keys, dtype=np.int64, count=len(keys)))
             for key in held.tolist()]
    for start in range(0, len(pairs), _KEYS_READ // 2):
        chunk = pairs[start : start + _KEYS_READ // 2]
        # One query for every run: a join, since SQLite reads (run, band) IN (VALUES ...) by scanning the table.
        rows = db.execute(f"select s.band, s.statement_id from (values {','.join(['(?, ?)'] * len(chunk))}) as wanted cross join statement_bands s"
                          " on s.run = wanted.column1 and s.band = wanted.column2", [value for pair in chunk for value in pair])
        for band, statement_id in rows:
            statements = found.setdefault(band, [])
            if statement_id not in statements:  # in two runs: a statement gaining a quote of the same words after a pass
                statements.append(statement_id)
    return found


# Keys read by one query (SQLite takes at most 32,766 values in one since 3.32).
_KEYS_READ = 30_000


def add_bands(db: Database, statement_id: int, keys: list[int]) -> None:
    """Index ``statement_id`` under ``keys`` (already indexed keys are kept)."""
    add_band_pairs(db, [(key, statement_id) for key in keys])


def add_band_pairs(db: Database, pairs: list[tuple[int, int]]) -> None:
    """Index each ``(key, statement_id)`` of ``pairs`` (already indexed ones are kept)."""
    cursor = db.conn.executemany("insert or ignore into statement_bands_recent (band, statement_id) values (?, ?)", pairs)
    if db in _recent_keys:
        _recent_keys[db] += max(cursor.rowcount, 0)


def forget_recent_band_count(db: Database) -> None:
    """Count the recent keys afresh on next use, and load the big table's filter again (after a rollback,
    which takes back keys counted as added)."""
    _recent_keys.pop(db, None)
    forget_band_filter(db)


def remove_bands(db: Database, statement_id: int) -> None:
    """Forget the keys of ``statement_id`` (a statement left without quotes)."""
    _delete_stored_keys(db, "statement_id = ?", statement_id)
    db.execute("delete from statement_bands_recent where statement_id = ?", [statement_id])
    _drop_copy(db)  # filled again on next use, and again if this is rolled back (a rare case)


def merge_recent_bands(db: Database, at_least: int | None = None) -> int:
    """Move the recent keys to the big table, as its next run, if there are ``at_least`` (:data:`RECENT_KEYS_MERGED`) of them; how many were moved."""
    at_least = RECENT_KEYS_MERGED if at_least is None else at_least
    if db not in _recent_keys:
        _recent_keys[db] = db.execute("select count(*) from statement_bands_recent").fetchone()[0]
    if _recent_keys[db] < at_least:
        return 0
    moved = _recent_keys[db]
    if moved:
        run = next_run(db)
        keys = _recent_band_keys(db)
        db.execute("insert into statement_bands select ?, band, statement_id from statement_bands_recent order by band, statement_id", [run])
        add_run_filter(db, run, keys)
        _drop_copy(db)
        db.execute("delete from statement_bands_recent")
    _recent_keys[db] = 0
    return int(moved)


def next_run(db: Database) -> int:
    """The number the big table's next run takes (0 in an empty table)."""
    return int(db.execute("select coalesce(max(run) + 1, 0) from statement_bands").fetchone()[0])


def keep_recent_bands(db: Database, keys: int) -> int:
    """Put the keys of the newest statements, ``keys`` of them or a few more, back in the recent table; how many.

    A database filled in bulk (``bench speed --prefill-quotes``) has every key in the big table;
    one grown by ingest has on average half of :data:`RECENT_KEYS_MERGED` still recent.
    """
    newest = db.execute(
        "select statement_id from statement_bands order by statement_id desc limit 1 offset ?", [max(keys - 1, 0)]
    ).fetchone()
    after = newest[0] - 1 if newest else -1
    db.execute("insert or ignore into statement_bands_recent select band, statement_id from statement_bands where statement_id > ?", [after])
    _delete_stored_keys(db, "statement_id > ?", after)
    _recent_keys.pop(db, None)
    _drop_copy(db)
    return int(db.execute("select count(*) from statement_bands_recent").fetchone()[0])


def _delete_stored_keys(db: Database, where: str, value: int) -> None:
    """Delete the big table's keys ``where`` says (their runs' filters keep them: a lookup, never a miss)."""
    db.execute(f"delete from statement_bands where {where}", [value])


def _recent_band_keys(db: Database) -> np.ndarray:
    """Every key in the recent table (:data:`RECENT_KEYS_MERGED` before a pass): from the copy in memory when
    storing (a tenth of the time), else read as one text (a third of the time of reading rows)."""
    copy = recent_by_band(db)
    if copy is not None:
        return copy.key_array()
    joined = db.execute("select group_concat(band, ' ') from statement_bands_recent").fetchone()[0]
    return keys_of_text(joined)
