"""The ``quotetrack`` command line: ingest, extract, export, serve, models, bench.

Commands parse arguments, show progress and choose exit codes; the work is done by
:mod:`quotetrack.ingestion`, :mod:`quotetrack.store`, :mod:`quotetrack.publish` and the bench
modules. Errors the user can act on become one ``Error:`` line and exit code 1 in
:class:`OneLineErrors`; usage errors exit with 2. The NLP stack is imported inside the
commands that need it, so ``--help`` stays fast.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import typer
from rich.console import Console
from typer.core import TyperGroup

from . import __version__
from .errors import EngineError, QuotetrackError
from .resources import data_dir

SAMPLES_DIR = data_dir() / "samples"


class OneLineErrors(TyperGroup):
    """Report the errors a user can cause as one line and exit 1, never a traceback.

    Sub-commands run inside the top group's ``invoke``, so this is the one place they are caught.
    """

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context, which it does not export
        try:
            return super().invoke(ctx)
        except (QuotetrackError, OSError, sqlite3.Error) as error:
            fail(one_line(error))


app = typer.Typer(
    cls=OneLineErrors,
    help="Quote and attribution tracker for news: who said this, when, where, through which outlet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Install or inspect the stanza NLP models.", no_args_is_help=True)
bench_app = typer.Typer(help="Measure extraction quality and ingest speed.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(bench_app, name="bench")


# The same names as nlp.ENGINES, spelled out so that --help need not import stanza.
class Engine(str, Enum):
    auto = "auto"
    rules = "rules"
    stanza = "stanza"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


class TraceFormat(str, Enum):
    table = "table"
    json = "json"


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


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"quotetrack {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Quote and attribution tracker for news: who said this, when, where, through which outlet."""


@app.command()
def ingest(
    paths: Annotated[
        list[Path], typer.Argument(metavar="PATH", help="Article files or folders (.txt, .html, .jsonl).")
    ],
    db: Annotated[Path, typer.Option("--db", help="SQLite database to create or update.")] = Path("quotes.db"),
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.auto,
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds to wait while another process writes to the database.")
    ] = 5.0,
) -> None:
    """Extract the quotes from articles and store them in a SQLite database.

    Re-ingesting an article changes nothing unless its extraction changed.
    Exit code 1 when any file was skipped (the others are still stored).

    Example: quotetrack ingest data/samples --db quotes.db
    """
    from .ingestion import ingest as ingest_paths

    require_exists(*paths)
    skip = SkipLog()
    with progress(skip.console, "Ingesting") as advance:
        result = ingest_paths(
            paths, db, engine=engine.value, on_skip=skip, progress=lambda _: advance(), timeout=timeout
        )
    if not result.articles and not result.skipped:
        fail(f"no articles found in {', '.join(map(str, paths))}")
    typer.echo(result.summary())
    if result.skipped:
        raise typer.Exit(1)


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


@app.command("extract")
def extract_command(
    file: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="An article file (.txt, .html), a .jsonl of articles, or a folder."),
    ],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.auto,
) -> None:
    """Print the quotes found in PATH, without a database.

    Each record has text, start, end, kind, cue, speaker, the evidence for it
    (speaker_mention at speaker_start-speaker_end, speaker_method), via_outlet,
    via_chain, publisher, confidence, the article's article_id and path, and its
    url, title and JSON Lines line when known. The table shows who, how, and why.

    Example: quotetrack extract data/samples/kremlin.txt --format table
    """
    from .ingestion import extract_each, make_extractor, readable_articles
    from .records import quote_record

    require_exists(file)
    extractor = make_extractor(engine.value)
    skip = SkipLog()
    records = []
    for article, quotes in extract_each(extractor, readable_articles([file], skip), skip):
        for quote in quotes:
            record = quote_record(article, quote)
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
    """Who said each quote and why we think so: the speaker, how it was found, the article's words for it."""
    from rich.table import Table

    table = Table(show_lines=False)
    for name, options in (
        ("speaker", {"max_width": 20}),
        ("method", {"no_wrap": True}),
        ("mention", {"max_width": 20}),
        ("via", {"max_width": 14}),
        ("kind", {"no_wrap": True}),
        ("conf.", {"no_wrap": True}),
        ("quote", {"ratio": 1, "min_width": 16}),
    ):
        table.add_column(name, **options)
    for record in records:
        via = " ← ".join(record.get("via_chain") or ([record["via_outlet"]] if record.get("via_outlet") else []))
        table.add_row(
            record["speaker"] or "?",
            record.get("speaker_method") or "",
            record.get("speaker_mention") or "",
            via,
            record["kind"],
            f"{record['confidence']:.2f}",
            record["text"],
        )
    console = Console(soft_wrap=False, highlight=False)
    if not console.is_terminal:
        console.width = max(console.width, 160)  # piped into a file or a pager: no screen to fit
    console.print(table, markup=False)


@app.command()
def export(
    db: Annotated[
        Path, typer.Option("--db", help="The database written by `quotetrack ingest`.")
    ] = Path("quotes.db"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")
    ] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only quotes by this speaker (any part of the name).")
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Only quotes relayed via, or published by, this outlet.")
    ] = None,
) -> None:
    """Export quotes with speaker, outlet, date and article as CSV or JSON.

    Example: quotetrack export --db quotes.db --format csv --speaker Peskov -o peskov.csv
    """
    from .query import write_records
    from .store import open_store

    require_exists(db)
    with open_store(db, read_only=True) as store:
        columns, rows = store.query(speaker=speaker, outlet=outlet)
        with open_output(output) as out:
            write_records(out, columns, rows, format.value)


@contextlib.contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with open(path, "w", newline="", encoding="utf-8") as handle:
        yield handle


@app.command()
def trace(
    phrase: Annotated[str, typer.Argument(metavar="PHRASE", help="Words of the quote, or the whole quote in any wording.")],
    db: Annotated[
        Path, typer.Option("--db", help="The database written by `quotetrack ingest`.")
    ] = Path("quotes.db"),
    format: Annotated[TraceFormat, typer.Option("--format", "-f", help="Output format.")] = TraceFormat.table,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many matching statements.")] = 3,
) -> None:
    """Where a statement was first seen, and every later appearance with its variant and word diff.

    Exit code 1 when no statement matches.

    Example: quotetrack trace "not seen any concrete document" --db quotes.db
    """
    from .provenance.tracing import format_timeline
    from .provenance.tracing import trace as trace_phrase
    from .store import open_store

    require_exists(db)
    with open_store(db, read_only=True) as store:
        found = trace_phrase(store.db, phrase, limit=limit)
    if format is TraceFormat.json:
        typer.echo(json.dumps([item.record() for item in found], ensure_ascii=False, indent=2))
    else:
        typer.echo("\n\n".join(format_timeline(item) for item in found))
    if not found:
        fail(f"no statement matches {phrase!r}")


@app.command()
def serve(
    db: Annotated[Path, typer.Argument(metavar="DB", help="The database written by `quotetrack ingest`.")],
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 for all.")] = "127.0.0.1",
    metadata: Annotated[
        Path | None, typer.Option(help="Datasette metadata file (default: the project's metadata.yml).")
    ] = None,
) -> None:
    """Browse, search and facet the quotes in Datasette.

    The project's metadata.yml (facets, search, canned queries) is applied to
    the database whatever its file name.

    Example: quotetrack serve quotes.db --port 8001
    """
    from . import publish

    require_exists(db)

    def announce(url: str) -> None:
        typer.echo(f"Serving {db} at {url} (Ctrl+C to stop)", err=True)

    raise typer.Exit(publish.serve(db, host=host, port=port, metadata=metadata, on_start=announce))


@models_app.command("download")
def models_download(
    dir: Annotated[
        Path | None, typer.Option("--dir", help="Where to put the models (default: stanza's folder).")
    ] = None,
) -> None:
    """Download the stanza English models (needs a network connection).

    Example: quotetrack models download
    """
    from . import nlp

    try:
        nlp.download_models(str(dir) if dir else None)
    except RuntimeError as error:
        raise EngineError(str(error)) from error
    folder = dir or nlp.default_model_dir()
    typer.echo(f"Models installed in {folder}; `--engine auto` will now use them.")


@models_app.command("status")
def models_status(
    dir: Annotated[
        Path | None, typer.Option("--dir", help="Model folder to check (default: stanza's folder).")
    ] = None,
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
    gold: Annotated[
        Path | None,
        typer.Argument(metavar="[GOLD]", help="Gold JSON Lines file (e.g. ../shared/devset/polnear-dev.jsonl); optional."),
    ] = None,
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.auto,
    limit: Annotated[int | None, typer.Option(min=1, help="Score only the first N articles of GOLD.")] = None,
    via_set: Annotated[
        Path | None, typer.Option("--via-set", help="Via-outlet set to score (default: the bundled data/bench/via_outlets.jsonl).")
    ] = None,
) -> None:
    """Score the extractor: PolNeAR-style gold attributions (when GOLD is given), then the via-outlet set.

    Example: quotetrack bench quality ../shared/devset/polnear-dev.jsonl --engine rules --limit 20
    """
    from .bench.quality import report
    from .bench.via import via_report

    if gold is not None:
        require_exists(gold)
        typer.echo(report(gold, engine.value, limit))
        typer.echo("")
    if via_set is not None:
        require_exists(via_set)
    typer.echo(via_report(via_set, engine.value))


@bench_app.command("statements")
def bench_statements(
    pairs: Annotated[
        Path | None, typer.Option("--pairs", help="Pairs set to score (default: the bundled data/bench/statement_pairs.jsonl).")
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", help="List every pair decided wrongly.")] = False,
) -> None:
    """Score statement grouping on quote pairs: precision and recall of "same statement".

    Example: quotetrack bench statements
    """
    from .bench.statements import statements_report

    if pairs is not None:
        require_exists(pairs)
    typer.echo(statements_report(pairs, verbose=verbose))


@bench_app.command("speed")
def bench_speed(
    articles: Annotated[
        int, typer.Option("--articles", min=1, help="How many synthetic articles to ingest.")
    ] = 1000,
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.rules,
    samples: Annotated[Path, typer.Option(help="Articles whose paragraphs are recombined.")] = SAMPLES_DIR,
) -> None:
    """Ingest synthetic articles into a temporary database; print articles/s, quotes/s and memory.

    Example: quotetrack bench speed --articles 1000 --engine rules
    """
    from .bench.speed import run_speed

    require_exists(samples)
    typer.echo(run_speed(articles, engine=engine.value, samples=samples).report())


if __name__ == "__main__":
    app()
