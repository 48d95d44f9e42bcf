"""A quote going on past its attribution: `“A,” he said. “B.”` is one quote of two parts.

>>> from quotetrack.extract.marks import SpanIndex
>>> text = "“A deal is close,” Ruiz said on CNN's “State of the Union.” “We sign on Monday.”"
>>> spans = SpanIndex(text)
>>> [spans.text[spans[i].start : spans[i].end] for i in range(len(spans))]
['A deal is close,', 'State of the Union.', 'We sign on Monday.']
>>> gap = text[spans[0].end : spans[1].open_at]
>>> bool(TITLE_BEFORE.search(gap))
True
"""

from __future__ import annotations

import re

from ..records import Quote
from .evidence import join_parts
from .marks import QuoteSpan, SpanIndex
from .sentences import Sentence

__all__ = ["PARTICIPLE_CUE", "TITLE_BEFORE", "continues", "extend", "set_parts"]

PARTICIPLE_CUE = re.compile(
    r"\b(?:adding|saying|noting|arguing|warning|insisting|explaining|continuing|telling|asking|writing)\b"
)
# What stands before a quoted title: an outlet's possessive (`CNN's`), a kind of work (`the program`) or
# a naming verb (`a book titled`).
TITLE_BEFORE = re.compile(
    r"(?:\b(?!(?:It|That|There|He|She|What|Here|Let|Who|Where)['’])[A-Z][\w&.-]*['’]s|\b(?:program|programme|show|podcast|series|film|documentary|book|column|newsletter|segment"
    r"|titled|entitled|called|dubbed|named))\s*$"
)


def continues(spans: SpanIndex, last: Quote | None, span: QuoteSpan, same_paragraph: bool) -> bool:
    """`“A,” he said. “B.”`: B goes on with A when only the attribution stands between them."""
    if last is None or last.kind != "direct" or not same_paragraph or span.start < last.end:
        return False
    gap = spans.text[last.end : span.open_at]
    if PARTICIPLE_CUE.search(gap):
        return False  # `“A,” he said, adding later, “B.”`: B is a statement of its own
    if TITLE_BEFORE.search(gap):
        return False  # `“A,” she said on CNN's “State of the Union.”`: the title of a show, not her words
    # `“A,” she said on CNN's “State of the Union.” “B.”`: B goes on with A past the show's title.
    between = [i for i in spans.spans_opening(last.end, span.open_at) if not TITLE_BEFORE.search(spans.text[last.end : spans[i].open_at])]
    return len(gap.split()) <= 30 and not between


def extend(quote: Quote, continuation: QuoteSpan, text: str, sentence: Sentence) -> None:
    """Grow ``quote`` over ``continuation``; ``extra["parts"]`` keeps where the quoted words are."""
    parts = quote.extra.get("parts") or [(quote.start, quote.end)]
    quote.end = continuation.end
    set_parts(quote, [*parts, (continuation.start, continuation.end)], text)
    start, _ = quote.extra.get("context", (quote.start, quote.end))
    end = max(sentence.end, continuation.outer_end)
    quote.extra["context"] = (start, end)
    quote.sentence = text[start:end]


def set_parts(quote: Quote, parts: list[tuple[int, int]], text: str) -> None:
    """Record where the quoted words of ``quote`` are; its ``text`` becomes those words alone.

    Each part is trimmed of spaces and kept inside ``[quote.start, quote.end]``; ``text`` joins
    the parts with " … ", so `“A,” he said. “B.”` reads `A, … B.`, never the attribution.
    """
    trimmed = []
    for start, end in parts:
        start, end = max(start, quote.start), min(end, quote.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            trimmed.append((start, end))
    quote.extra["parts"] = trimmed
    quote.text = join_parts(text, trimmed) if len(trimmed) > 1 else text[quote.start : quote.end]
