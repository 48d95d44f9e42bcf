"""A participle cue's speaker is the subject of its clause even past an auxiliary (`Sen. Ana Ruiz is
making a pitch to harbor voters saying ...`, `Ruiz was upfront about her distaste for Hale, the
front-runner, saying ...`), not the predicate between the auxiliary and the cue."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "The race moved north.\n\nState Sen. Ana Ruiz is making a pitch to harbor voters saying a ban on dredging is hurting the port.\n",
            "a ban on dredging",
            "Ana Ruiz",
            id="progressive-then-participle",
        ),
        pytest.param(
            "The race moved north.\n\nMayor Ana Ruiz endorsed the plan on Monday. Ruiz was upfront about her distaste for Tom Hale, the current "
            "front-runner, saying voters need to band together to stop him.\n",
            "voters need",
            "Ana Ruiz",
            id="copula-then-appositive-chain",
        ),
    ],
)
def test_participle_speaker_is_the_subject_before_the_auxiliary(quote_starting, text: str, opening: str, speaker: str) -> None:
    assert quote_starting(text, opening).speaker == speaker


def test_participle_after_a_relative_clause(quote_starting) -> None:
    text = (
        "The judge ruled on Monday.\n\nMr. Hale, who claimed last month that the arbiter was unfair to him over his family's origins, "
        "issued a statement on Tuesday saying, “No one's ancestry should bar them from the bench.”\n"
    )
    assert quote_starting(text, "No one's ancestry").speaker_mention == "Mr. Hale"


def test_passive_participle_keeps_its_own_speaker(quote_starting) -> None:
    text = (
        "The ads started.\n\nLast month, she released a web ad compiling the mayor's remarks, followed by a clip of Tom Hale "
        "saying he will support the nominee.\n"
    )
    assert quote_starting(text, "he will support").speaker == "Tom Hale"
