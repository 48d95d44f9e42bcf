"""The database schema, as sqlite-utils migrations: a new column is a new migration.

>>> from sqlite_utils import Database
>>> db = Database(memory=True)
>>> [migration.name for migration in MIGRATIONS.pending(db)]  # doctest: +NORMALIZE_WHITESPACE
['create_tables', 'add_attribution_evidence', 'article_date_raw', 'add_statements', 'published_design', 'deferred_search_index',
 'staged_statement_bands', 'fast_pages', 'appended_recent_bands',
 'article_prefixed_quote_ids', 'lean_page_indexes', 'statement_bands_filter', 'statement_band_runs', 'articles_by_source']
>>> MIGRATIONS.apply(db)
>>> MIGRATIONS.pending(db), "quotes_view" in db.view_names()
([], True)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlite_utils import Database, Migrations

from .facet_pairs import PAIR_DOCS
from .provenance.tables import QUOTE_DOCS, STATEMENT_DOCS
from .published import QUOTE_NAME_DOCS, SUMMARY_DOCS
from .records import DAY_DIGITS, SOURCE_HASH_LENGTH

__all__ = ["MIGRATIONS", "QUOTES_FTS_COLUMNS", "QUOTES_VIEW_SQL", "SOURCE_HASH_SQL", "apply_migrations", "schema_complete"]

MIGRATIONS = Migrations("quotetrack")
# The part of an article's id after its day (quotetrack.records.article_id), indexed to find an article re-dated.
SOURCE_HASH_SQL = f"substr(id, {DAY_DIGITS + 1}, {SOURCE_HASH_LENGTH})"

QUOTES_FTS_COLUMNS = ("text", "speaker_mention", "sentence")

# The view as it stood before the published design (older migrations create it; published_design replaces it).
_JOINED_VIEW_SQL = """select
  quotes.id as id,
  quotes.text as text,
  quotes.kind as kind,
  speakers.name as speaker,
  quotes.speaker_mention as speaker_mention,
  quotes.speaker_method as speaker_method,
  via.name as via_outlet,
  quotes.via_chain as via_chain,
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

# Quotes with their article's title and URL: the names are on the quotes (see quotetrack.published).
QUOTES_VIEW_SQL = """select
  quotes.id as id,
  quotes.text as text,
  quotes.kind as kind,
  quotes.speaker as speaker,
  quotes.speaker_mention as speaker_mention,
  quotes.speaker_method as speaker_method,
  quotes.via_outlet as via_outlet,
  quotes.via_chain as via_chain,
  quotes.published_by as publisher,
  quotes.date as date,
  articles.title as title,
  articles.url as url,
  quotes.cue as cue,
  quotes.confidence as confidence,
  quotes.parts as parts,
  quotes.article_id as article_id,
  quotes.rowid as quote_rowid
from quotes
join articles on articles.id = quotes.article_id"""

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
    db.create_view("quotes_view", _JOINED_VIEW_SQL, replace=True)


# Why each quote is attributed as it is (see quotetrack.extract.evidence).
EVIDENCE_COLUMNS: dict[str, type] = {
    "speaker_start": int,
    "speaker_end": int,
    "speaker_method": str,
    "via_chain": str,
    "via_start": int,
    "via_end": int,
}


@MIGRATIONS()
def add_attribution_evidence(db: Database) -> None:
    """Quotes record how their speaker and via outlet were found; ``quotes_view`` shows it.

    Rows stored before stay null until re-ingested (the extractor version changed with this).
    """
    quotes = db.table("quotes")
    for column, kind in EVIDENCE_COLUMNS.items():
        if column not in quotes.columns_dict:
            quotes.add_column(column, kind)
    if ["speaker_method"] not in [index.columns for index in quotes.indexes]:
        quotes.create_index(["speaker_method"])
    db.create_view("quotes_view", _JOINED_VIEW_SQL, replace=True)
@MIGRATIONS()
def article_date_raw(db: Database) -> None:
    """``articles.date_raw`` keeps a date that could not be read; dates stored before are read again.

    An older quotetrack stored unreadable dates as written ("19.01.2020", "05/06/2024"), where
    they sorted as text among the real ones: each stored date now becomes ISO 8601 when it can be
    read (also in the quotes' copy), else NULL with the value moved to ``date_raw``.
    """
    from .read.dates import read_date

    articles = db.table("articles")
    if "date_raw" not in articles.columns_dict:
        articles.add_column("date_raw", str)
    for row in list(db.query("select id, date from articles where date is not null")):
        date, raw = read_date(row["date"])
        if date != row["date"]:
            db.execute("update articles set date = ?, date_raw = ? where id = ?", [date, raw, row["id"]])
            db.execute("update quotes set date = ? where article_id = ?", [date, row["id"]])


@MIGRATIONS()
def add_statements(db: Database) -> None:
    """Statements: the same words quoted across articles (``quotetrack.provenance``), and each quote's variant.

    The quotes already stored are grouped now, so an older database gains its statements.
    """
    from .provenance.tables import create_statement_tables

    create_statement_tables(db)


@MIGRATIONS()
def published_design(db: Database) -> None:
    """Names on the quotes, indexes per filter, facet counts and speaker/outlet summaries (``quotetrack.published``).

    Filled in for the quotes already stored; ``quotes_view`` reads the names from the quotes instead of joining.
    """
    from .published import add_published_design

    add_published_design(db)
    db.create_view("quotes_view", QUOTES_VIEW_SQL, replace=True)


@MIGRATIONS()
def deferred_search_index(db: Database) -> None:
    """New quotes and statements are indexed for search once per article, not once per row (``quotetrack.search_index``)."""
    from .search_index import defer_search_index

    defer_search_index(db)


@MIGRATIONS()
def staged_statement_bands(db: Database) -> None:
    """New LSH keys go to a small table merged into the big one in bulk (``quotetrack.provenance.lsh``)."""
    from .provenance.lsh import create_band_tables

    create_band_tables(db)


@MIGRATIONS()
def fast_pages(db: Database) -> None:
    """Pages that stay fast at a million quotes: facet counts of the pages filtered by a frequent name
    (``quote_facet_pairs``), a date index that covers the date pages' facets, and the statements page's order."""
    from .published import add_facet_pairs

    if "sort_date" in db.table("quotes").columns_dict:  # else published_design, still to come, lays it all out
        add_facet_pairs(db)
    # the statements page, most widely quoted first (Datasette's next pages add the id)
    db.execute("create index if not exists statements_by_articles on statements (articles desc, id)")


@MIGRATIONS()
def appended_recent_bands(db: Database) -> None:
    """Recent LSH keys kept in the order they are added, looked up by band in memory (``quotetrack.provenance.lsh``)."""
    from .provenance.lsh import append_recent_bands

    append_recent_bands(db)


@MIGRATIONS()
def article_prefixed_quote_ids(db: Database) -> None:
    """Quote ids start with their article's id, so an article's quotes share index pages (``quotetrack.quote_ids``).

    The quotes stored before get their new ids (derived from the old ones, no re-extraction needed).
    """
    from .quote_ids import prefix_quote_ids

    prefix_quote_ids(db)


@MIGRATIONS()
def lean_page_indexes(db: Database) -> None:
    """The quote page's indexes hold each column once, and those by speaker or outlet only the quotes that have one (``quotetrack.published``)."""
    from .published import create_page_indexes

    if "sort_date" in db.table("quotes").columns_dict:
        create_page_indexes(db)


@MIGRATIONS()
def statement_bands_filter(db: Database) -> None:
    """A table for Bloom filters over the big LSH key table, so that keys in no statement are not looked up (``quotetrack.provenance.band_filter``)."""
    from .provenance.band_filter import create_filter_table

    # Its filter was one for the whole table; statement_band_runs below makes one a run.
    create_filter_table(db)


@MIGRATIONS()
def statement_band_runs(db: Database) -> None:
    """The big LSH key table grows by runs appended at its end, each with its own filter (``quotetrack.provenance.lsh``)."""
    from .provenance.lsh import band_runs

    band_runs(db)


@MIGRATIONS()
def articles_by_source(db: Database) -> None:
    """Articles found by the hash of their URL (else text), whatever their day: one stored with another date keeps its id (``quotetrack.records``)."""
    db.execute(f"create index if not exists articles_by_source on articles ({SOURCE_HASH_SQL})")


def apply_migrations(db: Database, on_step: Callable[[int, int, str], None] | None = None) -> None:
    """Apply the pending :data:`MIGRATIONS` one after another, telling ``on_step`` (number, count, what it
    does) before each: at a million quotes some take a minute.

    >>> db = Database(memory=True)
    >>> apply_migrations(db, lambda number, count, what: number == count - 1 and print(count, what))
    14 Articles found by the hash of their URL (else text), whatever their day: one stored with another date keeps its id
    """
    pending = MIGRATIONS.pending(db)
    names = [migration.name for migration in pending]
    for number, migration in enumerate(pending):
        if on_step is not None:
            on_step(number, len(pending), _what_it_does(migration.fn))
        MIGRATIONS.apply(db, stop_before=names[number + 1 :])


def _what_it_does(migration: Callable[[Database], None]) -> str:
    """The first sentence of a migration's docstring, without the module it names."""
    first = (migration.__doc__ or migration.__name__).strip().split("\n\n")[0]
    return re.sub(r"\s*\(``[^)]*``\)\.?$|\.$", "", " ".join(first.split()))


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


# What each column holds, for people reading the database: the README's data-model section is
# generated from this and the live schema (``cog -r README.md``), and a test keeps them in step.
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "articles": {
        "id": "its day (4 hex digits: days since 1970, `0000` undated), then a hash of the URL, else of the text; an article stored under another id keeps it",
        "url": "where the article was published",
        "title": "headline",
        "publisher": "who published it, as given by the source",
        "date": "publication date, ISO 8601 (`YYYY-MM-DD`, with time and UTC offset when known); null when unreadable",
        "path": "the file it was read from",
        "text": "the article text; quote offsets point into it",
        "ingested_at": "when it was last written (UTC)",
        "extractor_version": "version of the extractor that read it",
        "date_raw": "the date as the source wrote it, when it could not be read (`05/06/2024`); `date` is then null",
    },
    "quotes": {
        "id": "the first 8 characters of the article's id, then a hash of article, start, end and kind (an article's quotes sort together)",
        "article_id": "the article (`articles.id`)",
        "speaker_id": "who said it (`speakers.id`), null when unknown",
        "via_outlet_id": "the outlet it was relayed through (`outlets.id`), e.g. TASS in \"TASS quoted Peskov\"",
        "publisher_outlet_id": "the publisher, when the gazetteer knows it (`outlets.id`)",
        "publisher": "the publisher's name as given",
        "text": "the quoted or reported words, verbatim: `articles.text[start:end]`; for a quote interrupted by its attribution, its `parts` joined with \" … \"",
        "start": "character offset of the quote in the article text",
        "end": "character offset just past the quote",
        "kind": "direct, indirect (reported speech) or mixed",
        "cue": "the speech cue: said, told, according to, quoted ... as saying",
        "speaker_mention": "the words the article uses for the speaker (\"he\", \"the spokesman\")",
        "sentence": "the sentence(s) around the quote",
        "confidence": "0-1, how sure the attribution is",
        "date": "the article's date, copied for sorting and faceting",
        "extractor_version": "version of the extractor that found it",
        "parts": "JSON `[[start, end], ...]` of the quoted words when a quote spans its attribution",
        "speaker_start": "where the speaker mention starts: `speaker_mention` is `articles.text[speaker_start:speaker_end]`",
        "speaker_end": "character offset just past the speaker mention",
        "speaker_method": "how the speaker was found from the mention: name, surname, alias, role, pronoun or none",
        "via_chain": "JSON list of every outlet the quote was relayed through, nearest the speaker first",
        "via_start": "where the via outlet is named: `articles.text[via_start:via_end]`",
        "via_end": "character offset just past the via outlet's name",
    },
    "speakers": {
        "id": "hash of the normalised name",
        "name": "canonical name, titles dropped (\"Dmitry Peskov\")",
        "kind": "person, organisation or unknown",
    },
    "outlets": {
        "id": "hash of the canonical name",
        "name": "canonical name from the gazetteer, else the name as written",
        "country": "country of the outlet, when known",
        "state_run": "1 for state-run media, 0 when known not to be, null when unknown",
        "outlet_kind": "news agency, newspaper, broadcaster, ... when known",
    },
}


COLUMN_DOCS["quotes"].update(QUOTE_DOCS)
COLUMN_DOCS["quotes"].update(QUOTE_NAME_DOCS)
COLUMN_DOCS["speakers"].update(SUMMARY_DOCS["speakers"])
COLUMN_DOCS["outlets"].update(SUMMARY_DOCS["outlets"])
COLUMN_DOCS["statements"] = STATEMENT_DOCS
COLUMN_DOCS["quote_facets"] = SUMMARY_DOCS["quote_facets"]
COLUMN_DOCS["quote_facet_pairs"] = PAIR_DOCS


def schema_markdown() -> str:
    """The data-model tables for the README, read from a freshly migrated database.

    >>> print(schema_markdown().splitlines()[0])
    **`articles`**
    """
    db = Database(memory=True)
    MIGRATIONS.apply(db)
    sections = []
    for table, docs in COLUMN_DOCS.items():
        rows = [f"| `{name}` | {kind.__name__} | {docs.get(name, '')} |" for name, kind in db.table(table).columns_dict.items()]
        sections.append("\n".join([f"**`{table}`**", "", "| column | type | meaning |", "| --- | --- | --- |", *rows]))
    return "\n\n".join(sections) + "\n"
