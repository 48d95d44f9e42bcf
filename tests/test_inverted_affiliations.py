"""After an inverted cue, the speaker's place or body and a comma (`said Gov. Ana Ruiz of Ohio, a
Democrat who has not endorsed anyone but has spoken against the plan.`) end the attribution: the
description after the comma may be long, it is never content."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "The caucus is close.\n\n“Primaries reward whoever beats the forecast,” said Gov. Ana Ruiz of Ohio, a Democrat who has stayed "
            "neutral so far but has criticised the harbor plan.\n",
            "Primaries reward",
            "Ana Ruiz",
            id="of-state-then-relative",
        ),
        pytest.param(
            "The rule was announced.\n\n“Shift workers have waited years for this,” said Tom Hale of the Labour Research Centre, one of the first "
            "to press the ministry on the matter.\n",
            "Shift workers have",
            "Tom Hale",
            id="of-organisation-then-long-appositive",
        ),
    ],
)
def test_affiliation_and_comma_end_the_attribution(quote_starting, text: str, opening: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.cue, quote.speaker) == ("said", speaker)
