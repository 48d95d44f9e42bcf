"""Ingest throughput: articles through :func:`quotetrack.ingestion.ingest_articles` into a temporary database.

By default the articles are synthetic, recombined from the paragraphs of the sample articles
to the length of real news (about 5 kB, see :func:`synthetic_articles`), so they read like news
(quotes, cues, outlets) while their number can be scaled at will; ``corpus`` times a folder or
file of your own articles instead. Extraction and storage are timed apart, and with
``prefill_quotes`` the same articles are also stored on top of a large database (built in bulk
by :mod:`.prefill`) to show what a big archive costs each new article.

>>> from quotetrack.records import Article
>>> samples = [Article(text="One.\\n\\n“Two,” she said.", title="T", publisher="Reuters", date="2024-01-02")]
>>> [article.publisher for article in synthetic_articles(samples, 2)]
['Reuters', 'Reuters']
"""

from __future__ import annotations

import contextlib
import random
import re
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import lexicon
from ..records import Article, Quote
from ..resources import data_dir
from . import BenchmarkError
from .on_top import WARM_UP_ARTICLES, StoreRun, compare_stores

SAMPLES_DIR = data_dir() / "samples"

__all__ = ["SAMPLES_DIR", "BenchmarkError", "SpeedResult", "load_articles", "run_speed", "synthetic_articles"]

# Real news articles: PolNeAR's 924 are 4.6 kB on average (median 3.6 kB); wire stories run 3-8 kB.
# Synthetic ones are drawn from a log-normal distribution around this median (mean about 5.2 kB).
MEDIAN_LENGTH = 4700
_LENGTH_SIGMA = 0.45
# Of the paragraphs drawn, the share printed as written (wire copy reprinted: statements that recur);
# the others have their lowercase words swapped for others of the samples (the words attribution is
# read by kept), so that their quotes are new statements, not near-duplicates of a hundred others.
VERBATIM_SHARE = 0.1
_SWAP_SHARE = 1.0
# The samples are written to show quotes: a paragraph with quote marks is kept this often, so that an
# article has about as many quotes as real news of its length (about 10 in 5 kB).
QUOTED_PARAGRAPH_SHARE = 0.35
_CONTENT_WORD = re.compile(r"\b[a-z]{2,}\b")
# Words a quote's attribution is read by, never swapped: cues, subject pronouns, `according to`, `that`.
_KEPT = frozenset(lexicon.CUE_FORMS) | frozenset(lexicon.SUBJECT_PRONOUNS) | {"to", "that", "as", "according", "by", "the"}
_QUOTE_MARK = re.compile(r"[“”\"«»]")


@dataclass
class SpeedResult:
    engine: str
    articles: int
    quotes: int
    load_seconds: float
    extract_seconds: float
    store_seconds: float
    peak_rss_bytes: int
    traced_peak_bytes: int
    database_bytes: int
    read_seconds: float = 0.0  # parsing HTML pages, with --html
    html_bytes: int = 0
    text_bytes: int = 0  # the articles' text
    source: str = "synthetic articles"
    prefill_quotes: int = 0  # with --prefill-quotes: the size of the large database
    prefill_store_seconds: float = 0.0  # storing the extracted articles on top of it (wall), with their share of the LSH key passes
    prefill_pass_seconds: float = 0.0  # that share: the articles' keys' part of a pass moving recent keys to the big table
    prefill_pass_cpu_seconds: float = 0.0  # and its CPU time
    alone_pass_seconds: float = 0.0  # the same articles' share of the passes in the empty database (wall)
    alone_pass_cpu_seconds: float = 0.0  # and its CPU time
    prefill_seconds: float = 0.0  # building the large database
    prefill_until: str = ""  # its quotes are dated over the ten years before this day (the articles' earliest)
    recent_keys: int = 0  # the recent LSH keys in it, which a writing connection loads once, before its first article
    recent_load_seconds: float = 0.0  # that load (wall; not in the per-article figures)
    on_top: StoreRun | None = None  # storing the extracted articles on top of it (without the pass share)
    alone: StoreRun | None = None  # and into an empty database, by turns with them
    warm_up_articles: int = 0  # stored first on top of it and into the empty ones, untimed in the figures above
    on_top_cold: StoreRun | None = None  # those warm-up articles on top, while the page cache fills
    alone_cold: StoreRun | None = None  # and into the empty database
    workers: int = 1
    writer_cpu_seconds: float = 0.0  # with workers: this process's CPU time (reading what the workers do not, storing, extracting while it waits)
    workers_cpu_seconds: float = 0.0  # and the worker processes' (extracting)
    extracted_here: int = 0  # the articles the writer extracted itself rather than wait

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.extract_seconds + self.store_seconds

    def report(self) -> str:
        seconds = max(self.seconds, 1e-9)
        megabytes = 1024 * 1024
        articles = max(self.articles, 1)
        size = f"HTML pages of {self.html_bytes / articles / 1000:.0f} kB" if self.html_bytes else f"{self.text_bytes / articles / 1000:.1f} kB"
        store = self.store_seconds * 1000 / articles
        on_top = ""
        if self.on_top is not None and self.alone is not None:
            big = self.prefill_store_seconds * 1000 / articles
            passes = self.prefill_pass_seconds * 1000 / articles
            alone_passes = self.alone_pass_seconds * 1000 / articles
            alone = self.alone.wall_seconds * 1000 / articles + alone_passes
            on_top = (f"; {big:.2f} ms on top of {self.prefill_quotes:,} quotes ({big / max(alone, 1e-9):.2f} times the"
                      f" {alone:.2f} ms of the same articles' quotes stored again into an empty database, by turns with them; {passes:.2f} and"
                      f" {alone_passes:.2f} ms of these the articles' share of moving LSH keys)")
        return "\n".join(
            [
                f"quotetrack ingest speed ({self.articles} {self.source} of {size} on average, engine {self.engine}{f', {self.workers} workers' if self.workers > 1 else ''})",
                f"articles/s  {self.articles / seconds:10.1f}   (end to end: {'reading HTML, ' if self.html_bytes else ''}extracting, storing)",
                f"extraction  {self.articles / max(self.extract_seconds, 1e-9):10.1f}   articles/s, extraction alone",
                f"quotes/s    {self.quotes / seconds:10.1f}   ({self.quotes} quotes)",
                (
                    f"time        {self.seconds:10.2f} s  ({f'read HTML {self.read_seconds:.2f} s, ' if self.html_bytes else ''}extract {self.extract_seconds:.2f} s, "
                    f"store {self.store_seconds:.2f} s, extractor load {self.load_seconds:.2f} s)"
                ),
                f"store       {store:10.2f} ms/article into an empty database{on_top}",
                *(self._on_top_lines() if self.on_top is not None and self.alone is not None else []),
                *([self._cpu_line()] if self.workers > 1 else []),
                f"peak RSS    {self.peak_rss_bytes / megabytes:10.1f} MB (whole process)",
                (
                    f"peak traced {self.traced_peak_bytes / megabytes:10.1f} MB (Python allocations, "
                    f"separate pass over {min(self.articles, TRACED_ARTICLES)} articles)"
                ),
                f"database    {self.database_bytes / megabytes:10.1f} MB",
            ]
        )


    def _on_top_lines(self) -> list[str]:
        """CPU and pages written storing on top of the large database against into an empty one (the same extracted articles)."""
        assert self.on_top is not None
        per_article = 1000 / max(self.articles, 1)
        assert self.alone is not None
        stored, empty_stored = self.on_top.cpu_seconds * per_article, self.alone.cpu_seconds * per_article
        passes, empty_passes = self.prefill_pass_cpu_seconds * per_article, self.alone_pass_cpu_seconds * per_article
        cpu, empty = stored + passes, empty_stored + empty_passes
        pages = self.alone.pages / max(self.articles, 1)
        return [
            (f"CPU on top  {cpu:10.2f} ms/article storing on top of {self.prefill_quotes:,} quotes against {empty:.2f} into an empty database:"
             f" {cpu / max(empty, 1e-9):.2f} times, each with its share of the LSH key passes ({passes:.2f} and {empty_passes:.2f} ms);"
             f" without it {stored:.2f} against {empty_stored:.2f}, {stored / max(empty_stored, 1e-9):.2f} times"),
            (f"pages       {self.on_top.pages / max(self.articles, 1):10.1f} written an article on top of {self.prefill_quotes:,} quotes"
             f" against {pages:.1f} into an empty database (write-ahead log frames)"),
            *self._cold_lines(),
            (f"prefill     {self.prefill_seconds:10.0f} s building the database of {self.prefill_quotes:,} quotes (not in the figures above),"
             f" dated over the ten years before the articles' earliest day ({self.prefill_until})"),
            (f"recent keys {self.recent_load_seconds:10.2f} s loading its {self.recent_keys:,} recent LSH keys and the filters of the big table's runs"
             " into memory, once an ingest before its first article (not in the figures above)"),
        ]

    def _cold_lines(self) -> list[str]:
        """What the warm-up articles cost, stored first while the page cache filled (not in the per-article figures)."""
        if self.on_top_cold is None or self.alone_cold is None or not self.warm_up_articles:
            return []
        per_article = 1000 / self.warm_up_articles
        alone = self.alone_cold.cpu_seconds * per_article
        return [
            (f"cold cache  {self.on_top_cold.cpu_seconds * per_article:10.2f} ms/article of CPU for the first {self.warm_up_articles} article{'s' if self.warm_up_articles != 1 else ''} of an ingest"
             f" on top of {self.prefill_quotes:,} quotes against {alone:.2f} into an empty database, while SQLite's page cache fills;"
             " the figures above are for the articles after them (both databases warmed up alike)"),
        ]

    def _cpu_line(self) -> str:
        """CPU per article in the writer and the workers, and the rate that allows on as many idle cores as workers."""
        per_article = 1000 / max(self.articles, 1)
        writer, workers = self.writer_cpu_seconds * per_article, self.workers_cpu_seconds * per_article
        ceiling = 1000 / max(writer, (writer + workers) / self.workers, 1e-9)
        return (f"CPU         writer {writer:.1f} ms/article ({self.extracted_here} articles extracted there), worker processes {workers:.1f} ms/article"
                f" (at most {ceiling:.0f} articles/s on {self.workers} idle cores)")


def load_samples(folder: Path = SAMPLES_DIR) -> list[Article]:
    """The readable articles in ``folder``; files that fail to read are left out."""
    return load_articles(folder, "sample articles")


def load_articles(path: Path, what: str = "articles") -> list[Article]:
    """The readable articles in a folder or file (any format ``ingest`` reads); BenchmarkError when none."""
    from ..read import read_articles

    found = [item for item in read_articles([path]) if isinstance(item, Article) and item.text.strip()]
    if not found:
        raise BenchmarkError(f"no readable {what} in {path}")
    return found


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.strip().splitlines()
    return [block.strip() for block in blocks if block.strip()]


def synthetic_articles(samples: Sequence[Article], count: int, seed: int = 1) -> Iterator[Article]:
    """``count`` articles of real news length (see :data:`MEDIAN_LENGTH`), of paragraphs drawn from ``samples``.

    Paragraphs, not single sentences, are the unit so that quotes spanning sentences stay
    whole and cues stay next to their quotes. A few samples' paragraphs would recur in every
    article, their quotes in hundreds of articles each; so most paragraphs have their lowercase
    words swapped for others of the samples (cues, pronouns, `that`, `to` kept), and only :data:`VERBATIM_SHARE`
    of them recur as written, as reprinted wire copy does. The samples are written to show quotes,
    so paragraphs with quote marks are drawn less often (:data:`QUOTED_PARAGRAPH_SHARE`).
    """
    rng = random.Random(seed)
    paragraphs = [paragraph for sample in samples for paragraph in _paragraphs(sample.text)]
    pool = sorted({word for paragraph in paragraphs for word in _CONTENT_WORD.findall(paragraph)} - _KEPT)

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        return rng.choice(pool) if word not in _KEPT and rng.random() < _SWAP_SHARE else word

    for number in range(count):
        source = rng.choice(samples)
        target = min(rng.lognormvariate(0, _LENGTH_SIGMA) * MEDIAN_LENGTH, 40_000)
        chosen: list[str] = []
        length = 0
        while length < target:
            paragraph = rng.choice(paragraphs)
            if _QUOTE_MARK.search(paragraph) and rng.random() >= QUOTED_PARAGRAPH_SHARE and len(paragraphs) > 1:
                continue
            chosen.append(paragraph if rng.random() < VERBATIM_SHARE else _CONTENT_WORD.sub(swap, paragraph))
            length += len(chosen[-1]) + 2
        yield Article(
            text="\n\n".join(chosen),
            title=f"{source.title or 'Untitled'} ({number})",
            url=f"https://bench.invalid/{seed}/{number}",
            publisher=source.publisher,
            date=source.date,
            path=f"synthetic/{number}.txt",
        )


def run_speed(
    count: int = 1000,
    *,
    engine: str = "rules",
    samples: Path = SAMPLES_DIR,
    html: bool = False,
    corpus: Path | None = None,
    prefill_quotes: int = 0,
    progress: Callable[[str], None] | None = None,
    workers: int = 1,
) -> SpeedResult:
    """Ingest ``count`` articles as ``quotetrack ingest`` does; time each stage and measure memory.

    The articles are synthetic (see :func:`synthetic_articles`), or the first ``count`` of
    ``corpus`` (a folder or file). With ``html``, each article is first written out as a news
    web page (see :mod:`.pages`) and the timed ingest reads the pages, so parsing HTML counts in
    articles/s. tracemalloc slows Python several times over, so the timed pass runs without it
    and a second pass over the first ``TRACED_ARTICLES`` articles measures allocations. With
    ``prefill_quotes``, a database of that many quotes is then built (:mod:`.prefill`, not timed)
    and the same articles stored on top of it, to compare the store time with the empty database's.
    With ``workers`` > 1, worker processes (started and loaded before the clock starts) read
    the pages and extract, and this process writes, as ``quotetrack ingest --workers`` does.
    """
    from .. import extract  # noqa: F401 - imported before the clock starts, as loading is not extracting
    from ..ingestion import ingest_articles, make_extractor
    from ..provenance.lsh import band_keys

    band_keys("Loaded before the clock starts, as the extractor is.")  # MinHash permutations: loading, not storing
    if corpus is not None:
        every = load_articles(corpus)
        articles: Any = every[:count]
        warm_up = every[count : count + WARM_UP_ARTICLES]  # as many as the corpus has after the articles timed
        source = f"articles from {corpus.name}"
    else:
        articles = list(synthetic_articles(load_samples(samples), count))
        warm_up = list(synthetic_articles(load_samples(samples), WARM_UP_ARTICLES, seed=2))
        source = "synthetic articles"
    text_bytes = sum(len(article.text.encode("utf-8")) for article in articles)
    html_bytes = 0
    if html:
        from ..read.html import parse_html
        from .pages import news_page

        pages = [news_page(article, number) for number, article in enumerate(articles)]
        html_bytes = sum(len(page.encode("utf-8")) for page in pages)
        parse_html(pages[0])  # imports and caches: loading, not reading
        articles = _ParsedPages(pages, parse_html)
    started = time.perf_counter()
    extractor = make_extractor(engine)
    extractor.extract(next(iter(articles)))  # pipelines build lazily: count that as loading, not as throughput
    load_seconds = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as stack:
        pool = None
        if workers > 1:
            from ..parallel import Pool

            started = time.perf_counter()
            pool = stack.enter_context(Pool.local(workers, extractor.engine))
            pool.warm_up(next(iter(articles)))
            load_seconds += time.perf_counter() - started
            if html:  # as files, which the workers read: parsing HTML is theirs
                articles = _page_files(pages, Path(folder))
        cpu_started = time.process_time()
        timed = ingest_articles(articles, Path(folder) / "bench.db", extractor=extractor, pool=pool)
        writer_cpu = time.process_time() - cpu_started
        workers_cpu = pool.cpu_seconds if pool is not None else 0.0
        extracted_here = pool.extracted_here if pool is not None else 0
        database_bytes = (Path(folder) / "bench.db").stat().st_size
        tracemalloc.start()
        try:
            ingest_articles(articles[:TRACED_ARTICLES], Path(folder) / "traced.db", extractor=extractor)
            traced_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        peak_rss = _peak_rss_bytes()  # the ingest's: building the large database takes more
        on_top = {}
        if prefill_quotes:
            on_top = compare_stores(_extracted(articles, extractor), Path(folder), prefill_quotes, progress, _extracted(warm_up, extractor))
    if timed.skipped:
        raise BenchmarkError(f"{len(timed.skipped)} articles failed: {timed.skipped[0]}")
    return SpeedResult(
        engine=extractor.engine,
        articles=timed.articles,
        quotes=timed.quotes,
        load_seconds=load_seconds,
        extract_seconds=timed.extract_seconds,
        store_seconds=timed.store_seconds,
        peak_rss_bytes=peak_rss,
        traced_peak_bytes=traced_peak,
        database_bytes=database_bytes,
        read_seconds=timed.read_seconds if html else 0.0,
        html_bytes=html_bytes,
        text_bytes=text_bytes,
        source=source,
        prefill_quotes=prefill_quotes,
        **on_top,
        workers=workers,
        writer_cpu_seconds=writer_cpu,
        workers_cpu_seconds=workers_cpu,
        extracted_here=extracted_here,
    )


def _extracted(articles: Any, extractor: Any) -> list[tuple[Article, list[Quote]]]:
    """The articles with their quotes, extracted once, to be stored into several databases (pages files read first)."""
    if isinstance(articles, list) and articles and isinstance(articles[0], Path):
        from ..read import read_articles

        articles = [item for item in read_articles(articles) if isinstance(item, Article)]
    return [(article, extractor.extract(article)) for article in articles]


def _page_files(pages: list[str], folder: Path) -> list[Path]:
    files = []
    for number, page in enumerate(pages):
        files.append(folder / f"{number}.html")
        files[-1].write_text(page, encoding="utf-8")
    return files


class _ParsedPages:
    """The pages, parsed into articles only as the ingest reads them (so that the parsing is timed); sliceable."""

    def __init__(self, pages: list[str], parse: Any):
        self.pages, self.parse = pages, parse

    def __iter__(self) -> Iterator[Article]:
        for number, page in enumerate(self.pages):
            yield self.parse(page, path=f"synthetic/{number}.html")

    def __getitem__(self, part: slice) -> _ParsedPages:
        return _ParsedPages(self.pages[part], self.parse)


TRACED_ARTICLES = 100
def _peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak if sys.platform == "darwin" else peak * 1024
