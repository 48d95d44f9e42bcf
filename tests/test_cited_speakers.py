"""Speakers of relayed quotes: `X reported, citing Y` (Y spoke, or nobody named did), and people
whose names an outlet's name is part of (`Vicente Fox`, `coach Dawn Ellery`)."""

import pytest

from quotetrack.records import Article


def quote_with(extractor, text: str, words: str):
    quotes = [quote for quote in extractor.extract(Article(text=text)) if words in quote.text]
    assert quotes, [quote.text for quote in extractor.extract(Article(text=text))]
    return quotes[0]


CITED = [
    pytest.param(
        "The dam's spillway was \"working as designed,\" the Xinhua news agency reported, citing provincial water official Li Wenhao.",
        "working as designed", "Li Wenhao", "Xinhua", id="citing-titled-person",
    ),
    pytest.param(
        "Lagos would \"not tolerate a fuel queue this December,\" Punch reported, citing state energy commissioner Bola Adeyemi.",
        "fuel queue", "Bola Adeyemi", "Punch", id="citing-person-after-lowercase-role",
    ),
    pytest.param(
        "The airline was \"weeks from running out of cash,\" Bloomberg reported, citing two people with knowledge of the matter.",
        "running out of cash", None, "Bloomberg", id="citing-anonymous-people",
    ),
    pytest.param(
        "Interfax reported, citing a source in the transport ministry, that the rail link would \"reopen before winter.\"",
        "reopen before winter", None, "Interfax", id="citing-anonymous-source-before-that",
    ),
    pytest.param(
        "Yonhap reported, citing an unnamed military official, that the launch had \"failed shortly after lift-off.\"",
        "failed shortly", None, "Yonhap", id="citing-unnamed-official",
    ),
    pytest.param(
        "Ankara had \"received written guarantees\" on the convoy, Anadolu Agency reported, citing the Turkish defence ministry.",
        "written guarantees", "Turkish defence ministry", "Anadolu", id="citing-ministry",
    ),
    pytest.param(
        "The talks were \"a waste of everyone's time,\" TASS reported, citing an interview Deputy Foreign Minister Oleg Markin gave to Izvestia.",
        "waste of everyone", "Oleg Markin", "TASS", id="citing-interview-by-person",
    ),
]


@pytest.mark.parametrize("text, words, speaker, via", CITED)
def test_citing_names_who_spoke(extractor, text, words, speaker, via):
    quote = quote_with(extractor, text, words)
    assert (quote.speaker, quote.via_outlet) == (speaker, via)


def test_citing_leaves_the_content_alone(extractor):
    text = "Reuters reported, citing three bankers involved in the deal, that the bid had been \"sweetened twice.\""
    quote = quote_with(extractor, text, "sweetened")
    assert "citing" not in quote.text and quote.speaker is None


OUTLET_NAMED_PEOPLE = [
    pytest.param("Former Chilean president Ramiro Fox said the treaty was \"a trap for small exporters.\"", "Ramiro Fox", id="surname-is-outlet"),
    pytest.param("Swimming coach Dawn Ellery said the squad was \"faster than at any Games before.\"", "Dawn Ellery", id="role-then-outlet-first-name"),
    pytest.param("Antara Kaul, the festival's director, said ticket sales were \"beyond our wildest hopes.\"", "Antara Kaul", id="appositive-after-outlet-first-name"),
    pytest.param("Prosecutor Ines Varga told the court the accused had \"hidden the money in plain sight.\"", "Ines Varga", id="prosecutor-title"),
    pytest.param("Chief Constable Mark Dunmore said his officers were \"exhausted but unbowed.\"", "Mark Dunmore", id="constable-title"),
    pytest.param("Economist Leila Haddadi said the currency was \"priced for a crisis that has not come.\"", "Leila Haddadi", id="economist-title"),
]


@pytest.mark.parametrize("text, speaker", OUTLET_NAMED_PEOPLE)
def test_outlet_names_inside_peoples_names(extractor, text, speaker):
    quotes = extractor.extract(Article(text=text))
    assert [quote.speaker for quote in quotes] == [speaker]


@pytest.mark.parametrize(
    "text, via",
    [
        pytest.param("\"We are not for sale,\" the chairman told Bloomberg Politics in March.", "Bloomberg", id="outlet-section"),
        pytest.param("\"The audit is overdue,\" Councillor Ray Tse told Politico Europe on Friday.", "Politico", id="outlet-edition"),
    ],
)
def test_outlet_sections_stay_outlets(extractor, text, via):
    (quote,) = extractor.extract(Article(text=text))
    assert quote.via_outlet == via


@pytest.mark.parametrize(
    "text",
    [
        "The mill's owners said in a letter, seen by the Financial Times, that the plant would close “by the end of the year.”",
        "The ministry said in a memo, obtained by Politico, that the bridge was “not safe for buses.”",
        "The club said in an email to members, reviewed by The Athletic, the stadium would be “full by August.”",
    ],
)
def test_a_document_seen_by_an_outlet_is_an_aside_not_content(extractor, text):
    """`said in a letter, seen by the Financial Times, that ...`: what was said starts after the aside."""
    [quote] = extractor.extract(Article(text=text))
    assert not any(words in quote.text for words in ("seen by", "obtained by", "reviewed by", "that the")), quote.text
    assert quote.text.startswith("the ")
