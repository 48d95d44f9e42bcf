"""Speaker phrases alone: what stands before and after a cue in one rule-tokenized sentence."""

from __future__ import annotations

import pytest

from quotetrack.extract.listeners import skip_object
from quotetrack.extract.phrases import (
    left_speaker,
    noun_phrase_before,
    plausible_speaker,
    right_speaker,
    sentence_subject,
    words,
)
from quotetrack.extract.speaker_words import segment_before


def index_of(sentence, word: str) -> int:
    return [token.text for token in sentence.tokens].index(word)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Harbor officials said on Tuesday that the ferry would resume.", "Harbor officials"),
        ("Even the union said the offer was fair.", "the union"),  # `Even` is not part of the speaker
        ("The commissioner has repeatedly said the pipes are safe.", "The commissioner"),
        ("A farmer who sells at the market said prices were too high.", "A farmer"),
        ("Rep. Dana Whitfield (D-Ore.) said the bill would pass.", "Rep. Dana Whitfield ( D-Ore. )"),
    ],
)
def test_noun_phrase_before_the_cue(sentence_of, text, speaker):
    sentence = sentence_of(text)
    found = left_speaker(sentence, index_of(sentence, "said"))
    assert words(sentence, found.speaker) == speaker
    assert found.chain_start is None and found.appositives == []


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        ("Lena Ortiz, the city's water commissioner, said the pipes would be replaced.", "Lena Ortiz", "the city 's water commissioner"),
        # The role comes first, the name second: the name speaks.
        ("The city's water commissioner, Lena Ortiz, said the pipes would be replaced.", "Lena Ortiz", "The city 's water commissioner"),
    ],
)
def test_appositive_chain(sentence_of, text, speaker, description):
    sentence = sentence_of(text)
    found = left_speaker(sentence, index_of(sentence, "said"))
    assert words(sentence, found.speaker) == speaker
    assert found.chain_start == 0  # the whole `X, Y,` stands before the cue
    (appositive,) = found.appositives
    assert appositive.sentence is sentence
    assert (words(sentence, appositive.head), words(sentence, appositive.description)) == (speaker, description)


def test_no_speaker_after_a_subordinate_clause(sentence_of):
    sentence = sentence_of("Asked about the delay, said nothing.")
    assert left_speaker(sentence, index_of(sentence, "said")) is None


def test_noun_phrase_and_segment_differ(sentence_of):
    """`noun_phrase_before` wants a speaker; `segment_before` takes whatever follows the last comma."""
    sentence = sentence_of("On Monday, the state-run Daily Ledger quoted Lena Ortiz as saying the work was done.")
    quoted = index_of(sentence, "quoted")
    assert words(sentence, segment_before(sentence, quoted)) == "the state-run Daily Ledger"
    assert words(sentence, noun_phrase_before(sentence, quoted)) == "the state-run Daily Ledger"
    sentence = sentence_of("After the vote in the council on Monday the mayor quoted a poem.")
    quoted = index_of(sentence, "quoted")
    assert words(sentence, segment_before(sentence, quoted)) == "After the vote in the council on Monday the mayor"
    assert noun_phrase_before(sentence, quoted) is None


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("The mayor told The Associated Press the repairs would start soon.", "the"),
        ("The mayor told reporters the repairs would start soon.", "the"),
        ("The mayor told CNN's Maria Lopez the repairs would start soon.", "the"),
        ("She told her deputy Tom Reyes that repairs would start soon.", "that"),
        ("The mayor told the state-run news agency the repairs would start soon.", "the"),
        # an audience, and where it was
        ("“We will find a way,” the secretary-general told a news conference in Brussels.", "."),
        ("The spokeswoman told a regular press briefing in Beijing, adding that the visit was off.", ","),
    ],
)
def test_skip_object_passes_the_listener(sentence_of, text, stop):
    sentence = sentence_of(text)
    after = skip_object(sentence, index_of(sentence, "told") + 1)
    assert sentence.tokens[after].text == stop
    assert sentence.tokens[after - 1].text != "told"


def test_skip_object_leaves_content_alone(sentence_of):
    sentence = sentence_of("The mayor told how the night went at the shelter.")
    told = index_of(sentence, "told")
    assert skip_object(sentence, told + 1) == told + 1  # `how` is no listener, and no name follows


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        ("“The bridge is safe,” said Lena Ortiz, the water commissioner.", "Lena Ortiz", "the water commissioner"),
        ("“The bridge is safe,” said Lena Ortiz.", "Lena Ortiz", None),
        ("“The bridge is safe,” said the commissioner on Friday.", "the commissioner", None),
    ],
)
def test_right_speaker_after_an_inverted_cue(sentence_of, text, speaker, description):
    sentence = sentence_of(text)
    found, appositive = right_speaker(sentence, index_of(sentence, "said") + 1)
    assert words(sentence, found) == speaker
    assert (words(sentence, appositive.description) if appositive else None) == description


def test_right_speaker_is_not_the_content(sentence_of):
    sentence = sentence_of("The mayor said that the bridge was safe.")
    assert right_speaker(sentence, index_of(sentence, "said") + 1) is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("PORTLAND — The agency cut service, saying costs had doubled.", "The agency"),
        ("After the storm, Governor Ruiz toured the coast, saying the damage was severe.", "Governor Ruiz"),
        ("She toured the coast, saying the damage was severe.", "She"),
    ],
)
def test_sentence_subject(sentence_of, text, subject):
    sentence = sentence_of(text)
    assert words(sentence, sentence_subject(sentence, index_of(sentence, "saying"))) == subject


@pytest.mark.parametrize(
    ("phrase", "plausible"),
    [
        ("the economist", True),
        ("Lena Ortiz", True),
        ("she", True),
        ("you", False),
        ("in the morning", False),
        ("the report", True),
        ("later", False),
    ],
)
def test_plausible_speaker(sentence_of, phrase, plausible):
    assert plausible_speaker(sentence_of(phrase).tokens) is plausible
