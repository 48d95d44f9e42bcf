"""Who `he`, `she` and `they` mean in a few more constructions of news copy: a speaker whose quotation
ran on over several sentences before a pronoun speaks about somebody else."""

import pytest

PASSAGES = [
    pytest.param(
        "Union organiser Tomas Berg spent the week on the picket line outside Lars Olsen's depot.\n\n"
        "“We have waited three years for this offer,” Mr. Berg said. “It is not enough. "
        "Nobody here will sign it.”\n\n"
        "Mr. Olsen, who runs the depot, has lost the drivers' trust, he added.\n",
        "Mr. Olsen, who runs the depot",
        "Tomas Berg",
        id="speaker-quoting-on-before-a-sentence-about-another",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronoun_antecedents(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
