"""A straight double mark after a space closes the quote when a quote within it has just closed
(`telling us, 'Wait,' " he said`): house styles space the two marks apart, and read as an opening
mark it swallowed the attribution and the rest of the paragraph."""

from quotetrack.extract.marks import find_quote_spans


def test_spaced_mark_after_inner_quote_closes() -> None:
    text = "\"They keep telling us, 'The boat is on its way,' \" said harbor pilot Ana Ruiz. \"It never is.\"\n"
    assert [span.text for span in find_quote_spans(text)] == ["They keep telling us, 'The boat is on its way,'", "It never is."]


def test_spaced_mark_without_inner_quote_still_opens() -> None:
    text = 'The ferry, he said, was "late again" and the crew "tired."\n'
    assert [span.text for span in find_quote_spans(text)] == ["late again", "tired."]


def test_inner_quote_attribution_is_found(quote_starting) -> None:
    text = "The ferry was late again.\n\n\"We hear, 'The boat is on its way,' \" Ana Ruiz said at the dock. \"We wait anyway.\"\n"
    quote = quote_starting(text, "We hear")
    assert (quote.cue, quote.speaker) == ("said", "Ana Ruiz")
