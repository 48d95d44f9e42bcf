"""Role nouns pointing back to a named person: a lower rank is no higher one (a vice president is not
`the president`), and `the former president` is one the article calls former, when it does; a described somebody whose name
follows in apposition with where they are from (`One pastor backing Ruiz, Tom Hale of Grace Chapel,
said`) is that name, and the `he` after it too."""

import pytest

PASSAGES = [
    pytest.param(
        "Sheikh Hamad bin Khalid received the Italian defence minister in Doha on Monday.\n\n"
        "According to QNA, the emir said the two countries shared “a long view of the region.”\n",
        "the two countries shared",
        "Hamad bin Khalid",
        id="an-honorific-is-no-other-job",
    ),
    pytest.param(
        "Shadow chancellor Tom Ashby toured a car plant in Derby on Monday.\n\n"
        "The chancellor has insisted there will be “no return to austerity”, despite warnings from economists.\n",
        "there will be",
        None,
        id="shadow-chancellor-is-not-the-chancellor",
    ),
    pytest.param(
        "President Ana Ruiz met the unions on Monday. Vice President Tomas Berg stayed in the capital.\n\n"
        "“The strike must end,” Berg said.\n\n"
        "The president told reporters that talks would resume on Friday.\n",
        "talks would resume",
        "Ana Ruiz",
        id="vice-president-is-not-the-president",
    ),
    pytest.param(
        "Former President Carl Lind campaigned for his party on Sunday, a day after President Ana Ruiz "
        "toured the flooded valley.\n\n"
        "“Rebuilding will take years,” Ruiz said.\n\n"
        "“This party built those dams,” the former president said.\n",
        "This party built those dams",
        "Carl Lind",
        id="the-former-president",
    ),
    pytest.param(
        "Deputy Director Olaf Brandt ran the agency while Director Eva Holm was abroad.\n\n"
        "“No data were lost,” Brandt said.\n\n"
        "The director said the breach had been contained.\n",
        "the breach had been contained",
        "Eva Holm",
        id="deputy-director-is-not-the-director",
    ),
    pytest.param(
        "Senator Ana Ruiz has courted rural churches for months.\n\n"
        "One pastor backing Ms. Ruiz, Tomasz Hale of Grace Chapel in Elk City, said he had called 200 "
        "other pastors. He has announced the caucus from the pulpit since March, he said.\n",
        "he had called 200",
        "Tomasz Hale",
        id="apposed-name-with-its-place",
    ),
    pytest.param(
        "Senator Ana Ruiz has courted rural churches for months.\n\n"
        "One pastor backing Ms. Ruiz, Tomasz Hale of Grace Chapel in Elk City, said he had called 200 "
        "other pastors. He has announced the caucus from the pulpit since March, he said.\n",
        "He has announced the caucus",
        "Tomasz Hale",
        id="he-after-an-apposed-name-with-its-place",
    ),
    pytest.param(
        "Senator Ana Ruiz toured the flooded valley on Monday.\n\n"
        "“She will win the county easily,” said the senior Ruiz adviser.\n",
        "She will win the county",
        None,
        id="role-serving-a-named-person-is-not-that-person",
    ),
    pytest.param(
        "Senator Ana Ruiz toured the flooded valley on Monday. Ruiz adviser Tomas Berg stayed in the capital.\n\n"
        "“She will win the county easily,” said the senior Ruiz adviser.\n",
        "She will win the county",
        "Tomas Berg",
        id="role-serving-a-named-person-named-before",
    ),
    pytest.param(
        "Shares in the shipyard fell on Monday.\n\n"
        "But that is not enough, said Tomas Berg, a senior analyst at Nordbank, who notes that the yard has "
        "promised to cut costs by a fifth.\n",
        "the yard has promised",
        "Tomas Berg",
        id="description-apposed-to-a-name-before-it",
    ),
    pytest.param(
        "Mayor Ana Ruiz sat down with hosts Carl Lind and Eva Holm on Monday.\n\n"
        "In an interview with hosts Carl Lind and Eva Holm, a senior official said that the harbour would reopen.\n",
        "the harbour would reopen",
        None,
        id="subject-after-a-fronted-adjunct-ending-in-a-name",
    ),
    pytest.param(
        "Mayor Ana Ruiz sat down with hosts Carl Lind and Eva Holm on Monday.\n\n"
        "In an interview with hosts Carl Lind and Eva Holm, the mayor said that the harbour would reopen.\n",
        "the harbour would reopen",
        "Ana Ruiz",
        id="no-role-learned-from-a-subject-after-an-adjunct",
    ),
    pytest.param(
        "“We will not forget the miners,” Senator Eva Holm said on Monday.\n\n"
        "Senator Ana Ruiz toured the pension office on Tuesday. "
        "In a radio interview, the host asked about the pension fund, but the senator insisted "
        "she had not discussed it with the union.\n",
        "she had not discussed it",
        "Ana Ruiz",
        id="the-role-is-the-holder-just-talked-about",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_role_antecedent(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
