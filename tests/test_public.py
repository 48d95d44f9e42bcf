"""`quotetrack serve --public`: the settings really block what a public site must not offer (through Datasette's client)."""

from pathlib import Path

import pytest
from datasette.app import Datasette

from quotetrack.publish import load_metadata, public_options
from quotetrack.records import Article, Quote
from quotetrack.store import ingest_article, open_database

TEXT = (
    "The harbour board met on Monday. “The cranes stay idle until the contract is signed,” "
    "union leader Tomas Brandt told the Harbour Gazette. The board's chair declined to comment."
)
QUOTED = "The cranes stay idle until the contract is signed,"


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "quotes.db"
    db = open_database(path)
    article = Article(text=TEXT, title="Port strike", url="https://example.com/port", publisher="Harbour Gazette",
                      date="2024-06-03", path="/home/desk/private/feeds/port-strike.txt")  # fmt: skip
    start = TEXT.index(QUOTED)
    sentence = TEXT[TEXT.index("“") : TEXT.index("Gazette.") + 8]
    ingest_article(db, article, [Quote(text=QUOTED, start=start, end=start + len(QUOTED), kind="direct", cue="told",
                                       speaker="Tomas Brandt", sentence=sentence)])  # fmt: skip
    db.close()
    return path


def public_site(path: Path, *, with_text: bool = False) -> Datasette:
    db = open_database(path, read_only=True)
    tables = db.table_names() + db.view_names()
    db.close()
    metadata, settings = public_options(load_metadata(), "quotes", tables, with_text=with_text)
    return Datasette([str(path)], metadata=metadata, settings=settings)


@pytest.mark.parametrize(
    "url",
    [
        "/quotes.json?sql=select+*+from+pragma_database_list",  # would show the server's paths
        "/quotes.json?sql=select+path,+text+from+articles",
        "/quotes/quotes.json?_where=1=1)+union+select+path+from+articles--",  # SQL through a table page
        "/quotes/articles/{article_id}.json",  # an article's row, path and text included
        "/quotes/_sqlite_migrations.json",
        "/quotes/quotes_fts.json",
        "/quotes.db",  # the whole database file
    ],
)
async def test_public_site_refuses(db_path, url):
    site = public_site(db_path)
    article_id = Article(text=TEXT, url="https://example.com/port").id
    response = await site.client.get(url.format(article_id=article_id))
    assert response.status_code in (400, 403), (url, response.status_code)
    assert "/home/desk" not in response.text and "declined to comment" not in response.text


async def test_public_articles_show_no_path_and_no_full_text(db_path):
    site = public_site(db_path)
    response = await site.client.get("/quotes/articles.json?_shape=array")
    assert response.status_code == 200
    (row,) = response.json()
    assert row == {"id": row["id"], "title": "Port strike", "publisher": "Harbour Gazette", "date": "2024-06-03",
                   "url": "https://example.com/port"}  # fmt: skip
    page = await site.client.get("/quotes/articles")
    assert "/home/desk" not in page.text and "declined to comment" not in page.text


async def test_public_quotes_keep_their_sentence_as_context(db_path):
    site = public_site(db_path)
    (row,) = (await site.client.get("/quotes/quotes.json?_shape=array")).json()
    assert row["sentence"].startswith("“The cranes") and "declined" not in row["sentence"]
    searched = (await site.client.get("/quotes/quotes_view.json?_search=cranes&_shape=array")).json()
    assert [item["speaker"] for item in searched] == ["Tomas Brandt"]
    canned = (await site.client.get("/quotes/quotes_by_speaker.json?speaker=Brandt&_shape=array")).json()
    assert [item["text"] for item in canned] == [QUOTED]


async def test_with_text_publishes_texts_but_never_paths(db_path):
    site = public_site(db_path, with_text=True)
    (row,) = (await site.client.get("/quotes/articles.json?_shape=array")).json()
    assert row["text"] == TEXT and "path" not in row
    assert (await site.client.get("/quotes.json?sql=select+1")).status_code == 403


async def test_public_limits(db_path):
    site = public_site(db_path)
    settings = (await site.client.get("/-/settings.json")).json()
    assert (settings["sql_time_limit_ms"], settings["max_returned_rows"], settings["allow_download"]) == (1000, 1000, False)
    assert (settings["default_allow_sql"], settings["suggest_facets"]) == (False, False)


async def test_tables_added_later_are_refused(db_path):
    db = open_database(db_path)
    db["provenance_notes"].insert({"note": "fetched from /srv/crawl/2024"})
    db.close()
    site = public_site(db_path)
    assert (await site.client.get("/quotes/provenance_notes.json")).status_code == 403
