"""`X, who ..., said`: a relative clause between the subject and the cue describes the subject; a
name inside it (`who had worked with Ana Ruiz`) is never the speaker. After a whole quote, `said
about ...` names the topic, as `said of ...` does."""

import pytest

from quotetrack.records import Article


@pytest.mark.parametrize(
    ("text", "mention", "speaker"),
    [
        pytest.param(
            "Prosecutors dropped the case on Friday.\n\nThe two lawyers, who had worked with Ana Ruiz for years, said the "
            "decision would set a new standard.\n",
            "The two lawyers",
            None,
            id="plural-subject-name-in-relative",
        ),
        pytest.param(
            "Prosecutors dropped the case on Friday.\n\nExperts in maritime law, who were not surprised that the agency "
            "is not charging Ana Ruiz, said such a move would have been unprecedented.\n",
            "Experts in maritime law",
            None,
            id="relative-with-that-clause",
        ),
        pytest.param(
            "Crews repainted the harbour front.\n\n“You get your house ready for guests, that's what we are doing,” Tomas "
            "Varga, who used to work for Mayor Ines Pardo, said about all the activity.\n",
            "Tomas Varga",
            "Tomas Varga",
            id="quote-then-name-relative-said-about",
        ),
    ],
)
def test_relative_clause_describes_the_subject(extractor, text: str, mention: str, speaker: str | None) -> None:
    quotes = extractor.extract(Article(text=text))
    assert [(quote.speaker_mention, quote.speaker) for quote in quotes] == [(mention, speaker)]


def test_about_a_number_is_still_content(extractor) -> None:
    text = "“It was a good night,” the organiser said, adding that about 200 people had come to the hall.\n"
    quotes = extractor.extract(Article(text=text))
    assert any(quote.kind == "direct" for quote in quotes)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param(
            "Gov. Ruth Okafor on Monday signed an order closing the border, while Samuel Adeyemi, the former governor, "
            "proposed a curfew and said the assembly speaker should resign.\n",
            "Samuel Adeyemi",
            id="while-clause",
        ),
        pytest.param(
            "The mayor opened the bridge, but the council members boycotted the ceremony and said it was a waste of money.\n",
            "the council members",
            id="but-clause",
        ),
        pytest.param("Ana Lee toured the plant and said the jobs would stay.\n", "Ana Lee", id="one-clause"),
    ],
)
def test_coordinated_cue_takes_its_own_clause_subject(extractor, text: str, mention: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == mention


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        pytest.param("Senior campaign advisers who have run the numbers argue that the state is out of reach.\n", "Senior campaign advisers", id="irregular-participle"),
        pytest.param("Officials who have seen the document said the findings were damning.\n", "Officials", id="seen"),
    ],
)
def test_participle_after_auxiliary_in_relative(extractor, text: str, mention: str) -> None:
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker_mention == mention


def test_possessed_description_before_a_name_is_one_subject(extractor) -> None:
    text = "Norway's state-owned energy giant Tellus runs two fields in the Barents Sea and says it will build a third.\n"
    (quote,) = extractor.extract(Article(text=text))
    assert quote.speaker == "Tellus"
