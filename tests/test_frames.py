"""Frame finders alone: cue, speaker and content ranges from one rule-tokenized sentence."""

from __future__ import annotations

import pytest

from quotetrack.extract.assemble import ArticleExtraction
from quotetrack.extract.frames import Frame, cue_frame, pattern_frames
from quotetrack.extract.marks import SpanIndex
from quotetrack.extract.sentences import rule_analysis
from quotetrack.records import Article
from quotetrack.resolve.outlets import Outlets
from quotetrack.resolve.speakers import SpeakerResolver


def summary(text: str, frame: Frame) -> tuple:
    cue = frame.words((frame.cue_first, frame.cue_last))
    via = text[slice(*frame.via_hint)] if frame.via_hint else None
    return cue, frame.words(frame.speaker), frame.placement, text[slice(*frame.content)], via


FRAMES = [
    (
        "“The repairs will take a year,” said Lena Ortiz, the water commissioner.",
        ("said", "Lena Ortiz", "before", "The repairs will take a year,", "said Lena Ortiz, the water commissioner."),
    ),
    (
        "“The repairs will take a year,” the commissioner said on Tuesday.",
        ("said", "the commissioner", "before", "The repairs will take a year,", "the commissioner said on Tuesday."),
    ),
    (
        "The commissioner said on Tuesday that the repairs would take a year.",
        ("said", "The commissioner", "after", "the repairs would take a year", "said on Tuesday"),
    ),
    (
        "The commissioner told reporters, “The repairs will take a year.”",
        ("told", "The commissioner", "after", "“The repairs will take a year.”", "told reporters"),
    ),
    (
        "According to the utility, the repairs will take a year.",
        ("According to", "the utility", "after", "the repairs will take a year", "According to the utility"),
    ),
    (
        "The repairs will take a year, according to the utility.",
        ("according to", "the utility", "before", "The repairs will take a year", "according to the utility"),
    ),
    (
        "The newspaper quoted Lena Ortiz as saying the repairs would take a year.",
        ("quoted Lena Ortiz as saying", "Lena Ortiz", "after", "the repairs would take a year", "The newspaper"),
    ),
    (
        "The utility was quoted by the Daily Ledger as saying that the repairs would take a year.",
        ("quoted by the Daily Ledger as saying", "The utility", "after", "the repairs would take a year", "by the Daily Ledger"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRAMES)
def test_pattern_frames(sentence_of, text, expected):
    frames, _ = pattern_frames(sentence_of(text), SpanIndex(text))
    assert [summary(text, frame) for frame in frames] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The insurance claims rose sharply in March.",  # `claims` is a noun here
        "He was told that the bridge would close.",  # the subject is the listener
        "The mayor did not say whether the bridge would close.",
        "Officials called the office twice.",  # a weak cue without that, a colon or a quote
    ],
)
def test_no_frame(sentence_of, text):
    frames, _ = pattern_frames(sentence_of(text), SpanIndex(text))
    assert frames == []


def test_appositives_are_returned_not_resolved(sentence_of, monkeypatch):
    """A frame finder touches no resolver: the appositives it met come back with the frames."""

    def refuse(*args):
        raise AssertionError("frame finders must not call the resolver")

    monkeypatch.setattr(SpeakerResolver, "note_appositive", refuse)
    text = "Lena Ortiz, the water commissioner, said the repairs would take a year."
    sentence = sentence_of(text)
    frames, appositives = pattern_frames(sentence, SpanIndex(text))
    assert [frame.words(frame.speaker) for frame in frames] == ["Lena Ortiz"]
    assert [(frame.words(a.head), frame.words(a.description)) for a in appositives for frame in frames] == [
        ("Lena Ortiz", "the water commissioner")
    ]
    assert pattern_frames(sentence, SpanIndex(text)) == (frames, appositives)  # nothing remembered between calls


def test_appositive_of_a_rejected_frame_is_still_returned(sentence_of):
    """`, said X, the Y` with no content before it: no frame, but the appositive still teaches a role."""
    text = "Later, said Lena Ortiz, the water commissioner."
    sentence = sentence_of(text)
    frame, appositives = cue_frame(sentence, SpanIndex(text), 2)
    assert frame is None
    assert [(a.head, a.description) for a in appositives] == [((3, 4), (6, 8))]


def test_previous_speaker_speaks_a_participle_cue(sentence_of):
    text = "“The repairs will take a year,” she said, adding that crews were ready."
    sentence = sentence_of(text)
    spans = SpanIndex(text)
    adding = [token.text for token in sentence.tokens].index("adding")
    she = [token.text for token in sentence.tokens].index("she")
    frame, _ = cue_frame(sentence, spans, adding, previous_speaker=(she, she))
    assert summary(text, frame)[:4] == ("adding", "she", "after", "crews were ready")
    # Without it, the cue closing the clause before the comma names the speaker all the same.
    frame, _ = cue_frame(sentence, spans, adding)
    assert summary(text, frame)[:4] == ("adding", "she", "after", "crews were ready")


def test_the_extraction_feeds_appositives_to_the_resolver_in_order(monkeypatch):
    text = (
        "Lena Ortiz, the water commissioner, said the repairs would take a year. "
        "“We are ready,” said Tom Reyes, the deputy mayor."
    )
    noted = []
    monkeypatch.setattr(
        SpeakerResolver, "note_appositive", lambda self, sentence, head, description: noted.append((sentence.index, head, description))
    )
    extraction = ArticleExtraction(Article(text), *rule_analysis(text), Outlets.load())
    quotes = extraction.run()
    assert [quote.speaker_mention for quote in quotes] == ["Lena Ortiz", "Tom Reyes"]
    assert noted == [(0, (0, 1), (3, 5)), (1, (7, 8), (10, 12))]
