"""What may follow a postposed speech cue after a whole quote without being content of its own."""

from __future__ import annotations

from .marks import SpanIndex
from .sentences import Sentence


def topic_tail(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """`“...,” Tamargo recalled of a June conversation she had with him at the convention center.`:
    after a whole quote, `of` names what the quote was about, however long the phrase; the
    quote is what was said. A `that` or a second quote would be content of its own.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> from quotetrack.extract.marks import SpanIndex
    >>> text = "“He asked what it takes,” Ann Roe recalled of a talk she had with the candidate at the old convention center downtown."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> topic_tail(sentence, SpanIndex(text), 11)
    True
    """
    tokens = sentence.tokens
    if k >= len(tokens) or tokens[k].lower != "of":
        return False
    rest = tokens[k + 1 :]
    return not any(t.lower == "that" or t.text in (";", ":") or spans.opens_at(t.start) for t in rest)
