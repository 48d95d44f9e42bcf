"""A cue form that is also a noun is a noun before a role or a possessive (`Minnesota state delegate
Mary Ross`, `the Massachusetts state's party convention`, `Trump's Virginia state director`), so the
speech verb later in the sentence frames the quote; it is still a verb before `that` (`Ohio states that`)."""

import pytest


@pytest.mark.parametrize(
    ("text", "opening", "cue", "speaker"),
    [
        pytest.param(
            "The convention closed.\n\nOregon state delegate Mary Ross, wearing a green sash covered in buttons, said the convention could "
            "fail if the party cannot unite.\n",
            "the convention could",
            "said",
            "Mary Ross",
            id="state-before-role",
        ),
        pytest.param(
            "The convention closed.\n\nOn Saturday at the Vermont state's party convention, Sen. Ann Lee said the governor was a “proven failure” for the towns.\n",
            "the governor was",
            "said",
            "Ann Lee",
            id="state-before-possessive",
        ),
    ],
)
def test_noun_use_is_no_cue(quote_starting, text: str, opening: str, cue: str, speaker: str) -> None:
    quote = quote_starting(text, opening)
    assert (quote.cue, quote.speaker) == (cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "The convention closed.\n\nOregon state delegate Mary Ross, wearing a green sash covered in buttons that bore the face of "
            "her candidate, said the gathering might end in “failure” unless the party closes ranks.\n",
            id="state-before-role",
        ),
        "The convention closed.\n\nSaturday at the Vermont Democratic state's party convention Sen. Ann Lee said the governor was a “proven failure” for the towns.\n",
    ],
)
def test_no_quote_is_framed_by_the_noun(extractor, text: str) -> None:
    from quotetrack.records import Article

    assert [quote.cue for quote in extractor.extract(Article(text=text))] == ["said"]


def test_participle_form_inside_a_noun_phrase(quote_starting) -> None:
    text = "The rally drew a crowd.\n\nSexton, a creative writing professor, said he keeps the mill town where he grew up “close to my heart, always.”\n"
    quote = quote_starting(text, "he keeps")
    assert (quote.cue, quote.speaker) == ("said", "Sexton")


def test_participle_with_a_listener_is_still_a_cue(quote_starting) -> None:
    text = "The mayor spoke late.\n\nMayor Ana Ruiz left early, telling reporters the levy would pass next week.\n"
    quote = quote_starting(text, "the levy would pass")
    assert (quote.cue, quote.speaker) == ("telling", "Ana Ruiz")


def test_think_tank_is_a_noun(extractor) -> None:
    from quotetrack.records import Article

    text = "Centrists Wary\n\nTom Hale, a founder of the centrist think tank Middle Ground, said Mrs. Ruiz had kept clear of the party's left wing so far. ''They need to be careful,'' he said.\n"
    assert [(quote.cue, quote.speaker) for quote in extractor.extract(Article(text=text))] == [("said", "Tom Hale"), ("said", "Tom Hale")]


def test_passive_likened_to_is_no_speech(extractor) -> None:
    from quotetrack.records import Article

    text = (
        "The ad drew fire.\n\nWhile discussing a tweet showing the mayor, money and a red star likened to a party emblem, council member "
        "Ann Lee said “such images have no place in a campaign.”\n\nTom Hale likened the plan to “a tax on the poor.”\n"
    )
    quotes = extractor.extract(Article(text=text))
    assert [(quote.cue, quote.speaker) for quote in quotes] == [("said", "Ann Lee"), ("likened", "Tom Hale")]
