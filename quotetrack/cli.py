"""The ``quotetrack`` command line: ingest, extract, export, serve, models, bench.

The NLP stack is imported inside the commands that need it, so ``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import csv
import json
import signal
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

import typer
import yaml
from rich.console import Console

from . import __version__
from .bench.speed import SAMPLES_DIR
from .errors import EngineError

if TYPE_CHECKING:
    from .extract import Extractor
    from .records import Article, Quote

app = typer.Typer(
    help="Quote and attribution tracker for news: who said this, when, where, through which outlet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Install or inspect the stanza NLP models.", no_args_is_help=True)
bench_app = typer.Typer(help="Measure extraction quality and ingest speed.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(bench_app, name="bench")

PACKAGE_DIR = Path(__file__).resolve().parent
# The repository's metadata.yml first; a copy inside the package for installed wheels.
METADATA_PATHS = (PACKAGE_DIR.parent / "metadata.yml", PACKAGE_DIR / "data" / "metadata.yml")
EXTRACT_FIELDS = (
    "text", "start", "end", "kind", "cue", "speaker", "speaker_mention", "via_outlet", "publisher", "confidence",
)  # fmt: skip


# The same names as nlp.ENGINES, spelled out so that --help need not import stanza.
class Engine(str, Enum):
    auto = "auto"
    rules = "rules"
    stanza = "stanza"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class ExportFormat(str, Enum):
    csv = "csv"
    json = "json"


ENGINE_HELP = "auto: stanza models when installed, else rules; rules: model-free; stanza: require the models."


def fail(message: str, code: int = 1) -> NoReturn:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(code)


def require_exists(*paths: Path) -> None:
    """A path named on the command line that is not there is a usage error (exit 2)."""
    for path in paths:
        if not path.exists():
            fail(f"no such file or folder: {path}", code=2)


@contextlib.contextmanager
def user_errors(prefix: str = "") -> Iterator[None]:
    """Report the errors a user can cause as one line and exit 1, never a traceback."""
    from .read import ArticleError
    from .store import StoreError

    try:
        yield
    except (StoreError, ArticleError, EngineError, OSError, sqlite3.Error) as error:
        fail(prefix + one_line(error))


def one_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


class SkipLog:
    """What was skipped so far; each message goes to stderr as it happens."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self.console = Console(stderr=True, soft_wrap=True, highlight=False)

    def __call__(self, message: str) -> None:
        self.messages.append(message)
        self.console.print(f"Skipped {message}", markup=False)


def readable_articles(paths: Iterable[Path], skip: Callable[[str], None]) -> Iterator[Article]:
    """The articles in ``paths``; files that cannot be read go to ``skip``."""
    from .read import ArticleError, read_articles

    for item in read_articles(paths):
        if isinstance(item, ArticleError):
            skip(str(item))
        else:
            yield item


def make_extractor(engine: Engine) -> Extractor:
    from .extract import Extractor

    try:
        return Extractor(engine.value)
    except (EngineError, RuntimeError, ValueError) as error:
        fail(str(error))


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=version_callback, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Quote and attribution tracker for news: who said this, when, where, through which outlet."""


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="Article files or folders (.txt, .html, .jsonl)."),
    db: Path = typer.Option(Path("quotes.db"), "--db", help="SQLite database to create or update."),
    engine: Engine = typer.Option(Engine.auto, help=ENGINE_HELP),
    timeout: float = typer.Option(5.0, min=0, help="Seconds to wait while another process writes to the database."),
) -> None:
    """Extract the quotes from articles and store them in a SQLite database.

    Re-ingesting an article changes nothing unless its extraction changed.
    Exit code 1 when any file was skipped (the others are still stored).

    Example: quotetrack ingest data/samples --db quotes.db
    """
    from .store import Ingest, StoreError, ingest_article, open_database

    require_exists(*paths)
    skip = SkipLog()
    outcomes: Counter[Ingest] = Counter()
    quote_count = 0
    extractor = make_extractor(engine)  # before opening, so a missing model creates no empty database
    with user_errors(f"{db}: "):
        database = open_database(db, timeout=timeout)
    try:
        with progress(skip.console, "Ingesting") as advance:
            for article, quotes in extract_each(extractor, readable_articles(paths, skip), skip):
                outcomes[ingest_article(database, article, quotes)] += 1
                quote_count += len(quotes)
                advance()
    except StoreError as error:
        stored = outcomes[Ingest.NEW] + outcomes[Ingest.UPDATED]
        fail(f"{db}: {error}" + (f" ({plural(stored, 'article')} stored before this)" if stored else ""))
    finally:
        database.close()

    if not outcomes and not skip.messages:
        fail(f"no articles found in {', '.join(map(str, paths))}")
    typer.echo(summary(outcomes, quote_count, skip.messages))
    if skip.messages:
        raise typer.Exit(1)


def extract_each(
    extractor: Extractor,
    articles: Iterable[Article],
    skip: Callable[[str], None],
    batch_size: int = 16,
) -> Iterator[tuple[Article, list[Quote]]]:
    """``extractor.extract_many`` in batches, skipping only the article that breaks it."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        try:
            results = list(extractor.extract_many(batch))
        except Exception:
            # Redo the batch one by one so a single odd article cannot sink the whole run.
            results = []
            for article in batch:
                try:
                    results.append((article, extractor.extract(article)))
                except Exception as error:  # noqa: BLE001 - reported and skipped, as for a bad file
                    where = article.path or article.url or article.id
                    skip(f"{where}: extraction failed: {type(error).__name__}: {one_line(error)}")
        yield from results


@contextlib.contextmanager
def progress(console: Console, label: str) -> Iterator[Callable[[], None]]:
    """A live article counter on stderr; silent when stderr is not a terminal."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description} {task.completed} articles"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda: bar.advance(task)


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def summary(outcomes: Counter, quote_count: int, skipped: list[str]) -> str:
    """``Ingested 6 articles (2 new, 4 unchanged), 41 quotes; skipped 1: bad.bin: binary file``"""
    from .store import Ingest

    parts = [f"{outcomes[Ingest.NEW]} new"]
    if outcomes[Ingest.UPDATED]:
        parts.append(f"{outcomes[Ingest.UPDATED]} updated")
    parts.append(f"{outcomes[Ingest.UNCHANGED]} unchanged")
    line = f"Ingested {plural(sum(outcomes.values()), 'article')} ({', '.join(parts)}), {plural(quote_count, 'quote')}"
    if skipped:
        shown = skipped[:3]
        more = f"; and {len(skipped) - len(shown)} more" if len(skipped) > len(shown) else ""
        line += f"; skipped {len(skipped)}: " + "; ".join(shown) + more
    return line


@app.command("extract")
def extract_command(
    file: Path = typer.Argument(..., metavar="FILE", help="An article file (.txt, .html) or a .jsonl of articles."),
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="Output format."),
    engine: Engine = typer.Option(Engine.auto, help=ENGINE_HELP),
) -> None:
    """Print the quotes found in FILE, without a database.

    Each record has text, start, end, kind, cue, speaker, speaker_mention,
    via_outlet, publisher, confidence, and the article's url and title when known.

    Example: quotetrack extract data/samples/kremlin.txt --format table
    """
    require_exists(file)
    extractor = make_extractor(engine)
    skip = SkipLog()
    records = []
    for article, quotes in extract_each(extractor, readable_articles([file], skip), skip):
        for quote in quotes:
            record = {key: value for key, value in quote.to_dict().items() if key in EXTRACT_FIELDS}
            if quote.extra.get("parts"):
                record["parts"] = [list(part) for part in quote.extra["parts"]]  # where the quoted words are
            record.update({key: value for key, value in (("url", article.url), ("title", article.title)) if value})
            if format is ExtractFormat.jsonl:
                typer.echo(json.dumps(record, ensure_ascii=False))
            else:
                records.append(record)
    if format is ExtractFormat.json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif format is ExtractFormat.table:
        print_table(records)
    if skip.messages:
        raise typer.Exit(1)


def print_table(records: list[dict[str, Any]]) -> None:
    from rich.table import Table

    table = Table("speaker", "kind", "via", "quote", show_lines=False)
    for record in records:
        table.add_row(record["speaker"] or "?", record["kind"], record["via_outlet"] or "", record["text"])
    Console(soft_wrap=False, highlight=False).print(table)


@app.command()
def export(
    db: Path = typer.Option(Path("quotes.db"), "--db", help="The database written by `quotetrack ingest`."),
    format: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f", help="Output format."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    speaker: str | None = typer.Option(None, help="Only quotes by this speaker (any part of the name)."),
    outlet: str | None = typer.Option(None, help="Only quotes relayed via, or published by, this outlet."),
) -> None:
    """Export quotes with speaker, outlet, date and article as CSV or JSON.

    Example: quotetrack export --db quotes.db --format csv --speaker Peskov -o peskov.csv
    """
    from .resolve.names import canonical_speaker
    from .resolve.outlets import outlet_row
    from .store import open_database

    require_exists(db)
    where, params = [], []
    if speaker:
        where.append("speaker like ?")
        params.append(f"%{canonical_speaker(speaker) or speaker}%")
    if outlet:
        row = outlet_row(outlet)
        where.append("(via_outlet = ? collate nocase or publisher = ? collate nocase)")
        params += [row["name"] if row else outlet] * 2
    with user_errors(f"{db}: "):
        database = open_database(db, read_only=True)
        columns = [column.name for column in database["quotes_view"].columns if column.name != "quote_rowid"]
        sql = f"select {', '.join(f'[{column}]' for column in columns)} from quotes_view"
        sql += (" where " + " and ".join(where) if where else "") + " order by date, id"
        rows = database.execute(sql, params)
        with open_output(output) as out:
            write_records(out, columns, rows, format)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", newline="", encoding="utf-8") as handle:
        yield handle


def write_records(out: TextIO, columns: list[str], rows: Iterable[tuple], format: ExportFormat) -> None:
    if format is ExportFormat.json:
        out.write("[")
        for index, row in enumerate(rows):
            out.write(("," if index else "") + "\n  " + json.dumps(dict(zip(columns, row)), ensure_ascii=False))
        out.write("\n]\n")
        return
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)


@app.command()
def serve(
    db: Path = typer.Argument(..., metavar="DB", help="The database written by `quotetrack ingest`."),
    port: int = typer.Option(8001, help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on; 0.0.0.0 for all."),
    metadata: Path | None = typer.Option(None, help="Datasette metadata file (default: the project's metadata.yml)."),
) -> None:
    """Browse, search and facet the quotes in Datasette.

    The project's metadata.yml (facets, search, canned queries) is applied to
    the database whatever its file name.

    Example: quotetrack serve quotes.db --port 8001
    """
    require_exists(db)
    with user_errors():
        settings = load_metadata(metadata, database_name=db.stem)
    with tempfile.TemporaryDirectory() as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(settings), encoding="utf-8")
        command = [sys.executable, "-m", "datasette", "serve", str(db), "--metadata", str(metadata_file)]
        command += ["--host", host, "--port", str(port)]
        typer.echo(f"Serving {db} at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
        code = run_in_foreground(command)
    raise typer.Exit(0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code)


def run_in_foreground(command: list[str]) -> int:
    """Run ``command`` until it exits; stopping us (Ctrl+C, SIGTERM) stops it too, never orphaned."""
    process = subprocess.Popen(command)
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: process.send_signal(signum))
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                process.send_signal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            process.wait()


def load_metadata(path: Path | None = None, *, database_name: str = "quotes") -> dict[str, Any]:
    """The Datasette metadata, with its ``quotes`` database section renamed to ``database_name``.

    Datasette matches metadata to databases by file stem; renaming lets any file name work.
    """
    found = path or next((candidate for candidate in METADATA_PATHS if candidate.exists()), None)
    if found is None:
        raise FileNotFoundError(f"metadata.yml not found (looked in {', '.join(map(str, METADATA_PATHS))})")
    settings = yaml.safe_load(found.read_text(encoding="utf-8")) or {}
    databases = settings.get("databases", {})
    if database_name != "quotes" and "quotes" in databases:
        databases[database_name] = databases.pop("quotes")
    return settings


@models_app.command("download")
def models_download(
    dir: Path | None = typer.Option(None, "--dir", help="Where to put the models (default: stanza's folder)."),
) -> None:
    """Download the stanza English models (needs a network connection).

    Example: quotetrack models download
    """
    from . import nlp

    try:
        nlp.download_models(str(dir) if dir else None)
        folder = dir or nlp.default_model_dir()
    except (EngineError, RuntimeError, OSError) as error:
        fail(str(error))
    typer.echo(f"Models installed in {folder}; `--engine auto` will now use them.")


@models_app.command("status")
def models_status(
    dir: Path | None = typer.Option(None, "--dir", help="Model folder to check (default: stanza's folder)."),
) -> None:
    """Show whether the stanza models are installed and which engine "auto" uses.

    Example: quotetrack models status
    """
    from . import nlp

    folder = str(dir) if dir else nlp.default_model_dir()
    installed = nlp.models_installed(folder)
    engine = nlp.resolve_engine("auto", folder)
    typer.echo(f"Model folder: {folder}")
    typer.echo(f"Models installed: {'yes' if installed else 'no'}")
    typer.echo(f"Engine used by --engine auto: {engine}")


@bench_app.command("quality")
def bench_quality(
    gold: Path = typer.Argument(..., metavar="GOLD", help="Gold JSON Lines file (e.g. ../shared/devset/polnear-dev.jsonl)."),
    engine: Engine = typer.Option(Engine.auto, help=ENGINE_HELP),
    limit: int | None = typer.Option(None, min=1, help="Score only the first N articles."),
) -> None:
    """Score the extractor against gold attributions: precision, recall, speaker accuracy.

    Example: quotetrack bench quality ../shared/devset/polnear-dev.jsonl --engine rules --limit 20
    """
    require_exists(gold)
    from .bench.quality import report

    with user_errors():
        try:
            text = report(gold, engine.value, limit)
        except (RuntimeError, ValueError) as error:
            fail(str(error))
    typer.echo(text)


@bench_app.command("speed")
def bench_speed(
    articles: int = typer.Option(1000, "--articles", min=1, help="How many synthetic articles to ingest."),
    engine: Engine = typer.Option(Engine.rules, help=ENGINE_HELP),
    samples: Path = typer.Option(SAMPLES_DIR, help="Articles whose paragraphs are recombined."),
) -> None:
    """Ingest synthetic articles into a temporary database; print articles/s, quotes/s and memory.

    Example: quotetrack bench speed --articles 1000 --engine rules
    """
    from .bench.speed import BenchmarkError, run_speed

    require_exists(samples)
    with user_errors():
        try:
            result = run_speed(articles, engine=engine.value, samples=samples)
        except (BenchmarkError, RuntimeError, ValueError) as error:
            fail(str(error))
    typer.echo(result.report())
