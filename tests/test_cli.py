import csv
import io
import json
import sqlite3

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack import __version__
from quotetrack.cli import app
from quotetrack.ingestion import extract_each
from quotetrack.publish import load_metadata
from quotetrack.read import read_articles
from quotetrack.records import Article

ORTIZ = "“We will not back down,” Mayor Jane Ortiz said on Tuesday. “Not now, not ever.”\n"
PESKOV = (
    "The Kremlin dismissed the report. “We have not seen any concrete document,” "
    "Kremlin spokesman Dmitry Peskov told TASS.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "ortiz.txt").write_text(
        "Title: Mayor digs in\nURL: https://example.com/ortiz\nOutlet: Reuters\nDate: 2024-03-04\n\n" + ORTIZ,
        encoding="utf-8",
    )
    (folder / "peskov.txt").write_text(
        "Title: Kremlin shrugs\nURL: https://example.com/peskov\nDate: 2024-03-05\n\n" + PESKOV,
        encoding="utf-8",
    )
    return folder


@pytest.fixture
def bad_file(articles):
    path = articles / "scan.txt"
    path.write_bytes(b"\x00\x01\x02\x03 not text \xff\xfe")
    return path


@pytest.fixture
def ingested(runner, articles, tmp_path):
    db_path = tmp_path / "quotes.db"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db_path), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    return db_path


def counts(db_path) -> dict[str, int]:
    db = Database(db_path)
    return {table: db[table].count for table in ("articles", "speakers", "outlets", "quotes")}


def test_ingest_stores_articles_and_quotes(runner, articles, tmp_path):
    db_path = tmp_path / "quotes.db"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db_path), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    db = Database(db_path)
    assert db["articles"].count == 2
    quotes = [row["text"] for row in db["quotes"].rows]
    assert any("We will not back down" in quote for quote in quotes)
    assert any("We have not seen any concrete document" in quote for quote in quotes)
    assert result.stdout.strip() == f"Ingested 2 articles (2 new, 0 unchanged), {len(quotes)} quotes"
    assert result.stderr == ""


def test_reingest_changes_nothing(runner, ingested, articles):
    before = counts(ingested)
    rows = list(Database(ingested).query("select * from quotes order by id"))
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(ingested), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    assert "(0 new, 2 unchanged)" in result.stdout
    assert counts(ingested) == before
    assert list(Database(ingested).query("select * from quotes order by id")) == rows


def test_bad_file_is_skipped_and_the_rest_stored(runner, articles, bad_file, tmp_path):
    db_path = tmp_path / "quotes.db"
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db_path), "--engine", "rules"])
    assert result.exit_code == 1
    assert counts(db_path)["articles"] == 2
    error_lines = result.stderr.strip().splitlines()
    assert len(error_lines) == 1 and str(bad_file) in error_lines[0]
    summary = result.stdout.strip()
    assert summary.startswith("Ingested 2 articles (2 new, 0 unchanged), ")
    assert f"; skipped 1: {bad_file}: " in summary
    assert "Traceback" not in result.output


def test_missing_path_is_a_usage_error(runner, articles, tmp_path):
    db_path = tmp_path / "quotes.db"
    result = runner.invoke(app, ["ingest", str(articles), str(tmp_path / "nope"), "--db", str(db_path)])
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: no such file or folder: {tmp_path / 'nope'}"
    assert not db_path.exists()


def test_empty_folder_is_an_error(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "quotes.db")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no articles found in {tmp_path / 'empty'}"


def test_unknown_engine_is_a_usage_error(runner, articles, tmp_path):
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(tmp_path / "q.db"), "--engine", "magic"])
    assert result.exit_code == 2


@pytest.mark.parametrize("contents", [b"\x00" * 4096, b"these are my notes, not a database\n" * 50])
def test_unusable_database_is_a_one_line_error(runner, articles, tmp_path, contents):
    db_path = tmp_path / "quotes.db"
    db_path.write_bytes(contents)
    result = runner.invoke(app, ["ingest", str(articles), "--db", str(db_path), "--engine", "rules"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {db_path}: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert db_path.read_bytes() == contents


def test_locked_database_keeps_its_rows(runner, ingested, articles, tmp_path):
    (articles / "later.txt").write_text("“Later,” Ortiz said.\n", encoding="utf-8")
    before = counts(ingested)
    blocker = sqlite3.connect(ingested, isolation_level=None, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        result = runner.invoke(
            app, ["ingest", str(articles), "--db", str(ingested), "--engine", "rules", "--timeout", "0.2"]
        )
    finally:
        blocker.close()
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: {ingested}: database is locked by another process; try again when it has finished"
    ]
    assert counts(ingested) == before


@pytest.mark.parametrize("format", ["jsonl", "json"])
def test_extract_prints_records(runner, articles, format):
    result = runner.invoke(app, ["extract", str(articles / "ortiz.txt"), "--format", format, "--engine", "rules"])
    assert result.exit_code == 0, result.output
    if format == "jsonl":
        records = [json.loads(line) for line in result.stdout.splitlines()]
    else:
        records = json.loads(result.stdout)
    assert any("We will not back down" in record["text"] for record in records)
    (article,) = read_articles([articles / "ortiz.txt"])
    for record in records:
        assert {"text", "start", "end", "kind", "cue", "speaker", "speaker_mention", "speaker_start", "speaker_end",
                "speaker_method", "via_outlet", "via_chain", "via_start", "via_end", "publisher", "confidence",
                "article_id", "path"} <= set(record)
        assert record["url"] == "https://example.com/ortiz"
        assert record["title"] == "Mayor digs in"
        assert record["publisher"] == "Reuters"
        assert record["kind"] in ("direct", "indirect", "mixed")
        assert record["article_id"] == article.id and record["path"] == str(articles / "ortiz.txt")
        # The evidence indexes the article text, like the quote itself.
        assert article.text[record["speaker_start"] : record["speaker_end"]] == record["speaker_mention"]
        assert (record["speaker_mention"], record["speaker_method"]) == ("Mayor Jane Ortiz", "name")
        parts = record.get("parts") or [[record["start"], record["end"]]]
        assert record["text"] == " … ".join(article.text[start:end] for start, end in parts)


def test_extract_reports_where_the_quoted_words_are(runner, articles):
    result = runner.invoke(app, ["extract", str(articles / "ortiz.txt"), "--format", "jsonl", "--engine", "rules"])
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    # The article text starts after the header; parts index into it like start and end.
    assert record["parts"][0][0] == record["start"] and record["parts"][-1][1] == record["end"]
    assert len(record["parts"]) == 2
    assert record["text"] == "We will not back down, … Not now, not ever."  # never the interrupting "Mayor ... said"


def test_extract_traces_each_record_to_its_file(runner, articles, tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [{"text": ORTIZ, "url": "https://example.com/o"}, {"text": PESKOV, "url": "https://example.com/p"}]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(feed), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {(record["path"], record["line"], record["url"]) for record in records} == {
        (str(feed), 1, "https://example.com/o"), (str(feed), 2, "https://example.com/p")}
    assert {record["article_id"] for record in records} == {Article(text="", url=line["url"]).id for line in lines}
    result = runner.invoke(app, ["extract", str(articles), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {record["path"] for record in records} == {str(articles / "ortiz.txt"), str(articles / "peskov.txt")}
    assert all("line" not in record for record in records)  # plain files have no line to point to


def test_extract_table(runner, articles):
    result = runner.invoke(app, ["extract", str(articles / "ortiz.txt"), "--format", "table", "--engine", "rules"])
    assert result.exit_code == 0, result.output
    assert "We will not back down" in result.stdout
    header = result.stdout.splitlines()[1]
    assert all(column in header for column in ("speaker", "method", "mention", "via", "quote"))
    assert "Jane Ortiz" in result.stdout and "name" in result.stdout


def test_extract_bad_file(runner, bad_file):
    result = runner.invoke(app, ["extract", str(bad_file), "--engine", "rules"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert str(bad_file) in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_export_csv_and_json_agree(runner, ingested):
    as_csv = runner.invoke(app, ["export", "--db", str(ingested), "--format", "csv"])
    as_json = runner.invoke(app, ["export", "--db", str(ingested), "--format", "json"])
    assert as_csv.exit_code == as_json.exit_code == 0
    csv_rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    json_rows = json.loads(as_json.stdout)
    assert len(csv_rows) == len(json_rows) == counts(ingested)["quotes"]
    assert [row["text"] for row in csv_rows] == [row["text"] for row in json_rows]
    assert {"text", "kind", "speaker", "via_outlet", "publisher", "date", "title", "url"} <= set(json_rows[0])
    assert "quote_rowid" not in json_rows[0]


def test_export_filters(runner, ingested, tmp_path):
    output = tmp_path / "peskov.json"
    result = runner.invoke(app, ["export", "--db", str(ingested), "-f", "json", "--speaker", "Peskov", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    rows = json.loads(output.read_text(encoding="utf-8"))
    assert rows and all("Peskov" in row["speaker"] for row in rows)
    assert any("concrete document" in row["text"] for row in rows)

    by_publisher = json.loads(runner.invoke(app, ["export", "--db", str(ingested), "-f", "json",
                                                  "--outlet", "Reuters"]).stdout)
    assert by_publisher and {row["publisher"] for row in by_publisher} == {"Reuters"}
    nobody = json.loads(runner.invoke(app, ["export", "--db", str(ingested), "-f", "json",
                                            "--speaker", "Nobody Atall"]).stdout)
    assert nobody == []


def test_export_missing_database(runner, tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 2
    assert "Error: no such file or folder" in result.stderr
    assert not (tmp_path / "nope.db").exists()


def test_models_status(runner, tmp_path):
    result = runner.invoke(app, ["models", "status", "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"Model folder: {tmp_path}" in result.stdout
    assert "Models installed: no" in result.stdout
    assert "Engine used by --engine auto: rules" in result.stdout


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"quotetrack {__version__}"


@pytest.mark.parametrize(
    "command",
    [[], ["ingest"], ["extract"], ["export"], ["serve"], ["models"], ["models", "download"],
     ["models", "status"], ["bench"], ["bench", "quality"], ["bench", "speed"]],
)
def test_help(runner, command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    if command and command[-1] not in ("models", "bench"):
        assert "Example: quotetrack" in result.stdout


def test_serve_needs_an_existing_database(runner, tmp_path):
    result = runner.invoke(app, ["serve", str(tmp_path / "nope.db")])
    assert result.exit_code == 2
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.parametrize("stem", ["quotes", "archive-2024"])
def test_metadata_follows_the_database_name(stem):
    metadata = load_metadata(database_name=stem)
    assert list(metadata["databases"]) == [stem]
    assert "first_quoted" in metadata["databases"][stem]["queries"]


def test_stanza_engine_without_models_creates_nothing(runner, articles, tmp_path):
    db_path = tmp_path / "quotes.db"
    result = runner.invoke(
        app,
        ["ingest", str(articles), "--db", str(db_path), "--engine", "stanza"],
        env={"STANZA_RESOURCES_DIR": str(tmp_path / "no-models")},
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "quotetrack models download" in result.stderr
    assert not db_path.exists()


class BreaksOnBoom:
    """An extractor that fails on one article, as a bug in extraction would."""

    def extract(self, article: Article) -> list:
        if "boom" in article.text:
            raise ValueError("boom\nwith a second line")
        return []

    def extract_many(self, articles):
        for article in articles:
            yield article, self.extract(article)


@pytest.mark.parametrize("batch_size", [1, 2, 16])
def test_an_article_that_breaks_the_extractor_is_skipped_alone(batch_size):
    articles = [Article("fine"), Article("boom", path="b.txt"), Article("also fine"), Article("last")]
    skipped = []
    results = list(extract_each(BreaksOnBoom(), articles, skipped.append, batch_size=batch_size))
    assert [article.text for article, _ in results] == ["fine", "also fine", "last"]
    assert skipped == ["b.txt: extraction failed: ValueError: boom"]


def test_export_with_no_matches_still_has_a_header(runner, ingested):
    result = runner.invoke(app, ["export", "--db", str(ingested), "--speaker", "Nobody Atall"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("id,text,kind,speaker,")


def test_export_refuses_a_database_it_did_not_write(runner, tmp_path):
    path = tmp_path / "notes.db"
    Database(path)["notes"].insert({"text": "hello"})
    before = path.read_bytes()
    result = runner.invoke(app, ["export", "--db", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {path}: not a quotetrack database (no articles, quotes); run `quotetrack ingest` first"
    )
    assert path.read_bytes() == before


def test_bench_speed_reports_throughput_and_memory(runner, articles):
    result = runner.invoke(app, ["bench", "speed", "--articles", "5", "--samples", str(articles)])
    assert result.exit_code == 0, result.output
    title, *lines = result.stdout.splitlines()
    assert title.startswith("quotetrack ingest speed (5 synthetic articles of ") and title.endswith(" kB on average, engine rules)")
    figures = {line[:12].strip(): float(line[12:].split()[0]) for line in lines}
    assert set(figures) == {"articles/s", "extraction", "quotes/s", "time", "store", "peak RSS", "peak traced", "database"}
    assert figures["articles/s"] > 0 and figures["quotes/s"] > 0 and figures["peak RSS"] > 0
    assert figures["extraction"] > figures["articles/s"]  # extraction alone, without storing


def test_bench_speed_times_a_corpus_and_storing_on_a_large_database(runner, tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"text": f"“We will rebuild pier {n} by spring,” Mayor Ana Ruiz said on Monday.", "url": f"https://x.example/{n}"})
             for n in range(4)]
    corpus.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["bench", "speed", "--articles", "3", "--corpus", str(corpus), "--prefill-quotes", "300"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("quotetrack ingest speed (3 articles from corpus.jsonl of 0.1 kB on average, engine rules)")
    (store,) = [line for line in result.stdout.splitlines() if line.startswith("store")]
    assert "ms/article into an empty database; " in store and " ms on top of 300 quotes (" in store
    # the corpus's article after the three timed is stored first into each database, and reported apart
    (cold,) = [line for line in result.stdout.splitlines() if line.startswith("cold cache")]
    assert " ms/article of CPU for the first 1 article of an ingest on top of 300 quotes against " in cold
    assert "prefilled 300 of 300 quotes" in result.stderr


def test_bench_speed_without_samples(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["bench", "speed", "--articles", "5", "--samples", str(tmp_path / "empty")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"Error: no readable sample articles in {tmp_path / 'empty'}"
