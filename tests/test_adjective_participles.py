"""An -ed form between a number or a proper adjective and the subject's last noun is an adjective
(`Sixty-one percent of Republican registered voters say`, `Eight in 10 registered voters say`), so
the whole subject speaks, not its last word; after a subject it stays a verb (`The mayor issued a
statement saying`)."""

import pytest


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "A new poll is out.\n\nSixty percent of Conservative registered members say they back the leader's plan for the port.\n",
            "Sixty percent of Conservative registered members",
            id="proper-adjective-before",
        ),
        pytest.param(
            "A new poll is out.\n\nNine in 10 registered voters say they expect the harbor levy to pass.\n",
            "Nine in 10 registered voters",
            id="number-before",
        ),
    ],
)
def test_registered_voters_is_one_subject(quote_starting, text: str, mention: str) -> None:
    quote = quote_starting(text, "")
    assert (quote.speaker_mention, quote.speaker) == (mention, None)


def test_verb_after_subject_stays_a_verb(quote_starting) -> None:
    quote = quote_starting("The port was closed.\n\nThe mayor issued a statement saying the harbor would reopen on Friday.\n", "the harbor")
    assert quote.speaker_mention == "The mayor"
