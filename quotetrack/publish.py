"""Publishing a store with Datasette: quotetrack's metadata (facets, search, canned queries) applied to it.

>>> settings = load_metadata(database_name="mayors")
>>> "mayors" in settings["databases"], "quotes" in settings["databases"]
(True, False)

A public site (:func:`public_options`) runs no SQL of its visitors', shows no file paths and no
whole articles, and bounds what one request may cost:

>>> metadata, limits = public_options(settings, "mayors", ["articles", "quotes", "quotes_view"])
>>> metadata["allow_sql"], metadata["databases"]["mayors"]["tables"]["articles"]["allow"], limits["allow_download"]
(False, False, False)
"""

from __future__ import annotations

import copy
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import yaml

from .errors import QuotetrackError
from .resources import metadata_path

__all__ = ["PUBLIC_SETTINGS", "PUBLIC_TABLES", "datasette_command", "load_metadata", "public_options", "serve", "serve_settings"]

# The name metadata.yml gives the database section; Datasette matches sections by file stem.
METADATA_DATABASE = "quotes"

# What a public site shows; every other table (articles with their paths and full texts, the
# full-text index, bookkeeping, tables added later) is refused.
PUBLIC_TABLES = ("quotes", "quotes_view", "speakers", "outlets")

# Datasette settings of a public site: no SQL, no database download, bounded time and rows.
PUBLIC_SETTINGS: dict[str, Any] = {
    "default_allow_sql": False,
    "allow_download": False,
    "sql_time_limit_ms": 1000,
    "facet_time_limit_ms": 200,
    "facet_suggest_time_limit_ms": 50,
    "suggest_facets": False,
    "max_returned_rows": 1000,
    "max_csv_mb": 50,
    "default_page_size": 50,
    "num_sql_threads": 3,
    "trace_debug": False,
    "template_debug": False,
}



# Datasette settings of a local site. Time limits stay Datasette's; suggested facets are off (they
# try a facet on every column of every page: a second per page at a million quotes) and CSV
# streams have no size cap, so the CSV link of any page writes every row.
LOCAL_SETTINGS: dict[str, Any] = {"suggest_facets": False, "max_csv_mb": 0}


def serve_settings(*, public: bool = False) -> dict[str, Any]:
    """The Datasette settings ``quotetrack serve`` runs with (:data:`PUBLIC_SETTINGS` for a public site)."""
    return dict(PUBLIC_SETTINGS if public else LOCAL_SETTINGS)


# The articles a public site lists: where and when they were published, never the file they were read from.
_ARTICLE_COLUMNS = "id, title, publisher, date, url"


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


def public_options(
    metadata: dict[str, Any], database_name: str, tables: Iterable[str], *, with_text: bool = False
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Metadata and Datasette settings for a public site over the database's ``tables`` (and views).

    No arbitrary SQL (canned queries and search only), no file paths: ``articles`` is refused and
    a canned query of the same name lists title, publisher, date and URL (and the full text only
    ``with_text``); quotes keep their sentence as context. Tables not in :data:`PUBLIC_TABLES`
    are refused.
    """
    metadata = copy.deepcopy(metadata)
    metadata["allow_sql"] = False
    database = metadata.setdefault("databases", {}).setdefault(database_name, {})
    database["allow_sql"] = False
    table_settings = database.setdefault("tables", {})
    for table in tables:
        if table not in PUBLIC_TABLES:
            table_settings.setdefault(table, {})["allow"] = False
    columns = _ARTICLE_COLUMNS + (", text" if with_text else "")
    database.setdefault("queries", {})["articles"] = {
        "title": "Articles",
        "description": "The articles the quotes come from: title, publisher, date and URL"
        + (", with their text." if with_text else " (their text is not published here; each quote shows its sentence)."),
        "sql": f"select {columns} from articles order by datetime(date) is null, datetime(date), id",
    }
    return metadata, dict(PUBLIC_SETTINGS)


# Runs Datasette's command line with quotetrack's plugin registered, installed with its entry point or not.
_DATASETTE_MAIN = (
    "import sys; from quotetrack.provenance.web import ensure_registered; ensure_registered(); "
    "from datasette.cli import cli; sys.argv[0] = 'datasette'; cli()"
)


def datasette_command(
    db: Path, metadata_file: str | Path, *, host: str, port: int, immutable: bool = False, settings: dict[str, Any] | None = None
) -> list[str]:
    """The command line that serves ``db`` with Datasette, using the running Python.

    >>> datasette_command(Path("q.db"), "m.json", host="127.0.0.1", port=8001, settings={"allow_download": False})[3:]
    ['serve', 'q.db', '--metadata', 'm.json', '--host', '127.0.0.1', '--port', '8001', '--setting', 'allow_download', 'off']
    """
    command = [sys.executable, "-c", _DATASETTE_MAIN, "serve", *(["-i"] if immutable else []), str(db), "--metadata", str(metadata_file)]
    command += ["--host", host, "--port", str(port)]
    for name, value in (settings or {}).items():
        shown = ("on" if value else "off") if isinstance(value, bool) else str(value)
        command += ["--setting", name, shown]
    return command


def check_port(host: str, port: int) -> None:
    """A one-line error now, rather than Datasette's exit code 3 later, when ``host:port`` cannot be listened on."""
    try:
        with socket.create_server((host, port)):
            pass
    except socket.gaierror as error:
        raise QuotetrackError(f"cannot listen on {host}: unknown host ({error.strerror})") from None
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise QuotetrackError(f"port {port} on {host} is already in use; stop the other server or choose another --port") from None
        raise QuotetrackError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    metadata: str | Path | None = None,
    on_start: Callable[[str], None] | None = None,
    public: bool = False,
    with_text: bool = False,
    export_metadata: str | Path | None = None,
) -> int:
    """Serve ``db`` with Datasette until stopped; returns 0 when stopped by Ctrl+C or SIGTERM.

    The database is checked first (a one-line ``StoreError`` for anything that is not a
    quotetrack database), then the port. ``public`` applies :func:`public_options`. A database
    in a folder or file we may not write is served immutable. With ``export_metadata`` the
    metadata is written there and the equivalent ``datasette`` command returned in
    ``on_start``, nothing served. Otherwise, on POSIX systems this process becomes Datasette
    (exec), so that stopping or killing it leaves no server and no temporary file behind.
    """
    from .store import open_store, read_only_location

    db = Path(db)
    with open_store(db, read_only=True) as store:
        tables = store.db.table_names() + store.db.view_names()
    settings = load_metadata(metadata, database_name=db.stem)
    limits = serve_settings()
    if public:
        settings, limits = public_options(settings, db.stem, tables, with_text=with_text)
    immutable = read_only_location(db)
    if export_metadata is not None:
        Path(export_metadata).write_text(json.dumps(settings, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        command = datasette_command(db, export_metadata, host=host, port=port, immutable=immutable, settings=limits)
        if on_start is not None:
            on_start(" ".join(["datasette", *command[3:]]))
        return 0
    check_port(host, port)
    if on_start is not None:
        on_start(f"http://{host}:{port}/")
    if os.name == "posix":
        _exec_datasette(db, settings, host=host, port=port, immutable=immutable, limits=limits)
    with tempfile.TemporaryDirectory() as folder:
        metadata_file = Path(folder) / "metadata.json"
        metadata_file.write_text(json.dumps(settings), encoding="utf-8")
        command = datasette_command(db, metadata_file, host=host, port=port, immutable=immutable, settings=limits)
        code = run_in_foreground(command)
    return 0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code


def _exec_datasette(db: Path, settings: dict[str, Any], *, host: str, port: int, immutable: bool, limits: dict[str, Any]) -> None:
    """Become Datasette: the metadata is an unlinked file read through an inherited descriptor.

    Run from the database's folder with its bare file name, so the server shows no path of ours.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(settings, handle)
    descriptor = os.open(handle.name, os.O_RDONLY)
    os.unlink(handle.name)
    os.set_inheritable(descriptor, True)
    command = datasette_command(Path(db.name), f"/dev/fd/{descriptor}", host=host, port=port, immutable=immutable, settings=limits)
    os.chdir(db.resolve().parent)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)


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
