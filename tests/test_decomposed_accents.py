"""Names written with decomposed accents (`n` + combining tilde) or mis-decoded UTF-8 (`PeÃ±a`,
common in scraped copy) stay one word, so the name and its quote are not cut apart."""

from quotetrack import extract_quotes


def test_combining_accent_stays_in_the_word(words_of) -> None:
    assert words_of("Ana Nun\u0303ez spoke.")[:2] == ["Ana", "Nun\u0303ez"]


def test_mis_decoded_letter_stays_in_the_word(words_of) -> None:
    assert words_of("Gov. Luis OrdÃ³Ã±ez spoke.")[:3] == ["Gov.", "Luis", "OrdÃ³Ã±ez"]
    assert words_of("Gov. Luis OrdA\u0303\u00b3ez spoke.")[2] == "OrdA\u0303\u00b3ez"


def test_speaker_keeps_the_full_name() -> None:
    text = "Foreign Minister Inés IbÃ¡Ã±ez met her counterpart on Monday. “We disagree on tariffs,” IbÃ¡Ã±ez said."
    quote = extract_quotes(text)[-1]
    assert quote.speaker == "Inés IbÃ¡Ã±ez"


def test_symbols_after_words_still_split(words_of) -> None:
    assert words_of("He said «no».") == ["He", "said", "«", "no", "»", "."]


def test_latin1_symbols_alone_read_the_same_words(words_of) -> None:
    # A no-break space, £ or © is no mojibake: such texts take the plain (faster) pattern, same words.
    from quotetrack.nlp.tokenizer import _MARKED, _SPACED_TOKEN, _SPACED_TOKEN_MARKED

    text = "The\u00a0£5m deal, said Ana\u00a0López (© Reuters), isn’t 3½ years old."
    assert _MARKED.search(text) is None
    assert [m.group(2) or m.group(3) for m in _SPACED_TOKEN.finditer(text)] == [m.group(3) for m in _SPACED_TOKEN_MARKED.finditer(text)]
    assert words_of(text)[:4] == ["The", "£", "5", "m"]
