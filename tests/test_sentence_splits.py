"""Sentences end after a clock time only when a new clause starts (`7:10 a.m. The JCS said`), not
when the time goes on (`10 a.m. Friday`, `8 p.m. Eastern time`). Sentences written for these tests."""

from __future__ import annotations

import pytest

from quotetrack import extract_quotes
from quotetrack.nlp.tokenizer import tokenize_text


def sentences(text: str) -> list[str]:
    return [" ".join(word for word, _, _ in sentence) for sentence in tokenize_text(text, [(0, len(text))])]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The missile was launched at around 7:10 a.m. The military said it was tracking the flight.", 2),
        ("The hearing ended at 9 p.m. He left without speaking to reporters.", 2),
        ("The vote is set for 10 a.m. Friday in the upper chamber.", 1),
        ("Polls close at 8 p.m. Eastern time, the commission said.", 1),
    ],
)
def test_clock_times(text: str, count: int):
    assert len(sentences(text)) == count


def test_a_split_sentence_gives_its_own_speaker():
    text = "The missile was launched from near the capital at around 7:10 a.m. The military said it was tracking the flight."
    (quote,) = extract_quotes(text)
    assert quote.text == "it was tracking the flight"
