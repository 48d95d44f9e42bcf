"""The model-free tokenizer: news prose into sentences of tokens (:mod:`.stanza_rules` registers it with stanza).

Quote marks and brackets after a full stop stay with the sentence they close; paragraphs
(:mod:`.paragraphs`: a hard-wrapped line runs on) always end sentences; abbreviations keep
their full stop.

>>> [[t for t, _, _ in s] for s in tokenize_text("Sen. Ted Cruz said so. He left.")]
[['Sen.', 'Ted', 'Cruz', 'said', 'so', '.'], ['He', 'left', '.']]
"""

from __future__ import annotations

import re

from .. import lexicon
from .paragraphs import paragraph_spans

TOKENIZER_NAME = "quotetrack"

Token = tuple[str, int, int]
"""A token's text and its start and end offsets in the article."""

_TOKENS = r"""
    [,;:“”()"?!] | \.(?!\.\.)                # marks only \S below reads alone: tried first
    | [A-Z]-(?:[A-Za-z]{1,4}\.)+            # party-state tags: R-S.C. D-Mass.
    | (?:[A-Za-z]\.){2,}(?![A-Za-z])        # U.S. a.m. D.C.
    | \d+-(?:year|month|week|day)-old(?![\w-])  # 46-year-old: one word, as stanza reads it
    | \d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?   # 1,200.5 9:30 1990s 21st
    | n['’]t(?![\w])                         # n't
    | ['’](?:s|re|ve|ll|d|m)(?![\w])         # clitics
    | WORD(?:[-'’]WORD)*(?:['’](?=s\b))?     # words with inner hyphens/apostrophes
    | \.\.\.|…|--|—|–|''                     # ellipses, dashes, two-apostrophe quotes
    | \S                                     # any other single character
    """
# Letters with their accents decomposed (n + ◌̃) or UTF-8 read as Latin-1 (PeÃ±a for Peña) are
# one word too. That pattern is twice as slow, so only texts with such characters get it: a
# combining accent, or the Ã or Â that UTF-8 read as Latin-1 starts with (without them both
# patterns read the same words; a no-break space or a £ sign alone is no reason to go slow).
_TOKEN_MARKED = re.compile(
    _TOKENS.replace("WORD", r"(?:(?:A[\u0302\u0303]|[ÃÂ])[\u0080-\u00bf]|[^\WÃÂA]+[\u0300-\u036f]*|\w[\u0300-\u036f]*)+"),
    re.VERBOSE,
)
_MARKED = re.compile(r"[ÃÂ\u0300-\u036f]")
# Each token with the white space before it, in a group of its own: read so, the next token starts
# where the last one ended, the scanner never tries every alternative at a space first, and the
# lengths of the pieces give the token's offsets (cheaper than asking a match object for them).
# Most tokens are words of two letters or more: tried first, in a group of their own, they skip the
# alternatives of _TOKENS, none of which matches them (a second character that is a letter rules out
# `R-S.C.`, `U.S.` and `n't`, and WORD would read the same letters: nothing after them that it could
# go on with); there is nothing more to look at in them. The pattern for marked texts leaves that group empty.
_SPACED_TOKEN = re.compile(r"(\s*)(?:([A-Za-z]{2,})(?![\w'’-])|(" + _TOKENS.replace("WORD", r"\w+") + "\n))", re.VERBOSE)
_SPACED_TOKEN_MARKED = re.compile(r"(\s*)()(" + _TOKEN_MARKED.pattern + "\n)", re.VERBOSE)
_CLITIC = re.compile(r"(\w)(n['’]t|['’](?:s|re|ve|ll|d|m))$", re.IGNORECASE)


def tokenize_text(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[list[Token]]:
    """Split text into sentences of (token, start, end); paragraphs (``paragraph_spans(text)``
    unless given) always end sentences.

    >>> [[t for t, _, _ in s] for s in tokenize_text("Mr. Smith said: “No.” Then he left.")]
    [['Mr.', 'Smith', 'said', ':', '“', 'No', '.', '”'], ['Then', 'he', 'left', '.']]
    >>> [[t for t, _, _ in s] for s in tokenize_text("Gov. J. Doe's aide didn't go.\\nOK.")]
    [['Gov.', 'J.', 'Doe', "'s", 'aide', 'did', "n't", 'go', '.'], ['OK', '.']]
    """
    sentences: list[list[Token]] = []
    # (An ASCII text, as many are, says so without being scanned.)
    pattern = _SPACED_TOKEN_MARKED if not text.isascii() and _MARKED.search(text) else _SPACED_TOKEN
    for offset, end in paragraph_spans(text) if paragraphs is None else paragraphs:
        tokens: list[Token] = []
        append = tokens.append
        paragraph = text[offset:end]
        # Most paragraphs have no apostrophe: their words need not be looked at for one.
        apostrophes = "'" in paragraph or "’" in paragraph
        # The tokens a sentence may end at (their last character one of _STOPS), noted as they are read.
        stops: list[int] = []
        stop = offset
        for space, letters, word in pattern.findall(text, offset, end):
            start = stop + len(space)
            if letters:
                stop = start + len(letters)
                append((letters, start, stop))
                continue
            stop = start + len(word)
            if word == ".":
                if tokens and tokens[-1][2] == start and _takes_period(tokens[-1][0]):
                    previous, first, _ = tokens.pop()
                    append((previous + ".", first, stop))
                    if stops and stops[-1] == len(tokens) - 1:
                        continue  # `U.S.` before it was noted already
                else:
                    append((word, start, stop))
                stops.append(len(tokens) - 1)
            elif apostrophes and ("'" in word or "’" in word):
                clitic = _CLITIC.search(word)
                if clitic and clitic.start(2) > 0:
                    cut = start + clitic.start(2)
                    append((word[: cut - start], start, cut))
                    append((word[cut - start :], cut, stop))
                else:
                    append((word, start, stop))
            else:
                append((word, start, stop))
                if word[-1] in _STOPS:
                    stops.append(len(tokens) - 1)
        sentences.extend(_split_sentences(tokens, text, stops))
    return sentences


def _takes_period(word: str) -> bool:
    """Whether a full stop right after ``word`` is part of it: `Sen.`, `J.` (an initial)."""
    return word in lexicon.ABBREVIATIONS or (len(word) == 1 and "A" <= word <= "Z")


_SENTENCE_ENDS = frozenset((".", "!", "?", "…", "..."))
_STOPS = frozenset(".!?…")


# `at 7:10 a.m. The JCS said ...`: a clock time ends a sentence only before a word that opens a clause,
# not before what goes on with it (`a.m. Friday`, `p.m. Eastern time`).
_CLOCK_TIMES = frozenset(["a.m.", "p.m."])
_NEW_SENTENCE_WORDS = frozenset(["The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
                             "His", "Her", "Its", "Their", "Our", "But", "And", "So", "There", "Some", "Many", "No"])


def _ends_sentence(word: str) -> bool:
    return word in _SENTENCE_ENDS or word in _CLOCK_TIMES or (word[-1] == "." and word[:-1] in lexicon.SENTENCE_FINAL_ABBREVIATIONS)


def _split_sentences(tokens: list[Token], text: str, stops: list[int]) -> list[list[Token]]:
    """``tokens`` cut into sentences; only the tokens at ``stops`` (in order) may end one."""
    sentences: list[list[Token]] = []
    count = len(tokens)
    first = 0  # where the sentence being read starts
    resume = 0  # tokens before it are closers already read with the sentence they close
    for i in stops:
        if i < resume:
            continue
        word = tokens[i][0]
        if not _ends_sentence(word):
            continue
        # Closing quotes and brackets belong to the sentence they close.
        while i + 1 < count and tokens[i + 1][0] in lexicon.SENTENCE_CLOSERS:
            if tokens[i + 1][0] in ("\"", "'", "''") and not _is_closing_straight(tokens, i + 1, text):
                break
            i += 1
        resume = i + 1
        following = tokens[i + 1][0] if i + 1 < count else ""
        if word in _CLOCK_TIMES and following and following not in _NEW_SENTENCE_WORDS:
            continue
        if word in "?!" and tokens[i][0] != word and _attribution_follows(tokens, i + 1):
            continue  # `“Does he not understand?” Biden said.`: the attribution closes this sentence
        if not following or following[0].isupper() or following[0] in lexicon.SENTENCE_OPENERS or following[0].isdigit():
            if word in ("…", "...") and following and not following[0].isupper():
                continue
            sentences.append(tokens[first : i + 1])
            first = i + 1
    if first < count:
        sentences.append(tokens[first:])
    return sentences


def _attribution_follows(tokens: list[Token], index: int) -> bool:
    """Whether a short name and a speech verb come at ``index`` after a quotation closed by `?`
    or `!`: `Biden said`, `Sen. Ann Lee asked`, `Lee's spokesman added`."""
    k = index
    while k < len(tokens) and k - index < 5 and (tokens[k][0][:1].isupper() or tokens[k][0] in ("'s", "’s")):
        k += 1
    return index < k < len(tokens) and tokens[k][0] in lexicon.CUE_FORMS and not tokens[k][0].endswith("ing")


def _is_closing_straight(tokens: list[Token], index: int, text: str) -> bool:
    """A straight quote mark closes when it follows a word and precedes a space or punctuation."""
    _, start, end = tokens[index]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")
