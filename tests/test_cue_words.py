"""Speech cues beyond `said`: manner verbs and particle cues (`went on`, `shot back`) keep their own speaker."""

from __future__ import annotations

import pytest

from quotetrack import extract_quotes

OPENING = "Mayor Ana Ruiz opened the session. “The bridge will be rebuilt by spring,” she said. "


@pytest.mark.parametrize(
    ("follow_up", "cue"),
    [
        ("“Not one cent has been wasted,” Councillor Tomas Berg shot back.", "shot back"),
        ("“Those figures are invented,” Councillor Tomas Berg fired back.", "fired back"),
        ("“And the ferry too,” Councillor Tomas Berg chimed in.", "chimed in"),
        ("“You will see the trucks next week,” Tomas Berg assured reporters.", "assured"),
        ("“We made mistakes,” Tomas Berg confessed.", "confessed"),
        ("“Sit down,” Tomas Berg barked.", "barked"),
        ("“This is a disgrace,” Tomas Berg fumed.", "fumed"),
        ("“Maybe the river decides,” Tomas Berg mused.", "mused"),
        ("“We were late,” Tomas Berg conceded.", "conceded"),
        ("“Better late than never,” Tomas Berg quipped.", "quipped"),
        ("“It worked in 1998,” Tomas Berg recalled.", "recalled"),
        ("“The tender is public,” Tomas Berg pointed out.", "pointed out"),
    ],
)
def test_cue_after_quote_names_its_own_speaker(follow_up: str, cue: str) -> None:
    quotes = extract_quotes(OPENING + follow_up)
    last = quotes[-1]
    assert last.speaker == "Tomas Berg"
    assert last.cue == cue


def test_went_on_continues_the_speakers_own_quote() -> None:
    text = "“Prices will fall,” the minister, Lena Okoro, said. “But not before winter,” Okoro went on."
    quotes = extract_quotes(text)
    assert [(quote.speaker, quote.cue) for quote in quotes][-1] == ("Lena Okoro", "went on")


@pytest.mark.parametrize(
    "text",
    [
        "The governor went on the offensive on Monday, touring three flooded towns.",
        "The striker shot back into form with two goals against Porto.",
        "The campaign video concludes with footage of the candidate at a rally.",
        "It goes without saying that the budget vote will be close.",
        "The bank was assured of a bailout by the finance ministry.",
    ],
)
def test_verbs_that_are_not_speech_here_make_no_quote(text: str) -> None:
    assert [quote for quote in extract_quotes(text) if quote.cue] == []


@pytest.mark.parametrize("adverb", ["calmly", "evenly", "dryly"])
def test_manner_adverb_after_cue_keeps_the_cue(adverb: str) -> None:
    text = f"“Rates stay where they are,” the governor said. “That is a mistake,” Tomas Berg replied {adverb}."
    quotes = extract_quotes(text)
    assert [(quote.speaker, quote.cue) for quote in quotes][-1] == ("Tomas Berg", "replied")


@pytest.mark.parametrize(
    ("text", "cue", "speaker", "via"),
    [
        ("The state-run TASS news agency quoted Kremlin spokesman Dmitry Peskov as saying that Moscow was “open to dialogue.”",
         "quoted ... as saying", "Dmitry Peskov", "TASS"),
        ("The agency quoted Peskov as saying the talks had stalled.", "quoted ... as saying", "Peskov", None),
        ("Port director Hana Kovač was quoted by Interfax as saying the ferries would run “as long as the ice allows.”",
         "quoted by ... as saying", "Hana Kovač", "Interfax"),
        ("Trade Minister Omar Saleh was cited by KUNA as saying the contract was “signed and sealed.”",
         "cited by ... as saying", "Omar Saleh", "KUNA"),
    ],
)
def test_relay_cue_holds_the_cue_alone(text: str, cue: str, speaker: str, via: str | None) -> None:
    """The cue column says how the words were relayed; who spoke and who relayed them have their own columns."""
    (quote,) = extract_quotes(text, engine="rules")
    assert (quote.cue, quote.speaker) == (cue, speaker)
    assert via is None or quote.via_outlet == via
    assert speaker.split()[-1] not in quote.cue


def test_no_sample_cue_repeats_its_speaker_or_outlet() -> None:
    from pathlib import Path

    from quotetrack import Extractor, read_articles

    extractor = Extractor("rules")
    samples = Path(__file__).resolve().parent.parent / "data" / "samples"
    cues = []
    for article in read_articles([samples]):
        for quote in extractor.extract(article):
            names = {word for value in (quote.speaker_mention, quote.via_outlet) if value for word in value.split() if word[0].isupper()}
            cues.append(quote.cue)
            assert not names & set((quote.cue or "").split()), (quote.cue, quote.speaker_mention, quote.via_outlet)
    assert "quoted ... as saying" in cues
