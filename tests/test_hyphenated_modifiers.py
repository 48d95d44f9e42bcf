"""A hyphenated modifier between an adjective and a name (`Democratic front-runner Ana Ruiz`,
`Labour vice-chair Tom Hale`) is part of the subject a coordinated or participle cue goes back to."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "The governor signed the order.\n\nDemocratic front-runner Ana Ruiz was the first candidate to weigh in, tweeting her thanks "
            "to the governor on Friday afternoon.\n",
            "her thanks",
            "Ana Ruiz",
            id="participle",
        ),
        pytest.param(
            "The council met on Monday.\n\nLabour vice-chair Tom Hale, also campaigning in Leeds, said the mayor was responsible and "
            "accused him of “wasting the city's money.”\n",
            "him of",
            "Tom Hale",
            id="coordinated-cue",
        ),
    ],
)
def test_hyphenated_modifier_stays_in_the_subject(quote_starting, text: str, opening: str, speaker: str) -> None:
    assert quote_starting(text, opening).speaker == speaker
