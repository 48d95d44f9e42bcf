"""The words of a quote as statements compare them: marks, case, punctuation and ellipses set aside.

Numbers compare by value (“two million”, “2 million”; “10,000”, “ten thousand”) and
contractions by their words (“we're”, “we are”), since reporters change both freely.

>>> words("“We're NOT leaving…” he said")
['we', 'are', 'not', 'leaving', 'he', 'said']
>>> words("ten thousand homes, 10,000 homes, forty-eight hours")
['10000', 'homes', '10000', 'homes', '48', 'hours']
>>> stems(["talks", "russia's", "class", "was"])
['talk', 'russia', 'class', 'was']
>>> shingles(["we", "are", "not", "leaving"])
['we are', 'are not', 'not leaving']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

__all__ = ["ELLIPSIS", "Token", "has_ellipsis", "shingles", "stemmed_words", "stems", "tokens", "words"]

# Read as the apostrophe. The first three are non-ASCII and their own NFKC form; "`" is ASCII, and "´" is no NFKC form.
_APOSTROPHE_MARKS = "’‘ʼ`´"
_WORD = re.compile(r"\d+(?:[,.]\d{3})+(?!\d)|[^\W_]+(?:'[^\W_]+)*", re.UNICODE)
ELLIPSIS = re.compile(r"…|\.\s?\.\s?\.|\[\s*\.\.\.\s*\]")
SHINGLE_SIZE = 2

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)} | {word: 20 + 10 * index for index, word in enumerate(_TENS)}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000}
_CONTRACTIONS = {"n't": "not", "'re": "are", "'ll": "will", "'ve": "have", "'m": "am"}


class Token(NamedTuple):
    """A word for comparison (``word``) and the words of the text it stands for (``shown``, "" after the first)."""

    shown: str
    word: str


def _number(parts: list[str]) -> int | None:
    """The value of number words (``["forty", "eight"]``, ``["ten", "thousand"]``), None if they are not one."""
    total = current = 0
    for part in parts:
        if part in _NUMBER_WORDS:
            current += _NUMBER_WORDS[part]
        elif part in _MULTIPLIERS and current:
            current *= _MULTIPLIERS[part]
            if part == "thousand":
                total, current = total + current, 0
        else:
            return None
    return total + current


def tokens(text: str) -> list[Token]:
    """The words of ``text`` with what each is compared as (see the module docstring)."""
    return [Token(shown, word) for shown, word in _pairs(text)]


def _pairs(text: str) -> list[tuple[str, str]]:
    """:func:`tokens` as plain tuples, which cost a fraction of named ones to make."""
    plain = unicodedata.normalize("NFKC", text)
    for apostrophe in _APOSTROPHE_MARKS:  # str.translate looks up (and fails to find) every other character
        plain = plain.replace(apostrophe, "'")
    raw = _WORD.findall(plain.replace("-", " "))
    out: list[tuple[str, str]] = []
    index = 0
    while index < len(raw):
        word = raw[index].casefold()
        if word in _NUMBER_WORDS:
            end = index + 1
            while end < len(raw) and (raw[end].casefold() in _NUMBER_WORDS or raw[end].casefold() in _MULTIPLIERS):
                end += 1
            value = _number([part.casefold() for part in raw[index:end]])
            if value is not None and (end - index > 1 or value > 1):  # "one of them", "a", "no one": not numbers
                out.append((" ".join(raw[index:end]), str(value)))
                index = end
                continue
        if word[0].isdigit():
            out.append((raw[index], re.sub(r"[,.]", "", word)))
        else:
            # Every contraction has an apostrophe: most words need no look at the endings.
            ending = next((ending for ending in _CONTRACTIONS if word.endswith(ending) and len(word) > len(ending)), None) if "'" in word else None
            if ending:
                stem = word[: -len(ending)]
                stem = _CONTRACTED.get(stem, stem)
                out += [(raw[index], stem), ("", _CONTRACTIONS[ending])]
            else:
                out.append((raw[index], word))
        index += 1
    return out


def words(text: str) -> list[str]:
    """The words of ``text`` as compared: case-folded, no punctuation, marks or ellipses."""
    return list(_words(text))


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    # Grouping a quote asks for its words three times (length, LSH keys, comparison).
    plain = _plain_words(text)
    return tuple(plain) if plain is not None else tuple(word for _, word in _pairs(text))


# Letters kept, digits as "0" (a text with digits is read again with _ASCII_WORD), the apostrophe (and the
# backquote) as the apostrophe, every other ASCII character a space.
_ASCII_WORD_CHARACTERS = str.maketrans({
    chr(code): "0" if chr(code).isdigit() else "'" if chr(code) in "'`" else chr(code) if chr(code).isalnum() else " "
    for code in range(128)
})
# Marks around and between words that are all most news quotes hold beyond ASCII: none is part of a word,
# nor is its NFKC form ("…" is "...", the no-break space a space), and none composes with a neighbour.
_SPACED_MARKS = "“”—–―…\xa0"
# An apostrophe not between two letters; patterns that start with a literal are searched for quickly.
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?![a-z])|(?<![a-z]'))")
_CONTRACTION_ENDING = re.compile(r"(?:n(?<=[^ ]n)'t|'re|'ll|'ve|'m)(?![^ ])")
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}
_ASCII_WORD = re.compile(r"\d+(?:[,.]\d{3})+(?!\d)|[a-z0-9]+(?:'[a-z0-9]+)*")
_DIGITS_AND_APOSTROPHE = re.compile(r"(?<![^ ])[0-9][^ ]*'")


def _plain_words(text: str) -> list[str] | None:
    """The words :func:`_pairs` finds in ``text``, found with whole-string operations when the text
    is ASCII (once its quotation marks and dashes are spaces) and holds no number words; else None.
    Nine quotes in ten are, and a word at a time, in Python, costs several times as much.

    >>> _plain_words("“We’re NOT leaving—we won't,” he said; 'rock'n'roll' isn't over")
    ['we', 'are', 'not', 'leaving', 'we', 'will', 'not', 'he', 'said', "rock'n'roll", 'is', 'not', 'over']
    >>> _plain_words("10,000 homes, 2.5% in the 1990s; 1,234,5678")
    ['10000', 'homes', '2', '5', 'in', 'the', '1990s', '1234', '5678']
    >>> _plain_words("forty-eight hours"), _plain_words("São Paulo"), _plain_words("the 1990's")
    (None, None, None)
    """
    plain = text
    if not plain.isascii():
        # A text of ASCII and these marks reads as its NFKC form does, so it needs no normalizing.
        for apostrophe in _APOSTROPHE_MARKS[:3]:
            plain = plain.replace(apostrophe, "'")
        for mark in _SPACED_MARKS:
            plain = plain.replace(mark, " ")
        if not plain.isascii():
            return None
    spaced = plain.lower().translate(_ASCII_WORD_CHARACTERS)
    if "0" in spaced:
        # Numbers written with digits: the words as _pairs' pattern finds them, thousands separators dropped.
        spaced = " ".join(_ASCII_WORD.findall(plain.lower().replace("`", "'"))).replace(",", "").replace(".", "")
        if "'" in spaced and _DIGITS_AND_APOSTROPHE.search(spaced):
            return None  # "90's": a word starting with a digit is never a contraction
    elif "'" in spaced:
        spaced = _LOOSE_APOSTROPHE.sub(" ", spaced)
    if "'" in spaced:
        spaced = _expand_contractions(spaced)
    found = spaced.split()
    return None if not _NUMBER_WORDS.keys().isdisjoint(found) else found


def _expand_contractions(spaced: str) -> str:
    """``spaced`` (words of letters and inner apostrophes, between spaces) with each contraction as its two words."""
    pieces: list[str] = []
    done = 0
    for ending in _CONTRACTION_ENDING.finditer(spaced):
        start = spaced.rfind(" ", 0, ending.start()) + 1
        stem = spaced[start : ending.start()]
        pieces += [spaced[done:start], _CONTRACTED.get(stem, stem), " ", _CONTRACTIONS[ending[0]]]
        done = ending.end()
    return "".join(pieces) + spaced[done:] if pieces else spaced


def has_ellipsis(text: str) -> bool:
    """Whether ``text`` marks words left out (… or ...).

    >>> has_ellipsis("We will … decide"), has_ellipsis("We will decide.")
    (True, False)
    """
    return ELLIPSIS.search(text) is not None


def stems(words: Iterable[str]) -> list[str]:
    """Words with a possessive or plural ending dropped, so "talks" and "talk" align.

    Deliberately light: reporters change number and possessives when they paraphrase,
    while heavier stemming would make different words look alike.
    """
    return list(map(_stem, words))


@lru_cache(maxsize=32768)
def stemmed_words(text: str) -> tuple[str, ...]:
    """:func:`stems` of the :func:`words` of ``text``, cached: the LSH keys and each comparison read them.

    >>> stemmed_words("Russia's talks were held")
    ('russia', 'talk', 'were', 'held')
    """
    return tuple(map(_stem, _words(text)))


@lru_cache(maxsize=65536)  # words recur: a cache look-up costs a third of the endings checked
def _stem(word: str) -> str:
    if word.endswith("'s"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> list[str]:
    """Runs of ``size`` consecutive words; a text shorter than that is one shingle."""
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return list(map(" ".join, zip(*(words[index:] for index in range(size)))))
