"""ingest --workers: worker processes read and extract, one writer stores; the database is the one a single process writes."""

import json
import shutil
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack import parallel
from quotetrack.bench.speed import load_samples, synthetic_articles
from quotetrack.cli import app
from quotetrack.ingestion import ingest, ingest_articles, make_extractor
from quotetrack.parallel import HELPED_WINDOWS, Pool, extract_task
from quotetrack.provenance.lsh import band_keys_of
from quotetrack.records import Article

PAGES = Path(__file__).parent / "fixtures" / "pages"

def header(article) -> str:
    return f"Title: {article.title}\nURL: {article.url}\nOutlet: {article.publisher}\nDate: {article.date}\n\n{article.text}\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """News as users ingest it: text files with headers, web pages, a JSON Lines feed, a bad file, a story filed twice."""
    folder = tmp_path_factory.mktemp("corpus")
    articles = list(synthetic_articles(load_samples(), 36, seed=7))
    for number, article in enumerate(articles[:24]):
        (folder / f"{number:02d}-story.txt").write_text(header(article), encoding="utf-8")
    for page in sorted(PAGES.glob("*.html"))[:3]:
        shutil.copy(page, folder / f"page-{page.name}")
    lines = [json.dumps({"text": a.text, "title": a.title, "url": a.url, "publisher": a.publisher, "date": a.date}) for a in articles[24:]]
    lines.insert(3, '{"text": "broken')
    (folder / "wire-feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "05-scan.txt").write_bytes(b"\x00\x01\x02\x03" * 200)
    # The same URL as the first story, later in the run, with its last paragraph corrected.
    first = articles[0]
    first.text = first.text.rsplit("\n\n", 1)[0] + "\n\nThis story was corrected to fix a figure."
    (folder / "zz-correction.txt").write_text(header(first), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def workers():
    """Two worker processes, started once for the tests that share them."""
    with Pool.local(2, "rules") as pool:
        yield pool


def test_two_workers_store_what_one_process_stores(corpus, tmp_path, workers, database_dump):
    one = ingest([corpus], tmp_path / "one.db", engine="rules", workers=1)
    two = ingest([corpus], tmp_path / "two.db", engine="rules", pool=workers)
    assert (two.new, two.updated, two.unchanged, two.quotes) == (one.new, one.updated, one.unchanged, one.quotes)
    assert one.updated == 1 and one.quotes > 100
    assert two.skipped == one.skipped and len(one.skipped) == 2
    assert database_dump(tmp_path / "two.db") == database_dump(tmp_path / "one.db")


def test_reingest_with_workers_matches_too(corpus, tmp_path, workers, database_dump):
    """Changed files, a story stored in its corrected version and filed again in its first: the same outcome either way."""
    edited = tmp_path / "edited"
    shutil.copytree(corpus, edited)
    for name in ("one.db", "two.db"):
        ingest([edited], tmp_path / name, engine="rules", workers=1)
    story = edited / "03-story.txt"
    story.write_text(story.read_text(encoding="utf-8").replace("said", "told reporters", 1), encoding="utf-8")
    (edited / "zz-correction.txt").unlink()  # the first version of the corrected story comes back
    one = ingest([edited], tmp_path / "one.db", engine="rules", workers=1)
    two = ingest([edited], tmp_path / "two.db", engine="rules", pool=workers)
    assert (two.new, two.updated, two.unchanged, two.quotes) == (one.new, one.updated, one.unchanged, one.quotes)
    assert one.updated == 2 and one.unchanged == one.articles - 2
    assert database_dump(tmp_path / "two.db") == database_dump(tmp_path / "one.db")


def test_a_story_filed_twice_in_one_run_ends_in_its_last_version(corpus, tmp_path, workers, database_dump):
    """Checked as unchanged before its earlier version was written: the writer checks it again."""
    (tmp_path / "later").mkdir()
    shutil.copy(corpus / "zz-correction.txt", tmp_path / "later" / "a.txt")
    ingest([tmp_path / "later"], tmp_path / "one.db", engine="rules")
    ingest([tmp_path / "later"], tmp_path / "two.db", engine="rules")
    run = [corpus / "00-story.txt", tmp_path / "later" / "a.txt"]
    one = ingest(run, tmp_path / "one.db", engine="rules", workers=1)
    two = ingest(run, tmp_path / "two.db", engine="rules", pool=workers)
    assert (one.updated, one.unchanged) == (two.updated, two.unchanged) == (2, 0)
    assert database_dump(tmp_path / "two.db") == database_dump(tmp_path / "one.db")


class CountingExecutor:
    """The pool's executor, counting the articles it is sent to extract."""

    def __init__(self, executor):
        self.executor, self.extractions = executor, 0

    def submit(self, function, *args):
        if function is extract_task:
            self.extractions += len(args[1])
        return self.executor.submit(function, *args)

    def shutdown(self, **options):
        self.executor.shutdown(**options)


def test_unchanged_articles_are_not_sent_to_the_workers(corpus, tmp_path, workers, monkeypatch):
    db = tmp_path / "q.db"
    monkeypatch.setattr(workers, "executor", CountingExecutor(workers.executor))
    here = workers.extracted_here
    first = ingest_articles(sorted(corpus.glob("*.txt")), db, engine="rules", pool=workers)
    extracted = workers.executor.extractions + workers.extracted_here - here  # by the worker, or by the writer while it waited
    assert extracted == first.new + first.updated  # the binary file is skipped when read
    again = ingest_articles(sorted(corpus.glob("*.txt")), db, engine="rules", pool=workers)
    # Only the story filed twice differs from what is stored: its first version is extracted; its corrected
    # one too, unless it was found unchanged before the first was written (the writer extracts it then).
    assert (again.new, again.updated, again.unchanged) == (0, 2, first.articles - 2)
    assert 1 <= workers.executor.extractions + workers.extracted_here - here - extracted <= 2


# `quotetrack ingest`, in a process of its own, with workers even for the small test corpus; it
# reports at exit whether the writer process loaded the neural stack (it never extracts, so it should not).
CLI = """
import atexit, sys
from quotetrack import ingestion
from quotetrack.cli import app
ingestion.SMALL_INPUT_BYTES = 0
atexit.register(lambda: print("neural stack:", [name for name in ("stanza", "torch") if name in sys.modules], file=sys.stderr))
app(sys.argv[1:])
"""


def test_cli_with_workers_reports_a_bad_file_and_stores_the_rest(corpus, tmp_path):
    arguments = ["ingest", str(corpus), "--engine", "rules", "--db"]
    one = CliRunner().invoke(app, [*arguments, str(tmp_path / "1.db"), "--workers", "1"])
    two = subprocess.run([sys.executable, "-c", CLI, *arguments, str(tmp_path / "2.db"), "--workers", "2"], check=False, capture_output=True, text=True)
    assert one.exit_code == two.returncode == 1
    assert two.stdout == one.stdout, two.stderr
    assert one.stdout.startswith("Ingested 40 articles (39 new, 1 updated, 0 unchanged)")
    skipped = [line for line in two.stderr.splitlines() if line.startswith("Skipped")]
    assert skipped == [line for line in one.stderr.splitlines() if line.startswith("Skipped")]
    assert skipped[0] == f"Skipped {corpus / '05-scan.txt'}: binary file"
    assert skipped[1].startswith(f"Skipped {corpus / 'wire-feed.jsonl'}:4: invalid JSON")
    assert "Traceback" not in two.stderr
    assert "neural stack: []" in two.stderr
    assert Database(tmp_path / "2.db")["articles"].count == 39


class SlowExecutor:
    """Tasks that are never done before they are asked for, then run here: a worker always behind the writer."""

    def submit(self, function, *args):
        future = Future()
        future.done = lambda: False  # type: ignore[method-assign]
        future.result = lambda timeout=None: function(*args)  # type: ignore[method-assign]
        return future

    def shutdown(self, **options):
        pass


def test_the_writer_extracts_rather_than_wait_and_stores_the_same(corpus, tmp_path, database_dump):
    files = sorted(corpus.glob("*.txt"))
    one = ingest_articles(files, tmp_path / "one.db", engine="rules")
    pool = Pool(SlowExecutor(), "rules", size=1, reads_files=False, helps=True)
    helped = ingest_articles(files, tmp_path / "helped.db", engine="rules", pool=pool)
    assert pool.extracted_here == one.new + one.updated - pool.window  # all but the tasks that fill the window
    assert (helped.new, helped.updated, helped.quotes, helped.skipped) == (one.new, one.updated, one.quotes, one.skipped)
    assert database_dump(tmp_path / "helped.db") == database_dump(tmp_path / "one.db")


class DoneExecutor:
    """Tasks run as they are sent: workers always ahead of the writer."""

    def __init__(self):
        self.sent = 0

    def submit(self, function, *args):
        self.sent += 1
        future = Future()
        future.set_result(function(*args))
        return future

    def shutdown(self, **options):
        pass


def test_the_workers_are_kept_ahead_of_what_is_written(corpus, monkeypatch):
    """Tasks are sent before what is done is stored (storing is slower than extracting): up to the limit of what may wait."""
    monkeypatch.setattr(parallel, "QUICK_READ_SECONDS", 10.0)  # however busy the machine running the test
    executor = DoneExecutor()
    pool = Pool(executor, "rules", size=2, reads_files=False, helps=True)
    steps = pool.steps(sorted(corpus.glob("*.txt")), here=make_extractor("rules"))
    first = next(steps)
    assert executor.sent == HELPED_WINDOWS * pool.window == 24
    rest = list(steps)
    extracted = [step for step in [first, *rest] if step.quotes is not None]
    assert pool.extracted_here == 0 and executor.sent == len(extracted)
    # The writer is what they wait for: the tasks sent from then on have the workers compute the quotes' LSH keys.
    assert pool.band_keys and first.band_keys is None and extracted[-1].band_keys is not None


def test_workers_send_the_quotes_lsh_keys_back(workers, monkeypatch):
    """The keys the writer's grouping needs, which need no database, are computed by the worker when asked."""
    monkeypatch.setattr(workers, "band_keys", True)
    article = Article(text="“We will not back down on the shelter budget,” Mayor Ruth Okafor said. “No.”", url="https://example.com/budget")
    [step] = workers.steps([article])
    texts = [quote.text for quote in step.quotes]
    assert texts and step.band_keys == dict(zip(texts, band_keys_of(texts), strict=True))


def test_what_is_done_is_written_before_a_slow_article_is_read(corpus, monkeypatch):
    """Articles that come slowly (web pages fetched): the writer does not hold what is done back while they come."""
    monkeypatch.setattr(parallel, "QUICK_READ_SECONDS", 0.01)

    def fetched():
        for path in sorted(corpus.glob("*-story.txt")):
            time.sleep(0.03)
            yield path

    executor = DoneExecutor()
    pool = Pool(executor, "rules", size=2, reads_files=False, helps=True)
    steps = pool.steps(fetched(), here=make_extractor("rules"))
    next(steps)
    assert executor.sent == 1
