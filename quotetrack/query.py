"""Reading quotes back out of a store: filters by speaker and outlet, CSV and JSON output.

>>> from quotetrack.store import ingest_article, open_database
>>> from quotetrack.records import Article, Quote
>>> db = open_database(":memory:")
>>> article = Article(text="“No,” Peskov told TASS.", url="https://example.com/a", date="2024-01-02")
>>> _ = ingest_article(db, article, [Quote(text="No,", start=1, end=4, kind="direct", speaker="Peskov")])
>>> columns, rows = query_quotes(db, speaker="peskov")
>>> [dict(zip(columns, row))["speaker"] for row in rows]
['Peskov']
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import Any, Literal, TextIO

from sqlite_utils import Database

from .resolve.names import canonical_speaker
from .resolve.outlets import outlet_row

__all__ = ["ExportFormat", "like_literal", "query_quotes", "quote_columns", "quote_filter", "spreadsheet_safe", "write_records"]

ExportFormat = Literal["csv", "json"]

# An internal key for Datasette's full-text search, not something to export.
_HIDDEN_COLUMNS = frozenset({"quote_rowid"})


def quote_columns(db: Database) -> list[str]:
    """The exported columns: those of ``quotes_view``, in view order."""
    return [column.name for column in db.view("quotes_view").columns if column.name not in _HIDDEN_COLUMNS]


def quote_filter(*, speaker: str | None = None, outlet: str | None = None) -> tuple[str, list[str]]:
    r"""A ``where`` clause on ``quotes_view`` and its parameters.

    A speaker matches any part of the canonical name; an outlet matches the outlet a quote
    was relayed through or the article's publisher, by canonical name.

    >>> quote_filter(speaker="Mr. Peskov", outlet="tass")
    ("where speaker like ? escape '\\' and (via_outlet = ? collate nocase or publisher = ? collate nocase)", ['%Peskov%', 'TASS', 'TASS'])
    >>> quote_filter(speaker="100%_sure")[1]
    ['%100\\%\\_sure%']
    >>> quote_filter()
    ('', [])
    """
    where: list[str] = []
    params: list[str] = []
    if speaker:
        # The speaker's name is matched as written: % and _ are no wildcards.
        where.append("speaker like ? escape '\\'")
        params.append(f"%{like_literal(canonical_speaker(speaker) or speaker)}%")
    if outlet:
        row = outlet_row(outlet)
        where.append("(via_outlet = ? collate nocase or publisher = ? collate nocase)")
        params += [row["name"] if row else outlet] * 2
    return ("where " + " and ".join(where) if where else ""), params


def like_literal(text: str) -> str:
    r"""``text`` for a ``like ... escape '\'`` pattern that matches it literally.

    >>> like_literal("50%_off\\")
    '50\\%\\_off\\\\'
    """
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, prefixed with ``'`` so it shows as text.

    >>> spreadsheet_safe("=SUM(A1:A9)"), spreadsheet_safe("-0.5 percent"), spreadsheet_safe(-3), spreadsheet_safe("No,")
    ("'=SUM(A1:A9)", "'-0.5 percent", -3, 'No,')
    """
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def query_quotes(
    db: Database, *, speaker: str | None = None, outlet: str | None = None
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """The column names and the rows of the matching quotes, oldest article first."""
    columns = quote_columns(db)
    where, params = quote_filter(speaker=speaker, outlet=outlet)
    sql = f"select {', '.join(f'[{column}]' for column in columns)} from quotes_view"
    sql += (f" {where}" if where else "") + " order by date, id"
    return columns, db.execute(sql, params)


def write_records(
    out: TextIO, columns: list[str], rows: Iterable[tuple[Any, ...]], format: ExportFormat, *, escape_formulas: bool = True
) -> None:
    """Write ``rows`` as CSV with a header line, or as a JSON array of objects, one a line.

    CSV cells that a spreadsheet would run as formulas are made text (see :func:`spreadsheet_safe`)
    unless ``escape_formulas`` is False; JSON is written as stored.

    >>> import io
    >>> out = io.StringIO()
    >>> write_records(out, ["speaker", "text"], [("Peskov", "No,")], "json")
    >>> out.getvalue()
    '[\\n  {"speaker": "Peskov", "text": "No,"}\\n]\\n'
    """
    if format == "json":
        out.write("[")
        out.writelines(
            ("," if index else "") + "\n  " + json.dumps(dict(zip(columns, row)), ensure_ascii=False)
            for index, row in enumerate(rows)
        )
        out.write("\n]\n")
        return
    writer = csv.writer(out)
    writer.writerow(columns)
    if escape_formulas:
        rows = (tuple(spreadsheet_safe(value) for value in row) for row in rows)
    writer.writerows(rows)
