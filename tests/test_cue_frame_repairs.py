"""Speech frames cut at the right place, second round: an appositive without its closing comma
(`Ana Ruiz, president and CEO of Harbor Freight stated`) leaves the speaker its name; a fronted
comparison (`Like Corker, Menendez rejected ..., arguing`) is no speaker of the participle; the
cue just before the participle speaks it (`“...,” Lewandowski added, saying`); `cannot say`
says nothing; `continued to` is no cue; an inquiry's `found that` reports its finding."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Marta Ilunga, president and CEO of the Kivu Traders Union stated that the new levy would push small shops out of business.\n",
            "Marta Ilunga",
            "Marta Ilunga",
            id="role-and-company-no-closing-comma",
        ),
        pytest.param(
            "KINSHASA (Reuters) - Joseph Kabeya, a spokesman for the provincial government told reporters that the curfew would stay in force.\n",
            "Joseph Kabeya",
            "Joseph Kabeya",
            id="after-dateline",
        ),
        pytest.param(
            "Grace Wanjiru, 61, a nurse at the county hospital in Nyeri said she had waited four hours for an ambulance.\n",
            "Grace Wanjiru",
            "Grace Wanjiru",
            id="age-then-description",
        ),
    ],
)
def test_open_appositive_leaves_the_name_speaking(extractor, text: str, mention: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_a_named_speaker_after_the_comma_still_speaks(extractor) -> None:
    text = "Ana Ruiz stayed home on Friday. Later, spokesman Tom Hale said the vote had been close.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == "Tom Hale"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Like Senator Okafor, Senator Brandt rejected the draft on Tuesday, arguing that it would weaken the sanctions.\n",
            "Brandt",
            id="like-comparison",
        ),
        pytest.param(
            "Unlike her rivals, Ines Duarte has refused money from corporations, saying that donors expect favours in return.\n",
            "Ines Duarte",
            id="unlike-comparison",
        ),
    ],
)
def test_fronted_comparison_does_not_speak(extractor, text: str, speaker: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert quote.speaker is not None and quote.speaker.endswith(speaker)


def test_participle_after_a_postposed_cue_is_said_by_its_speaker(extractor) -> None:
    text = (
        "Dan Hale met the prosecutors last week.\n\n"
        "Hale cannot say that “from where he sits,” Mira Lewin added, saying it should be “up to the voters to decide.”\n"
    )
    quotes = extractor.extract(Article(text=text))
    assert [quote.speaker for quote in quotes] == ["Mira Lewin", "Mira Lewin"]
    assert [quote.cue for quote in quotes] == ["added", "saying"]


def test_continued_to_is_no_cue(extractor) -> None:
    text = "Senator Ruth Okafor continued to give paid speeches, according to a Daily Ledger report at the time.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.cue == "according to"
    assert quote.speaker_mention == "a Daily Ledger report at the time"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "A Senate Finance Committee report found that the agency had misled lawmakers about the cost of the program.\n",
            "A Senate Finance Committee report",
            id="committee-report",
        ),
        pytest.param(
            "A 2019 study by the Harbor Institute finds that rents in the city rose twice as fast as wages.\n",
            "A 2019 study by the Harbor Institute",
            id="study-by-institute",
        ),
    ],
)
def test_an_inquiry_reports_what_it_found(extractor, text: str, mention: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.cue, quote.speaker_mention) == (text.split(" that ")[0].split()[-1], mention)


def test_people_finding_things_are_no_cue(extractor) -> None:
    assert extractor.extract(Article(text="Police found that the door of the flat had been forced open.\n")) == []
