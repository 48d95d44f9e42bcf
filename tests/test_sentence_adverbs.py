"""Conjunctive adverbs and prepositions capitalised as a sentence's first word (`Therefore`,
`Perhaps`, `Besides`, `Outside`) are no names: not a speaker, not the start of one."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def test_adverb_opening_is_no_name() -> None:
    assert find_entities(["Therefore", ",", "Gulf", "officials", "believe", "it", "."]) == [(2, 2, "MISC")]


def test_preposition_does_not_join_the_name() -> None:
    found = find_entities(["Outside", "Harlow", "Motors", ",", "workers", "waited", "."])
    assert all(first > 0 for first, _, _ in found)


def test_opening_adverb_is_not_the_speaker() -> None:
    text = "Therefore, regional diplomats believe the ceasefire will hold through the winter."
    speakers = [quote.speaker for quote in extract_quotes(text)]
    assert "Therefore" not in speakers
