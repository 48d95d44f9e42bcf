"""Who `he`, `she` and `they` mean in a few more constructions of news copy: a speaker whose quotation
ran on over several sentences before a pronoun speaks about somebody else; a person named as the
subject of a clause inside the sentence before (`The deal came when Ana Ruiz, the port director,
called`), unless a pronoun of the same gender there already goes on about somebody else."""

import pytest

PASSAGES = [
    pytest.param(
        "Union organiser Tomas Berg spent the week on the picket line outside Lars Olsen's depot.\n\n"
        "“We have waited three years for this offer,” Mr. Berg said. “It is not enough. "
        "Nobody here will sign it.”\n\n"
        "Mr. Olsen, who runs the depot, has lost the drivers' trust, he added.\n",
        "Mr. Olsen, who runs the depot",
        "Tomas Berg",
        id="speaker-quoting-on-before-a-sentence-about-another",
    ),
    pytest.param(
        "“The port will stay public,” Mayor Eva Dahl said on Monday.\n\n"
        "The breakthrough came a week later, when harbour director Ana Ruiz, who had opposed the sale, "
        "called the unions. The docks would keep their staff, she said.\n",
        "The docks would keep their staff",
        "Ana Ruiz",
        id="person-opening-a-subordinate-clause-before",
    ),
    pytest.param(
        "“We expect a long winter,” Finance Minister Lena Berg said.\n\n"
        "Cuts to the rail budget were the last thing Senator Ruth Okafor wanted to hear about. "
        "Her region depends on the night trains, she said.\n",
        "Her region depends",
        "Ruth Okafor",
        id="person-subject-of-a-relative-clause-before",
    ),
    pytest.param(
        "Carl Lind has coached the national team for nine years.\n\n"
        "When reporters asked Lind about the final, he praised striker Omar Haddad's continued form. "
        "“We have never been fitter,” he said.\n",
        "We have never been fitter",
        "Carl Lind",
        id="possessive-name-is-no-subject",
    ),
    pytest.param(
        "Carl Lind has coached the national team for nine years.\n\n"
        "As he left the pitch, he said Omar Haddad had played his best game. "
        "“We have never been fitter,” he said.\n",
        "We have never been fitter",
        "Carl Lind",
        id="name-after-a-pronoun-of-the-same-gender",
    ),
    pytest.param(
        "Huckabee and Lind kept up their paid speeches this year.\n\n"
        "Former governor Tom Huckabee has kept giving paid speeches, his aides said.\n\n"
        "“It pays the bills,” campaign chair Rita Olsen said.\n\n"
        "Back then, he told reporters the speaking fees were a large share of his household income.\n",
        "the speaking fees were a large share",
        "Tom Huckabee",
        id="surname-is-no-first-name",
    ),
    pytest.param(
        "“The server was never breached,” security chief Olaf Brandt said in May.\n\n"
        "Senator Ana Ruiz has always maintained that the system was safe. Governor Lind backed her up "
        "in a radio interview. “I see no risk to the state,” he said.\n",
        "I see no risk",
        "Lind",
        id="object-pronoun-tells-no-gender",
    ),
    pytest.param(
        "“Delegates will decide in June,” party chairman Olaf Brandt said.\n\n"
        "Contacted on Friday, state Sen. Pat Moreno said she backed no candidate so far. "
        "“I am supporting nobody yet,” she said and hung up.\n",
        "I am supporting nobody yet",
        "Pat Moreno",
        id="first-name-of-either-gender",
    ),
    pytest.param(
        "Justice Carl Lind and Justice Omar Haddad heard the appeal in December.\n\n"
        "“The law is clear,” Haddad said at the hearing.\n\n"
        "Lind's questions from the bench, though, brought the case into sharp relief. "
        "He said some applicants might be better off at a smaller college.\n",
        "some applicants might be better off",
        "Carl Lind",
        id="possessor-of-the-subject",
    ),
    pytest.param(
        "Justice Carl Lind and Justice Omar Haddad heard the appeal in December.\n\n"
        "Lind's questions from the bench are unfair to applicants, Haddad said. "
        "He said the college had met every standard.\n",
        "the college had met every standard",
        "Omar Haddad",
        id="possessor-inside-what-was-said",
    ),
    pytest.param(
        "“We will not vote for her,” said Anna Holm, a retired nurse.\n\n"
        "The other man, his cousin Tomas Berg, 40, cited the governor's fondness for Mayor Carl Lind as a danger. "
        "“He is all talk,” he said.\n",
        "He is all talk",
        "Tomas Berg",
        id="last-named-subject-before-last-named-object",
    ),
    pytest.param(
        "“Our shelters are full,” Mayor Ana Ruiz said on Monday.\n\n"
        "More than 80 residents signed up to speak. Among them was a woman who has slept outside the library all winter. "
        "“I need a door that locks,” she told the council.\n",
        "I need a door that locks",
        None,
        id="somebody-unnamed-brought-in-just-before",
    ),
    pytest.param(
        "Senator Ana Ruiz sat down with radio host Eva Holm on Tuesday.\n\n"
        "When Holm pointed out that critics call the plan “a tax on farmers,” Ruiz seized on the phrase. "
        "“Farmers will pay less than anyone,” she said.\n",
        "Farmers will pay less",
        "Ana Ruiz",
        id="speaker-in-a-fronted-clause-before-the-subject",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_pronoun_antecedents(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
