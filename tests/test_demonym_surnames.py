"""A demonym right after a first name is a surname (`Mark Cuban`, `Ann English`), and alone
later in the article it still means that person, not a nationality."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def test_demonym_after_first_name_ends_the_name() -> None:
    words = ["Investor", "Mark", "Cuban", "said", "he", "was", "out", "."]
    assert any(label == "PERSON" and last == 2 for _, last, label in find_entities(words))


def test_lone_demonym_surname_resolves_to_the_full_name() -> None:
    text = (
        "Dallas Mavericks owner Mark Cuban criticized the league's new rules on Monday.\n\n"
        "“It is a joke,” Cuban said. “Nobody asked the players.”"
    )
    quote = extract_quotes(text)[0]
    assert quote.speaker == "Mark Cuban"


def test_nationality_stays_a_nationality() -> None:
    text = "Mark Cuban spoke on Monday. Cuban officials said the talks in Havana would resume next week."
    speakers = [quote.speaker for quote in extract_quotes(text)]
    assert "Mark Cuban" not in speakers
