"""An inverted speaker opened by an article takes a complement with its own article (`said a person
close to the mayor`, `said an engineer familiar with the bridge`); after a bare cue `the` still starts
a clause (`said the questioning will start`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "The council met on Monday.\n\n“This is the third delay this year,” said a person close to the mayor.\n",
            "a person close to the mayor",
            id="person-close-to",
        ),
        pytest.param(
            "The bridge stayed shut.\n\n“The cables were never inspected,” said an engineer familiar with the repairs.\n",
            "an engineer familiar with the repairs",
            id="engineer-familiar-with",
        ),
        pytest.param(
            "Talks stalled.\n\n“Nobody wants to blink first,” said one Labour member involved in the negotiations on Tuesday.\n",
            "one Labour member involved in the negotiations",
            id="complement-ends-at-its-noun",
        ),
    ],
)
def test_described_inverted_speaker(quote_starting, text: str, mention: str) -> None:
    quote = quote_starting(text, "")
    assert (quote.cue, quote.speaker_mention, quote.speaker) == ("said", mention, None)


def test_the_after_bare_cue_starts_a_clause(extractor) -> None:
    text = "The inquiry opened on Monday. The judge said the questioning will start next week.\n"
    quotes = extractor.extract(Article(text=text))
    assert [(quote.speaker_mention, quote.text) for quote in quotes] == [("The judge", "the questioning will start next week")]
