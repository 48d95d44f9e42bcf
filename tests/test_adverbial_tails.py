"""After a closing quote, the attribution (`“...,” Hale said`) may trail an adverbial clause:
`when asked whether ...`, `after the plant announced ...`, `as she left the meeting`. That clause
is when or why Hale spoke, not what he said: the quote before the cue is the content."""

import pytest

from quotetrack.records import Article

LEAD = "Port Strike Ends\n\nDock workers in Lagos returned to work on Friday after a nine-day strike.\n\n"


@pytest.mark.parametrize(
    ("sentence", "quote", "speaker"),
    [
        pytest.param(
            "“We will never buy from them again,” Tomas Berg said in August after the shipper announced it was moving 600 jobs abroad.",
            "We will never buy from them again,",
            "Tomas Berg",
            id="after-clause-with-its-own-cue",
        ),
        pytest.param("“You bet we would,” Berg said when asked whether the union would strike again.", "You bet we would,", "Berg", id="when-asked"),
        pytest.param(
            "“We are going back with our heads high,” union leader Ada Nwosu told cheering dockers in Apapa, Lagos on Friday morning.",
            "We are going back with our heads high,",
            "Ada Nwosu",
            id="listener-then-place",
        ),
        pytest.param(
            "“Why are you still backing the director?” Tomas Berg asked union delegates at the hall.",
            "Why are you still backing the director?",
            "Tomas Berg",
            id="asked-listener",
        ),
        pytest.param(
            "“The cranes are ours again,” union leader Ada Nwosu said in remarks to reporters at the gate.",
            "The cranes are ours again,",
            "Ada Nwosu",
            id="in-remarks-to-listener",
        ),
        pytest.param("“Nothing has been signed,” Tomas Berg said in comments.", "Nothing has been signed,", "Tomas Berg", id="in-comments"),
        pytest.param("“The gates stay shut until Monday,” according to union leader Ada Nwosu.", "The gates stay shut until Monday,", "Ada Nwosu", id="according-to-after-quote"),
        pytest.param(
            "“The port will reopen on Monday,” Ada Nwosu said, her spokesman Ben Okoro told reporters.",
            "The port will reopen on Monday,",
            "Ada Nwosu",
            id="relayed-by-a-spokesman",
        ),
        pytest.param("“We are going back,” Tomas Berg told the crowd, his voice hoarse.", "We are going back,", "Tomas Berg", id="his-voice-aside"),
        pytest.param(
            "“The port cannot wait another week,” Tomas Berg said about the talks with the shipping lines.",
            "The port cannot wait another week,",
            "Tomas Berg",
            id="about-the-talks",
        ),
        pytest.param(
            "“The port cannot wait another week,” Berg said in one of a string of messages to members of the union on Thursday night.",
            "The port cannot wait another week,",
            "Berg",
            id="long-adjunct",
        ),
        pytest.param(
            "“We are going back with our heads high,” Nwosu said introducing the new port director to the crowd.",
            "We are going back with our heads high,",
            "Nwosu",
            id="participle-clause",
        ),
        pytest.param("“We are going back with our heads high,” Nwosu said then.", "We are going back with our heads high,", "Nwosu", id="said-then"),
        pytest.param(
            "“We are going back with our heads high,” union leader Ada Nwosu told reporters as she left the meeting with the port authority.",
            "We are going back with our heads high,",
            "Ada Nwosu",
            id="as-clause-after-listener",
        ),
    ],
)
def test_adverbial_clause_after_the_cue_is_no_content(extractor, sentence: str, quote: str, speaker: str) -> None:
    quotes = extractor.extract(Article(text=LEAD + sentence + "\n"))
    assert [(q.text, q.kind, q.speaker) for q in quotes] == [(quote, "direct", speaker)]


def test_that_clause_after_the_cue_is_still_content(extractor) -> None:
    quotes = extractor.extract(Article(text=LEAD + "Union leader Ada Nwosu said after the meeting that the strike fund was empty.\n"))
    assert [(q.text, q.speaker) for q in quotes] == [("the strike fund was empty", "Ada Nwosu")]



def test_a_relative_clause_verb_is_not_the_cue(extractor) -> None:
    # `Berg, who has proposed ..., said`: the quote is what Berg said, not what he proposed.
    text = LEAD + "“The answer you want from me is yes, and it is no,” Berg, who has proposed closing the terminal over five years, said at the time.\n"
    quotes = extractor.extract(Article(text=text))
    assert [(q.cue, q.speaker) for q in quotes] == [("said", "Berg")]


def test_the_speakers_next_act_is_not_content(extractor) -> None:
    # `, and has championed ...` has no subject of its own: it goes on about Nwosu, not what she said.
    text = LEAD + "Union leader Ada Nwosu insists the union must be a party of workers, and has championed a strike fund paid by every docker.\n"
    quotes = extractor.extract(Article(text=text))
    assert [(q.text, q.speaker) for q in quotes] == [("the union must be a party of workers", "Ada Nwosu")]
