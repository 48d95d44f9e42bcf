"""The Bloom filter over the big LSH key table: it never hides a stored key, and statements come out the same with it."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.ingestion import ingest
from quotetrack.provenance import lsh
from quotetrack.provenance.band_filter import FILTER_TABLE, BandFilter, band_filter, forget_band_filter
from quotetrack.store import open_database

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
KEYS = st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), min_size=1, max_size=300, unique=True)


@settings(max_examples=200, deadline=None)
@given(KEYS)
def test_every_key_added_may_be_held(keys):
    found = BandFilter.sized(len(keys))
    found.add(np.array(keys, dtype=np.int64))
    assert found.may_hold(np.array(keys, dtype=np.int64)).all()


def test_few_absent_keys_pass_at_full_capacity():
    rng = np.random.default_rng(7)
    found = BandFilter.sized(50_000)
    found.add(rng.integers(-(2**63), 2**63 - 1, size=found.capacity, dtype=np.int64))
    passed = found.may_hold(rng.integers(-(2**63), 2**63 - 1, size=100_000, dtype=np.int64)).mean()
    assert passed < 0.03  # 10 bits and 4 hashes a key: about 1.2 %


def _statements(db):
    return (db.execute("select id, statement_id, variant, seen_order from quotes order by id").fetchall(),
            db.execute("select * from statements order by id").fetchall())


@pytest.fixture
def small_passes(monkeypatch):
    # Keys move to the big table after every article or two, so that the samples' repeated quotes are found there.
    monkeypatch.setattr(lsh, "RECENT_KEYS_MERGED", 40)


def test_the_samples_group_into_the_same_statements_with_and_without_the_filter(tmp_path, small_passes, monkeypatch):
    asked, passed = [], []
    real = BandFilter.may_hold

    def counted(self, keys):
        held = real(self, keys)
        asked.append(len(keys))
        passed.append(int(held.sum()))
        return held

    monkeypatch.setattr(BandFilter, "may_hold", counted)
    filtered = tmp_path / "filtered.db"
    ingest([SAMPLES], filtered, workers=1)
    without = open_database(tmp_path / "without.db")
    without.execute(f"drop table {FILTER_TABLE}")
    ingest([SAMPLES], without, workers=1)
    with_filter = open_database(filtered)
    assert with_filter.execute("select count(*) from statement_bands").fetchone()[0] > 500
    assert _statements(with_filter) == _statements(without)
    # The samples relay the same statements: some keys were found in the big table, most were not looked up.
    assert max(with_filter.execute("select max(articles) from statements").fetchone()[0], 0) >= 2
    assert sum(asked) > 0 and sum(passed) < sum(asked) / 2


def test_keys_put_in_the_table_behind_its_back_are_found_after_a_rebuild(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, [101, 102])
        lsh.merge_recent_bands(db, at_least=1)
    with db.conn:
        assert band_filter(db).may_hold(np.array([101, 102])).all()
        db.execute("insert into statement_bands (band, statement_id) values (987654321, 2)")
    forget_band_filter(db)
    with db.conn:
        assert lsh.stored_by_band(db, [987654321, 101]) == {987654321: [2], 101: [1]}
    # and another process finds the count it was told matches the table again
    reopened = open_database(tmp_path / "bands.db")
    assert band_filter(reopened).keys == 3


def test_a_rolled_back_pass_leaves_a_filter_that_still_finds_every_key(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, [5, 6])
        lsh.merge_recent_bands(db, at_least=1)
    with pytest.raises(ZeroDivisionError), db.conn:
        lsh.add_bands(db, 2, [7])
        lsh.merge_recent_bands(db, at_least=1)
        raise ZeroDivisionError
    lsh.forget_recent_band_count(db)  # as the writer does after a rollback
    with db.conn:
        lsh.add_bands(db, 3, [8])
        lsh.merge_recent_bands(db, at_least=1)
        assert lsh.stored_by_band(db, [5, 6, 7, 8]) == {5: [1], 6: [1], 8: [3]}
    assert band_filter(db).keys == db.execute("select count(*) from statement_bands").fetchone()[0] == 3


def _stored_filter(path):
    """The filter as the database holds it (a new connection), and the keys of the big table."""
    db = open_database(path)
    parts = dict(db.execute(f"select part, value from {FILTER_TABLE}").fetchall())
    table = np.array([band for (band,) in db.execute("select band from statement_bands")], dtype=np.int64)
    return BandFilter(np.frombuffer(parts["words"], dtype=np.uint64).copy(), int(parts["keys"])), table


def test_an_ingest_saves_the_filter_once_at_its_end_not_at_each_pass(tmp_path, small_passes, monkeypatch):
    from quotetrack.provenance import band_filter as filters

    written, passes = [], []
    save, merge = filters._save, lsh.merge_recent_bands
    monkeypatch.setattr(filters, "_save", lambda db, found, *, words: (written.append(words), save(db, found, words=words)))
    monkeypatch.setattr("quotetrack.store.merge_recent_bands", lambda db, **options: passes.append(merge(db, **options)) or passes[-1])
    open_database(tmp_path / "quotes.db").close()  # the migration that creates the filter saves it
    written.clear()
    ingest([SAMPLES], tmp_path / "quotes.db", workers=1)
    assert sum(1 for moved in passes if moved) >= 5 and written.count(True) == 1
    stored, keys = _stored_filter(tmp_path / "quotes.db")
    assert stored.keys == len(keys) > 500 and stored.may_hold(keys).all()


def test_a_filter_left_unsaved_by_a_stopped_writer_is_built_again_by_the_next(tmp_path):
    path = tmp_path / "bands.db"
    db = open_database(path)
    with db.conn:
        lsh.add_bands(db, 1, [101, 102])
        lsh.merge_recent_bands(db, at_least=1)
    with db.conn:
        lsh.add_bands(db, 2, [103])
        lsh.add_bands(db, 3, [104, 105])
        lsh.merge_recent_bands(db, at_least=1, save_filter=False)  # the writer stopped before its end
        lsh.remove_bands(db, 3)  # a count saved now must not vouch for the bits saved before
    db.close()
    reopened = open_database(path)
    with reopened.conn:
        assert lsh.stored_by_band(reopened, [101, 102, 103, 104]) == {101: [1], 102: [1], 103: [2]}
    stored, keys = _stored_filter(path)
    assert stored.keys == len(keys) == 3 and stored.may_hold(keys).all()


def test_an_ingest_that_writes_nothing_does_not_wait_for_another_writer(tmp_path):
    import sqlite3

    path = tmp_path / "quotes.db"
    ingest([SAMPLES], path, workers=1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("begin immediate")  # another process storing: it holds the write lock
    try:
        again = ingest([SAMPLES], path, workers=1, timeout=0.2)  # every article unchanged: nothing to write, the filter included
    finally:
        other.execute("rollback")
        other.close()
    assert again.unchanged == again.articles == 10 and not again.skipped
