"""The records that flow through quotetrack: articles in, quotes out.

>>> article = Article(text="“We are ready,” Peskov said.", url="https://example.com/ready")
>>> quote = Quote(text="We are ready,", start=1, end=14, kind="direct", speaker="Peskov")
>>> article.text[quote.start:quote.end] == quote.text
True
>>> quote_record(article, quote)["url"]
'https://example.com/ready'
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

# Bumped whenever extraction changes, so re-ingest knows which stored quotes are stale.
EXTRACTOR_VERSION = "1.1"

QuoteKind = Literal["direct", "indirect", "mixed"]
"""direct: the speaker's words in quote marks; indirect: reported speech; mixed: a quoted fragment
inside reported speech ("said the talks were “going nowhere”")."""

KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)

# The fields of a quote that ``quotetrack extract`` prints, in order.
RECORD_FIELDS = (
    "text", "start", "end", "kind", "cue", "speaker", "speaker_mention", "via_outlet", "publisher", "confidence",
)  # fmt: skip


def stable_id(*parts: str | None) -> str:
    """A short content hash, so re-ingesting the same thing yields the same id.

    >>> stable_id("a", "b") == stable_id("a", "b")
    True
    """
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    """One news article: its text plus what we know of where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    path: str | None = None

    @property
    def id(self) -> str:
        # The URL identifies an article across re-crawls; without one the text does.
        return stable_id(self.url) if self.url else stable_id(self.text)


@dataclass
class Quote:
    """One attributed statement found in an article.

    ``start``/``end`` are character offsets of ``text`` in the article text, so
    ``article.text[quote.start:quote.end] == quote.text``.
    """

    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str | None = None
    cue_start: int | None = None
    speaker: str | None = None  # canonical name, None when unknown
    speaker_mention: str | None = None  # the words the article used ("he", "the spokesman")
    speaker_start: int | None = None
    via_outlet: str | None = None  # canonical outlet name the quote came through
    publisher: str | None = None
    sentence: str | None = None  # the sentence(s) around the quote, for context
    confidence: float = 0.5
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        record = asdict(self)
        record.pop("extra")
        return record


def quote_record(article: Article, quote: Quote) -> dict[str, Any]:
    """``quote`` as a JSON-ready record: its :data:`RECORD_FIELDS`, where its words are when it spans
    an attribution (``parts``), and the article's url and title when known."""
    record = {key: value for key, value in quote.to_dict().items() if key in RECORD_FIELDS}
    if quote.extra.get("parts"):
        record["parts"] = [list(part) for part in quote.extra["parts"]]
    record.update({key: value for key, value in (("url", article.url), ("title", article.title)) if value})
    return record
