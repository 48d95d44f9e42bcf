"""Quote ids that start with their article's id (:func:`~quotetrack.records.quote_id`), and the migration to them.

Before, a quote's id was a hash of article, start, end and kind alone, so the quotes of an article
landed on a page of their own in every index ordered by id: the key, and the quote page's date
orders, which end with it. At a million quotes that was about 25 of the 71 pages an article wrote.

>>> from quotetrack.store import open_database
>>> db = open_database(":memory:")
>>> _ = db.execute("insert into articles (id, text) values ('5f1e0c3a9b2d4e6f', 'No.')")
>>> _ = db.execute("insert into quotes (id, article_id, text, sort_date) values ('98e2850e8706c0de', '5f1e0c3a9b2d4e6f', 'No.', '- 98e2850e8706c0de')")
>>> prefix_quote_ids(db)
1
>>> db.execute("select id, sort_date from quotes").fetchall()
[('5f1e0c3a98e2850e8706', '- 5f1e0c3a98e2850e8706')]
>>> db.execute("select old_id, id from quote_id_aliases").fetchall()
[('98e2850e8706c0de', '5f1e0c3a98e2850e8706')]
"""

from __future__ import annotations

from sqlite_utils import Database

from .published import PAGE_INDEXES, create_page_indexes
from .records import QUOTE_ID_ARTICLE_PREFIX

__all__ = ["ALIAS_TABLE", "OLD_QUOTE_ID_LENGTH", "prefix_quote_ids"]

OLD_QUOTE_ID_LENGTH = 16
# Each migrated quote's old id and its new one: links to a quote by its old id are sent on (quotetrack.provenance.web.moved).
ALIAS_TABLE = "quote_id_aliases"
# The new id from an old one: the old id was the first 16 hex digits of the same hash, of which the new keeps 12.
_NEW_ID = f"substr({{q}}.article_id, 1, {QUOTE_ID_ARTICLE_PREFIX}) || substr({{q}}.id, 1, 12)"
_OLD = f"length({{column}}) = {OLD_QUOTE_ID_LENGTH}"
# (A quote without an article, which the store never writes, keeps its id: it has nothing to start with.)
_HAS_ARTICLE = "article_id is not null"
# Facet counts and summaries do not change (the date part of sort_date stays): their trigger is set aside.
_SET_ASIDE_TRIGGER = "quotes_published_au"


def prefix_quote_ids(db: Database) -> int:
    """Give the quotes stored with old ids their new ones, in ``sort_date`` and in the statements that
    name them too; the number of quotes changed. The old ids are kept in :data:`ALIAS_TABLE`, where
    Datasette's pages look up a link made before."""
    if db.execute(f"select 1 from quotes where {_OLD.format(column='id')} limit 1").fetchone() is None:
        return 0
    trigger = db.execute("select sql from sqlite_master where type = 'trigger' and name = ?", [_SET_ASIDE_TRIGGER]).fetchone()
    db.execute(f"drop trigger if exists {_SET_ASIDE_TRIGGER}")
    # Built again afterwards in one sorted pass each, instead of a million moves each.
    existing = {row[0] for row in db.execute("select name from sqlite_master where type = 'index'")}
    dropped = [name for name in PAGE_INDEXES if name in existing]
    for name in dropped:
        db.execute(f"drop index {name}")
    if db["statements"].exists():
        for column in ("canonical_quote_id", "first_quote_id"):
            db.execute(f"update statements set {column} = coalesce((select {_NEW_ID.format(q='q')} from quotes q where q.id = statements.{column}"
                       f" and q.{_HAS_ARTICLE}),"
                       f" {column}) where {_OLD.format(column=column)}")
    db.execute(f"create table if not exists {ALIAS_TABLE} (old_id text primary key, id text not null) without rowid")
    db.execute(f"insert or ignore into {ALIAS_TABLE} (old_id, id) select id, {_NEW_ID.format(q='quotes')} from quotes"
               f" where {_OLD.format(column='id')} and {_HAS_ARTICLE}")
    columns = db["quotes"].columns_dict
    sort_date = f", sort_date = substr(sort_date, 1, length(sort_date) - {OLD_QUOTE_ID_LENGTH}) || {_NEW_ID.format(q='quotes')}" if "sort_date" in columns else ""
    changed = db.execute(f"update quotes set id = {_NEW_ID.format(q='quotes')}{sort_date} where {_OLD.format(column='id')} and {_HAS_ARTICLE}").rowcount
    if dropped:
        create_page_indexes(db)
    if trigger is not None:
        db.execute(trigger[0])
    return changed
