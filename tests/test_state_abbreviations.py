"""A US state abbreviation may end a sentence (`... in Fresno, Calif. The group said ...`), so the next
sentence's subject speaks; mid-sentence a comma follows it (`Fresno, Calif., on Monday`), and `Del.`
is still a delegate's title (`Del. Ana Ruiz said`)."""

from quotetrack.extract.sentences import rule_analysis


def test_state_abbreviation_ends_a_sentence(quote_starting) -> None:
    text = "Two men attacked a depot in Fresno, Calif. The militia said the two were its members.\n"
    quote = quote_starting(text, "the two were")
    assert quote.speaker_mention == "The militia"


def test_state_abbreviation_inside_a_sentence() -> None:
    sentences, _ = rule_analysis("A rally in Fresno, Calif., on Monday drew 300 people. They left at noon.\n")
    assert len(sentences) == 2


def test_delegate_title_is_not_a_sentence_end(quote_starting) -> None:
    text = "The hearing ran late.\n\n“This is a waste of time,” said Del. Ana Ruiz of the Virgin Islands.\n"
    assert quote_starting(text, "This is").speaker_mention == "Del. Ana Ruiz"
