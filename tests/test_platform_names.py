"""A run of capitalised words ending in a social platform's name (`Wilayat Twitter`, `Russian
Telegram`) is no person: `Twitter said` is then not resolved to it."""

from quotetrack import extract_quotes
from quotetrack.nlp.entities import find_entities


def test_platform_run_is_not_a_person() -> None:
    words = ["Militants", "call", "it", "''", "Wilayat", "Telegram", ",", "''", "a", "province", "."]
    assert (4, 5, "MISC") in find_entities(words)


def test_person_named_like_a_platform_stays() -> None:
    words = ["Malcolm", "X", "spoke", "in", "Harlem", "."]
    assert find_entities(words)[0] == (0, 1, "PERSON")


def test_company_speaks_as_itself() -> None:
    text = (
        "Supporters of the group call the site ''Wilayat Telegram,'' or ''the province of Telegram.''\n\n"
        "“We remove such channels every day,” Telegram said in a statement."
    )
    quote = next(q for q in extract_quotes(text) if q.cue == "said")
    assert quote.speaker == "Telegram"
