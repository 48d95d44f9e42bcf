"""Clergy and council titles (`Archbishop`, `Pastor`, `Imam`, `Alderman`) are titles: not part
of the stored name, and they give the person a role."""

from quotetrack import extract_quotes


def test_alderman_is_a_title() -> None:
    text = "“People are angry,” said Leeds Alderman Peter Osei, who wants the council to act."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Peter Osei"


def test_archbishop_is_a_title() -> None:
    text = "Archbishop Tomas Varga spoke at the cathedral on Sunday. “We must welcome them,” he said."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Tomas Varga"


def test_pastor_resolves_as_a_role() -> None:
    text = "Pastor Grace Mensah leads the church in Accra. “We feed 300 families a week,” the pastor said."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Grace Mensah"
