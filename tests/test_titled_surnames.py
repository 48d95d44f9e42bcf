"""A surname the article only gives after a title (`President Okonjo`) is a person when it later
stands alone for its bearer (`Okonjo said`, `a defensive Okonjo told`), but not when it modifies
a noun (`the Okonjo administration`, `former Okonjo adviser Ruth Adeyemi`) or owns one."""

from quotetrack import extract_quotes
from quotetrack.nlp.ner import entity_tags


def tags(*sentences: str) -> list[list[str]]:
    return entity_tags([sentence.split() for sentence in sentences])


def test_surname_alone_is_a_person() -> None:
    found = tags("President Okonjo flew to Abuja .", "A defensive Okonjo said the plan would work .")
    assert found[1][2] == "S-PERSON"


def test_attributive_surname_is_not() -> None:
    found = tags("President Okonjo flew to Abuja .", "The Okonjo administration denied it .", "Former Okonjo adviser Ruth Adeyemi spoke .")
    assert found[1][1] != "S-PERSON"
    assert found[2][1] != "S-PERSON"
    assert found[2][3:5] == ["B-PERSON", "E-PERSON"]


def test_pronoun_after_the_surname() -> None:
    text = (
        "President Okonjo met reporters in Abuja on Monday.\n\n"
        "Nobody asked about the fuel subsidy, so Okonjo, needing a change of subject, raised it himself. "
        "He called the shortages “unacceptable.”"
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Okonjo"


def test_adviser_of_the_titled_person_speaks() -> None:
    text = "President Okonjo spoke on Tuesday. “He is wrong,” former Okonjo adviser Ruth Adeyemi said."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ruth Adeyemi"
