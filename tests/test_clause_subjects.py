"""A participle cue after a clause (`..., saying`) is said by the clause's subject, not by a name
inside the clause nor the whole clause: `In an interview, he defended Lee's record, saying ...` is
said by `he`. An opening adjunct, an adverb or a subordinator around the subject is no part of
it; of two joined clauses the last speaks; `..., Nefzi said Tuesday, adding ...` is said by Nefzi."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Oleg Varga runs the campaign in Pecs.\n\n"
            "In an interview on Sunday, he defended Mr. Kovacs's views on the border, saying that the fence would stay.\n",
            "he",
            "Oleg Varga",
            id="pronoun-subject-name-in-object",
        ),
        pytest.param(
            "Hours later, Mayor Ines Duarte returned the compliment to Governor Hale, telling reporters that the two had always worked well together.\n",
            "Mayor Ines Duarte",
            "Ines Duarte",
            id="opening-adjunct",
        ),
        pytest.param(
            "At a rally in Leeds on Tuesday, Senator Ruth Okafor endorsed Mr. Brandt, saying that he would make an outstanding leader.\n",
            "Senator Ruth Okafor",
            "Ruth Okafor",
            id="endorsed-a-named-person",
        ),
        pytest.param(
            "Tom Hale chairs the council.\n\nOn Monday, Hale even backed Ann Lee's plan for the budget, saying that the deficit was growing.\n",
            "Hale",
            "Tom Hale",
            id="adverb-before-verb",
        ),
        pytest.param(
            "Ann Lee and Tom Hale debated on Friday. The talk turned to taxes, but Hale brought Lee back to the budget, asking her to explain the deficit.\n",
            "Hale",
            "Tom Hale",
            id="but-opens-the-clause",
        ),
    ],
)
def test_participle_cue_speaker_is_the_clause_subject(extractor, text: str, mention: str, speaker: str) -> None:
    quote = extractor.extract(Article(text=text))[-1]
    assert (quote.speaker_mention, quote.speaker) == (mention, speaker)


def test_cue_verb_clause(extractor) -> None:
    text = "The gunman left as soon as prayers ended, Imam Adel Nefzi said on Friday, adding, “He was not very religious.”\n"
    quotes = extractor.extract(Article(text=text))
    assert [(quote.speaker, quote.cue) for quote in quotes] == [("Adel Nefzi", "said"), ("Adel Nefzi", "adding")]
    assert quotes[1].speaker_mention == "Imam Adel Nefzi"


def test_last_of_joined_clauses_speaks(extractor) -> None:
    text = (
        "Mayor Rahm Ostrowski spoke on Tuesday.\n\n"
        "Within hours, prosecutors charged the officer with murder and Ostrowski fired his police chief, "
        "acknowledging that the city had failed the family.\n"
    )
    quote = extractor.extract(Article(text=text))[-1]
    assert (quote.speaker_mention, quote.speaker) == ("Ostrowski", "Rahm Ostrowski")


def test_subordinate_clause_still_carries_a_quote_inside(extractor) -> None:
    # `as Ana Ruiz echoed ..., saying` holds a nested `she said`: the outer quote stays whole.
    text = (
        "It was a sharp exchange, as Ana Ruiz echoed the criticism, saying Mr. Hale ''has never run a business'' "
        "and Ms. Poole, she said, ''knows it.''\n"
    )
    (quote,) = [quote for quote in extractor.extract(Article(text=text)) if quote.cue == "saying"]
    assert quote.speaker == "Ana Ruiz"
