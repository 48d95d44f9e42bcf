"""In an object relative the relative's own subject speaks: `the member roll, which the campaign says
lists 400,000 names`, `the site, which the mayor on Friday declared a monument`; a subject
relative still goes back to the noun before it (`A man who goes by Shorty said`)."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        pytest.param(
            "The list is valuable.\n\nThe union's member roll, which the campaign says lists 400,000 retired teachers in six provinces, is for sale.\n",
            "lists 400,000 retired",
            "the campaign",
            id="which-the-campaign-says",
        ),
        pytest.param(
            "Wages are rising.\n\nBy 2018 the wage would be higher than in France, which the Organization for Maritime Trade and Development says "
            "had the highest wage floors in 2015.\n",
            "had the highest",
            "the Organization for Maritime Trade and Development",
            id="which-an-organisation-says",
        ),
    ],
)
def test_object_relative_subject_speaks(quote_starting, text: str, opening: str, mention: str) -> None:
    assert quote_starting(text, opening).speaker_mention == mention


def test_subject_relative_keeps_the_noun(quote_starting) -> None:
    text = "The bar was full.\n\nA man who goes by Shorty said the owner had sold the building to a developer.\n"
    assert quote_starting(text, "the owner").speaker_mention == "A man"
