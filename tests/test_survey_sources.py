"""What a share of respondents said (`55 percent of voters`, `Nine in 10 residents`, `a majority of
members`) is the finding of the poll the sentence names, so the poll is the source: `according to a
Harbor Times poll`, `In a new Channel 4/Ipsos survey,`, `A Harbor poll showed that`. Without a poll
in the sentence the share itself speaks; a named speaker is never replaced."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        pytest.param(
            "Trust is low.\n\nRoughly 58 percent of residents said they have little faith in the council, according to a Harbor Times poll taken in May.\n",
            "they have little faith",
            "a Harbor Times poll",
            id="according-to-a-poll",
        ),
        pytest.param(
            "Trust is low.\n\nIn a new Channel 4/Ipsos survey released Monday, 31 percent of residents said the ferry fares were too high.\n",
            "the ferry fares",
            "a new Channel 4/Ipsos survey",
            id="in-a-survey",
        ),
        pytest.param(
            "Trust is low.\n\nA Harbor Times poll in June found that 64 percent of residents said the council had overspent on the new bridge.\n",
            "the council had overspent",
            "A Harbor Times poll",
            id="poll-showed-that",
        ),
        pytest.param(
            "Trust is low.\n\nPolls show that a clear majority of residents believe that the harbour town has lost its way.\n",
            "the harbour town has lost",
            "Polls",
            id="polls-show",
        ),
    ],
)
def test_poll_is_the_source_of_a_share(quote_starting, text: str, opening: str, mention: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.speaker_mention, quote.speaker) == (mention, None)


@pytest.mark.parametrize(
    ("text", "opening", "mention"),
    [
        pytest.param(
            "Trust is low.\n\nNine in 10 registered voters say they expect the harbor levy to pass.\n",
            "they expect",
            "Nine in 10 registered voters",
            id="no-poll-named",
        ),
        pytest.param(
            "Trust is low.\n\nMayor Ana Ruiz said the levy would pass, according to a Harbor Times poll of council members.\n",
            "the levy would pass",
            "Mayor Ana Ruiz",
            id="named-speaker-stays",
        ),
    ],
)
def test_other_speakers_stay(quote_starting, text: str, opening: str, mention: str) -> None:
    assert quote_starting(text, opening).speaker_mention == mention


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz won the primary.\n\nBy the end of the primaries, as many as 40 percent of Ruiz voters said they could not support the nominee.\n",
        "Tom Hale lost the vote.\n\nA majority of Hale supporters say they will stay home in November if the nominee is chosen by the delegates.\n",
    ],
)
def test_share_of_a_candidates_voters_is_not_the_candidate(extractor, text: str) -> None:
    from quotetrack.records import Article

    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker is None
