"""Facet counts of pages filtered by a frequent name (quotetrack.facet_pairs): kept true by the store's triggers
through ingest, re-ingest, deletes and renames, and read by the quote page's facets."""

import pytest
from datasette.app import Datasette
from sqlite_utils import Database

from quotetrack.facet_pairs import FACETS, HEAD_FACETS
from quotetrack.provenance.web import ensure_registered
from quotetrack.publish import load_metadata, serve_settings
from quotetrack.published import add_facet_pairs
from quotetrack.records import Article, Quote
from quotetrack.store import delete_article, ingest_article, open_database

HEAD = 2  # a name with more than two quotes is a head here

# (publisher, date, [(speaker, via outlet, kind)]) for each article
STORIES = [
    ("Reuters", "2024-05-14", [("Dmitry Peskov", "TASS", "direct"), ("Dmitry Peskov", None, "indirect"), ("Jane Ortiz", None, "direct")]),
    ("Reuters", "2024-05-15", [("Dmitry Peskov", "TASS", "mixed"), ("Jane Ortiz", None, "direct")]),
    ("Capitol Wire", "2024-05-15", [("Jane Ortiz", None, "direct"), ("Dmitry Peskov", "TASS", "direct")]),
    ("The Northern Ledger", None, [("Dmitry Peskov", "TASS", "indirect")]),
]


def story(number: int, publisher: str, date: str | None, quotes: list[tuple[str, str | None, str]]) -> tuple[Article, list[Quote]]:
    sentences = [f"“Words number {number}-{index},” {speaker} told {via or 'reporters'}." for index, (speaker, via, _) in enumerate(quotes)]
    text = " ".join(sentences)
    found = []
    for index, (speaker, via, kind) in enumerate(quotes):
        words = f"Words number {number}-{index},"
        start = text.index(words)
        found.append(Quote(text=words, start=start, end=start + len(words), kind=kind, speaker=speaker, via_outlet=via,
                           speaker_method="name"))
    return Article(text=text, url=f"https://example.com/{number}", publisher=publisher, date=date, title=f"Story {number}"), found


def stored(db: Database) -> list[tuple]:
    return sorted(db.execute("select facet, value, by_facet, by_value, quotes from quote_facet_pairs").fetchall())


def recounted(db: Database) -> list[tuple]:
    """The pairs counted afresh from the quotes, for every name with more than HEAD quotes."""
    found = []
    for facet in HEAD_FACETS:
        for by_facet, sql in FACETS.items():
            if by_facet != facet:
                found += db.execute(
                    f"select '{facet}', {facet}, '{by_facet}', {sql.format(q='quotes')}, count(*) from quotes"
                    f" where {facet} in (select {facet} from quotes group by {facet} having count(*) > {HEAD})"
                    f" and {sql.format(q='quotes')} is not null group by 2, 4").fetchall()
    return sorted(found)


@pytest.fixture
def db() -> Database:
    db = open_database(":memory:")
    add_facet_pairs(db, head_quotes=HEAD)
    for number, (publisher, date, quotes) in enumerate(STORIES):
        ingest_article(db, *story(number, publisher, date, quotes))
    return db


def test_heads_have_their_pairs_counted_as_quotes_are_stored(db):
    heads = {(facet, value) for facet, value, *_ in stored(db)}
    assert heads == {("speaker", "Dmitry Peskov"), ("speaker", "Jane Ortiz"), ("via_outlet", "TASS"), ("published_by", "Reuters")}
    assert ("speaker", "Dmitry Peskov", "via_outlet", "TASS", 4) in stored(db)
    assert stored(db) == recounted(db)


def test_pairs_stay_true_through_deletes_reingests_and_renames(db):
    delete_article(db, db.execute("select id from articles where title = 'Story 0'").fetchone()[0])
    assert stored(db) == recounted(db)
    # Reuters fell to two quotes: no longer a head, its pairs are gone
    assert not [row for row in stored(db) if row[:2] == ("published_by", "Reuters")]
    # Story 1 stored again with other quotes: Reuters is a head again
    ingest_article(db, *story(1, *STORIES[1][:2], [("Jane Ortiz", "TASS", "indirect")] * 3), extractor_version="next")
    assert ("published_by", "Reuters", "via_outlet", "TASS", 3) in stored(db)
    assert stored(db) == recounted(db)
    db.execute("update speakers set name = 'Dmitry S. Peskov' where name = 'Dmitry Peskov'")
    db.execute("update outlets set name = 'TASS Russian News Agency' where name = 'TASS'")
    assert stored(db) == recounted(db)
    assert ("via_outlet", "TASS Russian News Agency", "speaker", "Dmitry S. Peskov", 2) in stored(db)


@pytest.fixture
async def datasette(tmp_path, db) -> Datasette:
    path = tmp_path / "quotes.db"
    db.execute("vacuum into ?", [str(path)])
    ensure_registered()
    return Datasette([str(path)], metadata=load_metadata(), settings=serve_settings())


async def test_a_head_page_reads_its_facets_from_the_pairs(datasette, monkeypatch):
    from quotetrack.provenance.web import facets

    counted = (await datasette.client.get("/quotes/quotes.json", params={"speaker": "Dmitry Peskov"})).json()["facet_results"]
    # With no page small enough to count, the head's page still has every facet, the same counts.
    monkeypatch.setattr(facets, "MAX_FACETED_ROWS", 0)
    data = (await datasette.client.get("/quotes/quotes.json", params={"speaker": "Dmitry Peskov"})).json()
    assert data["facet_results"] == counted
    assert [(item["value"], item["count"]) for item in data["facet_results"]["via_outlet"]["results"]] == [("TASS", 4)]
    assert [(item["value"], item["count"], item["selected"]) for item in data["facet_results"]["speaker"]["results"]] == [
        ("Dmitry Peskov", 5, True)]
    # Another filter alongside, or a name that is not a head: counted from the rows, here not at all.
    for params in ({"speaker": "Dmitry Peskov", "kind": "direct"}, {"published_by": "Capitol Wire"}):
        data = (await datasette.client.get("/quotes/quotes.json", params=params)).json()
        assert data["facet_results"] == {}, params
