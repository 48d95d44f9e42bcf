"""The ``quotetrack load`` command: Parquet written by ``extract --to parquet`` into a SQLite database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli_support import require_exists, update_layout


def load_command(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="A folder written by `quotetrack extract --to parquet DIR`.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite database to create or update.")] = Path("quotes.db"),
    period: Annotated[
        list[str] | None, typer.Option("--period", help="Only this period: 2024-05 (a month), 2024 (a year); repeatable.")
    ] = None,
    timeout: Annotated[float, typer.Option(min=0, help="Seconds to wait while another process writes to the database.")] = 5.0,
) -> None:
    """Store the articles and quotes of a Parquet folder in a SQLite database, as ingest would.

    Loading twice changes nothing. --period loads a year or month at a time, to keep one
    SQLite file per period for a corpus too big for one.

    Example: quotetrack load quotes-parquet --db 2024.db --period 2024
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .parquet import load_parquet

    require_exists(folder)
    update_layout(db, timeout)
    console = Console(stderr=True)
    columns = (SpinnerColumn(), TextColumn("{task.description} {task.completed} articles"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("Loading", total=None)
        result = load_parquet(folder, db, periods=period or [], progress=lambda _: bar.advance(task), timeout=timeout)
    typer.echo(result.summary().replace("Ingested", "Loaded", 1))
