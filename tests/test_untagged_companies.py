"""`the company` for a business the entity tagger never took for an organisation: the nearest one-word
name before it that the article capitalises at least twice, mostly on its own, never in lower case,
and that is nobody's name and no outlet (`Forbes magazine`)."""

import pytest

PASSAGES = [
    pytest.param(
        "For years, Quillo kept its hands off what users posted. Quillo has since changed course.\n\n"
        "Quillo acknowledged that the issue remained difficult. “There is no magic formula,” the company said.\n",
        "There is no magic formula",
        "Quillo",
        id="one-word-business-named-before",
    ),
    pytest.param(
        "Ranking lists began with Forbes magazine in 1982. Two Forbes staff members later left to start "
        "their own venture.\n\n"
        "“Our estimates are better than none,” the company said.\n",
        "Our estimates are better",
        None,
        id="an-outlet-is-not-the-company",
    ),
    pytest.param(
        "The Rockefeller Brothers Fund paid for the research, and the Brothers Fund board approved it.\n\n"
        "“We stand by the reporting,” the company said.\n",
        "We stand by the reporting",
        None,
        id="a-word-of-a-longer-name-is-not-the-company",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_untagged_company(quote_starting, text: str, quote_start: str, speaker: str | None) -> None:
    assert quote_starting(text, quote_start).speaker == speaker
