"""Anonymous sources described by whom they serve are not that person (`one Okafor aide`,
`a Brandt supporter`, `Okafor's representatives`); two people joined by `and` speak together; a speaker described by a relative clause after an inverted cue (`said Sen.
Tom Hale who represents the port district`) and a short tail (`said here`) still speak."""

import pytest

from quotetrack.records import Article

OPENING = "Governor Ruth Okafor and Mayor Olga Brandt met on Monday to discuss the port.\n\n"


@pytest.mark.parametrize(
    ("text", "quote_start", "mention", "speaker"),
    [
        pytest.param("“She will not back down,” one Okafor aide said.\n", "She will not back down", "one Okafor aide", None, id="aide-of-a-named-person"),
        pytest.param("“Nothing has changed,” wrote a Brandt supporter on the city forum.\n", "Nothing has changed", "a Brandt supporter", None, id="supporter-of-a-named-person"),
        pytest.param("Okafor aides said the governor would sign the bill on Friday.\n", "the governor would sign", "Okafor aides", None, id="aides-of-a-named-person"),
        pytest.param(
            "“The port must stay public,” said Sen. Tom Hale who represents the harbour district.\n",
            "The port must stay public",
            "Sen. Tom Hale",
            "Tom Hale",
            id="relative-clause-after-inverted-speaker",
        ),
        pytest.param(
            "“The harbour deal is dead,” Tom Hale and Ana Ruiz wrote in a joint letter.\n",
            "The harbour deal is dead",
            "Tom Hale and Ana Ruiz",
            "Tom Hale and Ana Ruiz",
            id="two-people-write-together",
        ),
        pytest.param(
            "Okafor's representatives called the union on Friday, asking that it drop the strike.\n",
            "it drop the strike",
            "Okafor's representatives",
            None,
            id="plural-role-of-a-named-person",
        ),
        pytest.param(
            "“We will keep every job,” Okafor said here. “Not one will go.”\n",
            "We will keep every job",
            "Okafor",
            "Ruth Okafor",
            id="said-here",
        ),
    ],
)
def test_described_sources(extractor, text: str, quote_start: str, mention: str, speaker: str | None) -> None:
    quotes = [quote for quote in extractor.extract(Article(text=OPENING + text)) if quote.text.startswith(quote_start)]
    assert quotes and (quotes[0].speaker_mention, quotes[0].speaker) == (mention, speaker)
