"""Facets for the quote page that stay fast at a million quotes (metadata type ``counted`` and ``counted_date``).

On the unfiltered page the counts come from ``quote_facets``, which the store keeps current
(:mod:`quotetrack.published`), instead of a count of every quote. A filtered page counts its
rows as Datasette's column and date facets do, through the covering index of its filter; a
page matching more than :data:`MAX_FACETED_ROWS` quotes (a search for a common word, say)
shows no facets rather than timing out: narrowing it by speaker, outlet or date brings them back.
"""

from __future__ import annotations

from typing import Any

from datasette.facets import ColumnFacet, DateFacet, Facet
from datasette.utils import escape_sqlite, path_with_added_args

__all__ = ["MAX_FACETED_ROWS", "CountedDateFacet", "CountedFacet"]

MAX_FACETED_ROWS = 100_000


class _Counted(Facet):
    shown_type = "column"
    base: Any = ColumnFacet

    def _filter_arg(self, column: str) -> str:
        return column

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        if not self.get_configs():
            return [], []
        if self._unfiltered() and await self._has_counts():
            return await self._from_counts(), []
        if self.row_count is None or self.row_count > MAX_FACETED_ROWS:
            return [], []
        results, timed_out = await self.base.facet_results(self)
        for result in results:
            result["type"] = self.shown_type
        return results, timed_out

    def _unfiltered(self) -> bool:
        return bool(self.table) and not self.params and self.sql.rstrip().endswith(f"from {escape_sqlite(self.table or '')}")

    async def _has_counts(self) -> bool:
        db = self.ds.get_database(self.database)
        return await db.table_exists("quote_facets") and self.table == "quotes"

    async def _from_counts(self) -> list[dict[str, Any]]:
        size = self.get_facet_size()
        results = []
        for item in self.get_configs():
            column = item["config"].get("column") or item["config"]["simple"]
            rows = (await self.ds.execute(
                self.database,
                "select value, quotes from quote_facets where facet = ? order by quotes desc, value limit ?",
                [column, size + 1],
            )).rows
            results.append({
                "name": column,
                "type": self.shown_type,
                "hideable": item["source"] != "metadata",
                "toggle_url": self.ds.urls.path(self.request.path),
                "results": [{
                    "value": value,
                    "label": value,
                    "count": count,
                    "toggle_url": self.ds.absolute_url(
                        self.request, self.ds.urls.path(path_with_added_args(self.request, {self._filter_arg(column): value}))),
                    "selected": False,
                } for value, count in rows[:size]],
                "truncated": len(rows) > size,
            })
        return results


class CountedFacet(_Counted):
    """A column facet (``{"counted": "speaker"}`` in metadata)."""

    type = "counted"


class CountedDateFacet(_Counted):
    """A date facet by day (``{"counted_date": "date"}`` in metadata)."""

    type = "counted_date"
    shown_type = "date"
    base = DateFacet

    def _filter_arg(self, column: str) -> str:
        return f"{column}__date"
