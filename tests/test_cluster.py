"""Extraction on a Dask cluster (a LocalCluster of 2 worker processes): the same quotes as a local run."""

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.errors import EngineError
from quotetrack.ingestion import ingest
from quotetrack.parallel import Pool
from quotetrack.resources import data_dir

distributed = pytest.importorskip("distributed")

SAMPLES = data_dir() / "samples"


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def test_ingest_on_a_cluster_stores_what_a_local_run_stores(scheduler, tmp_path, database_dump):
    local = ingest([SAMPLES], tmp_path / "local.db", engine="rules")
    remote = ingest([SAMPLES], tmp_path / "cluster.db", engine="rules", scheduler=scheduler)
    assert remote.summary() == local.summary()
    assert database_dump(tmp_path / "cluster.db") == database_dump(tmp_path / "local.db")


def test_parquet_from_a_cluster_loads_the_same_quotes(scheduler, tmp_path, database_dump):
    runner = CliRunner()
    written = runner.invoke(app, ["extract", str(SAMPLES), "--to", "parquet", str(tmp_path / "parquet"), "--engine", "rules", "--scheduler", scheduler])
    assert written.exit_code == 0, written.output
    assert runner.invoke(app, ["load", str(tmp_path / "parquet"), "--db", str(tmp_path / "loaded.db")]).exit_code == 0
    ingest([SAMPLES], tmp_path / "local.db", engine="rules")
    assert database_dump(tmp_path / "loaded.db") == database_dump(tmp_path / "local.db")


def test_an_unreachable_scheduler_is_a_one_line_error():
    with pytest.raises(EngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        Pool.dask("tcp://127.0.0.1:9", "rules", timeout=0.5)
