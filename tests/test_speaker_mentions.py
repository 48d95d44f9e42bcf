"""Speaker mentions resolved to who spoke: roles and institutions named earlier, organisations as
speakers, sentences crowded with names, and speaker phrases that stop at a verb.

Every passage is written for these tests, in the style of wire copy."""

from __future__ import annotations

import pytest

from quotetrack import Article, Extractor


def speaker_of(extractor: Extractor, text: str, words: str) -> str | None:
    """The speaker of the quote holding ``words``."""
    start = text.index(words)
    for quote in extractor.extract(Article(text=text)):
        if quote.start <= start < quote.end:
            return quote.speaker
    raise AssertionError(f"no quote holds {words!r}")


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A role noun for the one person introduced before, titled or not.
        (
            (
                "Regional Transport Minister Lucia Ferraz opened the new tram line on Monday. "
                'The minister said the line would "carry forty thousand people a day."'
            ),
            "carry forty",
            "Lucia Ferraz",
        ),
        (
            (
                "Sergei Volkov answered questions about the gas deal on Tuesday. "
                'The Kremlin spokesman told Rossiya 1 that the price was "fair for both sides."'
            ),
            "fair for both",
            "Sergei Volkov",
        ),
        (
            (
                "Flooding closed the ring road overnight. Detective Sergeant Amy Holt, who leads the search, "
                'asked drivers to stay away. The detective told the Evening Post that crews were "working in shifts."'
            ),
            "working in shifts",
            "Amy Holt",
        ),
        # An institution named by its country, then `the ministry`, `the commission`.
        (
            (
                "Kenya's health ministry confirmed two more cases on Friday. "
                'The ministry said the outbreak was "under control in every county."'
            ),
            "under control",
            "Kenya's health ministry",
        ),
        (
            (
                "Ghana's Electoral Commission published the final register. "
                'The commission said the count would be "open to every party agent."'
            ),
            "open to every",
            "Ghana's Electoral Commission",
        ),
        # Organisations speaking in their own name.
        ('The Peruvian foreign ministry said the expulsions were "without any legal basis."', "without any", "Peruvian foreign ministry"),
        ('Statistics Canada said the jobless rate had "edged down for a third month."', "edged down", "Statistics Canada"),
        # A sentence crowded with names is still a sentence, not a Title Case headline.
        (
            (
                "Agriculture Minister Tomas Novak met Polish farmers in Warsaw on Monday. "
                'Novak said the quotas were "never meant to last forever."'
            ),
            "never meant",
            "Tomas Novak",
        ),
    ],
)
def test_mentions_resolve_to_who_was_named(extractor: Extractor, text: str, words: str, speaker: str) -> None:
    assert speaker_of(extractor, text, words) == speaker


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # Somebody the article never named: no guess.
        ('Ana Souza toured the port. A senior customs official said the queues were "the worst in years."', "worst in years"),
        # Two people around: `the spokesman` may be either's.
        (
            (
                "Mayor Ivan Petrov met Governor Olga Sidorova on Friday. "
                'The spokesman said the talks had been "frank and long."'
            ),
            "frank and long",
        ),
        # A role of somebody else's place: `the attorney general of ...` is not the one named before.
        (
            (
                "Dana Whitfield opened three new stores this year. "
                'The attorney general of the state said the chain had "misled its buyers."'
            ),
            "misled its buyers",
        ),
    ],
)
def test_unnamed_sources_stay_unnamed(extractor: Extractor, text: str, words: str) -> None:
    assert speaker_of(extractor, text, words) is None


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        # A participle's speaker is the clause's subject, not the object of its verb.
        ('Senator Maria Lopez issued a statement saying the vote was "a betrayal of farmers."', "a betrayal", "Maria Lopez"),
        ('The Orchard Growers Union sent a letter to members saying prices would "recover by autumn."', "recover by", "Orchard Growers Union"),
        # A finite cue after `show the founder, Name,`: the name after the verb speaks.
        (
            (
                "Emails obtained by the Daily Ledger show the firm's founder, Oskar Brandt, told staff the figures "
                'were "good enough for the auditors."'
            ),
            "good enough",
            "Oskar Brandt",
        ),
        # `Say Mexico demanded ...`: a sentence-opening `Say` is no part of the name.
        ('Say Chile demanded a recount, as the opposition urged. Chile said the count was "incomplete and rushed."', "incomplete", "Chile"),
    ],
)
def test_speaker_phrase_stops_at_a_verb(extractor: Extractor, text: str, words: str, speaker: str) -> None:
    assert speaker_of(extractor, text, words) == speaker


@pytest.mark.parametrize(
    "text",
    [
        "Okafor declined to say whether the plant would reopen.",
        "The club refused to comment on reports that its coach had resigned.",
    ],
)
def test_refusals_are_not_quotes(extractor: Extractor, text: str) -> None:
    assert extractor.extract(Article(text=text)) == []
