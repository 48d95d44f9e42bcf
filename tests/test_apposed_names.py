"""A description whose only names are in what modifies it (`One pastor supporting Mr. Cruz`, `The
director of the European Centre`) gives way to the name apposed to it: `One pastor supporting Sen.
Ruiz, Tom Hale of Marion, said` is Tom Hale speaking, not Ruiz. A role with its own name (`the
economist Ana Ruiz, a former adviser, wrote`) keeps it."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "Pastors are busy.\n\nOne deacon backing Sen. Ana Ruiz, Tom Hale of Hope Chapel in Dover, said he had knocked on 300 doors.\n",
            "he had knocked",
            "Tom Hale",
            id="participle-modifier",
        ),
        pytest.param(
            "The firm denied it.\n\nThe director of the Harbor Policy Centre, Ina Kraus, told the agency the group never worked with the mayor.\n",
            "the group never",
            "Ina Kraus",
            id="of-modifier",
        ),
        pytest.param(
            "Wages are up.\n\nThe economist Ana Ruiz, a former adviser to Gov. Tom Hale, wrote that wages may finally be rising.\n",
            "wages may",
            "Ana Ruiz",
            id="role-with-its-own-name",
        ),
    ],
)
def test_name_apposed_to_a_description(quote_starting, text: str, opening: str, speaker: str) -> None:
    assert quote_starting(text, opening).speaker == speaker
