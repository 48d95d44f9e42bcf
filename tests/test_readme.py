"""The README's examples run against the bundled samples and return what the README says.

Everything checked is read from README.md itself, so an example added or changed there is
checked as it is written:

- ``console`` blocks: each ``$ quotetrack ...`` line is run in a folder holding the samples
  (``data/``) and a ``quotes.db`` ingested from them; the lines after it are its output. A line
  ``...`` stands for any lines, a line ending in ``...`` for any end of line.
- ``bash`` blocks: every ``quotetrack`` command parses (its sub-command and options exist, its
  values are valid); those whose input files are there, that need no network and take seconds,
  not minutes, are run and must succeed.
- Datasette URLs (``/quotes/...`` in backticks, and links to 127.0.0.1:8001): each is requested
  from Datasette serving the samples with the project's metadata, and must answer 200 with at
  least one row; a ``_facet=`` must not repeat a facet the metadata already shows. In the table
  of pages under "What you see", each page must hold the number of rows given there.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
import typer.main
from datasette.app import Datasette
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.provenance.web import ensure_registered
from quotetrack.publish import load_metadata

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
SITE = "http://127.0.0.1:8001"
# In backticks, or a link to the local site: <http://127.0.0.1:8001/quotes/...> or [...](http://127.0.0.1:8001/quotes/...)
URL = re.compile(rf"`(/quotes[^`\s]*)`|<{re.escape(SITE)}(/quotes[^>\s]*)>|\({re.escape(SITE)}(/quotes[^)\s]*)\)")

# Commands that parse but are not run here, and why.
NOT_RUN = {
    "serve": "runs a server until stopped (serve --export-metadata is run)",
    "models download": "needs the network",
    "bench speed": "takes minutes",
}
OUTPUT_OPTIONS = {"-o", "--output", "--export-metadata"}

runner = CliRunner()


def blocks(kind: str) -> list[str]:
    return [body for language, body in FENCE.findall(README) if language == kind]


def shell_lines(body: str) -> Iterator[list[str]]:
    """The commands of a bash block as argument lists: continuation lines joined, comments and pipes cut."""
    for line in body.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        cut = next((i for i, word in enumerate(words) if word in ("|", "&&", ">", ";")), len(words))
        if words[:cut]:
            yield words[:cut]


def command_of(args: list[str]) -> tuple[str, Any, list[str]]:
    """The sub-command path (``bench quality``), its click command (typer's own click) and its own arguments."""
    command = typer.main.get_command(app)
    path, rest = [], list(args)
    while getattr(command, "commands", None):
        assert rest, f"`quotetrack {' '.join(args)}` names no command"
        name = rest.pop(0)
        assert name in command.commands, f"README: `quotetrack {' '.join(args)}`: no command {name!r}"
        command = command.commands[name]
        path.append(name)
    return " ".join(path), command, rest


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory) -> Iterator[Path]:
    """A folder like a checkout after `quotetrack ingest data/samples --db quotes.db`, with no stanza models."""
    folder = tmp_path_factory.mktemp("readme")
    for name in ("data", "tests", "benchmarks"):
        (folder / name).symlink_to(ROOT / name)
    saved = os.environ.get("STANZA_RESOURCES_DIR"), Path.cwd()
    os.environ["STANZA_RESOURCES_DIR"] = str(folder / "no-models")  # `--engine auto` is then the rules engine
    os.chdir(folder)
    try:
        done = runner.invoke(app, ["ingest", "data/samples", "--db", "quotes.db"])
        assert done.exit_code == 0, done.output
        yield folder
    finally:
        os.chdir(saved[1])
        if saved[0] is None:
            os.environ.pop("STANZA_RESOURCES_DIR", None)
        else:
            os.environ["STANZA_RESOURCES_DIR"] = saved[0]


# -- commands with their output ----------------------------------------------------------


def console_examples() -> list[list[tuple[str, list[str]]]]:
    """For each console block, its ``$ quotetrack`` command lines with the output lines expected."""
    found = []
    for body in blocks("console"):
        examples: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                examples.append((line[2:], []))
            elif examples:
                examples[-1][1].append(line.rstrip())
        if any(command.startswith("quotetrack ") for command, _ in examples):
            found.append(examples)
    return found


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines fit ``expected``: ``...`` lines are any lines, a trailing ``...`` any end."""

    def fits(pattern: str, line: str) -> bool:
        return line.startswith(pattern[:-3].rstrip()) if pattern.endswith("...") and pattern != "..." else line == pattern

    def walk(i: int, j: int) -> bool:
        if i == len(expected):
            return j == len(actual)
        if expected[i] == "...":
            return any(walk(i + 1, k) for k in range(j, len(actual) + 1))
        return j < len(actual) and fits(expected[i], actual[j]) and walk(i + 1, j + 1)

    while expected and not expected[-1]:
        expected = expected[:-1]
    return walk(0, 0)


def test_matches_reads_ellipses():
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert matches(["Statement 15 — ..."], ["Statement 15 — Dmitry Peskov: “Russia ...”"])
    assert not matches(["a", "d"], ["a", "b", "d"])


def test_readme_has_console_examples():
    commands = {command.split()[1] for examples in console_examples() for command, _ in examples}
    assert {"ingest", "extract", "trace"} <= commands, commands


@pytest.mark.parametrize("examples", console_examples(), ids=lambda examples: examples[0][0])
def test_console_example_prints_what_the_readme_shows(sandbox, tmp_path, monkeypatch, examples):
    """Each block runs in a fresh folder, with the samples' database unless the block ingests first."""
    (tmp_path / "data").symlink_to(ROOT / "data")
    if not examples[0][0].startswith("quotetrack ingest"):
        shutil.copy(sandbox / "quotes.db", tmp_path / "quotes.db")
    monkeypatch.chdir(tmp_path)
    for command, expected in examples:
        result = runner.invoke(app, shlex.split(command)[1:])
        assert result.exit_code == 0, f"{command}:\n{result.output}"
        actual = [line.rstrip() for line in result.stdout.rstrip("\n").splitlines()]
        shown = "\n".join(expected).rstrip()
        assert matches(expected, actual), f"README shows:\n$ {command}\n{shown}\n\nthe command prints:\n" + "\n".join(actual)


# -- every quotetrack command in bash blocks ---------------------------------------------------


def bash_commands() -> list[list[str]]:
    return [words[1:] for body in blocks("bash") for words in shell_lines(body) if words[0] == "quotetrack"]


def runnable(path: str, args: list[str], folder: Path) -> bool:
    if path in NOT_RUN and not (path == "serve" and "--export-metadata" in args):
        return False
    for before, word in zip(["", *args], args, strict=False):
        if word.startswith(("http://", "https://")):
            return False
        looks_like_file = "/" in word or re.search(r"\.(jsonl|json|txt|html|warc|gz|db)$", word)
        if looks_like_file and not word.startswith("-") and before not in OUTPUT_OPTIONS and not (folder / word).exists():
            return False
    return True


def test_readme_has_bash_examples():
    assert len(bash_commands()) >= 20


@pytest.mark.parametrize("args", bash_commands(), ids=lambda args: " ".join(args))
def test_bash_example_parses_and_runs(sandbox, args):
    path, command, rest = command_of(args)
    assert path, f"README: `quotetrack {' '.join(args)}` names no command"
    try:
        command.make_context(path, list(rest))
    except Exception as error:  # noqa: BLE001 - typer's vendored click: UsageError, BadParameter, ...
        pytest.fail(f"README: `quotetrack {' '.join(args)}`: {getattr(error, 'format_message', error.__str__)()}")
    if not runnable(path, args, sandbox):
        return
    result = runner.invoke(app, args)
    assert result.exit_code == 0, f"README: `quotetrack {' '.join(args)}` exits with {result.exit_code}:\n{result.output}"


# -- Datasette URLs ---------------------------------------------------------------------------


def url_in(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def readme_urls() -> list[str]:
    return list(dict.fromkeys(url_in(match) for match in URL.finditer(README)))


def pages_table() -> dict[str, int]:
    """URL -> row count from the table of pages under "What you see"."""
    section = re.search(r"^## What you see\n(.*?)(?=^## )", README, re.MULTILINE | re.DOTALL)
    counts: dict[str, int] = {}
    for line in section.group(1).splitlines() if section else []:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        found = URL.search(cells[0]) if line.startswith("|") else None
        number = re.match(r"\*?\*?([\d,]+)", cells[-1]) if found else None
        if found and number:
            counts[url_in(found)] = int(number.group(1).replace(",", ""))
    return counts


@pytest.fixture(scope="module")
def datasette(sandbox) -> Datasette:
    ensure_registered()
    return Datasette([str(sandbox / "quotes.db")], metadata=load_metadata())


async def rows_at(datasette: Datasette, url: str) -> int | None:
    """How many rows the page at ``url`` shows (all matching rows for a table), None for other pages."""
    parts = urlsplit(url)
    segments = parts.path.strip("/").split("/")
    if len(segments) != 2 or segments[1].startswith("-"):
        return None
    name = segments[1]
    if name.endswith(".csv"):
        response = await datasette.client.get(url)
        return len(list(csv.reader(io.StringIO(response.text)))) - 1
    if not name.endswith(".json"):
        name += ".json"
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "_shape"]
    response = await datasette.client.get(f"/{segments[0]}/{name}", params=query)
    assert response.status_code == 200, (url, response.text[:300])
    data = response.json()
    return data.get("filtered_table_rows_count", len(data["rows"]))


def metadata_facets(table: str) -> set[str]:
    tables = load_metadata()["databases"]["quotes"]["tables"]
    return {facet if isinstance(facet, str) else next(iter(facet)) for facet in tables.get(table, {}).get("facets", [])}


async def example_quote_id(datasette: Datasette) -> str:
    response = await datasette.client.get("/quotes/quotes.json", params={"_size": 1, "_shape": "array"})
    return response.json()[0]["id"]


def test_readme_has_datasette_urls():
    assert len(readme_urls()) >= 10
    assert len(pages_table()) >= 5


@pytest.mark.parametrize("url", [url for url in readme_urls() if "..." not in url])
async def test_datasette_url_answers_with_rows(datasette, url):
    if "<id>" in url:
        url = url.replace("<id>", await example_quote_id(datasette))
    response = await datasette.client.get(url)
    assert response.status_code == 200, f"README's {url}: HTTP {response.status_code}"
    count = await rows_at(datasette, url)
    assert count is None or count > 0, f"README's {url} finds nothing in the samples"
    table = urlsplit(url).path.strip("/").split("/")[-1].split(".")[0]
    repeated = {value for key, value in parse_qsl(urlsplit(url).query) if key == "_facet"} & metadata_facets(table)
    assert not repeated, f"README's {url} asks for facets the metadata already shows: {sorted(repeated)} (the page shows them twice)"


@pytest.mark.parametrize(("url", "count"), sorted(pages_table().items()))
async def test_pages_table_counts_are_the_samples(datasette, url, count):
    assert await rows_at(datasette, url) == count, f"README's pages table: {url}"

