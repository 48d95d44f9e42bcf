"""Ingest throughput: synthetic articles through :func:`quotetrack.ingestion.ingest_articles` into a temporary database.

The articles are recombined from the paragraphs of real sample articles, so they
read like news (quotes, cues, outlets) while their number can be scaled at will:

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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..records import Article
from ..resources import data_dir
from . import BenchmarkError

SAMPLES_DIR = data_dir() / "samples"

__all__ = ["SAMPLES_DIR", "BenchmarkError", "SpeedResult", "run_speed", "synthetic_articles"]


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
    workers: int = 1
    writer_cpu_seconds: float = 0.0  # with workers: this process's CPU time (reading what the workers do not, and storing)
    workers_cpu_seconds: float = 0.0  # and the workers' (extracting)

    @property
    def seconds(self) -> float:
        return self.read_seconds + self.extract_seconds + self.store_seconds

    def report(self) -> str:
        seconds = max(self.seconds, 1e-9)
        megabytes = 1024 * 1024
        source = f"HTML pages of {self.html_bytes / max(self.articles, 1) / 1000:.0f} kB on average" if self.html_bytes else "articles"
        return "\n".join(
            [
                f"quotetrack ingest speed ({self.articles} synthetic {source}, engine {self.engine}{f', {self.workers} workers' if self.workers > 1 else ''})",
                f"articles/s  {self.articles / seconds:10.1f}",
                f"quotes/s    {self.quotes / seconds:10.1f}   ({self.quotes} quotes)",
                (
                    f"time        {self.seconds:10.2f} s  ({f'read HTML {self.read_seconds:.2f} s, ' if self.html_bytes else ''}extract {self.extract_seconds:.2f} s, "
                    f"store {self.store_seconds:.2f} s, extractor load {self.load_seconds:.2f} s)"
                ),
                *([self._cpu_line()] if self.workers > 1 else []),
                f"peak RSS    {self.peak_rss_bytes / megabytes:10.1f} MB (whole process)",
                (
                    f"peak traced {self.traced_peak_bytes / megabytes:10.1f} MB (Python allocations, "
                    f"separate pass over {min(self.articles, TRACED_ARTICLES)} articles)"
                ),
                f"database    {self.database_bytes / megabytes:10.1f} MB",
            ]
        )


    def _cpu_line(self) -> str:
        """CPU per article in the writer and the workers, and the rate that allows on as many idle cores as workers."""
        per_article = 1000 / max(self.articles, 1)
        writer, workers = self.writer_cpu_seconds * per_article, self.workers_cpu_seconds * per_article
        ceiling = 1000 / max(writer, (writer + workers) / self.workers, 1e-9)
        return f"CPU         writer {writer:.1f} ms/article, workers {workers:.1f} ms/article (at most {ceiling:.0f} articles/s on {self.workers} idle cores)"


def load_samples(folder: Path = SAMPLES_DIR) -> list[Article]:
    """The readable articles in ``folder``; files that fail to read are left out."""
    from ..read import read_articles

    samples = [item for item in read_articles([folder]) if isinstance(item, Article) and item.text.strip()]
    if not samples:
        raise BenchmarkError(f"no readable sample articles in {folder}")
    return samples


def _paragraphs(text: str) -> list[str]:
    blocks = re.split(r"\n\s*\n", text.strip())
    if len(blocks) == 1:
        blocks = text.strip().splitlines()
    return [block.strip() for block in blocks if block.strip()]


def synthetic_articles(samples: Sequence[Article], count: int, seed: int = 1) -> Iterator[Article]:
    """``count`` articles made of paragraphs drawn from ``samples``.

    Paragraphs, not single sentences, are the unit so that quotes spanning sentences
    stay whole and cues stay next to their quotes.
    """
    rng = random.Random(seed)
    paragraphs = [paragraph for sample in samples for paragraph in _paragraphs(sample.text)]
    lengths = [len(_paragraphs(sample.text)) for sample in samples]
    for number in range(count):
        source = rng.choice(samples)
        chosen = rng.choices(paragraphs, k=rng.choice(lengths))
        yield Article(
            text="\n\n".join(chosen),
            title=f"{source.title or 'Untitled'} ({number})",
            url=f"https://bench.invalid/{seed}/{number}",
            publisher=source.publisher,
            date=source.date,
            path=f"synthetic/{number}.txt",
        )


def run_speed(count: int = 1000, *, engine: str = "rules", samples: Path = SAMPLES_DIR, html: bool = False, workers: int = 1) -> SpeedResult:
    """Ingest ``count`` synthetic articles as ``quotetrack ingest`` does; time each stage and measure memory.

    With ``html``, each article is first written out as a news web page (see :mod:`.pages`)
    and the timed ingest reads the pages, so parsing HTML counts in articles/s.
    tracemalloc slows Python several times over, so the timed pass runs without it and
    a second pass over the first ``TRACED_ARTICLES`` articles measures allocations.
    With ``workers`` > 1, worker processes (started and loaded before the clock starts) read
    the pages and extract, and this process writes, as ``quotetrack ingest --workers`` does.
    """
    from .. import extract  # noqa: F401 - imported before the clock starts, as loading is not extracting
    from ..ingestion import ingest_articles, make_extractor

    articles: Any = list(synthetic_articles(load_samples(samples), count))
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
        database_bytes = (Path(folder) / "bench.db").stat().st_size
        tracemalloc.start()
        try:
            ingest_articles(articles[:TRACED_ARTICLES], Path(folder) / "traced.db", extractor=extractor)
            traced_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    if timed.skipped:
        raise BenchmarkError(f"{len(timed.skipped)} synthetic articles failed: {timed.skipped[0]}")
    return SpeedResult(
        engine=extractor.engine,
        articles=timed.articles,
        quotes=timed.quotes,
        load_seconds=load_seconds,
        extract_seconds=timed.extract_seconds,
        store_seconds=timed.store_seconds,
        peak_rss_bytes=_peak_rss_bytes(),
        traced_peak_bytes=traced_peak,
        database_bytes=database_bytes,
        read_seconds=timed.read_seconds if html else 0.0,
        html_bytes=html_bytes,
        workers=workers,
        writer_cpu_seconds=writer_cpu,
        workers_cpu_seconds=workers_cpu,
    )


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
