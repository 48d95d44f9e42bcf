"""Candidate statements for a quote: MinHash LSH over word pairs, with the bands kept in SQLite.

datasketch computes a MinHash signature of a quote's word pairs (2-shingles of lightly
stemmed words); the signature is cut into ``BANDS`` bands of ``ROWS`` values, each band
hashed to one 64-bit key. Two texts whose word-pair sets overlap with Jaccard similarity
J share at least one key with probability 1 - (1 - J**2)**BANDS: 0.98 at J = 0.4, 0.79 at
J = 0.25. The keys live in the indexed ``statement_bands`` table, not in memory, so the
index grows with the database and costs nothing at start-up (an in-memory MinHashLSH
needs about 1 GB for 200k texts).

>>> keys = band_keys("We will not back down on the shelter budget.")
>>> len(keys), len(set(keys) & set(band_keys("“We will not back down on the shelter budget,”")))
(24, 24)
>>> len(set(keys) & set(band_keys("The library will close on Sundays from next month.")))
0
"""

from __future__ import annotations

import threading
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np
from sqlite_utils import Database

from .words import shingles, stems, words

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["BANDS", "ROWS", "add_bands", "band_keys", "candidates"]

BANDS = 24
ROWS = 2
SEED = 20240514
SCHEME = "affine32"
# Odd constants that spread the band number over the key, so equal values in two bands differ.
_BAND_MIX = np.arange(1, BANDS + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


@cache
def _template() -> MinHash:
    from datasketch import MinHash  # here, not at the top: it loads scipy (0.7 s), which `--help` need not wait for

    # The scheme named, not left to datasketch's default: stored band keys must stay valid across its versions.
    return MinHash(num_perm=BANDS * ROWS, seed=SEED, scheme=SCHEME)


def band_keys(text: str) -> list[int]:
    """The ``BANDS`` LSH keys of ``text`` (signed 64-bit, as SQLite stores integers)."""
    return list(_band_keys(text))


_scratch = threading.local()


def _fresh_minhash() -> MinHash:
    """A MinHash as new, made once per thread and reset on each use: building one costs more than hashing a quote."""
    template = _template()
    minhash = getattr(_scratch, "minhash", None)
    if minhash is None:
        minhash = _scratch.minhash = type(template)(num_perm=BANDS * ROWS, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.hashvalues = template.hashvalues.copy()  # the template is never updated: its values are a new MinHash's
    return minhash


@lru_cache(maxsize=16384)
def _band_keys(text: str) -> tuple[int, ...]:
    minhash = _fresh_minhash()
    minhash.update_batch([shingle.encode("utf-8") for shingle in shingles(stems(words(text)))])
    values = minhash.hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    keys = ((values[:, 0] << np.uint64(32)) | values[:, 1]) ^ _BAND_MIX
    return tuple(keys.view(np.int64).tolist())


def candidates(db: Database, keys: list[int], limit: int = 50) -> list[int]:
    """Statements sharing a band with ``keys``, those sharing most first."""
    marks = ",".join("?" * len(keys))
    rows = db.execute(
        f"select statement_id from statement_bands where band in ({marks}) group by statement_id order by count(*) desc limit ?",
        [*keys, limit],
    ).fetchall()
    return [row[0] for row in rows]


def add_bands(db: Database, statement_id: int, keys: list[int]) -> None:
    """Index ``statement_id`` under ``keys`` (already indexed keys are kept)."""
    db.conn.executemany(
        "insert or ignore into statement_bands (band, statement_id) values (?, ?)", [(key, statement_id) for key in keys]
    )
