"""The ``quotetrack models`` and ``quotetrack bench`` command groups."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_support import ENGINE_HELP, Engine, require_exists
from .errors import EngineError
from .resources import data_dir

SAMPLES_DIR = data_dir() / "samples"

models_app = typer.Typer(help="Install or inspect the stanza NLP models.", no_args_is_help=True)
bench_app = typer.Typer(help="Measure extraction quality, statement grouping, ingest and serving speed.", no_args_is_help=True)


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
        int, typer.Option("--articles", min=1, help="How many articles to ingest (synthetic, or the first of --corpus).")
    ] = 1000,
    engine: Annotated[Engine, typer.Option(help=ENGINE_HELP)] = Engine.rules,
    samples: Annotated[Path, typer.Option(help="Articles whose paragraphs are recombined.")] = SAMPLES_DIR,
    html: Annotated[bool, typer.Option("--html", help="Ingest them as news web pages: HTML parsing counts in articles/s.")] = False,
    corpus: Annotated[
        Path | None, typer.Option("--corpus", help="Time your own articles (a folder or file ingest reads) instead.")
    ] = None,
    prefill_quotes: Annotated[
        int, typer.Option("--prefill-quotes", min=0, help="Also store the articles on top of a database of N quotes.")
    ] = 0,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes reading and extracting, as for ingest.")] = 1,
) -> None:
    """Ingest articles of news length into a temporary database; print articles/s, extraction alone, store time, memory.

    Example: quotetrack bench speed --articles 1000 --engine rules --prefill-quotes 1000000
    """
    from .bench.speed import run_speed

    require_exists(samples)
    if corpus is not None:
        require_exists(corpus)

    def progress(message: str) -> None:
        typer.echo(message, err=True)

    result = run_speed(articles, engine=engine.value, samples=samples, html=html, corpus=corpus,
                       prefill_quotes=prefill_quotes, progress=progress, workers=workers)
    typer.echo(result.report())


@bench_app.command("serve")
def bench_serve(
    quotes: Annotated[int, typer.Option("--quotes", min=1, help="How many synthetic quotes the database holds.")] = 100_000,
    db: Annotated[
        Path | None, typer.Option("--db", help="Database to build, or reuse when it exists (default: a temporary file).")
    ] = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1, help="Timed runs of each request.")] = 10,
) -> None:
    """Build a large synthetic database and time Datasette's pages on it (p50/p95 per request).

    Example: quotetrack bench serve --quotes 1000000 --db /tmp/serve-1m.db
    """
    import tempfile

    from .bench.serve import run_serve_bench

    def progress(message: str) -> None:
        typer.echo(f"  {message}", err=True)

    if db is not None:
        typer.echo(run_serve_bench(quotes, db=db, repeat=repeat, progress=progress).report())
        return
    with tempfile.TemporaryDirectory() as folder:
        typer.echo(run_serve_bench(quotes, db=Path(folder) / "quotes.db", repeat=repeat, progress=progress).report())
