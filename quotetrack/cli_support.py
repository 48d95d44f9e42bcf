"""What every ``quotetrack`` command shares: one-line errors and exit codes, option choices, skip reporting."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from typer.core import TyperGroup

from .errors import QuotetrackError


class OneLineErrors(TyperGroup):
    """Report the errors a user can cause as one line and exit 1, never a traceback.

    Sub-commands run inside the top group's ``invoke``, so this is the one place they are caught.
    """

    def invoke(self, ctx: Any) -> Any:  # typer's own click Context, which it does not export
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # `quotetrack export | head`: the reader has all it wanted, as with other Unix tools.
            quiet_stdout()
            raise typer.Exit(0) from None
        except (QuotetrackError, OSError, sqlite3.Error) as error:
            fail(one_line(error))


def quiet_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it at exit does not fail on the closed pipe again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


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


def update_layout(db: Path, timeout: float) -> None:
    """Bring a database from an older quotetrack up to date before a command writes to it, a line a step:
    at a million quotes that takes a minute or two, with the time so far shown on a terminal."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .sqlite_files import pending_layout_updates
    from .store import open_database

    if not pending_layout_updates(db):
        return
    console = Console(stderr=True, highlight=False, soft_wrap=True)
    console.print(f"Updating {db} to this version's layout (once; about a minute a million quotes)", markup=False)
    started = time.perf_counter()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=True,
                  disable=not console.is_terminal) as bar:
        task = bar.add_task("", total=None)

        def step(number: int, count: int, what: str) -> None:
            bar.update(task, description=f"step {number + 1} of {count}")
            bar.console.print(f"  {number + 1}/{count} {what}", markup=False)

        open_database(db, timeout=timeout, on_update=step).close()
    console.print(f"Updated {db} in {time.perf_counter() - started:.1f} s", markup=False)


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
