"""A quotation that is all that was said before a postposed cue: ending in punctuation as usual,
with a nested quote's mark left over (`on 'Morning Edition,''' said ...`), or opening the
sentence without a comma (`“...” Grubbs said`); a title in quote marks is no such quotation."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        pytest.param(
            "Ministers met in Ottawa on Tuesday.\n\n''I still remember the morning the story first ran on 'The "
            "National,''' said Claire Fortin, a former aide to the premier.\n",
            "Claire Fortin",
            "said",
            id="nested-mark-left-over",
        ),
        pytest.param(
            "The county fair opened on Friday.\n\n“The state fair is a contest of small loyalties” Dale Hemmings said. "
            "“Ethanol is a very strong one here.”\n",
            "Dale Hemmings",
            "said",
            id="no-comma-before-inverted-subject",
        ),
        pytest.param(
            "The paper stood by its report.\n\n\"The minister invited both of us to her office to talk about the changes\" "
            "the Courier's political editor Sunil Rao responded. \"We wrote what she told us.\"\n",
            "Sunil Rao",
            "responded",
            id="no-comma-before-long-subject",
        ),
        pytest.param(
            "The vote was delayed again.\n\n\"For months we have had to stand by while leaks piled up\" said Aiko Tanaka, "
            "a party spokeswoman. \"That has to end.\"\n",
            "Aiko Tanaka",
            "said",
            id="no-comma-before-inverted-cue",
        ),
    ],
)
def test_whole_quote_before_cue(extractor, text: str, speaker: str, cue: str) -> None:
    quotes = extractor.extract(Article(text=text))
    assert [(quote.kind, quote.speaker, quote.cue) for quote in quotes] == [("direct", speaker, cue)]


def test_quoted_title_is_no_statement(extractor) -> None:
    text = "“Orange Is the New Black” star Selena Ortiz described herself as a “real woman” in a blog post.\n"
    quotes = extractor.extract(Article(text=text))
    assert all(quote.text != "Orange Is the New Black" for quote in quotes)
