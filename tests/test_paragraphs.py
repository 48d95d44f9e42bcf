"""Hard-wrapped text reads like the same text on one line (nlp/paragraphs.py), in every reader's format."""

import json
import re
import textwrap

import pytest

from quotetrack.nlp.paragraphs import paragraph_spans
from quotetrack.read import read_articles
from quotetrack.records import Article

# Written for these tests in the style of a wire story, a local paper and a broadcaster's website.
WIRE = [
    ("MOSCOW, May 14 (Wire) - The Kremlin said on Tuesday it was ready to resume talks on grain exports "
    "through the Black Sea, but only if Western governments eased restrictions on Russian banks."),
    ('"We have never closed the door to dialogue, and we are not closing it now," Kremlin spokesman Dmitry '
    'Peskov told reporters on a conference call. "But nobody should expect us to pretend that the obstacles '
    'have disappeared."'),
    "Peskov said President Vladimir Putin had been briefed on the latest proposals from Ankara.",
    ('"The president has the full picture," he said, adding that any decision would depend on guarantees '
    "for Russian exporters."),
    ("Turkish Foreign Minister Hakan Yildiz told state broadcaster TRT that his government remained in contact "
    'with both sides. "Our channels with Moscow and Kyiv are open and they are working," Yildiz said.'),
]
LOCAL = [
    "Riverside Council Backs Flood Barrier Plan",
    ("The Riverside city council voted 7-2 on Monday night to fund a flood barrier along the east bank, "
    "ending a debate that has run for almost three years."),
    ("“This is the most important thing this council will do for the next generation,” said Mayor Ana Ruiz, "
    "who cast the deciding vote in committee last month. “We cannot keep sandbagging our way through every "
    "spring.”"),
    ("Councillor Mark Ellison, who voted against the plan, said the cost estimates were unreliable and that "
    "residents of the west bank had not been consulted."),
    "“I am not against a barrier,” Ellison said. “I am against signing a blank cheque.”",
    ("The city’s chief engineer, Lena Ortiz, told the council the first section could be finished by next "
    "autumn. The engineer said the design had been reviewed by two independent firms."),
]
BROADCAST = [
    "Health officials in the capital warned on Friday that hospital waiting times would rise again this winter.",
    ("“We expect the pressure to be at least as severe as last year. We have planned for that, but planning is "
    "not the same as capacity,” Dr. Samuel Osei, the director of the regional health authority, said in an "
    "interview with the broadcaster."),
    "According to the health ministry, more than 400 additional beds will open by December.",
    ("Osei said the authority had asked the ministry for emergency funds. “We are asking for what we need, "
    "not for what we want,” he said."),
]
PASSAGES = {"wire": WIRE, "local": LOCAL, "broadcast": BROADCAST}


def wrap(paragraphs: list[str], width: int, newline: str = "\n") -> str:
    """The paragraphs hard-wrapped at ``width``, a blank line between them."""
    return (newline * 2).join(textwrap.fill(paragraph, width).replace("\n", newline) for paragraph in paragraphs)


def evidence(text: str, quotes) -> list[tuple]:
    """What must not change when the text is re-wrapped: the words (spaces aside) and the attribution."""
    rows = []
    for quote in quotes:
        parts = quote.extra.get("parts") or [(quote.start, quote.end)]
        assert quote.text == " … ".join(text[start:end] for start, end in parts)
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
        rows.append((re.sub(r"\s+", " ", quote.text), quote.kind, quote.speaker, quote.speaker_method, quote.cue))
    return rows


def one_line(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


@pytest.mark.parametrize("name", sorted(PASSAGES))
@pytest.mark.parametrize("width", [48, 64, 72, 79])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_wrapped_text_gives_the_same_quotes(extractor, name, width, newline):
    paragraphs = PASSAGES[name]
    expected = evidence(one_line(paragraphs), extractor.extract(Article(one_line(paragraphs))))
    text = wrap(paragraphs, width, newline)
    quotes = extractor.extract(Article(text))
    assert evidence(text, quotes) == expected
    assert len(expected) >= 3
    assert any("\n" in quote.text for quote in quotes)  # the quotes keep their line breaks, verbatim


def test_wrapped_json_lines_articles(extractor, tmp_path):
    feed = tmp_path / "feed.jsonl"
    lines = [{"text": wrap(paragraphs, 70), "url": f"https://example.com/{name}"} for name, paragraphs in PASSAGES.items()]
    feed.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    for article, paragraphs in zip(read_articles([feed]), PASSAGES.values()):
        expected = evidence(one_line(paragraphs), extractor.extract(Article(one_line(paragraphs))))
        assert evidence(article.text, extractor.extract(article)) == expected


@pytest.mark.parametrize("name", sorted(PASSAGES))
def test_one_newline_between_feed_paragraphs_still_separates_them(extractor, name):
    paragraphs = PASSAGES[name]
    text = "\n".join(paragraphs)
    assert [text[start:end] for start, end in paragraph_spans(text)] == paragraphs
    assert evidence(text, extractor.extract(Article(text))) == evidence(
        one_line(paragraphs), extractor.extract(Article(one_line(paragraphs)))
    )


@pytest.mark.parametrize(
    "text, paragraphs",
    [
        # A headline, a dateline and a list keep their lines, even in a wrapped text.
        (("Budget Passes After Long Night\nBy Jane Doe\n\nThe council voted to approve the budget on Tuesday\n"
         "after eleven hours of debate.\n- Item one\n- Item two"),
         ["Budget Passes After Long Night", "By Jane Doe",
          "The council voted to approve the budget on Tuesday\nafter eleven hours of debate.", "- Item one", "- Item two"]),
        # A signature ends its line; the next quote is its own paragraph.
        ("“We will be back,” ― Carla Sanchez\n“Never again,” ― Tom Reyes",
         ["“We will be back,” ― Carla Sanchez", "“Never again,” ― Tom Reyes"]),
        # A lower-case continuation is a wrap even in a feed; "Sen." at a line's end is cut from its name.
        ("He called the plan a disgrace and a\nwaste of money, said Sen.\nTed Cruz.",
         ["He called the plan a disgrace and a\nwaste of money, said Sen.\nTed Cruz."]),
        # A quote left open at a line's end runs on to the mark that closes it.
        ("“We have not seen any concrete\nDocument,” he said.", ["“We have not seen any concrete\nDocument,” he said."]),
        ("Old Mac\r\rNew line", ["Old Mac", "New line"]),
    ],
)
def test_paragraph_spans(text, paragraphs):
    assert [text[start:end] for start, end in paragraph_spans(text)] == paragraphs
