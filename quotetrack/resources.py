"""Package data: the gazetteer, word lists, Datasette metadata and the bundled samples.

In a source checkout they live in the repository's ``data/`` folder (and ``metadata.yml``);
an installed wheel carries them inside the package as ``quotetrack/data``. Both are found
through :mod:`importlib.resources`, so nothing depends on the current directory.

>>> data_path("outlets.csv").name
'outlets.csv'
>>> "reporters" in word_list("listeners")
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parent.parent


@cache
def data_dir() -> Path:
    """The folder holding quotetrack's data files."""
    packaged = resources.files("quotetrack") / "data"
    if packaged.is_dir():
        return Path(str(packaged))
    return _SOURCE_ROOT / "data"


def data_path(name: str) -> Path:
    """The path of one data file or folder, e.g. ``data_path("outlets.csv")``."""
    path = data_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"quotetrack data file missing: {name}")
    return path


def metadata_path() -> Path:
    """The Datasette ``metadata.yml`` shipped with quotetrack."""
    packaged = data_dir() / "metadata.yml"
    return packaged if packaged.exists() else _SOURCE_ROOT / "metadata.yml"


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``data/lexicon/NAME.txt``: one a line, blank lines and ``#`` comments skipped."""
    return frozenset(word_lines(name))


def word_lines(name: str) -> list[str]:
    """The entries of ``data/lexicon/NAME.txt`` in file order, for lists whose order matters."""
    lines = data_path(f"lexicon/{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = (line.split("#", 1)[0].strip() for line in lines)
    return [entry for entry in entries if entry]
