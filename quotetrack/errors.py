"""The errors quotetrack raises on purpose, each a one-line message the user can act on.

The CLI maps them to exit codes; the Python API lets them propagate.

>>> issubclass(ArticleError, QuotetrackError) and issubclass(StoreError, QuotetrackError)
True
>>> str(ArticleError("feed.jsonl", "invalid JSON", line=7))
'feed.jsonl:7: invalid JSON'
>>> str(StoreError("database is read-only").at("quotes.db"))
'quotes.db: database is read-only'
"""

from __future__ import annotations

import os
from typing import Any


class QuotetrackError(Exception):
    """Base class: something about the input or the environment, not a bug."""


class ArticleError(QuotetrackError):
    """A file, or one line of a JSON Lines file, that could not be read as an article."""

    def __init__(self, path: str | os.PathLike[str], problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {problem}")

    def __reduce__(self) -> tuple[Any, ...]:
        # The default pickling would call ArticleError(message) and lose the fields.
        return (type(self), (self.path, self.problem, self.line))


class StoreError(QuotetrackError):
    """A database problem the user can act on (locked, read-only, not a quotetrack database).

    ``path`` is the database file, when known; the message starts with it.
    """

    def __init__(self, problem: str, path: str | os.PathLike[str] | None = None):
        self.problem = problem
        self.path = None if path is None else os.fspath(path)
        super().__init__(problem if self.path is None else f"{self.path}: {problem}")

    def at(self, path: str | os.PathLike[str]) -> StoreError:
        """The same problem, said of the database file ``path``."""
        return StoreError(self.problem, path)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.problem, self.path))


class EngineError(QuotetrackError):
    """An NLP engine that cannot run here: unknown name, models missing, download failed."""
