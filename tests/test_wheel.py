"""The built wheel works on its own: data files inside it, no source tree on the path.

The wheel is built with the project's backend (hatchling, from the test extras) and installed
with ``pip --target`` into a temporary folder; its dependencies come from the running environment.
Every command runs from an empty folder with only that install first on the path.
"""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from sqlite_utils import Database

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """Title: Port strike enters second week
URL: https://example.com/port-strike
Outlet: Harbour Daily
Date: 2024-09-16

Dock workers in Eastbrook stayed off the job on Monday. “We are not going back until the
contract is signed,” union leader Maria Okafor told reporters outside the gates.

The port authority said talks would resume on Wednesday.
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("hatchling", reason="the wheel is built with hatchling (pip install -e '.[test]')")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("quotetrack-*.whl")
    return built


@pytest.fixture(scope="module")
def site(wheel, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    return target


def run(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_wheel_carries_the_data_files(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("quotetrack/data/outlets.csv", "quotetrack/data/metadata.yml", "quotetrack/py.typed"):
        assert name in names
    assert any(name.startswith("quotetrack/data/lexicon/") and name.endswith(".txt") for name in names)
    assert any(name.startswith("quotetrack/data/samples/") for name in names)
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)
    # The Datasette plugin's templates and CSS, and its entry point.
    for name in ("quotetrack/provenance/web/templates/quotetrack_statement.html", "quotetrack/provenance/web/static/quotetrack.css"):
        assert name in names
    entry_points = next(name for name in names if name.endswith(".dist-info/entry_points.txt"))
    assert "quotetrack = quotetrack.provenance.web" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_the_installed_package_is_the_one_imported(site, tmp_path):
    code = "import quotetrack, quotetrack.resources as r; print(quotetrack.__file__, r.data_dir(), r.metadata_path())"
    result = run(site, tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    package, data, metadata = result.stdout.split()
    for path in (package, data, metadata):
        assert Path(path).is_relative_to(site), path


def test_bench_speed_runs_from_the_wheel(site, tmp_path):
    result = run(site, tmp_path, "-m", "quotetrack.cli", "bench", "speed", "--articles", "20", "--engine", "rules")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("quotetrack ingest speed (20 synthetic articles of ")


def test_ingest_runs_from_the_wheel(site, tmp_path):
    (tmp_path / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    result = run(site, tmp_path, "-m", "quotetrack", "ingest", "strike.txt", "--db", "quotes.db", "--engine", "rules")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Ingested 1 article (1 new, 0 unchanged), ")
    db = Database(tmp_path / "quotes.db")
    assert db["articles"].count == 1
    assert db["quotes"].count >= 2
    speakers = {row["speaker"] for row in db.query("select speaker from quotes_view")}
    assert "Maria Okafor" in speakers
