"""An opening adjunct that sets the scene (`At Harbor Point, where ...,`, `Tuesday at Westbrook College,
after winning the vote,`) is no appositive of the speaker: the chain of commas before a cue stops there,
and the name after it speaks. A clause that holds the subject (`While many voters, like Lee, said`,
`after Ann Lee, the investor, complained`) and a place ending an adjunct (`during a visit to Dover,
Ohio,`) are not cut."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "mention", "speaker"),
    [
        pytest.param(
            "Golf clubs are struggling.\n\nAt Harbor Point, where it costs new members $9,000 to join, Tom Hale, the club's president, "
            "suggested that the troubles of his rivals came from poor management.\n",
            "the troubles",
            "Tom Hale",
            "Tom Hale",
            id="place-and-where-clause",
        ),
        pytest.param(
            "The count ended late.\n\nTuesday at Westbrook College in Dover, Del., after winning the state primary, Gov. Ana Ruiz (D-Del.), "
            "said, “We are going all the way to the convention.”\n",
            "We are going",
            "Gov. Ana Ruiz (D-Del.)",
            "Ana Ruiz",
            id="day-place-and-participle",
        ),
        pytest.param(
            "The count ended late.\n\nEarlier on Monday, the head of the budget committee, Leo Marsh, said the assembly would not pass the plan.\n",
            "the assembly",
            "Leo Marsh",
            "Leo Marsh",
            id="time-then-role-then-name",
        ),
    ],
)
def test_scene_adjunct_is_cut_from_the_chain(quote_starting, text: str, opening: str, mention: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "Coal towns are angry.\n\nRuiz, during a town hall meeting in Dover, Ohio, said she would close the mines within a decade.\n",
            "she would close",
            "Ruiz",
            id="place-ends-the-adjunct",
        ),
        pytest.param(
            "The rule was named after him.\n\nIt is known as the Moreau rule after Henri Moreau, the shipping magnate, complained that he paid less tax than his driver.\n",
            "he paid less tax",
            "Henri Moreau",
            id="after-clause-holds-the-subject",
        ),
    ],
)
def test_clauses_and_places_are_not_cut(quote_starting, text: str, opening: str, speaker: str) -> None:
    assert quote_starting(text, opening).speaker == speaker
