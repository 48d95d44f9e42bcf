"""Serving speed at scale: a large synthetic database, timed through Datasette as ``quotetrack serve`` runs it.

:func:`build_database` writes ``quotes`` synthetic but realistic quotes through the real schema
(migrations, indexes, full-text index and triggers as ingest leaves them; rows written in bulk):

- speakers and outlets with long-tailed (Zipf) frequencies: the gazetteer's outlets and invented
  ones, speakers named from the lexicon's first names and invented surnames;
- quotes of 6-45 words drawn from the sample articles' vocabulary (its word frequencies, so
  "the" and "said" are common) with a tail of rare invented words, each in an attribution
  sentence ("..., Irena Kovač said." / "TASS quoted ... as saying ..."), about 12 to an article
  whose text holds them at their offsets; articles dated over nine years;
- statements: about a third of the quotes repeat an earlier one, as said, truncated, with a word
  changed or credited to someone else.

:func:`time_requests` then times each page a reader opens (the default quote page, facets,
filters, searches, canned queries, statements) through ``Datasette(...).client`` with the
metadata, plugin and settings of ``quotetrack serve``, and reports p50/p95 per request.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     result = run_serve_bench(300, db=pathlib.Path(folder) / "bench.db", repeat=1)
>>> result.quotes, all(timing.status == 200 and not timing.problem for timing in result.timings)
(300, True)
"""

from __future__ import annotations

import asyncio
import itertools
import random
import re
import statistics
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from ..published import rebuild_summaries, sort_date
from ..records import quote_id as make_quote_id
from ..records import stable_id
from ..resources import data_dir, word_lines
from ..search_index import rebuild_search_index
from . import BenchmarkError

__all__ = ["RequestTiming", "ServeResult", "bench_requests", "build_database", "run_serve_bench", "time_requests"]

QUOTES_PER_ARTICLE = (6, 18)
RARE_WORD = "desalination"  # planted in a few quotes: the rare-word search
BATCH = 20_000
CUES = [("said", 60), ("told reporters", 8), ("added", 8), ("according to", 5), ("warned", 4), ("stressed", 4),
        ("insisted", 3), ("wrote", 2), ("stated", 2), ("claimed", 2), ("noted", 2)]
NEWSPAPER_WORDS = ["Herald", "Ledger", "Courier", "Gazette", "Tribune", "Chronicle", "Observer", "Post", "Times", "Journal"]
SYLLABLES = ["ka", "lo", "mi", "ren", "sta", "vo", "tri", "del", "an", "por", "gu", "sel", "ni", "ber", "ul", "ze", "mar", "tov"]


@dataclass
class RequestTiming:
    name: str
    path: str
    seconds: list[float]
    status: int
    problem: str = ""  # "SQL query took too long", facets that timed out
    cpu_seconds: list[float] = field(default_factory=list)  # the process's CPU time: what one core spends

    @property
    def cpu_p50(self) -> float:
        return statistics.median(self.cpu_seconds) if self.cpu_seconds else 0.0

    @property
    def cpu_p95(self) -> float:
        return _p95(self.cpu_seconds) if self.cpu_seconds else 0.0

    @property
    def p50(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        return _p95(self.seconds)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@dataclass
class ServeResult:
    quotes: int
    database_bytes: int
    build_seconds: float
    timings: list[RequestTiming] = field(default_factory=list)

    def report(self) -> str:
        megabytes = self.database_bytes / 1024 / 1024
        built = f", built in {self.build_seconds:.0f} s" if self.build_seconds else ""
        lines = [(f"quotetrack serve speed: {self.quotes:,} quotes, {megabytes:,.0f} MB{built}; "
                 f"{len(self.timings[0].seconds) if self.timings else 0} timed requests each, warm cache"), "",
                 "(wall: elapsed time; CPU: the process's CPU time, what one core spends when others compete for it)", "",
                 f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'CPU p50':>8} {'CPU p95':>8}  result", "-" * 90]
        for timing in self.timings:
            result = "ok" if timing.status == 200 and not timing.problem else f"HTTP {timing.status} {timing.problem}".strip()
            lines.append(f"{timing.name:34} {timing.p50 * 1000:8.0f} {timing.p95 * 1000:8.0f}"
                         f" {timing.cpu_p50 * 1000:8.0f} {timing.cpu_p95 * 1000:8.0f}  {result}")
            lines.append(f"    {timing.path}")
        return "\n".join(lines)


def _zipf_weights(count: int, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** exponent for rank in range(count)))


def _invented(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


class _Corpus:
    """Names, outlets and words for the synthetic quotes."""

    def __init__(self, rng: random.Random, quotes: int):
        self.rng = rng
        firsts = word_lines("male_names") + word_lines("female_names")
        surnames = sorted({_invented(rng, rng.randint(2, 3)).capitalize() + rng.choice(["", "ov", "ez", "son", "ić", "er"])
                           for _ in range(4000)})
        count = max(50, quotes // 20)
        self.speakers = [f"{rng.choice(firsts)} {surname}" for surname in rng.choices(surnames, k=count)]
        self.speakers = list(dict.fromkeys(self.speakers))
        rng.shuffle(self.speakers)
        self.speaker_weights = _zipf_weights(len(self.speakers))
        gazetteer = [line.split(",")[0] for line in (data_dir() / "outlets.csv").read_text(encoding="utf-8").splitlines()[1:]]
        places = word_lines("places")
        invented = [f"The {place} {word}" for place in places for word in NEWSPAPER_WORDS]
        rng.shuffle(invented)
        self.publishers = [name for name in gazetteer if name not in ("TASS", "RIA Novosti", "Xinhua")] + invented
        self.publisher_weights = _zipf_weights(len(self.publishers))
        self.agencies = ["Reuters", "TASS", "Associated Press", "AFP", "RIA Novosti", "Xinhua", "Interfax", *gazetteer[:40]]
        self.agencies = list(dict.fromkeys(self.agencies))
        self.agency_weights = _zipf_weights(len(self.agencies), 1.2)
        counts: dict[str, int] = {}
        for path in sorted((data_dir() / "samples").glob("*.txt")):
            for word in re.findall(r"[A-Za-z][a-z']+", path.read_text(encoding="utf-8", errors="replace")):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
        # Quotes rarely say "said" themselves; the attribution sentence around them does.
        counts.pop("said", None)
        common = sorted(counts, key=lambda word: -counts[word])
        tail = sorted({_invented(rng, rng.randint(2, 4)) for _ in range(20000)} - set(counts))
        self.words = common + tail
        self.word_weights = list(itertools.accumulate([counts[word] * 40 for word in common] + [1] * len(tail)))
        self.cues, cue_weights = zip(*CUES)
        self.cue_weights = list(itertools.accumulate(cue_weights))

    def speaker(self) -> str:
        return self.rng.choices(self.speakers, cum_weights=self.speaker_weights)[0]

    def text(self) -> str:
        words = self.rng.choices(self.words, cum_weights=self.word_weights, k=self.rng.randint(6, 45))
        return " ".join(words).capitalize()


def _sentence(rng: random.Random, corpus: _Corpus, text: str, kind: str, mention: str, via: str | None) -> tuple[str, int]:
    """The attribution sentence around a quote, and where the quote starts in it."""
    if via:
        prefix = f"{via} quoted {mention} as saying “" if kind != "indirect" else f"{via} quoted {mention} as saying that "
        return prefix + text + ("”." if kind != "indirect" else "."), len(prefix)
    cue = rng.choices(corpus.cues, cum_weights=corpus.cue_weights)[0]
    if kind == "indirect":
        prefix = f"{mention} {cue} that "
        return prefix + text[0].lower() + text[1:] + ".", len(prefix)
    return f"“{text},” {mention} {cue}.", 1


def _date(rng: random.Random) -> str:
    day = rng.randrange(9 * 365)
    year, rest = 2016 + day // 365, day % 365
    date = f"{year}-{1 + rest // 31 % 12:02d}-{1 + rest % 28:02d}"
    if rng.random() < 0.2:
        date += f"T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00+00:00"
    return date


def build_database(path: Path, quotes: int, *, seed: int = 1, progress: Callable[[str], None] | None = None) -> None:
    """Write ``quotes`` synthetic quotes (with their articles, speakers, outlets, statements) to a new database at ``path``."""
    from ..provenance.cluster import seen_order
    from ..resolve.names import canonical_speaker, speaker_key
    from ..resolve.outlets import outlet_row
    from ..store import open_database

    rng = random.Random(seed)
    corpus = _Corpus(rng, quotes)
    db = open_database(path)
    # Full-text indexes and summaries are rebuilt once at the end; the triggers that keep them
    # are put back as ingest has them.
    found = db.execute("select name, sql from sqlite_master where type = 'trigger' and tbl_name in ('quotes', 'statements')").fetchall()
    triggers = [sql for _, sql in found]
    for name, _ in found:
        db.execute(f"drop trigger [{name}]")
    speaker_ids: dict[str, str] = {}
    outlet_ids: dict[tuple[str, bool], str | None] = {}
    outlet_names: dict[str | None, str] = {}

    def outlet(name: str | None, known_only: bool) -> str | None:
        if name is None:
            return None
        if (name, known_only) not in outlet_ids:
            row = outlet_row(name, known_only=known_only)
            outlet_ids[(name, known_only)] = row["id"] if row else None
            if row:
                outlet_names[row["id"]] = row["name"]
                db.table("outlets").insert(row, pk="id", ignore=True)
        return outlet_ids[(name, known_only)]

    recent: list[tuple[int, str, str]] = []  # statements to quote again: (id, text, speaker)
    made = statement_id = article_number = 0
    started = time.perf_counter()
    while made < quotes:
        articles: list[dict[str, Any]] = []
        quote_rows: list[dict[str, Any]] = []
        statements: list[dict[str, Any]] = []
        while len(quote_rows) < BATCH and made + len(quote_rows) < quotes:
            article_number += 1
            article_id = stable_id(f"bench article {article_number}")
            publisher = rng.choices(corpus.publishers, cum_weights=corpus.publisher_weights)[0]
            date = _date(rng)
            paragraphs: list[str] = []
            offset = 0
            for _ in range(min(rng.randint(*QUOTES_PER_ARTICLE), quotes - made - len(quote_rows))):
                variant = None
                if recent and rng.random() < 0.35:
                    statement, text, speaker = rng.choice(recent)
                    roll = rng.random()
                    variant = "unchanged"
                    if roll < 0.15:
                        words = text.split()
                        text, variant = " ".join(words[: max(4, len(words) * 2 // 3)]), "truncated"
                    elif roll < 0.25:
                        words = text.split()
                        words[rng.randrange(len(words))] = rng.choice(corpus.words[:3000])
                        text, variant = " ".join(words), "words changed"
                    elif roll < 0.28:
                        speaker, variant = corpus.speaker(), "different speaker"
                else:
                    text, speaker = corpus.text(), corpus.speaker()
                    if rng.random() < 0.0005 * max(1, 100_000 // max(quotes, 1)):
                        text += f" on {RARE_WORD}"
                    statement_id += 1
                    statement = statement_id
                    statements.append({"id": statement, "canonical_text": text})
                    recent.append((statement, text, speaker))
                    if len(recent) > 5000:
                        recent.pop(rng.randrange(len(recent)))
                kind = rng.choices(["direct", "indirect", "mixed"], weights=[45, 40, 15])[0]
                via = rng.choices(corpus.agencies, cum_weights=corpus.agency_weights)[0] if rng.random() < 0.12 else None
                mention = speaker if rng.random() < 0.6 else speaker.split()[-1]
                sentence, at = _sentence(rng, corpus, text, kind, mention, via)
                quote_text = sentence[at: at + len(text)]
                canonical = canonical_speaker(speaker) or speaker
                speaker_id = speaker_ids.get(canonical)
                if speaker_id is None:
                    speaker_id = speaker_ids[canonical] = stable_id(speaker_key(canonical))
                    db.table("speakers").insert({"id": speaker_id, "name": canonical, "kind": "person"}, pk="id", ignore=True)
                start = offset + at
                quote_id = make_quote_id(article_id, start, start + len(quote_text), kind)
                quote_rows.append({
                    "id": quote_id, "article_id": article_id,
                    "speaker_id": speaker_id, "via_outlet_id": outlet(via, False), "publisher_outlet_id": outlet(publisher, True),
                    "publisher": publisher, "text": quote_text, "start": start, "end": start + len(quote_text), "kind": kind,
                    "cue": "quoted ... as saying" if via else "said", "speaker_mention": mention, "sentence": sentence,
                    "confidence": 0.95 if mention == speaker else 0.85, "date": date, "extractor_version": "bench",
                    "speaker_start": offset + sentence.find(mention), "speaker_end": offset + sentence.find(mention) + len(mention),
                    "speaker_method": "name" if mention == speaker else "surname",
                    "via_chain": f'["{via}"]' if via else None, "statement_id": statement if len(text.split()) >= 4 else None,
                    "variant": variant or "unchanged", "seen_order": seen_order(date, article_number, start),
                    "speaker": canonical, "via_outlet": outlet_names.get(outlet(via, False)),
                    "published_by": outlet_names.get(outlet(publisher, True)) or publisher, "sort_date": sort_date(date, quote_id),
                })
                paragraphs.append(sentence)
                offset += len(sentence) + 2
            articles.append({"id": article_id, "url": f"https://news.invalid/{article_number}", "title": f"Story {article_number}",
                             "publisher": publisher, "date": date, "path": f"bench/{article_number}.txt",
                             "text": "\n\n".join(paragraphs), "ingested_at": "2025-01-01T00:00:00+00:00",
                             "extractor_version": "bench"})
        with db.conn:
            db.table("articles").insert_all(articles, pk="id")
            db.table("statements").insert_all(statements, pk="id")
            db.table("quotes").insert_all(quote_rows, pk="id")
        made += len(quote_rows)
        if progress:
            progress(f"{made:,} quotes, {article_number:,} articles, {time.perf_counter() - started:.0f} s")
    if progress:
        progress("statement summaries and full-text indexes ...")
    _finish(db, triggers)
    db.close()


def _finish(db: Database, triggers: list[str]) -> None:
    """Statement summaries as grouping leaves them, the full-text indexes rebuilt, their triggers back."""
    with db.conn:
        db.execute("""update statements set (quotes, articles, outlets, speakers, variants, has_variants, has_different_speakers,
            first_seen, first_quote_id, first_article_id, first_publisher, canonical_quote_id, speaker_id) = (
            select count(*), count(distinct article_id), count(distinct publisher), count(distinct speaker_id),
              sum(variant != 'unchanged'), max(variant != 'unchanged'), max(variant = 'different speaker'),
              min(date), min(id), min(article_id), min(publisher), min(id), min(speaker_id)
            from quotes where quotes.statement_id = statements.id)""")
        db.execute("delete from statements where quotes = 0")
        rebuild_search_index(db)
        rebuild_summaries(db)
        for sql in triggers:
            db.execute(sql)
    db.execute("analyze")


def bench_requests(db: Database) -> list[tuple[str, str]]:
    """The pages timed: (name, path) for the default page, facets, filters, searches and canned queries."""
    from ..publish import METADATA_DATABASE as name

    def top(sql: str, rank: int) -> str:
        rows = [row[0] for row in db.execute(sql)]
        return rows[min(rank, len(rows) - 1)] if rows else ""

    speaker = top("select speakers.name from quotes join speakers on speakers.id = quotes.speaker_id"
                  " group by speakers.id order by count(*) desc limit 20", 5)
    rare_speaker = top("select speakers.name from speakers order by rowid desc limit 1", 0)
    top_speaker = top("select value from quote_facets where facet = 'speaker' order by quotes desc limit 1", 0)
    publisher = top("select value from quote_facets where facet = 'published_by' order by quotes desc limit 5", 1)
    rare_outlet = top("select value from quote_facets where facet = 'via_outlet' order by quotes, value limit 1", 0)
    phrase = " ".join(top("select text from quotes where statement_id in (select id from statements where articles > 2)"
                          " limit 1", 0).split()[2:6])
    q = urllib.parse.quote_plus
    # The second page of the default one: its key is the 50th row's date and id (Datasette's _next).
    row = db.execute("select sort_date, id from quotes order by sort_date desc, id limit 1 offset 49").fetchone()
    next_page = f"/{name}/quotes?_next={q(_key(row[0]) + ',' + _key(row[1]))}&_sort_desc=sort_date" if row else f"/{name}/quotes"
    table = f"/{name}/quotes"
    return [
        ("default page", table),
        ("next page", next_page),
        ("facet speaker, filtered by kind", f"{table}?kind=indirect&_facet=speaker"),
        ("filter speaker", f"{table}?speaker={q(speaker)}"),
        ("filter most quoted speaker", f"{table}?speaker={q(top_speaker)}"),
        ("filter rare speaker", f"{table}?speaker={q(rare_speaker)}"),
        ("filter via outlet", f"{table}?via_outlet=TASS"),
        ("filter publisher", f"{table}?published_by={q(publisher)}"),
        ("filter date range", f"{table}?date__gte=2021-03-01&date__lt=2021-04-01"),
        ("search common word", f"{table}?_search=said"),
        ("search rare word", f"{table}?_search={RARE_WORD}"),
        ("search + via outlet", f"{table}?_search=said&via_outlet=TASS"),
        ("canned first_quoted common", f"/{name}/first_quoted?phrase=said"),
        ("canned first_quoted phrase", f"/{name}/first_quoted?phrase={q(phrase)}"),
        ("canned quotes_by_speaker", f"/{name}/quotes_by_speaker?speaker={q(speaker)}"),
        ("canned quotes_by_speaker rare", f"/{name}/quotes_by_speaker?speaker={q(rare_speaker)}"),
        ("canned quotes_via_outlet", f"/{name}/quotes_via_outlet?outlet=TASS"),
        ("canned quotes_via_outlet rare", f"/{name}/quotes_via_outlet?outlet={q(rare_outlet)}"),
        ("canned statement_first_seen", f"/{name}/statement_first_seen?phrase={q(phrase)}"),
        ("canned statements_several_speakers", f"/{name}/statements_several_speakers"),
        ("canned statements_reworded", f"/{name}/statements_reworded"),
        ("statements", f"/{name}/statements"),
        ("speakers", f"/{name}/speakers"),
        ("outlets", f"/{name}/outlets"),
        ("CSV, first 1,000 rows of the stream", f"{table}.csv?_size=max"),
    ]


def _key(value: str | None) -> str:
    from datasette.utils import tilde_encode

    return "$null" if value is None else str(tilde_encode(value))


def _problem(text: str) -> str:
    problems = []
    if "SQL query took too long" in text:
        problems.append("SQL query took too long")
    timed_out = re.search(r'class="facets-timed-out">([^<]*)<', text)
    if timed_out:
        problems.append(timed_out.group(1).strip())
    return "; ".join(problems)


async def _time_all(path: Path, requests: list[tuple[str, str]], repeat: int) -> list[RequestTiming]:
    from datasette.app import Datasette

    from ..provenance.web import ensure_registered
    from ..publish import load_metadata, serve_settings

    ensure_registered()
    datasette = Datasette([str(path)], metadata=load_metadata(database_name=path.stem), settings=serve_settings())
    timings = []
    for name, url in requests:
        url = url.replace("/quotes/", f"/{path.stem}/", 1)
        response = await datasette.client.get(url)  # warm-up, not timed
        seconds, cpu = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = await datasette.client.get(url)
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - cpu_started)
        timings.append(RequestTiming(name, url, seconds, response.status_code, _problem(response.text), cpu))
    return timings


def time_requests(path: Path, requests: list[tuple[str, str]], repeat: int = 10) -> list[RequestTiming]:
    """Each request ``repeat`` times (after one untimed warm-up) through ``Datasette(...).client``."""
    return asyncio.run(_time_all(path, requests, repeat))


def run_serve_bench(quotes: int, *, db: Path, repeat: int = 10, progress: Callable[[str], None] | None = None) -> ServeResult:
    """Build (or reuse, when it holds ``quotes`` quotes) the database at ``db`` and time the pages."""
    from ..store import open_database

    build_seconds = 0.0
    if not db.exists():
        started = time.perf_counter()
        build_database(db, quotes, progress=progress)
        build_seconds = time.perf_counter() - started
    # Refuses a file that is not a quotetrack database, and brings an older bench database up to date, as `serve` expects.
    opened = open_database(db)
    held = opened["quotes"].count
    if held != quotes:
        opened.close()
        raise BenchmarkError(f"{db} holds {held:,} quotes, not {quotes:,}: give another --db or remove it")
    requests = bench_requests(opened)
    opened.close()
    return ServeResult(quotes, db.stat().st_size, build_seconds, time_requests(db, requests, repeat))


def _stderr(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)
