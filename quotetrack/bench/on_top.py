"""Storing the same articles on top of a large database and into an empty one, by turns (``bench speed --prefill-quotes``).

>>> _total([StoreRun(1.0, 0.5, 10), StoreRun(2.0, 1.5, 30)])
StoreRun(wall_seconds=3.0, cpu_seconds=2.0, pages=40)
"""

from __future__ import annotations

import contextlib
import datetime
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..records import Article, Quote

if TYPE_CHECKING:
    from sqlite_utils import Database

# Stored before the articles timed on top of the large database (and into the empty one): other articles
# of the same source (the corpus's next ones, or other synthetic ones). The first articles of an ingest
# there fill SQLite's page cache with the upper pages of every index, which a long ingest pays once, not
# per article (measured at a million quotes: 7.4-8.7 ms of CPU an article for the first 300 PolNeAR
# articles, 5.0-5.7 for the next 300).
WARM_UP_ARTICLES = 300
# The articles timed on top of the large database and into the empty one go into the two by turns, this many at a time.
TURN_ARTICLES = 50


@dataclass(frozen=True)
class StoreRun:
    """Extracted articles stored once (as ``ingest`` stores them): wall and CPU seconds, writing the pages
    into the database file included (a checkpoint after), and the pages written (write-ahead log frames)."""

    wall_seconds: float
    cpu_seconds: float
    pages: int


def compare_stores(extracted: list[tuple[Article, list[Quote]]], folder: Path, quotes: int,
                    progress: Callable[[str], None] | None, warm_up: Sequence[tuple[Article, list[Quote]]] = ()) -> dict[str, Any]:
    """The :class:`SpeedResult` fields of storing ``extracted`` on top of a database first filled with ``quotes``
    quotes, and into an empty database. Into each, ``warm_up`` is stored first (:data:`WARM_UP_ARTICLES`), by turns
    too, timed apart; then the articles go into the two by turns, :data:`TURN_ARTICLES` at a time, so that the machine's
    drift (a fifth from one minute to the next here) falls on both alike.

    In both, the articles are also charged their share of the passes that move recent LSH keys to the big
    table (one every :data:`~..provenance.lsh.RECENT_KEYS_MERGED` keys): a pass is timed after the store and
    charged by the keys the articles added (:func:`_timed_pass_share`).

    The large database's quotes are dated before the articles (:func:`archive_until`): a desk's archive grows by the
    day's news, whose dates go at the end of the date-ordered indexes rather than among pages all over them."""
    from ..store import open_database
    from .prefill import prefill

    started = time.perf_counter()
    db = open_database(folder / "large.db")
    empty = open_database(folder / "alone.db")
    try:
        until = archive_until([article for article, _ in [*warm_up, *extracted]])
        prefill(db, quotes, progress=(lambda made: progress(f"prefilled {made:,} of {quotes:,} quotes")) if progress else None, until=until)
        built = time.perf_counter() - started
        recent_keys = _recent_count(db)
        recent_load = _load_recent_keys(db)
        _load_recent_keys(empty)
        on_top_cold, alone_cold = _stored_by_turns(list(warm_up), [db, empty])
        order = [("on top", db), ("alone", empty)]
        recent_before = {name: _recent_count(database) for name, database in order}
        on_top, alone = _stored_by_turns(extracted, [db, empty])
        # A pass during the store is in its time already: only the keys added since are charged.
        added_by = {name: _added(recent_before[name], _recent_count(database)) for name, database in order}
        on_top_pass, alone_pass = (_timed_pass_share(database, added_by[name]) for name, database in order)
    finally:
        db.close()
        empty.close()
    cold = {"warm_up_articles": len(warm_up), "on_top_cold": on_top_cold, "alone_cold": alone_cold} if warm_up else {}
    return {"prefill_store_seconds": on_top.wall_seconds + on_top_pass.wall_seconds, "prefill_pass_seconds": on_top_pass.wall_seconds,
            "prefill_pass_cpu_seconds": on_top_pass.cpu_seconds, "alone_pass_seconds": alone_pass.wall_seconds,
            "alone_pass_cpu_seconds": alone_pass.cpu_seconds, "prefill_seconds": built, "prefill_until": until.isoformat(), "on_top": on_top, "alone": alone,
            "recent_keys": recent_keys, "recent_load_seconds": recent_load, **cold}


def _stored_by_turns(extracted: list[tuple[Article, list[Quote]]], databases: list[Database]) -> list[StoreRun]:
    """Store ``extracted`` into each of ``databases`` by turns of :data:`TURN_ARTICLES`, each first in every other
    turn, then checkpoint each once (:func:`_timed_checkpoint`): the runs of each, added up.

    Stored one database after the other, the one stored first was mostly slower in the turns after (two copies of
    one database in one process: up to 8 %). One checkpoint for all the turns, as an ingest's come every 10,000
    pages or so: so the warm-up also leaves the log as large as the as many articles after it need, as an ingest's
    is after its first checkpoints. (Checkpointed every turn, the warm-up left the log a turn's pages long: the
    articles timed after it grew it again, six times at a million quotes, and ext4 zeroes each new block first.)"""
    runs: list[list[StoreRun]] = [[] for _ in databases]
    for turn, first in enumerate(range(0, len(extracted), TURN_ARTICLES)):
        order = list(enumerate(databases))
        for number, database in order[:: 1 if turn % 2 == 0 else -1]:
            runs[number].append(_timed_store(extracted[first : first + TURN_ARTICLES], database))
    return [_total([*each, _timed_checkpoint(database)]) for each, database in zip(runs, databases, strict=True)]


def archive_until(articles: Sequence[Article]) -> datetime.date:
    """The day the large database's dates end: the earliest of ``articles``' dates, so that they are news added to an
    archive of the years before, as a desk's ingest adds them (the default end of the prefill's dates if none is dated).

    >>> archive_until([Article(text="", date="2016-03-02T10:00:00"), Article(text="", date="2015-11-08"), Article(text="")])
    datetime.date(2015, 11, 8)
    """
    from .prefill import ARCHIVE_DAYS, ARCHIVE_UNTIL

    earliest = datetime.date.min + datetime.timedelta(days=ARCHIVE_DAYS + 1)  # a day with ten years before it
    days = []
    for article in articles:
        with contextlib.suppress(TypeError, ValueError):
            days.append(datetime.date.fromisoformat((article.date or "")[:10]))
    return min((day for day in days if day >= earliest), default=ARCHIVE_UNTIL)


def _added(before: int, after: int) -> int:
    """The recent keys added between two counts, ``after`` itself if a pass moved them all in between.

    >>> _added(250_000, 322_000), _added(499_000, 70_000)
    (72000, 70000)
    """
    return after - before if after >= before else after


def _recent_count(db: Database) -> int:
    return int(db.execute("select count(*) from statement_bands_recent").fetchone()[0])


def _timed_pass_share(db: Database, added: int) -> StoreRun:
    """A pass moving ``db``'s recent LSH keys to the big table (as a new run), timed with the checkpoint writing its pages,
    and charged by the share of the keys it moved that ``added`` are (its cost goes with the keys moved, whatever the
    table's size, so an empty database's articles pay the same share of the passes to come); its pages are not counted."""
    from ..provenance.lsh import merge_recent_bands
    from ..store import _write_transaction

    share = added / max(_recent_count(db), 1)
    wall, cpu = time.perf_counter(), time.process_time()
    with _write_transaction(db):  # as in an ingest, whose writer's transaction a pass is part of
        merge_recent_bands(db, at_least=0)
    db.execute("PRAGMA wal_checkpoint(RESTART)")
    return StoreRun((time.perf_counter() - wall) * share, (time.process_time() - cpu) * share, 0)


def _total(runs: Sequence[StoreRun]) -> StoreRun:
    """The runs' times and pages added up."""
    return StoreRun(sum(run.wall_seconds for run in runs), sum(run.cpu_seconds for run in runs), sum(run.pages for run in runs))


def _load_recent_keys(db: Database) -> float:
    """Load the writing connection's copy of the recent LSH keys (:func:`~..provenance.lsh.recent_by_band`) and the
    big key table's filters (:func:`~..provenance.band_filter.run_filters`), as an ingest's first article does: once,
    whatever the number of articles after it, so timed apart from them; its seconds."""
    from ..provenance.band_filter import run_filters
    from ..provenance.lsh import recent_by_band
    from ..store import _write_transaction

    # The writer keeps temporary tables in memory: set first, since changing it drops them, and the copy's
    # generation with them (see recent_by_band).
    db.execute("PRAGMA temp_store = MEMORY")
    started = time.perf_counter()
    with _write_transaction(db):  # the copy is kept only within a transaction, as the writer's
        recent_by_band(db)
        run_filters(db)
    return time.perf_counter() - started


def _timed_store(extracted: list[tuple[Article, list[Quote]]], database: Database) -> StoreRun:
    """Store ``extracted`` into ``database`` as an ingest does, timed.

    Automatic checkpoints are off, so that the write-ahead log holds every page written, for a later
    :func:`_timed_checkpoint` to write them into the file, timed, and count them (none are counted here).
    """
    from ..ingestion import extractor_version, store_extracted
    from ..parallel import fewer_collections

    database.execute("PRAGMA wal_autocheckpoint = 0")
    wall, cpu = time.perf_counter(), time.process_time()
    with fewer_collections():  # as ingest_articles does
        store_extracted(extracted, database, version=extractor_version("rules"))
    return StoreRun(time.perf_counter() - wall, time.process_time() - cpu, 0)


def _timed_checkpoint(database: Database) -> StoreRun:
    """Write the pages in the write-ahead log into the file, timed, with their number; automatic checkpoints back on.

    The log is restarted, not truncated, as an ingest's automatic checkpoints leave it: the next pages are written over
    the log's old ones, where writing a truncated log's new blocks has the file system zero each first (about 4 µs
    of CPU a page here, against 2)."""
    from ..store import WAL_CHECKPOINT_PAGES

    wall, cpu = time.perf_counter(), time.process_time()
    frames = database.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()[1]
    run = StoreRun(time.perf_counter() - wall, time.process_time() - cpu, max(frames, 0))
    database.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
    return run
