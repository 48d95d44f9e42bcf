"""After an inverted cue, the speaker's place or body and a comma (`said Gov. Ana Ruiz of Ohio, a
Democrat who has not endorsed anyone but has spoken against the plan.`) end the attribution: the
description after the comma may be long, it is never content."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "The caucus is close.\n\n“The caucuses are all about beating expectations,” said Gov. Ana Ruiz of Ohio, a Democrat who has not "
            "endorsed a candidate but has spoken against the harbor plan.\n",
            "The caucuses",
            "Ana Ruiz",
            id="of-state-then-relative",
        ),
        pytest.param(
            "The rule was announced.\n\n“This is a big deal for working people,” said Tom Hale of the Economic Policy Institute, an early voice "
            "in urging the ministry to take up the issue.\n",
            "This is a big deal",
            "Tom Hale",
            id="of-organisation-then-long-appositive",
        ),
    ],
)
def test_affiliation_and_comma_end_the_attribution(quote_starting, text: str, opening: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.cue, quote.speaker) == ("said", speaker)
