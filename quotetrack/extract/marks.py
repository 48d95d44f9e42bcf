"""Direct-speech spans from quote marks: curly, straight and guillemets, over paragraphs, unbalanced.

>>> [(s.text, s.closed) for s in find_quote_spans('He said “yes.” Then: "no')]
[('yes.', True), ('no', False)]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lexicon import CLOSING_MARKS, MARK_PAIRS
from ..nlp.paragraphs import paragraph_spans

# Single marks (‘British style’) count only where they cannot be apostrophes: see _single_mark.
# `''|[“”«»„‟"‘’]` written to open with a character class, which re jumps between (it tries a pattern
# opening with an alternation at every position): a `'` is a mark only when another follows it.
_MARK = re.compile(r"[“”«»„‟\"‘’'](?:(?<=')'|(?<!'))")


@dataclass
class QuoteSpan:
    """Text between an opening and closing mark; ``start``/``end`` exclude the marks."""

    start: int
    end: int
    text: str
    open_at: int
    close_at: int | None  # None when the quote was never closed
    paragraphs: int = 1  # how many paragraphs the quote runs over
    mark_width: int = 1

    @property
    def closed(self) -> bool:
        return self.close_at is not None

    @property
    def outer_end(self) -> int:
        return self.close_at + self.mark_width if self.close_at is not None else self.end


def _straight_role(text: str, i: int, width: int = 1) -> str:
    """Whether a straight double quote at ``i`` opens or closes, judged by its neighbours."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    if before.isdigit() and not after.isalnum():
        return "inch"
    if before == " " and text[max(i - 3, 0) : i - 1] in (",'", ".'", "?'", "!'", ",’", ".’", "?’", "!’") and not after.isalnum():
        return "close"  # `telling us, 'Wait,' " he said`: a space keeps the two closing marks apart
    if before.isspace() or before in "([{—–-/":
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-":
        return "close"
    return "either"


def find_quote_spans(text: str, max_words: int = 2000) -> list[QuoteSpan]:
    """Every quoted span in ``text``.

    A paragraph that ends inside a quote continues it when the next paragraph
    reopens with a mark (the news convention for multi-paragraph quotes);
    otherwise the quote is cut at the paragraph end and marked unclosed.
    """
    spans: list[QuoteSpan] = []
    paragraphs = paragraph_spans(text)  # a hard-wrapped line is not a paragraph end
    open_at: int | None = None
    open_mark = ""
    run_paragraphs = 1
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        if open_at is not None:
            # Continuation: this paragraph reopens the quote left open above.
            stripped = text[p_start:p_end].lstrip()
            lead = p_end - p_start - len(stripped)
            if stripped and (stripped[0] in MARK_PAIRS or stripped.startswith("''")):
                i = p_start + lead + (2 if stripped.startswith("''") else 1)
                run_paragraphs += 1
            else:
                previous_end = paragraphs[index - 1][1]
                spans.append(_span(text, open_at, previous_end, None, run_paragraphs, len(open_mark)))
                open_at = None
        for match in _MARK.finditer(text, i, p_end):
            char, i = match.group(), match.start()
            width = len(char)
            role = _straight_role(text, i, width) if char in ('"', "''") else ""
            if role == "inch":
                continue
            if char in "‘’" and not _single_mark(text, i, char, open_mark if open_at is not None else None):
                continue
            if open_at is None:
                if char in MARK_PAIRS and role != "close":
                    open_at, open_mark, run_paragraphs = i, char, 1
                continue
            closes = char in CLOSING_MARKS and role in ("", "close", "either")
            if (char == "''") != (open_mark == "''") or (char == "’") != (open_mark == "‘"):
                closes = False
            if char == "“" and open_mark == "“" and _closes_like_a_closer(text, i):
                closes = True  # `“It's unusual,“ said Noble`: a typed opener in a closer's place closes
            elif char == "“" and open_mark != "„":
                # A second opener inside an open quote: the first was never closed.
                closes = False
                if text[open_at + 1 : i].strip():
                    spans.append(_span(text, open_at, i, None, run_paragraphs, len(open_mark)))
                open_at, open_mark, run_paragraphs = i, char, 1
            if closes:
                spans.append(_span(text, open_at, i, i, run_paragraphs, len(open_mark)))
                open_at = None
    if open_at is not None:
        spans.append(_span(text, open_at, paragraphs[-1][1] if paragraphs else len(text), None, run_paragraphs, len(open_mark)))
    return [span for span in spans if span.text.strip() and len(span.text.split()) <= max_words]


def _closes_like_a_closer(text: str, i: int) -> bool:
    """Whether the mark at ``i`` stands where only a closing mark can: after a word's last letter or
    its punctuation, before a space or the end (`problems here,“ said`), never before a word.

    >>> _closes_like_a_closer("here,“ said", 5), _closes_like_a_closer("the “word", 4)
    (True, False)
    """
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before in ",.?!;…" and after.isspace()


def _single_mark(text: str, i: int, char: str, open_mark: str | None) -> bool:
    """‘ opens a quote after a space or bracket; ’ closes only a ‘ quote, and never inside a word."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if char == "‘":
        return open_mark is None and (before.isspace() or before in "([—–-") and not after.isspace()
    return open_mark == "‘" and not before.isspace() and not after.isalnum()


def _span(text: str, open_at: int, end: int, close_at: int | None, paragraphs: int, width: int = 1) -> QuoteSpan:
    start = open_at + width
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, text[start:end], open_at, close_at, paragraphs, width)


class SpanIndex:
    """The quote spans of one text, with lookups by position.

    Spans never overlap and come in text order, so sorted lists make every lookup logarithmic.

    >>> spans = SpanIndex('“We are ready,” he said. Then “no.”')
    >>> [span.text for span in spans], spans.in_quote(3), spans.in_quote(20)
    (['We are ready,', 'no.'], True, False)
    >>> list(spans.spans_opening(0, 31)), spans.opens_at(30), spans.closes_after_punctuation(14)
    ([0, 1], True, True)
    """

    def __init__(self, text: str, spans: list[QuoteSpan] | None = None):
        self.text = text  # the text the spans were found in
        self.spans = find_quote_spans(text) if spans is None else spans
        self._starts = [span.start for span in self.spans]
        self._opens = [span.open_at for span in self.spans]
        self._by_open = {span.open_at: span for span in self.spans}
        self._by_close = {span.close_at: span for span in self.spans if span.close_at is not None}

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[QuoteSpan]:
        return iter(self.spans)

    def __getitem__(self, index: int) -> QuoteSpan:
        return self.spans[index]

    def ranges(self) -> list[tuple[int, int]]:
        """Character ranges inside the quote marks."""
        return [(span.start, span.end) for span in self.spans]

    def spans_opening(self, low: int, high: int) -> range:
        """Indexes of the spans whose opening mark lies in ``[low, high)``."""
        return range(bisect.bisect_left(self._opens, low), bisect.bisect_left(self._opens, high))

    def in_quote(self, position: int) -> bool:
        """True if ``position`` lies between a span's marks."""
        index = bisect.bisect_right(self._starts, position) - 1
        return index >= 0 and position < self.spans[index].end

    def opens_at(self, position: int) -> bool:
        """True if a span's opening mark is at ``position``."""
        return position in self._by_open

    def closing_at(self, position: int) -> QuoteSpan | None:
        """The span whose closing mark is at ``position``."""
        return self._by_close.get(position)

    def closes_after_punctuation(self, position: int) -> bool:
        """True if a span closes at ``position`` and its words end in `,` `.` `?` `!`: `“...,” he said`."""
        span = self._by_close.get(position)
        if span is None:
            return False
        inside = self.text[span.start : span.close_at].rstrip("'’ ")
        return bool(inside) and inside[-1] in ",.?!…—–-"
