"""Facets that stay fast at a million quotes (metadata type ``counted``: ``{"counted": "speaker"}``).

- On the unfiltered quote page the counts come from ``quote_facets``, which the store keeps
  current (:mod:`quotetrack.published`), instead of a count of every quote.
- On a filtered page of up to :data:`MAX_FACETED_ROWS` rows, every counted facet is counted in
  one pass over the page's rows (read through the covering index of its filter), not one query
  per facet.
- A page with more rows (the unfiltered statements, a search for a common word, a publisher
  with a hundred thousand quotes) shows no facets rather than timing out, and says so:
  narrowing it by speaker, outlet or date brings them back.

The ``date`` column is faceted by day (``date(date)``, as Datasette's date facet), filtered with
``date__date=``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

__all__ = ["MAX_FACETED_ROWS", "CountedFacet"]

MAX_FACETED_ROWS = 50_000


class CountedFacet(Facet):
    type = "counted"

    async def suggest(self) -> list[dict[str, Any]]:
        return []

    def _columns(self) -> list[tuple[str, str]]:
        return [(item["config"].get("column") or item["config"]["simple"], item["source"]) for item in self.get_configs()]

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        columns = self._columns()
        if not columns:
            return [], []
        if self._unfiltered() and await self._has_counts():
            counted = await self._from_counts([column for column, _ in columns])
        elif self.row_count is not None and self.row_count <= MAX_FACETED_ROWS:
            try:
                counted = await self._count_rows([column for column, _ in columns])
            except QueryInterrupted:
                return [], [column for column, _ in columns]
        else:
            return [], []
        return [await self._result(column, source, counted[column]) for column, source in columns], []

    def _unfiltered(self) -> bool:
        return bool(self.table) and not self.params and self.sql.rstrip().endswith(f"from {escape_sqlite(self.table or '')}")

    async def _has_counts(self) -> bool:
        return self.table == "quotes" and bool(await self.ds.get_database(self.database).table_exists("quote_facets"))

    async def _from_counts(self, columns: list[str]) -> dict[str, list[tuple[Any, int]]]:
        size = self.get_facet_size()
        found = {}
        for column in columns:
            rows = (await self.ds.execute(
                self.database, "select value, quotes from quote_facets where facet = ? order by quotes desc, value limit ?",
                [column, size + 1])).rows
            found[column] = [(value, count) for value, count in rows]
        return found

    async def _count_rows(self, columns: list[str]) -> dict[str, list[tuple[Any, int]]]:
        """Every facet of the page, counted in one pass over its rows."""
        values = ", ".join(f"date({escape_sqlite(column)})" if column == "date" else escape_sqlite(column) for column in columns)
        rows = (await self.ds.execute(
            self.database, f"select {values} from ({self.sql})", self.params, truncate=False,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
        counters: list[Counter[Any]] = [Counter() for _ in columns]
        for row in rows:
            for counter, value in zip(counters, row):
                if value is not None:
                    counter[value] += 1
        size = self.get_facet_size()
        return {column: sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[: size + 1]
                for column, counter in zip(columns, counters)}

    async def _result(self, column: str, source: str, counted: list[tuple[Any, int]]) -> dict[str, Any]:
        size = self.get_facet_size()
        argument = f"{column}__date" if column == "date" else column
        pairs = self.get_querystring_pairs()
        labels = {}
        if self.table and column != "date":
            labels = await self.ds.expand_foreign_keys(self.database, self.table, column, [value for value, _ in counted])
        results = []
        for value, count in counted[:size]:
            selected = (argument, str(value)) in pairs
            path = (path_with_removed_args(self.request, {argument: str(value)}) if selected
                    else path_with_added_args(self.request, {argument: value}))
            results.append({
                "value": value,
                "label": labels.get((column, value), value),
                "count": count,
                "toggle_url": self.ds.absolute_url(self.request, self.ds.urls.path(path)),
                "selected": selected,
            })
        return {
            "name": column,
            "type": "date" if column == "date" else "column",
            "hideable": source != "metadata",
            "toggle_url": self.ds.urls.path(path_with_removed_args(self.request, {"_facet": column})),
            "results": results,
            "truncated": len(counted) > size,
        }
