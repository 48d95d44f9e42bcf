"""A large database built in bulk, to time ingest on top of it: `bench speed --prefill-quotes N`.

Storing an article touches the indexes of every table it writes, and those grow with the
database; grouping its quotes reads the statements they may join. To see what that costs at a
million quotes without ingesting 80,000 articles one by one (hours), :func:`prefill` writes every
row the store and the statement grouping would have written, in bulk: articles of about 5 kB
recombined from the sample articles, quotes of 6-30 words over the samples' vocabulary (so the
full-text index has realistic words), spoken by a long tail of speakers and relayed by
gazetteer outlets, with the names and ``sort_date`` the store copies onto them, grouped into
statements of one to six appearances with their summaries, ``seen_order`` and LSH band keys
(random keys: no new quote is a near-duplicate of them), the newest half a pass's worth of them
left in the recent table, as an ingest leaves them on average.

Inserting row by row through the triggers took about an hour for a million quotes. So the rows
go in with the tables' triggers dropped, no journal and no fsync, in big batches of tuples; then
what the triggers keep (``quote_facets``, facet pairs, speaker and outlet summaries, full-text
indexes) is counted once from the rows, with the functions a migration uses
(:func:`~quotetrack.published.rebuild_summaries`, :func:`~quotetrack.search_index.rebuild_search_index`):
the same tables as the triggers leave (``bulk=False`` runs them, for the test that says so). The
indexes stay while the rows go in, so that their pages fill as an ingest fills them (see
:data:`_BUILT_INDEXES`).

>>> from quotetrack.store import open_database
>>> db = open_database(":memory:")
>>> prefill(db, 200)
200
>>> db.execute("select count(*) from quotes where statement_id is not null and speaker is not null").fetchone()[0]
200
"""

from __future__ import annotations

import datetime
import itertools
import json
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sqlite_utils import Database

from .. import lexicon
from ..facet_pairs import HEAD_QUOTES, rebuild_pairs
from ..provenance.band_filter import forget_band_filter, run_filters
from ..provenance.cluster import seen_order
from ..provenance.lsh import BANDS, RECENT_KEYS_MERGED, keep_recent_bands, next_run
from ..published import rebuild_summaries, sort_date
from ..records import Article, article_id, quote_id, stable_id
from ..resolve.names import speaker_key
from ..resolve.outlets import Outlets, outlet_row
from ..resources import data_dir
from ..search_index import rebuild_search_index, sync_search_index

__all__ = ["prefill"]

# Quotes a bulk transaction writes.
BATCH = 50_000
# LSH keys handed to SQLite in one statement (as a JSON array, which SQLite sorts by key before inserting).
KEYS_PER_STATEMENT = RECENT_KEYS_MERGED  # as the passes that move them into the big table do
# Statements first quoted by each article (with their other appearances, about 12 quotes an article).
STATEMENTS_PER_ARTICLE = 6
# How many appearances a statement has: most are quoted once, some by several articles.
APPEARANCES = [1, 2, 3, 4, 5, 6]
APPEARANCE_WEIGHTS = [55, 20, 11, 7, 4, 3]
# The articles' dates: the ten years before a day (by default, a database's dates end in 2024).
ARCHIVE_DAYS = 3652
ARCHIVE_UNTIL = datetime.date(2025, 1, 1)
# The tables written: their triggers and secondary indexes are set aside during a bulk load.
_TABLES = ("articles", "quotes", "statements", "statement_bands", "speakers", "outlets")
# The indexes built once at the end rather than kept as rows go in. Only this one, which an ingest fills in
# order too (a pass moves the keys of statements newer than any before): an index built at once has every page
# full, where one grown by inserts in random order has them about two thirds full. Stored on top of full pages,
# an article splits them: 101 pages written an article at a million quotes (24 of them new) against 76 (12 new)
# on the indexes grown as the rows went in (the 300 first PolNeAR train articles).
_BUILT_INDEXES = ("statement_bands_statement",)
# The page cache (KiB) while building: the indexes the quotes are inserted into.
_BUILD_CACHE_KIB = 1_048_576

_ARTICLE_COLUMNS = ("id", "url", "title", "publisher", "date", "path", "text", "extractor_version", "ingested_at")
_QUOTE_COLUMNS = ("id", "article_id", "speaker_id", "via_outlet_id", "publisher", "publisher_outlet_id", "text", "start", "end",
                  "kind", "cue", "speaker_mention", "sentence", "confidence", "date", "extractor_version", "speaker_start",
                  "speaker_end", "speaker_method", "statement_id", "variant", "seen_order", "speaker", "via_outlet",
                  "published_by", "sort_date")
_STATEMENT_COLUMNS = ("id", "canonical_text", "canonical_quote_id", "speaker_id", "first_seen", "first_quote_id", "first_article_id",
                      "first_publisher", "first_publisher_outlet_id", "first_via_outlet_id", "articles", "outlets", "quotes",
                      "speakers", "variants", "has_variants", "has_different_speakers")


def _insert_sql(table: str, columns: Sequence[str], verb: str = "insert") -> str:
    return f'{verb} into {table} ({", ".join(f"[{column}]" for column in columns)}) values ({", ".join("?" * len(columns))})'


def prefill(db: Database, quotes: int, *, seed: int = 7, samples: Sequence[Article] = (),
            progress: Callable[[int], None] | None = None, bulk: bool = True, head_quotes: int = HEAD_QUOTES,
            until: datetime.date = ARCHIVE_UNTIL) -> int:
    """Add ``quotes`` quotes (with their articles, speakers, outlets and statements) to ``db``; how many were written.

    The articles are dated over the ten years before ``until``.

    With ``bulk`` (the default), triggers, indexes, journal and fsync are off while the rows go in,
    so ``db`` should be a throwaway database (a failure leaves it unusable); without, every row goes
    through the triggers as the store's do. ``head_quotes`` is the threshold of ``db``'s facet pair
    triggers (:func:`~quotetrack.published.add_facet_pairs`), for tests that lower it.
    """
    world = _World(random.Random(seed), quotes, samples, until)
    saved = _BulkLoad(db) if bulk else None
    with db.conn:
        db.conn.executemany("insert or ignore into speakers (id, name, kind) values (?, ?, 'person')",
                            [(stable_id(speaker_key(name)), name) for name in world.speakers])
        db.table("outlets").insert_all(world.outlets, pk="id", ignore=True)
    world.learn_names(db)
    article_number = db.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
    first_statement = statement_id = db.execute("select coalesce(max(id), 0) from statements").fetchone()[0]
    made = 0
    while made < quotes:
        batch = _Batch(world)
        while len(batch.quotes) < BATCH and made + len(batch.quotes) < quotes:
            article_number += 1
            batch.article(article_number)
            for _ in range(STATEMENTS_PER_ARTICLE):
                room = quotes - made - len(batch.quotes)
                if room <= 0:
                    break
                statement_id += 1
                batch.statement(statement_id, room)
        with db.conn:
            batch.write(db)
            if saved is None:
                sync_search_index(db)
        made += len(batch.quotes)
        if progress is not None:
            progress(made)
    with db.conn:
        _add_band_keys(db, range(first_statement + 1, statement_id + 1), seed)
        forget_band_filter(db)  # keys put in the big table directly, as a new run: its filter is built below
        if saved is not None:
            saved.build_indexes()
            rebuild_summaries(db)
            if head_quotes != HEAD_QUOTES:
                rebuild_pairs(db, head_quotes)
            rebuild_search_index(db)
        keep_recent_bands(db, RECENT_KEYS_MERGED // 2)
        run_filters(db)
        if saved is not None:
            saved.create_triggers()
    if saved is not None:
        saved.restore_settings()
    return made


class _BulkLoad:
    """The triggers of the tables written and the :data:`_BUILT_INDEXES`, dropped until put back; no journal, no fsync,
    no foreign key checks (the rows are made consistent), a large page cache and sorting in memory."""

    SETTINGS = ("foreign_keys", "synchronous", "cache_size", "temp_store", "journal_mode")

    def __init__(self, db: Database):
        self.db = db
        self.settings = {name: db.execute(f"PRAGMA {name}").fetchone()[0] for name in self.SETTINGS}
        marks = ", ".join("?" * len(_TABLES))
        self.indexes = [row for row in db.execute(
            f"select name, sql from sqlite_master where type = 'index' and name in ({', '.join('?' * len(_BUILT_INDEXES))})",
            _BUILT_INDEXES)]
        self.triggers = [row for row in db.execute(
            f"select name, sql from sqlite_master where type = 'trigger' and tbl_name in ({marks})", _TABLES)]
        for pragma in ("foreign_keys = OFF", "synchronous = OFF", f"cache_size = -{_BUILD_CACHE_KIB}", "temp_store = MEMORY",
                       "journal_mode = OFF"):
            db.execute(f"PRAGMA {pragma}")
        with db.conn:
            for name, _ in self.triggers:
                db.execute(f"drop trigger [{name}]")
            for name, _ in self.indexes:
                db.execute(f"drop index [{name}]")

    def build_indexes(self) -> None:
        for _, sql in self.indexes:
            self.db.execute(sql)

    def create_triggers(self) -> None:
        for _, sql in self.triggers:
            self.db.execute(sql)

    def restore_settings(self) -> None:
        for name in reversed(self.SETTINGS):
            self.db.execute(f"PRAGMA {name} = {self.settings[name]}")


def _add_band_keys(db: Database, statements: range, seed: int) -> None:
    """:data:`~quotetrack.provenance.lsh.BANDS` random keys for each of ``statements``, in runs of :data:`KEYS_PER_STATEMENT`
    keys appended to the big table, each in key order, as the passes of an ingest leave them (24 runs at a million quotes)."""
    keys = np.random.default_rng(seed).integers(-(1 << 63), (1 << 63) - 1, size=len(statements) * BANDS, dtype=np.int64, endpoint=True)
    first_run = next_run(db)
    for start in range(0, len(keys), KEYS_PER_STATEMENT):
        run = first_run + start // KEYS_PER_STATEMENT
        # key number i is statement start + i // BANDS's
        db.execute(f"insert or ignore into statement_bands (run, band, statement_id) select {run}, value, {statements.start} + ({start} + key) / {BANDS}"
                   " from json_each(?) order by value", [json.dumps(keys[start:start + KEYS_PER_STATEMENT].tolist())])


class _World:
    """What the rows are drawn from: the samples' paragraphs and words, speakers with a long tail, gazetteer outlets."""

    def __init__(self, rng: random.Random, quotes: int, samples: Sequence[Article], until: datetime.date = ARCHIVE_UNTIL):
        self.rng = rng
        self.until = until
        if not samples:
            from ..read import read_articles

            samples = [item for item in read_articles([data_dir() / "samples"]) if isinstance(item, Article)]
        self.paragraphs = [block.strip() for sample in samples for block in re.split(r"\n\s*\n", sample.text) if block.strip()]
        self.vocabulary = [word for paragraph in self.paragraphs for word in re.findall(r"[A-Za-z][a-z'’-]+", paragraph)]
        self.speakers = _speakers(rng, max(200, quotes // 25))
        self.speaker_ids = [stable_id(speaker_key(name)) for name in self.speakers]
        # A long tail: the n-th speaker is quoted about 1/n as often as the first.
        self.speaker_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.speakers))))
        self.outlets = [row for row in (outlet_row(name, known_only=True) for name in sorted(Outlets.load().outlets)) if row]
        self.publishers = self.outlets[: max(1, len(self.outlets) // 2)]
        self.names: dict[str, str] = {}

    def learn_names(self, db: Database) -> None:
        """The speakers' and outlets' names as stored (a name stored before is kept), which the quotes carry."""
        self.names = dict(db.execute("select id, name from speakers union all select id, name from outlets"))


def _speakers(rng: random.Random, count: int) -> list[str]:
    first_names = sorted(lexicon.MALE_NAMES | lexicon.FEMALE_NAMES)
    syllables = ["ka", "lo", "mi", "ren", "sta", "vo", "tri", "del", "an", "por", "gu", "sel", "ni", "ber", "ul", "ze", "ov", "son"]
    names: set[str] = set()
    while len(names) < count:
        surname = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        names.add(f"{rng.choice(first_names)} {surname}")
    return sorted(names)


class _Batch:
    """Rows for one bulk transaction, as tuples in the order of the ``_*_COLUMNS``; the articles of the batch
    are the quotes' pending articles."""

    def __init__(self, world: _World) -> None:
        self.world = world
        self.articles: list[tuple[Any, ...]] = []
        self.quotes: list[tuple[Any, ...]] = []
        self.statements: list[tuple[Any, ...]] = []
        # (article id, its rowid, date, publisher's name, its outlet id)
        self.pending: list[tuple[str, int, str, str, str]] = []

    def article(self, number: int) -> None:
        rng, paragraphs = self.world.rng, self.world.paragraphs
        publisher = rng.choice(self.world.publishers)
        chosen: list[str] = []
        target = rng.lognormvariate(8.45, 0.45)  # about 4.7 kB median, 5.2 kB mean
        length = 0
        while length < target:
            chosen.append(rng.choice(paragraphs))
            length += len(chosen[-1]) + 2
        date = (self.world.until - datetime.timedelta(days=1 + rng.randrange(ARCHIVE_DAYS))).isoformat()
        url = f"https://prefill.invalid/{number}"
        id = article_id(url, date)
        self.articles.append((id, url, f"Story {number}", publisher["name"], date, None, "\n\n".join(chosen), "prefill",
                              "2024-01-01T00:00:00+00:00"))
        self.pending.append((id, number, date, publisher["name"], publisher["id"]))

    def statement(self, statement_id: int, room: int) -> None:
        world = self.world
        rng, names = world.rng, world.names
        words = rng.choices(world.vocabulary, k=rng.randint(6, 30))
        text = " ".join(words).capitalize() + "."
        speaker_number = rng.choices(range(len(world.speakers)), cum_weights=world.speaker_weights)[0]
        speaker, speaker_id = world.speakers[speaker_number], world.speaker_ids[speaker_number]
        appearances = min(room, rng.choices(APPEARANCES, APPEARANCE_WEIGHTS)[0])
        rows = []
        for number in range(appearances):
            article_id, rowid, date, publisher, publisher_id = self.pending[rng.randrange(len(self.pending))] if number else self.pending[-1]
            variant = "unchanged" if number == 0 or rng.random() < 0.7 else "truncated"
            quoted = text if variant == "unchanged" else " ".join(words[: max(4, len(words) * 2 // 3)])
            start = rng.randrange(0, 4000)
            via = rng.choice(world.outlets)["id"] if rng.random() < 0.15 else None
            id = quote_id(article_id, start, start + len(quoted), "direct")
            rows.append((
                id, article_id, speaker_id, via, publisher, publisher_id, quoted, start, start + len(quoted),
                "direct", "said", speaker, f"“{quoted}” {speaker} said.", 0.9, date, "prefill", start + len(quoted) + 3,
                start + len(quoted) + 3 + len(speaker), "name", statement_id, variant, seen_order(date, rowid, start),
                names[speaker_id], names.get(via) if via else None, names.get(publisher_id) or publisher, sort_date(date, id)))
        self.quotes += rows
        first = min(rows, key=lambda row: row[21])  # seen_order
        variants = sum(row[20] != "unchanged" for row in rows)
        self.statements.append((
            statement_id, text, rows[0][0], speaker_id, first[14], first[0], first[1], first[4], first[5], first[3],
            len({row[1] for row in rows}), len({row[4] for row in rows}), len(rows), 1, variants, int(variants > 0), 0))

    def write(self, db: Database) -> None:
        db.conn.executemany(_insert_sql("articles", _ARTICLE_COLUMNS, "insert or ignore"), self.articles)
        db.conn.executemany(_insert_sql("statements", _STATEMENT_COLUMNS), self.statements)
        # Published quotes may share an id (two statements at one position of one article): keep the first.
        db.conn.executemany(_insert_sql("quotes", _QUOTE_COLUMNS, "insert or ignore"), self.quotes)
