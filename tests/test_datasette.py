import csv
import io
from pathlib import Path

import pytest
import yaml
from datasette.app import Datasette

from quotetrack.records import Article, Quote
from quotetrack.store import ingest_article, open_database

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"

# Ingested in this order, which is not date order. (date, publisher, via outlet, speaker, the words the article
# uses for the speaker, how the speaker was found, text around the quote, the quote)
ARTICLES = [
    ("2024-05-14", "The Northern Ledger", "the state-run TASS news agency", "Kremlin spokesman Dmitry Peskov",
     "Kremlin spokesman Dmitry Peskov", "name",
     "TASS quoted Kremlin spokesman Dmitry Peskov as saying Russia was “open to dialogue” but firm.",
     "open to dialogue"),
    # The article named him in full in an earlier paragraph; here only the surname.
    ("2024-05-15", "Reuters", None, "Dmitry Peskov", "Peskov", "surname",
     "Peskov repeated that Moscow was “open to dialogue” on grain.", "open to dialogue"),
    ("2024-05-13", "Capitol Wire", None, "Mayor Jane Ortiz", "Mayor Jane Ortiz", "name",
     "“We will not back down,” Mayor Jane Ortiz said as the council vote neared.", "We will not back down,"),
]


@pytest.fixture
def db_path(tmp_path) -> Path:
    path = tmp_path / "quotes.db"
    db = open_database(path)
    for number, (date, publisher, via, speaker, mention, method, text, quoted) in enumerate(ARTICLES):
        article = Article(text=text, title=f"Story {number}", url=f"https://example.com/{number}",
                          publisher=publisher, date=date)
        start = text.index(quoted)
        quote = Quote(text=quoted, start=start, end=start + len(quoted), kind="mixed" if start > 1 else "direct",
                      cue="said", speaker=speaker, speaker_mention=mention, via_outlet=via,
                      speaker_start=text.index(mention), speaker_end=text.index(mention) + len(mention),
                      speaker_method=method, publisher=publisher, sentence=text, confidence=0.8)
        ingest_article(db, article, [quote])
    db.close()
    return path


@pytest.fixture
def datasette(db_path) -> Datasette:
    return Datasette([str(db_path)], metadata=yaml.safe_load(METADATA.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    "table, shows",
    [
        ("quotes", "Dmitry Peskov"),  # the speaker's name, not its id
        ("quotes_view", "open to dialogue"),
        ("speakers", "Jane Ortiz"),
        ("outlets", "TASS"),
        ("articles", "Story 2"),
    ],
)
async def test_table_pages(datasette, table, shows):
    response = await datasette.client.get(f"/quotes/{table}")
    assert response.status_code == 200
    assert shows in response.text


async def test_quote_facets_use_names(datasette):
    """The quote page's facets are on the names stored with each quote, counted ahead when nothing is filtered."""
    response = await datasette.client.get("/quotes/quotes.json")
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    assert set(facets) == {"speaker", "speaker_method", "via_outlet", "published_by", "kind", "date"}
    speakers = {item["label"]: item["count"] for item in facets["speaker"]["results"]}
    assert speakers == {"Dmitry Peskov": 2, "Jane Ortiz": 1}
    assert [item["label"] for item in facets["via_outlet"]["results"]] == ["TASS"]
    assert {item["value"] for item in facets["date"]["results"]} == {"2024-05-13", "2024-05-14", "2024-05-15"}
    assert {item["value"]: item["count"] for item in facets["speaker_method"]["results"]} == {"name": 2, "surname": 1}
    # Following a facet filters the page; the facets of the filtered page count its rows.
    link = next(item["toggle_url"] for item in facets["speaker"]["results"] if item["label"] == "Dmitry Peskov")
    filtered = (await datasette.client.get(link.replace("http://localhost", "").replace("/quotes/quotes?", "/quotes/quotes.json?"))).json()
    assert filtered["filtered_table_rows_count"] == 2
    assert {item["value"]: item["count"] for item in filtered["facet_results"]["published_by"]["results"]} == {
        "The Northern Ledger": 1, "Reuters": 1}


async def test_the_quote_page_shows_the_reading_columns(datasette):
    page = (await datasette.client.get("/quotes/quotes")).text
    table = page[page.index('<table class="rows-and-columns'):]
    headers = [part.split('"')[0] for part in table.split('scope="col" data-column="')[1:]]
    assert headers == ["text", "speaker", "via_outlet", "published_by", "date", "kind"]
    assert "/quotes/-/quote/" in table  # the quote links to it in its article
    assert "quotetrack.css" in page
    # The hidden columns stay in the exports.
    row = (await datasette.client.get("/quotes/quotes.json?_shape=array&_size=1")).json()[0]
    assert {"id", "article_id", "parts", "speaker_start", "speaker_id"} <= set(row)


async def test_the_csv_link_streams_every_row_from_the_table(datasette):
    response = await datasette.client.get("/quotes/quotes.csv?_stream=on&_size=1")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(ARTICLES)


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
async def test_a_quote_row_shows_why_it_is_attributed(datasette, table):
    """A fact-checker opening one quote sees the speaker, the article's words for it, and how they led to it."""
    rows = (await datasette.client.get(f"/quotes/{table}.json?_shape=array&speaker_method=surname")).json()
    (row,) = rows
    assert (row["speaker_mention"], row["speaker_method"]) == ("Peskov", "surname")
    if table == "quotes":
        page = await datasette.client.get(f"/quotes/quotes/{row['id']}")
        assert page.status_code == 200
        assert "surname" in page.text and "Peskov" in page.text
        assert (row["speaker_start"], row["speaker_end"]) == (0, 6)
    else:
        assert row["via_chain"] is None
    listing = await datasette.client.get(f"/quotes/{table}")
    assert "How the speaker was found from speaker_mention" in listing.text  # the column description


@pytest.mark.parametrize("table", ["quotes", "quotes_view"])
@pytest.mark.parametrize("search, expected", [("backing down", 1), ("dialogue", 2), ("Ortiz", 1), ("wheat", 0)])
async def test_full_text_search(datasette, table, search, expected):
    response = await datasette.client.get(f"/quotes/{table}.json", params={"_search": search, "_shape": "array"})
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == expected
    assert all(search.split()[0][:4].lower() in (row["text"] + row["speaker_mention"]).lower() for row in rows)


async def test_quotes_by_speaker(datasette):
    response = await datasette.client.get("/quotes/quotes_by_speaker.json?speaker=Peskov&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert [row["date"] for row in rows] == ["2024-05-14", "2024-05-15"]
    assert {row["speaker"] for row in rows} == {"Dmitry Peskov"}


async def test_first_quoted_finds_the_earliest_publisher(datasette):
    response = await datasette.client.get("/quotes/first_quoted.json", params={"phrase": "open to dialogue",
                                                                               "_shape": "array"})
    assert response.status_code == 200
    rows = response.json()
    assert [(row["date"], row["publisher"]) for row in rows] == [
        ("2024-05-14", "The Northern Ledger"),
        ("2024-05-15", "Reuters"),
    ]
    assert rows[0]["url"] == "https://example.com/0"


@pytest.mark.parametrize("phrase", ['say "no', "it's", ""])
async def test_first_quoted_survives_punctuation(datasette, phrase):
    response = await datasette.client.get("/quotes/first_quoted.json", params={"phrase": phrase, "_shape": "array"})
    assert response.status_code == 200
    assert response.json() == []


async def test_quotes_via_outlet(datasette):
    response = await datasette.client.get("/quotes/quotes_via_outlet.json?outlet=TASS&_shape=array")
    assert response.status_code == 200
    rows = response.json()
    assert [(row["via_outlet"], row["speaker"]) for row in rows] == [("TASS", "Dmitry Peskov")]


async def test_csv_stream_with_labels(datasette):
    response = await datasette.client.get("/quotes/quotes.csv?_stream=on&_labels=on")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == len(ARTICLES)
    assert sorted(row["speaker_id_label"] for row in rows) == ["Dmitry Peskov", "Dmitry Peskov", "Jane Ortiz"]
    assert {row["via_outlet_id_label"] for row in rows} == {"TASS", ""}


async def test_the_migrations_table_is_hidden(datasette):
    response = await datasette.client.get("/quotes.json")
    assert response.status_code == 200
    hidden = {table["name"] for table in response.json()["tables"] if table["hidden"]}
    shown = {table["name"] for table in response.json()["tables"] if not table["hidden"]}
    assert "_sqlite_migrations" in hidden
    assert {"quotes", "speakers", "outlets", "articles"} <= shown


@pytest.mark.parametrize("common", [False, True])
async def test_search_on_the_quote_page_finds_the_same_quotes_for_rare_and_common_words(datasette, monkeypatch, common):
    """A word in most quotes is searched quote by quote in date order (no count, no facets); the rows are the same."""
    from quotetrack.provenance.web import search

    if common:
        monkeypatch.setattr(search, "COMMON_MINIMUM", 1)
    rows = (await datasette.client.get("/quotes/quotes.json", params={"_search": "dialogue", "_shape": "array"})).json()
    assert sorted(row["published_by"] for row in rows) == ["Reuters", "The Northern Ledger"]
    data = (await datasette.client.get("/quotes/quotes.json", params={"_search": "dialogue"})).json()
    assert (data["filtered_table_rows_count"] is None) == common
    assert bool(data["facet_results"]) != common
    page = await datasette.client.get("/quotes/quotes", params={"_search": "dialogue", "speaker": "Dmitry Peskov"})
    assert page.status_code == 200
    assert ("matches too many quotes" in page.text) == common
    assert 'value="dialogue"' in page.text  # the search box keeps the words


@pytest.mark.parametrize("params", [{"_search": "dialogue"}, {"_search": "dialogue", "speaker": "Dmitry Peskov"}, {"_find": "dialogue"}])
async def test_a_search_page_counts_its_matches_once(datasette, monkeypatch, params):
    """Whether a search is common is asked once a page: the rewrite of the request and the search filter share it."""
    from quotetrack.provenance.web import search

    asked = []
    is_common = search.is_common

    async def counted(*args, **kwargs):
        asked.append(args[1])
        return await is_common(*args, **kwargs)

    monkeypatch.setattr(search, "is_common", counted)
    response = await datasette.client.get("/quotes/quotes.json", params={**params, "_shape": "array"})
    assert response.status_code == 200 and response.json()
    assert asked == ["dialogue"]


async def test_a_facet_the_page_already_shows_is_not_shown_twice(datasette):
    data = (await datasette.client.get("/quotes/quotes.json?_facet=speaker&_facet=cue")).json()
    assert sorted(data["facet_results"]) == ["cue", "date", "kind", "published_by", "speaker", "speaker_method", "via_outlet"]


async def test_pages_too_large_to_facet_say_so_instead_of_timing_out(datasette, monkeypatch):
    from quotetrack.provenance.web import facets

    monkeypatch.setattr(facets, "MAX_FACETED_ROWS", 1)
    data = (await datasette.client.get("/quotes/quotes.json?kind=mixed")).json()
    assert data["filtered_table_rows_count"] == 2 and data["facet_results"] == {}
    page = await datasette.client.get("/quotes/quotes?kind=mixed")
    assert "Facets are counted on pages of up to" in page.text
    # The unfiltered page still has its facets, counted ahead.
    assert (await datasette.client.get("/quotes/quotes.json")).json()["facet_results"]


async def test_statement_facets_show_names(datasette):
    data = (await datasette.client.get("/quotes/statements.json")).json()
    assert {item["label"] for item in data["facet_results"]["speaker_id"]["results"]} <= {"Dmitry Peskov", "Jane Ortiz"}
    assert data["facet_results"]["speaker_id"]["results"]
