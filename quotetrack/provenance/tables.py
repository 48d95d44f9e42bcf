"""The provenance tables: ``statements``, ``statement_bands`` and the statement columns of ``quotes``.

:func:`create_statement_tables` is the body of the ``add_statements`` migration; it also
groups the quotes a database already holds, so an older database gains its statements.
"""

from __future__ import annotations

from sqlite_utils import Database

from .lsh import create_band_tables

__all__ = ["QUOTE_COLUMNS", "STATEMENT_COLUMNS", "create_statement_tables"]

STATEMENT_COLUMNS: dict[str, type] = {
    "id": int,
    "canonical_text": str,
    "canonical_quote_id": str,
    "speaker_id": str,
    "first_seen": str,
    "first_quote_id": str,
    "first_article_id": str,
    "first_publisher": str,
    "first_publisher_outlet_id": str,
    "first_via_outlet_id": str,
    "articles": int,
    "outlets": int,
    "quotes": int,
    "speakers": int,
    "variants": int,
    "has_variants": int,
    "has_different_speakers": int,
}

QUOTE_COLUMNS: dict[str, type] = {"statement_id": int, "variant": str, "changed_words": str, "seen_order": str}

STATEMENT_DOCS = {
    "id": "statement number",
    "canonical_text": "the earliest full version: the first direct, unelided quote of it (else the first appearance)",
    "canonical_quote_id": "the quote holding that version (`quotes.id`)",
    "speaker_id": "who said it (`speakers.id`): the speaker of the canonical version",
    "first_seen": "date of the earliest dated appearance (time of day, then ingest order, break ties); null when none is dated",
    "first_quote_id": "the earliest appearance (`quotes.id`)",
    "first_article_id": "its article (`articles.id`)",
    "first_publisher": "who published the earliest appearance",
    "first_publisher_outlet_id": "that publisher in the gazetteer (`outlets.id`)",
    "first_via_outlet_id": "the outlet the earliest appearance was relayed through (`outlets.id`)",
    "articles": "number of articles it appears in",
    "outlets": "number of publishers it appears in",
    "quotes": "number of appearances (quotes)",
    "speakers": "number of speakers it is credited to",
    "variants": "appearances whose wording or speaker differs from the canonical version",
    "has_variants": "1 when any appearance is truncated, extended, has words changed or another speaker",
    "has_different_speakers": "1 when it is credited to more than one speaker: a possible misattribution",
}

QUOTE_DOCS = {
    "statement_id": "the statement this quote is an appearance of (`statements.id`); null for quotes under 4 words",
    "variant": "compared with the statement's canonical version: unchanged, truncated, extended, words changed or different speaker",
    "seen_order": "where the quote comes in its statement's timeline: sorts dated before undated, by day, time (UTC), ingest order",
    "changed_words": "JSON `[[old, new], ...]` of the words changed inside the quote (\"\" for words left out or added)",
}


def create_statement_tables(db: Database) -> None:
    """Create the tables and columns (checking first) and group the quotes already stored."""
    if not db.table("statements").exists():
        db.table("statements").create(
            STATEMENT_COLUMNS,
            pk="id",
            foreign_keys=[
                ("speaker_id", "speakers", "id"),
                ("first_article_id", "articles", "id"),
                ("first_publisher_outlet_id", "outlets", "id"),
                ("first_via_outlet_id", "outlets", "id"),
            ],
        )
        statements = db.table("statements")
        for column in ("speaker_id", "first_article_id", "first_publisher_outlet_id", "first_via_outlet_id", "first_seen",
                       "first_publisher", "outlets", "has_variants", "has_different_speakers"):
            statements.create_index([column])
        statements.enable_fts(["canonical_text"], create_triggers=True, tokenize="porter")
        # Summaries are rewritten as quotes join; only a new canonical text needs re-indexing.
        db.execute("drop trigger statements_au")
        db.execute(
            "create trigger statements_au after update of canonical_text on statements begin"
            " insert into statements_fts (statements_fts, rowid, canonical_text) values ('delete', old.rowid, old.canonical_text);"
            " insert into statements_fts (rowid, canonical_text) values (new.rowid, new.canonical_text); end"
        )
    create_band_tables(db)
    quotes = db.table("quotes")
    if "statement_id" not in quotes.columns_dict:
        # ALTER TABLE keeps the quotes' FTS triggers; a rebuild (sqlite-utils transform) would not.
        db.execute("alter table quotes add column statement_id integer references statements(id)")
    for column, kind in QUOTE_COLUMNS.items():
        if column not in quotes.columns_dict:
            quotes.add_column(column, kind)
    for columns in (["statement_id", "seen_order"], ["variant"]):
        if columns not in [index.columns for index in quotes.indexes]:
            quotes.create_index(columns)
    from .cluster import cluster_all

    cluster_all(db)
