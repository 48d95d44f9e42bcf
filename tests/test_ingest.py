"""The ingest use case (quotetrack.ingestion): counts, re-ingest, errors, and one path for CLI and bench."""

import sqlite3

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack import ingestion, writer
from quotetrack.bench.speed import run_speed
from quotetrack.cli import app
from quotetrack.errors import StoreError
from quotetrack.ingestion import IngestResult, batch_size_for, ingest, ingest_articles
from quotetrack.records import Article, Quote
from quotetrack.store import open_store

FERRY = """Title: Ferry service cut
URL: https://example.com/ferry
Outlet: Coastal Times
Date: 2024-02-20

“We simply do not have the crews,” operations manager Lina Berg said on Monday.
Passengers said the cuts would leave island schools short of teachers.
"""

LIBRARY = """Title: Library reopens
URL: https://example.com/library

“It is the heart of the town,” librarian Omar Haddad told the Coastal Times.
"""


@pytest.fixture
def folder(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (news / "library.txt").write_text(LIBRARY, encoding="utf-8")
    return news


def table_counts(path) -> dict[str, int]:
    db = Database(path)
    return {table: db[table].count for table in ("articles", "quotes")}


def test_counts_on_first_ingest(folder, tmp_path):
    result = ingest([folder], tmp_path / "q.db", engine="rules")
    assert (result.new, result.updated, result.unchanged, result.skipped) == (2, 0, 0, [])
    assert result.articles == 2
    assert result.quotes == table_counts(tmp_path / "q.db")["quotes"] >= 3
    assert result.summary() == f"Ingested 2 articles (2 new, 0 unchanged), {result.quotes} quotes"


def test_reingest_is_idempotent(folder, tmp_path):
    first = ingest([folder], tmp_path / "q.db", engine="rules")
    rows = list(Database(tmp_path / "q.db").query("select * from quotes order by id"))
    again = ingest([folder], tmp_path / "q.db", engine="rules")
    assert (again.new, again.updated, again.unchanged, again.quotes) == (0, 0, 2, first.quotes)
    assert list(Database(tmp_path / "q.db").query("select * from quotes order by id")) == rows


class FixedExtractor:
    """An extractor whose answer the test chooses, to change extraction between runs."""

    engine = "rules"

    def __init__(self, quotes_per_article: int):
        self.count = quotes_per_article

    def extract(self, article: Article) -> list[Quote]:
        return [Quote(text=article.text[i : i + 1], start=i, end=i + 1, kind="direct") for i in range(self.count)]

    def extract_many(self, articles):
        for article in articles:
            yield article, self.extract(article)


def test_changed_extraction_counts_as_updated(tmp_path):
    articles = [Article(text="One two three.", url="https://example.com/1")]
    ingest_articles(articles, tmp_path / "q.db", extractor=FixedExtractor(2))
    # Same text, same extractor version: not extracted again, so the changed extractor is not asked.
    result = ingest_articles(articles, tmp_path / "q.db", extractor=FixedExtractor(1))
    assert (result.new, result.updated, result.unchanged, result.quotes) == (0, 0, 1, 2)
    result = ingest_articles(articles, tmp_path / "q.db", extractor=FixedExtractor(1), force=True)
    assert (result.new, result.updated, result.unchanged, result.quotes) == (0, 1, 0, 1)
    assert table_counts(tmp_path / "q.db") == {"articles": 1, "quotes": 1}


def test_an_open_store_is_used_and_left_open(tmp_path):
    with open_store(tmp_path / "q.db") as store:
        ingest_articles([Article(text="“Yes,” Ana said.")], store, engine="rules")
        ingest_articles([Article(text="“No,” Ben said.")], store, engine="rules")
        assert store.counts()["articles"] == 2


def test_skips_and_progress(folder, tmp_path):
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    skipped, progress = [], []
    result = ingest([folder], tmp_path / "q.db", engine="rules", on_skip=skipped.append,
                    progress=lambda so_far: progress.append((so_far.new, so_far.quotes)))
    assert result.skipped == skipped and len(skipped) == 1 and "broken.json" in skipped[0]
    assert [new for new, _ in progress] == [1, 2]
    assert progress[-1][1] == result.quotes
    assert "; skipped 1: " in result.summary()


def test_stages_are_timed(folder, tmp_path):
    result = ingest([folder], tmp_path / "q.db", engine="rules")
    assert result.extract_seconds > 0 and result.store_seconds > 0 and result.read_seconds >= 0


def test_a_database_error_says_what_was_stored(tmp_path, monkeypatch):
    # Between two transactions: within one, the writer holds the write lock and the blocker cannot take it.
    monkeypatch.setattr(writer, "BATCH_ARTICLES", 1)

    class LockAfterFirst(FixedExtractor):
        def extract(self, article):
            if article.url.endswith("2"):
                blocker.execute("BEGIN EXCLUSIVE")
            return super().extract(article)

    path = tmp_path / "q.db"
    open_store(path).close()
    blocker = sqlite3.connect(path, isolation_level=None)
    articles = [Article(text="A.", url="https://example.com/1"), Article(text="B.", url="https://example.com/2")]
    try:
        with pytest.raises(StoreError) as raised:
            ingest_articles(articles, path, extractor=LockAfterFirst(1), timeout=0.1)
    finally:
        blocker.close()
    assert str(raised.value) == (
        f"{path}: database is locked by another process; try again when it has finished (1 article stored before this)"
    )
    assert table_counts(path) == {"articles": 1, "quotes": 1}


def test_an_error_inside_a_transaction_keeps_the_articles_stored_before_it(tmp_path, monkeypatch):
    store_article = writer.ingest_article

    def failing_on_the_third(db, article, quotes, **options):
        if article.url.endswith("3"):
            raise sqlite3.OperationalError("disk I/O error")
        return store_article(db, article, quotes, **options)

    monkeypatch.setattr(writer, "ingest_article", failing_on_the_third)
    path = tmp_path / "q.db"
    articles = [Article(text=f"Story {n}.", url=f"https://example.com/{n}") for n in (1, 2, 3, 4)]
    with pytest.raises(StoreError) as raised:
        ingest_articles(articles, path, extractor=FixedExtractor(1))
    assert str(raised.value) == f"{path}: disk I/O error (2 articles stored before this)"
    assert table_counts(path) == {"articles": 2, "quotes": 2}


def test_an_article_failing_half_written_leaves_nothing_of_itself(tmp_path, monkeypatch):
    # The writer keeps no savepoint per article: it rolls the transaction back and stores the ones before again.
    from quotetrack import store

    merge = store.merge_recent_bands  # an article's last step: its quotes and statements are written

    def failing_in_the_third(db, *args, **options):
        if db.execute("select 1 from articles where url like '%/3'").fetchone():
            raise sqlite3.OperationalError("disk I/O error")
        return merge(db, *args, **options)

    monkeypatch.setattr(store, "merge_recent_bands", failing_in_the_third)
    path = tmp_path / "q.db"
    said = "We will not back down on the shelter budget, she said."
    articles = [Article(text=f"{said} Story {n}.", url=f"https://example.com/{n}") for n in (1, 2, 3, 4)]
    with pytest.raises(StoreError) as raised:
        ingest_articles(articles, path, extractor=StatementExtractor())
    assert str(raised.value) == f"{path}: disk I/O error (2 articles stored before this)"
    monkeypatch.setattr(store, "merge_recent_bands", merge)
    expected = tmp_path / "expected.db"
    ingest_articles(articles[:2], expected, extractor=StatementExtractor())
    assert database_rows(path) == database_rows(expected)


class StatementExtractor:
    """One quote of ten words an article, the same in each: one statement grows."""

    engine = "rules"

    def extract(self, article: Article) -> list[Quote]:
        end = article.text.index(",") + 1
        return [Quote(text=article.text[:end], start=0, end=end, kind="direct", speaker="Ortiz")]


def database_rows(path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the times of writing."""
    db = sqlite3.connect(path)
    tables = [row[0] for row in db.execute("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
    rows = {}
    for table in tables:
        columns = [row[1] for row in db.execute(f"pragma table_info([{table}])") if row[1] not in ("ingested_at", "applied_at")]
        rows[table] = sorted(map(repr, db.execute(f"select {', '.join(f'[{column}]' for column in columns)} from [{table}]")))
    db.close()
    return rows


def test_batch_sizes():
    assert batch_size_for("rules") == 1
    assert batch_size_for("stanza") == 16


def test_cli_and_bench_run_the_same_ingest(folder, tmp_path, monkeypatch):
    calls = []
    real = ingestion.ingest_articles

    def spy(*args, **kwargs) -> IngestResult:
        calls.append(kwargs.get("extractor") is not None)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingestion, "ingest_articles", spy)
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "q.db"), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    assert len(calls) == 1
    speed = run_speed(5, engine="rules", samples=folder)
    assert len(calls) == 3  # the timed pass and the traced pass
    assert speed.articles == 5 and speed.quotes > 0
    assert speed.extract_seconds > 0 and speed.store_seconds > 0
