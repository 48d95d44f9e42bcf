"""The recent LSH keys' table in memory holds what the recent key table holds, as a dict of them would."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.provenance import lsh
from quotetrack.provenance.key_table import Held, KeyTable
from quotetrack.store import open_database


def held_as_dict(rows: list[tuple[int, int]]) -> dict[int, Held]:
    """What the copy held when it was a dict: a key's statements in the order the rows added them."""
    held: dict[int, Held] = {}
    for key, statement_id in rows:
        now = held.get(key)
        if now is None:
            held[key] = statement_id
        elif isinstance(now, int):
            if now != statement_id:
                held[key] = (now, statement_id)
        elif statement_id not in now:
            held[key] = (*now, statement_id)
    return held


# Real keys are 64-bit hashes, spread over the dicts by their top bits; small ones all go to one.
keys = st.one_of(st.integers(-(2**63), 2**63 - 1), st.integers(-3, 40))
batches = st.lists(st.lists(st.tuples(keys, st.integers(1, 6)), max_size=60), max_size=8)


@settings(max_examples=200, deadline=None)
@given(batches=batches)
def test_the_table_holds_what_a_dict_of_the_rows_would(batches):
    table = KeyTable()
    rows: list[tuple[int, int]] = []
    for batch in batches:
        table.add([key for key, _ in batch], [statement_id for _, statement_id in batch])
        rows += batch
        reference = held_as_dict(rows)
        assert dict(table.items()) == reference
        assert len(table) == len(reference)
    asked = [key for key, _ in rows] + [7_777_777, -1, 0, 2**63 - 1]
    assert table.found(asked) == {key: held for key, held in held_as_dict(rows).items() if key in asked}
    assert sorted(table.key_array().tolist()) == sorted(held_as_dict(rows))


def test_a_table_of_many_keys_holds_every_key():
    rng = np.random.default_rng(5)
    keys = rng.integers(-(2**63), 2**63 - 1, size=40_000, dtype=np.int64)
    table = KeyTable()
    for start in range(0, len(keys), 229):  # an article's worth of keys at a time
        chunk = keys[start : start + 229]
        table.add(chunk.tolist(), [start // 229 + 1] * len(chunk))
    assert len(table) == len(set(keys.tolist()))
    assert table.found(keys[::997].tolist()) == {int(key): int(np.flatnonzero(keys == key)[0]) // 229 + 1 for key in keys[::997]}
    assert table.found(rng.integers(1, 2**62, size=500).tolist()) == {}


@pytest.mark.parametrize("missing", [12, 2**70, -(2**70)])
def test_a_key_not_held_is_a_key_error(missing):
    table = KeyTable()
    table.add([11], [3])
    assert missing not in table and table.get(missing) is None
    with pytest.raises(KeyError):
        table[missing]


def test_storing_looks_up_the_recent_keys_in_the_table(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, lsh.band_keys("The port will reopen to ferries on Monday morning, the harbour master said."))
        copy = lsh.recent_by_band(db)
        assert isinstance(copy, KeyTable) and len(copy) == lsh.BANDS
        keys = lsh.band_keys("The port will reopen to ferries on Monday morning.")
        assert lsh.candidates(db, keys) == [1] and lsh.candidates(db, keys, recent=copy) == [1]
