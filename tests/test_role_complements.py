"""A role's complement after an inverted cue stays in the speaker phrase (`said the head of the
agency`, `said a longtime adviser to the prime minister`), and the person a role serves is not
the speaker (`a spokeswoman for Ana Ruiz` is not Ruiz); a holder's own title is (`former
secretary of state Ana Ruiz`)."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param("“The pumps will be back on by Friday,” said the head of the water agency.\n", "the head of the water agency", None, id="head-of"),
        pytest.param(
            "“We have a great deal of work to do,” said a longtime adviser to the prime minister, who, like others "
            "interviewed, spoke on condition of anonymity.\n",
            "a longtime adviser to the prime minister",
            None,
            id="adviser-to-then-relative",
        ),
        pytest.param(
            "Prime Minister Kofi Mensah visited Kumasi on Monday.\n\n“He has not read the report,” said a senior aide to "
            "Kofi Mensah.\n",
            "a senior aide to Kofi Mensah",
            None,
            id="aide-to-named-person",
        ),
        pytest.param(
            "“The talks will resume,” said the ambassador to Kenya, Lars Holm.\n",
            "the ambassador to Kenya",
            "Lars Holm",
            id="role-to-place-then-name",
        ),
        pytest.param("“The talks will resume,” said a spokesman to reporters.\n", "a spokesman", None, id="listener-is-no-complement"),
    ],
)
def test_inverted_role_complements(extractor, text: str, mention: str, speaker: str | None) -> None:
    quotes = extractor.extract(Article(text=text))
    assert [(quote.speaker_mention, quote.speaker) for quote in quotes] == [(mention, speaker)]


def test_person_a_role_serves_is_not_the_speaker(extractor) -> None:
    text = "Ana Ruiz toured the plant on Tuesday.\n\nA spokeswoman for Ana Ruiz said the senator would vote against the bill.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.speaker) == ("A spokeswoman for Ana Ruiz", None)


def test_holders_own_title_still_names_them(extractor) -> None:
    text = "Former secretary of state Ana Ruiz said the treaty would hold.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == "Ana Ruiz"


def test_infinitive_after_asked_is_no_complement(extractor) -> None:
    text = "Texas, leading a coalition of 13 states, asked a federal judge to block the new overtime rules.\n"
    quotes = extractor.extract(Article(text=text))
    assert all("to block" not in (quote.speaker_mention or "") for quote in quotes)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "“Anyone who ignores the law puts families at risk,” said Okafor constituent Bayo Adeleke when asked about the bill.\n",
            "Bayo Adeleke",
            id="constituent-before-name",
        ),
        pytest.param(
            "The row went on.\n\n“Why are you still backing him?” Ruiz asked Labour politicians. “What does that say about you?”\n",
            "Ruiz",
            id="asked-politicians",
        ),
    ],
)
def test_people_nouns_in_speaker_and_listener_phrases(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker, quote.kind) == (speaker, "direct")
