"""Cue verbs of manner and of written words: `“...,” the statement read`, `“...?” Berg
questioned`, `he surmised`, `she exclaimed`. They are weak cues (a quote, a colon or a
that-clause must go with them), so ordinary reading and questioning stay what they are; and a
passive cue (`was announced`, `is expected`) says nothing its subject said."""

import pytest

from quotetrack.records import Article

LEAD = "Port Strike Ends\n\nDock workers in Lagos returned to work on Friday after a nine-day strike.\n\n"


@pytest.mark.parametrize(
    ("sentence", "quote", "mention", "cue"),
    [
        pytest.param("“Both sides gave ground to reopen the port,” read the statement, which was signed by the minister.", "Both sides gave ground to reopen the port,", "the statement", "read", id="inverted-read"),
        pytest.param("“The strike is over and the gates are open,” the union’s letter to members read.", "The strike is over and the gates are open,", "the union’s letter to members", "read", id="letter-read"),
        pytest.param("One placard read: “Pay us for the lost week.”", "Pay us for the lost week.", "One placard", "read", id="read-colon"),
        pytest.param("“Who pays the importers for the lost week?” Tomas Berg questioned.", "Who pays the importers for the lost week?", "Tomas Berg", "questioned", id="questioned"),
        pytest.param("“People are afraid of losing their jobs,” Berg surmised.", "People are afraid of losing their jobs,", "Berg", "surmised", id="surmised"),
        pytest.param("“Finally, the cranes are moving,” a crane driver exclaimed upon seeing them.", "Finally, the cranes are moving,", "a crane driver", "exclaimed", id="exclaimed-upon"),
    ],
)
def test_manner_and_text_cues(extractor, sentence: str, quote: str, mention: str, cue: str) -> None:
    quotes = extractor.extract(Article(text=LEAD + sentence + "\n"))
    assert [(q.text, q.speaker_mention, q.cue) for q in quotes] == [(quote, mention, cue)]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Union leader Ada Nwosu read the agreement aloud to the crowd before the vote.", id="reading-aloud"),
        pytest.param("Analysts would read this as a retreat by the port authority, not a victory.", id="modal-read"),
        pytest.param("When questioned about the losses, the director left the room without a word.", id="passive-questioned"),
        pytest.param("The director questioned the timing of the strike and its cost to importers.", id="questioned-object"),
        pytest.param("While a curfew was announced from midnight, police did not enforce it at the port gates.", id="passive-announced"),
        pytest.param("The minister is expected to sign the agreement with the union before the rains.", id="passive-expected"),
        pytest.param("Nwosu was declared the winner of the union vote by a narrow margin on Friday.", id="passive-declared"),
    ],
)
def test_ordinary_reading_and_questioning(extractor, sentence: str) -> None:
    assert extractor.extract(Article(text=LEAD + sentence + "\n")) == []
