"""The via-outlet scorer on a tiny hand-made set."""

import json

import pytest
from typer.testing import CliRunner

from quotetrack.bench import BenchmarkError
from quotetrack.bench.via import fold, format_via_scores, load_via_items, score_items, via_report
from quotetrack.cli import app
from quotetrack.resources import data_path

ITEMS = [
    # Right via and speaker.
    {"id": "ok", "text": "“The dam is safe,” engineer Lars Holm told Reuters.", "quote": "The dam is safe",
     "speaker": "Lars Holm", "speaker_method": "name", "via": "Reuters", "via_chain": ["Reuters"], "style": "told"},
    # Gazetteer alias in gold: canonicalised before comparing.
    {"id": "alias", "text": "Minister Jan Kos said the bridge would open “in May,” the state-run TASS news agency reported.",
     "quote": "in May", "speaker": "Jan Kos", "speaker_method": "name", "via": "state-run TASS news agency",
     "via_chain": ["TASS"], "style": "said_reported"},
    # A negative: no via expected, none predicted.
    {"id": "neg", "text": "Mayor Eva Lund told reporters that the pool would “stay shut.”", "quote": "stay shut",
     "speaker": "Eva Lund", "speaker_method": "name", "via": None, "via_chain": [], "style": "neg_told_audience"},
    # A quote the extractor cannot find: a miss for via and speaker.
    {"id": "missed", "text": "Weather: sunny, then rain.", "quote": "sunny", "speaker": "Nobody", "speaker_method": "none",
     "via": "AFP", "via_chain": ["AFP"], "style": "told"},
]


@pytest.fixture
def via_set(tmp_path):
    path = tmp_path / "via.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in ITEMS), encoding="utf-8")
    return path


def test_scores(via_set):
    scores = score_items(load_via_items(via_set), "rules")
    assert (scores.via.tp, scores.via.fp, scores.via.fn) == (2, 0, 1)
    assert scores.via.precision == 1.0 and scores.via.recall == pytest.approx(2 / 3)
    assert (scores.chain.correct, scores.chain.total) == (2, 3)
    assert scores.missed_quotes == 1
    assert (scores.speaker["name"].correct, scores.speaker["name"].total) == (3, 3)
    assert (scores.speaker["none"].correct, scores.speaker["none"].total) == (0, 1)
    table = format_via_scores(scores, "title")
    assert "F1 80.0" in table and "quotes missed    1/4" in table


def test_a_via_on_a_negative_is_a_false_positive(tmp_path):
    item = dict(ITEMS[0], id="neg-ok", via=None, via_chain=[])
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    scores = score_items(load_via_items(path), "rules")
    assert (scores.via.tp, scores.via.fp, scores.via.fn) == (0, 1, 0)


def test_bad_line_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(ITEMS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(BenchmarkError, match=":2:"):
        load_via_items(path)


def test_fold():
    assert fold("The Łukasz Kowalski") == fold("lukasz kowalski")
    assert fold(None) == ""


def test_bundled_set_loads():
    items = load_via_items()
    assert len(items) >= 200 and all(item.text.count(item.quote) >= 1 for item in items)


def test_report_names_the_file(via_set):
    assert "via.jsonl (4 items" in via_report(via_set, "rules")


def test_cli_via_set_without_gold(via_set):
    runner = CliRunner()
    result = runner.invoke(app, ["bench", "quality", "--via-set", str(via_set), "--engine", "rules"])
    assert result.exit_code == 0, result.output
    assert "via outlet" in result.stdout and "speaker" in result.stdout


@pytest.mark.parametrize("name", ["via_outlets.jsonl", "world_news.jsonl"])
def test_bundled_sets_are_well_formed(name):
    items = load_via_items(data_path(f"bench/{name}"))
    assert len({item.id for item in items}) == len(items)
    for item in items:
        assert item.text.count(item.quote) == 1, item.id
        assert item.via == (item.via_chain[0] if item.via_chain else None), item.id
