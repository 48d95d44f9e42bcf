"""The big LSH key table in runs, each with a Bloom filter: a filter never hides a stored key, and statements come out the same with them."""

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrack.ingestion import ingest
from quotetrack.provenance import lsh
from quotetrack.provenance.band_filter import FILTER_TABLE, BandFilter, RunFilters, forget_band_filter, run_filters
from quotetrack.store import open_database

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
KEYS = st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), min_size=1, max_size=300, unique=True)


@settings(max_examples=200, deadline=None)
@given(KEYS)
def test_every_key_added_may_be_held(keys):
    found = BandFilter.sized(len(keys))
    found.add(np.array(keys, dtype=np.int64))
    assert found.may_hold(np.array(keys, dtype=np.int64)).all()


@settings(max_examples=100, deadline=None)
@given(KEYS, KEYS)
def test_a_filter_filled_a_byte_a_bit_has_the_bits_one_filled_in_place_has(first, second):
    from quotetrack.provenance import band_filter

    by_bytes, in_place = BandFilter.sized(len(first) + len(second)), BandFilter.sized(len(first) + len(second))
    for keys in (first, second):  # filled twice, as a run's filter built from its keys in chunks is
        by_bytes.add(np.array(keys, dtype=np.int64))
        saved, band_filter._BYTE_SET_BITS = band_filter._BYTE_SET_BITS, 0
        try:
            in_place.add(np.array(keys, dtype=np.int64))
        finally:
            band_filter._BYTE_SET_BITS = saved
    assert by_bytes.words.tolist() == in_place.words.tolist()


def test_few_absent_keys_pass_at_full_capacity():
    rng = np.random.default_rng(7)
    found = BandFilter.sized(50_000)
    found.add(rng.integers(-(2**63), 2**63 - 1, size=found.capacity, dtype=np.int64))
    passed = found.may_hold(rng.integers(-(2**63), 2**63 - 1, size=100_000, dtype=np.int64)).mean()
    assert passed < 0.005  # 16 bits and 4 hashes a key: about 0.2 %


def _statements(db):
    return (db.execute("select id, statement_id, variant, seen_order from quotes order by id").fetchall(),
            db.execute("select * from statements order by id").fetchall())


@pytest.fixture
def small_passes(monkeypatch):
    # Keys move to the big table after every article or two, so that the samples' repeated quotes are found there.
    monkeypatch.setattr(lsh, "RECENT_KEYS_MERGED", 40)


def test_the_samples_group_into_the_same_statements_as_when_every_run_is_read(tmp_path, small_passes, monkeypatch):
    asked, passed = [], []
    real = RunFilters.runs_holding

    def counted(self, keys):
        holding = real(self, keys)
        asked.append(len(keys) * len(self.by_run))
        passed.append(sum(len(held) for _, held in holding))
        return holding

    monkeypatch.setattr(RunFilters, "runs_holding", counted)
    ingest([SAMPLES], tmp_path / "filtered.db", workers=1)
    monkeypatch.setattr(RunFilters, "runs_holding", lambda self, keys: [(run, keys) for run in sorted(self.by_run)])
    ingest([SAMPLES], tmp_path / "every_run.db", workers=1)
    with_filter, every_run = open_database(tmp_path / "filtered.db"), open_database(tmp_path / "every_run.db")
    assert with_filter.execute("select count(*), count(distinct run) from statement_bands").fetchone() >= (500, 5)
    assert _statements(with_filter) == _statements(every_run)
    # The samples relay the same statements: some keys were found in the big table, most were not looked up.
    assert max(with_filter.execute("select max(articles) from statements").fetchone()[0], 0) >= 2
    assert sum(asked) > 0 and sum(passed) < sum(asked) / 2


@pytest.mark.parametrize("sliced", [True, False], ids=["sliced", "one by one"])
@settings(max_examples=100, deadline=None)
@given(st.lists(KEYS, min_size=1, max_size=5), KEYS)
def test_the_runs_said_to_hold_a_key_are_the_runs_that_do_and_a_few_more(sliced, runs, asked):
    from quotetrack.provenance import band_filter as filters_module

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(filters_module, "_SLICE_BITS", filters_module._SLICE_BITS if sliced else 0)  # as the large filter of a bulk load
        filters = RunFilters({})
        for run, keys in enumerate(runs):
            found = BandFilter.sized(len(keys))
            found.add(np.array(keys, dtype=np.int64))
            filters.add(run, found)
    said = {(run, int(key)) for run, keys in filters.runs_holding(np.array(asked, dtype=np.int64)) for key in keys}
    held = {(run, key) for run, keys in enumerate(runs) for key in asked if key in keys}
    assert held <= said
    # the runs asked together answer as each run's filter does alone
    assert said == {(run, key) for run, found in filters.by_run.items() for key in asked if found.may_hold(np.array([key], dtype=np.int64))[0]}


def test_each_pass_appends_a_run_with_its_filter_and_lookups_find_every_run(tmp_path):
    db = open_database(tmp_path / "bands.db")
    for statement_id, keys in ((1, [101, 102]), (2, [102, 103]), (1, [104])):
        with db.conn:
            lsh.add_bands(db, statement_id, keys)
            lsh.merge_recent_bands(db, at_least=1)
    assert db.execute("select run, band, statement_id from statement_bands order by run, band").fetchall() == [
        (0, 101, 1), (0, 102, 1), (1, 102, 2), (1, 103, 2), (2, 104, 1)]
    assert [part for (part,) in db.execute(f"select part from {FILTER_TABLE} order by part")] == ["run 0 k8", "run 1 k8", "run 2 k8"]
    reopened = open_database(tmp_path / "bands.db")
    with reopened.conn:
        assert lsh.stored_by_band(reopened, [102, 104, 105]) == {102: [1, 2], 104: [1]}
    assert lsh.candidates(reopened, [101, 102, 104]) == [1, 2]  # outside a transaction (``trace``) too


def test_keys_put_in_the_table_behind_its_back_get_their_run_a_filter(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, [101, 102])
        lsh.merge_recent_bands(db, at_least=1)
    assert run_filters(db).by_run[0].may_hold(np.array([101, 102])).all()
    db.conn.execute("begin")  # as the writer's transaction
    db.execute("insert into statement_bands (run, band, statement_id) values (1, 987654321, 2)")
    forget_band_filter(db)
    assert lsh.stored_by_band(db, [987654321, 101]) == {987654321: [2], 101: [1]}
    db.conn.execute("commit")
    assert [part for (part,) in db.execute(f"select part from {FILTER_TABLE} order by part")] == ["run 0 k8", "run 1 k8"]


def test_a_rolled_back_pass_leaves_filters_that_still_find_every_key(tmp_path):
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
    assert sorted(run_filters(db).by_run) == [0, 1]


def test_deleted_keys_are_not_found_and_their_filter_bits_cost_only_a_lookup(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, [5, 6])
        lsh.add_bands(db, 2, [7])
        lsh.merge_recent_bands(db, at_least=1)
        lsh.remove_bands(db, 1)
        assert lsh.stored_by_band(db, [5, 6, 7]) == {7: [2]}
    with db.conn:  # a run emptied by deletes: the next pass's run has the number again, and a filter of its own
        lsh.remove_bands(db, 2)
        lsh.add_bands(db, 3, [9])
        lsh.merge_recent_bands(db, at_least=1)
        held = run_filters(db).runs_holding(np.array([5, 6, 7, 9], dtype=np.int64))
        assert [(run, keys.tolist()) for run, keys in held] == [(0, [9])]  # the old run 0's bits are gone with it
    reopened = open_database(tmp_path / "bands.db")
    assert lsh.stored_by_band(reopened, [5, 7, 9]) == {9: [3]}


def test_a_database_with_one_big_key_table_is_laid_out_in_runs(tmp_path):
    import sqlite3

    path = tmp_path / "old.db"
    open_database(path).close()
    old = sqlite3.connect(path)
    with old:  # the table and filter as the release before this one had them
        old.execute("drop table statement_bands")
        old.execute("create table statement_bands (band integer not null, statement_id integer not null, primary key (band, statement_id)) without rowid")
        old.execute("create index statement_bands_statement on statement_bands (statement_id)")
        old.executemany("insert into statement_bands values (?, ?)", [(band, band // 10) for band in range(100, 160)])
        old.execute(f"insert into {FILTER_TABLE} values ('words', x'00'), ('keys', 60)")
        old.execute("delete from _sqlite_migrations where name = 'statement_band_runs'")
    old.close()
    db = open_database(path)
    assert db.execute("select count(*), min(run), max(run) from statement_bands").fetchone() == (60, 0, 0)
    assert [part for (part,) in db.execute(f"select part from {FILTER_TABLE}")] == ["run 0 k8"]
    assert lsh.stored_by_band(db, [105, 155, 99]) == {105: [10], 155: [15]}
    assert "statement_bands_statement" in {index.name for index in db.table("statement_bands").indexes}




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


def test_a_filter_made_with_another_number_of_hashes_is_made_again(tmp_path):
    db = open_database(tmp_path / "bands.db")
    with db.conn:
        lsh.add_bands(db, 1, [101, 102])
        lsh.merge_recent_bands(db, at_least=1)
        # as this layout's first filters were saved: four hashes, named by the run alone (bits all clear here)
        db.execute(f"update {FILTER_TABLE} set part = 'run 0', value = zeroblob(512)")
    reopened = open_database(tmp_path / "bands.db")
    with reopened.conn:
        assert lsh.stored_by_band(reopened, [101, 102, 103]) == {101: [1], 102: [1]}
    assert [part for (part,) in reopened.execute(f"select part from {FILTER_TABLE}")] == ["run 0 k8"]
