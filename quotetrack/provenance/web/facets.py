"""Facets that stay fast at a million quotes (metadata type ``counted``: ``{"counted": "speaker"}``).

- On the unfiltered quote page the counts come from ``quote_facets``, which the store keeps
  current (:mod:`quotetrack.published`), instead of a count of every quote.
- On a page filtered by one frequent speaker, via outlet or publisher (a head, more than
  :data:`~quotetrack.facet_pairs.HEAD_QUOTES` quotes) they come from ``quote_facet_pairs``,
  which the store keeps for those names (:mod:`quotetrack.facet_pairs`).
- On another filtered page of up to :data:`MAX_FACETED_ROWS` rows, the facets are counted in
  one query: the page's rows read once, from the covering index of its filter (speaker, via
  outlet, publisher, date), then one ``group by`` per facet.
- A larger page (a kind, a year, a search for a common word, two filters on heads) shows no
  facets rather than timing out, and says so: narrowing it by speaker, outlet or date brings
  them back.

The ``date`` column is faceted by day (``date(date)``, as Datasette's date facet), filtered with
``date__date=``.
"""

from __future__ import annotations

from typing import Any

from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

from ...facet_pairs import FACETS, HEAD_FACETS, HEAD_QUOTES, PAIR_COUNTS_SQL

__all__ = ["MAX_FACETED_ROWS", "CountedFacet"]

# Counted from the page's rows up to the size of a head: a larger name's page reads quote_facet_pairs.
MAX_FACETED_ROWS = HEAD_QUOTES


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
        names = [column for column, _ in columns]
        head = self._head_filter()
        if self._unfiltered() and await self._has_counts():
            counted = await self._from_counts(names)
        elif head is not None and (from_pairs := await self._from_pairs(names, *head)) is not None:
            counted = from_pairs
        elif self.row_count is not None and self.row_count <= MAX_FACETED_ROWS:
            try:
                counted = await self._count_rows(names)
            except QueryInterrupted:
                return [], names
        else:
            return [], []
        return [await self._result(column, source, counted[column]) for column, source in columns], []

    def _unfiltered(self) -> bool:
        return bool(self.table) and not self.params and self.sql.rstrip().endswith(f"from {escape_sqlite(self.table or '')}")

    def _head_filter(self) -> tuple[str, str] | None:
        """(column, value) when the page is the quotes filtered by one name (``?speaker=...``) and nothing else."""
        if self.table != "quotes" or list(self.params) != ["p0"] or not isinstance(self.params["p0"], str):
            return None
        sql = self.sql.rstrip()
        for column in HEAD_FACETS:
            if sql.endswith((f'from quotes where "{column}" = :p0', f"from quotes where {column} = :p0")):
                return column, self.params["p0"]
        return None

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

    async def _from_pairs(self, columns: list[str], facet: str, value: str) -> dict[str, list[tuple[Any, int]]] | None:
        """The facets of a head name's page from ``quote_facet_pairs``; None when the name is not a head."""
        db = self.ds.get_database(self.database)
        if any(column not in FACETS for column in columns) or not await db.table_exists("quote_facet_pairs"):
            return None
        size = self.get_facet_size()
        found: dict[str, list[tuple[Any, int]]] = {}
        for column in columns:
            if column == facet:
                continue
            rows = (await db.execute(PAIR_COUNTS_SQL, [facet, value, column, size + 1])).rows
            found[column] = [(by_value, count) for by_value, count in rows]
        if not any(found.values()):
            return None
        if facet in columns:
            found[facet] = [(value, self.row_count)] if self.row_count else []
        return found

    async def _count_rows(self, columns: list[str]) -> dict[str, list[tuple[Any, int]]]:
        """Every facet of the page counted by SQLite in one query: the page's facet columns are read once (from its
        filter's covering index) into a temporary table, and each facet is a ``group by`` over that."""
        size = self.get_facet_size()
        values = ", ".join(f"date({escape_sqlite(column)}) as f{number}" if column == "date" else f"{escape_sqlite(column)} as f{number}"
                           for number, column in enumerate(columns))
        counts = " union all ".join(
            f"select * from (select {number} as facet, f{number} as value, count(*) as n from page_rows where f{number} is not null"
            f" group by f{number} order by n desc, f{number} limit {size + 1})" for number in range(len(columns)))
        rows = (await self.ds.execute(
            self.database, f"with page_rows as materialized (select {values} from ({self.sql})) {counts}", self.params,
            custom_time_limit=self.ds.setting("facet_time_limit_ms"))).rows
        found: dict[str, list[tuple[Any, int]]] = {column: [] for column in columns}
        for number, value, count in rows:
            found[columns[number]].append((value, count))
        return found

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
