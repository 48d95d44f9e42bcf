"""A group that speaks is the speaker, not an example in it nor a name in its description:
`Several candidates, including Ana Ruiz, said ...` is said by the candidates; `numerous veterans
interviewed at Lind rallies` are not Lind. An inverted speaker after a comma is a name, people or a
writing, never a clause (`, said parents still want ...`). After a whole quote, `said just after
midnight on the radio` is when, not what."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Several candidates, including Ana Ruiz, said the country should stop taking in refugees.\n",
            "Several candidates",
            None,
            id="including-example",
        ),
        pytest.param(
            "Editorial pages across the region, including The Harbor Ledger, warned that the port would close.\n",
            "Editorial pages across the region",
            None,
            id="including-outlet",
        ),
        pytest.param(
            "Some staunch defenders of free trade, like Tomas Varga, a senior fellow at the Lisbon Institute, also "
            "acknowledge that the state has failed the workers who lost their jobs.\n",
            "Tomas Varga",
            "Tomas Varga",
            id="like-example-when-the-group-is-no-speaker",
        ),
        pytest.param(
            "Governor Ada Lind toured the border.\n\nBut numerous veterans interviewed at Lind rallies in the north, "
            "including Mr. Berg, said they had no problem with the governor's remarks.\n",
            "But numerous veterans interviewed at Lind rallies in the north",
            None,
            id="name-inside-a-counted-group",
        ),
    ],
)
def test_group_speakers(extractor, text: str, mention: str, speaker: str | None) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_bare_plural_clause_is_no_inverted_speaker(extractor) -> None:
    text = "But Megan Holt, a school organizer in the Bronx, said parents still want neighborhood schools.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker, quote.text) == ("Megan Holt", "parents still want neighborhood schools")


def test_time_adjunct_after_whole_quote(extractor) -> None:
    text = "“It is plagiarism, flat-out plagiarism,” Ruth Adebayo, a former campaign strategist, said just after midnight on the radio.\n"
    quotes = extractor.extract(Article(text=text))
    assert [(quote.kind, quote.speaker) for quote in quotes] == [("direct", "Ruth Adebayo")]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "Most Republican voters in Alabama, Georgia and Virginia said they felt betrayed by their own party.\n",
            "Most Republican voters in Alabama, Georgia and Virginia",
            id="comma-list-of-places",
        ),
        pytest.param(
            "The governor is confident because exit polls in New Hampshire and Iowa indicated that he was strongly "
            "supported by late deciders.\n",
            "exit polls in New Hampshire and Iowa",
            id="two-places",
        ),
    ],
)
def test_places_joined_in_a_subject(extractor, text: str, mention: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker_mention, quote.speaker) == (mention, None)
