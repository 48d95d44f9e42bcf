"""The quoted title of a show, podcast or book between two parts of a quote (`said on CNN's “State
of the Union.”`) is no part of what was said; the words after it go on with the quote.

The sentences are written for these tests, in the style of US and UK papers.
"""

from __future__ import annotations

import pytest

from quotetrack import extract_quotes


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“This deal is bad for consumers,” Senator Elaine Marsh said on CNN's “State of the Union.” “Regulators should stop it.”",
         "This deal is bad for consumers, … Regulators should stop it."),
        ("''It was a mistake,'' Mr. Hale said on NBC's ''Meet the Press.'' ''I have said so before.''",
         "It was a mistake, … I have said so before."),
        ("“We are not done,” the coach told the podcast “Locker Room Talk.” “Not even close.”",
         "We are not done, … Not even close."),
    ],
)
def test_a_title_between_parts_is_not_said(text: str, said: str):
    (quote,) = extract_quotes(text)
    assert quote.text == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("“Being a mayor is a lonely job,” Ann Kell said last spring on the podcast “City Desk Confidential.”", "Being a mayor is a lonely job,"),
        ("“Nobody saw it coming,” Kell told the BBC's “Newsnight” on Tuesday.", "Nobody saw it coming,"),
    ],
)
def test_a_title_after_the_quote_is_not_said(text: str, said: str):
    (quote,) = extract_quotes(text)
    assert quote.text == said


def test_a_contraction_is_no_outlet():
    text = "“It's a stunt,” the councillor says. It's “the oldest trick in local politics.”"
    (quote,) = extract_quotes(text)
    assert quote.text.endswith("the oldest trick in local politics.")
