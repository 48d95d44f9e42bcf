"""After a comma, a cue that takes an object (`praised`, `criticized`, `called`, `urged`) is never
inverted: in `The head of the fund, Ana Ruiz, praised the efforts of a donor to ...` the donor is
no speaker and the subject is no content; the subject speaks and what follows is said."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The head of the largest committee backing the governor, Ana Ruiz, praised the efforts of a donor to "
            "Senator Tom Hale to fund the new clinic.\n",
            id="praised-object",
        ),
        pytest.param(
            "Several opposition leaders, including Ana Ruiz and Tom Hale, criticized the trade.\n",
            id="criticized-object",
        ),
        pytest.param(
            "His foundation, called the Lakeshore Heritage Trust, will keep the land until the loan is repaid.\n",
            id="called-participle",
        ),
    ],
)
def test_object_after_cue_is_no_inverted_speaker(extractor, text: str) -> None:
    quotes = extractor.extract(Article(text=text))
    assert all(quote.start > text.index(",") for quote in quotes)  # the subject before the cue is never content


def test_subject_speaks_with_object_cue(extractor) -> None:
    text = "Governor Ada Lind, who has campaigned for the mayor since March, blasted her rival as “a disgrace” on Wednesday.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker, quote.cue) == ("Ada Lind", "blasted")


def test_quotation_before_inverted_cue_still_counts(extractor) -> None:
    text = "“The plan is a disgrace,” said Ada Lind, the governor.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == "Ada Lind"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Marta Quist — a teacher from Tromso — says she made a last-minute decision to vote for the Greens.\n",
            "Marta Quist",
            id="pronoun-clause-after-dash",
        ),
        pytest.param(
            "Ines Pardo, who has been active in politics since the age of 25, says she identifies as an independent.\n",
            "Ines Pardo",
            id="pronoun-clause-after-relative",
        ),
    ],
)
def test_clause_after_cue_is_no_inverted_speaker(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == speaker and quote.text.startswith("she made" if "made" in text else "she identifies")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Then Harbor Chemical, only two months later, announced plans to merge with Delta Polymers.\n", id="plans-to-merge"),
        pytest.param("Lakeshore Watch, in releasing the memo, noted testimony by Gregory Halls to the committee.\n", id="testimony-by"),
    ],
)
def test_object_after_cue_is_no_speaker(extractor, text: str) -> None:
    quotes = extractor.extract(Article(text=text))
    assert all(quote.speaker not in ("Delta Polymers", "Gregory Halls") for quote in quotes)


def test_clause_subject_reports_a_possessed_remark(extractor) -> None:
    text = (
        "On television, the governor's campaign chairman, Piet Maas, dismissed criticism of Mr. Lind's comments "
        "about the strike as ''union talking points.''\n"
    )
    quotes = extractor.extract(Article(text=text))
    assert [quote.speaker for quote in quotes] == ["Piet Maas"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Senator Ana Ruiz's comments came two days after the governor won the primary in Ohio.\n", id="comments-came"),
        pytest.param("The race now moves to Western states, where the senator is counting on big wins to cut the lead.\n", id="western-states"),
        pytest.param("Most Southern states that vote next week have large rural populations and few debates.\n", id="southern-states"),
    ],
)
def test_speech_noun_as_subject_is_no_cue(extractor, text: str) -> None:
    assert extractor.extract(Article(text=text)) == []


def test_state_after_a_plural_subject_is_a_verb(extractor) -> None:
    text = "“The kingdom is one of the leading nations in fighting terror financing,” the Saudis state in the white paper.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.cue) == ("the Saudis", "state")
