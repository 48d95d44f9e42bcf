"""A date range on the quote page also bounds its order (sort_date, the date in UTC): the same quotes, in the same
order, whatever the time zones of their dates."""

import sqlite3

import pytest
from datasette.app import Datasette

from quotetrack.provenance.web import ensure_registered
from quotetrack.publish import load_metadata, serve_settings
from quotetrack.records import Article, Quote
from quotetrack.store import ingest_article, open_database

# Dates as written: midnight in Tokyo is the day before in UTC, late evening in New York the day after.
DATES = ["2024-05-01T00:30:00+09:00", "2024-04-30T23:00:00-05:00", "2024-05-01", "2024-05-31T23:59:00-10:00",
         "2024-06-01T08:00:00+14:00", "2024-06-01", "2024-04-30", None, "2024-05-15T12:00:00Z", "2024-05"]


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "quotes.db"
    db = open_database(path)
    for number, date in enumerate(DATES):
        text = f"“Words {number},” the mayor said."
        words = f"Words {number},"
        ingest_article(db, Article(text=text, url=f"https://example.com/{number}", publisher="Capitol Wire", date=date),
                       [Quote(text=words, start=1, end=1 + len(words), kind="direct", speaker="Mayor Jane Ortiz")])
    db.close()
    return path


@pytest.mark.parametrize("query, where, params", [
    ("date__gte=2024-05-01&date__lt=2024-06-01", "date >= ? and date < ?", ["2024-05-01", "2024-06-01"]),
    ("date__gt=2024-05-01&date__lte=2024-06-01", "date > ? and date <= ?", ["2024-05-01", "2024-06-01"]),
    ("date__gte=2024-05-31", "date >= ?", ["2024-05-31"]),
    ("date__lt=2024-05-01", "date < ?", ["2024-05-01"]),
    ("date__gte=2024-05", "date >= ?", ["2024-05"]),  # not a day: Datasette's filter alone
])
async def test_a_date_range_shows_the_quotes_of_the_range_newest_first(db_path, query, where, params):
    ensure_registered()
    datasette = Datasette([str(db_path)], metadata=load_metadata(), settings=serve_settings())
    data = (await datasette.client.get(f"/quotes/quotes.json?{query}&_shape=objects&_size=3")).json()
    with sqlite3.connect(db_path) as conn:
        expected = [row[0] for row in conn.execute(f"select id from quotes where {where} order by sort_date desc", params)]
    rows, next_page = data["rows"], data["next"]
    while next_page:
        page = (await datasette.client.get(f"/quotes/quotes.json?{query}&_shape=objects&_size=3&_next={next_page}")).json()
        rows, next_page = rows + page["rows"], page["next"]
    assert [row["id"] for row in rows] == expected
    assert data["filtered_table_rows_count"] == len(expected) and expected
