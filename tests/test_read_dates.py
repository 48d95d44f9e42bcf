"""Dates: ISO 8601 everywhere, unreadable ones kept aside in date_raw, ordering in UTC, old databases repaired."""

import json
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette
from sqlite_utils import Database

from quotetrack.ingestion import ingest, ingest_articles
from quotetrack.read.dates import read_date
from quotetrack.records import Article, Quote
from quotetrack.schema import MIGRATIONS
from quotetrack.store import ingest_article, open_database, open_store

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("May 14, 2024", ("2024-05-14", None)),
        ("14 May 2024", ("2024-05-14", None)),
        ("Tuesday, 14 May 2024", ("2024-05-14", None)),
        ("2024-05-14T10:00:00Z", ("2024-05-14T10:00:00+00:00", None)),
        ("2024-05-14T10:00:00.250+02:00", ("2024-05-14T10:00:00+02:00", None)),
        ("2024-05-14 10:00", ("2024-05-14T10:00:00", None)),
        ("19.01.2020", ("2020-01-19", None)),
        ("19.01.2020 14:30", ("2020-01-19", None)),
        ("20240514", ("2024-05-14", None)),
        ("1715680800", ("2024-05-14T10:00:00+00:00", None)),
        ("1715680800000", ("2024-05-14T10:00:00+00:00", None)),
        (1715680800, ("2024-05-14T10:00:00+00:00", None)),
        ("Tue, 14 May 2024 10:00:00 +0200", ("2024-05-14T10:00:00+02:00", None)),
        ("05/14/2024", ("2024-05-14", None)),  # only one reading: there is no month 14
        ("14/05/2024", ("2024-05-14", None)),
        # Ambiguous, impossible or no date at all: NULL, with the value kept.
        ("05/06/2024", (None, "05/06/2024")),
        ("2024-00-12", (None, "2024-00-12")),
        ("2024-02-30", (None, "2024-02-30")),
        ("0000-00-00", (None, "0000-00-00")),
        ("yesterday", (None, "yesterday")),
        (True, (None, None)),
        ("", (None, None)),
    ],
)
def test_read_date(raw, expected):
    assert read_date(raw) == expected


def test_json_epoch_and_ambiguous_dates(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": "“Yes,” she said.", "date": 1715680800, "url": "https://a.example/1"}) + "\n"
        + json.dumps({"text": "“No,” he said.", "date": "05/06/2024", "url": "https://a.example/2"}) + "\n",
        encoding="utf-8",
    )
    result = ingest([path], tmp_path / "q.db", engine="rules")
    assert result.summary().endswith(f"1 date not understood (kept in date_raw): {path}: '05/06/2024'")
    with open_store(tmp_path / "q.db") as store:
        rows = list(store.db.query("select url, date, date_raw from articles order by url"))
    assert rows == [
        {"url": "https://a.example/1", "date": "2024-05-14T10:00:00+00:00", "date_raw": None},
        {"url": "https://a.example/2", "date": None, "date_raw": "05/06/2024"},
    ]


def test_a_date_that_becomes_readable_clears_date_raw(tmp_path):
    store = open_store(":memory:")
    article = Article(text="“Yes,” she said.", url="https://a.example/1", date=None, date_raw="05/06/2024")
    ingest_articles([article], store, engine="rules")
    fixed = Article(text=article.text, url=article.url, date="2024-06-05")
    assert ingest_articles([fixed], store, engine="rules").updated == 1
    assert list(store.db.query("select date, date_raw from articles")) == [{"date": "2024-06-05", "date_raw": None}]


def test_the_migration_repairs_dates_stored_raw(tmp_path):
    db = Database(tmp_path / "old.db")
    MIGRATIONS.apply(db, stop_before="article_date_raw")
    assert "date_raw" not in db["articles"].columns_dict
    for number, raw in enumerate(["2024-05-14", "19.01.2020", "05/06/2024", "May 1, 2024"]):
        article = Article(text=f"“Fine {number},” she said.", url=f"https://a.example/{number}", date=raw)
        ingest_article(db, article, [Quote(text=f"Fine {number},", start=1, end=8, kind="direct", speaker="Ann Lee")])
    db.close()
    db = open_database(tmp_path / "old.db")
    assert list(db.query("select date, date_raw from articles order by url")) == [
        {"date": "2024-05-14", "date_raw": None},
        {"date": "2020-01-19", "date_raw": None},
        {"date": None, "date_raw": "05/06/2024"},
        {"date": "2024-05-01", "date_raw": None},
    ]
    # The quotes' copy of the date is repaired with the article's.
    stale = "select count(*) from quotes join articles on articles.id = quotes.article_id where quotes.date is not articles.date"
    assert db.execute(stale).fetchone()[0] == 0


async def test_first_quoted_orders_by_instant_and_puts_undated_last(tmp_path):
    db = open_database(tmp_path / "quotes.db")
    # In UTC, the Tokyo story (09:00+09:00 = 00:00Z) came before the London one (08:00Z), though "09" sorts after "08".
    stories = [
        ("https://a.example/london", "2024-05-14T08:00:00+00:00", None),
        ("https://a.example/undated", None, "05/06/2024"),
        ("https://a.example/tokyo", "2024-05-14T09:00:00+09:00", None),
    ]
    for url, date, raw in stories:
        text = "The minister said the talks were “going nowhere” on Tuesday."
        start = text.index("going")
        article = Article(text=text, url=url, date=date, date_raw=raw, publisher="Wire")
        ingest_article(db, article, [Quote(text="going nowhere", start=start, end=start + 13, kind="mixed", speaker="Ann Lee")])
    db.close()
    datasette = Datasette([str(tmp_path / "quotes.db")], metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8")))
    response = await datasette.client.get("/quotes/first_quoted.json", params={"phrase": "going nowhere", "_shape": "array"})
    assert [row["url"] for row in response.json()] == ["https://a.example/tokyo", "https://a.example/london", "https://a.example/undated"]
    facets = (await datasette.client.get("/quotes/quotes_view.json?_facet_date=date")).json()["facet_results"]
    assert {item["value"] for item in facets["date"]["results"]} == {"2024-05-14"}
