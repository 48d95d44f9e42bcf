"""Publishing a store with Datasette: quotetrack's metadata (facets, search, canned queries) applied to it.

>>> settings = load_metadata(database_name="mayors")
>>> "mayors" in settings["databases"], "quotes" in settings["databases"]
(True, False)
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .errors import QuotetrackError
from .resources import metadata_path

__all__ = ["load_metadata", "serve"]

# The name metadata.yml gives the database section; Datasette matches sections by file stem.
METADATA_DATABASE = "quotes"


def load_metadata(path: str | Path | None = None, *, database_name: str = METADATA_DATABASE) -> dict[str, Any]:
    """The Datasette metadata, with its ``quotes`` database section renamed to ``database_name``.

    ``path`` defaults to the metadata.yml shipped with quotetrack. Renaming the section
    lets a database file of any name get the facets and queries.
    """
    found = Path(path) if path is not None else metadata_path()
    try:
        settings = yaml.safe_load(found.read_text(encoding="utf-8")) or {}
    except OSError as error:
        raise QuotetrackError(f"cannot read the metadata file {found}: {error.strerror or error}") from error
    except yaml.YAMLError as error:
        raise QuotetrackError(f"{found}: not valid YAML: {str(error).splitlines()[0]}") from error
    databases = settings.get("databases", {})
    if database_name != METADATA_DATABASE and METADATA_DATABASE in databases:
        databases[database_name] = databases.pop(METADATA_DATABASE)
    return settings


# Runs Datasette's command line with quotetrack's plugin registered, installed with its entry point or not.
_DATASETTE_MAIN = (
    "import sys; from quotetrack.provenance.web import ensure_registered; ensure_registered(); "
    "from datasette.cli import cli; sys.argv[0] = 'datasette'; cli()"
)


def datasette_command(db: Path, metadata_file: Path, *, host: str, port: int) -> list[str]:
    """The command line that serves ``db`` with Datasette and quotetrack's plugin, using the running Python."""
    command = [sys.executable, "-c", _DATASETTE_MAIN, "serve", str(db), "--metadata", str(metadata_file)]
    return command + ["--host", host, "--port", str(port)]


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata: str | Path | None = None,
    on_start: Callable[[str], None] | None = None,
) -> int:
    """Serve ``db`` with Datasette until stopped; returns 0 when stopped by Ctrl+C or SIGTERM.

    ``on_start`` gets the URL once the metadata is loaded and Datasette is about to start.
    Datasette runs as a child process that is stopped with us, never left behind.
    """
    db = Path(db)
    settings = load_metadata(metadata, database_name=db.stem)
    if on_start is not None:
        on_start(f"http://{host}:{port}/")
    with tempfile.TemporaryDirectory() as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(settings), encoding="utf-8")
        code = run_in_foreground(datasette_command(db, metadata_file, host=host, port=port))
    return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code


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
