"""Writings and their authors: `according to an analysis by the Orland Policy Institute` is the
institute's; a passive relative (`A report released Tuesday by ...`) stays inside the speaker
phrase; a party tag in brackets does not hide the subject of `issued a statement saying`."""

import pytest

from quotetrack.records import Article

CASES = [
    pytest.param(
        "Turnout among voters under 30 fell by a third, according to an analysis by the Orland Policy Institute.\n",
        "Turnout among voters under 30",
        "Orland Policy Institute",
        id="analysis-by-an-institute",
    ),
    pytest.param(
        "A report released Tuesday by the Harlow Institute said the rate of child poverty had doubled since 2010.\n",
        "the rate of child poverty",
        "Harlow Institute",
        id="passive-relative-with-day",
    ),
    pytest.param(
        "A letter from Ana Ruiz said the hospital would close its maternity ward in June.\n",
        "the hospital would close",
        "Ana Ruiz",
        id="letter-from-a-person",
    ),
    pytest.param(
        "The port will reopen in May, according to a tally by the Baltic News Agency.\n",
        "The port will reopen",
        "Baltic News Agency",
        id="tally-by-an-agency",
    ),
    pytest.param(
        "Senator Hal Brandt (R-Wis.) issued a statement saying the Senate would not take up the nomination this year.\n",
        "the Senate would not take up",
        "Hal Brandt",
        id="party-tag-before-issued-a-statement",
    ),
    pytest.param(
        "The minister followed up by saying the talks would resume next week in Geneva.\n",
        "the talks would resume",
        None,
        id="by-with-a-gerund-is-no-agent",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), CASES)
def test_document_authors(extractor, text: str, quote_start: str, speaker: str | None) -> None:
    quotes = [quote for quote in extractor.extract(Article(text=text)) if quote.text.startswith(quote_start)]
    assert quotes, [quote.text for quote in extractor.extract(Article(text=text))]
    assert quotes[0].speaker == speaker
