"""A subject with a relative clause that names somebody else (`A woman who has accused former Mayor
Tom Hale of fraud said`, `Supporters who have heard directly from the Ruiz campaign say`) is who
speaks, not the name inside the clause; a verb that is not in a relative clause still hands the cue
to what follows it (`Emails seen by the Ledger show the founder, Oskar Brandt, told`)."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        pytest.param(
            "The trial opens soon.\n\nA woman who has accused former Mayor Tom Hale of fraud said she would testify in the spring.\n",
            "she would testify",
            "A woman",
            id="who-has-accused",
        ),
        pytest.param(
            "The race is close.\n\nSupporters who have heard directly from the Ruiz campaign say their first aim is to beat the mayor.\n",
            "their first aim",
            "Supporters",
            id="who-have-heard",
        ),
    ],
)
def test_relative_clause_names_somebody_else(quote_starting, text: str, opening: str, mention: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.speaker_mention, quote.speaker) == (mention, None)


def test_verb_outside_a_relative_clause(quote_starting) -> None:
    text = "The firm closed.\n\nEmails seen by the Ledger show the founder, Oskar Brandt, told staff that the plan was dead.\n"
    assert quote_starting(text, "the plan was dead").speaker == "Oskar Brandt"
