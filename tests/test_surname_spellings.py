"""A surname alone is the person the article named in full, however the later mention spells it:
a particle capitalised for opening the sentence (`Von der Leyen said`), a joined Arabic article
dropped (`Maliki` for `Nuri al-Maliki`), the straight apostrophe for the curly one (`O'Brien` for
`Dana O’Brien`), accents left off (`Lopez Arriaga` for `Inés López Arriaga`)."""

import pytest

from quotetrack.records import Article
from quotetrack.resolve.people import People


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Commission President Ursula von der Leyen met farm ministers on Monday.\n\n"
            "Von der Leyen said the subsidy rules would be rewritten by June.\n",
            "Von der Leyen",
            "Ursula von der Leyen",
            id="particle-opening-the-sentence",
        ),
        pytest.param(
            "Former prime minister Nuri al-Maliki toured Basra on Sunday.\n\n“The vote was stolen,” Maliki said.\n",
            "Maliki",
            "Nuri al-Maliki",
            id="joined-article-dropped",
        ),
        pytest.param(
            "Police Commissioner Dana O’Brien took office on Friday.\n\n“The cause is not yet known,” said O'Brien.\n",
            "O'Brien",
            "Dana O’Brien",
            id="straight-apostrophe",
        ),
        pytest.param(
            "Inés López Arriaga, the party's candidate, voted early in Puebla.\n\n"
            "“We will win the state,” Lopez Arriaga told supporters.\n",
            "Lopez Arriaga",
            "Inés López Arriaga",
            id="accents-left-off",
        ),
    ],
)
def test_surname_spelt_otherwise_gives_the_full_name(extractor, text: str, mention: str, speaker: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert (quote.speaker_mention, quote.speaker, quote.speaker_method) == (mention, speaker, "surname")


def test_people_absorb_a_differently_spelt_mention() -> None:
    people = People("")
    full = people.person_for("Nuri al-Maliki", 0)
    assert people.person_for("Maliki", 40) is full
    assert people.fullest("Al-Maliki") == "Nuri al-Maliki"


def test_different_surnames_stay_apart() -> None:
    people = People("")
    people.person_for("Ali Hassan", 0)
    people.person_for("Omar Hassani", 20)
    assert (people.fullest("Hassan"), people.fullest("Hassani")) == ("Ali Hassan", "Omar Hassani")


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Justice Martin L. Okafor Jr. wrote the majority opinion.\n\n“The statute is clear,” Justice Okafor said.\n",
            ["Martin L. Okafor Jr."],
            id="surname-before-jr",
        ),
        pytest.param(
            "“It was never about the money,” Mr. Greer said on Tuesday. Harlan Greer III founded the fund in 1998.\n",
            ["Harlan Greer III"],
            id="surname-before-the-full-name",
        ),
        pytest.param(
            "Senator Paul Rinaldi campaigned with his son, Paul Rinaldi Jr., in Erie.\n\n"
            "“We will carry the county,” Rinaldi said.\n\n“My father has never lost here,” Rinaldi Jr. said.\n\n"
            "Paul Jr. added that “the union is with us.”\n",
            ["Paul Rinaldi", "Paul Rinaldi Jr.", "Paul Rinaldi Jr."],
            id="father-and-son",
        ),
    ],
)
def test_generation_suffix(extractor, text: str, speakers: list[str]) -> None:
    assert [quote.speaker for quote in extractor.extract(Article(text=text))] == speakers
