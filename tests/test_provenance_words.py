"""The quick ways to a quote's words (whole-string operations, not a word at a time) find the same words."""

import random
import unicodedata

from quotetrack.provenance.words import _APOSTROPHE_MARKS, _SPACED_MARKS, _pairs, _plain_words, words

PIECES = ["we", "We", "WON", "can", "sha", "wo", "n't", "'re", "'ll", "'ve", "'m", "'s", "'", "’", "‘", "ʼ", "`", "´", "'",
          "don", "isn", "one", "forty", "eight", "thousand", "hundred", "a", "no", "Ortiz", "O", "neill", "rock", "roll", "s",
          " ", " ", " ", "-", "_", ",", ".", "…", "...", "“", "”", "—", "–", "―", "(", ")", "!", "?", ";", ":", "\"", "é",
          "São", "ß", "İ", "ﬁ", "1", "10", ",000", "2.5", "½", "\u00a0", "\t", "\n", "90's", "b2", "1,234,5678", "3.14", ".5", "x1", "…", "1…000", "…'", "\u00a0"]


def test_plain_words_are_the_words_found_a_word_at_a_time():
    rng = random.Random(13)
    found = 0
    for _ in range(20_000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        plain = _plain_words(text)
        assert words(text) == [word for _, word in _pairs(text)], text
        if plain is not None:
            found += 1
            assert plain == [word for _, word in _pairs(text)], text
    assert found > 5_000  # the quick way is taken, not only the slow one


def test_contractions_and_apostrophes():
    text = "“We’re not leaving—they won't, can't, shan't,” O'Neill's aide said ('we'll see', she'd say) I'm n't 'tis"
    assert _plain_words(text) == [word for _, word in _pairs(text)] == [
        "we", "are", "not", "leaving", "they", "will", "not", "can", "not", "shall", "not", "o'neill's", "aide", "said",
        "we", "will", "see", "she'd", "say", "i", "am", "n't", "tis"]


def test_the_marks_read_without_normalizing_read_as_their_normal_form():
    """A text of ASCII and these marks reads as its NFKC form does, so the quick way need not normalize it:
    the apostrophes are their own NFKC form, the other marks' forms hold no part of a word, and none composes."""
    for mark in _APOSTROPHE_MARKS[:3]:
        assert unicodedata.normalize("NFKC", mark) == mark
    for mark in _SPACED_MARKS:
        assert not any(character.isalnum() or character in "'_,." for character in unicodedata.normalize("NFKC", mark).replace("...", ""))
    for mark in _APOSTROPHE_MARKS[:3] + _SPACED_MARKS:
        assert not mark.isascii() and unicodedata.combining(mark) == 0
        assert unicodedata.normalize("NFKC", f"a{mark}\u0301") == unicodedata.normalize("NFKC", mark).join(["a", "\u0301"])
