"""Quote records as Parquet partitioned by period, for corpora too big for one SQLite file, and loading them back.

``quotetrack extract CORPUS --to parquet DIR`` writes, for each month of publication
(``period=2024-05``; ``period=undated`` for articles without a date)::

    DIR/quotetrack.json                                   what wrote it (extractor version, engine)
    DIR/articles/period=2024-05/part-00000.parquet       one row per article, with its text
    DIR/quotes/period=2024-05/part-00000.parquet         one row per quote, ``article_id`` pointing at its article

``quotetrack load DIR --db quotes.db`` stores them as ``quotetrack ingest`` would have; ``--period``
loads only some periods, to shard a corpus into one SQLite file per year or month. Any Parquet
reader (pyarrow, DuckDB, pandas, Spark) reads the folders as datasets with a ``period`` column.

>>> import tempfile
>>> from quotetrack.records import Article, Quote
>>> from quotetrack.store import open_store
>>> article = Article(text="“No,” Peskov said.", url="https://example.com/a", date="2024-05-14")
>>> quote = Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov")
>>> with tempfile.TemporaryDirectory() as folder, open_store(":memory:") as store:
...     written = write_parquet([(article, [quote])], Path(folder) / "out", engine="rules")
...     sorted(str(path.relative_to(folder)) for path in written.files)
...     load_parquet(Path(folder) / "out", store).summary()
['out/articles/period=2024-05/part-00000.parquet', 'out/quotes/period=2024-05/part-00000.parquet']
'Ingested 1 article (1 new, 0 unchanged), 1 quote'
"""

from __future__ import annotations

import heapq
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import QuotetrackError
from .records import Article, Quote

if TYPE_CHECKING:
    import pyarrow as pa
    from sqlite_utils import Database

    from .store import Store
    from .writer import IngestResult, ProgressHandler

__all__ = ["ParquetError", "ParquetResult", "load_parquet", "read_parquet", "write_parquet"]

MANIFEST = "quotetrack.json"
FORMAT = 1
# Rows of one period held before they are written out as a part file: bounded memory, files of a few MB.
ROWS_PER_PART = 20_000

ARTICLE_FIELDS = ("id", "seq", "url", "title", "publisher", "date", "date_raw", "path", "line", "text")
QUOTE_FIELDS = (
    "article_id", "seq", "text", "start", "end", "kind", "cue", "cue_start", "speaker", "speaker_mention", "speaker_start",
    "speaker_end", "speaker_method", "via_outlet", "via_chain", "via_start", "via_end", "publisher", "sentence", "confidence", "parts",
)  # fmt: skip


class ParquetError(QuotetrackError):
    """A Parquet folder that cannot be written or read as quotetrack's."""


def _schemas() -> tuple[pa.Schema, pa.Schema]:
    import pyarrow as pa

    text, integer = pa.string(), pa.int64()
    types = {"seq": integer, "line": integer, "start": integer, "end": integer, "cue_start": integer, "speaker_start": integer,
             "speaker_end": integer, "via_start": integer, "via_end": integer, "confidence": pa.float64(),
             "via_chain": pa.list_(text), "parts": pa.list_(pa.list_(integer))}  # fmt: skip
    return (
        pa.schema([(name, types.get(name, text)) for name in ARTICLE_FIELDS]),
        pa.schema([(name, types.get(name, text)) for name in QUOTE_FIELDS]),
    )


def period_of(article: Article) -> str:
    """The partition an article goes to: its month of publication.

    >>> period_of(Article(text="", date="2024-05-14T10:00:00+02:00")), period_of(Article(text=""))
    ('2024-05', 'undated')
    """
    return article.date[:7] if article.date and len(article.date) >= 7 else "undated"


@dataclass
class ParquetResult:
    """What :func:`write_parquet` wrote."""

    articles: int = 0
    quotes: int = 0
    files: list[Path] = field(default_factory=list)

    def summary(self) -> str:
        periods = {path.parent.name for path in self.files}
        return f"Wrote {self.articles} articles and {self.quotes} quotes to {len(self.files)} Parquet files ({len(periods)} periods)"


def write_parquet(extracted: Iterable[tuple[Article, list[Quote]]], folder: Path, *, engine: str, rows_per_part: int = ROWS_PER_PART) -> ParquetResult:
    """Write ``extracted`` articles and their quotes under ``folder``, a new or empty folder, partitioned by period."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .ingestion import extractor_version

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ParquetError(f"{folder}: not an empty folder (Parquet is written to a new one)")
    article_schema, quote_schema = _schemas()
    result = ParquetResult()
    buffers: dict[str, tuple[list[dict[str, Any]], list[dict[str, Any]]]] = {}
    parts: dict[str, int] = {}

    def flush(period: str) -> None:
        articles, quotes = buffers.pop(period)
        number = parts.get(period, 0)
        parts[period] = number + 1
        for kind, rows, schema in (("articles", articles, article_schema), ("quotes", quotes, quote_schema)):
            path = folder / kind / f"period={period}" / f"part-{number:05d}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
            result.files.append(path)

    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps({"format": FORMAT, "extractor_version": extractor_version(engine), "engine": engine}) + "\n")
    for seq, (article, quotes) in enumerate(extracted):
        period = period_of(article)
        articles, quote_rows = buffers.setdefault(period, ([], []))
        articles.append({"id": article.id, "seq": seq, **{name: getattr(article, name) for name in ARTICLE_FIELDS[2:]}})
        quote_rows.extend(_quote_row(quote, article.id, seq) for quote in quotes)
        result.articles += 1
        result.quotes += len(quotes)
        if len(articles) + len(quote_rows) >= rows_per_part:
            flush(period)
    for period in sorted(buffers):
        flush(period)
    return result


def _quote_row(quote: Quote, article_id: str, seq: int) -> dict[str, Any]:
    row = {name: getattr(quote, name) for name in QUOTE_FIELDS[2:-1]}
    parts = quote.extra.get("parts")
    return {"article_id": article_id, "seq": seq, **row, "parts": [list(part) for part in parts] if parts else None}


def read_parquet(folder: Path, periods: Iterable[str] = ()) -> tuple[str, Iterator[tuple[Article, list[Quote]]]]:
    """The extractor version of the Parquet folder, and its articles with their quotes, in the order they were extracted.

    ``periods`` keeps the periods starting with one of them (``2024`` for every month of 2024).
    """
    manifest = folder / MANIFEST
    try:
        about = json.loads(manifest.read_text(encoding="utf-8"))
        version = str(about["extractor_version"])
    except FileNotFoundError:
        raise ParquetError(f"{folder}: not a Parquet folder written by `quotetrack extract --to parquet` (no {MANIFEST})") from None
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ParquetError(f"{manifest}: unreadable ({type(error).__name__})") from error
    if about.get("format") != FORMAT:
        raise ParquetError(f"{manifest}: format {about.get('format')!r}, this quotetrack reads {FORMAT}")
    wanted = tuple(periods)
    pairs = []
    for articles in sorted((folder / "articles").glob("period=*/part-*.parquet")):
        period = articles.parent.name.removeprefix("period=")
        if wanted and not period.startswith(wanted):
            continue
        quotes = folder / "quotes" / articles.parent.name / articles.name
        if not quotes.exists():
            raise ParquetError(f"{quotes}: missing (the quotes of {articles})")
        pairs.append((articles, quotes))
    # Each part is in extraction order; merged on seq, all of them are.
    return version, (item for _, item in heapq.merge(*(_part(*pair) for pair in pairs), key=lambda item: item[0]))


def _part(articles: Path, quotes: Path) -> Iterator[tuple[int, tuple[Article, list[Quote]]]]:
    import pyarrow.parquet as pq

    try:
        quote_rows = iter(pq.read_table(quotes).to_pylist())
        pending = next(quote_rows, None)
        for batch in pq.ParquetFile(articles).iter_batches():
            for row in batch.to_pylist():
                found = []
                while pending is not None and pending["seq"] == row["seq"]:
                    found.append(_quote(pending))
                    pending = next(quote_rows, None)
                yield row["seq"], (Article(**{name: row[name] for name in ARTICLE_FIELDS if name not in ("id", "seq")}), found)
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ParquetError(f"{articles.parent}: unreadable Parquet ({type(error).__name__}: {str(error).strip()[:120]})") from error


def _quote(row: dict[str, Any]) -> Quote:
    parts = row.pop("parts")
    fields = {name: row[name] for name in QUOTE_FIELDS[2:-1]}
    fields["via_chain"] = fields["via_chain"] or []
    return Quote(**fields, extra={"parts": [tuple(part) for part in parts]} if parts else {})


def load_parquet(
    folder: Path,
    db: str | os.PathLike[str] | Database | Store,
    *,
    periods: Iterable[str] = (),
    progress: ProgressHandler | None = None,
    timeout: float = 5.0,
) -> IngestResult:
    """Store the articles and quotes of a Parquet folder in ``db`` as ``ingest`` would have; loading again changes nothing."""
    from .ingestion import store_extracted

    version, extracted = read_parquet(folder, periods)
    return store_extracted(extracted, db, version=version, progress=progress, timeout=timeout)
