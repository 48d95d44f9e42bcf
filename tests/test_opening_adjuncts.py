"""A sentence opening with a participle phrase (`Alarmed by the unrest in Reno,`) or a comparison
(`Like Corker,`) sets the scene: the speaker is the name after it, even when the scene names a
place or a person; a name that merely starts like a participle (`Playing Field Promotions`) still
speaks."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Alarmed by the clashes in Reno, Senator Ruth Okafor, the majority whip, said that she had called the governor.\n",
            "Ruth Okafor",
            id="participle-naming-a-place",
        ),
        pytest.param(
            "Speaking to reporters in Kyiv, Foreign Minister Oleh Marchenko, a veteran diplomat, said the talks had stalled.\n",
            "Oleh Marchenko",
            id="speaking-to-reporters",
        ),
        pytest.param(
            "Like Governor Hale, Senator Ines Duarte, a Lisbon-born Democrat, said the bill would pass.\n",
            "Ines Duarte",
            id="comparison-with-a-name",
        ),
        pytest.param(
            "Unlike Mayor Brandt, Councillor Tom Weir, who chairs the transport committee, said the fares would rise.\n",
            "Tom Weir",
            id="unlike-with-a-relative",
        ),
    ],
)
def test_speaker_after_an_opening_adjunct(extractor, text: str, speaker: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == speaker


def test_name_opening_like_a_participle_still_speaks(extractor) -> None:
    text = "Rising Tide Partners, a London fund manager, says that the bond sale was oversubscribed three times.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == "Rising Tide Partners"
