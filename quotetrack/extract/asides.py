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

from .phrases import LeftSpeaker, left_speaker
from .sentences import Sentence

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
    return apposed or left_speaker(replace(sentence, tokens=[*tokens[:opening], *tokens[cue:]]), opening)
