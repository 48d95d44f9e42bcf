"""Grouping quotes into statements as articles are stored, and keeping each statement's summary current.

A quote of :data:`~.similarity.MIN_WORDS` words or more looks up candidate statements by its
LSH band keys (:mod:`.lsh`), is compared word by word with each candidate's versions
(:func:`~.similarity.compare`) and joins the closest one it matches, or starts a new
statement. Storing an article again first detaches its quotes, so re-ingest, a changed
article and a deleted one all leave the statements as if the articles had been ingested
afresh (statement numbers are kept whenever the statement survives).

>>> from quotetrack.records import Article, Quote
>>> from quotetrack.store import open_database, ingest_article
>>> db = open_database(":memory:")
>>> words = "We will not back down on the shelter budget."
>>> for day, text in (("2024-05-02", words), ("2024-05-01", "We will never back down on the shelter budget")):
...     article = Article(text=text, url=f"https://example.com/{day}", date=day)
...     _ = ingest_article(db, article, [Quote(text=text, start=0, end=len(text), kind="direct", speaker="Ortiz")])
>>> [(row["first_seen"], row["articles"], row["has_variants"]) for row in db.query("select * from statements")]
[('2024-05-01', 2, 1)]
"""

from __future__ import annotations

import datetime
import heapq
import itertools
import json
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from sqlite_utils import Database

from .lsh import add_band_pairs, band_keys_of, candidates, recent_by_band, remove_bands, stored_by_band
from .similarity import DIFFERENT_SPEAKER, MIN_WORDS, UNCHANGED, compare, may_be_same
from .words import words

__all__ = [
    "appearance_key", "cluster_all", "forget_article", "insert_grouped_quotes", "refresh_statements", "same_speaker",
    "update_article_statements",
]

# How many versions of a candidate statement a new quote is compared with.
VERSIONS_COMPARED = 6
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$")


def appearance_key(date: str | None, order: int) -> tuple[Any, ...]:
    """Sort key for appearances: dated before undated, then by day, time of day when known, ingest order.

    A time with an offset is compared in UTC; an appearance whose time is unknown comes after
    the timed ones of its day (we only call something first when we know).

    >>> sorted(["2024-05-02", None, "2024-05-01T18:00:00+02:00", "2024-05-01", "2024-05-01T09:00:00-04:00"],
    ...        key=lambda date: appearance_key(date, 0))
    ['2024-05-01T09:00:00-04:00', '2024-05-01T18:00:00+02:00', '2024-05-01', '2024-05-02', None]
    """
    match = _ISO.match(date.strip()) if date else None
    if match is None:
        return (1, "", 1, "", order)
    day, time, zone = match.groups()
    if time is None:
        return (0, day, 1, "", order)
    instant = time
    if zone:
        moment = datetime.datetime.fromisoformat(f"{day}T{time}{'+00:00' if zone == 'Z' else zone}")
        instant = moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%S")
    return (0, day, 0, instant, order)


def seen_order(date: str | None, article_order: int, start: int) -> str:
    """:func:`appearance_key` as a string that sorts the same way, stored in ``quotes.seen_order`` and indexed.

    >>> seen_order("2024-05-01T09:00:00-04:00", 7, 120)
    '0 2024-05-01 0 2024-05-01T13:00:00 000000000007 0000000120'
    >>> seen_order(None, 7, 0) > seen_order("2024-05-02", 9, 0) > seen_order("2024-05-01", 12, 0)
    True
    """
    undated, day, untimed, instant, _ = appearance_key(date, article_order)
    return f"{undated} {day or '-' * 10} {untimed} {instant or '-' * 19} {article_order:012d} {start:010d}"


def same_speaker(first: str | None, second: str | None) -> bool:
    """Whether two canonical names can be one person: equal, or a surname and a full name ending in it.

    >>> same_speaker("Dmitry Peskov", "Peskov"), same_speaker("Dmitry Peskov", "Maria Zakharova")
    (True, False)
    """
    if not first or not second:
        return True
    a, b = first.casefold().split(), second.casefold().split()
    return a == b or (len(a) == 1 and a[0] == b[-1]) or (len(b) == 1 and b[0] == a[-1])


def forget_article(db: Database, article_id: str) -> set[int]:
    """Detach the article's quotes from their statements; the statements they were in."""
    touched = {row[0] for row in db.execute(
        "select distinct statement_id from quotes where article_id = ? and statement_id is not null", [article_id])}
    db.execute("update quotes set statement_id = null, variant = null, changed_words = null, seen_order = null where article_id = ?",
               [article_id])
    return touched


def update_article_statements(db: Database, article_id: str, previous: Iterable[int] | None = None) -> set[int]:
    """Group the article's stored quotes into statements and refresh every statement touched; those statements.

    ``previous``, when the caller knows them, are the statements the article's quotes were in
    before; an empty one means none of its quotes is grouped, so there is nothing to detach.
    """
    touched = set(previous or ())
    if previous is None or touched:
        touched |= forget_article(db, article_id)

    def place(quote: dict[str, Any], statement_id: int | None, order: str | None, started: bool) -> None:
        if statement_id is None:
            return
        if started:
            db.execute("update quotes set statement_id = ?, seen_order = ?, variant = ?, changed_words = null where id = ?",
                       [statement_id, order, UNCHANGED, quote["id"]])
        else:
            db.execute("update quotes set statement_id = ?, seen_order = ? where id = ?", [statement_id, order, quote["id"]])

    return _group(db, article_id, list(_rows(db, _ARTICLE_QUOTES, [article_id])), place, touched)


def insert_grouped_quotes(
    db: Database,
    article_id: str,
    rows: list[dict[str, Any]],
    insert: Callable[[list[dict[str, Any]]], None],
    outlet_names: Mapping[str, str],
    band_keys: Mapping[str, Sequence[int]] | None = None,
) -> set[int]:
    """Store a new article's quote ``rows`` with ``insert``, each already in its statement; the statements touched.

    The same database as inserting the rows and then calling :func:`update_article_statements`,
    with each row written once instead of three times. The article row must be stored;
    ``outlet_names`` holds the stored name of each publisher outlet id; ``band_keys``, the
    :func:`~.lsh.band_keys` of quote texts computed already (in a worker process, say), by text.
    """
    quotes = [{
        **row,
        "publisher": outlet_names.get(row["publisher_outlet_id"]) or row["publisher"],
        "outlet": row["publisher_outlet_id"] or (row["publisher"].lower() if row["publisher"] is not None else None),
        "row": row,
    } for row in sorted(rows, key=lambda row: (row["start"] is not None, row["start"] or 0, row["id"]))]

    unsaved = _Unsaved(db, insert)

    def place(quote: dict[str, Any], statement_id: int | None, order: str | None, started: bool) -> None:
        quote["row"].update(statement_id=statement_id, seen_order=order, variant=UNCHANGED if started else None, changed_words=None)
        unsaved.quotes.append(quote["row"])

    return _group(db, article_id, quotes, place, set(), unsaved, band_keys)


# Rows a statement inserts at most (see _Unsaved).
INSERT_ROWS = 32


class _Unsaved:
    """A new article's quote rows placed in statements and the statements they start, written together by :meth:`save`.

    Each insert (triggers and all) makes SQLite copy every page it changes first, in case it fails
    half-way, and an article's rows change many of the same pages: written together, they copy them once.
    """

    def __init__(self, db: Database, insert: Callable[[list[dict[str, Any]]], None]):
        self.db, self.insert = db, insert
        self.quotes: list[dict[str, Any]] = []
        self.statements: dict[int, dict[str, Any]] = {}
        self.last_id: int | None = None

    def start(self, row: dict[str, Any]) -> int:
        """The id SQLite would give the statement ``row`` (one past the largest), kept to write later."""
        if self.last_id is None:
            self.last_id = self.db.execute("select coalesce(max(id), 0) from statements").fetchone()[0]
        self.last_id += 1
        self.statements[self.last_id] = row
        return self.last_id

    def save(self) -> None:
        rows = [{"id": id, **row} for id, row in self.statements.items()]
        for start in range(0, len(rows), INSERT_ROWS):
            chunk = rows[start : start + INSERT_ROWS]
            columns = ", ".join(f"[{column}]" for column in chunk[0])
            values = ", ".join([f"({', '.join('?' * len(chunk[0]))})"] * len(chunk))
            self.db.execute(f"insert into statements ({columns}) values {values}", [value for row in chunk for value in row.values()])
        if self.quotes:
            self.insert(self.quotes)


def _group(
    db: Database,
    article_id: str,
    quotes: list[dict[str, Any]],
    place: Callable[[dict[str, Any], int | None, str | None, bool], None],
    detached: set[int],
    unsaved: _Unsaved | None = None,
    band_keys: Mapping[str, Sequence[int]] | None = None,
) -> set[int]:
    """Find each quote's statement (starting one when none matches), ``place`` it there, refresh what changed.

    ``unsaved``, for a new article: what it places is written there, and saved before the refresh;
    ``band_keys``: texts' LSH keys known already, computed here for the other texts.
    """
    date, article_order = db.execute("select date, rowid from articles where id = ?", [article_id]).fetchone()
    added: dict[int, list[str]] = {}
    started: set[int] = set()
    grouped = [text for quote in quotes if _word_count(text := quote["text"] or "") >= MIN_WORDS]
    known = band_keys or {}
    keys_of: dict[str, Sequence[int]] = {text: known[text] for text in grouped if text in known}
    missing = [text for text in grouped if text not in keys_of]
    keys_of.update(zip(missing, band_keys_of(missing)))
    # The keys of the statements the article's quotes went to, written together once all are placed;
    # a quote looks them up before the next is placed (it may match an earlier quote's statement).
    new_keys: dict[int, set[int]] = {}
    new_pairs: list[tuple[int, int]] = []
    copy = recent_by_band(db)
    # Neither table changes while the article is placed (its own keys are written after): the statements under
    # all its keys, looked up at once in each.
    article_keys = list({key for keys in keys_of.values() for key in keys})
    recent = copy.found(article_keys) if copy is not None else None
    stored = stored_by_band(db, article_keys) if copy is not None else None
    for quote in quotes:
        text = quote["text"] or ""
        if _word_count(text) < MIN_WORDS:
            place(quote, None, None, False)
            continue
        keys = keys_of[text]
        order = seen_order(date, article_order, quote["start"] or 0)
        found = candidates(db, keys, also=new_keys, recent=recent, stored=stored)
        statement_id = _best_statement(db, text, found, grown=added.keys(), unsaved=unsaved)
        if statement_id is None:
            row = _statement_row(quote, date, order)
            statement_id = unsaved.start(row) if unsaved is not None else _insert_statement(db, row)
            started.add(statement_id)
        place(quote, statement_id, order, statement_id in started and statement_id not in added)
        for key in keys:
            if (statements := new_keys.get(key)) is None:
                new_keys[key] = {statement_id}
            else:
                statements.add(statement_id)
        new_pairs += zip(keys, itertools.repeat(statement_id))
        added.setdefault(statement_id, []).append(quote["id"])
    add_band_pairs(db, new_pairs)
    if unsaved is not None:
        unsaved.save()
    for statement_id in sorted(detached | set(added)):
        if statement_id in started and len(added[statement_id]) == 1:
            continue  # written whole when it was started
        # A statement that only gained quotes has its summary brought up to date from them, not recounted.
        _refresh(db, statement_id, None if statement_id in detached or statement_id in started else added[statement_id])
    return detached | set(added)


# The article's quotes, with what a statement they start records of its first appearance.
_ARTICLE_QUOTES = """select q.id, q.article_id, q.text, q.start, q.speaker_id, q.via_outlet_id, q.publisher_outlet_id,
  coalesce(o.name, q.publisher) as publisher, coalesce(q.publisher_outlet_id, lower(q.publisher)) as outlet
from quotes q left join outlets o on o.id = q.publisher_outlet_id
where q.article_id = ? order by q.start, q.id"""


def _statement_row(quote: dict[str, Any], date: str | None, order: str) -> dict[str, Any]:
    """A new statement of the one ``quote``, its summary whole (what :func:`_refresh` would find)."""
    first = quote if order < "1" else None  # an undated appearance is never first seen
    row = {
        "canonical_text": quote["text"],
        "canonical_quote_id": quote["id"],
        "speaker_id": quote["speaker_id"],
        "first_seen": date if first else None,
        "first_quote_id": first["id"] if first else None,
        "first_article_id": first["article_id"] if first else None,
        "first_publisher": first["publisher"] if first else None,
        "first_publisher_outlet_id": first["publisher_outlet_id"] if first else None,
        "first_via_outlet_id": first["via_outlet_id"] if first else None,
        "articles": 1,
        "outlets": int(quote["outlet"] is not None),
        "quotes": 1,
        "speakers": int(quote["speaker_id"] is not None),
        "variants": 0,
        "has_variants": 0,
        "has_different_speakers": 0,
    }
    return row


def _insert_statement(db: Database, row: dict[str, Any]) -> int:
    columns = ", ".join(f"[{column}]" for column in row)
    values = ", ".join(f":{column}" for column in row)
    return int(db.execute(f"insert into statements ({columns}) values ({values})", row).lastrowid or 0)


@lru_cache(maxsize=32768)
def _word_count(text: str) -> int:
    return len(words(text))


def _best_statement(
    db: Database, text: str, statement_ids: list[int], grown: Collection[int] = (), unsaved: _Unsaved | None = None
) -> int | None:
    """The candidate whose versions ``text`` matches most closely (exact words end the search).

    ``grown``: statements that gained quotes since their summary was written, whose count of
    quotes is out of date; ``unsaved``: what the article placed but has not written yet.
    """
    if not statement_ids:
        return None
    marks = ",".join("?" * len(statement_ids))
    stored = {row[0]: row[1:] for row in db.execute(
        f"select id, canonical_text, quotes from statements where id in ({marks})", statement_ids).fetchall()}
    if unsaved is not None:
        stored |= {id: (unsaved.statements[id]["canonical_text"], 1) for id in statement_ids if id in unsaved.statements}
    placed = unsaved.quotes if unsaved is not None else []
    best: tuple[float, int, int] | None = None
    for statement_id in statement_ids:
        canonical, quotes = stored.get(statement_id, (None, None))
        versions = [canonical or ""]
        if quotes != 1 or statement_id in grown:  # the one quote of a statement is its canonical text
            versions += _versions(db, statement_id, [row for row in placed if row["statement_id"] == statement_id])
        for version in versions:
            if not may_be_same(version, text):
                continue
            comparison = compare(version, text)
            if comparison.matched == len(comparison.reference) == len(comparison.other):
                return statement_id  # the same words: no closer match exists
            if comparison.same():
                score = (comparison.containment, comparison.matched, -statement_id)
                if best is None or score > best:
                    best = score
    return None if best is None else -best[2]


def _versions(db: Database, statement_id: int, unsaved: list[dict[str, Any]]) -> list[str]:
    """The first :data:`VERSIONS_COMPARED` distinct texts of the statement's appearances, in the order of
    ``seen_order`` and then of storing (the order of its index), counting its ``unsaved`` ones as stored last."""
    if not unsaved:
        return [row[0] for row in db.execute(
            "select distinct text from quotes where statement_id = ? limit ?", [statement_id, VERSIONS_COMPARED])]
    stored = db.execute("select seen_order, 0, text from quotes where statement_id = ? order by seen_order, rowid", [statement_id])
    placed = sorted(((row["seen_order"], 1, row["text"]) for row in unsaved), key=lambda row: row[:2])
    versions: list[str] = []
    for _, _, text in heapq.merge(stored, placed, key=lambda row: row[:2]):
        if text not in versions:
            versions.append(text)
            if len(versions) == VERSIONS_COMPARED:
                break
    return versions


# The earliest appearances, with what picks out the first dated one, the first whole quotation (direct,
# not cut short with an ellipsis; an interrupted quote's " … " is ours) and the first with a speaker.
_APPEARANCE = """select q.id, q.text, q.speaker_id, s.name as speaker, q.via_outlet_id, q.publisher_outlet_id,
  coalesce(o.name, q.publisher) as publisher, q.article_id, a.date, q.seen_order < '1' as dated,
  q.kind = 'direct' and (q.parts is not null or (instr(q.text, '…') = 0 and instr(q.text, '...') = 0)) as full
from quotes q join articles a on a.id = q.article_id
left join speakers s on s.id = q.speaker_id left join outlets o on o.id = q.publisher_outlet_id
where q.statement_id = :id {condition}
order by q.seen_order, q.id limit :limit"""
_EARLIEST = 8
_CONDITIONS = {"dated": "and q.seen_order < '1'", "full": "and q.kind = 'direct' and (q.parts is not null or "
               "(instr(q.text, '…') = 0 and instr(q.text, '...') = 0))", "speaker_id": "and q.speaker_id is not null"}
# Every appearance, with what the summary counts; the summary itself is counted in Python from these rows,
# which the variants need anyway (one pass over the statement instead of two).
_MEMBERS = """select q.id, q.text, s.name as speaker, q.speaker_id, q.variant, q.changed_words, q.article_id,
  coalesce(q.publisher_outlet_id, lower(q.publisher)) as outlet
from quotes q left join speakers s on s.id = q.speaker_id where q.statement_id = ?"""


def refresh_statements(db: Database, statement_ids: Iterable[int]) -> None:
    """Recompute each statement's summary and its appearances' variants; drop statements left empty."""
    for statement_id in sorted(set(statement_ids)):
        _refresh(db, statement_id)


def _first(db: Database, statement_id: int, earliest: list[dict[str, Any]], flag: str) -> dict[str, Any] | None:
    """The earliest appearance with ``flag`` set: among the few read already, else looked up."""
    found = next((row for row in earliest if row[flag]), None)
    if found is not None or len(earliest) < _EARLIEST:
        return found
    query = _APPEARANCE.format(condition=_CONDITIONS[flag])
    return next(iter(_rows(db, query, {"id": statement_id, "limit": 1})), None)


def _refresh(db: Database, statement_id: int, added: list[str] | None = None) -> None:
    """Bring the statement up to date; ``added``: the quotes it gained since its summary was written, if that is all."""
    earliest = list(_rows(db, _APPEARANCE.format(condition=""), {"id": statement_id, "limit": _EARLIEST}))
    if not earliest:
        remove_bands(db, statement_id)
        db.table("statements").delete(statement_id)
        return
    first = _first(db, statement_id, earliest, "dated")
    canonical = _first(db, statement_id, earliest, "full") or earliest[0]
    speaker = canonical if canonical["speaker_id"] else (_first(db, statement_id, earliest, "speaker_id") or canonical)
    stored = next(iter(_rows(db, "select * from statements where id = ?", [statement_id])), {})
    redo_all = stored.get("canonical_quote_id") != canonical["id"] or stored.get("speaker_id") != speaker["speaker_id"]
    incremental = added is not None and not redo_all and stored.get("quotes") is not None
    if incremental:
        marks = ",".join("?" * len(added or ()))
        members = list(_rows(db, f"{_MEMBERS} and q.id in ({marks})", [statement_id, *(added or ())]))
    else:
        members = list(_rows(db, _MEMBERS, [statement_id]))
    changes = [change for row in members if (redo_all or row["variant"] is None)
               and (change := _set_variant(row, canonical["text"], speaker["speaker"])) is not None]
    if changes:
        db.conn.executemany("update quotes set variant = ?, changed_words = ? where id = ?", changes)
    summary = _summary(members) if not incremental else _grown_summary(db, statement_id, stored, members)
    _update(db, statement_id, stored, {
        "canonical_text": canonical["text"],
        "canonical_quote_id": canonical["id"],
        "speaker_id": speaker["speaker_id"],
        "first_seen": first["date"] if first else None,
        "first_quote_id": first["id"] if first else None,
        "first_article_id": first["article_id"] if first else None,
        "first_publisher": first["publisher"] if first else None,
        "first_publisher_outlet_id": first["publisher_outlet_id"] if first else None,
        "first_via_outlet_id": first["via_outlet_id"] if first else None,
        **summary,
        "variants": summary["variants"] or 0,
        "has_variants": int(bool(summary["variants"])),
        "has_different_speakers": int(bool(summary["has_different_speakers"])),
    })


def _grown_summary(db: Database, statement_id: int, stored: dict[str, Any], added: list[dict[str, Any]]) -> dict[str, Any]:
    """The stored summary with the ``added`` appearances (all of one article new to the statement) counted in."""
    ids = [row["id"] for row in added]
    marks = ",".join("?" * len(ids))

    def new_values(column: str, key: str) -> int:
        values = {row[key] for row in added if row[key] is not None}
        return sum(db.execute(f"select 1 from quotes q where q.statement_id = ? and {column} = ? and q.id not in ({marks}) limit 1",
                              [statement_id, value, *ids]).fetchone() is None for value in values)

    grown = _summary(added)
    return {
        "quotes": stored["quotes"] + grown["quotes"],
        "articles": stored["articles"] + grown["articles"],
        "outlets": stored["outlets"] + new_values("coalesce(q.publisher_outlet_id, lower(q.publisher))", "outlet"),
        "speakers": stored["speakers"] + new_values("q.speaker_id", "speaker_id"),
        "variants": stored["variants"] + grown["variants"],
        "has_different_speakers": max(stored["has_different_speakers"], grown["has_different_speakers"]),
    }


def _update(db: Database, statement_id: int, stored: dict[str, Any], values: dict[str, Any]) -> None:
    """Write the columns that changed (an unchanged canonical text leaves the full-text index alone)."""
    values = {column: value for column, value in values.items() if stored.get(column) != value}
    if not values:
        return
    assignments = ", ".join(f"[{column}] = :{column}" for column in values)
    db.execute(f"update statements set {assignments} where id = :statement_id", {**values, "statement_id": statement_id})


def _set_variant(row: dict[str, Any], canonical: str, speaker: str | None) -> tuple[str, str | None, int] | None:
    """Set the row's variant and changed words; the update to write when they changed, else None."""
    comparison = compare(canonical, row["text"])
    variant = comparison.variant
    if not same_speaker(speaker, row["speaker"]):
        variant = DIFFERENT_SPEAKER
    changed = json.dumps(comparison.changed_words, ensure_ascii=False) if comparison.changed_words else None
    update = None if (variant, changed) == (row["variant"], row["changed_words"]) else (variant, changed, row["id"])
    row["variant"], row["changed_words"] = variant, changed
    return update


def _summary(members: list[dict[str, Any]]) -> dict[str, Any]:
    """What the statement's columns count, as SQL would: nulls are not counted as distinct values."""
    variants = [row["variant"] for row in members if row["variant"] is not None]
    return {
        "quotes": len(members),
        "articles": len({row["article_id"] for row in members if row["article_id"] is not None}),
        "outlets": len({row["outlet"] for row in members if row["outlet"] is not None}),
        "speakers": len({row["speaker_id"] for row in members if row["speaker_id"] is not None}),
        "variants": sum(variant != "unchanged" for variant in variants),
        "has_different_speakers": int(DIFFERENT_SPEAKER in variants),
    }


def _rows(db: Database, sql: str, params: list[Any] | dict[str, Any]) -> Iterable[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [column[0] for column in cursor.description]
    for values in cursor:
        yield dict(zip(names, values))


def cluster_all(db: Database) -> int:
    """Group every stored quote into statements, article by article in ingest order; how many articles."""
    article_ids = [row[0] for row in db.execute("select id from articles order by rowid")]
    for article_id in article_ids:
        update_article_statements(db, article_id)
    return len(article_ids)
