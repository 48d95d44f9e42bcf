"""A relative clause set off by dashes before a cue: the name after the closing dash speaks (`Inside
the old mill - which now houses a museum - Adel Varga said`), or, when the cue follows the closing
dash, the noun before the opening one (`The mayor -- whose term ends in May -- told reporters`)."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        pytest.param(
            "The town mourned.\n\nInside the old mill - which now houses a museum - Adel Varga said he and his neighbors were collecting money.\n",
            "he and his neighbors",
            "Adel Varga",
            id="name-after-the-aside",
        ),
        pytest.param(
            "The town waited.\n\nThe mayor -- whose term ends in May -- told reporters the bridge would open next year.\n",
            "the bridge would open",
            "The mayor",
            id="noun-before-the-aside",
        ),
    ],
)
def test_dash_aside_before_the_cue(quote_starting, text: str, opening: str, mention: str) -> None:
    assert quote_starting(text, opening).speaker_mention == mention
