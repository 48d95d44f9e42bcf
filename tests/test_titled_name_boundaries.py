"""Where a name stands between a title and a place or body: `Caucus Chairman Al Brandt of Ohio`
(the chairman is Al Brandt, Ohio is where he is from), `Polk County Supervisor of Elections Ana
Ruiz` (the title goes on to what it is of), `Harbor Policy Forum's Dana Ilves` (a forum, a PAC, a
caucus, a society are organisations, not a person's name), `Xochitl Mendoza of Rights Watch` (a
first name the lists lack still opens a name)."""

import pytest

from quotetrack.nlp.entities import find_entities
from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            "Budget Caucus Chairman J.D. Brandt of Ohio said he was “outraged” by the cuts.\n",
            ["J.D. Brandt"],
            id="initials-then-state",
        ),
        pytest.param(
            "Polk County Supervisor of Elections Ana Ruiz said that the count would finish on Friday.\n\n"
            "Ruiz said turnout had been the highest in twenty years.\n",
            ["Ana Ruiz", "Ana Ruiz"],
            id="title-of-what",
        ),
        pytest.param(
            "“Wages have not kept up,” Harbor Policy Forum’s Dana Ilves said at the conference.\n",
            ["Dana Ilves"],
            id="forum-possessive",
        ),
        pytest.param(
            "Tom Crane founded the group in 2012.\n\n“Neither candidate is a libertarian,” Blue Ridge PAC's Crane said.\n",
            ["Tom Crane"],
            id="pac-possessive-surname",
        ),
        pytest.param(
            "“The vote did not count,” said Xochitl Mendoza of Rights Watch, who spent the day in Oaxaca.\n",
            ["Xochitl Mendoza"],
            id="unlisted-first-name-of-body",
        ),
    ],
)
def test_speaker_between_title_and_place_or_body(extractor, text: str, speakers: list[str]) -> None:
    assert [quote.speaker for quote in extractor.extract(Article(text=text))] == speakers


@pytest.mark.parametrize(
    ("words", "entities"),
    [
        pytest.param("Caucus Chairman Al Brandt of North Carolina said so .", [(0, 0, "ORG"), (2, 3, "PERSON"), (5, 6, "GPE")], id="place-after-name"),
        pytest.param("Lake County Commissioner of Roads Ana Ruiz said so .", [(0, 1, "MISC"), (5, 6, "PERSON")], id="title-of-what"),
        pytest.param("The Bank of America said so .", [(1, 3, "ORG")], id="no-person"),
    ],
)
def test_entity_spans(words: str, entities: list[tuple[int, int, str]]) -> None:
    assert find_entities(words.split()) == entities
