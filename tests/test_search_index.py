"""The full-text indexes are filled once per article (quotetrack.search_index): whatever is written,
updated, deleted or rolled back, a search finds exactly the stored rows."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack import Article, Extractor, open_store, store
from quotetrack.errors import StoreError
from quotetrack.ingestion import store_extracted
from quotetrack.search_index import pending_rows, rebuild_search_index, search_index_consistent
from quotetrack.store import delete_article, ingest_article, open_database

# Two versions of each story: a correction changes the quoted words, as an update would.
STORIES = {
    "harbour": (
        ("HALIFAX — The port authority will dredge the eastern channel this spring. “The ships are getting "
        "bigger and the channel is not,” harbour master Ines Caldwell told reporters on Monday."),
        ("HALIFAX — The port authority will dredge the eastern channel this autumn. “The vessels keep growing "
        "and the channel cannot keep up,” harbour master Ines Caldwell told reporters on Monday."),
    ),
    "budget": (
        ("Councillor Omar Reyes said the transit budget was “a promise we cannot keep without the province.” "
        "The vote is set for Thursday."),
        ("Councillor Omar Reyes said the transit budget was “a pledge nobody can honour without provincial money.” "
        "The vote is set for Thursday."),
    ),
    "drought": (
        ("“Farmers in the south have lost half of the wheat harvest,” Agriculture Minister Lena Park said in a "
        "statement, adding that relief payments would start in June."),
        ("“Growers in the south have lost most of the barley crop,” Agriculture Minister Lena Park said in a "
        "statement, adding that relief payments would start in June."),
    ),
}


def article(story: str, version: int) -> Article:
    return Article(text=STORIES[story][version], url=f"https://news.example/{story}", publisher="The Harbour Post",
                   date="2025-03-0" + str(version + 1))


def searched(db, word: str) -> set[str]:
    """Ids of the quotes whose text the full-text index finds ``word`` in."""
    return {row[0] for row in db.execute(
        "select id from quotes where rowid in (select rowid from quotes_fts where quotes_fts match ?)", [f"text : {word}"])}


def scanned(db, word: str) -> set[str]:
    """Quote ids whose text holds ``word``, by reading every row."""
    return {row[0] for row in db.execute("select id from quotes where lower(text) like ?", [f"%{word}%"])}


@pytest.fixture
def db():
    return open_database(":memory:")


def test_an_ingested_article_is_searchable_at_once(db, extractor):
    ingest_article(db, article("harbour", 0), extractor.extract(article("harbour", 0)))
    assert searched(db, "channel") == scanned(db, "channel") != set()
    assert db.execute("select count(*) from statements_fts where statements_fts match 'ships'").fetchone()[0] == 1
    assert pending_rows(db) == 0 and search_index_consistent(db)


def test_a_corrected_article_is_found_by_its_new_words_only(db, extractor):
    ingest_article(db, article("budget", 0), extractor.extract(article("budget", 0)))
    ingest_article(db, article("budget", 1), extractor.extract(article("budget", 1)))
    assert searched(db, "promise") == set()
    assert searched(db, "pledge") == scanned(db, "pledge") != set()
    assert search_index_consistent(db)


def test_a_deleted_article_leaves_nothing_to_find(db, extractor):
    for story in ("harbour", "drought"):
        ingest_article(db, article(story, 0), extractor.extract(article(story, 0)))
    delete_article(db, article("drought", 0).id)
    assert searched(db, "harvest") == set()
    assert db.execute("select count(*) from statements_fts where statements_fts match 'harvest'").fetchone()[0] == 0
    assert searched(db, "channel") != set() and search_index_consistent(db)


def test_a_quote_inserted_and_deleted_before_indexing_leaves_the_index_intact(db, extractor):
    ingest_article(db, article("harbour", 0), extractor.extract(article("harbour", 0)))
    with db.conn:
        db.execute("insert into quotes (id, article_id, text, sort_date) select 'draft', article_id, 'A draft quote about tariffs', '-'"
                   " from quotes limit 1")
        db.execute("update quotes set text = 'A draft quote about levies' where id = 'draft'")
        db.execute("delete from quotes where id = 'draft'")
    assert pending_rows(db) == 0
    assert searched(db, "tariffs") == searched(db, "levies") == set()
    assert search_index_consistent(db)


def test_rows_written_around_the_store_are_indexed_by_its_next_write(db, extractor):
    ingest_article(db, article("harbour", 0), extractor.extract(article("harbour", 0)))
    with db.conn:
        db.execute("insert into quotes (id, article_id, text, sort_date) select 'hand', article_id, 'The ferry schedule stays', '-'"
                   " from quotes limit 1")
    assert pending_rows(db) == 1 and searched(db, "ferry") == set()
    ingest_article(db, article("budget", 0), extractor.extract(article("budget", 0)))
    assert pending_rows(db) == 0 and searched(db, "ferry") == {"hand"}
    assert search_index_consistent(db)


def test_an_article_failing_at_the_last_step_leaves_the_batch_before_it_searchable(tmp_path, extractor, monkeypatch):
    # The writer indexes a transaction's articles once, before committing: an article failing at its
    # last step (its quotes and statements written, waiting to be indexed) must not leave them pending.
    merge_now = store.merge_recent_bands

    def failing_on_drought(db, *args, **options):
        if db.execute("select 1 from articles where url like '%drought'").fetchone():
            raise sqlite3.OperationalError("disk I/O error")  # its quotes and statements are written by now
        return merge_now(db, *args, **options)

    monkeypatch.setattr(store, "merge_recent_bands", failing_on_drought)
    path = tmp_path / "quotes.db"
    stories = [article(story, 0) for story in ("harbour", "budget", "drought")]
    with pytest.raises(StoreError):
        store_extracted(((story, extractor.extract(story)) for story in stories), path)
    db = open_database(path)
    assert searched(db, "channel") and searched(db, "promise") and not scanned(db, "harvest")
    assert pending_rows(db) == 0 and search_index_consistent(db)


def test_a_bulk_rebuild_does_not_index_pending_rows_twice(db, extractor):
    ingest_article(db, article("harbour", 0), extractor.extract(article("harbour", 0)))
    with db.conn:
        db.execute("insert into quotes (id, article_id, text, sort_date) select 'bulk', article_id, 'Dredging starts in May', '-'"
                   " from quotes limit 1")
        rebuild_search_index(db)
    ingest_article(db, article("budget", 0), extractor.extract(article("budget", 0)))
    assert searched(db, "dredging") == {"bulk"} and search_index_consistent(db)


def test_the_bundled_samples_are_all_searchable(tmp_path):
    from quotetrack import ingest

    with open_store(tmp_path / "samples.db") as store:
        ingest(["data/samples"], store, engine="rules")
        for word in ("said", "ministry", "minister"):
            assert searched(store.db, word) == scanned(store.db, word)
        assert pending_rows(store.db) == 0 and search_index_consistent(store.db)


STEPS = st.lists(st.tuples(st.sampled_from(["add", "delete"]), st.sampled_from(sorted(STORIES)), st.integers(0, 1)),
                 min_size=1, max_size=12)


@settings(max_examples=40, deadline=None)
@given(steps=STEPS)
def test_any_sequence_of_writes_keeps_search_exact(steps):
    extractor = Extractor("rules")
    db = open_database(":memory:")
    for action, story, version in steps:
        if action == "add":
            ingest_article(db, article(story, version), extractor.extract(article(story, version)))
        else:
            delete_article(db, article(story, version).id)
    for word in ("channel", "promise", "pledge", "harvest", "barley", "vessels"):
        assert searched(db, word) == scanned(db, word)
    assert pending_rows(db) == 0 and search_index_consistent(db)
