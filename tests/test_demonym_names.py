"""Party words and demonyms next to names: `Presumptive Republican nominee Dana Whitfield` is
Whitfield, not a person called `Presumptive Republican`; `Dale Cuban` is a name; a place before a
party (`the New Mexico Republican`) is not the speaker, who is the person just talked about."""

import pytest

from quotetrack.records import Article

CASES = [
    pytest.param(
        "Presumptive Republican nominee Dana Whitfield called on the council to pass the budget and said the money is needed now.\n",
        "the money is needed",
        "Dana Whitfield",
        id="adjective-then-party-before-role",
    ),
    pytest.param(
        "Outgoing Democratic governor Ruth Okafor signed the bill on Friday and said the state could not wait any longer.\n",
        "the state could not wait",
        "Ruth Okafor",
        id="participle-adjective-then-party",
    ),
    pytest.param(
        "Dale Cuban, who owns three bakeries in the town, said the new tax would close at least one of them.\n",
        "the new tax would close",
        "Dale Cuban",
        id="surname-spelt-like-a-demonym",
    ),
    pytest.param(
        "“We will not vote for a budget that cuts the schools,” the New Mexico Republican said.\n",
        "We will not vote",
        None,
        id="place-before-party-is-no-speaker",
    ),
    pytest.param(
        "Senator Hal Brandt met farm leaders in Green Bay on Monday.\n\n"
        "The Wisconsin Republican said the dairy quota would be lifted before the summer.\n",
        "the dairy quota would be lifted",
        "Hal Brandt",
        id="place-and-party-describe-the-person-just-named",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), CASES)
def test_party_words_and_names(extractor, text: str, quote_start: str, speaker: str | None) -> None:
    quotes = [quote for quote in extractor.extract(Article(text=text)) if quote.text.startswith(quote_start)]
    assert quotes, text
    assert quotes[0].speaker == speaker
