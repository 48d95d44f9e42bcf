"""Speaker and outlet ids for an article's quotes, and the rows still to insert for names new to the database.

>>> from quotetrack.store import open_database
>>> entities = EntityRows(open_database(":memory:"), ["Dmitry Peskov", "Peskov"])
>>> entities.speaker_id("Peskov") == entities.speaker_id("Dmitry Peskov"), list(entities.speaker_names.values())
(True, ['Dmitry Peskov'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlite_utils import Database

from .records import stable_id
from .resolve.names import canonical_speaker, speaker_key, speaker_kind
from .resolve.outlets import outlet_row

__all__ = ["EntityRows"]


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
