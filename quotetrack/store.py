"""The SQLite store: articles, speakers, outlets and quotes, written with sqlite-utils.

Every row has a stable id (a hash of what identifies it), so ingesting the same
article twice leaves the database as it was:

>>> from sqlite_utils import Database
>>> from quotetrack.records import Article, Quote
>>> db = Database(memory=True)
>>> article = Article(text="“No,” Peskov said.", url="https://example.com/a")
>>> quote = Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov")
>>> ingest_article(db, article, [quote])
<Ingest.NEW: 1>
>>> ingest_article(db, article, [quote])
<Ingest.UNCHANGED: 0>
>>> db["quotes"].count, db["speakers"].count
(1, 1)
"""

from __future__ import annotations

import contextlib
import datetime
import enum
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from sqlite_utils import Database

from .errors import StoreError
from .resolve.outlets import Outlets
from .records import EXTRACTOR_VERSION, Article, Quote, stable_id

__all__ = [
    "Ingest",
    "StoreError",
    "canonical_speaker",
    "ensure_schema",
    "ingest_article",
    "open_database",
    "outlet_row",
    "speaker_key",
]


class Ingest(enum.IntEnum):
    """What ``ingest_article`` did; falsy when it wrote nothing."""

    UNCHANGED = 0
    NEW = 1
    UPDATED = 2


QUOTES_FTS_COLUMNS = ("text", "speaker_mention", "sentence")

QUOTES_VIEW_SQL = """select
  quotes.id as id,
  quotes.text as text,
  quotes.kind as kind,
  speakers.name as speaker,
  quotes.speaker_mention as speaker_mention,
  via.name as via_outlet,
  coalesce(publisher.name, quotes.publisher) as publisher,
  quotes.date as date,
  articles.title as title,
  articles.url as url,
  quotes.cue as cue,
  quotes.confidence as confidence,
  quotes.parts as parts,
  quotes.article_id as article_id,
  quotes.rowid as quote_rowid
from quotes
join articles on articles.id = quotes.article_id
left join speakers on speakers.id = quotes.speaker_id
left join outlets as via on via.id = quotes.via_outlet_id
left join outlets as publisher on publisher.id = quotes.publisher_outlet_id"""


def ensure_schema(db: Database) -> None:
    """Create the tables, indexes, full-text index and view, unless they exist.

    Writes nothing to a database that already has them, so a read-only copy opens fine.
    """
    with _sqlite_errors():
        with db.atomic():
            _create_tables(db)
            if "parts" not in db["quotes"].columns_dict:
                db["quotes"].add_column("parts", str)  # databases made before quotes had parts
            db.index_foreign_keys()
            for column in ("date", "kind"):
                if [column] not in [index.columns for index in db["quotes"].indexes]:
                    db["quotes"].create_index([column])
            if not db["quotes_fts"].exists():
                db["quotes"].enable_fts(QUOTES_FTS_COLUMNS, create_triggers=True, tokenize="porter")
            db.create_view("quotes_view", QUOTES_VIEW_SQL, replace=True)


def _create_tables(db: Database) -> None:
    db["articles"].create(
        {
            "id": str,
            "url": str,
            "title": str,
            "publisher": str,
            "date": str,
            "path": str,
            "text": str,
            "ingested_at": str,
            "extractor_version": str,
        },
        pk="id",
        if_not_exists=True,
    )
    db["speakers"].create({"id": str, "name": str, "kind": str}, pk="id", if_not_exists=True)
    db["outlets"].create(
        {"id": str, "name": str, "country": str, "state_run": int, "outlet_kind": str},
        pk="id",
        if_not_exists=True,
    )
    db["quotes"].create(
        {
            "id": str,
            "article_id": str,
            "speaker_id": str,
            "via_outlet_id": str,
            "publisher_outlet_id": str,
            "publisher": str,
            "text": str,
            "start": int,
            "end": int,
            "kind": str,
            "cue": str,
            "speaker_mention": str,
            "sentence": str,
            "confidence": float,
            "date": str,
            "extractor_version": str,
            "parts": str,
        },
        pk="id",
        foreign_keys=[
            ("article_id", "articles", "id"),
            ("speaker_id", "speakers", "id"),
            ("via_outlet_id", "outlets", "id"),
            ("publisher_outlet_id", "outlets", "id"),
        ],
        if_not_exists=True,
    )


def open_database(path: str | Path, *, timeout: float = 5.0, read_only: bool = False) -> Database:
    """Open (or create) the store at ``path`` with its schema in place.

    ``timeout`` is how many seconds to wait for another writer before giving up
    with a ``StoreError``. ``read_only`` opens an existing store without writing
    anything to it, not even the schema.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError("is a folder, not a database file")
    if read_only:
        return _open_read_only(path, timeout)
    new = not path.exists() or path.stat().st_size == 0
    with _sqlite_errors():
        db = Database(sqlite3.connect(str(path), timeout=timeout))
        db.execute("PRAGMA foreign_keys = ON")
        if new:
            # Write-ahead logging lets Datasette read while an ingest writes; existing
            # files keep their journal mode, which a read-only copy could not change.
            db.enable_wal()
        if db.journal_mode == "wal":
            # Safe with WAL (a crash can only drop the last commits) and spares an fsync per article.
            db.execute("PRAGMA synchronous = NORMAL")
    try:
        ensure_schema(db)
    except StoreError:
        db.close()
        raise
    return db


def _open_read_only(path: Path, timeout: float) -> Database:
    if not path.is_file():
        raise StoreError("no such database file")
    with _sqlite_errors():
        db = Database(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout))
        missing = {"articles", "quotes"} - set(db.table_names()) or {"quotes_view"} - set(db.view_names())
    if missing:
        db.close()
        raise StoreError(f"not a quotetrack database (no {', '.join(sorted(missing))}); run `quotetrack ingest` first")
    return db


def ingest_article(
    db: Database,
    article: Article,
    quotes: Sequence[Quote],
    *,
    extractor_version: str | None = None,
) -> Ingest:
    """Store ``article`` and its ``quotes`` in one transaction.

    Re-ingesting an article whose record and quotes are unchanged writes nothing;
    when they changed, its quote rows are replaced (same ids, same counts) and
    nothing else is touched. Speakers and outlets are only ever added.
    """
    if extractor_version is None:
        extractor_version = EXTRACTOR_VERSION
    with _sqlite_errors():
        if not db["articles"].exists():
            ensure_schema(db)
        with _write_transaction(db):
            return _ingest(db, article, quotes, extractor_version)


@contextlib.contextmanager
def _write_transaction(db: Database) -> Iterator[None]:
    """``db.atomic()``, but holding the write lock from the start.

    A transaction that reads before it writes cannot wait for a busy writer:
    SQLite fails it at once. Taking the lock first makes it wait up to the busy timeout.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.conn.execute("COMMIT")
    except BaseException:
        db.rollback()
        raise


def _ingest(db: Database, article: Article, quotes: Sequence[Quote], version: str) -> Ingest:
    article_row = {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "publisher": article.publisher,
        "date": article.date,
        "path": article.path,
        "text": article.text,
        "extractor_version": version,
    }
    entities = _Entities(db)
    quote_rows = {row["id"]: row for row in (_quote_row(entities, article, quote, version) for quote in quotes)}

    stored = next(db.query("select * from articles where id = ?", [article.id]), None)
    stored_quotes = {
        row["id"]: row for row in db.query("select * from quotes where article_id = ?", [article.id])
    }
    article_changed = stored is None or any(stored[key] != value for key, value in article_row.items())
    changed_quotes = [row for id, row in quote_rows.items() if stored_quotes.get(id) != row]
    gone_quotes = [id for id in stored_quotes if id not in quote_rows]
    if not (article_changed or changed_quotes or gone_quotes):
        return Ingest.UNCHANGED

    if article_changed:
        article_row["ingested_at"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        db["articles"].upsert(article_row, pk="id")
    entities.write()
    for id in gone_quotes:
        db["quotes"].delete(id)
    if changed_quotes:
        db["quotes"].upsert_all(changed_quotes, pk="id")
    return Ingest.NEW if stored is None else Ingest.UPDATED


def _quote_row(entities: _Entities, article: Article, quote: Quote, version: str) -> dict[str, Any]:
    publisher = quote.publisher or article.publisher
    return {
        "id": stable_id(article.id, str(quote.start), str(quote.end), quote.kind),
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
    }


class _Entities:
    """Resolves speaker and outlet names to ids, remembering rows still to insert."""

    def __init__(self, db: Database):
        self.db = db
        self.new_speakers: dict[str, dict[str, Any]] = {}
        self.new_outlets: dict[str, dict[str, Any]] = {}
        self.surnames = _SURNAMES.setdefault(db, _SurnameIndex())
        self.surnames.refresh(db)

    def speaker_id(self, name: str | None) -> str | None:
        canonical = canonical_speaker(name)
        if not canonical:
            return None
        key = speaker_key(canonical)
        if " " not in key:
            full_name_id = self._only_full_name_with_surname(key)
            if full_name_id:
                return full_name_id
        id = stable_id(key)
        if id not in self.new_speakers and not self._exists("speakers", id):
            self.new_speakers[id] = {"id": id, "name": canonical, "kind": speaker_kind(name or canonical)}
        return id

    def _only_full_name_with_surname(self, surname: str) -> str | None:
        candidates = {id for id in self.surnames.full_names(surname) if self._exists("speakers", id)}
        candidates |= {
            id for id, row in self.new_speakers.items() if " " in row["name"] and _surname_key(row["name"]) == surname
        }
        return candidates.pop() if len(candidates) == 1 else None

    def outlet_id(self, name: str | None, *, known_only: bool) -> str | None:
        row = outlet_row(name, known_only=known_only)
        if row is None:
            return None
        id = row["id"]
        if id not in self.new_outlets and not self._exists("outlets", id):
            self.new_outlets[id] = row
        return id

    def _exists(self, table: str, id: str) -> bool:
        return next(self.db.query(f"select 1 from {table} where id = ?", [id]), None) is not None

    def write(self) -> None:
        if self.new_speakers:
            self.db["speakers"].insert_all(self.new_speakers.values(), pk="id", ignore=True)
        if self.new_outlets:
            self.db["outlets"].insert_all(self.new_outlets.values(), pk="id", ignore=True)


class _SurnameIndex:
    """Full-name speakers by surname, so "Peskov" finds "Dmitry Peskov" without a table scan.

    Speakers are only ever added, so the index catches up by reading rows past the
    last rowid it has seen, including rows other processes added.
    """

    def __init__(self) -> None:
        self.last_rowid = 0
        self.ids: dict[str, set[str]] = defaultdict(set)

    def refresh(self, db: Database) -> None:
        for row in db.query("select rowid, id, name from speakers where rowid > ? order by rowid", [self.last_rowid]):
            if " " in row["name"]:
                self.ids[_surname_key(row["name"])].add(row["id"])
            self.last_rowid = row["rowid"]

    def full_names(self, surname: str) -> set[str]:
        return self.ids.get(surname, set())


_SURNAMES: WeakKeyDictionary[Database, _SurnameIndex] = WeakKeyDictionary()


# Words that introduce a name without being part of it: "Kremlin spokesman Dmitry Peskov",
# "Sen. Ted Cruz", "Russian Foreign Minister Sergei Lavrov". Lowercase words count as roles too.
_TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father
    sen senator rep representative gov governor president vice prime premier minister chancellor
    secretary spokesman spokeswoman spokesperson press deputy foreign defence defense interior
    finance justice state mayor judge ambassador envoy gen lt col maj capt cpt sgt adm admiral
    commander chief chairman chairwoman chair ceo cfo coo director head leader speaker
    congressman congresswoman councilman councilwoman councillor councilor commissioner attorney
    assemblyman assemblywoman official aide adviser advisor king queen prince princess
    pope sheikh emir ayatollah mp mep
    """.split()
)
# Parts of hyphenated titles only: "Secretary-General", "Attorney-General".
_TITLE_PARTS = _TITLES | {"general", "elect"}
_PERSON_TITLES = frozenset("mr mrs ms miss mx dr prof professor sir dame lord lady".split())
# Lowercase words that belong inside names: "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_NAME_PARTICLES = frozenset("von van der den de del della da di du dos das la le ter ten bin bint al el ibn".split())
# Organisation names end in one of these ("Foreign Ministry", "White House"), so their
# leading words are kept even when they look like titles.
_ORGANISATION_WORDS = frozenset(
    """
    ministry department office government kremlin house party council committee commission agency
    police army military forces navy court bank university company corporation corp inc ltd llc plc
    group association union organisation organization institute foundation embassy parliament senate
    congress administration campaign authority authorities service bureau command coalition alliance
    federation league network newspaper
    """.split()
)


def _is_role(token: str) -> bool:
    word = token.rstrip(".").casefold()
    if token[:1].islower():
        return word not in _NAME_PARTICLES
    if word.endswith("'s"):
        return True
    return word in _TITLES or ("-" in word and all(part in _TITLE_PARTS for part in word.split("-")))


def canonical_speaker(name: str | None) -> str | None:
    """The speaker's name without the titles and roles in front of it.

    >>> canonical_speaker("Kremlin spokesman Dmitry Peskov")
    'Dmitry Peskov'
    >>> canonical_speaker("Mr. Peskov")
    'Peskov'
    >>> canonical_speaker("President Ursula von der Leyen")
    'Ursula von der Leyen'
    >>> canonical_speaker("the Foreign Ministry")
    'Foreign Ministry'
    >>> canonical_speaker("the spokesman") is None
    True
    """
    if not name:
        return None
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip(" ,.;:\"'“”")
    # "Dmitry Peskov, the Kremlin spokesman": the description after a comma is not the name.
    name = re.sub(r"'s$", "", name.split(",")[0].strip())
    name = re.sub(r"^the ", "", name, flags=re.IGNORECASE)
    if not name:
        return None
    tokens = name.split(" ")
    if not any(token[:1].isupper() for token in tokens):
        return None  # "he", "the spokesman": a mention, not a name
    if tokens[-1].casefold() in _ORGANISATION_WORDS:
        return name
    start = 0
    for index, token in enumerate(tokens[:-1]):
        if _is_role(token):
            start = index + 1
    if not tokens[start][:1].isupper():
        return name  # no name follows the roles: keep the phrase whole rather than guess
    return " ".join(tokens[start:])


def speaker_key(name: str) -> str:
    """What two spellings of one speaker's name have in common: case and accents dropped.

    >>> speaker_key("Recep Tayyip Erdoğan") == speaker_key("recep tayyip erdogan")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", " ", plain).strip().casefold()


def _surname_key(name: str) -> str:
    return speaker_key(name).rpartition(" ")[2]


def speaker_kind(name: str) -> str:
    """person, organisation or unknown, guessed from the shape of a speaker's name.

    >>> [speaker_kind(name) for name in ("Dmitry Peskov", "Mr. Peskov", "Foreign Ministry", "NATO", "Peskov")]
    ['person', 'person', 'organisation', 'organisation', 'unknown']
    """
    canonical = canonical_speaker(name) or name
    words = canonical.split()
    if Outlets.load().canonical(canonical) == canonical:
        return "organisation"
    if words[-1].casefold() in _ORGANISATION_WORDS or re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,7}", canonical):
        return "organisation"
    if name.split()[0].rstrip(".").casefold() in _PERSON_TITLES:
        return "person"
    if 2 <= len(words) <= 5 and all(word[:1].isupper() or word in _NAME_PARTICLES for word in words):
        return "person"
    return "unknown"


def outlet_row(name: str | None, *, known_only: bool = False) -> dict[str, Any] | None:
    """The ``outlets`` row for ``name``: gazetteer details when known, else the name as given.

    With ``known_only``, names the gazetteer does not know give None.

    >>> outlet_row("the state-run TASS news agency")["name"]
    'TASS'
    >>> outlet_row("Smalltown Gazette")["name"], outlet_row("Smalltown Gazette", known_only=True)
    ('Smalltown Gazette', None)
    """
    if not name or not name.strip():
        return None
    outlets = Outlets.load()
    canonical = outlets.canonical(name)
    info = outlets.info(canonical) if canonical else None
    if info is None:
        if known_only:
            return None
        plain = re.sub(r"\s+", " ", name).strip()
        return {"id": stable_id(plain.casefold()), "name": plain, "country": None, "state_run": None, "outlet_kind": None}
    return {
        "id": stable_id(info.name.casefold()),
        "name": info.name,
        "country": info.country,
        "state_run": int(info.state_run),
        "outlet_kind": info.kind,
    }


_SQLITE_MESSAGES = {
    "SQLITE_BUSY": "database is locked by another process; try again when it has finished",
    "SQLITE_LOCKED": "database is locked by another process; try again when it has finished",
    "SQLITE_READONLY": "database is read-only",
    "SQLITE_CANTOPEN": "cannot open the database file",
    "SQLITE_NOTADB": "not an SQLite database",
    "SQLITE_CORRUPT": "database file is corrupt",
    "SQLITE_FULL": "disk is full",
}


@contextlib.contextmanager
def _sqlite_errors() -> Iterator[None]:
    """Turn sqlite3 errors into a StoreError with a message a user can act on."""
    try:
        yield
    except sqlite3.Error as error:
        name = getattr(error, "sqlite_errorname", "") or ""
        message = next(
            (text for prefix, text in _SQLITE_MESSAGES.items() if name.startswith(prefix)),
            str(error).splitlines()[0] if str(error) else type(error).__name__,
        )
        raise StoreError(message) from error
