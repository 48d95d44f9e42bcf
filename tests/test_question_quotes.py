"""A quotation closed by `?` or `!` and followed by its attribution (`“Why now?” Hale asked.`)
is one sentence: the named speaker, not the previous one, said it. Listeners named by a group
(`told Labour voters`) are skipped like `told reporters`, and a name and a colon (`Berg: “...”`)
lead a transcript-style quote."""

import pytest

from quotetrack.records import Article

OPENING = "“The budget is balanced,” Finance Minister Olga Brandt said on Monday.\n\n"

CASES = [
    pytest.param("“Does she not understand what the treaty says?” Tomas Berg said.\n", "Does she not understand", "Tomas Berg", id="question-then-name-said"),
    pytest.param("“That is simply offensive!” Berg said of the plan.\n", "That is simply offensive", "Berg", id="exclamation-then-surname"),
    pytest.param("“Who pays for it?” asked Senator Ruth Adebayo.\n", "Who pays for it", "Ruth Adebayo", id="inverted-cue-after-question"),
    pytest.param(
        "“Who pays for it?” Senator Ruth Adebayo asked. “Not the ministry, that is certain.”\n",
        "Who pays for it",
        "Ruth Adebayo",
        id="question-attribution-then-more-quote",
    ),
    pytest.param("“You are still backing him,” Berg told Labour voters.\n", "You are still backing him", "Berg", id="group-listener"),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), CASES)
def test_question_and_exclamation_quotes(extractor, text: str, quote_start: str, speaker: str) -> None:
    quotes = [quote for quote in extractor.extract(Article(text=OPENING + text)) if quote.text.startswith(quote_start)]
    assert quotes, [quote.text for quote in extractor.extract(Article(text=OPENING + text))]
    assert quotes[0].speaker == speaker


def test_question_ending_a_sentence_still_splits(extractor) -> None:
    quotes = extractor.extract(Article(text=OPENING + "Will the plan pass? Nobody knows yet, Brandt said.\n"))
    assert [quote.text for quote in quotes if quote.speaker == "Olga Brandt"][-1].startswith("Nobody knows yet")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Tomas Berg and Olga Brandt both spoke on the budget.\n\n"
            "Berg: “The deficit is under control.” Brandt: “The deficit is a hole we keep digging.”\n",
            ["Tomas Berg", "Olga Brandt"],
            id="transcript-lines",
        ),
        pytest.param("Olga Brandt spoke on Monday.\n\nContinued Brandt: “We will not raise taxes.”\n", ["Olga Brandt"], id="verb-before-label"),
        pytest.param("Olga Brandt spoke on Monday.\n\nUpdate: “The vote is on Friday.”\n", [], id="label-is-no-person"),
    ],
)
def test_name_and_colon_labels(extractor, text: str, speakers: list[str]) -> None:
    quotes = [quote for quote in extractor.extract(Article(text=text)) if quote.cue == ":"]
    assert [quote.speaker for quote in quotes] == speakers
