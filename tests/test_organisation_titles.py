"""An organisation, a title with its `of` complement, then a name (`RNC Chief of Staff Katie
Walsh`), and an organisation, a party member, then a name (`House Republican Thomas Massie`):
the person is the name alone."""

from quotetrack import extract_quotes


def test_title_of_complement_before_name() -> None:
    text = "That, NATO Chief of Staff Karen Boyd explained, is by design."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Karen Boyd"


def test_long_complement_before_name() -> None:
    text = "The union will sit out the vote, UAW Director of Government Affairs Peter Hale told reporters on Monday."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Peter Hale"


def test_party_member_of_a_chamber() -> None:
    text = "Senate Democrat Maria Olsen said the bill would not pass before the recess."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Maria Olsen"
