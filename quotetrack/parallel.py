"""Extraction outside this process: worker processes on every core, or a Dask cluster.

Workers read and extract; the results come back in input order, so the one SQLite writer
(:func:`quotetrack.ingestion.ingest_articles`) stores exactly what one process would have
stored. What travels is articles out (their text and metadata) and quote records back. The
writer keeps the workers a window of tasks ahead of what it stores, so they extract while it
stores. With the rule engine it extracts too: whenever the workers have a window of tasks to do
and the oldest is not done yet, it extracts the next article itself instead of waiting, so no
core is left idle while the writer waits; and the workers run at a lower priority than the writer. Once
the writer is found to be what the workers wait for, they also send the LSH keys of the quotes'
texts (:func:`~quotetrack.provenance.lsh.band_keys_of`, which need no database), work it then
does not do (see :attr:`Pool.band_keys`).

``Pool.local(2, "rules").steps(articles)`` yields a :class:`Step` per article, in order; a task is
what a worker runs:

>>> from quotetrack.records import Article
>>> article = Article(text="“We are ready,” Peskov told Reuters.", url="https://example.com/ready")
>>> version, [(quotes, band_keys)], seconds = extract_task("rules", [article])
>>> version == EXTRACTOR_VERSION, [(quote.speaker, quote.via_outlet) for quote in quotes], list(band_keys) == [quote.text for quote in quotes]
(True, [('Peskov', 'Reuters')], True)
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from .errors import ArticleError, EngineError
from .provenance.lsh import band_keys_of
from .records import EXTRACTOR_VERSION, Article, Quote

if TYPE_CHECKING:
    from .extract import Extractor

__all__ = ["BATCH_SIZES", "BandKeys", "Extracted", "Pool", "Source", "Step", "batch_size_for", "cpu_count", "extract_batch", "extract_or_problem", "extract_task", "fewer_collections", "read_here", "read_task", "timed_reads"]

# Neural pipelines are faster on batches of documents. The rule pipeline is not: holding a batch of
# parsed documents only adds memory and garbage-collector work (about a third more extraction time
# at 16), so it takes one article at a time.
BATCH_SIZES = {"stanza": 16}
# Articles per task sent to a local worker: fewer, larger messages spare the writer process (its
# executor threads and the GIL); 4 did best of 1, 4 and 8 (500 articles, 2 workers, busy machine: 27-31
# against 19-28 and 22-29 articles/s).
TASK_ARTICLES = 4
# And to a Dask worker, over the network.
CLUSTER_TASK_ARTICLES = 8

# How much lower the workers' priority is than the writer's (see _start_worker): 3 measured best of 0 and 3 with
# a neural engine (ingest of 500 articles with 2 workers on 2 busy cores, 4 runs in 5 faster than at 0). With
# the rule engine, 2 workers and a writer on 2 cores: the writer has a core to itself at 3 (CFS weights 1024
# against 2 x 526), not at 0 or 1 (1024 against 2 x 1024 or 2 x 820); simulated on PolNeAR costs, 1.90x one
# process at 3, 1.82x at 0 and 1. (Processes of other sessions do not take more from the workers for it: the
# kernel shares the CPU between sessions first, autogroups, and by niceness within one.)
WORKER_NICENESS = 3

# Steps and articles held while waiting for the oldest task: bounds memory when a slow article holds up many quick ones.
MAX_PENDING = 1000

# With the writer helping, how far (in windows of tasks) the workers may run ahead of what it has written.
HELPED_WINDOWS = 4

# An article read in less than this came at once (a line of a JSON Lines file: 0.1 ms; a file a worker read); one
# that took longer (a web page fetched) says the next will too, so what is done is written before it is asked for.
QUICK_READ_SECONDS = 0.005

# Objects allocated between two collections of the youngest generation (Python's default: 700). An
# ingest keeps ~90,000 long-lived objects (lexicons, caches), which the default's full collections
# scanned again and again: 1.1-1.3 ms of CPU an article on PolNeAR (7 %), 0.1 ms with these.
GC_THRESHOLD = (20_000, 50, 100)

Source = Article | ArticleError | Path
"""What goes into an ingest: an article, a problem to report in its place, or a file still to read."""

BandKeys = dict[str, list[int]]
"""The LSH keys of quote texts, by text (see :func:`quotetrack.provenance.cluster.insert_grouped_quotes`)."""

Extracted = tuple[list[Quote], BandKeys | None]
"""What a worker sends back for an article it extracted: its quotes and, when asked, their texts' LSH keys."""


@dataclass
class Step:
    """What the writer does next, in input order: store extracted quotes, count an unchanged article, or report a skip."""

    article: Article | None = None
    quotes: list[Quote] | None = None  # None with an article: stored unchanged, not extracted
    band_keys: BandKeys | None = None  # the quotes' LSH keys, when a worker computed them
    stored: int = 0  # the unchanged article's stored quotes
    checked_after: int = 0  # how many articles the writer had written when "unchanged" was decided
    skipped: str | None = None


class Timing(Protocol):
    """Seconds spent waiting for each stage (an :class:`~quotetrack.ingestion.IngestResult`)."""

    read_seconds: float
    extract_seconds: float


Check = Callable[[Article], "Step | None"]
"""The writer's test of an article before extraction: a Step when it is stored unchanged, else None."""


def batch_size_for(engine: str) -> int:
    """How many articles the engine's pipeline should see at once.

    >>> batch_size_for("stanza"), batch_size_for("rules")
    (16, 1)
    """
    return BATCH_SIZES.get(engine, 1)


def cpu_count() -> int:
    """The cores this process may run on (the default number of workers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def extract_or_problem(extractor: Extractor, article: Article) -> list[Quote] | str:
    """The article's quotes, or the one-line reason its extraction failed."""
    try:
        return extractor.extract(article)
    except Exception as error:  # noqa: BLE001 - reported and skipped, as for a bad file
        where = article.path or article.url or article.id
        text = str(error).strip()
        return f"{where}: extraction failed: {type(error).__name__}: {text.splitlines()[0] if text else type(error).__name__}"


_EXTRACTORS: dict[str, Extractor] = {}
# A Dask worker may run several tasks at once in threads; one extractor is not meant to be shared by them.
_LOCK = threading.Lock()


def extract_task(engine: str, articles: list[Article], batch: int = 1, band_keys: bool = True) -> tuple[str, list[Extracted | str], float]:
    """Run in a worker: this quotetrack's extractor version, each article's quotes with their LSH keys (None
    unless ``band_keys``) or its problem (the pipeline seeing ``batch`` articles at a time), and the CPU seconds it took."""
    with _LOCK:
        started = time.process_time()
        if engine not in _EXTRACTORS:
            from .extract import Extractor

            _EXTRACTORS[engine] = Extractor(engine)
        extractor = _EXTRACTORS[engine]
        results = [
            _with_band_keys(quotes) if band_keys else quotes if isinstance(quotes, str) else (quotes, None)
            for start in range(0, len(articles), batch) for _, quotes in extract_batch(extractor, articles[start : start + batch])
        ]  # fmt: skip
        if _FREEZE_AFTER_LOADING:
            _freeze_once()
        return EXTRACTOR_VERSION, results, time.process_time() - started


def _with_band_keys(quotes: list[Quote] | str) -> Extracted | str:
    if isinstance(quotes, str):
        return quotes
    texts = list(dict.fromkeys(quote.text for quote in quotes))
    return quotes, dict(zip(texts, band_keys_of(texts), strict=True))


@cache
def _freeze_once() -> None:
    """After the first article (the pipeline builds lazily), what the extractor holds is set aside from collections."""
    gc.freeze()


def extract_batch(extractor: Extractor, batch: list[Article]) -> list[tuple[Article, list[Quote] | str]]:
    """Each article with its quotes, or with why its extraction failed; batches of more than one go through ``extract_many``."""
    if len(batch) > 1:
        try:
            return list(extractor.extract_many(batch))
        except Exception:  # noqa: BLE001, S110 - redone one by one below, so only the odd article is lost
            pass
    return [(article, extract_or_problem(extractor, article)) for article in batch]


def read_task(path: str) -> list[Article | ArticleError]:
    """Run in a worker: the articles of one file, as :func:`quotetrack.read.files.read_file` reads them."""
    from .read.files import read_file

    return list(read_file(Path(path)))


def read_here(sources: Iterable[Source]) -> Iterator[Article | ArticleError]:
    """The sources with their files read in this process."""
    from .read.files import read_file

    for source in sources:
        if isinstance(source, Path):
            yield from read_file(source)
        else:
            yield source


class Pool:
    """Where extraction runs: ``Pool.local(n, engine)`` (worker processes) or ``Pool.dask(address, engine)``.

    ``reads_files``: whether the workers see this machine's files (then they read them too); ``band_keys``: whether
    they send the LSH keys of the quotes' texts from the start (:attr:`band_keys`).
    ``task_size``: articles per task; ``batch``: articles the NLP pipeline sees at once (default:
    :func:`batch_size_for` the engine); ``window``: tasks in flight, which bounds memory.
    """

    def __init__(
        self,
        executor: Executor,
        engine: str,
        *,
        size: int,
        reads_files: bool,
        task_size: int = 1,
        batch: int | None = None,
        close: Callable[[], None] | None = None,
        helps: bool = False,
        band_keys: bool = False,
    ):
        self.executor, self.engine, self.size = executor, engine, size
        self.reads_files, self.batch = reads_files, batch or batch_size_for(engine)
        self.task_size = max(task_size, self.batch)
        self.window = max(4, 3 * size)
        self._close = close or (lambda: executor.shutdown(wait=True, cancel_futures=True))
        self._version_checked = False
        self.cpu_seconds = 0.0  # the workers' CPU time on the extraction tasks whose results came back
        self.helps = helps  # whether the process using the pool extracts too, rather than wait for the workers
        # Whether the workers compute the LSH keys of their quotes: once the writer is what they wait for (see steps). Not
        # before: a worker's first keys cost it loading datasketch (scipy: 0.44 s of CPU), more than it saves a writer that keeps up.
        self.band_keys = band_keys
        self.extracted_here = 0  # articles it extracted so

    @classmethod
    def local(cls, workers: int, engine: str, *, batch: int | None = None) -> Pool:
        """``workers`` processes on this machine, started without forking this one (no threads or locks inherited).

        The process using the pool helps them (:attr:`helps`) unless the engine's pipeline takes
        batches of articles (a neural one): this process would have to load it too.
        """
        batch = batch or batch_size_for(engine)
        helps = batch == 1
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(WORKER_NICENESS,))
        return cls(executor, engine, size=workers, reads_files=True, task_size=TASK_ARTICLES, batch=batch, helps=helps)

    @classmethod
    def dask(cls, scheduler: str, engine: str, *, timeout: float = 10.0) -> Pool:
        """The Dask cluster whose scheduler is at ``scheduler`` (``tcp://HOST:8786``); its workers need quotetrack installed."""
        try:
            from distributed import Client
        except ImportError as error:
            raise EngineError("--scheduler needs dask.distributed: pip install 'quotetrack[cluster]'") from error
        try:
            client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {_first_line(error)}") from error
        try:
            client.wait_for_workers(1, timeout=timeout)
        except (OSError, TimeoutError) as error:
            client.close()
            raise EngineError(f"the Dask scheduler at {scheduler} has no workers: start some with `dask worker {scheduler}`") from error
        threads = sum(client.nthreads().values()) or 1
        return cls(client.get_executor(pure=False), engine, size=threads, reads_files=False, task_size=CLUSTER_TASK_ARTICLES, close=client.close, band_keys=True)

    def close(self) -> None:
        self._close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        self.close()

    def warm_up(self, article: Article) -> None:
        """Load the extractor in the workers now, so that loading is not counted as extracting."""
        futures = [self.executor.submit(extract_task, self.engine, [article]) for _ in range(self.size * 2)]
        for future in futures:
            _result(future)

    def read(self, sources: Iterable[Source]) -> Iterator[Article | ArticleError]:
        """The articles of ``sources`` in order; single-article files are read by the workers when they can see them.

        JSON Lines files and web archives are streamed here: their articles come one by one.
        """
        from .read.files import is_streamed

        if not self.reads_files:
            yield from read_here(sources)
            return
        pending: deque[Article | ArticleError | Future[list[Article | ArticleError]]] = deque()
        in_flight = 0
        for source in sources:
            if isinstance(source, Path) and not is_streamed(source):
                pending.append(self.executor.submit(read_task, os.fspath(source)))
                in_flight += 1
            else:
                pending.extend(read_here([source]))
            while pending and (in_flight > self.window or len(pending) > MAX_PENDING or _ready(pending[0])):
                item = pending.popleft()
                if isinstance(item, Future):
                    in_flight -= 1
                    yield from _result(item)
                else:
                    yield item
        for item in pending:
            yield from (_result(item) if isinstance(item, Future) else [item])

    def steps(self, sources: Iterable[Source], check: Check | None = None, timing: Timing | None = None, here: Extractor | None = None) -> Iterator[Step]:
        """What to write for each of ``sources``, in order: the changed articles extracted by the workers.

        ``check`` (the writer's) picks out the articles stored unchanged before they are sent.
        With ``timing``, the seconds spent waiting for reading and for extraction are added to it.
        With ``here`` (an extractor of the same engine) and a pool that :attr:`helps`, this process
        extracts the next article itself whenever the workers have enough to do and the oldest
        task is not done yet, instead of waiting for it.
        """
        pending: deque[Step | tuple[list[Article], Future[Any]]] = deque()
        batch: list[Article] = []
        in_flight = 0
        helper = here if self.helps and here is not None and here.engine == self.engine else None
        sent: deque[Future[Any]] = deque()  # the tasks sent, up to the oldest not done yet
        # Tasks sent and not yet written: waited for beyond this. Helped, the window bounds what the workers have
        # still to do instead (see below), and this only the results they have run ahead with.
        limit = self.window if helper is None else HELPED_WINDOWS * self.window

        def send() -> None:
            nonlocal batch, in_flight
            if batch:
                pending.append((batch, self.executor.submit(extract_task, self.engine, batch, self.batch, self.band_keys)))
                sent.append(pending[-1][1])  # type: ignore[index]  # the task just sent
                in_flight += 1
                batch = []

        def busy() -> int:
            """The tasks the workers have still to do."""
            while sent and sent[0].done():
                sent.popleft()
            return sum(not future.done() for future in sent)

        read_quickly = True  # whether the last article came at once (not a web page being fetched, say)

        def hungry() -> bool:
            """Whether the workers should be sent more before anything is written (storing an article takes longer than
            extracting one: they would run dry while it stored what they did); only while articles come quickly."""
            return read_quickly and busy() < self.window and in_flight < limit and len(pending) <= MAX_PENDING

        def drain(everything: bool = False) -> Iterator[Step]:
            nonlocal in_flight
            while pending and (everything or in_flight > limit or len(pending) > MAX_PENDING or _ready(pending[0]) and (_costless(pending[0]) or not hungry())):
                item = pending.popleft()
                if isinstance(item, Step):
                    yield item
                    continue
                articles, future = item
                if in_flight >= limit and not busy():
                    self.band_keys = True  # the workers have run as far ahead as they may: the writer is the bottleneck
                in_flight -= 1
                started = time.perf_counter()
                version, results, seconds = _result(future)
                self.cpu_seconds += seconds
                if timing is not None:
                    timing.extract_seconds += time.perf_counter() - started
                self._check_version(version)
                for article, extracted in zip(articles, results, strict=True):
                    yield Step(skipped=extracted) if isinstance(extracted, str) else Step(article, *extracted)

        asked = time.perf_counter()
        for item in timed_reads(self.read(sources), timing):
            read_quickly = time.perf_counter() - asked < QUICK_READ_SECONDS
            step = Step(skipped=str(item)) if isinstance(item, ArticleError) else check(item) if check else None
            # Helped, the window bounds what the workers have still to do, not what waits to be written: they
            # are kept busy while the writer falls behind, which it then does not by extracting.
            if step is None and helper is not None and busy() >= self.window and not _ready(pending[0]):
                # The workers have a window's worth to do (so nothing is left in ``batch``), and waiting for
                # the oldest would leave this process's core idle.
                pending.append(_extracted_here(helper, item, timing))  # type: ignore[arg-type]  # an Article
                self.extracted_here += 1
            elif step is None:
                batch.append(item)  # type: ignore[arg-type]  # not an ArticleError, so an Article
                if len(batch) >= self.task_size:
                    send()
            else:
                send()  # keeps the order: what was queued before this step is sent before it
                pending.append(step)
            yield from drain()
            asked = time.perf_counter()
        send()
        yield from drain(everything=True)

    def _check_version(self, version: str) -> None:
        if not self._version_checked:
            if version != EXTRACTOR_VERSION:
                raise EngineError(f"the workers run quotetrack extractor {version}, this machine {EXTRACTOR_VERSION}: install the same version")
            self._version_checked = True


def _result(future: Future[Any]) -> Any:
    try:
        return future.result()
    except BrokenProcessPool as error:
        raise EngineError(
            "a worker process stopped (killed, or out of memory; a Python script that starts workers needs "
            "`if __name__ == '__main__':`); the articles stored before are kept"
        ) from error


def _extracted_here(extractor: Extractor, article: Article, timing: Timing | None) -> Step:
    started = time.perf_counter()
    quotes = extract_or_problem(extractor, article)
    if timing is not None:
        timing.extract_seconds += time.perf_counter() - started
    return Step(skipped=quotes) if isinstance(quotes, str) else Step(article, quotes)


def _start_worker(niceness: int) -> None:
    """Ctrl+C reaches every process of the terminal: the writer stops the workers, which would only print tracebacks.

    Workers yield the writer the CPU (``niceness``): every article passes through it, so it must not
    wait behind them; they run ahead of it, and it extracts too when they fall behind.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)
    gc.set_threshold(*GC_THRESHOLD)
    global _FREEZE_AFTER_LOADING
    _FREEZE_AFTER_LOADING = True


# Set in worker processes of our own (not in a Dask worker's, whose objects are not ours to freeze).
_FREEZE_AFTER_LOADING = False


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cyclic garbage less often while an ingest runs (:data:`GC_THRESHOLD`), and set aside what
    was allocated before it (the extractor's lexicons and tables) from the collections: they live on.

    >>> before = gc.get_threshold()
    >>> with fewer_collections():
    ...     gc.get_threshold() == GC_THRESHOLD
    True
    >>> gc.get_threshold() == before
    True
    """
    before = gc.get_threshold()
    frozen = gc.get_freeze_count() == 0  # a caller's own freeze is left alone
    if frozen:
        gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if frozen:
            gc.unfreeze()


def _ready(item: object) -> bool:
    return not isinstance(item, Future | tuple) or (item[1] if isinstance(item, tuple) else item).done()


def _costless(item: object) -> bool:
    """Whether writing ``item`` takes next to no time (an article counted unchanged, a skip), so need not wait for the workers to be fed."""
    return isinstance(item, Step) and item.quotes is None


def timed_reads(items: Iterable[Article | ArticleError], timing: Timing | None) -> Iterator[Article | ArticleError]:
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        item = next(iterator, None)
        if timing is not None:
            timing.read_seconds += time.perf_counter() - started
        if item is None:
            return
        yield item


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
