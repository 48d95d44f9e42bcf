"""The opening words of an organisation's name (`Sandy Hook` in `Sandy Hook Elementary School`,
`Boca West` in `Boca West Country Club`), said alone, name that place: no person to resolve a
pronoun to."""

from quotetrack import extract_quotes


def test_place_named_by_its_school(tags_of) -> None:
    found = tags_of("A gunman entered Maple Ridge Elementary School on Friday .", "After Maple Ridge , the town changed .")
    assert found[1][1:3] == ["B-GPE", "E-GPE"]


def test_pronoun_skips_the_place() -> None:
    text = (
        "Members of the Palm Grove Country Club pay high dues. At Palm Grove, the average home costs two million dollars.\n\n"
        "Sen. Tom Reyes visited the club on Friday. “We have to adapt,” he said."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Tom Reyes"


def test_foundation_named_after_a_person_keeps_the_person(tags_of) -> None:
    found = tags_of("The Ann Lee Foundation gave money .", "Ann Lee said so .")
    assert found[1][:2] == ["B-PERSON", "E-PERSON"]
