"""Facet counts for the quote page filtered by a frequent speaker, outlet or publisher, kept as the quotes are stored.

A page filtered by one speaker (``?speaker=...``), via outlet or publisher can count its facets
from its filter's covering index while it holds up to :data:`HEAD_QUOTES` quotes (a few tens of
milliseconds). A name with more quotes than that (a head: a wire service, a president) would
take hundreds, so its facet counts are kept in ``quote_facet_pairs``: for each head name
(``facet``, ``value``), how many of its quotes have each value (``by_value``) of each other
facet (``by_facet``). Only quotes with a head name write there; every other quote costs three
lookups in ``quote_facets``.

- :func:`pair_statements` is SQL for the store's quote triggers (:mod:`quotetrack.published`),
  run before ``quote_facets`` is counted, so that a quote's name is a head when its count
  *before* the quote is over the threshold;
- a name becomes a head when ``quote_facets`` counts it past the threshold: a trigger counts
  its pairs from the quotes then (once, through its index) and the name's next quotes add to
  them; below the threshold again, its pairs are deleted.

>>> from quotetrack.store import open_database, ingest_article
>>> from quotetrack.records import Article, Quote
>>> from quotetrack.published import add_facet_pairs
>>> db = open_database(":memory:")
>>> add_facet_pairs(db, head_quotes=1)
>>> article = Article(text="“No,” Peskov told Tass. “Yes,” he said.", url="https://example.com/a", date="2024-05-14", publisher="Reuters")
>>> _ = ingest_article(db, article, [Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov", via_outlet="Tass"),
...                                  Quote(text="Yes,", start=25, end=29, kind="direct", speaker="Peskov")])
>>> pair_counts(db, "speaker", "Peskov", "via_outlet"), pair_counts(db, "published_by", "Reuters", "kind")
([('TASS', 1)], [('direct', 2)])
>>> pair_counts(db, "via_outlet", "TASS", "kind")  # one quote: not over the threshold
[]
"""

from __future__ import annotations

from sqlite_utils import Database

__all__ = ["FACETS", "HEAD_FACETS", "HEAD_QUOTES", "PAIR_COUNTS_SQL", "PAIR_DOCS", "create_crossing_triggers", "create_pair_table", "pair_counts",
           "pair_statements", "rebuild_pairs"]

# A name with more quotes than this is a head: its filtered page reads its facets from quote_facet_pairs.
HEAD_QUOTES = 20_000
# The filters kept (their quote_facets facet is the column's name); each counts every facet of FACETS.
HEAD_FACETS = ("speaker", "via_outlet", "published_by")
# Facets counted ahead (quote_facets, and here for heads): facet name -> SQL of its value for a quote row `{q}`.
FACETS = {
    "speaker": "{q}.speaker",
    "via_outlet": "{q}.via_outlet",
    "published_by": "{q}.published_by",
    "kind": "{q}.kind",
    "speaker_method": "{q}.speaker_method",
    # as Datasette's date facet groups: the UTC day
    "date": "date({q}.date)",
}

PAIR_DOCS = {
    "facet": "the head's facet: speaker, via_outlet or published_by",
    "value": "the head: a name with more than 20,000 quotes (`HEAD_QUOTES`)",
    "by_facet": "another facet of its quotes: speaker, via_outlet, published_by, kind, speaker_method, date (by day)",
    "by_value": "one value of it",
    "quotes": "how many of the head's quotes have it",
}

TABLE_SQL = ("create table if not exists quote_facet_pairs (facet text not null, value text not null, by_facet text not null,"
             " by_value text not null, quotes integer not null, primary key (facet, value, by_facet, by_value)) without rowid")


def create_pair_table(db: Database) -> None:
    db.execute(TABLE_SQL)


def _pairs_of(row: str, threshold: int) -> str:
    """SQL selecting (facet, value, by_facet, by_value) for the head names of quote row ``row`` (``new`` or ``old``)."""
    heads = " union all ".join(f"select '{facet}' as facet, {row}.{facet} as value" for facet in HEAD_FACETS)
    facets = " union all ".join(f"select '{facet}' as by_facet, {sql.format(q=row)} as by_value" for facet, sql in FACETS.items())
    return (f"select heads.facet, heads.value, facets.by_facet, facets.by_value from ({heads}) as heads"
            " join quote_facets on quote_facets.facet = heads.facet and quote_facets.value = heads.value"
            f" and quote_facets.quotes > {threshold}"
            f" join ({facets}) as facets on facets.by_facet != heads.facet and facets.by_value is not null")


def pair_statements(row: str, threshold: int = HEAD_QUOTES) -> str:
    """Trigger SQL counting quote row ``row`` in (``new``) or out of (``old``) its head names' pairs."""
    pairs = _pairs_of(row, threshold)
    if row == "new":
        return (f"insert into quote_facet_pairs (facet, value, by_facet, by_value, quotes) select *, 1 from ({pairs}) where true"
                " on conflict (facet, value, by_facet, by_value) do update set quotes = quotes + 1;")
    return (f"update quote_facet_pairs set quotes = quotes - 1 where (facet, value, by_facet, by_value) in ({pairs});"
            f" delete from quote_facet_pairs where quotes <= 0 and (facet, value, by_facet, by_value) in ({pairs});")


def _count_pairs(facet: str, value_sql: str) -> str:
    """SQL inserting the pairs of the head names ``value_sql`` (a subquery or ``new.value``) of one facet, counted from the quotes."""
    return "; ".join(
        f"insert into quote_facet_pairs (facet, value, by_facet, by_value, quotes)"
        f" select '{facet}', {facet}, '{by_facet}', {sql.format(q='quotes')}, count(*) from quotes"
        f" where {facet} in ({value_sql}) and {sql.format(q='quotes')} is not null group by {facet}, {sql.format(q='quotes')}"
        for by_facet, sql in FACETS.items() if by_facet != facet) + ";"


def create_crossing_triggers(db: Database, threshold: int = HEAD_QUOTES) -> None:
    """The triggers on ``quote_facets`` that count a name's pairs when it becomes a head and drop them when it stops being one."""
    found = {}
    for facet in HEAD_FACETS:
        found[f"quote_facets_{facet}_head"] = (
            f"create trigger quote_facets_{facet}_head after update of quotes on quote_facets"
            f" when new.facet = '{facet}' and old.quotes <= {threshold} and new.quotes > {threshold}"
            f" begin {_count_pairs(facet, 'select new.value')} end")
    found["quote_facets_not_head"] = (
        "create trigger quote_facets_not_head after update of quotes on quote_facets"
        f" when old.quotes > {threshold} and new.quotes <= {threshold}"
        " begin delete from quote_facet_pairs where facet = new.facet and value = new.value; end")
    for name, sql in found.items():
        db.execute(f"drop trigger if exists {name}")
        db.execute(sql)


def rebuild_pairs(db: Database, threshold: int = HEAD_QUOTES) -> None:
    """Count ``quote_facet_pairs`` afresh from the quotes for every head name (after ``quote_facets`` is counted)."""
    if "quote_facet_pairs" not in db.table_names():
        return
    db.execute("delete from quote_facet_pairs")
    for facet in HEAD_FACETS:
        for statement in _count_pairs(facet, f"select value from quote_facets where facet = '{facet}' and quotes > {threshold}").split("; "):
            db.execute(statement.rstrip(";"))


# The most frequent values of one facet among a head name's quotes: parameters facet, value, by_facet, limit.
PAIR_COUNTS_SQL = ("select by_value, quotes from quote_facet_pairs where facet = ? and value = ? and by_facet = ?"
                   " order by quotes desc, by_value limit ?")


def pair_counts(db: Database, facet: str, value: str, by_facet: str, limit: int = 20) -> list[tuple[str, int]]:
    """The most frequent values of ``by_facet`` among the quotes whose ``facet`` is ``value`` (a head name; else none)."""
    return [(by_value, count) for by_value, count in db.execute(PAIR_COUNTS_SQL, [facet, value, by_facet, limit])]
