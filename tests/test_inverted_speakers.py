"""Speakers after an inverted cue: a role with its complement (`said a spokesman for the
ministry`), listeners after `told` (`told the forum`), modifiers before a role and name (`said the mayor's chief housing adviser Ana
Ruiz`), a speech noun in the tail (`in a Friday tweet`); but never a clause (`said he
remembers ...`, `called the plan a gift to the banks`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param("“The talks will resume in June,” said a spokesman for the ministry.\n", "a spokesman for the ministry", None, id="role-with-complement"),
        pytest.param(
            "“Rents will keep rising,” said the mayor’s chief housing adviser Ana Ruiz.\n",
            "the mayor’s chief housing adviser Ana Ruiz",
            "Ana Ruiz",
            id="modifiers-before-role-and-name",
        ),
        pytest.param(
            "“There is no rebellion in the party,” said party spokesman Tomas Berg in a Friday tweet.\n",
            "party spokesman Tomas Berg",
            "Tomas Berg",
            id="speech-noun-in-tail",
        ),
    ],
)
def test_inverted_speaker_phrases(extractor, text: str, mention: str, speaker: str | None) -> None:
    quotes = extractor.extract(Article(text=text))
    assert [(quote.speaker_mention, quote.speaker) for quote in quotes] == [(mention, speaker)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Senator Ruth Adebayo, one of the bill's authors, said she remembers celebrating with the Hale family.\n",
            id="pronoun-clause-after-said",
        ),
        pytest.param(
            "Tomas Berg, speaking to the council, called the plan a gift to the banks.\n",
            id="object-and-complement-after-called",
        ),
    ],
)
def test_clauses_are_no_inverted_speakers(extractor, text: str) -> None:
    for quote in extractor.extract(Article(text=text)):
        assert quote.speaker_mention and quote.speaker_mention[0].isupper(), quote


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("“Our ships will keep sailing,” Defence Minister Kenji Arai told the forum.\n", "Kenji Arai", id="described-audience"),
        pytest.param("“We stand with you,” the governor told the victims’ families.\n", None, id="possessive-audience"),
        pytest.param(
            "“The numbers are on our side,” Tom Hale, the Rivers’ campaign manager, said in a statement.\n",
            "Tom Hale",
            id="plural-possessive-in-apposition",
        ),
    ],
)
def test_postposed_speakers_with_listeners_and_possessives(extractor, text: str, speaker: str | None) -> None:
    quotes = extractor.extract(Article(text=text))
    assert len(quotes) == 1 and quotes[0].cue in ("told", "said") and quotes[0].speaker == speaker
