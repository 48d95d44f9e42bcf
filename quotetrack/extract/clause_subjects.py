"""The speaker of a participle cue after a clause: `In an interview, he defended Lee's record,
saying ...` is said by `he`, the clause's subject, not by the clause nor a name inside it.

>>> from quotetrack.extract.sentences import rule_analysis
>>> text = "On Monday, Ana Ruiz praised Tom Hale, saying that he was brave."
>>> (sentence,) = rule_analysis(text)[0]
>>> cue = [token.text for token in sentence.tokens].index("saying")
>>> left = left_speaker(sentence, cue)
>>> words(sentence, left.speaker), words(sentence, clause_subject(sentence, left, cue).speaker)
('Tom Hale', 'Ana Ruiz')
"""

from __future__ import annotations

from .. import lexicon
from .cue_verbs import looks_like_verb
from .marks import SpanIndex
from .phrases import (
    ADJUNCT_STARTS,
    SUBORDINATORS,
    LeftSpeaker,
    TokenRange,
    is_clause_verb,
    left_speaker,
    name_head,
    plausible_speaker,
    trim_range,
    words,
)
from .sentences import Sentence, Token

__all__ = ["clause_subject", "just_spoke", "left_speaker", "speaker_of_cue_before", "without_time", "words"]

# `Nefzi said on Friday, adding`: a speech verb is the clause's verb whatever follows it.
_SAID = frozenset(["said", "says", "told", "wrote"])


def clause_subject(sentence: Sentence, left: LeftSpeaker, cue: int) -> LeftSpeaker:
    """``left`` with its speaker cut to the subject when it is a whole clause before a participle
    cue after a comma (`Trump attacked Clinton for her record, saying`, `..., Nefzi said Tuesday,
    adding`); as it was otherwise."""
    tokens = sentence.tokens
    if cue > 2 and tokens[cue - 1].lower == "and":
        return _later_clause_subject(sentence, left, cue)
    if cue < 2 or not tokens[cue].lower.endswith("ing") or tokens[cue - 1].text != ",":
        return left
    start = phrase_start = left.phrase_first if left.phrase_first is not None else left.speaker[0]
    last = left.speaker[1]
    if tokens[start].lower in SUBORDINATORS or tokens[start].lower in ("and", "but"):
        start += 1  # `as Mrs. Clinton echoed the criticism, saying`
    verb = next((k for k in range(start + 1, last + 1) if is_clause_verb(tokens, k) or tokens[k].lower in _SAID), None)
    if verb is None:
        return _after_fronted_phrase(sentence, left, cue)
    # `prosecutors charged the officer and Emanuel fired his chief, acknowledging`: the last clause speaks.
    joined = next((k for k in range(last - 1, verb, -1) if tokens[k].lower in ("and", "but") and _subject_opens(tokens, k + 1)), None)
    if joined is not None:
        later = next((k for k in range(joined + 2, last + 1) if is_clause_verb(tokens, k)), None)
        start, verb = (joined + 1, later) if later is not None else (start, verb)
    end = verb - 1
    # `Trump on Tuesday dismissed`, `Mr. Trump even echoed`: an adjunct or adverb between subject and verb.
    adjunct = next((k for k in range(start + 1, end + 1) if tokens[k].lower in ADJUNCT_STARTS or tokens[k].text in ("--", "—", "–")), None)
    end = adjunct - 1 if adjunct is not None else end
    while end > start and tokens[end].text.islower() and (tokens[end].text in lexicon.ADVERBS_BEFORE_CUE or tokens[end].text.endswith("ly")):
        end -= 1
    subject = trim_range(tokens, start, end)
    if subject is None or not plausible_speaker(tokens[subject[0] : subject[1] + 1]):
        return left
    head = name_head(sentence, subject)
    # The phrase still starts where the clause did: what stands before it places the content.
    return LeftSpeaker(head, left.chain_start, left.appositives, phrase_start if head[0] != phrase_start else None)


_CLAUSE_JOINS = frozenset(["while", "whereas", "but"])


def _later_clause_subject(sentence: Sentence, left: LeftSpeaker, cue: int) -> LeftSpeaker:
    """`Jindal signed an order, while Mike Huckabee, the former governor, proposed a ban and said ...`:
    a verb joined by `and` shares the subject of its own clause, the one after `, while`, not the
    sentence's first; ``left`` as it was when no such clause stands between.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "Gov. Ann Lee signed an order, while Tom Hale, a former governor, proposed a ban and said the rules failed."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> cue = [token.text for token in sentence.tokens].index("said")
    >>> words(sentence, clause_subject(sentence, left_speaker(sentence, cue), cue).speaker)
    'Tom Hale'
    """
    tokens = sentence.tokens
    join = next((j for j in range(cue - 2, left.speaker[1], -1) if tokens[j].lower in _CLAUSE_JOINS and tokens[j - 1].text == "," or tokens[j].text == ";"), None)
    if join is None or join + 1 >= cue - 1:
        return left
    end = next((k for k in range(join + 1, cue - 1) if tokens[k].text == "," or is_clause_verb(tokens, k)), None)
    subject = trim_range(tokens, join + 1, end - 1) if end is not None and end > join + 1 else None
    opens = subject is not None and (_subject_opens(tokens, subject[0]) or tokens[subject[0]].lower in ("the", "a", "an"))
    if subject is None or not opens or not plausible_speaker(tokens[subject[0] : subject[1] + 1]):
        return left
    return LeftSpeaker(name_head(sentence, subject))


# `Like Corker, Menendez rejected the deal, arguing`: a fronted phrase compares or sets the scene.
_FRONTING = frozenset(["like", "unlike", "as", "after", "before", "despite", "with", "in", "on", "at", "for", "among", "amid"])


def _after_fronted_phrase(sentence: Sentence, left: LeftSpeaker, cue: int) -> LeftSpeaker:
    """``left`` cut to the clause after it when it is a fronted phrase (`Like Corker,`) and a whole
    clause stands between its comma and the participle cue; as it was otherwise."""
    tokens = sentence.tokens
    first, last = left.speaker
    opening = left.phrase_first if left.phrase_first is not None else first
    if opening > 0 and tokens[opening - 1].lower in _FRONTING:
        opening -= 1  # the head was cut to the name: `Like Corker` gives `Corker`
    comma = last + 1
    if tokens[opening].lower not in _FRONTING or comma >= cue - 2 or tokens[comma].text != ",":
        return left
    rest = LeftSpeaker((comma + 1, cue - 2), left.chain_start)
    found = clause_subject(sentence, rest, cue)
    return left if found is rest else LeftSpeaker(found.speaker, left.chain_start, left.appositives, found.phrase_first)


def _subject_opens(tokens: list[Token], k: int) -> bool:
    """A name or a subject pronoun at ``k``: `and Emanuel fired`, `but he said`."""
    return tokens[k].text[:1].isupper() or tokens[k].lower in lexicon.SUBJECT_PRONOUNS


# `Ann Lee on Tuesday said`, `The Kremlin earlier Thursday told`: when, not who.
_TIME_LEADS = frozenset(["on", "last", "this", "early", "late", "earlier", "later"])
_DAY_PARTS = frozenset(["night", "morning", "afternoon", "evening"])


def without_time(sentence: Sentence, left: LeftSpeaker) -> LeftSpeaker:
    """``left`` without a time adjunct ending its speaker (`Sanders on Tuesday night`, `Trump this
    week`); the phrase still starts where it did.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> (sentence,) = rule_analysis("The Kremlin on Tuesday night said talks would go on.")[0]
    >>> words(sentence, without_time(sentence, left_speaker(sentence, 5)).speaker)
    'The Kremlin'
    """
    tokens = sentence.tokens
    first, last = left.speaker
    end = last
    if end > first and tokens[end].lower in _DAY_PARTS:
        end -= 1
    if end > first + 1 and (tokens[end].lower in lexicon.WEEKDAYS or tokens[end].lower in ("week", "month")) and tokens[end - 1].text in _TIME_LEADS:
        end -= 1  # a lead word is needed: `Super Tuesday`, `USA TODAY` are names
        while end > first and tokens[end].text in _TIME_LEADS:
            end -= 1
        if tokens[end].text[:1].isupper() or tokens[end].lower in lexicon.ROLE_NOUNS:
            phrase_first = left.phrase_first if left.phrase_first is not None else first
            return LeftSpeaker((first, end), left.chain_start, left.appositives, phrase_first if phrase_first != first else None)
    return left


def just_spoke(tokens: list[Token], speaker: TokenRange | None, cue: int) -> bool:
    """Whether ``speaker`` is the subject of the cue closing the clause just before the participle at
    ``cue``: in `Hale cannot say that “...,” Ruiz added, saying ...` Ruiz says it, not Hale.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> tokens = rule_analysis("Hale cannot say that “this is it,” Ruiz added, saying more.")[0][0].tokens
    >>> cue = [token.text for token in tokens].index("saying")
    >>> just_spoke(tokens, (cue - 3, cue - 3), cue), just_spoke(tokens, (0, 0), cue)
    (True, False)
    """
    if speaker is None or not speaker[1] < cue - 1 or tokens[cue - 1].text != ",":
        return False
    between = [token.lower for token in tokens[speaker[1] + 1 : cue - 1]]
    before = tokens[speaker[0] - 1].lower if speaker[0] > 0 else ""
    said_before = not between and before in lexicon.CUE_FORMS  # `..., said Ruiz, adding`
    return said_before or 0 < len(between) <= 4 and between[0] in lexicon.CUE_FORMS  # `Ruiz added on Friday, saying`


def speaker_of_cue_before(sentence: Sentence, spans: SpanIndex, cue: int) -> TokenRange | None:
    """The speaker of the cue closing the clause before the participle at ``cue``, outside quotes:
    `The former candidate continued, saying ...`, `“...,” Hale said on his morning radio programme
    once the count was in, remarking ...`; None when that clause has no cue.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "The former party chairman went on, saying that jobs would return."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> words(sentence, speaker_of_cue_before(sentence, SpanIndex(text), 7))
    'The former party chairman'
    """
    tokens = sentence.tokens
    for j in range(cue - 2, max(cue - 16, 0), -1):
        if tokens[j].text in lexicon.QUOTE_MARKS or spans.in_quote(tokens[j].start):
            return None
        if tokens[j].lower in lexicon.CUE_FORMS and tokens[j].text.islower() and not tokens[j].lower.endswith("ing") and looks_like_verb(tokens, j):
            left = left_speaker(sentence, j)
            return left.speaker if left is not None and not spans.in_quote(tokens[left.speaker[0]].start) else None
    return None
