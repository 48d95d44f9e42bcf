"""Fault injection: ingest N articles while killing the process (SIGKILL) at random points M times, then
ingest once more to the end, and compare the database with one an uninterrupted run wrote.

    python benchmarks/faults.py --articles 300 --kills 10

Prints SQLite's integrity_check, the full-text index's own integrity check and its row count against
the quotes table, row counts against the uninterrupted run, rows that differ from it, and duplicate
quotes and articles (all must be 0). Exit code 0 when everything holds, else 1. Not a timed test.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from quotetrack.bench.speed import load_samples, synthetic_articles

TABLES = ("articles", "speakers", "outlets", "quotes")
# Columns that may differ between two correct runs: when a row was written.
VOLATILE = {"ingested_at"}


def write_articles(path: Path, count: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in synthetic_articles(load_samples(), count):
            record = {"text": article.text, "title": article.title, "url": article.url, "publisher": article.publisher, "date": article.date}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest_command(source: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "quotetrack", "ingest", str(source), "--db", str(db), "--engine", "rules"]


def run(source: Path, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(ingest_command(source, db), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def killed_run(source: Path, db: Path, after: float) -> bool:
    """Start an ingest and SIGKILL it ``after`` seconds in; False when it had already finished."""
    process = subprocess.Popen(ingest_command(source, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        process.wait(timeout=after)
        return False
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True


def rows(db: sqlite3.Connection, table: str) -> set[tuple]:
    columns = [row[1] for row in db.execute(f"pragma table_info({table})") if row[1] not in VOLATILE]
    return set(db.execute(f"select {', '.join(f'[{column}]' for column in columns)} from {table}"))


def check(db_path: Path, reference_path: Path) -> dict[str, object]:
    db, reference = sqlite3.connect(db_path), sqlite3.connect(reference_path)
    found: dict[str, object] = {"integrity_check": db.execute("pragma integrity_check").fetchone()[0]}
    try:
        # FTS5's own check, against the quotes table it indexes.
        db.execute("insert into quotes_fts(quotes_fts, rank) values ('integrity-check', 1)")
        found["fts_integrity"] = "ok"
    except sqlite3.DatabaseError as error:
        found["fts_integrity"] = str(error)
    found["fts_rows_vs_quotes"] = (
        db.execute("select count(*) from quotes_fts").fetchone()[0],
        db.execute("select count(*) from quotes").fetchone()[0],
    )
    for table in TABLES:
        ours, theirs = rows(db, table), rows(reference, table)
        found[f"{table}: rows (reference)"] = f"{len(ours)} ({len(theirs)})"
        found[f"{table}: rows differing"] = len(ours ^ theirs)
    found["duplicate quotes"] = db.execute(
        "select count(*) - count(distinct article_id || '|' || start || '|' || [end] || '|' || kind) from quotes"
    ).fetchone()[0]
    found["duplicate articles"] = db.execute("select count(*) - count(distinct coalesce(url, id)) from articles").fetchone()[0]
    db.close()
    reference.close()
    return found


def healthy(found: dict[str, object]) -> bool:
    counts_match = all(value == 0 for key, value in found.items() if key.endswith("differing") or key.startswith("duplicate"))
    fts_rows, quote_rows = found["fts_rows_vs_quotes"]  # type: ignore[misc]
    return found["integrity_check"] == "ok" and found["fts_integrity"] == "ok" and fts_rows == quote_rows and counts_match


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="N: articles to ingest")
    parser.add_argument("--kills", type=int, default=10, help="M: how many ingests to kill at a random point")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    chance = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        source = base / "articles.jsonl"
        write_articles(source, args.articles)
        reference = base / "reference.db"
        duration = run(source, reference)
        print(f"uninterrupted ingest of {args.articles} articles: {duration:.1f} s")
        startup = run(source, reference)  # a re-ingest: start-up, and every article skipped as unchanged
        per_article = max(duration - startup, 0.1) / args.articles
        faulty = base / "faulty.db"
        killed, stored = 0, 0
        for _ in range(args.kills):
            # Anywhere from start-up (creating the database) to the last article still to write; the
            # stored articles are skipped quickly, so the window shrinks as the database fills.
            window = startup + (args.articles - stored) * per_article
            killed += killed_run(source, faulty, chance.uniform(0.3, window))
            stored = sqlite3.connect(faulty).execute("select count(*) from articles").fetchone()[0] if faulty.exists() else 0
            print(f"  killed: {stored} articles stored so far")
        print(f"{killed} of {args.kills} runs killed before they finished; now one run to the end")
        run(source, faulty)
        found = check(faulty, reference)
        width = max(map(len, found))
        for key, value in found.items():
            print(f"{key:<{width}}  {value}")
        ok = healthy(found)
        print(f"N={args.articles} M={args.kills}: {'intact, same rows as the uninterrupted run, no duplicates' if ok else 'FAILED'}")
        os.sync()
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
