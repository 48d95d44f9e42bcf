"""After a whole quote, `said of ...` / `recalled of ...` names what the quote was about:
however long that phrase runs, it is no reported content of its own and the quote keeps its cue."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        pytest.param(
            "“She asked me straight out what it would take to carry this district,” Marta Oyelaran, the chairwoman of "
            "the Lagos Island party branch, recalled of a meeting she had with the candidate at the federal secretariat.\n",
            "Marta Oyelaran",
            "recalled",
            id="recalled-of-long-phrase",
        ),
        pytest.param(
            "“We wanted to control the waterfront,” Pieter de Smet, the port manager, said of the old container "
            "terminal, which opened in 1968 and closed when the shipping lines moved to Zeebrugge.\n",
            "Pieter de Smet",
            "said",
            id="said-of-with-relative-clause",
        ),
    ],
)
def test_topic_after_quote_is_no_content(extractor, text: str, speaker: str, cue: str) -> None:
    quotes = extractor.extract(Article(text=text))
    assert [(quote.kind, quote.speaker, quote.cue) for quote in quotes] == [("direct", speaker, cue)]


def test_that_clause_after_of_is_still_content(extractor) -> None:
    text = "“Nothing has changed,” the minister said of the talks, adding that the two sides would meet again in March.\n"
    quotes = extractor.extract(Article(text=text))
    assert any(quote.kind == "direct" and quote.cue == "said" for quote in quotes)
