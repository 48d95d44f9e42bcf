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
        "Hale cannot say that “from where he sits,” Mira Lewin added, saying the choice belonged “to the people of this county.”\n"
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


def test_participle_after_an_adjunct_carries_the_content(extractor) -> None:
    text = "Senator Dan Brandt wrote in a statement to the Ledger on Sunday, explaining that he had no plans to run again.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.cue, quote.speaker) == ("explaining", "Dan Brandt")
    assert quote.text.startswith("he had no plans")


def test_participle_with_a_later_that_clause_stays_an_adjunct(extractor) -> None:
    text = "The interior ministry said in a statement, citing security concerns, that the northern crossing would stay closed.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.cue == "said"


def test_two_senators_each_from_a_state_speak_together(extractor) -> None:
    text = (
        "Sens. Ruth Okafor of Ohio and Dan Brandt of Iowa, both up for reelection in farm country, "
        "also said they would welcome the governor on the campaign trail.\n"
    )
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == "Sens. Ruth Okafor of Ohio and Dan Brandt of Iowa"
    assert quote.speaker is not None and "Okafor" in quote.speaker


def test_participle_after_a_bare_cue_is_said_by_its_subject(extractor) -> None:
    text = "The former Labour party chairman continued, saying, “You need somebody who understands how to create jobs.”\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.cue, quote.speaker_mention) == ("saying", "The former Labour party chairman")


def test_participle_after_a_long_adjunct_is_not_said_by_the_quote(extractor) -> None:
    text = (
        "“We want him back in that seat by spring,” Paul Brandt said on his weekly call-in programme once the count was over, "
        "remarking that the party would hold the seat.\n"
    )
    quotes = extractor.extract(Article(text=text))
    assert [quote.speaker for quote in quotes] == ["Paul Brandt", "Paul Brandt"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The council has the final say on whether the tower is built.\n", id="final-say"),
        pytest.param("The first four states that vote hold only a sliver of the delegates.\n", id="first-four-states"),
    ],
)
def test_a_ranked_noun_is_no_cue(extractor, text: str) -> None:
    assert extractor.extract(Article(text=text)) == []


def test_relative_clause_describes_the_speakers(extractor) -> None:
    text = "But bankers who have worked with Tom Hale say he is a more cautious manager than his father.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.speaker) == ("bankers", None)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param("Four in 10 voters back the plan, and a third said that the levy was too high.\n", "a third", id="a-third-said"),
        pytest.param("The two concede that, with the council split down the middle, the targets will be hard to meet.\n", "The two", id="the-two-admit"),
    ],
)
def test_counted_speakers_still_speak(extractor, text: str, mention: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert quote.speaker_mention == mention
