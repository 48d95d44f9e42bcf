"""A speaker phrase cut short of its head: in `Ana Ruiz, president and CEO of Harbor Freight stated ...`
the appositive lacks its closing comma and Ana Ruiz, not the company, speaks; in `bankers who have
worked with Tom Hale say` the bankers speak, not Hale.

>>> from quotetrack.extract.sentences import rule_analysis
>>> from quotetrack.extract.phrases import left_speaker, words
>>> text = "Ana Ruiz, president and CEO of Harbor Freight stated that fares would rise."
>>> (sentence,) = rule_analysis(text)[0]
>>> cue = [token.text for token in sentence.tokens].index("stated")
>>> words(sentence, name_before_open_appositive(sentence, left_speaker(sentence, cue)).speaker)
'Ana Ruiz'
"""

from __future__ import annotations

from .. import lexicon
from .phrases import PUNCT, Appositive, LeftSpeaker, after_dateline, is_clause_verb, name_head, noun_phrase_before
from .sentences import Sentence, Token
from .speaker_words import is_person

__all__ = ["name_before_open_appositive", "subject_before_relative"]

# Words a description may open with: `president and CEO of`, `a spokeswoman for`, `the group's director`.
_DESCRIPTION_OPENERS = frozenset(["a", "an", "the", "its", "his", "her", "their", "former", "then", "acting", "interim", "senior", "chief", "executive", "deputy", "co-founder", "founder"])
_LONGEST_DESCRIPTION = 10


def name_before_open_appositive(sentence: Sentence, left: LeftSpeaker | None) -> LeftSpeaker | None:
    """``left`` moved to the name before a description that opens with a comma and runs up to the cue
    (no closing comma); ``left`` itself when there is no such name."""
    if left is None or left.chain_start is not None:
        return left  # a closed chain (`Ana Ruiz, the president, said`) is read already
    tokens = sentence.tokens
    first = left.phrase_first if left.phrase_first is not None else left.speaker[0]
    last = left.speaker[1]
    comma = first - 1
    while comma > 0 and first - comma <= _LONGEST_DESCRIPTION and tokens[comma].text not in PUNCT and not is_clause_verb(tokens, comma):
        comma -= 1
    if comma < 2 or tokens[comma].text != "," or not _describes(tokens[comma + 1 : last + 1]):
        return left
    if _names_own_speaker(tokens[comma + 1 : last + 1]):
        return left  # `Ana Ruiz, spokesman Tom Hale said`: the phrase names its own speaker
    name_end = comma - 3 if tokens[comma - 1].text.isdigit() and tokens[comma - 2].text == "," else comma - 1  # `Ana Ruiz, 58,`
    name_first = name_end
    while name_first > 0 and is_person(tokens[name_first - 1]):
        name_first -= 1
    if not is_person(tokens[name_end]) or not (name_first == after_dateline(tokens) or name_first == 0 or tokens[name_first - 1].text in PUNCT):
        return left
    name = (name_first, name_end)
    return LeftSpeaker(name, name_first, [*left.appositives, Appositive(sentence, name, (comma + 1, last))])


def _describes(words: list[Token]) -> bool:
    """`president and CEO of Harbor Freight`, `a spokeswoman for the ministry`: a role, read from its start."""
    opener = words[0].lower if words else ""
    role_at_start = opener in lexicon.ROLE_NOUNS or opener in _DESCRIPTION_OPENERS
    return role_at_start and (words[0].text.islower() or opener in lexicon.ROLE_NOUNS) and any(word.lower in lexicon.ROLE_NOUNS for word in words)


def _names_own_speaker(words: list[Token]) -> bool:
    """A person named before any preposition: `spokesman Tom Hale`, not `CEO of Harbor Freight`."""
    for word in words:
        if word.lower in _PREPOSITIONS:
            return False
        if is_person(word):
            return True
    return False


_PREPOSITIONS = frozenset(["of", "for", "at", "with", "to", "in", "from", "on"])


_RELATIVE_AUXILIARIES = frozenset(["have", "has", "had", "is", "are", "was", "were", "will", "would", "can", "could", "once", "long", "also"])


def subject_before_relative(sentence: Sentence, left: LeftSpeaker | None) -> LeftSpeaker | None:
    """``left`` moved to the noun a relative clause describes when the phrase found is that clause's
    predicate: in `executives who have worked with Tom Hale say` the executives speak, not Hale.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> from quotetrack.extract.phrases import left_speaker, words
    >>> text = "Bankers who have worked with Tom Hale say he is cautious."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> words(sentence, subject_before_relative(sentence, left_speaker(sentence, 7)).speaker)
    'Bankers'
    """
    if left is None or left.chain_start is not None:
        return left
    tokens = sentence.tokens
    first = left.phrase_first if left.phrase_first is not None else left.speaker[0]
    # `worked with Tom Hale`, or any participle after an auxiliary (`who have run the numbers`, `who have seen`): a verb opens the phrase.
    participle = tokens[first].lower.endswith("ed") or first > 1 and tokens[first - 1].lower in _RELATIVE_AUXILIARIES
    if not (tokens[first].text.islower() and tokens[first].text.isalpha() and participle):
        return left
    j = first - 1
    while j > 0 and first - j <= 2 and tokens[j].lower in _RELATIVE_AUXILIARIES:
        j -= 1
    if j < 1 or tokens[j].lower not in ("who", "that"):
        return left
    described = noun_phrase_before(sentence, j)
    if described is None or not tokens[described[1]].text.isalpha():
        return left
    return LeftSpeaker(name_head(sentence, described), phrase_first=described[0])
