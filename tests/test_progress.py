"""Progress bars: ingest shows files, articles, rate and time left on a terminal, and nothing elsewhere."""

import io
import json
import re
from pathlib import Path

from rich.console import Console
from rich.progress import Progress
from typer.testing import CliRunner

from quotetrack import ingest, open_store
from quotetrack.cli import app
from quotetrack.cli_progress import IngestPlan, IngestTracker, export_progress, ingest_progress

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
runner = CliRunner()


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=200, color_system=None)


def test_plan_counts_files_and_expected_articles(tmp_path):
    (tmp_path / "wire.jsonl").write_text(
        "\n".join(json.dumps({"text": f"“Talks resume on day {n},” the minister told Reuters."}) for n in range(3)) + "\n\n",
        encoding="utf-8",
    )
    (tmp_path / "story.txt").write_text("Title: Harbour\n\n“We will rebuild,” Mayor Ana Ruiz said.\n", encoding="utf-8")
    plan = IngestPlan.of([str(tmp_path), "https://news.example/a"])
    assert [Path(name).name for name in plan.files] == ["story.txt", "wire.jsonl"]
    assert plan.expected[str(tmp_path / "wire.jsonl")] == 3  # the blank line is no article
    assert plan.estimate == 1 + 3 + 1


def test_tracker_follows_a_real_ingest_of_the_samples():
    plan = IngestPlan.of([str(SAMPLES)])
    with Progress(console=terminal(), auto_refresh=False) as bar:
        tracker = IngestTracker(bar, plan)
        seen = []

        def progress(result):
            tracker(result)
            seen.append((bar.tasks[0].completed, tracker.file_index))

        with open_store(":memory:") as store:
            result = ingest([SAMPLES], store, engine="rules", progress=progress)
        tracker.finish()
        task = bar.tasks[0]
    assert task.completed == result.articles == plan.estimate
    assert task.total >= task.completed
    assert tracker.file_index == len(plan.files)
    assert [done for done, _ in seen] == list(range(1, result.articles + 1))
    files_done = [index for _, index in seen]
    assert files_done == sorted(files_done) and files_done[-1] < len(plan.files)


def test_a_file_with_fewer_articles_than_expected_corrects_the_total(tmp_path):
    good = json.dumps({"text": "“Prices will fall,” the minister said on Monday."})
    (tmp_path / "a.jsonl").write_text(f"{good}\nnot json\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("“We are ready,” Peskov told Reuters.\n", encoding="utf-8")
    plan = IngestPlan.of([str(tmp_path)])
    assert plan.estimate == 3
    with Progress(console=terminal(), auto_refresh=False) as bar:
        tracker = IngestTracker(bar, plan)
        with open_store(":memory:") as store:
            result = ingest([tmp_path], store, engine="rules", progress=tracker)
        tracker.finish()
    assert result.articles == 2 and len(result.skipped) == 1
    assert tracker.total == 2  # the bad line's article was never coming


def test_bar_on_a_terminal_shows_files_articles_rate_and_time_left():
    console = terminal()
    plan = IngestPlan.of([str(SAMPLES)])
    with ingest_progress(console, plan) as progress, open_store(":memory:") as store:
        ingest([SAMPLES], store, engine="rules", progress=progress)
    shown = console.file.getvalue()
    assert re.search(r"Ingesting .*\d+/7 files .*\d+ articles .*articles/s .*elapsed .*left", shown), shown[-400:]


def test_quiet_and_not_a_terminal_show_nothing():
    console = terminal()
    with ingest_progress(console, IngestPlan.of([str(SAMPLES)]), quiet=True) as progress, open_store(":memory:") as store:
        ingest([SAMPLES], store, engine="rules", progress=progress)
    assert console.file.getvalue() == ""
    plain = Console(file=io.StringIO(), width=200)
    assert not plain.is_terminal
    assert list(export_progress(plain, iter(range(5)), 5)) == [0, 1, 2, 3, 4]
    assert plain.file.getvalue() == ""


def test_export_bar_counts_rows_and_passes_them_through():
    console = terminal()
    rows = [("Peskov", f"quote {n}") for n in range(2500)]
    assert list(export_progress(console, iter(rows), len(rows), every=1000)) == rows
    assert "2,500 rows" in console.file.getvalue()


def test_cli_ingest_and_export_in_a_pipe_print_only_their_output(tmp_path):
    db = tmp_path / "quotes.db"
    done = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--engine", "rules", "--quiet"])
    assert done.exit_code == 0, done.output
    assert done.output.startswith("Ingested 10 articles") and done.output.count("\n") == 1
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "json", "-q"])
    assert exported.exit_code == 0
    assert len(json.loads(exported.output)) == int(done.output.split(", ")[-1].split()[0])
