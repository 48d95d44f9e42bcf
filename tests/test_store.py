import json
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotetrack.records import Article, Quote, quote_id, stable_id
from quotetrack.resolve.names import canonical_speaker, speaker_key
from quotetrack.schema import MIGRATIONS
from quotetrack.search_index import search_index_consistent
from quotetrack.store import (
    Ingest,
    Store,
    StoreError,
    ensure_schema,
    ingest_article,
    open_database,
)

TEXT = (
    "Kremlin spokesman Dmitry Peskov told TASS on Monday: “We will not back down.” "
    "Mayor Jane Ortiz said the talks were “going nowhere”."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def db() -> Database:
    return Database(memory=True)


@pytest.fixture
def article() -> Article:
    return Article(
        text=TEXT,
        title="Talks stall",
        url="https://example.com/talks",
        publisher="Reuters",
        date="2024-03-04",
        path="talks.txt",
    )


def make_quotes(article: Article) -> list[Quote]:
    first = span(article.text, "We will not back down.")
    second = span(article.text, "going nowhere")
    return [
        Quote(
            text="We will not back down.",
            start=first[0],
            end=first[1],
            kind="direct",
            cue="told",
            speaker="Dmitry Peskov",
            speaker_mention="Kremlin spokesman Dmitry Peskov",
            via_outlet="TASS",
            publisher=article.publisher,
            sentence=article.text.split("” ")[0] + "”",
            confidence=0.9,
        ),
        Quote(
            text="going nowhere",
            start=second[0],
            end=second[1],
            kind="mixed",
            cue="said",
            speaker="Mayor Jane Ortiz",
            speaker_mention="Mayor Jane Ortiz",
            publisher=article.publisher,
            sentence="Mayor Jane Ortiz said the talks were “going nowhere”.",
            confidence=0.7,
        ),
    ]


def counts(db: Database) -> dict[str, int]:
    return {table: db[table].count for table in ("articles", "speakers", "outlets", "quotes")}


def test_schema_tables_keys_and_indexes(db):
    ensure_schema(db)
    assert {"articles", "speakers", "outlets", "quotes"} <= set(db.table_names())
    assert "quotes_view" in db.view_names()
    foreign_keys = {(fk.column, fk.other_table) for fk in db["quotes"].foreign_keys}
    assert foreign_keys == {
        ("article_id", "articles"),
        ("speaker_id", "speakers"),
        ("via_outlet_id", "outlets"),
        ("publisher_outlet_id", "outlets"),
        ("statement_id", "statements"),
    }
    # Every foreign key and every filter of the quote page leads an index.
    leading = {index.columns[0] for index in db["quotes"].indexes}
    assert {"article_id", "speaker_id", "via_outlet_id", "publisher_outlet_id", "statement_id"} <= leading
    assert {"date", "kind", "speaker", "via_outlet", "published_by", "speaker_method"} <= leading
    assert db["quotes"].detect_fts() == "quotes_fts"
    assert "porter" in db["quotes_fts"].schema


def test_ensure_schema_is_idempotent(db, article):
    ensure_schema(db)
    ingest_article(db, article, make_quotes(article))
    schema = db.schema
    ensure_schema(db)
    assert db.schema == schema
    assert counts(db)["quotes"] == 2


def test_ingest_stores_everything(db, article):
    quotes = make_quotes(article)
    assert ingest_article(db, article, quotes, extractor_version="test-1") == Ingest.NEW

    stored_article = db["articles"].get(article.id)
    assert stored_article["title"] == "Talks stall"
    assert stored_article["text"] == TEXT
    assert stored_article["extractor_version"] == "test-1"
    assert stored_article["ingested_at"]

    peskov = db["quotes"].get(quote_id(article.id, quotes[0].start, quotes[0].end, "direct"))
    assert TEXT[peskov["start"] : peskov["end"]] == peskov["text"] == "We will not back down."
    assert peskov["article_id"] == article.id
    assert peskov["kind"] == "direct"
    assert peskov["cue"] == "told"
    assert peskov["confidence"] == 0.9
    assert peskov["date"] == "2024-03-04"
    assert peskov["publisher"] == "Reuters"
    assert peskov["extractor_version"] == "test-1"
    speaker = db["speakers"].get(peskov["speaker_id"])
    assert {key: speaker[key] for key in ("id", "name", "kind")} == {
        "id": peskov["speaker_id"],
        "name": "Dmitry Peskov",
        "kind": "person",
    }
    assert (peskov["speaker"], peskov["via_outlet"], peskov["published_by"]) == ("Dmitry Peskov", "TASS", "Reuters")
    tass = db["outlets"].get(peskov["via_outlet_id"])
    assert (tass["name"], tass["country"], tass["state_run"]) == ("TASS", "Russia", 1)
    assert db["outlets"].get(peskov["publisher_outlet_id"])["name"] == "Reuters"

    rows = {row["text"]: row for row in db["quotes_view"].rows}
    assert rows["going nowhere"]["speaker"] == "Jane Ortiz"
    assert rows["going nowhere"]["via_outlet"] is None
    assert rows["We will not back down."]["via_outlet"] == "TASS"
    assert rows["We will not back down."]["title"] == "Talks stall"
    assert rows["We will not back down."]["url"] == "https://example.com/talks"


@pytest.mark.parametrize(
    "query, expected",
    [
        ("back down", ["We will not back down."]),
        ("backing", ["We will not back down."]),  # porter stemming
        ("Ortiz", ["going nowhere"]),  # speaker_mention is indexed too
        ("nowhere", ["going nowhere"]),
        ("elephant", []),
    ],
)
def test_full_text_search(db, article, query, expected):
    ingest_article(db, article, make_quotes(article))
    assert [row["text"] for row in db["quotes"].search(query)] == expected


def test_reingest_identical_writes_nothing(db, article):
    ingest_article(db, article, make_quotes(article))
    before = counts(db)
    ingested_at = db["articles"].get(article.id)["ingested_at"]
    changes = db.conn.total_changes
    assert ingest_article(db, article, make_quotes(article)) == Ingest.UNCHANGED
    assert db.conn.total_changes == changes
    assert counts(db) == before
    assert db["articles"].get(article.id)["ingested_at"] == ingested_at


def test_changed_extraction_replaces_quotes(db, article):
    ingest_article(db, article, make_quotes(article))
    before = counts(db)
    better = make_quotes(article)
    better[1].speaker = "Jane Ortiz"
    better[1].confidence = 0.8
    dropped_kind = better[0]
    dropped_kind.kind = "mixed"  # a new id: the old direct quote must go

    assert ingest_article(db, article, better) == Ingest.UPDATED
    assert counts(db) == before
    assert sorted(row["kind"] for row in db["quotes"].rows) == ["mixed", "mixed"]
    assert {row["confidence"] for row in db["quotes"].rows} == {0.9, 0.8}
    # The full-text index follows the replacement instead of keeping stale rows.
    assert [row["kind"] for row in db["quotes"].search("back down")] == ["mixed"]
    assert db.execute("select count(*) from quotes_fts").fetchone()[0] == 2


def test_fewer_quotes_on_reingest_removes_the_extra_rows(db, article):
    ingest_article(db, article, make_quotes(article))
    assert ingest_article(db, article, make_quotes(article)[:1]) == Ingest.UPDATED
    assert [row["text"] for row in db["quotes"].rows] == ["We will not back down."]


def test_other_articles_are_untouched(db, article):
    other = Article(text="“Fine,” Ortiz said.", url="https://example.com/other", date="2024-03-05")
    ingest_article(db, other, [Quote(text="Fine,", start=1, end=6, kind="direct", speaker="Jane Ortiz")])
    ingest_article(db, article, make_quotes(article))
    ingest_article(db, article, make_quotes(article)[:1])
    assert [row["text"] for row in db["quotes"].rows_where("article_id = ?", [other.id])] == ["Fine,"]


@pytest.mark.parametrize(
    "name, canonical",
    [
        ("Dmitry Peskov", "Dmitry Peskov"),
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("Mr. Peskov", "Peskov"),
        ("Sen. Ted Cruz", "Ted Cruz"),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov"),
        ("UN Secretary-General António Guterres", "António Guterres"),
        ("Sergei Lavrov, Russia’s foreign minister", "Sergei Lavrov"),
        ("President Ursula von der Leyen", "Ursula von der Leyen"),
        ("the Foreign Ministry", "Foreign Ministry"),
        ("European Union was ready", "European Union was ready"),
        ("he", None),
        ("the spokesman", None),
        ("", None),
    ],
)
def test_canonical_speaker(name, canonical):
    assert canonical_speaker(name) == canonical


def article_quoting(*speakers: str) -> tuple[Article, list[Quote]]:
    text = " ".join(f"“Statement {number},” {speaker} said." for number, speaker in enumerate(speakers))
    quotes = []
    for number, speaker in enumerate(speakers):
        start, end = span(text, f"Statement {number},")
        quotes.append(Quote(text=text[start:end], start=start, end=end, kind="direct", speaker=speaker))
    return Article(text=text, url="https://example.com/" + stable_id(text)), quotes


@pytest.mark.parametrize(
    "articles, expected_speakers",
    [
        # Within one article a surname is the article's one full name with that surname.
        ([["Dmitry Peskov", "Peskov", "Kremlin spokesman Dmitry Peskov"]], ["Dmitry Peskov"]),
        ([["Erdogan", "Recep Tayyip Erdoğan"]], ["Recep Tayyip Erdoğan"]),
        # Two full names share the surname: "Peskov" alone stays its own speaker.
        ([["Dmitry Peskov", "Elizaveta Peskov", "Peskov"]], ["Dmitry Peskov", "Elizaveta Peskov", "Peskov"]),
        # Across articles nothing is merged: the stored speaker depends on the article alone.
        ([["Dmitry Peskov"], ["Mr. Peskov"], ["Peskov"]], ["Dmitry Peskov", "Peskov"]),
        ([["Peskov"], ["Dmitry Peskov"]], ["Dmitry Peskov", "Peskov"]),
    ],
)
def test_speakers_are_merged_within_an_article(db, articles, expected_speakers):
    for speakers in articles:
        ingest_article(db, *article_quoting(*speakers))
    assert sorted(row["name"] for row in db["speakers"].rows) == expected_speakers
    assert all(row["speaker_id"] for row in db["quotes"].rows)


def test_stored_speakers_do_not_depend_on_ingest_order():
    articles = [article_quoting("Dmitry Peskov"), article_quoting("Peskov"), article_quoting("Research firm eMarketer")]
    stored = []
    for order in (articles, articles[::-1]):
        db = open_database(":memory:")
        for article, quotes in order:
            ingest_article(db, article, quotes)
        stored.append(sorted((row["text"], row["speaker_id"]) for row in db["quotes"].rows))
        assert [ingest_article(db, article, quotes) for article, quotes in order] == [Ingest.UNCHANGED] * 3
    assert stored[0] == stored[1]


def test_speaker_id_is_the_hash_of_the_canonical_name(db):
    ingest_article(db, *article_quoting("Kremlin spokesman Dmitry Peskov"))
    assert [row["id"] for row in db["speakers"].rows] == [stable_id(speaker_key("Dmitry Peskov"))]


@pytest.mark.parametrize(
    "via_outlets, expected",
    [
        (["TASS", "Tass", "the state-run TASS news agency"], [("TASS", "Russia")]),
        (["RIA Novosti", "RIA"], [("RIA Novosti", "Russia")]),
        (["Smalltown Gazette", "Smalltown Gazette"], [("Smalltown Gazette", None)]),
    ],
)
def test_outlets_are_canonicalised(db, via_outlets, expected):
    text = " ".join(f"“Point {number},” Ortiz told reporters." for number in range(len(via_outlets)))
    quotes = []
    for number, outlet in enumerate(via_outlets):
        start, end = span(text, f"Point {number},")
        quotes.append(Quote(text=text[start:end], start=start, end=end, kind="direct", via_outlet=outlet))
    ingest_article(db, Article(text=text), quotes)
    assert [(row["name"], row["country"]) for row in db["outlets"].rows] == expected
    assert {row["via_outlet_id"] for row in db["quotes"].rows} == {row["id"] for row in db["outlets"].rows}


def test_unknown_publisher_keeps_text_without_outlet(db):
    article = Article(text="“Yes,” Ortiz said.", publisher="Smalltown Gazette")
    ingest_article(db, article, [Quote(text="Yes,", start=1, end=5, kind="direct")])
    row = next(db["quotes"].rows)
    assert (row["publisher"], row["publisher_outlet_id"]) == ("Smalltown Gazette", None)
    assert db["outlets"].count == 0


@pytest.fixture
def file_db(tmp_path, article):
    path = tmp_path / "quotes.db"
    db = open_database(path)
    ingest_article(db, article, make_quotes(article))
    db.close()
    return path


def hold_exclusive_lock(path):
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN EXCLUSIVE")
    return blocker


def test_locked_database_raises_store_error_and_keeps_rows(file_db, article):
    blocker = hold_exclusive_lock(file_db)
    try:
        db = open_database(file_db, timeout=0.1)  # write-ahead logging: reading still works
        changed = make_quotes(article)[:1]
        other = Article(text="“Later,” Ortiz said.", url="https://example.com/later")
        for args in [(article, changed), (other, [Quote(text="Later,", start=1, end=7, kind="direct")])]:
            with pytest.raises(StoreError, match="locked") as error:
                ingest_article(db, *args)
            assert "\n" not in str(error.value)
    finally:
        blocker.close()
    assert counts(Database(file_db)) == {"articles": 1, "speakers": 2, "outlets": 2, "quotes": 2}


def test_waits_for_another_writer_to_finish(file_db, article):
    db = open_database(file_db, timeout=10)
    db.execute("select count(*) from quotes")  # a reader first, as in a real ingest loop
    blocker = hold_exclusive_lock(file_db)
    release = threading.Timer(0.3, blocker.close)
    release.start()
    other = Article(text="“Later,” Ortiz said.", url="https://example.com/later")
    try:
        assert ingest_article(db, other, [Quote(text="Later,", start=1, end=7, kind="direct")]) == Ingest.NEW
    finally:
        release.join()
    assert counts(Database(file_db))["articles"] == 2


def test_new_databases_use_write_ahead_logging(tmp_path):
    assert open_database(tmp_path / "quotes.db").journal_mode == "wal"


def test_opening_a_locked_rollback_journal_database_raises_store_error(tmp_path, article):
    path = tmp_path / "quotes.db"
    ingest_article(Database(path), article, make_quotes(article))
    blocker = hold_exclusive_lock(path)
    try:
        with pytest.raises(StoreError, match="locked"):
            open_database(path, timeout=0.1)
    finally:
        blocker.close()
    assert Database(path).journal_mode == "delete"
    assert counts(Database(path))["quotes"] == 2


def test_creating_a_locked_database_raises_store_error(tmp_path):
    blocker = hold_exclusive_lock(tmp_path / "new.db")
    try:
        with pytest.raises(StoreError, match="locked"):
            open_database(tmp_path / "new.db", timeout=0.1)
    finally:
        blocker.close()
    assert Database(tmp_path / "new.db").table_names() == []


def test_read_only_database_raises_store_error_and_keeps_rows(file_db, article):
    read_only = Database(sqlite3.connect(f"file:{file_db}?mode=ro", uri=True))
    ensure_schema(read_only)  # the schema is complete, so opening writes nothing
    with pytest.raises(StoreError, match="read-only"):
        ingest_article(read_only, article, make_quotes(article)[:1])
    assert counts(Database(file_db))["quotes"] == 2


@pytest.mark.parametrize("content, message", [(b"not a database" * 100, "not an SQLite database")])
def test_not_a_database(tmp_path, content, message):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=message):
        open_database(path)
    assert path.read_bytes() == content


def test_read_only_open_writes_nothing(file_db, tmp_path):
    before = file_db.read_bytes()
    db = open_database(file_db, read_only=True)
    assert db["quotes"].count == 2
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.execute("delete from quotes")
    db.close()
    assert file_db.read_bytes() == before

    with pytest.raises(StoreError, match="no such database"):
        open_database(tmp_path / "missing.db", read_only=True)
    assert not (tmp_path / "missing.db").exists()


def test_read_only_open_of_another_database(tmp_path):
    path = tmp_path / "other.db"
    Database(path)["notes"].insert({"text": "hello"})
    with pytest.raises(StoreError, match="not a quotetrack database"):
        open_database(path, read_only=True)
    assert Database(path).table_names() == ["notes"]


def test_quote_parts_are_stored_as_json(db):
    text = "“We will not back down,” Jane Ortiz said. “The city deserves better.”"
    first, second = span(text, "We will not back down,"), span(text, "The city deserves better.")
    quote = Quote(
        text=text[first[0] : second[1]],
        start=first[0],
        end=second[1],
        kind="direct",
        speaker="Jane Ortiz",
        extra={"parts": [first, second]},
    )
    ingest_article(db, Article(text=text), [quote])
    (row,) = db["quotes"].rows
    assert [text[a:b] for a, b in json.loads(row["parts"])] == ["We will not back down,", "The city deserves better."]


LEGACY_SCHEMA = (Path(__file__).parent / "legacy_schema.sql").read_text(encoding="utf-8")


def legacy_database(path, schema: str = LEGACY_SCHEMA) -> Database:
    """A database as quotetrack wrote it before migrations, holding one article and its quotes."""
    db = Database(path)
    db.conn.executescript(schema)
    article = Article(text=TEXT, url="https://example.com/talks", publisher="Reuters", date="2024-03-04")
    write_as_an_older_version(db, article, make_quotes(article))
    assert "_sqlite_migrations" not in db.table_names()
    return db


def write_as_an_older_version(db: Database, article: Article, quotes: list[Quote]) -> None:
    """The rows as a version whose tables had fewer columns wrote them: only the columns ``db`` has."""
    current = open_database(":memory:")
    ingest_article(current, article, quotes)
    for table in ("articles", "speakers", "outlets", "quotes"):
        columns = db[table].columns_dict
        db[table].insert_all(({key: value for key, value in row.items() if key in columns} for row in current[table].rows), pk="id")


def test_databases_from_before_migrations_open_and_work(tmp_path, article):
    legacy_database(tmp_path / "old.db").close()
    db = open_database(tmp_path / "old.db")
    assert [migration.name for migration in MIGRATIONS.applied(db)] == [
        "create_tables", "add_attribution_evidence", "article_date_raw", "add_statements", "published_design",
        "deferred_search_index", "staged_statement_bands", "fast_pages",
        "appended_recent_bands", "article_prefixed_quote_ids", "lean_page_indexes", "statement_bands_filter", "statement_band_runs",
        "articles_by_source"]
    assert counts(db) == {"articles": 1, "speakers": 2, "outlets": 2, "quotes": 2}
    # The published names are filled in for the quotes already stored.
    assert sorted(db.execute("select speaker, via_outlet, published_by from quotes").fetchall(), key=str) == [
        ("Dmitry Peskov", "TASS", "Reuters"), ("Jane Ortiz", None, "Reuters")]
    other = Article(text="“Fine,” Jane Ortiz said.", url="https://example.com/fine")
    assert ingest_article(db, other, [Quote(text="Fine,", start=1, end=6, kind="direct", speaker="Jane Ortiz")])
    assert counts(db)["quotes"] == 3
    assert [row["speaker"] for row in Store(db).quotes(speaker="Ortiz")] == ["Jane Ortiz", "Jane Ortiz"]
    assert db.execute("select count(*) from quotes_fts where quotes_fts match 'nowhere'").fetchone()[0] == 1
    assert search_index_consistent(db)


def test_databases_from_before_quote_parts_gain_the_column(tmp_path):
    schema = LEGACY_SCHEMA.replace(',\n   "parts" TEXT', "").replace("  quotes.parts as parts,\n", "")
    assert "parts" not in schema
    db = Database(tmp_path / "older.db")
    db.conn.executescript(schema)
    db["articles"].insert({"id": "a1", "text": "“No,” Peskov said."})
    db["quotes"].insert({"id": "q1", "article_id": "a1", "text": "No,", "start": 1, "end": 4, "kind": "direct"})
    ensure_schema(db)
    assert "parts" in db["quotes"].columns_dict
    assert "parts" in db["quotes_view"].columns_dict
    assert [(row["text"], row["parts"]) for row in db["quotes_view"].rows] == [("No,", None)]


def test_opening_an_older_database_tells_each_step_as_it_starts(tmp_path, article):
    old = Database(tmp_path / "old.db")
    MIGRATIONS.apply(old, stop_before="lean_page_indexes")
    old.close()
    steps = []
    db = open_database(tmp_path / "old.db", on_update=lambda number, count, what: steps.append((number, count, what)))
    assert steps == [
        (0, 4, "The quote page's indexes hold each column once, and those by speaker or outlet only the quotes that have one"),
        (1, 4, "A table for Bloom filters over the big LSH key table, so that keys in no statement are not looked up"),
        (2, 4, "The big LSH key table grows by runs appended at its end, each with its own filter"),
        (3, 4, "Articles found by the hash of their URL (else text), whatever their day: one stored with another date keeps its id"),
    ]
    assert MIGRATIONS.pending(db) == []
    ingest_article(db, article, [])
    db.close()
    steps.clear()
    open_database(tmp_path / "old.db", on_update=lambda *step: steps.append(step)).close()
    assert steps == []  # up to date: nothing to tell


def test_an_up_to_date_database_gets_no_migration_twice(db):
    ensure_schema(db)
    ensure_schema(db)
    assert MIGRATIONS.pending(db) == []
    assert db["_sqlite_migrations"].count == len(MIGRATIONS.applied(db))


def test_a_read_only_database_from_before_migrations_still_opens(tmp_path):
    legacy_database(tmp_path / "old.db").close()
    read_only = Database(sqlite3.connect(f"file:{tmp_path / 'old.db'}?mode=ro", uri=True))
    ensure_schema(read_only)
    assert read_only["quotes"].count == 2


def test_quotes_store_the_evidence_for_their_speaker(tmp_path, article):
    db = open_database(tmp_path / "evidence.db")
    quote, _ = make_quotes(article)
    start = article.text.index(quote.speaker_mention)
    quote.speaker_start, quote.speaker_end, quote.speaker_method = start, start + len(quote.speaker_mention), "name"
    quote.via_chain, quote.via_start, quote.via_end = ["TASS"], article.text.index("TASS"), article.text.index("TASS") + 4
    ingest_article(db, article, [quote])
    row = next(db["quotes"].rows)
    assert article.text[row["speaker_start"] : row["speaker_end"]] == row["speaker_mention"]
    assert (row["speaker_method"], json.loads(row["via_chain"]), article.text[row["via_start"] : row["via_end"]]) == (
        "name", ["TASS"], "TASS")
    view = next(Store(db).quotes())
    assert (view["speaker_mention"], view["speaker_method"], view["via_chain"]) == (
        "Kremlin spokesman Dmitry Peskov", "name", '["TASS"]')


def test_a_database_from_before_the_evidence_columns_gains_them(tmp_path, article):
    path = tmp_path / "before.db"
    old = Database(path)
    MIGRATIONS.apply(old, stop_before="add_attribution_evidence")
    write_as_an_older_version(old, article, make_quotes(article)[1:])
    old.close()
    db = open_database(path)
    assert {"speaker_start", "speaker_end", "speaker_method", "via_chain", "via_start", "via_end"} <= set(
        db["quotes"].columns_dict)
    assert "speaker_method" in db["quotes_view"].columns_dict and "via_chain" in db["quotes_view"].columns_dict
    assert [row["speaker_method"] for row in Store(db).quotes()] == [None]  # until re-ingested
    assert ingest_article(db, article, make_quotes(article)) is Ingest.UPDATED
    assert db["quotes"].count == 2


def test_a_writing_connection_leaves_deleted_rows_as_they_are_rather_than_zero_them(tmp_path, article):
    # Debian's SQLite zeroes deleted content by default: pages written for nothing at each pass and search-index sync.
    db = open_database(tmp_path / "quotes.db")
    ingest_article(db, article, [])
    assert db.execute("pragma secure_delete").fetchone()[0] == 0
