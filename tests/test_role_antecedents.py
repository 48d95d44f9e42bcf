"""Role nouns pointing back to a named person: a lower rank is no higher one (a vice president is not
`the president`), and `the former president` is one the article calls former, when it does."""

import pytest

PASSAGES = [
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
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_role_antecedent(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
