"""Quote ids start with their article's id, and databases with the older ids are migrated to them."""

import re
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack import extract_quotes
from quotetrack.cli import app
from quotetrack.provenance.tracing import trace
from quotetrack.quote_ids import prefix_quote_ids
from quotetrack.records import Article, quote_id, stable_id
from quotetrack.search_index import search_index_consistent
from quotetrack.store import Ingest, ingest_article, open_database

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"

REPORTS = [
    ("https://example.com/wires/ceasefire",
     ("Kremlin spokesman Dmitry Peskov told reporters on Monday: “There will be no ceasefire until our terms are met.” "
      "Foreign Minister Sergei Lavrov said the talks in Istanbul had been “useful but not decisive.”")),
    ("https://example.org/world/ceasefire-terms",
     ("Moscow hardened its position on Tuesday. “There will be no ceasefire until our terms are met,” Peskov said, "
      "according to the state-run TASS news agency. Ukraine's foreign ministry called the remarks “an ultimatum.”")),
    ("https://example.net/europe/istanbul-talks",
     ("Lavrov said the Istanbul talks had been “useful but not decisive,” and Turkey's President Recep Tayyip Erdogan "
      "told a news conference in Ankara that he would host another round “as soon as both sides are ready.”")),
]


def write_reports(path) -> Database:
    db = open_database(path)
    for url, text in REPORTS:
        ingest_article(db, Article(text=text, url=url, publisher="Wire", date="2024-05-13"), extract_quotes(text))
    return db


def as_before_prefixed_ids(db: Database) -> dict[str, str]:
    """Rewrite ``db``'s quote ids the way quotetrack wrote them before (a hash of article, start, end and
    kind), as if the ``article_prefixed_quote_ids`` migration had not run; the new id of each old one."""
    renamed = {}
    for id, article_id, start, end, kind in db.execute("select id, article_id, start, end, kind from quotes").fetchall():
        old = stable_id(article_id, str(start), str(end), kind)
        renamed[old] = id
        db.execute("update quotes set id = ?, sort_date = substr(sort_date, 1, length(sort_date) - length(id)) || ? where id = ?", [old, old, id])
        for column in ("canonical_quote_id", "first_quote_id"):
            db.execute(f"update statements set {column} = ? where {column} = ?", [old, id])
    db.execute("delete from _sqlite_migrations where name = 'article_prefixed_quote_ids'")
    db.conn.commit()
    return renamed


@pytest.fixture
def migrated(tmp_path):
    db = write_reports(tmp_path / "wires.db")
    before = {table: db.execute(f"select * from {table} order by 1, 2").fetchall() for table in ("quote_facets", "speakers", "outlets")}
    current = {row[0] for row in db.execute("select id from quotes")}
    renamed = as_before_prefixed_ids(db)
    assert not current & set(renamed)
    db.close()
    return open_database(tmp_path / "wires.db"), current, renamed, before


def test_an_articles_quotes_share_the_start_of_their_ids(tmp_path):
    db = write_reports(tmp_path / "wires.db")
    rows = db.execute("select id, article_id, start, end, kind, sort_date from quotes").fetchall()
    assert len(rows) >= 6
    for id, article_id, start, end, kind, sort_date in rows:
        assert id == quote_id(article_id, start, end, kind)
        assert id.startswith(article_id[:8]) and len(id) == 20
        assert sort_date.endswith(" " + id)
    # The date order keeps an article's quotes together: the quote page's indexes touch one place an article.
    ordered = [article_id for (article_id,) in db.execute("select article_id from quotes order by sort_date")]
    assert ordered == sorted(ordered, key=ordered.index)


def test_older_quote_ids_are_migrated_to_the_same_ids_a_new_store_gives(migrated):
    db, current, renamed, before = migrated
    assert {row[0] for row in db.execute("select id from quotes")} == current == set(renamed.values())
    assert db.execute("select count(*) from quotes where sort_date not like '% ' || id").fetchone()[0] == 0
    # Statements name the new ids, and tracing still finds who said it first.
    named = db.execute("select canonical_quote_id, first_quote_id from statements").fetchall()
    assert named and all(canonical in current and (first is None or first in current) for canonical, first in named)
    (found, *_) = trace(db, "no ceasefire until our terms are met")
    assert found.first_seen is not None and found.first_seen.quote_id in current
    assert found.first_seen.article_id == Article(text=REPORTS[0][1], url=REPORTS[0][0], date="2024-05-13").id
    # Counts and summaries are as they were: only the ids moved.
    assert before == {table: db.execute(f"select * from {table} order by 1, 2").fetchall() for table in before}
    assert search_index_consistent(db)
    assert db.execute("select count(*) from quotes_fts where quotes_fts match 'ultimatum'").fetchone()[0] == 1


def test_a_migrated_article_ingested_again_is_unchanged(migrated):
    db, *_ = migrated
    for url, text in REPORTS:
        article = Article(text=text, url=url, publisher="Wire", date="2024-05-13")
        assert ingest_article(db, article, extract_quotes(text)) is Ingest.UNCHANGED


def test_the_migration_leaves_new_ids_alone(tmp_path):
    db = write_reports(tmp_path / "wires.db")
    rows = db.execute("select * from quotes order by id").fetchall()
    assert prefix_quote_ids(db) == 0
    assert db.execute("select * from quotes order by id").fetchall() == rows


def test_ingest_into_an_older_database_says_it_updates_it_first(tmp_path):
    write_reports(tmp_path / "wires.db")
    db = open_database(tmp_path / "wires.db")
    as_before_prefixed_ids(db)
    db.close()
    story = tmp_path / "talks.txt"
    story.write_text("URL: https://example.com/talks-resume\nDate: 2024-05-20\n\n"
                     "“We are ready to meet again in Istanbul,” Lavrov told reporters in Moscow.", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(story), "--db", str(tmp_path / "wires.db"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "Updating" in result.stderr and "layout" in result.stderr
    # a line a step, saying what it does, then the time it all took
    step, done = result.stderr.splitlines()[1:]
    assert step == "  1/1 Quote ids start with their article's id, so an article's quotes share index pages"
    assert re.fullmatch(rf"Updated {re.escape(str(tmp_path / 'wires.db'))} in \d+\.\d s", done)
    migrated = open_database(tmp_path / "wires.db")
    assert migrated.execute("select count(*) from quotes where length(id) != 20").fetchone()[0] == 0
    again = CliRunner().invoke(app, ["ingest", str(story), "--db", str(tmp_path / "wires.db"), "--workers", "1"])
    assert "Updating" not in again.stderr and "1 unchanged" in again.stdout


@pytest.fixture
def served(migrated, tmp_path):
    db, _, renamed, _ = migrated
    db.close()
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    metadata["databases"]["wires"] = metadata["databases"].pop("quotes")  # as `quotetrack serve` applies it to any file
    return Datasette([str(tmp_path / "wires.db")], metadata=metadata), renamed


@pytest.mark.parametrize("page", ["/wires/quotes/{id}", "/wires/quotes/{id}.json", "/wires/-/quote/{id}"])
async def test_a_link_made_with_an_old_quote_id_is_sent_to_the_new_one(served, page):
    datasette, renamed = served
    old, new = next(iter(renamed.items()))
    response = await datasette.client.get(page.format(id=old) + "?_shape=object")
    assert response.status_code == 301
    assert response.headers["location"] == page.format(id=new) + "?_shape=object"
    followed = await datasette.client.get(response.headers["location"])
    assert followed.status_code == 200 and new in followed.text


async def test_an_unknown_old_style_id_is_still_not_found(served):
    datasette, _ = served
    assert (await datasette.client.get("/wires/quotes/0123456789abcdef")).status_code == 404
    assert (await datasette.client.get("/wires/-/quote/0123456789abcdef")).status_code == 404
    listing = (await datasette.client.get("/wires.json")).json()
    assert {table["name"] for table in listing["tables"] if table["hidden"]} >= {"quote_id_aliases"}
