"""Progress bars for long commands: ingest (files, articles, rate, time left) and export (rows).

The Python API stays silent: :func:`quotetrack.ingest` calls a ``progress`` callback after
each article, and this module renders what it is told with rich, on stderr, only when stderr
is a terminal (never in a pipe, a log file or a test) and not asked to be quiet.

How much is left is estimated before the work starts: one article for a text or HTML file
or a URL, one a non-blank line for a JSON Lines file (counted in one fast pass over its
bytes). When a file turns out to hold more or fewer articles (a web archive, a JSON file of
many, lines skipped), the total is corrected as soon as it is done.

>>> plan = IngestPlan.of(["data/samples"])
>>> len(plan.files), plan.estimate   # five articles in two JSON Lines files, one in each other file
(7, 10)
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, Task, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.text import Text

if TYPE_CHECKING:
    from .ingestion import IngestResult

__all__ = ["IngestPlan", "export_progress", "ingest_progress", "shows_progress"]

Row = TypeVar("Row")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")


def shows_progress(console: Console, quiet: bool = False) -> bool:
    """A bar only for someone watching: the console is a terminal and ``--quiet`` was not given."""
    return console.is_terminal and not quiet


class RateColumn(ProgressColumn):
    """``46 articles/s`` (rich's own speed columns are for bytes)."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} {self.unit}/s" if speed else f"- {self.unit}/s", style="progress.data.speed")


@dataclass
class IngestPlan:
    """The files an ingest will read, in its order, and how many articles each is expected to hold."""

    files: list[str] = field(default_factory=list)
    expected: dict[str, int] = field(default_factory=dict)
    urls: int = 0

    @classmethod
    def of(cls, sources: Iterable[str]) -> IngestPlan:
        """The plan for ``quotetrack ingest SOURCES``: files and folders in reading order, URLs counted."""
        from .read.files import article_files
        from .read.urls import is_web_url

        given = list(sources)
        plan = cls(urls=sum(1 for source in given if is_web_url(source)))
        for file in article_files([source for source in given if not is_web_url(source)]):
            if not isinstance(file, Path):
                continue  # a missing file: ingest reports it
            name = str(file)
            plan.files.append(name)
            plan.expected[name] = _expected_articles(file)
        return plan

    @property
    def estimate(self) -> int:
        return sum(self.expected.values()) + self.urls


def _expected_articles(file: Path) -> int:
    """One article a file, one a non-blank line of JSON Lines (``line.strip()`` as the reader does)."""
    if not file.name.lower().endswith(_JSONL_SUFFIXES):
        return 1
    count = 0
    with contextlib.suppress(OSError), open(file, "rb") as handle:
        for line in handle:
            count += bool(line.strip())
    return count


class IngestTracker:
    """Turns the ingest's per-article callback into bar updates: articles done, files done, the total corrected."""

    def __init__(self, bar: Progress, plan: IngestPlan) -> None:
        self.bar, self.plan = bar, plan
        self.total = plan.estimate  # corrected as each file is done
        self.done = 0
        self.file_index = 0  # the next file not finished yet
        self.seen: dict[str, int] = {}
        self.task = bar.add_task("Ingesting", total=self.total or None, files=self._files_text())

    def _files_text(self) -> str:
        return f"{self.file_index}/{len(self.plan.files)} files" if self.plan.files else ""

    def __call__(self, result: IngestResult) -> None:
        path = result.current.path if result.current is not None else None
        position = self._position(path)
        if position is not None:
            self._finish_files_before(position)
            self.seen[self.plan.files[position]] = self.seen.get(self.plan.files[position], 0) + 1
        elif path is None:
            self._finish_files_before(len(self.plan.files))  # web pages come after the files
        self.done = result.articles
        # An estimate that falls short must not show 100 % before the end.
        total = max(self.total, self.done + 1) if self.plan.estimate else None  # feeds alone: no total known
        self.bar.update(self.task, completed=self.done, total=total, files=self._files_text())

    def _position(self, path: str | None) -> int | None:
        if path is None or path not in self.plan.expected:
            return None
        try:
            return self.plan.files.index(path, self.file_index)
        except ValueError:
            return None

    def _finish_files_before(self, position: int) -> None:
        """Every file before ``position`` is done: its estimate gives way to the articles it really held."""
        while self.file_index < position:
            name = self.plan.files[self.file_index]
            self.total += self.seen.pop(name, 0) - self.plan.expected[name]
            self.file_index += 1

    def finish(self) -> None:
        self._finish_files_before(len(self.plan.files))
        self.bar.update(self.task, total=max(self.total, self.done) if self.plan.estimate else None, files=self._files_text())


def _bar(console: Console, quiet: bool, label: ProgressColumn, unit: str, *details: ProgressColumn) -> Progress:
    """A bar of ``unit`` done: label, bar, percentage, ``details``, count, rate, time elapsed and left."""
    return Progress(
        label,
        BarColumn(),
        TaskProgressColumn(),
        *details,
        TextColumn(f"{{task.completed:,.0f}} {unit}"),
        RateColumn(unit),
        TimeElapsedColumn(),
        TextColumn("elapsed"),
        TimeRemainingColumn(),
        TextColumn("left"),
        console=console,
        transient=True,
        disable=not shows_progress(console, quiet),
    )


@contextlib.contextmanager
def ingest_progress(console: Console, plan: IngestPlan, *, quiet: bool = False) -> Iterator[Callable[[IngestResult], None]]:
    """A progress bar for ``ingest``: a callback to pass as its ``progress``; nothing shown unless :func:`shows_progress`."""
    with _bar(console, quiet, TextColumn("{task.description}"), "articles", TextColumn("{task.fields[files]}")) as bar:
        tracker = IngestTracker(bar, plan)
        yield tracker
        tracker.finish()


def export_progress(console: Console, rows: Iterable[Row], total: int | None, *, quiet: bool = False, every: int = 1000) -> Iterator[Row]:
    """``rows`` as they are, with a bar of rows written on ``console`` while they are consumed."""
    with _bar(console, quiet, TextColumn("Exporting"), "rows") as bar:
        task = bar.add_task("Exporting", total=total)
        count = 0
        for count, row in enumerate(rows, 1):
            yield row
            if count % every == 0:
                bar.update(task, completed=count)
        bar.update(task, completed=count)

