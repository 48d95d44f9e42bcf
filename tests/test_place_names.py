"""Places and days that look like names: a two-word name the article puts after `in`, `near` or
`outside` (`a rally in Tolo Vista`) is a place wherever it occurs, and `Super Tuesday` is a day;
neither is a person a later `she` or `he` can mean, nor a speaker (`Dora Vance of Millbrook, South
Carolina says`)."""

import pytest

from quotetrack.nlp.ner import entity_tags
from quotetrack.records import Article

PASSAGES = [
    pytest.param(
        "Governor Maria Lindqvist spoke at a town hall in Tolo Vista on Saturday.\n\n"
        "Tolo Vista has lost two factories this year.\n\n"
        "“We will bring the jobs back,” she said.\n",
        "We will bring the jobs back",
        "Maria Lindqvist",
        id="place-after-in",
    ),
    pytest.param(
        "Senator Ruth Adebayo won every county outside Kerro Bay on Friday.\n\n"
        "Kerro Bay voted for her rival by a wide margin.\n\n"
        "“The port is the city's future,” she said.\n",
        "The port is the city's future",
        "Ruth Adebayo",
        id="place-after-outside",
    ),
    pytest.param(
        "Senator Ruth Adebayo blamed the banks on Monday.\n\n"
        "The Great Recession cost the region a third of its factories.\n\n"
        "“We never recovered,” she said.\n",
        "We never recovered",
        "Ruth Adebayo",
        id="event-is-no-person",
    ),
    pytest.param(
        "Mayor Dana Whitfield campaigned across the state for a month.\n\n"
        "Super Tuesday will decide the race.\n\n"
        "“Every vote counts,” she told supporters.\n",
        "Every vote counts",
        "Dana Whitfield",
        id="day-is-no-person",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_places_and_days_are_no_speakers(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


@pytest.mark.parametrize(
    ("words", "person_tags"),
    [
        pytest.param(["She", "spoke", "in", "Tolo", "Vista", "."], [], id="place-after-in"),
        pytest.param(["A", "belief", "in", "Ana", "Ruiz", "."], ["B-PERSON", "E-PERSON"], id="first-name-keeps-person"),
        pytest.param(["Votes", "in", "Tomas", "Berg", "'s", "ward", "."], ["B-PERSON", "E-PERSON"], id="possessive-keeps-person"),
    ],
)
def test_locative_names(words: list[str], person_tags: list[str]) -> None:
    assert [tag for tag in entity_tags([words])[0] if tag.endswith("PERSON")] == person_tags


def test_hometown_state_before_cue_is_no_speaker(extractor) -> None:
    quotes = extractor.extract(Article(text="Dora Vance of Millbrook, South Carolina says the mill will not reopen.\n"))
    assert [(quote.speaker, quote.speaker_mention) for quote in quotes] == [("Dora Vance", "Dora Vance of Millbrook, South Carolina")]
