"""Two apostrophes used as a quote mark (`''We will rebuild,'' she said.`) open the next sentence
after a full stop, as a straight double quote does, and close the sentence they follow."""

from quotetrack import extract_quotes
from quotetrack.nlp.tokenizer import tokenize_text


def sentences(text: str) -> list[list[str]]:
    return [[token for token, _, _ in sentence] for sentence in tokenize_text(text)]


def test_opening_marks_start_the_next_sentence() -> None:
    text = "The council met on Monday. ''We will rebuild the bridge,'' the mayor said. ''It will take time.'' She left."
    split = sentences(text)
    assert split[0] == ["The", "council", "met", "on", "Monday", "."]
    assert split[1][0] == "''"
    assert split[2] == ["''", "It", "will", "take", "time", ".", "''"]
    assert split[3][0] == "She"


def test_quote_in_two_apostrophe_marks_keeps_its_speaker() -> None:
    text = "Flood waters fell overnight in the valley. ''We will rebuild the bridge by spring,'' Mayor Ruth Okafor said."
    (quote,) = extract_quotes(text)
    assert quote.text.startswith("We will rebuild")
    assert quote.speaker == "Ruth Okafor"
