"""Why a quote is attributed to its speaker: how the speaker was found, and how sure that makes us.

A fact-checker reads the evidence off each :class:`~quotetrack.records.Quote`: the words the
article used (``speaker_mention`` at ``text[speaker_start:speaker_end]``), how those words
led to the speaker (``speaker_method``, see :func:`speaker_method`) and a ``confidence``
that follows that evidence (see :func:`attribution_confidence`).

>>> speaker_method("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"), speaker_method("he", "Dmitry Peskov")
('name', 'pronoun')
>>> attribution_confidence("name", direct=True) > attribution_confidence("pronoun", direct=True, sentences_back=2)
True
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .. import lexicon
from ..records import SpeakerMethod
from ..resolve.names import name_word_key, speaker_kind

__all__ = [
    "FOLLOW_ON_CONFIDENCE",
    "METHOD_CONFIDENCE",
    "attribution_confidence",
    "follow_on_confidence",
    "join_parts",
    "sentences_back",
    "speaker_method",
]

# How sure each kind of evidence makes an attribution with a speech cue, before the
# adjustments of attribution_confidence. A follow-on quote (no cue of its own, the last
# speaker's by position only) is less sure than any of them: FOLLOW_ON_CONFIDENCE.
METHOD_CONFIDENCE: dict[SpeakerMethod, float] = {
    "name": 0.9,  # the full name is the subject of the cue: `Dmitry Peskov said`
    "alias": 0.85,  # another name of the organisation: `NATO said` for the North Atlantic Treaty Organization
    "surname": 0.85,  # part of a name given earlier: `Peskov said`, `Mr. Peskov said`
    "role": 0.75,  # a role matched to someone introduced with it: `the spokesman said`
    "pronoun": 0.7,  # `he said`, its antecedent in this sentence or the one before
    "none": 0.35,  # a cue without a speaker we could name: `officials said`, `a source said`
}
PRONOUN_FAR_PENALTY = 0.1  # the antecedent is two sentences back or more (or never named)
WEAK_CUE_PENALTY = 0.15  # cues of belief or that double as ordinary verbs: `believes`, `called`
DIRECT_BONUS = 0.05  # quote marks bound the speaker's own words
# Follow-on quotes: in the next paragraph of the attributed quote, or two paragraphs on.
FOLLOW_ON_CONFIDENCE = (0.5, 0.4)

_WORD = re.compile(r"[\w’'.-]+")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_DETERMINERS = frozenset({"the", "a", "an"})


def speaker_method(mention: str | None, speaker: str | None) -> SpeakerMethod:
    """How ``speaker`` was found from the article's ``mention`` of it.

    ======== ================================================ =====================================
    method   the mention ...                                   example (mention → speaker)
    ======== ================================================ =====================================
    pronoun  is a pronoun                                      he → Dmitry Peskov
    none     led to no speaker                                 officials → None
    name     holds the speaker's full name                     Kremlin spokesman Dmitry Peskov
    surname  is part of a person's name (titles aside)         Mr. Peskov → Dmitry Peskov
    alias    is another name of an organisation, an acronym    NATO → North Atlantic Treaty Org...
    role     names a role or an institution                    the spokesman → Dmitry Peskov
    ======== ================================================ =====================================

    >>> [speaker_method(m, s) for m, s in [("Mr. Peskov", "Dmitry Peskov"), ("the spokesman", "Dmitry Peskov"),
    ...     ("NATO", "North Atlantic Treaty Organization"), ("the ministry", "Foreign Ministry"), ("officials", None)]]
    ['surname', 'role', 'alias', 'role', 'none']
    """
    bare = (mention or "").strip(" ,.;:")
    if bare.casefold() in lexicon.PRONOUNS:
        return "pronoun"
    if not speaker:
        return "none"
    said = _words(bare)
    name = _words(speaker)
    if not said or _contains(said, name):
        return "name"
    organisation = speaker_kind(speaker) == "organisation"
    capitalised = [word for word in _raw_words(bare) if word[:1].isupper() and not _is_role_word(word)]
    if any(name_word_key(word) in name for word in capitalised):
        return "alias" if organisation else "surname"
    if capitalised and not any(_is_role_word(word) or word.islower() for word in _raw_words(bare)):
        return "alias"  # `Moscow` for the Kremlin, `NATO`: a name, but not this speaker's own
    return "role"


def _raw_words(text: str) -> list[str]:
    return [_POSSESSIVE_END.sub("", word) for word in _WORD.findall(text)]


@lru_cache(maxsize=1 << 14)  # each quote's mention and speaker: the same few names again and again
def _words(text: str) -> tuple[str, ...]:
    return tuple(name_word_key(word) for word in _raw_words(text) if word.casefold() not in _DETERMINERS)


def _contains(words: tuple[str, ...], name: tuple[str, ...]) -> bool:
    """Whether ``name`` occurs in ``words`` as a run of consecutive words."""
    size = len(name)
    return any(words[i : i + size] == name for i in range(len(words) - size + 1))


def _is_role_word(word: str) -> bool:
    lowered = word.casefold()
    return (
        lowered in lexicon.ROLE_NOUNS
        or lowered in lexicon.INSTITUTION_NOUNS
        or lowered in lexicon.TITLES
        or lowered.rstrip(".") in lexicon.TITLES
    )


def sentences_back(text: str, sentence_starts: Sequence[int], speaker: str | None, position: int) -> int:
    """How many sentences before ``position`` the speaker was last named (99 when never).

    >>> text = "Dmitry Peskov spoke. Talks stalled. He left."
    >>> sentences_back(text, [0, 21, 36], "Dmitry Peskov", 36)
    2
    """
    if not speaker:
        return 99
    words = [word for word in speaker.split() if len(word) > 2] or [speaker]
    last = max(_last_whole_word(text, word, position) for word in words)
    if last < 0:
        return 99
    here = bisect.bisect_right(sentence_starts, position)
    there = bisect.bisect_right(sentence_starts, last)
    return here - there


def _last_whole_word(text: str, word: str, position: int) -> int:
    """Where ``word`` last stands as a whole word before ``position``; -1 when nowhere.

    Searched backwards from ``position``, not matched over the whole text: it runs once per quote.

    >>> _last_whole_word("Lee, Leeds and Lee again", "Lee", 24), _last_whole_word("Leeds", "Lee", 5)
    (15, -1)
    """
    end = position
    while (start := text.rfind(word, 0, end)) >= 0:
        before = text[start - 1] if start else " "
        after = text[start + len(word)] if start + len(word) < len(text) else " "
        if start + len(word) <= position and not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return start
        end = start + len(word) - 1
    return -1


def attribution_confidence(
    method: SpeakerMethod, *, direct: bool, weak_cue: bool = False, sentences_back: int = 0
) -> float:
    """How sure an attribution with a speech cue is, from the evidence for its speaker.

    ==================================================== ==========
    evidence                                             confidence
    ==================================================== ==========
    full name as the cue's subject (``name``)            0.90
    other name of an organisation (``alias``)            0.85
    surname of someone named before (``surname``)        0.85
    role noun (``role``)                                 0.75
    pronoun, antecedent in this or the last sentence     0.70
    pronoun, antecedent two sentences back or more       0.60
    no speaker found (``none``)                          0.35
    follow-on quote without a cue, next paragraph        0.50
    follow-on quote without a cue, two paragraphs on     0.40
    ==================================================== ==========

    +0.05 for a direct quote (its words are bounded by quote marks); -0.15 for a weak cue
    (belief verbs, verbs that are speech cues only sometimes). Capped to 0.05-0.99.

    >>> attribution_confidence("name", direct=True), attribution_confidence("pronoun", direct=False, sentences_back=3)
    (0.95, 0.6)
    """
    confidence = METHOD_CONFIDENCE[method]
    if method == "pronoun" and sentences_back >= 2:
        confidence -= PRONOUN_FAR_PENALTY
    if direct:
        confidence += DIRECT_BONUS
    if weak_cue:
        confidence -= WEAK_CUE_PENALTY
    return round(min(max(confidence, 0.05), 0.99), 2)


def follow_on_confidence(paragraphs_later: int, previous: float) -> float:
    """A follow-on quote is never surer than the quote it follows, nor than :data:`FOLLOW_ON_CONFIDENCE`.

    >>> follow_on_confidence(1, 0.95), follow_on_confidence(2, 0.95), follow_on_confidence(0, 0.35)
    (0.5, 0.4, 0.35)
    """
    ceiling = FOLLOW_ON_CONFIDENCE[0] if paragraphs_later <= 1 else FOLLOW_ON_CONFIDENCE[1]
    return min(ceiling, previous)


def join_parts(text: str, parts: Sequence[tuple[int, int]]) -> str:
    """The quoted words of an interrupted quote, without the attribution between them.

    >>> text = "“We will rebuild,” Ruiz said. “Every street.”"
    >>> join_parts(text, [(1, 17), (31, 44)])
    'We will rebuild, … Every street.'
    """
    return " … ".join(text[start:end] for start, end in parts)
