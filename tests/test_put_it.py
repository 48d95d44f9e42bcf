"""`As X put it` is a speech cue (`As Professor Lane put it: “...”`, `as one diplomat put it, an
“extreme makeover”`); `put it` without `as` before it is no speech (`He put it on the table`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "Migration rose again.\n\nAs Professor Ana Lane put it: “The harbor towns do a better job at welcoming newcomers.”\n",
            "The harbor towns",
            "Ana Lane",
            id="as-name-put-it-colon",
        ),
        pytest.param(
            "The senator spoke first. “We will rebuild,” she said.\n\nOr, as Tom Hale, a former member of the harbor board, put it: "
            "“The barbarians are no longer at the gate. They are inside.”\n",
            "The barbarians",
            "Tom Hale",
            id="as-name-and-appositive-put-it",
        ),
    ],
)
def test_as_x_put_it(quote_starting, text: str, opening: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.cue, quote.speaker) == ("put it", speaker)


def test_put_it_without_as_is_no_speech(extractor) -> None:
    text = "The hall was quiet.\n\nHe put it on the table and left the room without a word to anyone in the hall.\n"
    assert extractor.extract(Article(text=text)) == []
