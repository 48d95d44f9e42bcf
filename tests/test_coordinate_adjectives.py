"""Two adjectives of one noun parted by a comma belong to one speaker phrase (`the bespectacled,
71-year-old diplomat said`): the quote ends at its own closing mark and the age finds the person; a
comma after a prepositional phrase still ends the phrase (`to the public, an aide said`)."""

import pytest


def test_adjectives_parted_by_a_comma(quote_starting) -> None:
    text = (
        "Ban Kimura, 71, has led the agency since 2007.\n\n"
        "“From my first week, I put the oceans above everything,” the bearded, 71-year-old diplomat said in a statement.\n"
    )
    quote = quote_starting(text, "From my first week")
    assert (quote.text, quote.speaker_mention, quote.speaker) == (
        "From my first week, I put the oceans above everything,",
        "the bearded, 71-year-old diplomat",
        "Ban Kimura",
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The panel will release the transcripts to the public, an aide said on Thursday.\n", "an aide"),
        ("The panel will release the transcripts to the public, the committee's senior aide said.\n", "the committee's senior aide"),
    ],
)
def test_comma_after_a_prepositional_phrase(quote_starting, text: str, mention: str) -> None:
    assert quote_starting(text, "The panel will release").speaker_mention == mention
