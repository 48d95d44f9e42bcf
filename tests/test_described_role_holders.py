"""Described roles (`the GOP candidate`, `the former top aide to ...`) point back: somebody the article
names with that role only further down is someone else; with nobody holding it named before, the
person the article quoted last and the sentence before names is meant, unless the mention's own
sentence names that person after it; a rival or ally is no job that rules them out. A role written
out with `of` (`the former secretary of state`) is that role; a title before an owner
(`Judge Olsen's ruling granting X`) is not X's."""

import pytest

PASSAGES = [
    pytest.param(
        "Analysts split over the new export rules on Tuesday.\n\n"
        "One of the authors of the 2019 trade review, Marta Kovacs, said the rules would test its findings. "
        "“We warned against exactly this,” said the former top aide to Prime Minister Olav Berg. "
        "“Nobody listened.”\n\n"
        "Back in 1998, the ministry's aide Henrik Dahl had called tariffs “a tax on our own farmers.”\n",
        "We warned against",
        "Marta Kovacs",
        id="described-role-is-not-a-holder-named-later",
    ),
    pytest.param(
        "Governor Lena Morrow promised a recount on Monday.\n\n"
        "“Every ballot will be counted twice if needed,” Morrow said.\n\n"
        "The independent Ohio senator said the recount was a stunt. Senator Paul Decker, an independent "
        "from Ohio, has opposed the governor since 2019.\n",
        "the recount was a stunt",
        None,
        id="holder-named-only-after-the-mention-is-not-taken",
    ),
    pytest.param(
        "Ruth Adeyemi lost the Leeds primary by nine points on Tuesday, and her campaign conceded before midnight.\n\n"
        "“Voters wanted change, and they told us so,” Adeyemi said.\n\n"
        "The result gives her rival momentum as Adeyemi heads south. The former secretary of state said "
        "she would fight on in every district.\n",
        "she would fight on",
        "Ruth Adeyemi",
        id="role-written-out-with-of",
    ),
    pytest.param(
        "Karl Weiss has courted factory towns all month.\n\n"
        "“These jobs are coming back,” Weiss said in Dayton.\n\n"
        "Weiss also attacked Governor Ana Pike's pension plan on Thursday. “It does not make me nervous,” the "
        "wary challenger said of facing Mr. Weiss.\n",
        "It does not make me nervous",
        None,
        id="not-the-one-the-sentence-names-after-the-role",
    ),
    pytest.param(
        "The endorsement race tightened on Monday. Governor Ana Ruiz's chief rival Tom Hale was asked whether "
        "the party elite had picked a side.\n\n"
        "“I would not want to say so, but if you say it,” Hale replied.\n\n"
        "A year ago, the independent Dakota senator said, reporters called him a protest candidate.\n",
        "A year ago",
        "Tom Hale",
        id="a-rival-holds-no-job-of-their-own",
    ),
    pytest.param(
        "A federal judge granted the Open Records Project's request for a hearing.\n\n"
        "The order by U.S. District Judge Maria Olsen came after months of filings. “Judge Olsen's ruling "
        "granting Open Records Project's request is a win for the public,” the group said.\n\n"
        "“Where does this end?” the judge asked, the Ledger reported.\n",
        "Where does this end?",
        "Maria Olsen",
        id="title-before-an-owner-is-the-owners",
    ),
    pytest.param(
        "President Ana Ruiz signed the budget on Monday, and her predecessor campaigned in the north.\n\n"
        "“We fixed the roads,” Ruiz said.\n\n"
        "“Sometimes I feel nobody remembers who built them,” the former president told the crowd in Tromso.\n",
        "Sometimes I feel nobody",
        None,
        id="the-former-president-is-not-the-president",
    ),
    pytest.param(
        "Texas Gov. Carl Lind toured the border on Friday.\n\n"
        "“The fence works,” Lind said.\n\n"
        "“Voters want an outsider,” the former governor added.\n",
        "Voters want an outsider",
        "Carl Lind",
        id="a-former-governor-may-be-written-with-the-title",
    ),
    pytest.param(
        "Harbour authorities closed the port after the spill.\n\n"
        "“We have no estimate yet,” Nadia Farouk said.\n\n"
        "The minister's spokesman said cleanup crews were on their way.\n",
        "cleanup crews",
        None,
        id="possessed-role-is-not-the-last-speaker",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_described_role_holder(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
