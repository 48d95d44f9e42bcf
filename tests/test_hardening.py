"""Bad input and faults through the CLI (issue 8): each case exits as documented, says so in one line,
and loses or leaks nothing (row counts before and after)."""

import csv
import io
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack import ingestion, store
from quotetrack.cli import app

MAYOR = "Title: Shelter vote\nURL: https://example.com/shelter\n\n“We will not back down,” Mayor Jane Ortiz said on Tuesday.\n"
PORT = (
    "Title: Port strike\nURL: https://example.com/port\n\n"
    "“The cranes stay idle until the contract is signed,” union leader Tomas Brandt told the Harbour Gazette.\n"
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def counts(path: Path) -> dict[str, int]:
    db = Database(path)
    try:
        return {table: db[table].count for table in ("articles", "quotes")}
    finally:
        db.close()


def error_line(result) -> str:
    """The one stderr line of a failed command."""
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def jsonl_line(text: str, url: str) -> str:
    return json.dumps({"text": text, "url": url}, ensure_ascii=False)


def ingest(runner, *args):
    return runner.invoke(app, ["ingest", *map(str, args), "--engine", "rules"])


# 1: a JSON Lines line with a lone surrogate
def test_a_lone_surrogate_skips_its_line_only(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = jsonl_line("“We are ready,” Minister Ana Silva told the Harbour Gazette.", "https://example.com/1")
    bad = '{"text": "“Half a pair \\ud800 here,” she said.", "url": "https://example.com/2"}'
    last = jsonl_line("“Talks resume Monday,” spokesman Ivo Lind said.", "https://example.com/3")
    feed.write_text(f"{good}\n{bad}\n{last}\n", encoding="utf-8")
    (tmp_path / "more.txt").write_text(MAYOR, encoding="utf-8")
    result = ingest(runner, feed, tmp_path / "more.txt", "--db", tmp_path / "q.db")
    assert result.exit_code == 1
    assert f"Skipped {feed}:2: \"text\" field has a lone surrogate \\ud800" in result.stderr
    assert counts(tmp_path / "q.db") == {"articles": 3, "quotes": 3}


# 2: --db pointing at another application's SQLite file
def test_a_foreign_database_is_refused_untouched(runner, tmp_path):
    other = tmp_path / "crm.db"
    connection = sqlite3.connect(other)
    connection.execute("create table articles (sku integer primary key, name text)")
    connection.execute("insert into articles values (1, 'ferry ticket')")
    connection.commit()
    connection.close()
    before = other.read_bytes()
    (tmp_path / "mayor.txt").write_text(MAYOR, encoding="utf-8")
    result = ingest(runner, tmp_path / "mayor.txt", "--db", other)
    assert result.exit_code == 1
    assert "not a quotetrack database" in error_line(result)
    assert other.read_bytes() == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["crm.db", "mayor.txt"]  # no WAL side files either


# 3: serve on a file that is not SQLite
def test_serve_on_a_non_sqlite_file(runner, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("shopping list\n" * 40, encoding="utf-8")
    result = runner.invoke(app, ["serve", str(notes)])
    assert result.exit_code == 1
    assert error_line(result) == f"Error: {notes}: not an SQLite database"


# 4: two first ingests into a new database at once
def test_a_first_ingest_waits_for_another_creating_the_database(runner, tmp_path):
    path = tmp_path / "new.db"
    blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    blocker.execute("create table scratch (x)")  # another process, half-way through creating the file
    threading.Timer(0.5, lambda: (blocker.execute("ROLLBACK"), blocker.close())).start()
    (tmp_path / "mayor.txt").write_text(MAYOR, encoding="utf-8")
    result = ingest(runner, tmp_path / "mayor.txt", "--db", path, "--timeout", "5")
    assert result.exit_code == 0, result.output
    assert counts(path) == {"articles": 1, "quotes": 1}


def test_two_first_ingests_at_once_both_succeed(tmp_path):
    (tmp_path / "mayor.txt").write_text(MAYOR, encoding="utf-8")
    (tmp_path / "port.txt").write_text(PORT, encoding="utf-8")
    command = [sys.executable, "-m", "quotetrack", "ingest", "--db", str(tmp_path / "new.db"), "--engine", "rules"]
    processes = [subprocess.Popen([*command, str(tmp_path / name)], stderr=subprocess.PIPE, text=True) for name in ("mayor.txt", "port.txt")]
    errors = [process.communicate(timeout=120)[1] for process in processes]
    assert [process.returncode for process in processes] == [0, 0], errors
    assert counts(tmp_path / "new.db") == {"articles": 2, "quotes": 2}


# 5: re-ingest of unchanged articles skips extraction
def test_unchanged_articles_are_not_extracted_again(runner, tmp_path, monkeypatch):
    (tmp_path / "mayor.txt").write_text(MAYOR, encoding="utf-8")
    (tmp_path / "port.txt").write_text(PORT, encoding="utf-8")
    assert ingest(runner, tmp_path, "--db", tmp_path / "q.db").exit_code == 0
    extracted = []
    original = ingestion.extract_batch
    monkeypatch.setattr(ingestion, "extract_batch", lambda extractor, batch: extracted.extend(batch) or original(extractor, batch))
    (tmp_path / "port.txt").write_text(PORT.replace("Tuesday", "Wednesday") + "“We are not moving,” Brandt added.\n", encoding="utf-8")
    result = ingest(runner, tmp_path, "--db", tmp_path / "q.db")
    assert result.exit_code == 0
    assert "(0 new, 1 updated, 1 unchanged), 3 quotes" in result.stdout
    assert [article.title for article in extracted] == ["Port strike"]  # the mayor's article was not extracted
    assert counts(tmp_path / "q.db") == {"articles": 2, "quotes": 3}
    extracted.clear()
    assert ingest(runner, tmp_path, "--db", tmp_path / "q.db", "--force").exit_code == 0
    assert len(extracted) == 2


# 6: a database in a folder we may not write
def test_export_and_serve_open_a_read_only_location_immutable(runner, tmp_path, monkeypatch):
    (tmp_path / "mayor.txt").write_text(MAYOR, encoding="utf-8")
    folder = tmp_path / "archive"
    folder.mkdir()
    assert ingest(runner, tmp_path / "mayor.txt", "--db", folder / "q.db").exit_code == 0
    for side in folder.glob("q.db-*"):
        side.unlink()
    # The tests may run as root, whom chmod does not stop: say the folder is read-only as the OS would.
    real_access = os.access
    monkeypatch.setattr(store.os, "access", lambda path, mode: False if Path(path) == folder else real_access(path, mode))
    folder.chmod(0o555)
    try:
        result = runner.invoke(app, ["export", "--db", str(folder / "q.db"), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert [row["speaker"] for row in json.loads(result.stdout)] == ["Jane Ortiz"]
        assert sorted(path.name for path in folder.iterdir()) == ["q.db"]  # no -wal or -shm made
        result = runner.invoke(app, ["serve", str(folder / "q.db"), "--export-metadata", str(tmp_path / "m.json")])
        assert result.exit_code == 0
        assert result.stdout.startswith(f"datasette serve -i {folder / 'q.db'} --metadata")
    finally:
        folder.chmod(0o755)


@pytest.fixture
def exported(runner, tmp_path):
    """A database with a speaker whose name holds LIKE wildcards, and quotes a spreadsheet would run."""
    text = (
        "Title: Budget\nURL: https://example.com/budget\n\n"
        "“=SUM(B2:B9) was the wrong total,” Councillor Rosa Vidal said.\n"
        "“+15 percent is not a cut,” treasurer Omar Haddad said.\n"
    )
    (tmp_path / "budget.txt").write_text(text, encoding="utf-8")
    assert ingest(runner, tmp_path / "budget.txt", "--db", tmp_path / "q.db").exit_code == 0
    return tmp_path / "q.db"


# 7: --speaker % or _
@pytest.mark.parametrize("wildcard", ["%", "_", "%a%"])
def test_like_wildcards_in_speaker_match_literally(runner, exported, wildcard):
    result = runner.invoke(app, ["export", "--db", str(exported), "--format", "json", "--speaker", wildcard])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
    assert len(json.loads(runner.invoke(app, ["export", "--db", str(exported), "--format", "json"]).stdout)) == 2


# 8: formulas in CSV
def test_csv_export_is_safe_for_spreadsheets(runner, exported):
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--db", str(exported)]).stdout)))
    texts = sorted(row["text"] for row in rows)
    assert texts == ["'+15 percent is not a cut,", "'=SUM(B2:B9) was the wrong total,"]
    raw = list(csv.DictReader(io.StringIO(runner.invoke(app, ["export", "--db", str(exported), "--no-escape-formulas"]).stdout)))
    assert sorted(row["text"] for row in raw) == [text[1:] for text in texts]
    as_json = json.loads(runner.invoke(app, ["export", "--db", str(exported), "--format", "json"]).stdout)
    assert sorted(row["text"] for row in as_json) == [text[1:] for text in texts]  # JSON is data, written as stored


# 9: export | head
def test_export_into_a_closed_pipe_exits_quietly(exported):
    command = f"{sys.executable} -m quotetrack export --db {exported} --format json | head -c 1 > /dev/null; echo ${{PIPESTATUS[0]}}"
    for _ in range(3):
        done = subprocess.run(["bash", "-c", command], check=False, capture_output=True, text=True, timeout=60)
        assert done.stdout.strip() == "0"
        assert done.stderr == ""


# 10: a canned query states its cut; the table CSV streams every row
def test_canned_queries_state_their_row_limit():
    from quotetrack.publish import load_metadata

    queries = load_metadata()["databases"]["quotes"]["queries"]
    for name in ("quotes_by_speaker", "first_quoted", "quotes_via_outlet"):
        assert "first 200" in queries[name]["description"] and "_stream=on" in queries[name]["description"], name


async def test_table_csv_streams_every_row(tmp_path):
    from datasette.app import Datasette

    from quotetrack.publish import load_metadata
    from quotetrack.records import Article, Quote

    db = store.open_database(tmp_path / "quotes.db")
    for number in range(1100):
        text = f"“Point {number} stands,” Mayor Jane Ortiz said."
        # One day for all: the quote page's order must still never tie across a page boundary.
        store.ingest_article(db, Article(text=text, url=f"https://example.com/{number}", date="2024-05-14"), [
            Quote(text=f"Point {number} stands,", start=1, end=text.index("”"), kind="direct", speaker="Jane Ortiz")])
    db.close()
    datasette = Datasette([str(tmp_path / "quotes.db")], metadata=load_metadata())
    capped = await datasette.client.get("/quotes/quotes_by_speaker.csv?speaker=Ortiz")
    assert len(capped.text.splitlines()) == 1 + 200
    # The CSV link of the quote page, filtered as the canned query's description says: every row.
    full = await datasette.client.get("/quotes/quotes.csv?speaker=Jane+Ortiz&_sort=sort_date&_stream=on&_size=max")
    assert len(list(csv.reader(io.StringIO(full.text)))) == 1 + 1100
    every = await datasette.client.get("/quotes/quotes.csv?_stream=on&_dl=on")  # the URL metadata.yml gives, newest first
    ids = [row["id"] for row in csv.DictReader(io.StringIO(every.text))]
    assert len(ids) == len(set(ids)) == 1100


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# 11: serve on a port in use
def test_serve_on_a_port_in_use(runner, exported):
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", str(exported), "--port", str(port)])
    assert result.exit_code == 1
    assert error_line(result) == f"Error: port {port} on 127.0.0.1 is already in use; stop the other server or choose another --port"


# 12: NUL bytes: one rule for .txt and JSON
def test_a_nul_byte_is_dropped_alike_in_text_and_json(runner, tmp_path):
    body = "“We are\x00 ready,” Minister Ana Silva told the Harbour Gazette."
    (tmp_path / "a.txt").write_bytes(("URL: https://example.com/nul\n\n" + body + "\n").encode("utf-8"))
    (tmp_path / "b.jsonl").write_text(jsonl_line(body, "https://example.com/nul") + "\n", encoding="utf-8")
    for name in ("a.txt", "b.jsonl"):
        result = ingest(runner, tmp_path / name, "--db", tmp_path / f"{name}.db")
        assert result.exit_code == 0, result.output
        (row,) = Database(tmp_path / f"{name}.db").query("select articles.text, quotes.text as quote from articles join quotes")
        assert row == {"text": body.replace("\x00", ""), "quote": "We are ready,"}


# 13: killing serve leaves no server and no temporary file
def test_serve_becomes_datasette_and_leaves_nothing_when_killed(exported, tmp_path):
    port = free_port()
    temp = tmp_path / "tmp"
    temp.mkdir()
    environment = dict(os.environ, TMPDIR=str(temp))
    process = subprocess.Popen(
        [sys.executable, "-m", "quotetrack", "serve", str(exported), "--public", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                listed = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/-/databases.json", timeout=1))
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "serve did not start"
                time.sleep(0.2)
        assert [database["path"] for database in listed] == ["q.db"]  # the file name, not where it lives
        assert list(temp.iterdir()) == []
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    with socket.create_server(("127.0.0.1", port)):
        pass  # the port is free: no child kept it
    assert list(temp.iterdir()) == []


def test_exit_codes_and_with_text_needs_public(runner, exported):
    result = runner.invoke(app, ["serve", str(exported), "--with-text"])
    assert result.exit_code == 2
    assert "--with-text only applies with --public" in error_line(result)
