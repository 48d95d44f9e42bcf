"""Statements: quotes grouped across articles, first seen, variants, trace, the Datasette pages."""

import json
import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack.bench.speed import load_articles
from quotetrack.cli import app
from quotetrack.ingestion import shared_extractor
from quotetrack.provenance import lsh
from quotetrack.provenance.cluster import cluster_all
from quotetrack.provenance.similarity import compare, same_statement
from quotetrack.provenance.tracing import trace
from quotetrack.provenance.web import ensure_registered, quote_context
from quotetrack.publish import load_metadata
from quotetrack.records import Article, Quote
from quotetrack.store import delete_article, ingest_article, open_database

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

BASE = "The harbour bridge will reopen to traffic on Friday once the last inspections are complete."
# (url, date, publisher, speaker, text): one statement as four outlets print it, ingested out of date order.
APPEARANCES = [
    ("https://coastpost.example/2", "2024-06-04", "Coast Post", "Lena Marsh",
     "The harbour bridge will reopen to traffic on Friday"),
    ("https://portwire.example/1", "2024-06-03", "Port Wire", "Lena Marsh", BASE),
    ("https://baydaily.example/3", "2024-06-05", "Bay Daily", "Lena Marsh",
     "The harbour bridge will reopen to cars on Friday once the last inspections are complete."),
    ("https://tidewater.example/4", "2024-06-05", "Tidewater News", "Owen Pike", BASE),
    ("https://undated.example/5", None, "Undated Weekly", "Lena Marsh", BASE),
]


def add(db, url, date, publisher, speaker, text, kind="direct"):
    body = f"“{text}” {speaker} said."
    article = Article(text=body, url=url, date=date, publisher=publisher, title=f"Story {url[-1]}")
    quote = Quote(text=text, start=1, end=1 + len(text), kind=kind, speaker=speaker, publisher=publisher)
    return ingest_article(db, article, [quote])


@pytest.fixture
def db():
    db = open_database(":memory:")
    for appearance in APPEARANCES:
        add(db, *appearance)
    return db


def statements(db):
    return list(db.query("select * from statements order by id"))


def variants(db):
    return {row["publisher"]: (row["variant"], json.loads(row["changed_words"] or "[]"))
            for row in db.query("select publisher, variant, changed_words from quotes")}


def test_near_duplicates_form_one_statement_first_seen_by_date(db):
    (statement,) = statements(db)
    assert statement["first_seen"] == "2024-06-03"
    assert statement["first_publisher"] == "Port Wire"
    assert statement["canonical_text"] == BASE
    assert (statement["articles"], statement["outlets"], statement["quotes"]) == (5, 5, 5)
    assert statement["has_variants"] == statement["has_different_speakers"] == 1
    assert variants(db) == {
        "Port Wire": ("unchanged", []),
        "Coast Post": ("truncated", []),
        "Bay Daily": ("words changed", [["traffic", "cars"]]),
        "Tidewater News": ("different speaker", []),
        "Undated Weekly": ("unchanged", []),
    }


def test_undated_articles_are_never_first():
    db = open_database(":memory:")
    add(db, "https://a.example/1", None, "Early Undated", "Lena Marsh", BASE)
    add(db, "https://a.example/2", "2024-06-09", "Later Dated", "Lena Marsh", BASE)
    (statement,) = statements(db)
    assert statement["first_publisher"] == "Later Dated"


def test_time_of_day_then_ingest_order_break_ties():
    db = open_database(":memory:")
    add(db, "https://a.example/1", "2024-06-09", "No Time", "Lena Marsh", BASE)
    add(db, "https://a.example/2", "2024-06-09T15:00:00+02:00", "Afternoon", "Lena Marsh", BASE)
    add(db, "https://a.example/3", "2024-06-09T08:30:00-04:00", "Morning Abroad", "Lena Marsh", BASE)
    # Times compare in UTC: 08:30-04:00 (12:30 UTC) is before 15:00+02:00 (13:00 UTC); the untimed article comes last.
    assert statements(db)[0]["first_publisher"] == "Morning Abroad"
    db2 = open_database(":memory:")
    add(db2, "https://b.example/1", "2024-06-09", "First Ingested", "Lena Marsh", BASE)
    add(db2, "https://b.example/2", "2024-06-09", "Second Ingested", "Lena Marsh", BASE)
    assert statements(db2)[0]["first_publisher"] == "First Ingested"


def test_reingest_is_idempotent(db):
    before = (statements(db), variants(db))
    for appearance in APPEARANCES:
        assert not add(db, *appearance)
    assert (statements(db), variants(db)) == before


def test_replacing_and_deleting_articles_update_statements(db):
    statement_id = statements(db)[0]["id"]
    # Port Wire's article is corrected to a later date: Coast Post's shorter version is now the earliest, and
    # so the canonical one (a whole direct quote), and the longer versions are extended.
    add(db, "https://portwire.example/1", "2024-06-10", "Port Wire", "Lena Marsh", BASE)
    (statement,) = statements(db)
    assert statement["id"] == statement_id
    assert (statement["first_publisher"], statement["canonical_text"]) == ("Coast Post", APPEARANCES[0][4])
    assert variants(db)["Port Wire"] == ("extended", [])
    coast_post = Article(text="", url=APPEARANCES[0][0], date=APPEARANCES[0][1]).id
    assert delete_article(db, coast_post)
    assert not delete_article(db, coast_post)
    (statement,) = statements(db)
    assert statement["first_publisher"] == "Bay Daily" and statement["quotes"] == 4
    # Port Wire's article keeps the id it was first stored under, from its first date.
    assert db.execute("select id from articles where url = ?", [APPEARANCES[1][0]]).fetchone()[0] == Article(
        text="", url=APPEARANCES[1][0], date=APPEARANCES[1][1]).id
    for url, date, *_ in APPEARANCES[1:]:
        assert delete_article(db, Article(text="", url=url, date=date).id)
    assert statements(db) == []
    assert db.execute("select (select count(*) from statement_bands) + (select count(*) from statement_bands_recent)").fetchone()[0] == 0


def test_different_statements_by_one_speaker_stay_apart():
    db = open_database(":memory:")
    add(db, "https://a.example/1", "2024-06-01", "Port Wire", "Lena Marsh", BASE)
    add(db, "https://a.example/2", "2024-06-02", "Port Wire", "Lena Marsh",
        "The harbour bridge will stay closed to lorries until the new deck is laid next spring.")
    add(db, "https://a.example/3", "2024-06-02", "Port Wire", "Lena Marsh", "No comment.")  # too short to group
    assert len(statements(db)) == 2
    assert db.execute("select count(*) from quotes where statement_id is null").fetchone()[0] == 1


def test_similarity_rules():
    assert same_statement("“We will not back down on the budget.”", "WE WILL NOT BACK DOWN ON THE BUDGET")
    assert compare("Two million people will need help.", "2 million people will need help").variant == "unchanged"
    assert compare("We are ready to talk to them today.", "We are ready to talk to them today, and tomorrow.").variant == "extended"
    assert compare("We are ready to talk to them today.", "We are ready … today").variant == "truncated"
    assert not same_statement("We are ready to talk to Kyiv at any time.", "We are not ready to sign anything yet.")
    assert not same_statement("No comment.", "No comment at all.")  # too short to group unless identical


def test_quote_context_highlights_every_part():
    text = "Intro.\n\n“A is true,” she said. “B is too.”\n\nEnd."
    pieces = quote_context(text, [[9, 19], [32, 41]])
    assert [piece for piece, marked in pieces if marked] == ["A is true,", "B is too."]


def test_statements_for_databases_without_them():
    db = Database(memory=True)
    from quotetrack.schema import MIGRATIONS

    MIGRATIONS.apply(db)
    for appearance in APPEARANCES[:2]:
        add(db, *appearance)
    db.execute("delete from statements")
    db.execute("delete from statement_bands")
    db.execute("delete from statement_bands_recent")
    db.execute("update quotes set statement_id = null, variant = null")
    assert cluster_all(db) == 2
    (statement,) = statements(db)
    assert statement["first_publisher"] == "Port Wire"


# -- the command line ------------------------------------------------------------------


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("samples") / "quotes.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(path), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    return path


def test_trace_json_follows_the_sample_statement(samples_db):
    result = CliRunner().invoke(app, ["trace", "interests are discussed without it", "--db", str(samples_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    (found,) = json.loads(result.stdout)
    first = found["first_seen"]
    assert (first["date"], first["publisher"]) == ("2024-05-20", "TASS")
    assert first["url"].startswith("https://tass.example/")
    later = [(item["date"], item["publisher"], item["via_outlet"], item["speaker"], item["variant"], item["changed_words"])
             for item in found["appearances"]]
    # Capitol Wire gives the time of day, The Northern Ledger only the day: the timed appearance comes
    # first, since only it is known to be early on the 21st (provenance.cluster.appearance_key).
    assert later == [
        ("2024-05-21T16:40:00-04:00", "Capitol Wire", "TASS", "Dmitry Peskov", "words changed", [["take part", "participate"]]),
        ("2024-05-21", "The Northern Ledger", "TASS", "Dmitry Peskov", "truncated", []),
        ("2024-05-22", "The Valley Herald", None, "Maria Zakharova", "different speaker", []),
    ]


def test_trace_table_finds_reworded_quotes_by_similarity(samples_db):
    phrase = "Russia won't take part in any conference where her interests are discussed without her"
    result = CliRunner().invoke(app, ["trace", phrase, "--db", str(samples_db)])
    assert result.exit_code == 0, result.output
    assert "First seen  2024-05-20  TASS" in result.stdout
    assert "[-take part-] {+participate+}" in result.stdout
    assert "Dmitry Peskov → TASS → The Northern Ledger" in result.stdout


def test_trace_without_a_match(samples_db):
    result = CliRunner().invoke(app, ["trace", "purple elephants dance", "--db", str(samples_db)])
    assert result.exit_code == 1
    assert "no statement matches" in result.output


def test_bench_statements_meets_its_targets():
    result = CliRunner().invoke(app, ["bench", "statements"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if line.startswith("same statement"))
    precision, recall = float(line.split()[3]), float(line.split()[5])
    assert precision >= 0.95 and recall >= 0.95


# -- Datasette -------------------------------------------------------------------------


@pytest.fixture
def datasette(samples_db):
    ensure_registered()
    return Datasette([str(samples_db)], metadata=load_metadata())


def statement_id(samples_db) -> int:
    (found,) = trace(Database(samples_db), "interests are discussed without it")
    return found.statement_id


async def test_statements_table_facets(datasette):
    response = await datasette.client.get("/quotes/statements.json")
    assert response.status_code == 200
    facets = response.json()["facet_results"]
    assert set(facets) == {"speaker_id", "first_publisher", "outlets", "has_variants", "has_different_speakers"}


async def test_statement_page_shows_timeline_and_diff(datasette, samples_db):
    response = await datasette.client.get(f"/quotes/-/statement/{statement_id(samples_db)}")
    assert response.status_code == 200
    html = response.text
    assert "first seen" in html and "TASS" in html
    assert "<del>take part</del>" in html and "<ins>participate</ins>" in html
    assert "different speaker" in html and "Maria Zakharova" in html
    assert "quotetrack.css" in html
    assert (await datasette.client.get("/quotes/-/statement/999999")).status_code == 404


async def test_quote_page_highlights_the_quote(datasette, samples_db):
    quote_id = Database(samples_db).execute(
        "select id from quotes where variant = 'different speaker'").fetchone()[0]
    response = await datasette.client.get(f"/quotes/-/quote/{quote_id}")
    assert response.status_code == 200
    assert "<mark>Russia will not take part in any conference" in response.text
    assert "Foreign Ministry spokeswoman" in response.text


@pytest.mark.parametrize(("query", "shows"), [
    ("statement_first_seen?phrase=interests+are+discussed", "2024-05-20"),
    ("statements_several_speakers", "Maria Zakharova"),
    ("statements_reworded", "participate"),
])
async def test_canned_statement_queries(datasette, query, shows):
    response = await datasette.client.get(f"/quotes/{query}")
    assert response.status_code == 200
    assert shows in response.text


def test_canonical_version_is_the_earliest_whole_quotation_even_after_many_fragments():
    db = open_database(":memory:")
    for day in range(1, 11):  # ten reported-speech versions come first, more than the clusterer reads at once
        add(db, f"https://early.example/{day}", f"2024-06-{day:02d}", f"Paper {day}", "Lena Marsh", BASE, kind="indirect")
    add(db, "https://late.example/1", "2024-06-20", "Wire", "Lena Marsh", BASE + " We are confident.")
    (statement,) = statements(db)
    assert statement["first_publisher"] == "Paper 1"
    assert statement["canonical_text"] == BASE + " We are confident."
    assert variants(db)["Paper 1"] == ("truncated", [])


def test_quotes_grouped_as_they_are_stored_give_the_statements_of_grouping_them_afterwards(monkeypatch):
    """A new article's quotes are put in their statements as they are inserted; storing them first and
    grouping them afterwards (what re-ingesting a changed article does) must give the same rows."""
    from quotetrack import store
    from quotetrack.provenance.cluster import update_article_statements

    def two_quotes(db):
        # One article quoting the statement twice: the second quote joins the statement the first starts.
        text = f"“{BASE}” Lena Marsh said. Later she repeated: “{APPEARANCES[0][4]}.”"
        first, second = text.index(BASE), text.index(APPEARANCES[0][4])
        quotes = [Quote(text=BASE, start=first, end=first + len(BASE), kind="direct", speaker="Lena Marsh"),
                  Quote(text=APPEARANCES[0][4], start=second, end=second + len(APPEARANCES[0][4]), kind="direct", speaker="Lena Marsh")]
        ingest_article(db, Article(text=text, url="https://harbour.example/6", date="2024-06-02", publisher="Harbour Log"), quotes)

    def many_versions(db):
        # Versions of a stored statement, each compared with the stored ones and with those quoted before it here.
        said = ["The harbour bridge will reopen to lorries on Friday once the last inspections are complete.",
                "The harbour bridge will reopen to traffic on Saturday once the last inspections are complete.",
                APPEARANCES[2][4], "The harbour bridge will reopen to traffic on Friday once inspections are complete.", BASE]
        text = " ".join(f"“{words}” Lena Marsh said." for words in said)
        quotes = [Quote(text=words, start=text.index(words), end=text.index(words) + len(words), kind="direct", speaker="Lena Marsh")
                  for words in said]
        ingest_article(db, Article(text=text, url="https://harbour.example/7", date="2024-06-01"), quotes)
        # The third matches the second (which joined the first's statement) but not the first.
        said = ["We will rebuild the old harbour bridge", "We will rebuild the old harbour bridge before the winter storms arrive",
                "the old harbour bridge before the winter storms arrive next year"]
        text = " ".join(f"“{words}” Lena Marsh said." for words in said)
        quotes = [Quote(text=words, start=text.index(words), end=text.index(words) + len(words), kind="direct", speaker="Lena Marsh")
                  for words in said]
        ingest_article(db, Article(text=text, url="https://harbour.example/8", date="2024-06-01"), quotes)

    extractor = shared_extractor("rules")
    samples = [(article, extractor.extract(article)) for article in load_articles(SAMPLES)]

    def build():
        db = open_database(":memory:")
        two_quotes(db)
        for appearance in APPEARANCES:
            add(db, *appearance)
        many_versions(db)
        for article, quotes in samples:
            ingest_article(db, article, quotes)
        return {table: sorted(map(repr, db.execute(f"select * from {table}").fetchall()))
                for table in ("quotes", "statements", "statement_bands", "statement_bands_recent", "speakers", "outlets", "quote_facets")}

    grouped_as_stored = build()

    def store_then_group(db, article_id, rows, insert, outlet_names, band_keys=None):
        if rows:
            insert(rows)
        return update_article_statements(db, article_id, set())

    monkeypatch.setattr(store, "insert_grouped_quotes", store_then_group)
    assert grouped_as_stored == build()
    assert len(grouped_as_stored["statements"]) < len(grouped_as_stored["quotes"])
    assert sum("the old harbour bridge before" in row for row in grouped_as_stored["statements"]) == 0  # one statement of the three


def test_band_keys_given_with_the_quotes_are_used_and_the_others_computed(monkeypatch, extracted_samples):
    """``insert_grouped_quotes(band_keys=...)``: keys computed elsewhere (a worker process) give the rows of keys computed here."""
    from quotetrack import store
    from quotetrack.provenance.cluster import insert_grouped_quotes

    expected = {table: grouped_samples(extracted_samples).execute(f"select * from {table}").fetchall()
                for table in ("quotes", "statements", "statement_bands_recent")}
    given: list[int] = []

    def with_keys(db, article_id, rows, insert, outlet_names, band_keys=None):
        texts = [row["text"] for row in rows if row["text"]][::2]  # every other text given, the rest computed
        given.append(len(texts))
        return insert_grouped_quotes(db, article_id, rows, insert, outlet_names,
                                     band_keys={text: tuple(lsh.band_keys(text)) for text in texts})

    monkeypatch.setattr(store, "insert_grouped_quotes", with_keys)
    db = grouped_samples(extracted_samples)
    assert sum(given) > 20
    assert {table: db.execute(f"select * from {table}").fetchall() for table in expected} == expected

    # The keys given are the ones stored (not computed again).
    db = open_database(":memory:")
    text = "We will not back down on the shelter budget this winter."
    monkeypatch.undo()
    ingest_article(db, Article(text=text, url="https://example.com/keys"), [Quote(text=text, start=0, end=len(text), kind="direct")], band_keys={text: [1, 2, 3]})
    assert sorted(row[0] for row in db.execute("select band from statement_bands_recent")) == [1, 2, 3]


@pytest.fixture(scope="module")
def extracted_samples():
    extractor = shared_extractor("rules")
    return [(article, extractor.extract(article)) for article in load_articles(SAMPLES)]


def grouped_samples(extracted_samples) -> Database:
    db = open_database(":memory:")
    for appearance in APPEARANCES:
        add(db, *appearance)
    for article, quotes in extracted_samples:
        ingest_article(db, article, quotes)
    return db


def band_keys_stored(db) -> tuple[int, int]:
    return db.execute("select (select count(*) from statement_bands_recent), (select count(*) from statement_bands)").fetchone()


GROUPING = "select q.id, s.canonical_text, q.variant from quotes q left join statements s on s.id = q.statement_id order by q.id"


@pytest.mark.parametrize("merged_at", [1, 60, 10**9])
def test_moving_recent_band_keys_into_the_big_table_groups_the_same(monkeypatch, extracted_samples, merged_at):
    """However often the recent LSH keys are moved into the big table, the same quotes form the same statements."""
    monkeypatch.setattr(lsh, "RECENT_KEYS_MERGED", 10**9)
    expected = grouped_samples(extracted_samples).execute(GROUPING).fetchall()
    monkeypatch.setattr(lsh, "RECENT_KEYS_MERGED", merged_at)
    db = grouped_samples(extracted_samples)
    recent, merged = band_keys_stored(db)
    assert recent < merged_at and (merged > 0) == (merged_at < 10**9)
    assert db.execute(GROUPING).fetchall() == expected
    assert len({text for _, text, _ in expected if text}) > 50
    for (article_id,) in db.execute("select id from articles").fetchall():
        delete_article(db, article_id)
    assert band_keys_stored(db) == (0, 0)


def test_the_copy_of_the_recent_keys_follows_rollbacks_deletes_and_other_connections(tmp_path):
    db = open_database(tmp_path / "bands.db")

    def copy_is_whole() -> bool:
        copy = lsh.recent_by_band(db)
        assert copy is not None
        held = {(band, statement_id) for band, statements in copy.items()
                for statement_id in ((statements,) if isinstance(statements, int) else statements)}
        return held == set(db.execute("select band, statement_id from statement_bands_recent"))

    with db.conn:
        lsh.add_bands(db, 1, [1, 2])
        assert copy_is_whole()
    db.conn.execute("begin")
    lsh.add_bands(db, 2, [3])
    assert copy_is_whole()
    db.conn.execute("rollback")  # the copy of key 3 goes with it
    with db.conn:
        lsh.add_bands(db, 3, [4])  # takes the rowid key 3 had
        assert copy_is_whole() and lsh.candidates(db, [3]) == [] and lsh.candidates(db, [4]) == [3]
        lsh.remove_bands(db, 3)  # the last rows: their rowids are given again
        lsh.add_bands(db, 4, [5, 6])
        assert copy_is_whole()
    other = sqlite3.connect(tmp_path / "bands.db")
    with other:
        other.execute("insert into statement_bands_recent (band, statement_id) values (9, 9)")
        other.execute("delete from statement_bands_recent where statement_id = 1")
    other.close()
    with db.conn:
        lsh.add_bands(db, 5, [7])
        assert copy_is_whole() and lsh.candidates(db, [9, 1]) == [9]
