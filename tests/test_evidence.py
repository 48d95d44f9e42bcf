"""The evidence for each attribution: speaker offsets and method, confidence that follows it, quoted words only."""

import pytest

from quotetrack import extract_quotes
from quotetrack.extract.evidence import attribution_confidence, speaker_method
from quotetrack.records import SPEAKER_METHODS

# Written for these tests, in the style of a local paper.
HARBOR = (
    "Mayor Ana Ruiz said on Monday that the harbor would reopen to fishing boats in May.\n\n"
    "Ruiz said the repairs had cost far more than the city expected.\n\n"
    "The mayor said the city would ask the state for emergency funds.\n\n"
    "Workers cleared the last of the debris on Sunday. Crews also repaired a section of the seawall. "
    "She said the work was now ahead of schedule.\n\n"
    "“Every pier will be open by the summer. We owe that to the fishermen.”\n\n"
    "NATO said the exercise would go ahead."
)


def test_every_quote_says_how_its_speaker_was_found():
    quotes = extract_quotes(HARBOR)
    assert [(quote.speaker_method, quote.speaker_mention, quote.speaker) for quote in quotes] == [
        ("name", "Mayor Ana Ruiz", "Ana Ruiz"),
        ("surname", "Ruiz", "Ana Ruiz"),
        ("role", "The mayor", "Ana Ruiz"),
        ("pronoun", "She", "Ana Ruiz"),
        ("pronoun", "She", "Ana Ruiz"),  # the follow-on quote carries the evidence of the quote it follows
        ("name", "NATO", "NATO"),
    ]
    for quote in quotes:
        assert HARBOR[quote.speaker_start : quote.speaker_end] == quote.speaker_mention
        assert quote.speaker_method in SPEAKER_METHODS


def test_confidence_follows_the_evidence():
    """Named subject > surname > role > a pronoun two sentences from its antecedent > a follow-on quote (no cue)."""
    name, surname, role, pronoun, follow_on, _ = extract_quotes(HARBOR)
    assert follow_on.cue is None and pronoun.cue == "said"
    assert name.confidence > surname.confidence > role.confidence > pronoun.confidence > follow_on.confidence


def test_a_pronoun_near_its_antecedent_is_surer_than_one_further_back():
    near = attribution_confidence("pronoun", direct=False, sentences_back=1)
    far = attribution_confidence("pronoun", direct=False, sentences_back=2)
    assert attribution_confidence("role", direct=False) > near > far > attribution_confidence("none", direct=False)


@pytest.mark.parametrize(
    "mention, speaker, method",
    [
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "name"),
        ("the state-run TASS news agency", "TASS", "name"),
        ("Dmitry Peskov's", "Dmitry Peskov", "name"),
        ("the Teamsters'", "Teamsters", "name"),
        ("Peskov’s", "Dmitry Peskov", "surname"),
        ("Mr. Peskov", "Dmitry Peskov", "surname"),
        ("Kremlin spokesman Peskov", "Dmitry Peskov", "surname"),
        ("Lumora", "Lumora Home Inc.", "alias"),
        ("NATO", "North Atlantic Treaty Organization", "alias"),
        ("the Kremlin spokesman", "Dmitry Peskov", "role"),
        ("the ministry", "Foreign Ministry", "role"),
        ("The President", "Joe Biden", "role"),
        ("she", "Ana Ruiz", "pronoun"),
        ("They", None, "pronoun"),
        ("officials", None, "none"),
        (None, None, "none"),
    ],
)
def test_speaker_method(mention, speaker, method):
    assert speaker_method(mention, speaker) == method


@pytest.mark.parametrize(
    "text, words",
    [
        ("“We will rebuild,” Ruiz said. “Every street, every pier.”", "We will rebuild, … Every street, every pier."),
        ("“We will rebuild,” Ruiz said, “and we will do it this year.”", "We will rebuild, … and we will do it this year."),
        ("The harbor, Ruiz said, would reopen in May.", "The harbor … would reopen in May"),
    ],
)
def test_an_interrupted_quote_holds_only_the_quoted_words(text, words):
    (quote,) = extract_quotes(text)
    assert quote.text == words
    assert "said" not in quote.text
    parts = quote.extra["parts"]
    assert len(parts) == 2 and (parts[0][0], parts[-1][1]) == (quote.start, quote.end)  # start/end span the whole
    for start, end in parts:
        assert quote.start <= start < end <= quote.end
    assert quote.text == " … ".join(text[start:end] for start, end in parts)


def test_parts_stay_inside_the_quote_on_the_samples():
    from quotetrack.read import read_articles
    from quotetrack.resources import data_dir

    seen = 0
    for article in read_articles([data_dir() / "samples"]):
        for quote in extract_quotes(article.text):
            parts = quote.extra.get("parts") or [(quote.start, quote.end)]
            assert quote.text == " … ".join(article.text[start:end] for start, end in parts)
            assert all(quote.start <= start < end <= quote.end for start, end in parts)
            seen += len(parts) > 1
    assert seen >= 3
