"""The published design (quotetrack.published): names on the quotes, facet counts and summaries stay true
through ingest, re-ingest, deletes, renames and the migration of an older database."""

import pytest
from sqlite_utils import Database

from quotetrack.published import rebuild_summaries
from quotetrack.records import Article, Quote
from quotetrack.schema import MIGRATIONS
from quotetrack.store import delete_article, ingest_article, open_database

WIRE = "TASS quoted Kremlin spokesman Dmitry Peskov as saying Russia was “open to dialogue” on grain exports."
LOCAL = "“We will not back down,” Mayor Jane Ortiz said on Tuesday as the shelter vote neared."


def quote_in(text: str, words: str, **fields) -> Quote:
    start = text.index(words)
    return Quote(text=words, start=start, end=start + len(words), **fields)


def wire_story(date: str = "2024-05-14T09:00:00+09:00", publisher: str = "The Northern Ledger") -> tuple[Article, list[Quote]]:
    article = Article(text=WIRE, url="https://ledger.example/grain", publisher=publisher, date=date, title="Grain talks")
    return article, [quote_in(WIRE, "open to dialogue", kind="mixed", speaker="Kremlin spokesman Dmitry Peskov",
                              via_outlet="the state-run TASS news agency", cue="quoted ... as saying")]


def local_story(date: str = "2024-05-13") -> tuple[Article, list[Quote]]:
    article = Article(text=LOCAL, url="https://wire.example/shelter", publisher="Capitol Wire", date=date)
    return article, [quote_in(LOCAL, "We will not back down,", kind="direct", speaker="Mayor Jane Ortiz", cue="said")]


def snapshot(db: Database) -> dict:
    """Everything the published design derives, read back."""
    return {
        "names": sorted(db.execute("select id, speaker, via_outlet, published_by from quotes").fetchall()),
        "sort_dates": sorted(db.execute("select date, substr(sort_date, 1, instr(sort_date, ' ') - 1) from quotes").fetchall(), key=str),
        "facets": sorted(db.execute("select facet, value, quotes from quote_facets").fetchall()),
        "speakers": sorted(db.execute("select name, quotes, first_seen, last_seen from speakers").fetchall()),
        "outlets": sorted(db.execute("select name, quotes_via, quotes_published, first_seen, last_seen from outlets").fetchall()),
    }


def recounted(db: Database) -> dict:
    """The same, counted afresh from the quotes."""
    rebuild_summaries(db)
    return snapshot(db)


@pytest.fixture
def db():
    db = open_database(":memory:")
    for article, quotes in (wire_story(), local_story()):
        ingest_article(db, article, quotes)
    return db


def test_names_and_counts_after_ingest(db):
    names = {row[1:] for row in snapshot(db)["names"]}
    assert names == {("Dmitry Peskov", "TASS", "The Northern Ledger"), ("Jane Ortiz", None, "Capitol Wire")}
    # The quote page's order: the instant in UTC (09:00 in Tokyo is midnight UTC).
    assert ("2024-05-14T09:00:00+09:00", "2024-05-14T00:00:00") in snapshot(db)["sort_dates"]
    facets = {(facet, value): count for facet, value, count in snapshot(db)["facets"]}
    assert facets[("speaker", "Dmitry Peskov")] == 1 and facets[("via_outlet", "TASS")] == 1
    assert facets[("date", "2024-05-13")] == 1 and facets[("kind", "direct")] == 1
    assert ("TASS", 1, 0, "2024-05-14T00:00:00", "2024-05-14T00:00:00") in snapshot(db)["outlets"]
    assert snapshot(db) == recounted(db)


def test_a_second_article_moves_the_summaries(db):
    article, quotes = wire_story(date="2024-05-10", publisher="Reuters")
    ingest_article(db, Article(**{**article.__dict__, "url": "https://reuters.example/grain"}), quotes)
    speakers = {row[0]: row[1:] for row in snapshot(db)["speakers"]}
    assert speakers["Dmitry Peskov"] == (2, "2024-05-10", "2024-05-14T00:00:00")
    assert snapshot(db) == recounted(db)


def test_a_changed_article_replaces_its_counts(db):
    article, _quotes = wire_story(date="2024-06-01")
    ingest_article(db, article, [quote_in(WIRE, "open to dialogue", kind="mixed", speaker="Maria Zakharova", cue="said")])
    speakers = {row[0]: row[1:] for row in snapshot(db)["speakers"]}
    assert speakers["Dmitry Peskov"] == (0, None, None)
    assert speakers["Maria Zakharova"] == (1, "2024-06-01", "2024-06-01")
    assert ("via_outlet", "TASS", 1) not in snapshot(db)["facets"]
    assert snapshot(db) == recounted(db)


def test_a_deleted_article_takes_its_counts_away(db):
    article, _ = wire_story()
    assert delete_article(db, article.id)
    assert [row[1] for row in snapshot(db)["names"]] == ["Jane Ortiz"]
    assert not [row for row in snapshot(db)["facets"] if row[1] in ("Dmitry Peskov", "TASS", "2024-05-14")]
    assert snapshot(db) == recounted(db)


def test_a_corrected_date_moves_its_sort_date_and_counts(db):
    article, quotes = local_story(date="2024-05-20T23:30:00-02:00")
    ingest_article(db, article, quotes)
    assert ("2024-05-20T23:30:00-02:00", "2024-05-21T01:30:00") in snapshot(db)["sort_dates"]
    assert ("date", "2024-05-21", 1) in snapshot(db)["facets"]
    assert snapshot(db) == recounted(db)


def test_renamed_speakers_and_outlets_are_renamed_on_their_quotes(db):
    db.execute("update speakers set name = 'Dmitry S. Peskov' where name = 'Dmitry Peskov'")
    db.execute("update outlets set name = 'TASS Russian News Agency' where name = 'TASS'")
    db.execute("update outlets set name = 'Capitol Wire Service' where name = 'Capitol Wire'")
    names = {row[1:] for row in snapshot(db)["names"]}
    assert ("Dmitry S. Peskov", "TASS Russian News Agency", "The Northern Ledger") in names
    facets = {(facet, value) for facet, value, _ in snapshot(db)["facets"]}
    assert ("speaker", "Dmitry S. Peskov") in facets and ("speaker", "Dmitry Peskov") not in facets
    assert snapshot(db) == recounted(db)
    # An article stored again keeps the name as stored, not the one the extractor would give.
    article, quotes = wire_story()
    ingest_article(db, article, quotes, extractor_version="next")
    assert ("Dmitry S. Peskov", "TASS Russian News Agency", "The Northern Ledger") in {row[1:] for row in snapshot(db)["names"]}


def test_an_older_database_is_migrated_to_the_same_state(tmp_path):
    fresh = snapshot(_ingested(open_database(":memory:")))
    older = Database(tmp_path / "old.db")
    for migration in [m for m in MIGRATIONS.pending(older) if m.name != "published_design"]:
        migration.fn(older)
    older.execute("create table if not exists _sqlite_migrations (migration_set text, name text, applied_at text)")
    older["_sqlite_migrations"].insert_all(
        [{"migration_set": "quotetrack", "name": name, "applied_at": "2025-01-01"}
         for name in ("create_tables", "add_attribution_evidence", "article_date_raw", "add_statements")])
    assert "published_by" not in older["quotes"].columns_dict
    _ingested(older)
    older.close()
    migrated = open_database(tmp_path / "old.db")
    assert snapshot(migrated) == fresh


def _ingested(db: Database) -> Database:
    for article, quotes in (wire_story(), local_story()):
        ingest_article(db, article, quotes)
    return db
