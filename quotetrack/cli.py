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
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from . import __version__
from .cli_load import load_command
from .cli_progress import IngestPlan, export_progress, ingest_progress, shows_progress
from .cli_support import (
    ENGINE_HELP,
    Engine,
    ExportFormat,
    ExtractFormat,
    OneLineErrors,
    SkipLog,
    TraceFormat,
    fail,
    require_exists,
    update_layout,
)
from .cli_tools import bench_app, models_app

app = typer.Typer(
    cls=OneLineErrors,
    help="Quote and attribution tracker for news: who said this, when, where, through which outlet.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(models_app, name="models")
app.add_typer(bench_app, name="bench")
app.command("load")(load_command)


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
        list[str] | None,
        typer.Argument(metavar="PATH", help="Article files or folders (.txt, .html, .json, .jsonl, .warc, .warc.gz) or http(s) URLs."),
    ] = None,
    db: Annotated[Path, typer.Option("--db", help="SQLite database to create or update.")] = Path("quotes.db"),
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.auto,
    timeout: Annotated[
        float, typer.Option(min=0, help="Seconds to wait while another process writes to the database.")
    ] = 5.0,
    urls: Annotated[Path | None, typer.Option("--urls", help="A text file of web page URLs to fetch, one a line.")] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS/Atom feed (or a page linking one): fetch its new articles.")
    ] = None,
    sitemap: Annotated[list[str] | None, typer.Option("--sitemap", help="An XML sitemap: fetch the pages it lists that are new.")] = None,
    delay: Annotated[float, typer.Option(min=0, help="Seconds between two requests to one web host.")] = 1.0,
    limit: Annotated[int | None, typer.Option(min=1, help="Fetch at most N new articles from feeds and sitemaps.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Extract again even articles stored unchanged by this extractor version.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar (it is shown only on a terminal anyway).")] = False,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Processes reading and extracting (default: one per core).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Extract on the Dask cluster of this scheduler (tcp://HOST:8786).")
    ] = None,
) -> None:
    """Extract the quotes from articles and store them in a SQLite database.

    Articles come from files, folders, web archives and web pages; --feed and --sitemap
    fetch the articles they list that the database does not hold yet. Pages are fetched
    politely (robots.txt, retries, --delay between requests to one host).
    An article already stored as it is, by this extractor version, is not extracted
    again (--force does). Exit code 1 when any file or page was skipped (the others are still stored).
    Articles are extracted on every core (--workers) or on a Dask cluster (--scheduler) and
    written by this process in input order.

    Example: quotetrack ingest data/samples https://news.example/story --db quotes.db
    """
    from .ingestion import ingest as ingest_paths
    from .parallel import cpu_count
    from .read.sources import read_url_list
    from .read.urls import is_web_url
    from .read.web import Fetcher, FetchPolicy

    sources = list(paths or [])
    if not (sources or urls or feed or sitemap):
        fail("nothing to ingest: give a PATH or URL, --urls FILE, --feed URL or --sitemap URL", code=2)
    require_exists(*(Path(source) for source in sources if not is_web_url(source)), *([urls] if urls else []))
    skip = SkipLog()
    if urls:
        listed, problems = read_url_list(urls)
        for problem in problems:
            skip(str(problem))
        sources += listed
    plan = IngestPlan.of(sources) if shows_progress(skip.console, quiet) else IngestPlan()
    update_layout(db, timeout)
    with ingest_progress(skip.console, plan, quiet=quiet) as progress:
        result = ingest_paths(
            sources, db, engine=engine.value, on_skip=skip, progress=progress, timeout=timeout,
            feeds=feed or [], sitemaps=sitemap or [], fetcher=Fetcher(FetchPolicy(delay=delay)), limit=limit, force=force,
            workers=workers or cpu_count(), scheduler=scheduler,
        )  # fmt: skip
    if not result.articles and not result.skipped and not skip.messages and not (feed or sitemap):
        fail(f"no articles found in {', '.join(sources)}")
    typer.echo(result.summary())
    if result.skipped or skip.messages:
        raise typer.Exit(1)


@app.command("extract")
def extract_command(
    file: Annotated[
        Path,
        typer.Argument(metavar="PATH", help="An article file (.txt, .html), a .jsonl of articles, or a folder."),
    ],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.auto,
    to: Annotated[
        tuple[str, Path] | None,
        typer.Option("--to", metavar="parquet DIR", help="Write the articles and quote records as Parquet, by month, into the new folder DIR."),
    ] = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes reading and extracting (default: one per core).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Extract on the Dask cluster of this scheduler (tcp://HOST:8786).")] = None,
) -> None:
    """Print the quotes found in PATH, without a database, or write them as Parquet (--to parquet DIR).

    Each record has text, start, end, kind, cue, speaker, the evidence for it
    (speaker_mention at speaker_start-speaker_end, speaker_method), via_outlet,
    via_chain, publisher, confidence, the article's article_id and path, and its
    url, title and JSON Lines line when known. The table shows who, how, and why.
    For a corpus too big for one SQLite file, --to parquet DIR writes Parquet files that
    `quotetrack load` stores, a period at a time if need be.

    Example: quotetrack extract data/samples/kremlin.txt --format table
    """
    from .ingestion import extract_paths, make_extractor
    from .parallel import cpu_count
    from .records import quote_record

    require_exists(file)
    if to is not None and to[0] != "parquet":
        fail(f"--to {to[0]}: the one format is parquet (--to parquet DIR)", code=2)
    extractor = make_extractor(engine.value)
    skip = SkipLog()
    extracted = extract_paths([file], extractor=extractor, on_skip=skip, workers=workers or cpu_count(), scheduler=scheduler)
    if to is not None:
        from .parquet import write_parquet

        typer.echo(write_parquet(extracted, to[1], engine=extractor.engine).summary())
        if skip.messages:
            raise typer.Exit(1)
        return
    records = []
    for article, quotes in extracted:
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
    escape_formulas: Annotated[
        bool,
        typer.Option(
            "--escape-formulas/--no-escape-formulas",
            help="CSV: prefix cells starting with = + - @ with ' so spreadsheets show them as text, not run them.",
        ),
    ] = True,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar (shown on a terminal when the rows go to a file or a pipe).")
    ] = False,
) -> None:
    """Export quotes with speaker, outlet, date and article as CSV or JSON.

    CSV is safe to open in a spreadsheet: a quote starting with = + - or @ is written
    with a leading ' (--no-escape-formulas writes the words exactly as stored).

    Example: quotetrack export --db quotes.db --format csv --speaker Peskov -o peskov.csv
    """
    from .query import write_records
    from .store import open_store

    require_exists(db)
    console = Console(stderr=True)
    # Not over the rows themselves: a bar only when they go to a file or a pipe.
    quiet = quiet or (output is None and sys.stdout.isatty())
    with open_store(db, read_only=True) as store:
        total = store.counts()["quotes"] if shows_progress(console, quiet) and not (speaker or outlet) else None
        columns, rows = store.query(speaker=speaker, outlet=outlet)
        # Closed before the store, also when the reader went away (`| head`): no cursor left on a closed database.
        with contextlib.closing(rows), open_output(output) as out:  # type: ignore[type-var]
            shown = export_progress(console, rows, total, quiet=quiet)
            write_records(out, columns, shown, format.value, escape_formulas=escape_formulas)


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
    public: Annotated[
        bool, typer.Option("--public", help="For publishing: no SQL of visitors, no file paths, no article texts, row and time limits.")
    ] = False,
    with_text: Annotated[bool, typer.Option("--with-text", help="With --public: publish the articles' full texts too.")] = False,
    export_metadata: Annotated[
        Path | None,
        typer.Option("--export-metadata", help="Write the metadata to FILE and print the equivalent datasette command; serve nothing."),
    ] = None,
) -> None:
    """Browse, search and facet the quotes in Datasette.

    The project's metadata.yml (facets, search, canned queries) is applied to
    the database whatever its file name. --public makes a site safe to publish.
    Exit code 1 when DB is not a quotetrack database or the port is in use.

    Example: quotetrack serve quotes.db --public --port 8001
    """
    from . import publish

    require_exists(db)
    if with_text and not public:
        fail("--with-text only applies with --public (without it the full texts are shown anyway)", code=2)

    def announce(url: str) -> None:
        if export_metadata is not None:
            typer.echo(url)
            return
        typer.echo(f"Serving {db}{' (public)' if public else ''} at {url} (Ctrl+C to stop)", err=True)

    code = publish.serve(
        db, host=host, port=port, metadata=metadata, on_start=announce, public=public, with_text=with_text, export_metadata=export_metadata
    )
    raise typer.Exit(code)


if __name__ == "__main__":
    app()
