"""A time adjunct between the speaker and the cue says when, not who: `The Kremlin on Tuesday
reported`, `Hale earlier Thursday told`, `Senator Ana Ruiz on Monday night said`; a name that ends
in a day (`Super Tuesday`, `USA TODAY`) keeps it."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param("The Kremlin on Tuesday reported that the talks would resume in June.\n", "The Kremlin", "Kremlin", id="organisation-on-day"),
        pytest.param(
            "Party chairman Tom Hale spoke in Leeds.\n\nHale earlier Thursday told reporters that the vote would be held in May.\n",
            "Hale",
            "Tom Hale",
            id="earlier-day",
        ),
        pytest.param(
            "Senator Ana Ruiz on Monday night said the bill would pass the chamber by a wide margin.\n",
            "Senator Ana Ruiz",
            "Ana Ruiz",
            id="day-and-part-of-day",
        ),
        pytest.param("Mayor Ines Duarte this week said the fares would rise in the spring.\n", "Mayor Ines Duarte", "Ines Duarte", id="this-week"),
    ],
)
def test_time_adjunct_is_not_the_speaker(extractor, text: str, mention: str, speaker: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_day_inside_a_name_stays(sentence_of) -> None:
    from quotetrack.extract.clause_subjects import left_speaker, without_time, words

    sentence = sentence_of("Voters on Super Tuesday said the economy came first.")
    left = left_speaker(sentence, 4)
    assert left is not None
    assert words(sentence, without_time(sentence, left).speaker) == words(sentence, left.speaker)
