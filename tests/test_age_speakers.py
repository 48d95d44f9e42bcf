"""An age used as a noun (`said the 46-year-old`) names who spoke: the tokenizer keeps it one word."""

from quotetrack import extract_quotes


def test_age_is_one_word(words_of) -> None:
    assert "46-year-old" in words_of("The 46-year-old left. A 3-month-old slept.")
    assert "3-month-old" in words_of("A 3-month-old slept.")


def test_other_numbered_compounds_stay_split(words_of) -> None:
    assert words_of("a 16-point lead")[1:4] == ["16", "-", "point"]


def test_inverted_age_speaker() -> None:
    text = "“I never saw it coming,” said the 46-year-old, who drives a delivery van in Leeds."
    (quote,) = extract_quotes(text)
    assert quote.speaker_mention == "the 46-year-old"
    assert quote.cue == "said"


def test_age_speaker_before_cue() -> None:
    text = "The fisherman was rescued late on Sunday.\n\n“The waves came out of nowhere,” the 58-year-old told reporters at the harbour."
    (quote,) = extract_quotes(text)
    assert quote.speaker_mention == "the 58-year-old"


def test_age_before_name_after_opening() -> None:
    text = "At a rally in Dover, Ohio, 62-year-old Ann Lee said the plant should stay open."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ann Lee"


def test_age_speaker_is_the_person_of_that_age() -> None:
    text = (
        "Ruth Okafor, 46, was pulled from the river by a passing fisherman on Sunday.\n\n"
        "“I thought I would not make it,” the 46-year-old told reporters at the hospital."
    )
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Ruth Okafor"


def test_age_before_the_name() -> None:
    text = "Police arrested 34-year-old Tom Reyes on Friday. “I did nothing wrong,” said the 34-year-old, who lives in Leeds."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "Tom Reyes"


def test_age_nobody_was_given_stays_unresolved() -> None:
    text = "Ruth Okafor, 46, spoke first. “We waited hours,” the 52-year-old said."
    (quote,) = extract_quotes(text)
    assert quote.speaker is None
