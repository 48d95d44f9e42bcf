"""A speaker, with or without appositives, then an aside between dashes, then the cue: the speaker
is the one before the aside, not the aside's last word (`Ana Ruiz, a director at the fund - which
backed Hale - said`), with spaced hyphens, double hyphens or em dashes; a sentence opening with a
condition (`Even if Lee loses Iowa, ...`) sets the scene and never speaks."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Governor Tom Hale spoke first.\n\nAna Ruiz, a director at the Harbor Fund - which has backed Hale since 2019 - said the vote would be close.\n",
            "Ana Ruiz",
            "Ana Ruiz",
            id="appositive-then-hyphen-aside",
        ),
        pytest.param(
            "Governor Tom Hale spoke first.\n\nAna Ruiz - whose fund has backed Hale - said the vote would be close.\n",
            "Ana Ruiz",
            "Ana Ruiz",
            id="name-then-hyphen-aside",
        ),
        pytest.param(
            "Governor Tom Hale spoke first.\n\n"
            "Ana Ruiz, chief economist of the Harbor Fund, or HF — which was set up by Hale after the 2019 election — said the vote would be close.\n",
            "Ana Ruiz",
            "Ana Ruiz",
            id="acronym-then-em-dash-aside",
        ),
        pytest.param(
            "Mayor Ines Duarte faced the council.\n\nDuarte -- after a long pause -- told reporters she would not resign.\n",
            "Duarte",
            "Ines Duarte",
            id="surname-then-double-hyphen-aside",
        ),
    ],
)
def test_speaker_before_a_dash_aside(extractor, text: str, mention: str, speaker: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_condition_opening_the_sentence_does_not_speak(extractor) -> None:
    text = (
        "Senator Ana Ruiz campaigned in Iowa on Monday.\n\n"
        "Even if Ruiz loses Iowa, insiders in the next two states — Ohio and Nevada — said her campaign would go on.\n"
    )
    quote = extractor.extract(Article(text=text))[-1]
    assert quote.speaker is None and quote.speaker_mention == "insiders in the next two states"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "A former Labour leader -- Ines Duarte, who lost the 2019 election -- said the budget \"offered nothing to renters.\"\n",
            "Ines Duarte",
            id="name-opening-the-aside",
        ),
        pytest.param("The company's founder — Tomas Berg — said the plant would close in May.\n", "Tomas Berg", id="name-alone-in-the-aside"),
    ],
)
def test_name_in_the_aside_is_the_described_speaker(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == speaker


def test_aside_without_a_name_leaves_the_description(extractor) -> None:
    text = "The appeals court judge -- who has long feuded with the state senate -- said she stood by her ruling.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == "The appeals court judge"
