"""`quotetrack trace` answer time on a large database, built here from synthetic statements.

    python benchmarks/trace.py --quotes 1000000 --db /tmp/trace-1m.db

The database has the real schema (migrations), and every row the clusterer would write:
synthetic statements (12-30 words drawn from a Zipf-distributed vocabulary of 20,000 words),
each quoted in 1-6 articles as it was first said, truncated, or with a word changed; LSH band
keys from `band_keys`; `seen_order`, variants and statement summaries as at ingest. It is
written in bulk rather than article by article (clustering 1M quotes one article at a time
takes hours); `--ingest N` also ingests N more articles through `ingest_article`, to time
grouping on top of the large database. `trace` is then timed on phrases from stored
statements (4-6 consecutive words), whole quotes with a word changed (found by similarity),
and phrases that match nothing. An existing `--db` is reused.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import sys
import time
from pathlib import Path

from sqlite_utils import Database

from quotetrack.provenance.cluster import seen_order
from quotetrack.provenance.lsh import band_keys
from quotetrack.provenance.similarity import compare
from quotetrack.provenance.tracing import trace
from quotetrack.records import Article, Quote, quote_id, stable_id
from quotetrack.store import ingest_article, open_database

VOCABULARY = 20_000
BATCH = 20_000


def vocabulary(rng: random.Random) -> list[str]:
    syllables = ["ka", "lo", "mi", "ren", "sta", "vo", "tri", "del", "an", "por", "gu", "sel", "ni", "ber", "ul", "ze"]
    words: set[str] = set()
    while len(words) < VOCABULARY:
        words.add("".join(rng.choice(syllables) for _ in range(rng.randint(1, 4))))
    return sorted(words)


def statement_words(rng: random.Random, words: list[str], cumulative: list[float]) -> list[str]:
    return rng.choices(words, cum_weights=cumulative, k=rng.randint(12, 30))


def versions(rng: random.Random, base: list[str], words: list[str]) -> list[tuple[str, list[str]]]:
    """How each article prints the statement: mostly as said, sometimes truncated or with a word changed."""
    out = [("unchanged", base)]
    for _ in range(rng.choices([0, 1, 2, 3, 4, 5], weights=[40, 25, 15, 10, 6, 4])[0]):
        roll = rng.random()
        if roll < 0.6:
            out.append(("unchanged", base))
        elif roll < 0.8:
            out.append(("truncated", base[: max(6, len(base) * 2 // 3)]))
        else:
            changed = list(base)
            changed[rng.randrange(len(changed))] = rng.choice(words)
            out.append(("words changed", changed))
    return out


def build(path: Path, quotes: int, seed: int) -> None:
    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(words))))
    db = open_database(path)
    db.execute("drop trigger if exists quotes_ai")  # the full-text index is rebuilt once at the end
    db.execute("drop trigger if exists statements_ai")
    speakers = [{"id": stable_id(f"speaker {n}"), "name": f"Speaker {n}", "kind": "person"} for n in range(5000)]
    db["speakers"].insert_all(speakers, pk="id", ignore=True)
    made = statement_id = article_number = 0
    started = time.perf_counter()
    while made < quotes:
        articles, quote_rows, statements, bands = [], [], [], []
        while len(quote_rows) < BATCH and made + len(quote_rows) < quotes:
            statement_id += 1
            base = statement_words(rng, words, cumulative)
            speaker = rng.choice(speakers)["id"]
            day = rng.randrange(3000)
            texts = set()
            for number, (variant, version) in enumerate(versions(rng, base, words)):
                article_number += 1
                text = " ".join(version).capitalize() + "."
                article_id = stable_id(f"article {article_number}")
                date = f"{2015 + (day + number) // 365}-{1 + (day + number) % 365 // 31:02d}-{1 + (day + number) % 28:02d}"
                articles.append({"id": article_id, "url": f"https://news{article_number % 300}.example/{article_number}",
                                 "title": f"Story {article_number}", "publisher": f"Outlet {article_number % 300}",
                                 "date": date, "text": f"“{text}” the speaker said.", "extractor_version": "bench"})
                quote_rows.append({"id": quote_id(article_id, 1, 1 + len(text), "direct"), "article_id": article_id, "speaker_id": speaker,
                                   "publisher": f"Outlet {article_number % 300}", "text": text, "start": 1, "end": 1 + len(text),
                                   "kind": "direct", "date": date, "statement_id": statement_id, "variant": variant,
                                   "changed_words": json.dumps(compare(" ".join(base), text).changed_words) if variant == "words changed" else None,
                                   "seen_order": seen_order(date, article_number, 1)})
                texts.add(text)
            statements.append({"id": statement_id, "canonical_text": " ".join(base).capitalize() + ".", "speaker_id": speaker})
            bands += [(key, statement_id) for text in texts for key in band_keys(text)]
        with db.conn:
            db["articles"].insert_all(articles, pk="id")
            db["statements"].insert_all(statements, pk="id")
            db["quotes"].insert_all(quote_rows, pk="id")
            db.conn.executemany("insert or ignore into statement_bands (band, statement_id) values (?, ?)", bands)
        made += len(quote_rows)
        print(f"  {made:,} quotes, {statement_id:,} statements, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    print("  summaries and full-text indexes ...", file=sys.stderr)
    with db.conn:
        db.execute("""update statements set (quotes, articles, outlets, speakers, variants, has_variants, has_different_speakers,
            first_seen, first_quote_id, first_article_id, first_publisher, canonical_quote_id) = (
            select count(*), count(distinct article_id), count(distinct publisher), 1, sum(variant != 'unchanged'),
              max(variant != 'unchanged'), 0, min(date), min(id), min(article_id), min(publisher), min(id)
            from quotes where quotes.statement_id = statements.id)""")
        db.execute("insert into quotes_fts (quotes_fts) values ('rebuild')")
        db.execute("insert into statements_fts (statements_fts) values ('rebuild')")
    db.close()


def timed(db: Database, phrases: list[str]) -> list[float]:
    times = []
    for phrase in phrases:
        started = time.perf_counter()
        trace(db, phrase)
        times.append((time.perf_counter() - started) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000, help="quotes in the database (default 1,000,000)")
    parser.add_argument("--db", type=Path, default=Path("trace-bench.db"), help="database to build or reuse")
    parser.add_argument("--queries", type=int, default=50, help="trace calls of each kind")
    parser.add_argument("--ingest", type=int, default=0, help="then ingest this many articles through ingest_article")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args(argv)
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.quotes, args.seed)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s ({args.db.stat().st_size / 1e6:,.0f} MB)")
    db = open_database(args.db)
    rng = random.Random(args.seed + 1)
    total = db.execute("select max(rowid) from statements").fetchone()[0]
    samples = [db.execute("select canonical_text from statements where id = ?", [rng.randint(1, total)]).fetchone()[0]
               for _ in range(args.queries)]
    phrases = []
    for text in samples:
        words = text.rstrip(".").split()
        start = rng.randrange(len(words) - 6)
        phrases.append(" ".join(words[start : start + rng.randint(4, 6)]))
    reworded = []
    for text in samples:
        words = text.rstrip(".").split()
        words[rng.randrange(len(words))] = "zzgarbled"
        reworded.append(" ".join(words))
    missing = [f"qqnothing{n} zzwords here" for n in range(args.queries)]
    counts = db.execute("select (select count(*) from quotes), (select count(*) from statements)").fetchone()
    print(f"trace on {counts[0]:,} quotes, {counts[1]:,} statements ({args.db.stat().st_size / 1e6:,.0f} MB)")
    for label, batch in (("phrase (full text)", phrases), ("reworded quote (similarity)", reworded), ("no match", missing)):
        times = timed(db, batch)
        print(f"  {label:<28} median {statistics.median(times):6.1f} ms  p95 {sorted(times)[int(len(times) * 0.95) - 1]:6.1f} ms"
              f"  max {max(times):6.1f} ms")
    if args.ingest:
        started = time.perf_counter()
        for number in range(args.ingest):
            text = samples[number % len(samples)]
            article = Article(text=f"“{text}” she said.", url=f"https://late.example/{number}", date="2024-01-01")
            ingest_article(db, article, [Quote(text=text, start=1, end=1 + len(text), kind="direct", speaker="Late Speaker")])
        seconds = time.perf_counter() - started
        print(f"  ingest_article with grouping: {args.ingest / seconds:.0f} articles/s ({args.ingest} articles, one quote each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
