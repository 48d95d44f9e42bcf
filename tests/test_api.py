"""The public Python API: ``import quotetrack`` and what ``quotetrack.__all__`` names."""

import subprocess
import sys
from typing import get_args

import pytest

import quotetrack
from quotetrack import (
    Article,
    ArticleError,
    EngineError,
    Extractor,
    IngestResult,
    Quote,
    QuoteKind,
    QuotetrackError,
    Store,
    StoreError,
    extract_quotes,
    ingest,
    open_store,
    read_articles,
)

# A made-up local-news story: a direct quote, a mixed one, reported speech, and a quote relayed by an outlet.
BUDGET = """The Riverton city council voted 7-2 on Tuesday to approve a budget that raises spending on road repairs.

“This budget fixes the streets people drive on every day,” Mayor Elena Vasquez said after the vote.

Councilman Tom Brandt, who voted against the plan, said the city was “borrowing against the future” and warned \
that taxes would have to rise.

The state news agency RNA quoted Finance Director Paul Heller as saying the city could cover the costs without \
new debt."""


def test_import_loads_no_nlp_and_no_database_code():
    code = (
        "import sys, quotetrack; "
        "print(sorted(m for m in sys.modules if m.startswith(('quotetrack', 'stanza', 'sqlite_utils'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "['quotetrack']"


def test_every_public_name_resolves():
    for name in quotetrack.__all__:
        assert getattr(quotetrack, name) is not None
    assert set(quotetrack.__all__) <= set(dir(quotetrack))
    assert quotetrack.__version__ == "0.1.0"
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        quotetrack.nonsense  # noqa: B018


def test_ingest_is_the_function_even_after_its_module_is_imported():
    import quotetrack.ingestion

    assert quotetrack.ingest is quotetrack.ingestion.ingest
    assert callable(ingest)


def test_extract_quotes_finds_who_said_what():
    quotes = extract_quotes(BUDGET, publisher="Riverton Herald", date="2024-06-11")
    found = [(quote.kind, quote.speaker, quote.text) for quote in quotes]
    assert found[:3] == [
        ("direct", "Elena Vasquez", "This budget fixes the streets people drive on every day,"),
        ("mixed", "Tom Brandt", "the city was “borrowing against the future”"),
        ("indirect", "Tom Brandt", "taxes would have to rise"),
    ]
    relayed = quotes[3]
    assert "Paul Heller" in relayed.speaker and relayed.via_outlet == "RNA"
    assert relayed.text == "the city could cover the costs without new debt"
    for quote in quotes:
        assert BUDGET[quote.start : quote.end] == quote.text
        assert quote.kind in get_args(QuoteKind)
        assert quote.publisher == "Riverton Herald"


def test_extract_quotes_without_quotes_and_with_an_empty_text():
    assert extract_quotes("The council meets again in July.") == []
    assert extract_quotes("") == []


def test_extract_quotes_reuses_one_extractor_per_engine():
    from quotetrack.ingestion import shared_extractor

    extract_quotes("“Fine,” she said.")
    assert shared_extractor("rules") is shared_extractor("rules")
    assert isinstance(shared_extractor("rules"), Extractor)


def test_an_unknown_engine_is_an_engine_error():
    with pytest.raises(EngineError) as raised:
        extract_quotes("“Fine,” she said.", engine="telepathy")
    assert isinstance(raised.value, QuotetrackError)


def test_store_round_trip(tmp_path):
    article = Article(text=BUDGET, title="Budget passes", url="https://example.com/budget",
                      publisher="Riverton Herald", date="2024-06-11")
    with open_store(tmp_path / "quotes.db") as store:
        assert isinstance(store, Store)
        store.add(article, Extractor("rules").extract(article))
        counts = store.counts()
        assert counts["articles"] == 1 and counts["quotes"] == 4
        by_brandt = list(store.quotes(speaker="brandt"))
        assert sorted(row["kind"] for row in by_brandt) == ["indirect", "mixed"]
        assert {row["url"] for row in by_brandt} == {"https://example.com/budget"}
        assert [row["speaker"].endswith("Paul Heller") for row in store.quotes(outlet="RNA")] == [True]
        assert len(list(store.quotes(outlet="Riverton Herald"))) == 4


def test_store_errors_name_the_file(tmp_path):
    with pytest.raises(StoreError) as raised:
        open_store(tmp_path / "missing.db", read_only=True)
    assert raised.value.path == str(tmp_path / "missing.db")
    assert str(raised.value) == f"{tmp_path / 'missing.db'}: no such database file"


def test_ingest_a_folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "budget.txt").write_text(f"Title: Budget passes\nOutlet: Riverton Herald\n\n{BUDGET}\n", encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"\x00\x01 not text")
    skipped, seen = [], []
    result = ingest([folder], tmp_path / "quotes.db", engine="rules", on_skip=skipped.append,
                    progress=lambda so_far: seen.append(so_far.articles))
    assert isinstance(result, IngestResult)
    assert (result.new, result.unchanged, result.quotes) == (1, 0, 4)
    assert result.skipped == skipped and "scan.txt" in skipped[0]
    assert seen == [1]


def test_read_articles_yields_errors_in_place_of_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text("“Yes,” he said.", encoding="utf-8")
    items = list(read_articles([tmp_path / "a.txt", tmp_path / "missing.txt"]))
    assert isinstance(items[0], Article) and isinstance(items[1], ArticleError)


def test_quote_kind_is_a_closed_set():
    assert get_args(QuoteKind) == ("direct", "indirect", "mixed")
    quote = Quote(text="Yes,", start=1, end=5, kind="direct")
    assert quote.to_dict()["kind"] == "direct"
