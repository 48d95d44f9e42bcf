"""A name after a role noun heads the speaker phrase: in `said Trump adviser Stephen Miller` the
words before `adviser` say whose adviser, and Miller speaks, also when the article names Trump in
full, after an inverted cue and after `according to`; a title or a name alone is unchanged."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Mayor Ana Ortega toured the flooded district on Sunday.\n\n"
            "“Every pump in the city is running,” said Ortega spokesman Luis Prado.\n",
            "Luis Prado",
            id="surname-of-a-named-boss",
        ),
        pytest.param(
            "Helen Marsh is running for the open Senate seat.\n\n"
            "“We have refunded every donation in question,” said Marsh campaign manager Dev Kapoor.\n",
            "Dev Kapoor",
            id="campaign-manager",
        ),
        pytest.param(
            "“Turnout among young renters doubled,” said Harbor Research analyst Mei Tanaka, who led the survey.\n",
            "Mei Tanaka",
            id="organisation-read-as-a-name",
        ),
        pytest.param(
            "“We will not back down,” said Jane Roe supporter Tim Fox outside the courthouse.\n",
            "Tim Fox",
            id="supporter-of-a-full-name",
        ),
        pytest.param(
            "Governor Paul Weller spoke first.\n\n"
            "“This is a test of whether the party can unite,” tweeted Weller ally Rosa Imbert.\n",
            "Rosa Imbert",
            id="tweeted",
        ),
    ],
)
def test_inverted_speaker_is_the_name_after_the_role(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == speaker


def test_according_to_a_possessed_role_and_name(extractor) -> None:
    text = (
        "Former president Carl Dunmore endorsed the plan last year.\n\n"
        "The levy will be cut in half, according to Dunmore's former budget director Ines Falk.\n"
    )
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker, quote.cue) == ("Ines Falk", "according to")


def test_appositive_describes_the_head_name(extractor) -> None:
    # `, a former aide to the governor` describes Kapoor, so `the aide` later is Kapoor, not Marsh.
    text = (
        "Helen Marsh is running for governor.\n\n"
        "“The polls are wrong,” said Marsh campaign manager Dev Kapoor, a former aide to the governor.\n\n"
        "“We will win by ten points,” the aide said.\n"
    )
    speakers = [quote.speaker for quote in extractor.extract(Article(text=text))]
    assert speakers == ["Dev Kapoor", "Dev Kapoor"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param("“We are ready,” said Springfield Mayor Bill Cho.\n", "Bill Cho", id="place-and-title"),
        pytest.param("“The quota stays,” said Fisheries Minister Jane Roe on Monday.\n", "Jane Roe", id="portfolio-and-title"),
        pytest.param("“It was a long night,” said Ann Lee, the mayor of Springfield.\n", "Ann Lee", id="name-then-appositive"),
    ],
)
def test_titles_and_plain_names_are_unchanged(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == speaker
