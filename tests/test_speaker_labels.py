"""A speaker's name and a colon without quote marks: a headline (`Okafor: Port tariffs will
fall by June.`) and a broadcast transcript's turns (`HARPER: Minister, ...`). Labels that are
headings (`The Latest:`, `Update:`), about someone (`Big Win For Okafor:`), a poll, a count or
a roster are no statements."""

import pytest

from quotetrack.records import Article

HEADLINE_BODY = (
    "\n\nLAGOS (Reuters) - Trade Minister Ngozi Okafor said on Tuesday that port tariffs would fall "
    "by June, as the government tries to ease a backlog of containers at Apapa.\n\n"
    "“We cannot ask importers to pay for our delays,” Okafor told reporters in Abuja.\n"
)


def quotes_of(extractor, text: str):
    return extractor.extract(Article(text=text))


def test_headline_label_is_the_speakers_statement(extractor) -> None:
    text = "Okafor: Port tariffs will fall by June to clear the backlog." + HEADLINE_BODY
    first = quotes_of(extractor, text)[0]
    assert (first.text, first.speaker, first.cue, first.kind) == ("Port tariffs will fall by June to clear the backlog.", "Ngozi Okafor", ":", "indirect")


def test_titled_headline_label(extractor) -> None:
    text = "Minister Okafor: ‘We Cannot Ask Importers to Pay for Our Delays.’" + HEADLINE_BODY
    first = quotes_of(extractor, text)[0]
    assert first.start < 60 and first.speaker == "Ngozi Okafor"


def test_headline_label_with_addressee(extractor) -> None:
    headline = "Okafor to importers: Port tariffs will fall by June to clear the backlog."
    first = extractor.extract(Article(text=headline + HEADLINE_BODY, title=headline))[0]
    assert (first.text, first.speaker) == ("Port tariffs will fall by June to clear the backlog.", "Ngozi Okafor")


@pytest.mark.parametrize(
    "headline",
    [
        pytest.param("The Latest: Okafor promises lower port tariffs by June.", id="standing-heading"),
        pytest.param("Big Win For Okafor: Port Tariffs Fall Across the Board in June.", id="about-the-person"),
        pytest.param("Okafor Speaks Out: Tariffs Will Fall Across the Ports in June.", id="name-begins-a-phrase"),
        pytest.param("Okafor: Tariffs Down.", id="too-short"),
        pytest.param("Port Chief On Okafor: She Will Not Cut Tariffs Before June.", id="about-the-person-after-on"),
    ],
)
def test_headline_labels_that_are_no_statement(extractor, headline: str) -> None:
    quotes = quotes_of(extractor, headline + HEADLINE_BODY)
    assert all(quote.start > len(headline) for quote in quotes), [(q.text, q.speaker) for q in quotes]


TRANSCRIPT = (
    "Finance Minister Olga Brandt appeared on the Sunday programme of the public broadcaster. "
    "A partial transcript follows.\n\n"
    "ALAN HARPER: Minister, will the budget cut the fuel subsidy this year or not?\n\n"
    "BRANDT: We will phase it out over three years, and the poorest households will be compensated in cash.\n\n"
    "HARPER: Thank you, Minister.\n\n"
    "Delegates so far:\n\n"
    "Olga Brandt: 1,204.\n\n"
    "Harbour district: Ana Ruiz, Tomas Berg, Rita Okafor, Paul Weiss.\n"
)


def test_transcript_turns_are_their_speakers(extractor) -> None:
    quotes = quotes_of(extractor, TRANSCRIPT)
    turns = [(quote.text.split(",")[0], quote.speaker, quote.cue) for quote in quotes if quote.cue == ":"]
    assert turns == [("Minister", "Alan Harper", ":"), ("We will phase it out over three years", "Olga Brandt", ":")]


QUOTE_BOX = (
    "Quotes of the Week\n\n"
    "Budget talks resumed in Lagos on Monday, and Senator Ana Ruiz spoke for the opposition. "
    "Finance Minister Tomas Berg said the fees would stay.\n\n"
    "“The port belongs to the people who work in it, not to the shipping lines.”\n\n"
    "- Ruiz.\n\n"
    "“We will reopen the gates before the rains come.”\n\n"
    "—Tomas Berg, speaking to dockers on Friday.\n\n"
    "“Lower the fees on small importers before the rains.”\n\n"
    "— Lower fees on small importers.\n"
)


def test_quote_box_credit_on_the_next_line(extractor) -> None:
    # A credit line of its own after the quote names its speaker; a dashed line that names nobody does not.
    quotes = {quote.text[:20]: (quote.speaker, quote.cue) for quote in extractor.extract(Article(text=QUOTE_BOX))}
    assert quotes["The port belongs to "] == ("Ana Ruiz", "-")
    assert quotes["We will reopen the g"] == ("Tomas Berg", "—")
    assert quotes.get("Lower the fees on sm", (None, None))[1] not in ("-", "—")


def test_newsletter_item_heading_dash_then_speaker_label(extractor) -> None:
    text = (
        "Morning Briefing: Port Talks\n\n"
        "Analyst Rita Okafor has followed the strike for the Lagos Ledger since it began.\n\n"
        "THE STRIKE IS OVER, THE BACKLOG IS NOT - Rita Okafor: “It will take the port six weeks to clear the containers stuck at Apapa.”\n"
    )
    quotes = [quote for quote in extractor.extract(Article(text=text)) if quote.text.startswith("It will take")]
    assert [(quote.speaker, quote.cue) for quote in quotes] == [("Rita Okafor", ":")]


MEDIUM_LEAD = "Port Strike Ends\n\nDock workers in Lagos returned to work on Friday. Minister Ada Nwosu welcomed the deal.\n\n"


@pytest.mark.parametrize(
    "label",
    [
        pytest.param("Nwosu, in a tweet:", id="name-in-a-tweet"),
        pytest.param("Nwosu, in a late-night statement:", id="name-in-a-statement"),
        pytest.param("From Nwosu’s Facebook post:", id="from-her-post"),
        pytest.param("Aides praised the deal. From Nwosu’s Facebook post:", id="from-after-a-sentence"),
    ],
)
def test_name_and_medium_before_a_colon(extractor, label: str) -> None:
    text = MEDIUM_LEAD + label + " “We thank the dockers for their patience and the importers for their trust.”\n"
    quotes = [quote for quote in extractor.extract(Article(text=text)) if quote.text.startswith("We thank")]
    assert [(quote.speaker_mention, quote.speaker, quote.cue) for quote in quotes] == [("Nwosu", "Ada Nwosu", ":")]
