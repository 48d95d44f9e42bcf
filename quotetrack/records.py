"""The records that flow through quotetrack: articles in, quotes out.

>>> article = Article(text="“We are ready,” Peskov said.", url="https://example.com/ready", path="ready.txt")
>>> quote = Quote(text="We are ready,", start=1, end=14, kind="direct", speaker="Peskov")
>>> article.text[quote.start:quote.end] == quote.text
True
>>> record = quote_record(article, quote)
>>> record["url"], record["path"], record["article_id"] == article.id
('https://example.com/ready', 'ready.txt', True)
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, get_args

# Bumped whenever extraction changes, so re-ingest knows which stored quotes are stale.
EXTRACTOR_VERSION = "1.2"

QuoteKind = Literal["direct", "indirect", "mixed"]
"""direct: the speaker's words in quote marks; indirect: reported speech; mixed: a quoted fragment
inside reported speech ("said the talks were “going nowhere”")."""

KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)

SpeakerMethod = Literal["name", "surname", "alias", "role", "pronoun", "none"]
"""How a quote's speaker was found from its mention: the full name written at the attribution
("name"), a surname resolved to the full name ("surname"), another name for the same speaker
such as an acronym ("alias"), a role noun ("the spokesman", "the ministry": "role"), a pronoun
("pronoun"), or no speaker ("none")."""

SPEAKER_METHODS: tuple[SpeakerMethod, ...] = get_args(SpeakerMethod)

# The fields of a quote that ``quotetrack extract`` prints, in order.
RECORD_FIELDS = (
    "text", "start", "end", "kind", "cue", "speaker", "speaker_mention", "speaker_start", "speaker_end",
    "speaker_method", "via_outlet", "via_chain", "via_start", "via_end", "publisher", "confidence",
)  # fmt: skip


def stable_id(*parts: str | None) -> str:
    """A short content hash, so re-ingesting the same thing yields the same id.

    >>> stable_id("a", "b") == stable_id("a", "b")
    True
    """
    joined = "\x1f".join(part or "" for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:16]


QUOTE_ID_ARTICLE_PREFIX = 8
# An article id: its day in this many hex digits, then this many of the hash of its URL (else text).
DAY_DIGITS = 4
SOURCE_HASH_LENGTH = 12
_EPOCH = datetime.date(1970, 1, 1)


def article_id(source: str, date: str | None) -> str:
    """An article's id: its day (days since 1970 in 4 hex digits, ``0000`` when undated), then 12 hex digits of the
    hash of ``source``, its URL (else its text).

    A day's news sorts at the end of every index ordered by article (their keys, the quotes' ids, which start with
    their article's, and the statements' first articles), where storing it writes the same few pages, instead of a
    page an index all over them: at a million quotes an article wrote 44.8 pages, now 39.8 (the index that finds a
    re-dated article, :func:`quotetrack.store.stored_article`, included).

    >>> article_id("https://example.com/a", "2024-05-14T09:00:00+09:00")
    '4d91c4ed1c218d14'
    >>> article_id("https://example.com/a", "2024-05-15") > article_id("https://example.com/b", "2024-05-14")
    True
    >>> article_id("https://example.com/a", None)[:4], article_id("https://example.com/a", "sometime")[:4]
    ('0000', '0000')
    """
    return f"{_day_number(date):0{DAY_DIGITS}x}{stable_id(source)[:SOURCE_HASH_LENGTH]}"


def _day_number(date: str | None) -> int:
    """Days from 1970 to ``date``'s day as written (0 when there is none or it is no date; at most what
    :data:`DAY_DIGITS` hex digits hold)."""
    if not date:
        return 0
    try:
        day = datetime.date.fromisoformat(date[:10])
    except ValueError:
        return 0
    return min(max((day - _EPOCH).days, 0), 16**DAY_DIGITS - 1)


def quote_id(article_id: str, start: int, end: int, kind: str) -> str:
    """A quote's id: the start of its article's id, then a hash of article, start, end and kind.

    The quotes of one article sit together in every index ordered by id (the key, and the date orders,
    which end with it), so storing an article changes one page of each rather than one per quote.

    >>> quote_id("5f1e0c3a9b2d4e6f", 1, 14, "direct")
    '5f1e0c3a98e2850e8706'
    >>> quote_id("5f1e0c3a9b2d4e6f", 1, 14, "direct")[8:] == stable_id("5f1e0c3a9b2d4e6f", "1", "14", "direct")[:12]
    True
    """
    return article_id[:QUOTE_ID_ARTICLE_PREFIX] + stable_id(article_id, str(start), str(end), kind)[:12]


@dataclass
class Article:
    """One news article: its text plus what we know of where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None  # ISO 8601 (see quotetrack.read.dates), or None
    path: str | None = None
    line: int | None = None  # the line of a JSON Lines file it was read from
    date_raw: str | None = None  # the date as the source wrote it, when it could not be read as one

    @property
    def source(self) -> str:
        """What identifies it across re-crawls: its URL, else its text."""
        return self.url or self.text

    @property
    def id(self) -> str:
        """Its :func:`article_id`, or the id a database already has for it (:meth:`keep_id`)."""
        source = self.source
        # Remembered for the source and date it was made from (the store asks for it once a quote), so a
        # changed URL, text or date still gets its own id.
        memo = self.__dict__.get("_id_memo")
        if memo is None or memo[0] is not source or memo[1] != self.date:
            memo = self.__dict__["_id_memo"] = (source, self.date, article_id(source, self.date))
        return memo[2]

    def keep_id(self, id: str) -> None:
        """Take ``id`` as its id while its URL, text and date stay as they are: the id it has in the database it goes
        to, stored there with another date or before ids began with the day, so that storing it again updates that
        article rather than adding another (see :func:`quotetrack.store.stored_article`)."""
        self.__dict__["_id_memo"] = (self.source, self.date, id)


@dataclass
class Quote:
    """One attributed statement found in an article.

    ``start``/``end`` are character offsets of the quote in the article text, so
    ``article.text[quote.start:quote.end] == quote.text``, except for a quote interrupted by
    its attribution (`“A,” he said. “B.”`): ``extra["parts"]`` then holds where its quoted
    words are, and ``text`` is those words joined with " … " (`A, … B.`).
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
    speaker_end: int | None = None  # speaker_mention is text[speaker_start:speaker_end]
    speaker_method: SpeakerMethod | None = None  # how the speaker was found from the mention
    via_outlet: str | None = None  # canonical outlet name the quote came through (nearest the speaker)
    via_chain: list[str] = field(default_factory=list)  # every relaying outlet, nearest the speaker first
    via_start: int | None = None  # where the via outlet is named: text[via_start:via_end]
    via_end: int | None = None
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
    an attribution (``parts``), the article's id, and its url, title, file and JSON Lines line when known."""
    record = {key: value for key, value in quote.to_dict().items() if key in RECORD_FIELDS}
    if quote.extra.get("parts"):
        record["parts"] = [list(part) for part in quote.extra["parts"]]
    record["article_id"] = article.id
    known = (("url", article.url), ("title", article.title), ("path", article.path), ("line", article.line))
    record.update({key: value for key, value in known if value})
    return record
