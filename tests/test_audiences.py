"""`told` an audience (`a news conference in Brussels`, `a rally of 2,000 here on Tuesday`) and
passives of cue verbs (`after Arizona was called`): no words of theirs become a quote.

The sentences are written for these tests, in the style of wire copy.
"""

from __future__ import annotations

import pytest

from quotetrack import extract_quotes


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Lin told a regular press briefing in Beijing, adding that the visit had been called off.", "the visit had been called off"),
        ("Okafor told a news conference on Monday that the port would reopen within a week.", "the port would reopen within a week"),
        ("Senator Ruth Dale told a rally in Dayton, Ohio the election would be the closest in decades.", "the election would be the closest in decades"),
        ("The governor told the forum he was “not going anywhere” until the budget passed.", "he was “not going anywhere” until the budget passed"),
    ],
)
def test_what_an_audience_was_told(text: str, said: str):
    assert [quote.text for quote in extract_quotes(text)] == [said]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("“We will find a way,” Secretary-General Mark Verhoeven told a news conference in Brussels.", "We will find a way,"),
        ("“The campaign goes on,” Governor Ann Kell told a crowd in Berea, Ohio, on Tuesday night.", "The campaign goes on,"),
        ("“We are coming back stronger,” Ann Kell told a rally of 2,000 in a school gym on Friday before the band played.", "We are coming back stronger,"),
        ("“Nothing is settled,” the minister told a plenary session of parliament on Monday.", "Nothing is settled,"),
    ],
)
def test_the_audience_is_not_a_quote(text: str, words: str):
    quotes = extract_quotes(text)
    assert [quote.text for quote in quotes] == [words]
    assert quotes[0].cue == "told"


@pytest.mark.parametrize(
    "text",
    [
        "The mood in the hall lifted once Nevada was called, hours after the polls had closed in the west.",
        "A night curfew was announced for the old town, though patrols were thin on the first weekend.",
        "The results were described as a landslide by observers who had followed the count all night.",
    ],
)
def test_passive_cue_verbs_have_no_speaker(text: str):
    assert extract_quotes(text) == []
