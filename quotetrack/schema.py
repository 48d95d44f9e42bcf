"""The database schema, as sqlite-utils migrations: a new column is a new migration.

>>> from sqlite_utils import Database
>>> db = Database(memory=True)
>>> [migration.name for migration in MIGRATIONS.pending(db)]
['create_tables']
>>> MIGRATIONS.apply(db)
>>> MIGRATIONS.pending(db), "quotes_view" in db.view_names()
([], True)
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

__all__ = ["MIGRATIONS", "QUOTES_FTS_COLUMNS", "QUOTES_VIEW_SQL", "schema_complete"]

MIGRATIONS = Migrations("quotetrack")

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

_INDEXED_QUOTE_COLUMNS = ("date", "kind")


@MIGRATIONS()
def create_tables(db: Database) -> None:
    """The schema as it stood when migrations began.

    Every step checks before it creates, so this migration also adopts databases
    written before migrations existed, including those from before quotes had parts.
    """
    _create_tables(db)
    quotes = db.table("quotes")
    if "parts" not in quotes.columns_dict:
        quotes.add_column("parts", str)
    db.index_foreign_keys()
    for column in _INDEXED_QUOTE_COLUMNS:
        if [column] not in [index.columns for index in quotes.indexes]:
            quotes.create_index([column])
    if not db.table("quotes_fts").exists():
        quotes.enable_fts(QUOTES_FTS_COLUMNS, create_triggers=True, tokenize="porter")
    db.create_view("quotes_view", QUOTES_VIEW_SQL, replace=True)


def schema_complete(db: Database) -> bool:
    """Whether ``db`` has every table and view quotetrack reads (old databases included)."""
    return {"articles", "quotes"} <= set(db.table_names()) and "quotes_view" in db.view_names()


def _create_tables(db: Database) -> None:
    db.table("articles").create(
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
    db.table("speakers").create({"id": str, "name": str, "kind": str}, pk="id", if_not_exists=True)
    db.table("outlets").create(
        {"id": str, "name": str, "country": str, "state_run": int, "outlet_kind": str},
        pk="id",
        if_not_exists=True,
    )
    db.table("quotes").create(
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
