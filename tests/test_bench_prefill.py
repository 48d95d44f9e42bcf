"""The bulk prefill of `bench speed --prefill-quotes` leaves the tables its triggers would have, and the report compares stores."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from sqlite_utils import Database

from quotetrack.bench import prefill as prefill_module
from quotetrack.bench.on_top import StoreRun, archive_until
from quotetrack.bench.prefill import ARCHIVE_DAYS, ARCHIVE_UNTIL, prefill
from quotetrack.bench.speed import SpeedResult
from quotetrack.published import add_facet_pairs
from quotetrack.records import Article, Quote
from quotetrack.search_index import search_index_consistent
from quotetrack.store import ingest_article, open_database

# Low enough that a few thousand quotes have head names, whose facet pairs the triggers count as they cross it.
HEAD = 40
# The full-text indexes' segments are laid out differently when built at once: compared by their terms instead.
SEGMENT_TABLES = ("quotes_fts_data", "quotes_fts_idx", "statements_fts_data", "statements_fts_idx")


def _built(bulk: bool) -> Database:
    db = open_database(":memory:")
    add_facet_pairs(db, head_quotes=HEAD)
    article = Article(text="“We will rebuild the pier,” Mayor Ana Ruiz said.", url="https://example.com/pier", date="2016-03-01",
                      publisher="Reuters")
    ingest_article(db, article, [Quote(text="We will rebuild the pier,", start=1, end=26, kind="direct", speaker="Ana Ruiz")])
    prefill(db, 2500, bulk=bulk, head_quotes=HEAD)
    db.execute("update articles set ingested_at = null where url = 'https://example.com/pier'")
    db.execute("update _sqlite_migrations set applied_at = null")
    return db


def _rows(db: Database, table: str) -> list[str]:
    return sorted(repr(row) for row in db.execute(f"select * from [{table}]"))


def _terms(db: Database, index: str) -> list[tuple[Any, ...]]:
    db.execute(f"create virtual table if not exists temp.{index}_terms using fts5vocab(main, {index}, instance)")
    return sorted(db.execute(f"select * from temp.{index}_terms"))


@pytest.fixture(scope="module")
def built() -> dict[bool, Database]:
    with pytest.MonkeyPatch.context() as patch:
        # some keys in the big table, the newest in the recent one
        patch.setattr(prefill_module, "RECENT_KEYS_MERGED", 4000)
        patch.setattr(prefill_module, "KEYS_PER_STATEMENT", 4000)
        return {bulk: _built(bulk) for bulk in (False, True)}


def test_bulk_prefill_leaves_every_table_as_the_triggers_do(built):
    slow, fast = built[False], built[True]
    schema = "select type, name, tbl_name, sql from sqlite_master order by name"
    assert list(fast.execute(schema)) == list(slow.execute(schema))  # triggers and indexes back, as they were
    tables = [name for (name,) in slow.execute("select name from sqlite_master where type = 'table'") if name not in SEGMENT_TABLES]
    assert {"quotes", "statements", "quote_facets", "quote_facet_pairs", "speakers", "outlets", "statement_bands"} <= set(tables)
    for table in tables:
        assert _rows(fast, table) == _rows(slow, table), table
    for index in ("quotes_fts", "statements_fts"):
        assert _terms(fast, index) == _terms(slow, index)
    assert search_index_consistent(fast)


def test_prefill_writes_what_the_store_would(built):
    db = built[True]
    counts = db.execute("select count(*), count(speaker), count(published_by), sum(sort_date > '0'), count(distinct statement_id)"
                        " from quotes").fetchone()
    assert counts[:4] == (2501, 2501, 2501, 2501) and counts[4] > 1000
    assert db.execute("select count(*) from quote_facet_pairs").fetchone()[0] > 0  # heads at HEAD quotes
    recent, big = (db.execute(f"select count(*) from {table}").fetchone()[0] for table in ("statement_bands_recent", "statement_bands"))
    assert 2000 <= recent < 2000 + 2 * 24 and big > 10_000  # and the keys of the article stored before
    # in runs of a pass's keys, as an ingest leaves them, each with its filter
    runs = [run for (run,) in db.execute("select distinct run from statement_bands order by run")]
    assert len(runs) >= 3 and max(db.execute("select count(*) from statement_bands group by run").fetchall())[0] <= 4000
    assert [part for (part,) in db.execute("select part from statement_bands_filter order by cast(substr(part, 5) as integer)")] == [
        f"run {run} k8" for run in runs]
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_bulk_prefill_of_a_file_keeps_its_settings(tmp_path):
    path = tmp_path / "large.db"
    db = open_database(path)
    settings = ["journal_mode", "synchronous", "foreign_keys", "cache_size", "temp_store"]
    before = [db.execute(f"pragma {name}").fetchone()[0] for name in settings]
    assert prefill(db, 300) == 300
    assert [db.execute(f"pragma {name}").fetchone()[0] for name in settings] == before
    db.close()
    assert open_database(path).execute("select count(*) from quotes").fetchone()[0] == 300


@pytest.mark.parametrize("until", [datetime.date(2015, 11, 8), datetime.date(2025, 1, 1)])
def test_the_archive_is_dated_over_the_ten_years_before_the_articles_stored_on_top(until):
    db = open_database(":memory:")
    prefill(db, 3000, until=until)
    first, last = db.execute("select min(date), max(date) from articles").fetchone()
    assert until - datetime.timedelta(days=ARCHIVE_DAYS) <= datetime.date.fromisoformat(first)
    assert datetime.date.fromisoformat(last) < until
    assert first[:4] != last[:4]  # spread over the years, not bunched at the end
    # the quotes carry their articles' dates, into the date-ordered page indexes
    assert db.execute("select count(*) from quotes join articles on articles.id = quotes.article_id"
                      " where quotes.date != articles.date or quotes.sort_date not like articles.date || '%'").fetchone()[0] == 0


def test_the_archive_ends_the_day_of_the_earliest_article_stored_on_top():
    articles = [Article(text="", date="2016-09-07T18:30:00+00:00"), Article(text="", date=None), Article(text="", date="2015-11-08"),
                Article(text="", date="Tuesday")]
    assert archive_until(articles) == datetime.date(2015, 11, 8)
    assert archive_until([Article(text="")]) == ARCHIVE_UNTIL
    # a day with no ten years before it in the calendar is no archive's end
    assert archive_until([Article(text="", date="0003-02-01"), Article(text="", date="2016-01-04")]) == datetime.date(2016, 1, 4)


def test_report_compares_storing_on_top_with_storing_into_an_empty_database():
    result = SpeedResult(engine="rules", articles=100, quotes=1100, load_seconds=0.1, extract_seconds=0.7, store_seconds=0.8,
                         peak_rss_bytes=1, traced_peak_bytes=1, database_bytes=1, prefill_quotes=1_000_000,
                         prefill_store_seconds=1.1, prefill_pass_seconds=0.1, prefill_pass_cpu_seconds=0.05, alone_pass_seconds=0.05,
                         alone_pass_cpu_seconds=0.03, prefill_seconds=200, prefill_until="2015-11-08",
                         recent_keys=250_000, recent_load_seconds=0.3, on_top=StoreRun(1.0, 0.85, 5000), alone=StoreRun(0.8, 0.7, 1600),
                         warm_up_articles=200, on_top_cold=StoreRun(2.4, 2.2, 9000), alone_cold=StoreRun(1.1, 1.0, 3000))
    lines = {line[:12].strip(): line[12:] for line in result.report().splitlines()}
    assert lines["store"].strip().startswith("8.00 ms/article into an empty database; 11.00 ms on top of 1,000,000 quotes"
                                             " (1.29 times the 8.50 ms of the same articles' quotes stored again into an empty database, by turns")
    assert "1.00 and 0.50 ms of these the articles' share of moving LSH keys" in lines["store"]
    assert lines["CPU on top"].strip().startswith("9.00 ms/article storing on top of 1,000,000 quotes against 7.30 into an empty database:"
                                                 " 1.23 times, each with its share of the LSH key passes (0.50 and 0.30 ms);"
                                                 " without it 8.50 against 7.00, 1.21 times")
    assert lines["pages"].split() [:2] == ["50.0", "written"] and "against 16.0 into an empty database" in lines["pages"]
    assert lines["prefill"].split()[:2] == ["200", "s"] and lines["prefill"].endswith("earliest day (2015-11-08)")
    # the warm-up articles, stored first into each database, are reported apart
    assert lines["cold cache"].split()[:9] == ["11.00", "ms/article", "of", "CPU", "for", "the", "first", "200", "articles"]
    assert "against 5.00 into an empty database" in lines["cold cache"]
    # loaded once an ingest, so not charged to the articles
    assert lines["recent keys"].split()[:6] == ["0.30", "s", "loading", "its", "250,000", "recent"]


def test_the_recent_keys_loaded_before_the_clock_are_the_ones_the_store_uses(tmp_path):
    from quotetrack import extract_quotes
    from quotetrack.bench.on_top import _load_recent_keys, _stored_by_turns
    from quotetrack.provenance import lsh

    db = open_database(tmp_path / "large.db")
    prefill(db, 2500)
    assert _load_recent_keys(db) > 0
    loaded = lsh._copies[db]
    assert len(loaded.by_band) >= 1000
    text = ("“The pier will reopen to ferries by the end of May,” Mayor Ana Ruiz told reporters on Tuesday, "
            "adding that the repairs had cost the city “far more than anyone expected.”")
    article = Article(text=text, url="https://example.com/pier-reopens", date="2016-04-12", publisher="Reuters")
    [run] = _stored_by_turns([(article, extract_quotes(text))], [db])
    assert run.pages > 0
    # The store caught the copy up on its own keys instead of loading every key again.
    assert lsh._copies[db] is loaded and len(loaded.by_band) > 1000


def test_the_warm_up_leaves_the_log_as_long_as_the_articles_timed_after_it_need(tmp_path, monkeypatch):
    from pathlib import Path

    from quotetrack import extract_quotes
    from quotetrack.bench import on_top
    from quotetrack.read import read_articles
    from quotetrack.resources import data_dir

    samples = [item for item in read_articles([data_dir() / "samples"]) if isinstance(item, Article)]
    # the same texts twice, under other addresses: the articles timed write about what the warm-up wrote
    warm_up = [(article, extract_quotes(article.text)) for article in samples]
    timed = [(Article(text=article.text, url=f"{article.url}?again", date=article.date, publisher=article.publisher), quotes)
             for article, quotes in warm_up]
    logs: list[tuple[str, int]] = []
    checkpoint = on_top._timed_checkpoint

    def log_then_checkpoint(database: Database) -> StoreRun:
        path = database.execute("pragma database_list").fetchone()[2]
        logs.append((Path(path).name, Path(path + "-wal").stat().st_size))
        return checkpoint(database)

    monkeypatch.setattr(on_top, "_timed_checkpoint", log_then_checkpoint)
    monkeypatch.setattr(on_top, "TURN_ARTICLES", 2)
    result = on_top.compare_stores(timed, tmp_path, 2000, None, warm_up=warm_up)
    assert result["on_top"].pages > 0 and result["alone"].pages > 0
    # one checkpoint a database after the warm-up, one after the articles: the log held every turn's pages by then
    assert [name for name, _ in logs] == ["large.db", "alone.db", "large.db", "alone.db"]
    for warmed, stored in zip(logs[:2], logs[2:], strict=True):
        assert stored[1] <= warmed[1] * 1.2
