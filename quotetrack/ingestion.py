"""Ingestion, the main use case: article files are read, their quotes extracted, and both stored.

``quotetrack ingest`` and ``quotetrack bench speed`` both run :func:`ingest_articles`, so the
benchmark measures what users run.

>>> from quotetrack.records import Article
>>> from quotetrack.store import open_store
>>> store = open_store(":memory:")
>>> article = Article(text="“We are ready,” Peskov told Reuters.", url="https://example.com/ready")
>>> ingest_articles([article], store, engine="rules").summary()
'Ingested 1 article (1 new, 0 unchanged), 1 quote'
>>> ingest_articles([article], store, engine="rules").summary()
'Ingested 1 article (0 new, 1 unchanged), 1 quote'
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from sqlite_utils import Database

from .errors import ArticleError, EngineError
from .parallel import BATCH_SIZES, Check, Source, Step, batch_size_for, extract_batch, fewer_collections, read_here, timed_reads
from .records import EXTRACTOR_VERSION, Article, Quote
from .store import Store
from .writer import IngestResult, ProgressHandler, SkipHandler, database_of, open_writer, skipper

if TYPE_CHECKING:
    from .extract import Extractor
    from .parallel import Pool
    from .read.web import Fetcher

__all__ = [
    "IngestResult",
    "batch_size_for",
    "extract_each",
    "extract_paths",
    "extraction_steps",
    "extractor_version",
    "ingest",
    "ingest_articles",
    "make_extractor",
    "readable_articles",
    "shared_extractor",
    "store_extracted",
]




@cache
def shared_extractor(engine: str = "rules") -> Extractor:
    """One :func:`make_extractor` per engine for the whole process, for callers that extract now and then."""
    return make_extractor(engine)


def make_extractor(engine: str = "auto") -> Extractor:
    """An :class:`~quotetrack.extract.Extractor`, or an ``EngineError`` saying why there cannot be one."""
    from .extract import Extractor

    try:
        return Extractor(engine)
    except (RuntimeError, ValueError) as error:
        raise EngineError(str(error)) from error


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    db: str | os.PathLike[str] | Database | Store,
    *,
    engine: str = "auto",
    extractor: Extractor | None = None,
    on_skip: SkipHandler | None = None,
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
    batch_size: int | None = None,
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    fetcher: Fetcher | None = None,
    limit: int | None = None,
    force: bool = False,
    workers: int = 1,
    scheduler: str | None = None,
    pool: Pool | None = None,
) -> IngestResult:
    """Read the article files, folders and web pages in ``paths`` and store them with their quotes in ``db``.

    ``paths`` may hold http(s) URLs, fetched with ``fetcher`` (a polite default one when
    None); ``feeds`` and ``sitemaps`` add the article URLs they list that ``db`` does not
    hold yet (at most ``limit``). Files and pages that cannot be read, and articles whose
    extraction fails, are skipped: listed in ``IngestResult.skipped`` and passed to
    ``on_skip`` as they happen. ``db`` is a database file (created when missing, waiting up
    to ``timeout`` seconds for other writers), or an open ``Database`` or ``Store``. Articles
    stored unchanged are not extracted again unless ``force`` (see :func:`ingest_articles`).

    ``workers`` processes read and extract (files under ``SMALL_INPUT_BYTES`` in all are done in
    this process: starting workers would cost more than it saves, and web pages come one at a
    time, more slowly than one process extracts them);
    ``scheduler`` (``tcp://HOST:8786``) sends the extraction to a Dask cluster instead. Either
    way the database is the one a single process would write. A :class:`~quotetrack.parallel.Pool`
    given as ``pool`` is used as it is (its workers kept for the next ingest).
    """
    from .read.files import article_files
    from .read.urls import is_web_url

    given = [os.fspath(path) for path in paths]
    urls = [item for item in given if is_web_url(item)]
    sources: list[Source] = list(article_files([item for item in given if not is_web_url(item)]))
    feeds, sitemaps = list(feeds), list(sitemaps)
    web = bool(urls or feeds or sitemaps)
    if pool is None and workers > 1 and _input_bytes(sources) < SMALL_INPUT_BYTES:
        workers = 1
    extractor = extractor if extractor is not None else make_extractor(engine)
    with contextlib.ExitStack() as stack:
        if scheduler and pool is None:
            from .parallel import Pool

            pool = stack.enter_context(Pool.dask(scheduler, extractor.engine))
        result = IngestResult()
        articles: Iterable[Source] = sources
        if web:
            database, name, owned = database_of(db, timeout)
            if owned:
                stack.callback(database.close)
            if fetcher is None:
                from .read.web import Fetcher

                fetcher = Fetcher()
            pages = _web_articles(urls, feeds, sitemaps, fetcher, database, limit, skipper(result, on_skip))
            articles, db = chain(sources, pages), Store(database, name)
        return ingest_articles(
            articles, db, extractor=extractor, on_skip=on_skip, progress=progress, timeout=timeout, batch_size=batch_size,
            result=result, force=force, workers=workers, pool=pool,
        )  # fmt: skip


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    extractor: Extractor,
    on_skip: SkipHandler | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """Each article in the files and folders ``paths`` with its quotes, in order, without a database.

    ``workers`` and ``scheduler`` as for :func:`ingest`; what cannot be read or extracted goes to ``on_skip``.
    """
    from .read.files import article_files

    sources: list[Source] = list(article_files(paths))
    if workers > 1 and _input_bytes(sources) < SMALL_INPUT_BYTES:
        workers = 1
    with contextlib.ExitStack() as stack:
        pool = None
        if scheduler:
            from .parallel import Pool

            pool = stack.enter_context(Pool.dask(scheduler, extractor.engine))
        steps = stack.enter_context(extraction_steps(sources, extractor, workers=workers, pool=pool))
        for step in steps:
            if step.skipped is not None:
                if on_skip is not None:
                    on_skip(step.skipped)
            elif step.article is not None and step.quotes is not None:
                yield step.article, step.quotes


# About 50 articles: below this, worker processes would take longer to start than to help.
SMALL_INPUT_BYTES = 256_000


def _input_bytes(sources: Iterable[Source]) -> int:
    """The size of the files among ``sources``."""
    total = 0
    for source in sources:
        if isinstance(source, Path):
            with contextlib.suppress(OSError):
                total += source.stat().st_size
    return total


def _web_articles(
    urls: list[str], feeds: list[str], sitemaps: list[str], fetcher: Fetcher, database: Database, limit: int | None, skip: SkipHandler
) -> Iterator[Article | ArticleError]:
    """The pages at ``urls``, then those the feeds and sitemaps list that the database does not hold yet."""
    from .read.sources import discovered_urls, web_articles

    def known(url: str) -> bool:
        return next(database.query("select 1 from articles where url = ? or path = ? limit 1", [url, url]), None) is not None

    def discovered() -> Iterator[str]:
        for item in discovered_urls(feeds, sitemaps, fetcher, known, limit):
            if isinstance(item, ArticleError):
                skip(str(item))
            else:
                yield item

    yield from web_articles(chain(urls, discovered()), fetcher)


def ingest_articles(
    articles: Iterable[Source],
    db: str | os.PathLike[str] | Database | Store,
    *,
    engine: str = "auto",
    extractor: Extractor | None = None,
    on_skip: SkipHandler | None = None,
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
    batch_size: int | None = None,
    result: IngestResult | None = None,
    force: bool = False,
    workers: int = 1,
    pool: Pool | None = None,
) -> IngestResult:
    """Extract the quotes of ``articles`` and store each article with its quotes, in the order given.

    ``articles`` may also hold files still to read (``Path``) and problems to report in their
    place (``ArticleError``). An article stored as it is (same text and metadata, same extractor
    version and engine) is counted unchanged without being extracted again, unless ``force``.

    With ``workers`` > 1, that many processes read and extract, or ``pool``'s workers do (a
    :class:`~quotetrack.parallel.Pool`, e.g. a Dask cluster); this process alone writes, in
    input order, so the database is the same as with one process.

    ``progress`` is called with the running result after each article. A database
    error stops the ingest with a ``StoreError`` saying how many articles were stored first.
    ``batch_size`` defaults to what suits the engine (see :func:`batch_size_for`).
    """
    result = result if result is not None else IngestResult()
    # The extractor first, so a missing model leaves no empty database behind.
    extractor = extractor if extractor is not None else make_extractor(engine)
    version = extractor_version(extractor.engine)
    with (
        fewer_collections(),
        open_writer(db, timeout, version, result, on_skip, progress, force, extractor) as writer,
        extraction_steps(articles, extractor, check=writer.check, timing=result, workers=workers, pool=pool, batch_size=batch_size) as steps,
    ):
        for step in steps:
            writer.write(step)
    return result


def store_extracted(
    extracted: Iterable[tuple[Article, list[Quote]]],
    db: str | os.PathLike[str] | Database | Store,
    *,
    version: str = EXTRACTOR_VERSION,
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
) -> IngestResult:
    """Store articles extracted elsewhere (``quotetrack load`` of Parquet) as ``ingest`` would; ``version`` is their extractor's.

    >>> from quotetrack.store import open_store
    >>> article = Article(text="“No,” Peskov said.", url="https://example.com/a")
    >>> quote = Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov")
    >>> with open_store(":memory:") as store:
    ...     [store_extracted([(article, [quote])], store).summary() for _ in range(2)]
    ['Ingested 1 article (1 new, 0 unchanged), 1 quote', 'Ingested 1 article (0 new, 1 unchanged), 1 quote']
    """
    result = IngestResult()
    with open_writer(db, timeout, version, result, None, progress, False, None) as writer:
        for article, quotes in extracted:
            writer.write(writer.check(article) or Step(article, quotes))
    return result


@contextlib.contextmanager
def extraction_steps(
    sources: Iterable[Source],
    extractor: Extractor,
    *,
    check: Check | None = None,
    timing: IngestResult | None = None,
    workers: int = 1,
    pool: Pool | None = None,
    batch_size: int | None = None,
) -> Iterator[Iterator[Step]]:
    """The :class:`~quotetrack.parallel.Step` for each of ``sources``, in order: extracted here, by ``workers``
    processes (started and stopped here) or by ``pool``. ``check`` picks out what need not be extracted."""
    timing = timing if timing is not None else IngestResult()
    with contextlib.ExitStack() as stack:
        if pool is None and workers > 1:
            from .parallel import Pool

            pool = stack.enter_context(Pool.local(workers, extractor.engine, batch=batch_size))
        if pool is not None:
            yield pool.steps(sources, check, timing, here=extractor)
        else:
            yield _local_steps(sources, extractor, check or (lambda _: None), batch_size or batch_size_for(extractor.engine), timing)


def _local_steps(sources: Iterable[Source], extractor: Extractor, check: Check, batch_size: int, timing: IngestResult) -> Iterator[Step]:
    """:class:`~quotetrack.parallel.Pool.steps` in this process: read, check, extract in batches of ``batch_size``."""
    batch: list[Article] = []

    def extracted(articles: list[Article]) -> Iterator[Step]:
        started = time.perf_counter()
        results = extract_batch(extractor, articles)
        timing.extract_seconds += time.perf_counter() - started
        for article, quotes in results:
            yield Step(skipped=quotes) if isinstance(quotes, str) else Step(article, quotes)

    for item in timed_reads(read_here(sources), timing):
        step = Step(skipped=str(item)) if isinstance(item, ArticleError) else check(item)
        if step is not None:
            yield step
            continue
        batch.append(item)  # type: ignore[arg-type]  # not an ArticleError, so an Article
        if len(batch) >= batch_size:
            yield from extracted(batch)
            batch = []
    if batch:
        yield from extracted(batch)


def extractor_version(engine: str) -> str:
    """The version stored with what ``engine`` extracted: another engine's extraction is not "unchanged".

    >>> extractor_version("rules") == EXTRACTOR_VERSION, extractor_version("stanza") == EXTRACTOR_VERSION + "+stanza"
    (True, True)
    """
    return EXTRACTOR_VERSION if engine == "rules" else f"{EXTRACTOR_VERSION}+{engine}"


def readable_articles(paths: Iterable[Path], skip: SkipHandler) -> Iterator[Article]:
    """The articles in ``paths``; files that cannot be read go to ``skip``."""
    from .read import read_articles

    yield from _articles_only(read_articles(paths), skip)


def _articles_only(items: Iterable[Article | ArticleError], skip: SkipHandler) -> Iterator[Article]:
    for item in items:
        if isinstance(item, ArticleError):
            skip(str(item))
        else:
            yield item


def extract_each(
    extractor: Extractor,
    articles: Iterable[Article],
    skip: SkipHandler,
    batch_size: int = BATCH_SIZES["stanza"],
    timing: IngestResult | None = None,
) -> Iterator[tuple[Article, list[Quote]]]:
    """``extractor.extract_many`` in batches, skipping only the article that breaks it.

    Batches of one go through ``extractor.extract``. With ``timing``, the seconds spent
    reading and extracting are added to it.
    """
    iterator = iter(articles)
    while True:
        started = time.perf_counter()
        batch = list(islice(iterator, batch_size))
        read = time.perf_counter()
        if not batch:
            break
        results = extract_batch(extractor, batch)
        if timing is not None:
            timing.read_seconds += read - started
            timing.extract_seconds += time.perf_counter() - read
        for article, quotes in results:
            if isinstance(quotes, str):
                skip(quotes)
            else:
                yield article, quotes
