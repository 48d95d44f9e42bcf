"""A person's name followed by `of` and an organisation (`David Woodard of Clemson University`)
is the person, not the organisation: the tagger cuts the run at `of`."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def entities(text: str) -> list[tuple[int, int, str]]:
    return find_entities(text.split())


def test_person_then_university() -> None:
    found = entities("Political scientist Maria Hendricks of Dalton State University said turnout fell .")
    assert (2, 3, "PERSON") in found
    assert (5, 7, "ORG") in found


def test_organisations_with_of_stay_whole() -> None:
    assert entities("He works at the Bank of England now .") == [(4, 6, "ORG")]
    assert entities("The University of Ghana said so .") == [(1, 3, "ORG")]


def test_quote_before_person_of_organisation() -> None:
    text = "“Turnout in the rural counties will be low,” Peter Adeyemi of the Lagos Business School said on Tuesday."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Peter Adeyemi"
