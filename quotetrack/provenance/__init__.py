"""Quote provenance: the same words quoted across articles grouped into statements.

- :mod:`.words` and :mod:`.similarity`: when two quotes are one statement, and how a version differs;
- :mod:`.lsh`: candidate statements by MinHash LSH, the bands kept in SQLite;
- :mod:`.cluster`: grouping at ingest, first seen, canonical version, variants;
- :mod:`.tracing`: a phrase's statements and their timelines (``quotetrack trace``);
- :mod:`.web`: the Datasette plugin (statement and quote pages).

Names load on first use, so the schema can import :mod:`.tables` without numpy or datasketch.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["compare", "delete_article", "same_statement", "timeline", "trace", "word_diff"]

_HOMES = {
    "compare": "similarity",
    "same_statement": "similarity",
    "word_diff": "similarity",
    "timeline": "tracing",
    "trace": "tracing",
}


def __getattr__(name: str) -> Any:
    if name == "delete_article":
        return importlib.import_module("..store", __name__).delete_article
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{home}", __name__), name)
