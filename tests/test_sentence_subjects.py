"""Sentence subjects behind a pronoun speaker: a sentence in parentheses, a conjunction with a comma
(`Then, Ana Ruiz ...`), a participle the entity tagger took for a name (`Reached by phone, ...`), and
a description apposed to the adjunct's last name (`Preceded by Joe Ruiz, the sheriff, Hale spoke`)."""

import pytest

from quotetrack.extract.sentences import rule_analysis
from quotetrack.resolve.discourse import find_subject

PASSAGES = [
    pytest.param(
        "“The budget is balanced,” Treasurer Olaf Brandt said on Monday.\n\n"
        "(Carl Lind, the treasurer's deputy, defended the figures in a letter, as Olaf Brandt had asked.) "
        "“Nobody has cooked the books,” he said.\n",
        "Nobody has cooked the books",
        "Carl Lind",
        id="sentence-in-parentheses",
    ),
    pytest.param(
        "“We will win both states,” campaign manager Olaf Brandt said in March.\n\n"
        "Then, Carl Lind set expectations impossibly high. He said that a loss in either state would end the race.\n",
        "a loss in either state",
        "Carl Lind",
        id="conjunction-with-a-comma",
    ),
    pytest.param(
        "“The appeal is pointless,” election board chair Olaf Brandt said.\n\n"
        "Reached by phone on Tuesday, Carl Lind declined to appeal, though Olaf Brandt had urged it. "
        "He said, however, that he hoped somebody else would take up the case.\n",
        "however, that he hoped",
        "Carl Lind",
        id="participle-opening-the-sentence",
    ),
    pytest.param(
        "Governor Carl Lind flew to the border town on Friday.\n\n"
        "Preceded at the lectern by Olaf Brandt, the county sheriff and a hard-liner, Lind spoke for an hour while Brandt nodded. "
        "“We will build the fence,” he said to loud cheers.\n",
        "We will build the fence",
        "Carl Lind",
        id="description-apposed-to-the-adjunct",
    ),
    pytest.param(
        "“We will not extradite him,” Foreign Minister Olaf Brandt said in June.\n\n"
        "Days after Brandt's refusal, Carl Lind flew to the capital to plead the case. "
        "“Was I going to stay home and write letters?” he told reporters.\n",
        "Was I going to stay home",
        "Carl Lind",
        id="span-of-time-opening-an-adjunct",
    ),
]


@pytest.mark.parametrize(("text", "quote_start", "speaker"), PASSAGES)
def test_subject_behind_pronoun(quote_starting, text: str, quote_start: str, speaker: str) -> None:
    assert quote_starting(text, quote_start).speaker == speaker


def test_auxiliary_is_no_role_word_before_a_name() -> None:
    """`The senator did give Lind some credit`: `did give` is the verb, not words describing Lind."""
    text = "The senator did give Carl Lind some credit."
    sentences, entities = rule_analysis(text)
    names = {start: (end, label, name) for start, end, label, name in entities}
    subject = find_subject(sentences[0].tokens, names)
    assert subject is not None and (subject.kind, subject.text) == ("role", "The senator")


@pytest.mark.parametrize(
    "text",
    [
        "Our Principles Fund, which was founded by a former aide to Governor Ann Lee, launched a radio ad on Saturday.",
        "Our Principles PAC, formed last year to oppose Tom Hale, took in $4.8 million last month.",
    ],
)
def test_our_opening_an_organisations_name(text: str) -> None:
    """`Our Principles PAC, which ...`: a capitalised `Our` before a name is the start of an
    organisation's name (which the tagger may have left out), not a possessive wanting an apposition."""
    sentences, entities = rule_analysis(text)
    names = {start: (end, label, name) for start, end, label, name in entities}
    subject = find_subject(sentences[0].tokens, names)
    assert subject is not None and subject.text.startswith("Our Principles") and subject.label == "ORG"


def test_our_before_a_common_noun_still_wants_an_apposition() -> None:
    """`Our team, led by Ann Lee, won`: a possessive before a common noun is still no name."""
    sentences, entities = rule_analysis("Our team, led by Ann Lee, won on Saturday.")
    names = {start: (end, label, name) for start, end, label, name in entities}
    assert find_subject(sentences[0].tokens, names) is None
