"""Speaker and outlet ids for an article's quotes, the rows still to insert for names new to the database, and the quotes' rows.

>>> from quotetrack.store import open_database
>>> entities = EntityRows(open_database(":memory:"), ["Dmitry Peskov", "Peskov"])
>>> entities.speaker_id("Peskov") == entities.speaker_id("Dmitry Peskov"), list(entities.speaker_names.values())
(True, ['Dmitry Peskov'])
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from .published import sort_date
from .records import Article, Quote, quote_id, stable_id
from .resolve.names import canonical_speaker, speaker_key, speaker_kind
from .resolve.outlets import outlet_row

__all__ = ["EntityRows", "add_published_names", "quote_row"]


class EntityRows:
    """Resolves speaker and outlet names to ids, remembering rows still to insert.

    A speaker's id is a function of its canonical name alone, never of what the database
    already holds, so one article gives the same rows in any database and in any order.
    """

    def __init__(self, db: Database, speakers: Sequence[str | None] = ()):
        self.db = db
        self.new_speakers: dict[str, dict[str, Any]] = {}
        self.new_outlets: dict[str, dict[str, Any]] = {}
        # Every speaker and outlet named so far, by id: the name as stored, or as it will be.
        self.speaker_names: dict[str, str] = {}
        self.outlet_names: dict[str, str] = {}
        # The article's own full names by surname: its "Peskov" is its "Dmitry Peskov" when it names
        # only one. Names stored from other articles play no part, so the result never depends on
        # what was ingested before (the extractor already resolves surnames within an article).
        full_names: dict[str, set[str]] = {}
        for name in speakers:
            canonical = canonical_speaker(name)
            if canonical and " " in canonical:
                full_names.setdefault(speaker_key(canonical).rpartition(" ")[2], set()).add(canonical)
        self.full_names = {surname: names.pop() for surname, names in full_names.items() if len(names) == 1}

    def speaker_id(self, name: str | None) -> str | None:
        canonical = canonical_speaker(name)
        if not canonical:
            return None
        key = speaker_key(canonical)
        if " " not in key and key in self.full_names:
            canonical = self.full_names[key]
            key = speaker_key(canonical)
        id = stable_id(key)
        if id not in self.speaker_names and not self._read_name("speakers", id, self.speaker_names):
            self.new_speakers[id] = {"id": id, "name": canonical, "kind": speaker_kind(name or canonical)}
            self.speaker_names[id] = canonical
        return id

    def outlet_id(self, name: str | None, *, known_only: bool) -> str | None:
        row = outlet_row(name, known_only=known_only)
        if row is None:
            return None
        id = row["id"]
        if id not in self.outlet_names and not self._read_name("outlets", id, self.outlet_names):
            self.new_outlets[id] = row
            self.outlet_names[id] = row["name"]
        return id

    def _read_name(self, table: str, id: str, names: dict[str, str]) -> bool:
        """Whether ``table`` holds ``id``; its stored name goes into ``names``."""
        stored = self.db.execute(f"select name from {table} where id = ?", [id]).fetchone()
        if stored is not None:
            names[id] = stored[0]
        return stored is not None

    def write(self) -> None:
        if self.new_speakers:
            self.db.conn.executemany(
                'INSERT OR IGNORE INTO "speakers" ("id", "kind", "name") VALUES (?, ?, ?)',
                [(row["id"], row["kind"], row["name"]) for row in self.new_speakers.values()],
            )
        if self.new_outlets:
            # What sqlite-utils' insert_all(ignore=True) writes, without the schema lookups it makes on every call.
            self.db.conn.executemany(
                'INSERT OR IGNORE INTO "outlets" ("id", "name", "country", "state_run", "outlet_kind") VALUES (?, ?, ?, ?, ?)',
                [(row["id"], row["name"], row["country"], row["state_run"], row["outlet_kind"]) for row in self.new_outlets.values()],
            )


def quote_row(entities: EntityRows, article: Article, quote: Quote, version: str) -> dict[str, Any]:
    """The row stored for ``quote`` of ``article`` (its speaker's and outlets' ids from ``entities``)."""
    publisher = quote.publisher or article.publisher
    via_chain = quote.via_chain or ([quote.via_outlet] if quote.via_outlet else [])
    return {
        "id": quote_id(article.id, quote.start, quote.end, quote.kind),
        "article_id": article.id,
        "speaker_id": entities.speaker_id(quote.speaker),
        "via_outlet_id": entities.outlet_id(quote.via_outlet, known_only=False),
        "publisher_outlet_id": entities.outlet_id(publisher, known_only=True),
        "publisher": publisher,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "cue": quote.cue,
        "speaker_mention": quote.speaker_mention,
        "sentence": quote.sentence,
        "confidence": float(quote.confidence),
        "date": article.date,
        "extractor_version": version,
        # Where the quoted words are when the record spans an attribution: `“A,” he said, “B.”`.
        "parts": json.dumps(quote.extra["parts"]) if quote.extra.get("parts") else None,
        # The evidence for the attribution: where the speaker and the via outlet are named, and how.
        "speaker_start": quote.speaker_start,
        "speaker_end": quote.speaker_end,
        "speaker_method": quote.speaker_method,
        "via_chain": json.dumps(via_chain, ensure_ascii=False) if via_chain else None,
        "via_start": quote.via_start,
        "via_end": quote.via_end,
    }


def add_published_names(entities: EntityRows, rows: list[dict[str, Any]]) -> None:
    """Copy the speaker's and outlets' names onto the quote rows, as stored (see :mod:`quotetrack.published`)."""
    speakers, outlets = entities.speaker_names, entities.outlet_names
    for row in rows:
        row["speaker"] = speakers.get(row["speaker_id"])
        row["via_outlet"] = outlets.get(row["via_outlet_id"])
        row["published_by"] = outlets.get(row["publisher_outlet_id"]) or row["publisher"]
        row["sort_date"] = sort_date(row["date"], row["id"])
