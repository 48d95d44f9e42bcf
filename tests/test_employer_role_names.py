"""A name after an employer and a role is the speaker, whatever the tagger made of the employer
(`Harbor Analytics pollster Rita Okafor`); a description apposed to a name with where the person is
from (`Sen. Ana Lee of Ohio, the ranking Republican on ...`) is that person; a possessed role set off
by dashes or commas with a title's modifier before the name (`Ruiz's running mate — former Mayor Lena
Cruz —`, `Ruiz's deputy, former Mayor Lena Cruz,`) makes the name what the next `she` means."""

import pytest

PASSAGES = [
    pytest.param(
        "A survey of 600 likely voters was released on Friday.\n\n"
        "“People feel the party has stopped listening,” said Harbor Analytics pollster Rita Okafor, who ran the survey.\n",
        "People feel the party",
        "Rita Okafor",
        id="employer-role-name",
    ),
    pytest.param(
        "The budget talks stalled again on Wednesday.\n\n"
        "“We are not signing a blank cheque,” Kestrel Fund campaign manager Jon Whitby said.\n",
        "We are not signing",
        "Jon Whitby",
        id="employer-role-name-before-the-cue",
    ),
    pytest.param(
        "The minister's plan was backed on Monday by Sen. Ana Lee of Ohio, the ranking Republican on the "
        "Senate Budget Committee, who said the cuts were long overdue.\n",
        "the cuts were long overdue",
        "Ana Lee",
        id="description-after-a-name-and-its-place",
    ),
    pytest.param(
        "Governor Ana Ruiz has not endorsed Senator Tom Hale. Ruiz’s running mate — former Mayor Lena Cruz — "
        "has backed Hale anyway.\n\nAnd she says her boss is fine with it.\n",
        "her boss is fine",
        "Lena Cruz",
        id="running-mate-between-dashes",
    ),
    pytest.param(
        "Governor Ana Ruiz has not endorsed Senator Tom Hale. Ruiz’s deputy, former Mayor Lena Cruz, "
        "has backed Hale anyway.\n\nAnd she says her boss is fine with it.\n",
        "her boss is fine",
        "Lena Cruz",
        id="deputy-with-a-former-title-between-commas",
    ),
    pytest.param(
        "Anthony Marsh, president and CEO of Harbor Grocers Association stated, “This is arithmetic, "
        "not ideology.”\n",
        "This is arithmetic",
        "Anthony Marsh",
        id="bare-description-after-a-name",
    ),
    pytest.param(
        "He guarded the delegates in 1976, in what Joan Pike, national treasurer for Carl Reese's "
        "insurgent campaign, called “hand-to-hand combat.”\n",
        "hand-to-hand combat",
        "Joan Pike",
        id="bare-description-is-not-whom-the-role-serves",
    ),
    pytest.param(
        "“We have not been briefed,” Doug Varga, a spokesman for Speaker Tom Hale told the Ledger.\n",
        "We have not been briefed",
        "Doug Varga",
        id="described-spokesman-not-closed-by-a-comma",
    ),
    pytest.param(
        "After meeting Ann Lee, officials of the union said the strike would go on.\n",
        "the strike would go on",
        None,
        id="people-of-a-kind-after-an-adjunct",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_employer_role_name(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
