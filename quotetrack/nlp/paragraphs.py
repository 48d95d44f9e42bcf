"""Paragraphs of an article, defined once for the tokenizer, the quote-mark finder and the sentences.

A blank line always separates paragraphs. A single line break is either a hard wrap (plain
text wrapped at a fixed width, e-mail, CRLF files) or a paragraph break (JSON feeds often put
one ``\\n`` between paragraphs). It is a wrap, and the lines are joined, when:

- the text is wrapped at a fixed width (every line at most :data:`MAX_WRAP_WIDTH`
  characters), blank lines separate its paragraphs, and the next line's first word would
  not have fitted on this line: the line is full, whatever ends it;
- or the line does not end a sentence (no ``. ! ? :`` or closing quote mark after one at
  its end) and the next line does not open a new block: it starts in lower case, continues
  a quote left open (the next quote mark closes it), or would not have fitted (as above).

Headlines, datelines, signatures (`― Carla Sanchez`) and list items stay paragraphs of their own.

>>> text = "Harbor Reopens\\n\\n“We will rebuild every pier,” said the\\nmayor, Ana Ruiz, on a visit to the\\nharbor.\\nThe council met."
>>> [text[start:end] for start, end in paragraph_spans(text)][1:]
['“We will rebuild every pier,” said the\\nmayor, Ana Ruiz, on a visit to the\\nharbor.', 'The council met.']
>>> text = "Budget Approved\\r\\nThe council voted.\\r\\n\\r\\nIt met."
>>> [text[start:end] for start, end in paragraph_spans(text)]
['Budget Approved', 'The council voted.', 'It met.']
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .. import lexicon

__all__ = ["MAX_WRAP_WIDTH", "paragraph_spans"]

# Text wrapped for terminals, e-mail and wire printers is at most this wide; longer lines are
# paragraphs of a feed, never wrapped.
MAX_WRAP_WIDTH = 100
# Greedy wrappers fill a line to the width; others (fmt) aim a little short of it.
_WRAP_SLACK = 10
# Narrower "widths" are short lines (headlines, lists), not wrapped prose.
_MIN_WRAP_WIDTH = 40

_LINE = re.compile(r"[^\r\n]+")
_DOUBLE_MARKS = "“”«»„‟\""
_DOUBLE_MARK = re.compile(f"[{_DOUBLE_MARKS}]")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·]\s|\d{1,2}[.)]\s)")
_BLANK_LINE = re.compile(r"(?:\r?\n|\r)[ \t\xa0]*(?:\r?\n|\r)")
_NAME_ABBREVIATIONS = lexicon.ABBREVIATIONS - lexicon.SENTENCE_FINAL_ABBREVIATIONS


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph: its first line's start to its last line's end (no line breaks)."""
    # The tokenizer and the quote-mark finder both ask, one after the other, for the same text.
    last_text, last_spans = _LAST
    if text is last_text:
        return list(last_spans)
    spans = _paragraph_spans(text)
    _LAST[:] = [text, spans]
    return list(spans)


_LAST: list = [None, []]


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    lines = _lines(text)
    if not lines:
        return []
    width = max(len(text[start:end].rstrip()) for start, end in lines)
    layout = _Layout(
        width if len(lines) >= 3 and _MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH else None,
        _BLANK_LINE.search(text) is not None,
    )
    paragraphs: list[tuple[int, int]] = []
    open_quote = False
    marks = _double_marks(text)
    start, end = lines[0]
    for index, (line_start, line_end) in enumerate(lines):
        if index:
            if _joins(text, (start_of_line(text, end), end), line_start, open_quote, layout):
                end = line_end
            else:
                paragraphs.append((start, end))
                start, end = line_start, line_end
        open_quote = _quote_open_after(text, marks[bisect_left(marks, line_start) : bisect_left(marks, line_end)], open_quote)
    paragraphs.append((start, end))
    return paragraphs


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` that is not blank.

    >>> _lines("One\\n \\nTwo\\r\\nThree")
    [(0, 3), (6, 9), (11, 16)]
    >>> _lines("One\\n \\nTwo\\n")
    [(0, 3), (6, 9)]
    """
    if "\r" in text:
        return [(m.start(), m.end()) for m in _LINE.finditer(text) if not m.group().isspace()]
    # Splitting at line feeds finds them faster than the pattern scans every character.
    lines = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            lines.append((start, end))
        start = end + 1
    return lines


@dataclass(frozen=True)
class _Layout:
    width: int | None  # the width the text is wrapped at, None when it is not wrapped
    blank_lines: bool  # whether blank lines separate its paragraphs


def _joins(text: str, line: tuple[int, int], next_start: int, open_quote: bool, layout: _Layout) -> bool:
    """Whether ``line`` runs on into the line at ``next_start``."""
    if _line_breaks(text[line[1] : next_start]) != 1:
        return False  # a blank line between
    words = text[line[0] : line[1]].split()
    following = text[next_start : next_start + 200].split(maxsplit=1)
    if not words or not following or _LIST_ITEM.match(text, next_start) or _title_case(words):
        return False
    # Would the next word have fitted on this line? If not, the line was full and wrapped.
    full = layout.width is not None and len(" ".join(words)) + 1 + len(following[0]) > layout.width - _WRAP_SLACK
    if full and layout.blank_lines:
        return True  # blank lines separate paragraphs, so a full line only wraps
    if _ends_sentence(words[-1]):
        return False
    if words[-1].endswith(".") and words[-1].casefold() in lexicon.TITLES:
        return True  # `said Sen.⏎Ted Cruz`: a title is never the last word of a paragraph
    if open_quote and _next_mark_closes(text, next_start):
        return True  # `“We have not seen any concrete⏎document,” he said`
    return following[0][0].islower() or full


def start_of_line(text: str, position: int) -> int:
    """Where the line holding ``position`` starts (after ``\\n``, ``\\r\\n`` or ``\\r``).

    >>> start_of_line("one\\r\\ntwo", 6)
    5
    """
    return max(text.rfind("\n", 0, position), text.rfind("\r", 0, position)) + 1


def _line_breaks(gap: str) -> int:
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n")


def _ends_sentence(word: str) -> bool:
    """Whether a line's last word ends a sentence: `lifted.`, `said:`, `time.”`, but not `Sen.`, `ready,”` or `heaters’`."""
    bare = word.rstrip("”’\"»)")
    if bare != word:
        return bare.endswith((".", "!", "?", "…"))
    if bare.endswith((":", "!", "?", "…")):
        return True
    # "Sen." and "Mr." at a line's end are cut off from their name, not ending a sentence.
    return bare.endswith(".") and bare[:-1] not in _NAME_ABBREVIATIONS


def _title_case(words: list[str]) -> bool:
    """A headline: four words or more, three in four capitalised."""
    letters = [word for word in words if word[0].isalpha()]
    return len(letters) >= 4 and sum(word[0].isupper() for word in letters) >= 0.75 * len(letters)


def _double_marks(text: str) -> list[int]:
    """Where the double quote marks of ``text`` are, in order. ``str.find`` jumps to each mark;
    a regular expression's character class would try every character.

    >>> _double_marks('“Yes,” he said. "No."')
    [0, 5, 16, 20]
    """
    positions = []
    for mark in _DOUBLE_MARKS:
        position = text.find(mark)
        while position >= 0:
            positions.append(position)
            position = text.find(mark, position + 1)
    positions.sort()
    return positions


def _quote_open_after(text: str, marks: list[int], open_quote: bool) -> bool:
    """Whether a double quote is open after the marks at ``marks`` (the positions of a line's
    double quote marks), given whether one was open before them."""
    for position in marks:
        open_quote = _opens(text, position) if open_quote is False else not _closes(text, position)
    return open_quote


def _next_mark_closes(text: str, position: int) -> bool:
    """Whether the next double quote mark from ``position`` (within the next lines) closes a quote."""
    match = _DOUBLE_MARK.search(text, position, position + 2000)
    if match is None or re.search(r"\n[ \t\xa0]*\r?\n", text[position : match.start()]):
        return False
    return _closes(text, match.start())


# A straight double quote after a space or one of these opens a quote; after anything else it closes one.
_BEFORE_OPENING = "([{—–-/"


def _opens(text: str, i: int) -> bool:
    char = text[i]
    if char in "“«„‟":
        return True
    if char != '"':
        return False
    before = text[i - 1] if i > 0 else " "
    return before.isspace() or before in _BEFORE_OPENING


def _closes(text: str, i: int) -> bool:
    char = text[i]
    if char in "”»":
        return True
    if char != '"':
        return False
    before = text[i - 1] if i > 0 else " "
    return not before.isspace() and before not in _BEFORE_OPENING
