"""Property-based tests (hypothesis): arbitrary text never breaks the extractor or the readers, and every
offset a quote carries points inside its article."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotetrack.errors import ArticleError
from quotetrack.extract import Extractor
from quotetrack.read import read_articles
from quotetrack.records import Article

QUOTE_MARKS = ["“", "”", '"', "'", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "」"]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x0c"]
# Words that make the extractor's rules fire, so the generated texts reach its attribution code.
WORDS = ["said", "told", "according to", "Peskov", "Mayor Jane Ortiz", "he", "she", "TASS", "quoted", "as saying",
         "Reuters", "added", ",", ".", "Mr.", "the spokesman", "in an interview with", "—", "…"]  # fmt: skip

pieces = st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(BREAKS),
    st.sampled_from(WORDS),
    st.just(" "),
)
news_like = st.lists(pieces, max_size=60).map("".join)

EXTRACTOR = Extractor("rules")
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_offsets(text: str, quote) -> None:
    assert 0 <= quote.start <= quote.end <= len(text)
    parts = quote.extra.get("parts") or []
    for start, end in parts:
        assert quote.start <= start <= end <= quote.end
    if not parts:
        assert quote.text == text[quote.start : quote.end]
    if quote.speaker_start is not None:
        assert 0 <= quote.speaker_start <= quote.speaker_end <= len(text)
    if quote.via_start is not None:
        assert 0 <= quote.via_start <= quote.via_end <= len(text)


@PROPERTY_SETTINGS
@given(news_like)
def test_extractor_never_raises_and_offsets_are_valid(text):
    for quote in EXTRACTOR.extract(Article(text=text)):
        check_offsets(text, quote)


@PROPERTY_SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_extractor_on_arbitrary_unicode(text):
    for quote in EXTRACTOR.extract(Article(text=text)):
        check_offsets(text, quote)


def read_all(path: Path) -> list:
    items = list(read_articles([path]))
    assert all(isinstance(item, (Article, ArticleError)) for item in items)
    return items


@PROPERTY_SETTINGS
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.html"]))
def test_readers_never_raise_on_arbitrary_bytes(data, name):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for item in read_all(path):
            if isinstance(item, Article):
                assert "\x00" not in item.text and item.text.strip()
                item.text.encode("utf-8")  # storable: no lone surrogates


# Any code point, lone surrogates and NUL included, as JSON escapes them.
any_character = st.characters(codec=None, categories=None)


@PROPERTY_SETTINGS
@given(st.lists(st.fixed_dictionaries({"text": st.text(alphabet=any_character, max_size=80)},
                                      optional={"title": st.text(alphabet=any_character, max_size=10)}), min_size=1, max_size=5))  # fmt: skip
def test_jsonl_reader_skips_only_the_bad_lines(records):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_text("\n".join(json.dumps(record) for record in records) + "\n", encoding="utf-8")
        items = read_all(path)
        assert len(items) == len(records)
        for number, item in enumerate(items, start=1):
            assert item.line == number
            if isinstance(item, Article):
                item.text.encode("utf-8")
                for quote in EXTRACTOR.extract(item):
                    check_offsets(item.text, quote)


@pytest.mark.parametrize("text", ["“", "”“", "“A,” he said. “", "\r\n“\r\n”", "«»", "\u2028“x”\u2029 he said"])
def test_awkward_marks(text):
    for quote in EXTRACTOR.extract(Article(text=text)):
        check_offsets(text, quote)
