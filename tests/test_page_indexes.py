"""The quote page's indexes: each column once, and those by speaker or outlet only for quotes that have one."""

import pytest

from quotetrack import extract_quotes
from quotetrack.published import PAGE_INDEXES, PARTIAL_INDEXES, page_index_sql
from quotetrack.records import Article
from quotetrack.store import ingest_article, open_database

TEXT = (
    "“We have no plans to raise the toll,” Transport Minister Ana Ruiz told reporters on Thursday. "
    "The agency quoted a senior official as saying the bridge would “stay open through the winter.” "
    "“It is a fair price,” one commuter said outside the station."
)


@pytest.fixture
def db(tmp_path):
    db = open_database(tmp_path / "bridge.db")
    ingest_article(db, Article(text=TEXT, url="https://example.com/bridge-toll", publisher="Reuters", date="2024-11-07"), extract_quotes(TEXT))
    return db


def stored_indexes(db) -> dict[str, str]:
    return dict(db.execute("select name, sql from sqlite_master where type = 'index' and tbl_name = 'quotes' and sql is not null"))


def test_each_page_index_holds_each_column_once(db):
    for name, columns in PAGE_INDEXES.items():
        assert len(set(columns)) == len(columns), name
        assert stored_indexes(db)[name] == page_index_sql(name)


@pytest.mark.parametrize("name", sorted(PARTIAL_INDEXES))
def test_quotes_without_the_value_stay_out_of_its_index(db, name):
    column = PAGE_INDEXES[name][0]
    total, without = db.execute(f"select count(*), count(*) - count({column}) from quotes").fetchone()
    indexed = db.execute(f"select count(*) from quotes indexed by {name} where {PARTIAL_INDEXES[name]}").fetchone()[0]
    assert indexed == total - without
    # and a lookup by a value still reads the index
    plan = " ".join(row[3] for row in db.execute(f"explain query plan select id from quotes where {column} = ?", ["x"]))
    assert name in plan


def test_a_quote_without_a_speaker_is_stored_and_found_by_date(db):
    rows = db.execute("select speaker, text from quotes order by sort_date").fetchall()
    assert ("Ana Ruiz", "We have no plans to raise the toll,") in rows
    assert any(speaker is None for speaker, _ in rows)


def test_an_older_layout_is_replaced_when_the_database_opens(tmp_path, db):
    path = tmp_path / "bridge.db"
    for name in PARTIAL_INDEXES:
        db.execute(f"drop index {name}")
        # as they were: the filter column twice, every quote in them
        columns = [*PAGE_INDEXES[name], PAGE_INDEXES[name][0]] if name.startswith("quotes_by_") else PAGE_INDEXES[name]
        db.execute(f"create index {name} on quotes ({', '.join(columns)})")
    db.execute("delete from _sqlite_migrations where name = 'lean_page_indexes'")
    db.conn.commit()
    db.close()
    reopened = open_database(path)
    assert all(stored_indexes(reopened)[name] == page_index_sql(name) for name in PAGE_INDEXES)
    assert reopened.execute("select count(*) from quotes").fetchone()[0] == 3
