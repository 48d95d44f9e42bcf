"""The span index alone: lookups by position over the quote spans of a text."""

from __future__ import annotations

import pytest

from quotetrack.extract.marks import SpanIndex

TEXT = "“We will reopen the bridge by June,” the engineer said. Residents called it «a relief» and went home."


@pytest.fixture(scope="module")
def spans() -> SpanIndex:
    return SpanIndex(TEXT)


def test_spans_in_text_order(spans):
    assert [span.text for span in spans] == ["We will reopen the bridge by June,", "a relief"]
    assert len(spans) == 2
    assert spans.ranges() == [(span.start, span.end) for span in spans]


@pytest.mark.parametrize(
    ("word", "inside"),
    [("reopen", True), ("June", True), ("engineer", False), ("relief", True), ("home", False)],
)
def test_in_quote(spans, word, inside):
    assert spans.in_quote(TEXT.index(word)) is inside


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(0, 1, [0]), (1, len(TEXT), [1]), (0, len(TEXT), [0, 1]), (40, 60, [])],
)
def test_spans_opening(spans, low, high, expected):
    assert list(spans.spans_opening(low, high)) == expected


def test_opens_and_closes_at_the_marks(spans):
    assert spans.opens_at(TEXT.index("“")) and spans.opens_at(TEXT.index("«"))
    assert not spans.opens_at(TEXT.index("”"))
    assert spans.closing_at(TEXT.index("”")) is spans[0]
    assert spans.closing_at(TEXT.index("“")) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We are ready,” he said.", True),  # the comma inside the marks
        ("“Are we ready?” she asked.", True),
        ("He called it “a relief” on Friday.", False),  # a quoted phrase, not a sentence
    ],
)
def test_closes_after_punctuation(text, expected):
    spans = SpanIndex(text)
    close = spans[0].close_at
    assert spans.closes_after_punctuation(close) is expected
    assert spans.closes_after_punctuation(spans[0].open_at) is False


def test_straight_quotes_and_two_apostrophes():
    spans = SpanIndex("She said \"the vote is set\" and ''it will pass''.")
    assert [span.text for span in spans] == ["the vote is set", "it will pass"]
    assert [span.mark_width for span in spans] == [1, 2]


def test_opening_mark_typed_in_a_closers_place_closes():
    # Typed fast, the closer is an opener: `“...,“ said` ends the quote; a real opener starts a word.
    text = "“It is an unusual step,“ said Dana Weiss, a lawyer in Lagos. “It will be tested in court.”"
    spans = SpanIndex(text)
    assert [span.text for span in spans] == ["It is an unusual step,", "It will be tested in court."]
    assert [span.close_at is not None for span in spans] == [True, True]
    unclosed = SpanIndex("He called it “a relief and then “a mistake” on Friday.")
    assert [span.text for span in unclosed] == ["a relief and then", "a mistake"]
