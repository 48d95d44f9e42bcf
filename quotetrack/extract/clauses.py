"""Where reported content starts and ends around a speech cue, in one sentence.

The quote marks matter here (a quote closing right before `he said` is the
content), so the functions take the article's :class:`SpanIndex` as well.

>>> from quotetrack.extract.sentences import rule_analysis
>>> text = "The minister said on Tuesday that prices would fall."
>>> (sentence,) = rule_analysis(text)[0]
>>> spans = SpanIndex(text)
>>> start = skip_adjuncts(sentence, spans, 3)
>>> sentence.tokens[start].text, is_tail(sentence, spans, 3)
('that', False)
"""

from __future__ import annotations

import re

from .. import lexicon
from ..resources import word_list
from .marks import SpanIndex
from .phrases import (
    ADJUNCT_STARTS,
    NOT_SPEAKER_STARTS,
    PUNCT,
    STRONG_CUES,
    SUBORDINATORS,
)
from .sentences import Sentence, Token

_ADVERBS_AFTER_CUE = word_list("adverbs_after_cue")
_TAIL_STARTS = ADJUNCT_STARTS | word_list("tail_starts")
# After `, `: a trailing clause, not more of the tail (`..., he said, as they bristled at ...`).
_TRAILING_CLAUSE_STARTS = SUBORDINATORS | {"but", "and", "according"}
# A trailing adjunct saying to whom or where the words were said: `, in comments to broadcaster BFMTV`,
# `, in an interview with Le Monde`, `, speaking to reporters in Kyiv`, `, citing Interfax`.
_RELAY_ADJUNCT = re.compile(
    r"\s*(?:in\s+(?:an?\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:interview|comments|remarks|conversation)\s+(?:with|to)"
    r"|speaking\s+(?:to|with)|talking\s+to|citing)\s"
)
_DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,\s*[A-Z][\w.]*(?:\s[A-Z0-9][\w.]*)?)?\s*(?:\([^)]{1,30}\)\s*)?[—–-]+\s*")


def skip_adjuncts(sentence: Sentence, spans: SpanIndex, k: int) -> int:
    """Skip `on Wednesday`, `in a statement`, `on a conference call on Wednesday` before the content,
    and an aside on the document after them: `said in a letter, seen by the Financial Times, that ...`.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "The firm said in a letter, seen by the Financial Times, that it would close."
    >>> sentence = rule_analysis(text)[0][0]
    >>> sentence.tokens[skip_adjuncts(sentence, SpanIndex(text), 3)].text
    'that'
    """
    k = _skip_adjuncts(sentence, spans, k)
    tokens = sentence.tokens
    if k + 3 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower in ("seen", "obtained", "reviewed") and tokens[k + 2].lower == "by":
        close = _aside_close(tokens, spans, k + 3, k + 12)
        if close is not None:
            return close + 1 if close + 1 < len(tokens) and tokens[close + 1].lower == "that" else close
    return k


def _aside_close(tokens: list[Token], spans: SpanIndex, start: int, limit: int) -> int | None:
    """The comma closing an aside whose words run from ``start`` (before ``limit``): None when the
    clause ends first (`.`, `;`, a quote opening)."""
    close = next((j for j in range(start, min(len(tokens), limit)) if tokens[j].text in (",", ".", ";") or spans.opens_at(tokens[j].start)), None)
    return close if close is not None and tokens[close].text == "," else None


def _skip_adjuncts(sentence: Sentence, spans: SpanIndex, k: int) -> int:
    tokens = sentence.tokens
    while k < len(tokens) and (tokens[k].text in _ADVERBS_AFTER_CUE or tokens[k].text.endswith("ly") and tokens[k].text.islower()):
        k += 1  # `adding later, “...”`, `said repeatedly that ...`
        if k < len(tokens) and tokens[k].text == "," and k + 1 < len(tokens) and spans.opens_at(tokens[k + 1].start):
            return k
    if k + 1 < len(tokens) and tokens[k].text == "," and tokens[k + 1].lower == "citing":
        # `reported, citing two officials, that ...`: who was cited is attribution, not content.
        close = _aside_close(tokens, spans, k + 2, k + 18)
        if close is not None and close + 1 < len(tokens):
            k = close + 1
    if k >= len(tokens):
        return k
    if tokens[k].lower not in ADJUNCT_STARTS:
        return k
    clause, started = _adjunct_end(tokens, k)
    limit = min(len(tokens), k + 16)
    for j in range(k, limit):
        if started and j >= clause:
            return clause  # `said Wednesday his country would ..., adding`: the clause, not the comma after it
        if tokens[j].lower == "that":
            return j
        if tokens[j].text in (",", ":"):
            return j
        if tokens[j].text in lexicon.QUOTE_MARKS:
            return j
        if tokens[j].text in (".", ";"):
            break
    return clause


def _adjunct_end(tokens: list[Token], k: int) -> tuple[int, bool]:
    """Where an adjunct opening at ``k`` without `that` ends, as one preposition phrase of at most
    five words, and whether a clause starts there (`on Wednesday his country would ...`)."""
    j = k + 1
    while j < len(tokens) and tokens[j].text not in PUNCT and j - k < 5:
        if _starts_clause(tokens, k, j):
            return j, True
        j += 1
    return j, False


def _starts_clause(tokens: list[Token], k: int, j: int) -> bool:
    """Whether token ``j`` of the adjunct opening at ``k`` starts the reported clause: a determiner not
    after a preposition (`his country`), a subject pronoun (`Sunday she`, not `in it`), a name after a
    day (`said Wednesday Russia would ...`)."""
    word, before = tokens[j], tokens[j - 1]
    if word.lower in _DETERMINERS and before.lower not in NOT_SPEAKER_STARTS:
        return True
    if word.lower in lexicon.SUBJECT_PRONOUNS and (j > k + 1 or tokens[k].lower in _WHEN_WORDS):
        return True
    day = before.lower in _WHEN_WORDS and (before.text.islower() or before.lower in lexicon.WEEKDAYS)
    return day and word.text[:1].isupper()


_NOUN_DETERMINERS = frozenset(["a", "an", "the", "his", "her", "its", "their"])
# Words that start the clause after a time adjunct without `that`: `said Wednesday his country would ...`.
_DETERMINERS = _NOUN_DETERMINERS | {"our", "my", "your"}
_NOUN_OPENERS = _NOUN_DETERMINERS | {"in", "during"}
_WHEN_WORDS = lexicon.WEEKDAYS | {"today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "month", "year"}
_FINITE_AUXILIARIES = frozenset(["has", "have", "had", "was", "were", "is", "are"])
_TELL_FORMS = frozenset(["told", "tells", "tell", "asked", "asks", "warned", "warns", "assured", "urged"])
# Prepositions that go on with an attribution after a quote (`“...,” she said about the plan`).
_QUOTE_TAIL_STARTS = frozenset(["about", "to", "for", "via", "over", "through", "under", "then", "now", "today", "yesterday", "tonight"])
# Conjunctions opening an adverbial clause (`when asked`, `after the plant closed`, `as he left`).
_CLAUSE_OPENERS = frozenset(["when", "after", "before", "while", "as", "because", "since", "until", "once", "although", "though"])


def is_tail(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """True if tokens from ``k`` to the sentence end are only punctuation or short adjuncts."""
    tokens = sentence.tokens
    end = next((j for j in range(k, len(tokens)) if spans.opens_at(tokens[j].start)), len(tokens))
    # `..., top lawmakers said Friday, as they bristled at ...`: a trailing clause is not content.
    end = next(
        (
            j
            for j in range(k, end - 1)
            if tokens[j].text == "," and (tokens[j + 1].lower in _TRAILING_CLAUSE_STARTS or tokens[j + 1].lower.endswith("ing"))
        ),
        end,
    )
    # After a closing quote (`“A,” Hale said ...`) more words are attribution: a listener, `about the
    # plan`, a longer adjunct; and an adverbial clause (`after the plant closed`) ends it.
    after_quote = follows_quote(tokens, spans, k)
    if after_quote:
        # `when asked ...`, `after the plant closed`, `introducing Clinton as ...`: a clause of its own
        end = next((j for j in range(k, end) if _opens_trailing_clause(tokens[j]) and not spans.in_quote(tokens[j].start)), end)
        # `“...,” Guterres said, his spokesman told reporters`: who passed the words on is a clause of its own.
        end = next((j for j in range(k, end - 1) if tokens[j].text == "," and tokens[j + 1].lower in ("his", "her", "their")), end)
        if k > 0 and tokens[k - 1].lower in _TELL_FORMS:
            # `told cheering supporters in Nashua`: the listener first
            listener = k
            while k < end and k - listener < 4 and tokens[k].text not in PUNCT and tokens[k].lower not in _TAIL_STARTS:
                k += 1
    # `“A,” he said on Tuesday, “B.”`: only the words before the next quote count.
    rest = [t for t in tokens[k:end] if t.text not in PUNCT]
    while rest and rest[0].text.endswith("ly") and rest[0].text.islower() and rest[0].lower != "only":
        rest = rest[1:]  # `“...,” she replied evenly.`: a manner adverb ends the attribution
    if not rest:
        return True
    # A speech word after a determiner, a preposition or a name is a noun: `in a Friday tweet`, `in a
    # statement`, `in remarks to reporters`.
    verbs = [t for j, t in enumerate(rest) if lexicon.CUE_FORMS.get(t.lower) in STRONG_CUES and not (j and (rest[j - 1].lower in _NOUN_OPENERS or rest[j - 1].text[:1].isupper()))]
    if verbs or any(t.lower == "that" for t in rest):
        return False  # another speech verb: `posted to the website` is a tail, `said that` is not
    if after_quote:
        return len(rest) <= 16 and (rest[0].lower in _TAIL_STARTS or rest[0].lower in _QUOTE_TAIL_STARTS)
    return len(rest) <= 10 and rest[0].lower in _TAIL_STARTS


def _opens_trailing_clause(token: Token) -> bool:
    """A conjunction (`when`, `after`, `as`) or a participle (`introducing`) opening a clause."""
    return token.lower in _CLAUSE_OPENERS or token.text.islower() and token.lower.endswith("ing") and len(token.lower) > 5


def follows_quote(tokens: list[Token], spans: SpanIndex, k: int) -> bool:
    """Whether the words before token ``k`` are a speaker and a cue right after a closing quote
    (`“...,” Tomas Berg said`), not `, referring to the port's plan` or a second cue's clause.

    >>> from quotetrack.extract.sentences import rule_analysis
    >>> text = "“We won,” Berg said in Lagos."
    >>> (sentence,) = rule_analysis(text)[0]
    >>> follows_quote(sentence.tokens, SpanIndex(text), 6)
    True
    """
    closing = next((j for j in range(k - 1, max(-1, k - 17), -1) if closes_quote_with_punctuation(spans, tokens, j)), None)
    if closing is None or closing + 1 >= k:
        return False
    between = tokens[closing + 1 : k]
    following = [*between[1:], *tokens[k : k + 1]]
    verbs = sum(t.text.islower() and t.lower in lexicon.CUE_FORMS and not nxt.text[:1].isupper() for t, nxt in zip(between, following))
    clause = any(t.text in (",", "”", '"') and (nxt.lower.endswith("ing") or nxt.lower in _CLAUSE_OPENERS) for t, nxt in zip(tokens[closing:k], between))
    last_comma = max((j for j, t in enumerate(between) if t.text == ","), default=-1)
    relative = any(t.lower in ("who", "which", "whom", "whose", "that") for t in between[last_comma + 1 :])
    return verbs <= 1 and not clause and not relative  # `Cruz, who has proposed ...`: a relative clause's verb


def tail_end(sentence: Sentence, k: int) -> int:
    """Character offset where the words from token ``k`` stop: before the next quote mark."""
    tokens = sentence.tokens
    j = k
    while j < len(tokens) and tokens[j].text not in lexicon.QUOTE_MARKS:
        j += 1
    return tokens[j - 1].end if j > 0 else sentence.end


def content_before(sentence: Sentence, spans: SpanIndex, boundary: int) -> tuple[int, int] | None:
    """Content from the sentence (or an earlier clause end) to the token before ``boundary``."""
    text = spans.text
    tokens = sentence.tokens
    k = boundary
    while k >= 0 and (tokens[k].text in (",", "—", "–") or tokens[k].text in lexicon.CLOSING_MARKS and not spans.opens_at(tokens[k].start)):
        k -= 1
    if k < 0:
        return None
    end = tokens[k].end
    # A quote mark right before: the content is that quote span, wherever it began.
    close_at = next(
        (
            span
            for span in (spans[i] for i in spans.spans_opening(0, tokens[boundary].end + 1)[-2:])
            if span.close_at is not None
            and tokens[k].end <= span.close_at + 1
            and span.close_at < tokens[boundary].end + 1
            and span.end >= tokens[k].start
        ),
        None,
    )
    if close_at is not None and close_at.end <= tokens[boundary].end:
        lead = text[sentence.start : close_at.open_at].strip(" ,;:—–-([")
        if close_at.open_at < sentence.start or not lead or lead[-1] in ".!?:":
            return (close_at.start, close_at.end)
        # `The summit accomplished “too little,” he added`: the quote is part of a clause.
        end = close_at.outer_end
    start_token = 0
    for j in range(k, -1, -1):
        if tokens[j].text == ";" or (tokens[j].text == ":" and j > 0):
            start_token = j + 1
            break
    if start_token > k:
        return None
    start = tokens[start_token].start
    dateline = _DATELINE.match(text, start, end)
    if dateline:
        start = dateline.end()  # `SAN JOSE, Calif. — Lumora is recalling ...`
    if text[start] in lexicon.QUOTE_MARKS:
        start += 1
    elif text.startswith("''", start):
        start += 2
    return (start, end) if end > start else None


def clause_end(sentence: Sentence, spans: SpanIndex, start: int, relative: bool = False) -> int:
    """Last token of reported content from ``start``: it stops before `, and he urged ...`.

    In a relative clause (`Brandt, who said that ..., struck a tone`) it stops at the clause's comma.
    """
    tokens = sentence.tokens
    if relative:
        for j in range(start + 1, len(tokens) - 1):
            closing = closes_quote_with_punctuation(spans, tokens, j)
            if closing or (tokens[j].text == "," and not spans.in_quote(tokens[j].start)):
                return j if closing else j - 1
    for j in range(start + 3, len(tokens) - 1):
        if tokens[j].text in lexicon.CLOSING_MARKS and tokens[j - 1].text == "," and _relay_adjunct_after(tokens, spans, j):
            return j  # `... was “a campaign rally,” in comments to BFMTV.`
        if spans.in_quote(tokens[j].start):
            continue
        if tokens[j].text == ";":
            return j - 1  # `...; the Tax Foundation puts the figure at ...`: another clause
        if tokens[j].text == "," and _relay_adjunct_after(tokens, spans, j):
            return j - 1  # `..., in comments to broadcaster BFMTV.`: where it was said, not what
        if tokens[j].text == "," and j + 2 < len(tokens) and (
            tokens[j + 1].lower in ("and", "but", "though", "although", "while", "whereas")
            and tokens[j + 2].lower in lexicon.SUBJECT_PRONOUNS
            or tokens[j + 1].lower in ("and", "but") and tokens[j + 2].lower in _FINITE_AUXILIARIES
        ):  # `, and he urged ...`; `, and has championed ...`: the speaker's next act, not what was said
            return j - 1
    return len(tokens) - 1


def _relay_adjunct_after(tokens: list[Token], spans: SpanIndex, j: int) -> bool:
    """Whether a relay adjunct closing the sentence follows token ``j`` (`, in comments to BFMTV.`)."""
    return len(tokens) - j <= 12 and _RELAY_ADJUNCT.match(spans.text, tokens[j].end) is not None


def closes_quote_with_punctuation(spans: SpanIndex, tokens: list[Token], k: int) -> bool:
    """True if token ``k`` closes a quote that ends in `,` `.` `?` `!`: `“...,” he said`."""
    return k >= 0 and tokens[k].text in lexicon.CLOSING_MARKS and spans.closes_after_punctuation(tokens[k].start)


def quote_opens_at(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """True if a quote opens at token ``k``, past commas, colons and dashes."""
    tokens = sentence.tokens
    while k < len(tokens) and tokens[k].text in (",", ":", "—", "–"):
        k += 1
    return k < len(tokens) and spans.opens_at(tokens[k].start)


def ends_clause(sentence: Sentence, spans: SpanIndex, k: int) -> bool:
    """After an inverted speaker: only the sentence end, an appositive, or adjuncts may follow."""
    tokens = sentence.tokens
    if k >= len(tokens) or tokens[k].text in (".", "!", "?", ";", ":"):
        return True
    if tokens[k].text in lexicon.QUOTE_MARKS:
        return not spans.opens_at(tokens[k].start)
    if tokens[k].text in (",", "("):
        return True
    if tokens[k].lower in ("of", "from") and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper():
        # `said Gov. Tom Hill of Iowa, who ...`: where the speaker is from, then an appositive or the end.
        k += 1
        while k < len(tokens) and (tokens[k].text[:1].isupper() or tokens[k].lower in ("the", "of", "and")):
            k += 1
        return k >= len(tokens) or tokens[k].text in (".", "!", "?", ";", ":", ",", "(")
    return is_tail(sentence, spans, k)


def is_content_clause(text: str, content: tuple[int, int]) -> bool:
    """Reject `As a phone rang, the announcer said` — a subordinate clause is not what was said."""
    words = text[content[0] : content[1]].split()
    if not words:
        return False
    if words[0].lower() in SUBORDINATORS and len(words) < 12 and not _quoted(text, content):
        return False  # but `“In theory, the tax works,” said Hill` is all quoted: what was said
    return len(words) >= 3 or any(mark in text[content[0] - 1 : content[1] + 1] for mark in lexicon.QUOTE_MARKS)


def _quoted(text: str, content: tuple[int, int]) -> bool:
    """Whether quotation marks enclose ``content`` right at its ends.

    >>> text = "“In theory, it works,” said Hill."
    >>> _quoted(text, (1, 21)), _quoted("As a phone rang, the announcer said", (0, 15))
    (True, False)
    """
    before = text[max(0, content[0] - 2) : content[0]].rstrip()
    after = text[content[1] : content[1] + 3].lstrip(" ,")
    opened = before[-1:] in lexicon.OPENING_MARKS or before.endswith("''")
    return opened and (after[:1] in lexicon.CLOSING_MARKS or after.startswith("''"))


def content_end(tokens: list[Token], last: int) -> int:
    """Character offset where content ending at token ``last`` stops, without trailing punctuation."""
    while last > 0 and tokens[last].text in (".", ";", ",", ":", "—", "–"):
        last -= 1
    return tokens[last].end


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without spaces and clause punctuation at either end."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end
