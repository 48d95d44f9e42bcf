"""A whole quote closed before an inverted cue (`“...,” said Name`) is what was said, even when its
first word is a subordinator (`“If ...”`, `“When ...”`, `“As ...”`); without quote marks such a
clause before the cue stays no content (`As the phone rang, the announcer said`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "opening", "speaker"),
    [
        pytest.param(
            "The vote was close.\n\n“If the council raises fares again, I will not ride the tram,” declared Councillor Ines Borg, Labour member for Westfield.\n",
            "If the council raises fares again",
            "Ines Borg",
            id="if-clause-inverted",
        ),
        pytest.param(
            "Shipping resumed on Tuesday.\n\n''When the storm passed, the harbor was full of debris,'' said Tomas Varga, a pilot for the port authority.\n",
            "When the storm passed",
            "Tomas Varga",
            id="when-clause-doubled-marks",
        ),
        pytest.param(
            "The plan was published on Friday.\n\n“On paper, the new levy is a fine idea,” said Olga Brandt, an economist at the Riverside Institute.\n",
            "On paper, the new levy",
            "Olga Brandt",
            id="on-phrase-inverted",
        ),
    ],
)
def test_subordinate_quote_before_inverted_cue(quote_starting, text: str, opening: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.kind, quote.speaker) == ("direct", speaker)


def test_unquoted_subordinate_clause_is_no_content(extractor) -> None:
    text = "As the phone rang in the studio, the announcer said.\n"
    assert extractor.extract(Article(text=text)) == []
