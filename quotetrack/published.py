"""The published design: what Datasette reads, laid out so that every page stays fast at a million quotes.

- ``quotes`` carries the names a reader filters on: ``speaker``, ``via_outlet`` and ``published_by``
  (canonical names, next to the ids), with ``kind`` and ``date``; each filter has an index that
  also covers the facets and the date order of its page.
- ``quote_facets`` holds the number of quotes for each facet value, so the unfiltered quote
  page shows its facets without counting a million rows; ``speakers`` and ``outlets`` carry
  their quote counts and first/last dates.
- Triggers keep all of it current, whoever writes: an ingest, a replaced or deleted article, a
  speaker or outlet renamed (its name is copied to its quotes).

>>> from quotetrack.store import open_database, ingest_article
>>> from quotetrack.records import Article, Quote
>>> db = open_database(":memory:")
>>> article = Article(text="“No,” Peskov told Tass.", url="https://example.com/a", date="2024-05-14", publisher="Reuters")
>>> _ = ingest_article(db, article, [Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov", via_outlet="Tass")])
>>> db.execute("select speaker, via_outlet, published_by from quotes").fetchone()
('Peskov', 'TASS', 'Reuters')
>>> db.execute("update speakers set name = 'Dmitry Peskov'")  and None
>>> db.execute("select speaker from quotes").fetchone(), facet_counts(db, "speaker")
(('Dmitry Peskov',), [('Dmitry Peskov', 1)])
"""

from __future__ import annotations

import datetime

from sqlite_utils import Database

from .facet_pairs import FACETS, HEAD_QUOTES, create_crossing_triggers, create_pair_table, pair_statements, rebuild_pairs

__all__ = ["FACETS", "NAME_COLUMNS", "SORT_DATE_SQL", "add_facet_pairs", "add_published_design", "create_page_indexes", "facet_counts", "rebuild_summaries",
           "sort_date"]

# The names on each quote, and the SQL that reads each one from the id beside it.
NAME_COLUMNS = {
    "speaker": "(select name from speakers where id = quotes.speaker_id)",
    "via_outlet": "(select name from outlets where id = quotes.via_outlet_id)",
    "published_by": "coalesce((select name from outlets where id = quotes.publisher_outlet_id), quotes.publisher)",
}

# ``sort_date``: the quote page's order, one value per quote: the date as an instant in UTC (so
# that text order is time order), then the quote's id. Never null (Datasette's next-page clause
# then stays on an index) and never tied (Datasette's first page is ordered by it alone, so a tie
# across a page boundary would repeat or skip rows in a CSV stream). Undated quotes sort before
# every date ("- <id>"): last, newest first.
SORT_DATE_SQL = ("coalesce(case when length({q}.date) > 10 then coalesce(strftime('%Y-%m-%dT%H:%M:%S', {q}.date), {q}.date)"
                 " else {q}.date end, '-') || ' ' || {q}.id")
DATED = "sort_date > '0'"


def _day(sql: str) -> str:
    """SQL for the date part of a ``sort_date`` value (null for an undated one or for null)."""
    return f"nullif(substr({sql}, 1, instr({sql}, ' ') - 1), '-')"


def sort_date(date: str | None, id: str) -> str:
    """The value of ``quotes.sort_date`` for a quote's date and id (what :data:`SORT_DATE_SQL` computes in SQL).

    >>> sort_date("2024-05-14T09:00:00+09:00", "q1"), sort_date("2024-05-14", "q2"), sort_date(None, "q3")
    ('2024-05-14T00:00:00 q1', '2024-05-14 q2', '- q3')
    """
    return f"{_utc(date) if date else '-'} {id}"


def _utc(date: str) -> str:
    if len(date) <= 10:
        return date
    try:
        moment = datetime.datetime.fromisoformat(date)
    except ValueError:
        return date
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


# One index per name filter of the quote page: the filter, then the page's order, then the other facet
# columns, so the facets of a filtered page read the index alone.
_FACET_COLUMNS = ["kind", "speaker", "via_outlet", "published_by", "speaker_method", "date"]


def _filter_page(column: str) -> list[str]:
    return [column, "sort_date", *(facet for facet in _FACET_COLUMNS if facet != column)]


PAGE_INDEXES = {
    "quotes_by_speaker": _filter_page("speaker"),
    "quotes_by_via_outlet": _filter_page("via_outlet"),
    "quotes_by_publisher": _filter_page("published_by"),
    # kind and date ranges: their pages are large or short-lived; the order alone
    "quotes_by_kind": ["kind", "sort_date"],
    "quotes_by_sort_date": ["sort_date"],
    # a date range: its facets counted from this index alone
    "quotes_by_date_page": _filter_page("date"),
    # first and last dates of a speaker or outlet, after a delete
    "quotes_speaker_id_date": ["speaker_id", "sort_date"],
    "quotes_via_outlet_id_date": ["via_outlet_id", "sort_date"],
    "quotes_publisher_outlet_id_date": ["publisher_outlet_id", "sort_date"],
}
# Quotes are looked up by a speaker or an outlet, never by the lack of one: those without (most quotes are
# not relayed) are left out of its indexes, where at a million quotes they were the biggest run of keys,
# and storing an article wrote a page or two of it for them.
PARTIAL_INDEXES = {
    "quotes_by_speaker": "speaker is not null",
    "quotes_by_via_outlet": "via_outlet is not null",
    "quotes_speaker_id_date": "speaker_id is not null",
    "quotes_via_outlet_id_date": "via_outlet_id is not null",
    "quotes_publisher_outlet_id_date": "publisher_outlet_id is not null",
}
# Replaced by the composite indexes above, which serve the same lookups.
_DROPPED_INDEXES = ("idx_quotes_date", "idx_quotes_kind", "idx_quotes_speaker_id", "idx_quotes_via_outlet_id",
                    "idx_quotes_publisher_outlet_id", "quotes_by_date")

SPEAKER_SUMMARY = {"quotes": int, "first_seen": str, "last_seen": str}
OUTLET_SUMMARY = {"quotes_via": int, "quotes_published": int, "first_seen": str, "last_seen": str}

SUMMARY_DOCS = {
    "speakers": {
        "quotes": "number of quotes credited to the speaker",
        "first_seen": "date of the speaker's earliest dated quote (in UTC, as in `quotes.sort_date`)",
        "last_seen": "date of the speaker's latest dated quote (in UTC)",
    },
    "outlets": {
        "quotes_via": "number of quotes relayed through the outlet",
        "quotes_published": "number of quotes in articles it published",
        "first_seen": "date of the earliest dated quote it relayed or published",
        "last_seen": "date of the latest dated quote it relayed or published",
    },
    "quote_facets": {
        "facet": "a column of the quote page's facets: speaker, via_outlet, published_by, kind, speaker_method, date (by day)",
        "value": "one value of it",
        "quotes": "how many quotes have it",
    },
}
QUOTE_NAME_DOCS = {
    "speaker": "who said it: the speaker's canonical name (`speakers.name`), copied for filtering and faceting",
    "via_outlet": "the outlet it was relayed through (`outlets.name`), copied for filtering and faceting",
    "published_by": "the publisher's canonical name (`outlets.name` when the gazetteer knows it, else as given)",
    "sort_date": "the quote page's order: the date as an instant in UTC, then the id (`2024-05-14T00:00:00 3f2a…` for 09:00+09:00; `- 3f2a…` when undated)",
}


def _min_date(current: str, new: str) -> str:
    return f"min(coalesce({current}, {new}), coalesce({new}, {current}))"


def _max_date(current: str, new: str) -> str:
    return f"max(coalesce({current}, {new}), coalesce({new}, {current}))"


NEW_DAY = _day("new.sort_date")


def _triggers(head_quotes: int = HEAD_QUOTES) -> dict[str, str]:
    facet_rows = " union all ".join(f"select '{facet}' as facet, {sql.format(q='{row}')} as value" for facet, sql in FACETS.items())
    count_new = pair_statements("new", head_quotes) + (
        f" insert into quote_facets (facet, value, quotes) select facet, value, 1 from ({facet_rows.format(row='new')})"
        " where value is not null on conflict (facet, value) do update set quotes = quotes + 1;"
        f" update speakers set quotes = coalesce(quotes, 0) + 1, first_seen = {_min_date('first_seen', NEW_DAY)},"
        f" last_seen = {_max_date('last_seen', NEW_DAY)} where id = new.speaker_id;"
        f" update outlets set quotes_via = coalesce(quotes_via, 0) + 1, first_seen = {_min_date('first_seen', NEW_DAY)},"
        f" last_seen = {_max_date('last_seen', NEW_DAY)} where id = new.via_outlet_id;"
        f" update outlets set quotes_published = coalesce(quotes_published, 0) + 1, first_seen = {_min_date('first_seen', NEW_DAY)},"
        f" last_seen = {_max_date('last_seen', NEW_DAY)} where id = new.publisher_outlet_id;"
    )
    first = _day("min(sort_date)")
    last = _day("max(sort_date)")
    outlet_dates = (f"first_seen = (select min(d) from (select {first} as d from quotes where via_outlet_id = outlets.id"
                    f" and {DATED} union all select {first} from quotes where publisher_outlet_id = outlets.id"
                    f" and {DATED})), last_seen = (select max(d) from (select {last} as d from quotes"
                    f" where via_outlet_id = outlets.id and {DATED} union all select {last} from quotes"
                    f" where publisher_outlet_id = outlets.id and {DATED}))")
    count_old = pair_statements("old", head_quotes) + (
        f" update quote_facets set quotes = quotes - 1 where (facet, value) in ({facet_rows.format(row='old')});"
        " delete from quote_facets where quotes <= 0;"
        " update speakers set quotes = quotes - 1,"
        f" first_seen = (select {first} from quotes where speaker_id = old.speaker_id and {DATED}),"
        f" last_seen = (select {last} from quotes where speaker_id = old.speaker_id and {DATED}) where id = old.speaker_id;"
        f" update outlets set quotes_via = quotes_via - 1, {outlet_dates} where id = old.via_outlet_id;"
        f" update outlets set quotes_published = quotes_published - 1, {outlet_dates} where id = old.publisher_outlet_id;"
    )
    watched = "speaker_id, via_outlet_id, publisher_outlet_id, date, sort_date, kind, speaker_method, speaker, via_outlet, published_by"
    return {
        "quotes_published_ai": f"create trigger quotes_published_ai after insert on quotes begin {count_new} end",
        "quotes_published_ad": f"create trigger quotes_published_ad after delete on quotes begin {count_old} end",
        "quotes_published_au": f"create trigger quotes_published_au after update of {watched} on quotes begin {count_old} {count_new} end",
        # a renamed speaker or outlet: its quotes show the new name
        "speakers_name_au": "create trigger speakers_name_au after update of name on speakers begin"
                            " update quotes set speaker = new.name where speaker_id = new.id; end",
        "outlets_name_au": "create trigger outlets_name_au after update of name on outlets begin"
                           " update quotes set via_outlet = new.name where via_outlet_id = new.id;"
                           " update quotes set published_by = new.name where publisher_outlet_id = new.id; end",
    }


# The full-text index changes only when the indexed words do (statements rewrite other columns often).
_FTS_UPDATE_TRIGGER = """create trigger quotes_au after update of text, speaker_mention, sentence on quotes begin
  insert into quotes_fts (quotes_fts, rowid, text, speaker_mention, sentence) values ('delete', old.rowid, old.text, old.speaker_mention, old.sentence);
  insert into quotes_fts (rowid, text, speaker_mention, sentence) values (new.rowid, new.text, new.speaker_mention, new.sentence);
end"""


def add_published_design(db: Database) -> None:
    """The body of the ``published_design`` migration: columns, indexes, summaries, triggers; existing rows filled in."""
    quotes = db.table("quotes")
    db.execute("drop trigger if exists quotes_au")
    db.execute(_FTS_UPDATE_TRIGGER)
    for column in NAME_COLUMNS:
        if column not in quotes.columns_dict:
            quotes.add_column(column, str)
    if "sort_date" not in quotes.columns_dict:
        quotes.add_column("sort_date", str, not_null_default="-")
    for table, columns in (("speakers", SPEAKER_SUMMARY), ("outlets", OUTLET_SUMMARY)):
        for column, kind in columns.items():
            if column not in db.table(table).columns_dict:
                db.table(table).add_column(column, kind, not_null_default=0 if kind is int else None)
    db.execute("create table if not exists quote_facets (facet text not null, value text not null, quotes integer not null,"
               " primary key (facet, value)) without rowid")
    create_pair_table(db)
    for name, sql in _triggers().items():
        db.execute(f"drop trigger if exists {name}")
    filled = {**NAME_COLUMNS, "sort_date": SORT_DATE_SQL.format(q="quotes")}
    db.execute(f"update quotes set {', '.join(f'{column} = {sql}' for column, sql in filled.items())}")
    create_page_indexes(db)
    db.execute("create index if not exists speakers_by_quotes on speakers (quotes desc)")
    rebuild_summaries(db)
    for sql in _triggers().values():
        db.execute(sql)


def create_page_indexes(db: Database) -> None:
    """The quote page's indexes (:data:`PAGE_INDEXES`), those it replaced dropped, any laid out otherwise before made again."""
    for name in _DROPPED_INDEXES:
        db.execute(f"drop index if exists {name}")
    stored = dict(db.execute("select name, sql from sqlite_master where type = 'index' and tbl_name = 'quotes'").fetchall())
    for name in PAGE_INDEXES:
        sql = page_index_sql(name)
        if stored.get(name, "").casefold() == sql.casefold():
            continue
        if name in stored:
            db.execute(f"drop index {name}")
        db.execute(sql)


def page_index_sql(name: str) -> str:
    """The ``create index`` statement of one of :data:`PAGE_INDEXES`, as SQLite keeps it.

    >>> page_index_sql("quotes_via_outlet_id_date")
    'CREATE INDEX quotes_via_outlet_id_date on quotes (via_outlet_id, sort_date) where via_outlet_id is not null'
    """
    where = f" where {PARTIAL_INDEXES[name]}" if name in PARTIAL_INDEXES else ""
    return f"CREATE INDEX {name} on quotes ({', '.join(PAGE_INDEXES[name])}){where}"


def rebuild_summaries(db: Database) -> None:
    """Count ``quote_facets`` and the speaker and outlet summaries afresh from the quotes (after a bulk load)."""
    db.execute("delete from quote_facets")
    for facet, sql in FACETS.items():
        value = sql.format(q="quotes")
        db.execute(f"insert into quote_facets (facet, value, quotes) select '{facet}', {value}, count(*) from quotes"
                   f" where {value} is not null group by {value}")
    db.execute("""update speakers set (quotes, first_seen, last_seen) = (
        select count(*), {first}, {last} from quotes where speaker_id = speakers.id)""".format(
        first=_day(f"min(case when {DATED} then sort_date end)"), last=_day(f"max(case when {DATED} then sort_date end)")))
    db.execute("""update outlets set (quotes_via, quotes_published, first_seen, last_seen) = (
        select coalesce(sum(via), 0), coalesce(sum(published), 0), {first}, {last} from (
          select 1 as via, 0 as published, sort_date as day from quotes where via_outlet_id = outlets.id
          union all select 0, 1, sort_date from quotes where publisher_outlet_id = outlets.id))""".format(
        first=_day("min(case when day > '0' then day end)"), last=_day("max(case when day > '0' then day end)")))
    rebuild_pairs(db)


def add_facet_pairs(db: Database, head_quotes: int = HEAD_QUOTES) -> None:
    """The body of the ``facet_pairs`` migration: ``quote_facet_pairs`` (:mod:`quotetrack.facet_pairs`), its triggers, its counts.

    ``head_quotes`` other than the default is for tests: small databases with heads.
    """
    create_pair_table(db)
    create_page_indexes(db)
    create_crossing_triggers(db, head_quotes)
    for name, sql in _triggers(head_quotes).items():
        db.execute(f"drop trigger if exists {name}")
        db.execute(sql)
    rebuild_pairs(db, head_quotes)


def facet_counts(db: Database, facet: str, limit: int = 20) -> list[tuple[str, int]]:
    """The most frequent values of a facet over all quotes, from ``quote_facets``."""
    return [(value, count) for value, count in db.execute(
        "select value, quotes from quote_facets where facet = ? order by quotes desc, value limit ?", [facet, limit])]
