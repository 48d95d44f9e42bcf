"""A dateline's dash opens the sentence, not an aside closing a content before it: in
`LAGOS, Nigeria (AP) — Gov. Ade Bello said on Tuesday the curfew ...` the content follows the
cue; a credited dateline may carry the date (`OSLO, March 3 (Reuters) - `)."""

import pytest

from quotetrack.extract.phrases import after_dateline
from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        pytest.param(
            "LAGOS, Nigeria (AP) — Lagos State Governor Ade Bello said on Tuesday the curfew would be lifted at dawn.\n",
            "Ade Bello",
            "the curfew would be lifted at dawn",
            id="credited-dateline-then-adjunct",
        ),
        pytest.param(
            "HARARE — Finance Minister Tendai Moyo said on Friday the new notes would reach banks within a week.\n",
            "Tendai Moyo",
            "the new notes would reach banks within a week",
            id="capital-dateline-then-adjunct",
        ),
        pytest.param(
            "OSLO, March 3 (Reuters) - Norway's fisheries minister Ola Brekke said on Monday the cod quota would be cut by a fifth.\n",
            "Ola Brekke",
            "the cod quota would be cut by a fifth",
            id="dated-dateline",
        ),
    ],
)
def test_content_after_the_cue_not_the_dateline(extractor, text: str, speaker: str, content: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert (quote.speaker, quote.text) == (speaker, content)


def test_dated_dateline_is_not_in_the_speaker_mention(extractor) -> None:
    text = "OSLO, March 3 (Reuters) - Labour leader Kari Lunde said the coalition would hold until the budget vote.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == "Labour leader Kari Lunde"


def test_after_dateline_positions(sentence_of) -> None:
    assert after_dateline(sentence_of("OSLO, March 3 (Reuters) - The ministry said so.").tokens) == 8
    assert after_dateline(sentence_of("The ministry - for once - said so.").tokens) == 0
