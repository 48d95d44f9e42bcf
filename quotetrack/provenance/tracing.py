"""Tracing a phrase: the statements it belongs to, and each statement's timeline of appearances.

Statements are found by full-text search of their versions (the exact phrase, word stems
matching), and, when that finds nothing (a quote remembered in other words), by similarity:
LSH candidates whose wording contains the phrase's. Candidates are ranked by how much of
the phrase they contain (rapidfuzz) and how widely they were reported.

>>> from quotetrack.records import Article, Quote
>>> from quotetrack.store import open_database, ingest_article
>>> db = open_database(":memory:")
>>> for day, outlet, text in (("2024-05-02", "Metro Daily", "We will never back down on the shelter budget"),
...                           ("2024-05-01", "City Wire", "We will not back down on the shelter budget.")):
...     article = Article(text=text, url=f"https://example.com/{day}", date=day, publisher=outlet)
...     _ = ingest_article(db, article, [Quote(text=text, start=0, end=len(text), kind="direct", speaker="Jane Ortiz")])
>>> (found,) = trace(db, "back down on the shelter budget")
>>> found.first_seen.publisher, [(item.publisher, item.variant, item.changed_words) for item in found.appearances]
('City Wire', [('Metro Daily', 'words changed', [['not', 'never']])])
>>> print(diff_text(found.first_seen.text, found.appearances[0].text))
We will [-not-] {+never+} back down on the shelter budget
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlite_utils import Database

from .lsh import band_keys, candidates
from .similarity import compare, word_diff

__all__ = ["Appearance", "Timeline", "diff_text", "find_statements", "format_timeline", "timeline", "trace"]

_FTS_WORD = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass
class Appearance:
    """One quote of a statement: where and when it appeared, and how its words differ from the canonical version."""

    quote_id: str
    date: str | None
    article_id: str
    publisher: str | None
    via_outlet: str | None
    via_chain: list[str]
    speaker: str | None
    url: str | None
    title: str | None
    text: str
    variant: str | None
    changed_words: list[list[str]]


@dataclass
class Timeline:
    """A statement: its canonical version and speaker, where it was first seen, and every later appearance."""

    statement_id: int
    canonical_text: str
    speaker: str | None
    articles: int
    outlets: int
    first_seen: Appearance | None
    appearances: list[Appearance] = field(default_factory=list)

    def record(self) -> dict[str, Any]:
        """The timeline as JSON-ready data (``quotetrack trace --format json``)."""
        data = asdict(self)
        if self.first_seen is not None:
            data["first_seen"] = {key: data["first_seen"][key] for key in
                                  ("date", "article_id", "publisher", "via_outlet", "via_chain", "speaker", "url", "title", "text")}
        for item in data["appearances"]:
            item.pop("quote_id")
        return data


def trace(db: Database, phrase: str, *, limit: int = 3) -> list[Timeline]:
    """The timelines of the statements best matching ``phrase``, best first."""
    return [timeline(db, statement_id) for statement_id in find_statements(db, phrase, limit=limit)]


def find_statements(db: Database, phrase: str, *, limit: int = 3) -> list[int]:
    """Statement ids matching ``phrase``: full-text search of every version, else similarity."""
    from rapidfuzz import fuzz, utils

    found = _full_text(db, phrase) or _similar(db, phrase)
    if not found:
        return []
    marks = ",".join("?" * len(found))
    rows = db.execute(f"select id, canonical_text, articles from statements where id in ({marks})", list(found)).fetchall()
    scored = sorted(rows, key=lambda row: (-fuzz.partial_ratio(phrase, row[1], processor=utils.default_process), -row[2], row[0]))
    return [row[0] for row in scored[:limit]]


def _full_text(db: Database, phrase: str, cap: int = 500) -> set[int]:
    terms = _FTS_WORD.findall(phrase)
    if not terms:
        return set()
    query = '"' + " ".join(terms) + '"'
    ids = {row[0] for row in db.execute("select rowid from statements_fts where statements_fts match ? limit ?", [query, cap])}
    ids |= {row[0] for row in db.execute(
        "select distinct statement_id from quotes where statement_id is not null and rowid in"
        " (select rowid from quotes_fts where quotes_fts match ? limit ?)", [query, cap])}
    return ids


def _similar(db: Database, phrase: str) -> set[int]:
    found = set()
    for statement_id in candidates(db, band_keys(phrase), limit=100):
        row = db.execute("select canonical_text from statements where id = ?", [statement_id]).fetchone()
        if row and compare(row[0], phrase).same():
            found.add(statement_id)
    return found


_APPEARANCES = """select q.id as quote_id, a.date, a.id as article_id, coalesce(po.name, q.publisher) as publisher,
  v.name as via_outlet, q.via_chain, s.name as speaker, a.url, a.title, q.text, q.variant, q.changed_words
from quotes q join articles a on a.id = q.article_id
left join speakers s on s.id = q.speaker_id
left join outlets v on v.id = q.via_outlet_id
left join outlets po on po.id = q.publisher_outlet_id
where q.statement_id = ? order by q.seen_order, q.id"""


def timeline(db: Database, statement_id: int) -> Timeline:
    """The statement's timeline: first seen (the earliest dated appearance), then the others in order."""
    statement = db.execute(
        "select st.canonical_text, sp.name, st.articles, st.outlets, st.first_quote_id from statements st"
        " left join speakers sp on sp.id = st.speaker_id where st.id = ?", [statement_id]).fetchone()
    if statement is None:
        raise KeyError(statement_id)
    cursor = db.execute(_APPEARANCES, [statement_id])
    names = [column[0] for column in cursor.description]
    appearances = []
    for values in cursor:
        row = dict(zip(names, values))
        row["via_chain"] = json.loads(row["via_chain"]) if row["via_chain"] else []
        row["changed_words"] = json.loads(row["changed_words"]) if row["changed_words"] else []
        appearances.append(Appearance(**row))
    first = next((item for item in appearances if item.quote_id == statement[4]), None)
    later = [item for item in appearances if item is not first]
    return Timeline(statement_id, statement[0], statement[1], statement[2], statement[3], first, later)


def diff_text(reference: str, other: str) -> str:
    """``other`` against ``reference`` in word-diff style: ``[-left out-]`` and ``{+added+}``."""
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(words) for op, words in word_diff(reference, other))


def format_timeline(found: Timeline) -> str:
    """The timeline as text: first seen, then each later appearance with its relay chain, variant and word diff."""
    head = f"Statement {found.statement_id}"
    lines = [f"{head} — {found.speaker or 'speaker unknown'}: “{found.canonical_text}”",
             f"  {found.articles} article{'s' * (found.articles != 1)}, {found.outlets} outlet{'s' * (found.outlets != 1)}"]
    if found.first_seen is None:
        lines.append("  First seen: unknown (no appearance is dated)")
    else:
        lines += _entry("First seen", found.first_seen, found.canonical_text)
    first = found.first_seen.date if found.first_seen else None
    for item in found.appearances:
        lines += _entry("", item, found.canonical_text, later_than(first, item.date))
    return "\n".join(lines)


def later_than(first: str | None, date: str | None) -> str:
    """How long after ``first`` an appearance dated ``date`` came, in days ("" when not both dated).

    >>> later_than("2024-05-20", "2024-05-22"), later_than("2024-05-20", "2024-05-20T18:00:00Z"), later_than(None, "2024-05-22")
    ('(+2 days)', '(same day)', '')
    """
    if not first or not date:
        return ""
    try:
        days = (datetime.date.fromisoformat(date[:10]) - datetime.date.fromisoformat(first[:10])).days
    except ValueError:
        return ""
    return "(same day)" if days == 0 else f"(+{days} day{'s' * (days != 1)})"


def _entry(label: str, item: Appearance, canonical: str, after: str = "") -> list[str]:
    chain = " → ".join(part for part in [item.speaker or "?", *item.via_chain, item.publisher or "?"] if part)
    head = "  " + "  ".join(part for part in (label, item.date or "undated", after, item.publisher or "?",
                                              f"via {item.via_outlet}" if item.via_outlet else "", f"[{item.variant}]") if part)
    lines = [head, f"      {chain}"]
    if item.url:
        lines.append(f"      {item.url}")
    shown = item.text if item.variant in (None, "unchanged") else diff_text(canonical, item.text)
    lines.append(f"      “{shown}”")
    return lines
