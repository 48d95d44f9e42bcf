"""A cue that closes its paragraph with a colon (`Berg continued:`) introduces the quote that
opens the next paragraph: that quote is its content, and the words between the cue and the colon
(`called them on it:`, `told the rally, to loud applause:`) are not. A quote that carries an
attribution of its own (`“...,” shouted a man.`) keeps it."""

import pytest

from quotetrack.records import Article

LEAD = "Harbor Council Passes Budget\n\nThe harbor council passed its budget on Monday after a nine-hour session.\n\n"


@pytest.mark.parametrize(
    ("introduction", "quote", "speaker", "cue"),
    [
        pytest.param("Finance Minister Olga Brandt continued:", "We will not raise fuel prices this winter, whatever the deficit.", "Olga Brandt", "continued", id="continued"),
        pytest.param("Brandt told the chamber, to loud applause:", "We will not raise fuel prices this winter, whatever the deficit.", None, "told", id="listener-and-adjunct"),
        pytest.param("Opposition leader Tomas Berg called her on it:", "The minister promised the same thing last year and broke it in March.", "Tomas Berg", "called", id="object-before-colon"),
    ],
)
def test_quote_after_a_colon_paragraph(extractor, introduction: str, quote: str, speaker: str | None, cue: str) -> None:
    text = LEAD + "Finance Minister Olga Brandt defended the plan. " + introduction + "\n\n“" + quote + "”\n"
    found = [q for q in extractor.extract(Article(text=text)) if q.text.startswith(quote[:20])]
    assert found, [(q.text, q.cue) for q in extractor.extract(Article(text=text))]
    assert (found[0].text, found[0].kind, found[0].cue) == (quote, "direct", cue)
    assert found[0].speaker == (speaker or "Olga Brandt")


def test_quote_with_its_own_attribution_keeps_it(extractor) -> None:
    text = LEAD + "Protesters interrupted the mayor twice, one of them responding:\n\n“They sold the harbor to the highest bidder,” dock worker Tomas Berg shouted from the gallery.\n"
    found = [q for q in extractor.extract(Article(text=text)) if q.text.startswith("They sold")]
    assert found and found[0].cue == "shouted" and found[0].speaker == "Tomas Berg"
