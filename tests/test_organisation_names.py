"""`and` inside an organisation's name does not end the speaker phrase: `the Organization for Maritime
Trade and Development says`, `a spokeswoman for the Streets and Sanitation Department said`; two
places or people joined by `and` are still two (`Britain and France said`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "Wages are rising.\n\nThe Organization for Maritime Trade and Development says port wages rose by a fifth in 2023.\n",
            "The Organization for Maritime Trade and Development",
            id="of-name-with-and",
        ),
        pytest.param(
            "The pool is shut.\n\nA spokeswoman for the Streets and Sanitation Department said the snow crews would work overnight.\n",
            "A spokeswoman for the Streets and Sanitation Department",
            id="and-before-department",
        ),
    ],
)
def test_and_inside_an_organisation(extractor, text: str, mention: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == mention


def test_places_joined_by_and_stay_apart(extractor) -> None:
    (quote,) = extractor.extract(Article(text="The talks ended.\n\nBritain and France said the talks had failed after two days.\n"))
    assert quote.speaker_mention == "France"
