"""A person named in apposition to a sentence's subject (`Her deputy, Jonas Berg, disagreed.`) is
who the next sentence's pronoun means, not the speaker before."""

import pytest

from quotetrack.records import Article

PASSAGES = [
    pytest.param(
        "\"The reactor is safe,\" said plant director Hugo Marin. The regulator's chief inspector, Ana Sousa, was not persuaded. "
        "She told reporters the cooling pumps were \"twenty years past their design life.\"",
        "twenty years", "Ana Sousa", id="possessive-role-then-name",
    ),
    pytest.param(
        "Prime Minister Lena Koivu said the cuts were \"painful but necessary.\" Her deputy, Jonas Berg, disagreed. "
        "He said in a radio interview that the plan would \"hurt the north most of all.\"",
        "hurt the north", "Jonas Berg", id="her-deputy-then-name",
    ),
    pytest.param(
        "\"We have the votes,\" the chief whip, Daniel Osei, said on Monday. Opposition leader Ama Boateng, was defiant. "
        "\"They are counting chickens,\" she said.",
        "counting chickens", "Ama Boateng", id="plain-subject-still-wins",
    ),
    pytest.param(
        "\"Exports will recover,\" Trade Minister Omar Qasim said. His longtime rival, Samir Haddad, scoffed. "
        "Qasim later told the chamber the numbers were \"already turning.\"",
        "already turning", "Omar Qasim", id="named-speaker-unaffected",
    ),
]


@pytest.mark.parametrize("text, words, speaker", PASSAGES)
def test_apposed_name_is_the_next_pronoun(extractor, text, words, speaker):
    quotes = [quote for quote in extractor.extract(Article(text=text)) if words in quote.text]
    assert quotes and quotes[0].speaker == speaker


FOLLOW_ONS = [
    pytest.param(
        "\"The port will be dredged by spring,\" Governor Rita Okafor said on Tuesday.\n"
        "Harbour commissioner Pieter Kuyt was blunter: \"Nobody here believes a word of it.\"",
        "Nobody here believes", "Pieter Kuyt", id="newly-introduced-person",
    ),
    pytest.param(
        "\"The port will be dredged by spring,\" Governor Rita Okafor said on Tuesday. \"The money is already in the budget.\"",
        "money is already", "Rita Okafor", id="right-after-the-speaker",
    ),
    pytest.param(
        "\"The port will be dredged by spring,\" Governor Rita Okafor said on Tuesday.\n"
        "Okafor has promised the work twice before. \"This time the contracts are signed.\"",
        "contracts are signed", "Rita Okafor", id="paragraph-about-the-speaker",
    ),
]


@pytest.mark.parametrize("text, words, speaker", FOLLOW_ONS)
def test_follow_on_goes_to_who_was_just_introduced(extractor, text, words, speaker):
    quotes = [quote for quote in extractor.extract(Article(text=text)) if words in quote.text]
    assert quotes and quotes[0].speaker == speaker
