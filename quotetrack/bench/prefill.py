"""A large database built in bulk, to time ingest on top of it: `bench speed --prefill-quotes N`.

Storing an article touches the indexes of every table it writes, and those grow with the
database; grouping its quotes reads the statements they may join. To see what that costs at a
million quotes without ingesting 80,000 articles one by one (hours), :func:`prefill` writes every
row the store and the statement grouping would have written, in bulk: articles of about 5 kB
recombined from the sample articles, quotes of 6-30 words over the samples' vocabulary (so the
full-text index has realistic words), spoken by a long tail of speakers and relayed by
gazetteer outlets, grouped into statements of one to six appearances with their summaries,
``seen_order`` and LSH band keys (random keys: no new quote is a near-duplicate of them),
the newest half a pass's worth of them left in the recent table, as an ingest leaves them on average.

>>> from quotetrack.store import open_database
>>> db = open_database(":memory:")
>>> prefill(db, 200)
200
>>> db.execute("select count(*) from quotes where statement_id is not null").fetchone()[0]
200
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlite_utils import Database

from .. import lexicon
from ..provenance.cluster import seen_order
from ..provenance.lsh import BANDS, RECENT_KEYS_MERGED, keep_recent_bands
from ..records import Article, stable_id
from ..resolve.names import speaker_key
from ..resolve.outlets import Outlets, outlet_row
from ..resources import data_dir
from ..search_index import rebuild_search_index

__all__ = ["prefill"]

# Quotes a bulk transaction writes.
BATCH = 20_000
# Statements first quoted by each article (with their other appearances, about 12 quotes an article).
STATEMENTS_PER_ARTICLE = 6
# How many appearances a statement has: most are quoted once, some by several articles.
APPEARANCES = [1, 2, 3, 4, 5, 6]
APPEARANCE_WEIGHTS = [55, 20, 11, 7, 4, 3]
_TRIGGERS = ("quotes_ai", "statements_ai")


def prefill(db: Database, quotes: int, *, seed: int = 7, samples: Sequence[Article] = (),
            progress: Callable[[int], None] | None = None) -> int:
    """Add ``quotes`` quotes (with their articles, speakers, outlets and statements) to ``db``;
    how many were written. The full-text indexes are rebuilt once at the end."""
    rng = random.Random(seed)
    if not samples:
        from ..read import read_articles

        samples = [item for item in read_articles([data_dir() / "samples"]) if isinstance(item, Article)]
    paragraphs = [block.strip() for sample in samples for block in re.split(r"\n\s*\n", sample.text) if block.strip()]
    vocabulary = [word for paragraph in paragraphs for word in re.findall(r"[A-Za-z][a-z'’-]+", paragraph)]
    speakers = _speakers(rng, max(200, quotes // 25))
    # A long tail: the n-th speaker is quoted about 1/n as often as the first.
    speaker_weights = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(speakers))))
    outlets = [row for row in (outlet_row(name, known_only=True) for name in sorted(Outlets.load().outlets)) if row]
    publishers = outlets[: max(1, len(outlets) // 2)]
    saved = {name: sql for name, sql in db.execute(
        f"select name, sql from sqlite_master where type = 'trigger' and name in ({','.join('?' * len(_TRIGGERS))})", _TRIGGERS)}
    with db.conn:
        for name in saved:
            db.execute(f"drop trigger {name}")  # the full-text indexes are rebuilt once, at the end
        db.conn.executemany("insert or ignore into speakers (id, name, kind) values (?, ?, 'person')",
                            [(stable_id(speaker_key(name)), name) for name in speakers])
        db.table("outlets").insert_all(outlets, pk="id", ignore=True)
    article_number = db.execute("select coalesce(max(rowid), 0) from articles").fetchone()[0]
    statement_id = db.execute("select coalesce(max(id), 0) from statements").fetchone()[0]
    made = 0
    while made < quotes:
        batch = _Batch()
        while len(batch.quotes) < BATCH and made + len(batch.quotes) < quotes:
            article_number += 1
            batch.article(rng, article_number, paragraphs, publishers)
            for _ in range(STATEMENTS_PER_ARTICLE):
                room = quotes - made - len(batch.quotes)
                if room <= 0:
                    break
                statement_id += 1
                speaker = rng.choices(speakers, cum_weights=speaker_weights)[0]
                batch.statement(rng, statement_id, speaker, vocabulary, outlets, room)
        batch.write(db)
        made += len(batch.quotes)
        if progress is not None:
            progress(made)
    with db.conn:
        rebuild_search_index(db)
        keep_recent_bands(db, RECENT_KEYS_MERGED // 2)
        for sql in saved.values():
            db.execute(sql)
    return made


def _speakers(rng: random.Random, count: int) -> list[str]:
    first_names = sorted(lexicon.MALE_NAMES | lexicon.FEMALE_NAMES)
    syllables = ["ka", "lo", "mi", "ren", "sta", "vo", "tri", "del", "an", "por", "gu", "sel", "ni", "ber", "ul", "ze", "ov", "son"]
    names: set[str] = set()
    while len(names) < count:
        surname = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        names.add(f"{rng.choice(first_names)} {surname}")
    return sorted(names)


class _Batch:
    """Rows for one bulk transaction; the articles of the batch are the quotes' pending articles."""

    def __init__(self) -> None:
        self.articles: list[dict[str, Any]] = []
        self.quotes: list[dict[str, Any]] = []
        self.statements: list[dict[str, Any]] = []
        self.bands: list[tuple[int, int]] = []
        self.pending: list[tuple[dict[str, Any], int, str]] = []  # (article row, its rowid, publisher's outlet id)

    def article(self, rng: random.Random, number: int, paragraphs: list[str], publishers: list[dict[str, Any]]) -> None:
        publisher = rng.choice(publishers)
        chosen: list[str] = []
        target = rng.lognormvariate(8.45, 0.45)  # about 4.7 kB median, 5.2 kB mean
        while sum(len(paragraph) + 2 for paragraph in chosen) < target:
            chosen.append(rng.choice(paragraphs))
        day = rng.randrange(3650)
        row = {"id": stable_id(f"https://prefill.invalid/{number}"), "url": f"https://prefill.invalid/{number}",
               "title": f"Story {number}", "publisher": publisher["name"],
               "date": f"{2015 + day // 365}-{1 + day % 365 // 31:02d}-{1 + day % 28:02d}", "path": None,
               "text": "\n\n".join(chosen), "extractor_version": "prefill", "ingested_at": "2024-01-01T00:00:00+00:00"}
        self.articles.append(row)
        self.pending.append((row, number, publisher["id"]))

    def statement(self, rng: random.Random, statement_id: int, speaker: str, vocabulary: list[str],
                  outlets: list[dict[str, Any]], room: int) -> None:
        words = rng.choices(vocabulary, k=rng.randint(6, 30))
        text = " ".join(words).capitalize() + "."
        speaker_id = stable_id(speaker_key(speaker))
        appearances = min(room, rng.choices(APPEARANCES, APPEARANCE_WEIGHTS)[0])
        rows = []
        for number in range(appearances):
            article, rowid, publisher_id = self.pending[rng.randrange(len(self.pending))] if number else self.pending[-1]
            variant = "unchanged" if number == 0 or rng.random() < 0.7 else "truncated"
            quoted = text if variant == "unchanged" else " ".join(words[: max(4, len(words) * 2 // 3)])
            start = rng.randrange(0, 4000)
            via = rng.choice(outlets) if rng.random() < 0.15 else None
            rows.append({
                "id": stable_id(article["id"], str(start), str(start + len(quoted)), "direct"), "article_id": article["id"],
                "speaker_id": speaker_id, "via_outlet_id": via["id"] if via else None, "publisher": article["publisher"],
                "publisher_outlet_id": publisher_id, "text": quoted, "start": start,
                "end": start + len(quoted), "kind": "direct", "cue": "said", "speaker_mention": speaker,
                "sentence": f"“{quoted}” {speaker} said.", "confidence": 0.9, "date": article["date"],
                "extractor_version": "prefill", "speaker_start": start + len(quoted) + 3,
                "speaker_end": start + len(quoted) + 3 + len(speaker), "speaker_method": "name",
                "statement_id": statement_id, "variant": variant,
                "seen_order": seen_order(article["date"], rowid, start)})
        self.quotes += rows
        first = min(rows, key=lambda row: row["seen_order"])
        self.statements.append({
            "id": statement_id, "canonical_text": text, "canonical_quote_id": rows[0]["id"], "speaker_id": speaker_id,
            "first_seen": first["date"], "first_quote_id": first["id"], "first_article_id": first["article_id"],
            "first_publisher": first["publisher"], "articles": len({row["article_id"] for row in rows}),
            "outlets": len({row["publisher"] for row in rows}), "quotes": len(rows), "speakers": 1,
            "variants": sum(row["variant"] != "unchanged" for row in rows),
            "has_variants": int(any(row["variant"] != "unchanged" for row in rows)), "has_different_speakers": 0})
        self.bands += [(rng.getrandbits(64) - (1 << 63), statement_id) for _ in range(BANDS)]

    def write(self, db: Database) -> None:
        with db.conn:
            db.table("articles").insert_all(self.articles, pk="id", ignore=True)
            db.table("statements").insert_all(self.statements, pk="id")
            # Published quotes may share an id (two statements at one position of one article): keep the first.
            db.table("quotes").insert_all(self.quotes, pk="id", ignore=True)
            db.conn.executemany("insert or ignore into statement_bands (band, statement_id) values (?, ?)", sorted(self.bands))
