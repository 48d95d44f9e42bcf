"""The listener after `told`, `asked`, `warned`: where what was said starts.

>>> from quotetrack.extract.sentences import rule_analysis
>>> (sentence,) = rule_analysis("Peskov told the state news agency TASS the talks were over.")[0]
>>> [token.text for token in sentence.tokens[skip_object(sentence, 2) :]][:3]
['the', 'talks', 'were']
"""

from __future__ import annotations

from .. import lexicon
from ..resources import word_list
from .sentences import Sentence, Token
from .speaker_words import PUNCT, possessive_mark

__all__ = ["skip_object"]

_LISTENERS = word_list("listeners")
_LISTENER_NAME_WORDS = word_list("listener_name_words")
_AUDIENCE_NOUNS = word_list("audience_nouns")
# Words that open what the listener was told rather than go on naming the listener.
_CLAUSE_STARTS = lexicon.SUBJECT_PRONOUNS | {"the", "a", "an", "that", "this", "these", "those", "there", "it"}
# Words that go on past a listener of the speaker's own (`told his story to the court`): it was no listener.
_PAST_OWN_LISTENER = frozenset(["to", "for", "with", "at", "in", "on", "about", "of", "from", "by", "and", "or"])
_ENDS_OWN_LISTENER = _CLAUSE_STARTS | _PAST_OWN_LISTENER
# Words that go on describing an audience rather than start what it was told.
_AUDIENCE_MODIFIERS = frozenset(["of", "with", "near", "in", "at", "on", "here", "there", "during", "after", "before", "from", "for",
                                 "being", "held", "hosted", "organised", "organized", "attended", "gathered", "bathed", "outside", "inside",
                                 "last", "earlier", "recently"]) | lexicon.WEEKDAYS


def skip_object(sentence: Sentence, k: int) -> int:
    """Past the listener of `told`: `told reporters`, `told The Associated Press`, `told his
    French counterpart Emmanuel Macron that ...`."""
    tokens = sentence.tokens
    if k >= len(tokens):
        return k
    that = next(
        (j for j in range(k + 1, min(k + 10, len(tokens))) if tokens[j].lower in ("that", "to") or tokens[j].text in PUNCT),
        None,
    )  # `told his counterpart X that ...`, but not `warned Korea to refrain from acts that ...`
    if that is not None and tokens[that].lower == "that":
        return that
    if tokens[k].lower in lexicon.POSSESSIVE_DETERMINERS:
        # `told his players the team would ...`, `told her staff she would stay`: a listener of the speaker's own.
        j = k + 1
        while j < min(k + 3, len(tokens)) and tokens[j].text.isalpha() and tokens[j].text.islower() and tokens[j].lower not in _ENDS_OWN_LISTENER:
            j += 1
        if j > k + 1 and j < len(tokens) and (tokens[j].lower in _CLAUSE_STARTS or tokens[j].text[:1].isupper() or tokens[j].text in lexicon.OPENING_MARKS or tokens[j].text == ":"):
            return j
    two = f"{tokens[k].text} {tokens[k + 1].text}" if k + 1 < len(tokens) else ""
    if two in _LISTENERS:
        return k + 2
    if tokens[k].text in _LISTENERS:
        return k + 1
    # A named object, an outlet or a person: `told The Associated Press`, `told CNN's Jake Tapper`.
    j = k
    if tokens[j].lower in ("the", "a", "an"):
        j += 1
    start_j = j
    # `told CBS News’ Margaret Brennan`: a plural possessive's bare apostrophe joins the name to its journalist.
    while j < len(tokens) and (tokens[j].text[:1].isupper() or tokens[j].lower in _LISTENER_NAME_WORDS or j > start_j and possessive_mark(tokens, j)):
        j += 1
    if _noun_goes_on(tokens, start_j, j):
        j = start_j  # `told a news conference`: no name, an audience
    if j == start_j > k:  # `told the forum.`, `told the annual summit,`, `told a news conference in Brussels.`: an audience
        head = next((m for m in range(j, min(j + 4, len(tokens))) if tokens[m].lower in _AUDIENCE_NOUNS), None)
        if head is not None:
            return _past_audience(tokens, _past_place(tokens, head + 1))
        end = next((m for m in range(j, min(j + 5, len(tokens))) if not (tokens[m].text.islower() or possessive_mark(tokens, m))), None)
        return end if end is not None and end > j and tokens[end].text in PUNCT else k
    # `asked Republican politicians`, `told Democratic lawmakers`: a group named by its people.
    while start_j < j < len(tokens) and j - start_j < 4 and tokens[j].text.islower() and (tokens[j].text in _LISTENERS or tokens[j].text[:-1] in lexicon.ROLE_NOUNS):
        j += 1
    return j if j > start_j else k


def _noun_goes_on(tokens: list[Token], start: int, end: int) -> bool:
    """Lower-case listener words (`news`) that only modify an audience noun after them (`news conference`)."""
    following = tokens[end] if start < end < len(tokens) else None
    return following is not None and following.lower in _AUDIENCE_NOUNS and not any(t.text[:1].isupper() for t in tokens[start:end])


def _past_place(tokens: list[Token], k: int) -> int:
    """Past where an audience was: `in Brussels`, `at the Sorbonne` (capitalised words after `in` or `at`)."""
    if k + 1 < len(tokens) and tokens[k].lower in ("in", "at"):
        j = k + 2 if tokens[k + 1].lower == "the" else k + 1
        end = j
        while end < len(tokens) and (tokens[end].text[:1].isupper() or tokens[end].text == "," and end + 1 < len(tokens) and tokens[end + 1].text[:1].isupper()):
            end += 1  # `in Berea, Ohio`
        return end if end > j else k
    return k


def _past_audience(tokens: list[Token], k: int) -> int:
    """Past the rest of an audience's description (`of 1,300 here on Tuesday`, `with young leaders`,
    `being held in a church`): to `that` or the next punctuation, where what was said may start."""
    if k >= len(tokens) or tokens[k].lower not in _AUDIENCE_MODIFIERS:
        return k
    return next((m for m in range(k, len(tokens)) if tokens[m].lower == "that" or tokens[m].text in PUNCT), len(tokens) - 1)
