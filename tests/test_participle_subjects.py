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
