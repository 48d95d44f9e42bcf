"""The listener after `told`: what was said starts after it, whether the listener is named
(`told Reuters`), a group (`told reporters`) or the speaker's own (`told his players`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param("Coach Dara Quinn told his players the season was “far from over.”", "the season was “far from over.”", id="his-players"),
        pytest.param("The rowing club told its members the boathouse would be “open by April.”", "the boathouse would be “open by April.”", id="its-members"),
        pytest.param("Mayor Ines Calder told her staff she would “not resign over this.”", "she would “not resign over this.”", id="her-staff-pronoun"),
        pytest.param("Dara Quinn told his players: “We go again on Saturday.”", "We go again on Saturday.", id="his-players-colon"),
        pytest.param("Mayor Ines Calder told her the budget was “dead on arrival.”", "the budget was “dead on arrival.”", id="her-is-the-listener"),
        pytest.param("Dara Quinn told his assistant coaches that the team was “not fit enough.”", "the team was “not fit enough.”", id="that-ends-listener"),
    ],
)
def test_what_was_said_starts_after_the_listener(extractor, text, content):
    [quote] = extractor.extract(Article(text=text))
    assert quote.text == content
