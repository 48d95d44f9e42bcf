"""extract --to parquet and load: the same database as ingesting the corpus directly, loading twice changes nothing."""

import json
import shutil

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

from quotetrack.bench.speed import load_samples, synthetic_articles
from quotetrack.cli import app
from quotetrack.parquet import ParquetError, load_parquet, read_parquet, write_parquet
from quotetrack.records import EXTRACTOR_VERSION
from quotetrack.resources import data_dir


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The bundled samples and a wire feed of stories recombined from them, dated over several months."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(data_dir() / "samples", folder / "samples")
    feed = []
    for number, article in enumerate(synthetic_articles(load_samples(), 12, seed=3)):
        date = None if number % 5 == 4 else f"2023-{number % 3 + 10:02d}-0{number % 9 + 1}"
        feed.append(json.dumps({"text": article.text, "title": article.title, "url": article.url, "publisher": article.publisher, "date": date}))
    (folder / "wire.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    return folder


def invoke(*arguments: str):
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_loading_gives_the_database_ingest_gives(corpus, tmp_path, database_dump):
    extracted = invoke("extract", corpus, "--to", "parquet", tmp_path / "parquet", "--engine", "rules")
    assert extracted.exit_code == 0, extracted.output
    assert extracted.stdout.startswith("Wrote 22 articles and ")
    periods = sorted(path.name for path in (tmp_path / "parquet" / "quotes").iterdir())
    assert periods[:3] == ["period=2023-10", "period=2023-11", "period=2023-12"] and "period=undated" in periods

    loaded = invoke("load", tmp_path / "parquet", "--db", tmp_path / "loaded.db")
    assert loaded.exit_code == 0, loaded.output
    ingested = invoke("ingest", corpus, "--db", tmp_path / "ingested.db", "--engine", "rules")
    assert loaded.stdout == ingested.stdout.replace("Ingested", "Loaded")
    assert database_dump(tmp_path / "loaded.db") == database_dump(tmp_path / "ingested.db")

    again = invoke("load", tmp_path / "parquet", "--db", tmp_path / "loaded.db")
    assert again.stdout.startswith("Loaded 22 articles (0 new, 22 unchanged)")
    assert database_dump(tmp_path / "loaded.db") == database_dump(tmp_path / "ingested.db")


def test_quote_records_keep_what_the_store_needs(corpus, tmp_path):
    """Every field of a quote survives the round trip: parts of a quote its attribution interrupts, via chains, offsets."""
    from quotetrack.ingestion import extract_paths, make_extractor

    extracted = list(extract_paths([corpus], extractor=make_extractor("rules")))
    write_parquet(extracted, tmp_path / "parquet", engine="rules")
    version, back = read_parquet(tmp_path / "parquet")
    assert version == EXTRACTOR_VERSION
    back = list(back)
    assert [article for article, _ in back] == [article for article, _ in extracted]
    for (_, quotes), (_, original) in zip(back, extracted, strict=True):
        for quote, before in zip(quotes, original, strict=True):
            assert quote.to_dict() == before.to_dict()
            assert quote.extra.get("parts") == ([tuple(part) for part in before.extra["parts"]] if before.extra.get("parts") else None)
    assert any(quote.extra.get("parts") for _, quotes in back for quote in quotes)
    assert any(quote.via_chain for _, quotes in back for quote in quotes)


def test_a_period_at_a_time(corpus, tmp_path):
    write = invoke("extract", corpus, "--to", "parquet", tmp_path / "parquet", "--engine", "rules")
    assert write.exit_code == 0
    load = invoke("load", tmp_path / "parquet", "--db", tmp_path / "2023.db", "--period", "2023")
    assert load.exit_code == 0
    dates = [row["date"] for row in Database(tmp_path / "2023.db").query("select date from articles")]
    assert dates and all(date.startswith("2023-") for date in dates)
    whole = load_parquet(tmp_path / "parquet", tmp_path / "all.db")
    rest = load_parquet(tmp_path / "parquet", tmp_path / "2023.db")  # the other periods join them
    assert (rest.new, rest.unchanged) == (whole.new - len(dates), len(dates))


def test_bad_folders_are_one_line_errors(corpus, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine", encoding="utf-8")
    taken = invoke("extract", corpus, "--to", "parquet", tmp_path / "taken", "--engine", "rules")
    assert taken.exit_code == 1 and taken.stderr.strip() == f"Error: {tmp_path / 'taken'}: not an empty folder (Parquet is written to a new one)"
    assert (tmp_path / "taken" / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert invoke("extract", corpus, "--to", "csv", tmp_path / "out").exit_code == 2
    foreign = invoke("load", tmp_path / "taken", "--db", tmp_path / "q.db")
    assert foreign.exit_code == 1 and "not a Parquet folder written by `quotetrack extract --to parquet`" in foreign.stderr
    assert "Traceback" not in foreign.output
    with pytest.raises(ParquetError):
        read_parquet(corpus)
