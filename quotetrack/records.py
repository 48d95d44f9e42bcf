"""The records that flow through quotetrack: articles in, quotes out."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

# Bumped whenever extraction changes, so re-ingest knows which stored quotes are stale.
EXTRACTOR_VERSION = "1.1"

KINDS = ("direct", "indirect", "mixed")


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
    kind: str  # one of KINDS
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
