"""A place of several words and one more capitalised word before a lowercase noun (`a fellow New
Hampshire Sanders veteran`, `the New York Knicks game`) is a place and a modifier, not a person
called `New Hampshire Sanders` who would take over every `Sanders` in the article."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def test_place_and_surname_before_a_noun() -> None:
    words = ["Ana", "Ruiz", ",", "a", "fellow", "New", "Mexico", "Okafor", "volunteer", ",", "knocked", "on", "doors", "."]
    found = find_entities(words)
    assert (5, 6, "GPE") in found
    assert not any(label == "PERSON" and first == 5 for first, _, label in found)


def test_outlet_with_a_place_stays_whole() -> None:
    assert find_entities(["A", "New", "York", "Times", "reporter", "wrote", "it", "."]) == [(1, 3, "ORG")]


def test_surname_keeps_the_full_name() -> None:
    text = (
        "Sen. Grace Okafor spoke in Albuquerque on Saturday. Ana Ruiz, a fellow New Mexico Okafor volunteer, "
        "knocked on doors all morning.\n\n“We can win this,” Okafor said."
    )
    quote = extract_quotes(text)[-1]
    assert quote.speaker == "Grace Okafor"
