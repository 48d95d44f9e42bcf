"""A capitalised noun or adverb opening a sentence before a first name and surname
(`Billionaire Mark Cuban`, `Maybe Donald Trump`) is no part of the person's name."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def test_opening_noun_is_cut_from_the_name() -> None:
    words = ["Billionaire", "Ravi", "Menon", "said", "he", "would", "invest", "."]
    assert (1, 2, "PERSON") in find_entities(words)


def test_initials_stay_in_the_name() -> None:
    words = ["J.", "Gerald", "Hebert", "said", "so", "."]
    assert find_entities(words)[0] == (0, 2, "PERSON")


def test_speaker_named_without_the_opening_noun() -> None:
    text = "Novelist Brad Kessler told a radio host he would consider running for the Senate."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Brad Kessler"
