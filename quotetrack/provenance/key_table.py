"""The recent LSH keys in memory, each with its statement or statements: dicts, split by the keys' top bits.

The connection storing articles keeps a copy of the recent key table (:func:`~.lsh.recent_by_band`),
up to :data:`~.lsh.RECENT_KEYS_MERGED` keys before a pass moves them. It was one dict, which doubles
as it grows: at a million quotes the copy held about 350,000 keys when it doubled, and that one step
(20 MB of new memory, every key placed again, each a cache miss) took 80 ms, a quarter of a millisecond
an article over the 300 of the benchmark. Split in 256 by their top bits (the keys are hashes, so the
dicts grow evenly), each dict is small: it doubles in the processor's cache, and the 256 of them double
a few articles apart rather than at once.

>>> table = KeyTable()
>>> table.add([11, -12, 2**62 + 13, 11], [1, 1, 1, 2])
>>> len(table), table[11], table[-12], 14 in table
(3, (1, 2), 1, False)
>>> table.found([11, 14, 2**62 + 13])
{11: (1, 2), 4611686018427387917: 1}
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence

import numpy as np

__all__ = ["Held", "KeyTable"]

# A key's statement: nearly every key has one, kept as a plain int (a tuple for the few with several). A
# list a key made the copy larger (174 bytes a key against 110, 250,000 keys) and gave each collection of
# the oldest generation a quarter of a million more objects to visit; ints and tuples of ints are not tracked.
Held = int | tuple[int, ...]

# The top 8 bits choose the dict (a dict's own slots come from a key's low bits, which would all be alike in one):
# a signed key shifted right is -128 to 127, each an index of the list of dicts (the negative ones from its end).
_SHIFT = 56
_PARTS = 1 << (64 - _SHIFT)


class KeyTable(Mapping[int, Held]):
    """Keys (signed 64-bit) to the statement or statements holding them."""

    def __init__(self) -> None:
        self._parts: list[dict[int, Held]] = [{} for _ in range(_PARTS)]

    def add(self, keys: Iterable[int], statement_ids: Iterable[int]) -> None:
        """Add each of ``keys`` with the statement beside it in ``statement_ids`` (a key already held by the
        statement is left as it is)."""
        parts, shift = self._parts, _SHIFT
        for key, statement_id in zip(keys, statement_ids):
            part = parts[key >> shift]
            if (held := part.get(key)) is None:
                part[key] = statement_id
            elif isinstance(held, int):
                if held != statement_id:
                    part[key] = (held, statement_id)
            elif statement_id not in held:
                part[key] = (*held, statement_id)

    def found(self, keys: Sequence[int]) -> dict[int, Held]:
        """The keys of ``keys`` held, with their statements."""
        parts, shift = self._parts, _SHIFT
        return {key: held for key in keys if (held := parts[key >> shift].get(key)) is not None}

    def key_array(self) -> np.ndarray:
        """Every key held, as one array."""
        return np.fromiter(itertools.chain.from_iterable(self._parts), dtype=np.int64, count=len(self))

    def __getitem__(self, key: int) -> Held:
        return self._parts[(key >> _SHIFT) & (_PARTS - 1)][key]  # masked: a number past 64 bits is no key

    def __iter__(self) -> Iterator[int]:
        return itertools.chain.from_iterable(self._parts)

    def __len__(self) -> int:
        return sum(map(len, self._parts))
