"""A speaker with an aside between dashes before the cue: `Neil Sroka - whose group endorsed
Sanders - said ...` is said by Neil Sroka, not by the aside's last word.

>>> from quotetrack.extract.sentences import rule_analysis
>>> from quotetrack.extract.phrases import words
>>> text = "Ana Ruiz, a director at the fund — which backed the plan — said the vote was close."
>>> (sentence,) = rule_analysis(text)[0]
>>> cue = [token.text for token in sentence.tokens].index("said")
>>> words(sentence, speaker_before_aside(sentence, cue).speaker)
'Ana Ruiz'
"""

from __future__ import annotations

from dataclasses import replace

from .phrases import Appositive, LeftSpeaker, left_speaker
from .sentences import Sentence
from .speaker_words import is_person

__all__ = ["speaker_before_aside"]

# A spaced hyphen stands for a dash in much web copy: `Ana Ruiz - whose group ... - said`.
_DASHES = frozenset(["—", "–", "―", "--", "-"])


def speaker_before_aside(sentence: Sentence, cue: int) -> LeftSpeaker | None:
    """The speaker before an aside that closes with a dash just before the cue at ``cue``, with the
    whole phrase starting where the speaker does; None when no dash closes an aside there."""
    tokens = sentence.tokens
    closing = cue - 1
    if closing < 2 or tokens[closing].text not in _DASHES or tokens[closing].start == tokens[closing - 1].end:
        return None  # `Lee-Smith said`: a hyphen inside a word, no aside
    opening = next((k for k in range(closing - 2, max(closing - 40, 0), -1) if tokens[k].text in _DASHES), None)
    if opening is None or tokens[opening].start == tokens[opening - 1].end:
        return None
    # Read as if the aside were not there and a comma stood for it (`Ana Ruiz, a director at the
    # fund, said`); the tokens before it keep their places, so the ranges found hold in ``sentence``.
    comma = replace(tokens[opening], text=",", lower=",")
    apposed = left_speaker(replace(sentence, tokens=[*tokens[:opening], comma, *tokens[cue:]]), opening + 1)
    left = apposed or left_speaker(replace(sentence, tokens=[*tokens[:opening], *tokens[cue:]]), opening)
    return _named_in_aside(sentence, left, opening, closing) or left


def _named_in_aside(sentence: Sentence, left: LeftSpeaker | None, opening: int, closing: int) -> LeftSpeaker | None:
    """`A former presidential candidate -- John McCain, who lost in 2008 -- said`: the name opening
    the aside is who the description before it means."""
    tokens = sentence.tokens
    if left is None or any(is_person(token) for token in tokens[left.speaker[0] : left.speaker[1] + 1]):
        return None
    last = opening
    while last + 1 < closing and is_person(tokens[last + 1]):
        last += 1
    if last == opening or not (tokens[left.speaker[1]].text.islower() and tokens[left.speaker[0]].lower in ("a", "an", "the", "one")):
        return None
    start = left.chain_start if left.chain_start is not None else left.speaker[0]
    return LeftSpeaker((opening + 1, last), start, [Appositive(sentence, (opening + 1, last), left.speaker)])
