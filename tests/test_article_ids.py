"""Article ids start with the article's day, and an article already stored under another id keeps it."""

import datetime
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotetrack import extract_quotes
from quotetrack.cli import app
from quotetrack.ingestion import ingest_articles
from quotetrack.records import Article, article_id, quote_id, stable_id
from quotetrack.store import Ingest, ingest_article, open_database, stored_quote_count

HARBOUR = (
    "The port authority will close the northern quay for six weeks of repairs, its chairman said on Tuesday. "
    "“We cannot keep ships tied up to a wall that is moving,” Martin Keane told reporters in Rosslare. "
    "Shipping lines said the closure would add a day to some crossings."
)
FERRIES = (
    "Ferry operators asked for compensation on Wednesday after the northern quay closed. "
    "“Our customers will pay for a decade of neglect,” said Aoife Brennan, who chairs the operators' group. "
    "The port authority said talks would begin next week."
)
URL = "https://southeast-news.example/2024/05/14/quay-closure"


def harbour(date: str | None = "2024-05-14", text: str = HARBOUR) -> Article:
    return Article(text=text, url=URL, date=date, publisher="Southeast News", title="Northern quay to close")


def stored(db) -> list[tuple[str, str | None]]:
    return db.execute("select id, date from articles order by id").fetchall()


@given(st.dates(datetime.date(1970, 1, 1), datetime.date(2149, 6, 4)), st.dates(datetime.date(1970, 1, 1), datetime.date(2149, 6, 4)),
       st.text(min_size=1), st.text(min_size=1))
def test_ids_sort_by_day(first, second, first_url, second_url):
    one, other = article_id(first_url, first.isoformat()), article_id(second_url, second.isoformat())
    assert len(one) == len(other) == 16
    if first < second:
        assert one < other
    assert one[4:] == stable_id(first_url)[:12]


@pytest.mark.parametrize("date", [None, "", "sometime in May", "1969-12-31", "May 14, 2024"])
def test_articles_without_a_readable_day_sort_first(date):
    assert article_id(URL, date).startswith("0000")


@pytest.mark.parametrize("date", ["2024-05-14", "2024-05-14T09:30:00+09:00", "2024-05-14T23:59:00-05:00"])
def test_the_day_is_the_one_written(date):
    assert article_id(URL, date)[:4] == f"{(datetime.date(2024, 5, 14) - datetime.date(1970, 1, 1)).days:04x}"


def test_a_days_articles_and_their_quotes_come_after_older_ones():
    db = open_database(":memory:")
    for day, text in (("2024-05-15", FERRIES), ("2024-05-14", HARBOUR), ("2023-11-02", FERRIES.replace("Wednesday", "Thursday"))):
        article = Article(text=text, url=f"https://southeast-news.example/{day}", date=day)
        ingest_article(db, article, extract_quotes(text))
    days = [date for _, date in stored(db)]
    assert days == sorted(days)
    quote_days = [date for (date,) in db.execute("select date from quotes order by id")]
    assert len(quote_days) >= 3 and quote_days == sorted(quote_days)
    for id, article, start, end, kind in db.execute("select id, article_id, start, end, kind from quotes"):
        assert id == quote_id(article, start, end, kind)


def test_a_corrected_date_updates_the_article_under_its_id():
    db = open_database(":memory:")
    assert ingest_article(db, harbour(), extract_quotes(HARBOUR)) == Ingest.NEW
    (first_id, _), = stored(db)
    quotes_before = db.execute("select id from quotes order by id").fetchall()
    corrected = harbour("2024-05-15")
    assert corrected.id != first_id
    assert stored_quote_count(db, corrected) is None  # the date changed: stored again
    assert corrected.id == first_id  # ... under the id its URL has
    assert ingest_article(db, corrected, extract_quotes(HARBOUR)) == Ingest.UPDATED
    assert stored(db) == [(first_id, "2024-05-15")]
    assert db.execute("select id from quotes order by id").fetchall() == quotes_before
    assert db.execute("select distinct date from quotes").fetchall() == [("2024-05-15",)]
    assert ingest_article(db, harbour("2024-05-15"), extract_quotes(HARBOUR)) == Ingest.UNCHANGED


def old_style(article: Article) -> Article:
    """``article`` with the id an older quotetrack gave it: a hash of its URL alone."""
    article.keep_id(stable_id(article.url or article.text))
    return article


def test_an_article_stored_before_ids_began_with_the_day_keeps_its_id():
    db = open_database(":memory:")
    ingest_article(db, old_style(harbour()), extract_quotes(HARBOUR))
    old_id = stable_id(URL)
    assert stored(db) == [(old_id, "2024-05-14")]
    again = harbour()
    assert again.id != old_id
    assert stored_quote_count(db, again) == len(extract_quotes(HARBOUR)) > 0
    assert again.id == old_id
    assert ingest_article(db, harbour(), extract_quotes(HARBOUR)) == Ingest.UNCHANGED
    rewritten = HARBOUR.replace("six weeks", "eight weeks")
    assert ingest_article(db, harbour(text=rewritten), extract_quotes(rewritten)) == Ingest.UPDATED
    assert [id for id, _ in stored(db)] == [old_id]
    assert {article for (article,) in db.execute("select article_id from quotes")} == {old_id}
    assert db.execute("select count(*) from quotes").fetchone()[0] == len(extract_quotes(rewritten))


def test_reingest_skips_an_article_stored_under_its_old_id_before_extracting_it(tmp_path):
    path = tmp_path / "quotes.db"
    db = open_database(path)
    ingest_article(db, old_style(harbour()), extract_quotes(HARBOUR))
    db.close()
    result = ingest_articles([harbour(), Article(text=FERRIES, url=URL.replace("quay-closure", "ferries"), date="2024-05-15")], path)
    assert (result.new, result.updated, result.unchanged) == (1, 0, 1)
    db = open_database(path)
    assert sorted(id for id, _ in stored(db)) == sorted([stable_id(URL), article_id(URL.replace("quay-closure", "ferries"), "2024-05-15")])


def test_an_article_without_a_url_is_its_text_whatever_its_date():
    db = open_database(":memory:")
    for text in (HARBOUR, FERRIES):
        ingest_article(db, Article(text=text, date="2024-05-14"), extract_quotes(text))
    assert ingest_article(db, Article(text=HARBOUR, date="2024-05-16"), extract_quotes(HARBOUR)) == Ingest.UPDATED
    assert sorted(stored(db)) == sorted([(article_id(HARBOUR, "2024-05-14"), "2024-05-16"), (article_id(FERRIES, "2024-05-14"), "2024-05-14")])
    # Stored before ids began with the day: found under that id.
    ingest_article(db, old_style(Article(text=HARBOUR.replace("Tuesday", "Monday"))), [])
    assert ingest_article(db, Article(text=HARBOUR.replace("Tuesday", "Monday"), date="2024-05-13"), []) == Ingest.UPDATED
    assert db.execute("select count(*) from articles").fetchone()[0] == 3


def test_an_article_is_not_taken_for_another_with_the_same_hash_digits():
    db = open_database(":memory:")
    ingest_article(db, harbour(), extract_quotes(HARBOUR))
    (id, _), = stored(db)
    # Another article whose id would differ only in its day if the hashes' first digits met: told apart by its URL.
    db.execute("update articles set url = 'https://elsewhere.example/other' where id = ?", [id])
    assert stored_quote_count(db, harbour("2024-05-20")) is None
    assert ingest_article(db, harbour("2024-05-20"), extract_quotes(HARBOUR)) == Ingest.NEW
    assert db.execute("select count(*) from articles").fetchone()[0] == 2


def test_the_cli_updates_a_redated_article_in_place(tmp_path):
    runner = CliRunner()
    source, db_path = tmp_path / "news.jsonl", tmp_path / "quotes.db"
    record = {"url": URL, "title": "Northern quay to close", "date": "2024-05-14", "publisher": "Southeast News", "text": HARBOUR}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(source), "--db", str(db_path)]).exit_code == 0
    source.write_text(json.dumps({**record, "date": "2024-05-13"}) + "\n", encoding="utf-8")
    second = runner.invoke(app, ["ingest", str(source), "--db", str(db_path)])
    assert second.exit_code == 0, second.output
    assert "1 updated" in second.output
    db = open_database(db_path)
    assert [(id[:4], date) for id, date in stored(db)] == [("4d91", "2024-05-13")]
