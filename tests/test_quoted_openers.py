"""A direct quotation that opens with a subordinator or preposition (`“In theory, ...”`, `“If we
lose, ...”`) before an inverted cue is still what was said; an unquoted clause like that is not
(`As the phone rang, the announcer said`). An inverted speaker may say where they are from before an
apposition (`said Gov. Carl Lind of Iowa, a Republican who ...`)."""

import pytest

from quotetrack.extract import Extractor
from quotetrack.records import Article

PASSAGES = [
    pytest.param("“In theory, the levy is a fine tax,” said Tomas Berg, a former budget adviser.", "In theory, the levy", "Tomas Berg", id="preposition"),
    pytest.param("“If I were a donor, I would want answers,” said Ana Ruiz, who chairs the finance committee.", "If I were a donor", "Ana Ruiz", id="subordinator"),
    pytest.param("''On a blackboard, the levy works,'' said Tomas Berg of the Baltic Institute.", "On a blackboard", "Tomas Berg", id="two-apostrophe-marks"),
    pytest.param(
        "''Primaries reward whoever beats the forecast,'' said Gov. Carl Lind of Vermont, a Republican who has stayed neutral so far but has criticised Mr. Hale.",
        "Primaries reward whoever",
        "Carl Lind",
        id="speaker-from-somewhere-then-apposition",
    ),
    pytest.param(
        "“The docks will stay public,” said Mayor Ana Ruiz of Elk City, who used the harbour board as a consultant in her early campaigns in 1998 and 2004 and again last year. "
        "She added, “We will see where we go from here.”",
        "We will see where",
        "Ana Ruiz",
        id="speaker-from-somewhere-then-relative-clause",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_quoted_opener_is_what_was_said(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


def test_unquoted_subordinate_clause_is_no_content(extractor: Extractor) -> None:
    text = "As the phone rang in the studio, said the announcer."
    assert [quote.text for quote in extractor.extract(Article(text=text))] == []
