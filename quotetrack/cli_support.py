"""What every ``quotetrack`` command shares: one-line errors and exit codes, option choices, skip reporting."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
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


def announce_layout_update(db: Path) -> None:
    """Say so before a database from an older quotetrack is brought up to date: at a million quotes that takes a minute or two."""
    from .sqlite_files import pending_layout_updates

    if pending_layout_updates(db):
        typer.echo(f"Updating {db} to this version's layout (once; about a minute a million quotes) ...", err=True)


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
