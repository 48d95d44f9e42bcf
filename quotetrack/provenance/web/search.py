"""Search on the quote page that stays fast for common words at a million quotes.

Datasette's own ``?_search=`` filters with ``rowid in (select rowid from quotes_fts ...)``: SQLite
builds the whole list of matches first, so a word in half the quotes ("said") costs a second
per query at a million quotes, and the page runs several (rows, count, facets). On the
``quotes`` table quotetrack takes the search over (``_search`` is read as ``_find``):

- a word in fewer than :func:`common_threshold` quotes is searched as Datasette does: the
  matches are few, so listing them, counting and faceting them is quick;
- a more common one is checked quote by quote while the page walks its index in date order (one
  lookup in the full-text index each, and about two quotes read per match at that frequency), so
  the newest matches come at once; the page then shows no total count and no facets (counting
  them would read every match), and says so. Any filter (speaker, outlet, date) still applies.
"""

from __future__ import annotations

import datetime
import re
import sqlite3
import urllib.parse
from typing import Any

from datasette import hookimpl
from datasette.filters import FilterArguments
from datasette.utils import escape_fts

from .moved import moved_quote_url, send_redirect

__all__ = ["common_threshold", "date_range_filter", "is_common", "paging_filter", "search_filter"]

# A search matching this share of the quotes or more is "common" (and at least this many quotes).
COMMON_SHARE = 0.05
COMMON_MINIMUM = 20_000
_QUOTE_PAGE = re.compile(r"^/(?P<database>[^/]+)/quotes(?:\.(?:json|csv))?$")
_PARAM = "quotetrack_find"


async def common_threshold(db: Any) -> int:
    """How many matches make a search common in this database."""
    total = (await db.execute("select coalesce(sum(quotes), 0) from quote_facets where facet = 'kind'")).single_value()
    return max(COMMON_MINIMUM, int(total * COMMON_SHARE))


async def is_common(db: Any, search: str, raw: bool = False) -> bool:
    """Whether ``search`` matches at least :func:`common_threshold` quotes (counted up to that number only)."""
    if not search.strip():
        return False
    threshold = await common_threshold(db)
    try:
        found = (await db.execute(
            "select count(*) from (select 1 from quotes_fts where quotes_fts match ? limit ?)",
            [search if raw else escape_fts(search), threshold],
        )).single_value()
    except sqlite3.Error:  # a raw query FTS cannot parse: Datasette reports it when it runs the page
        return False
    return bool(found >= threshold)


# The scope key under which _rewrite leaves (search, raw, whether it is common) for search_filter.
_COMMON_SCOPE_KEY = "quotetrack.common_search"


def _pairs(scope: dict[str, Any]) -> list[tuple[str, str]]:
    return urllib.parse.parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def wrap(app: Any) -> Any:
        async def search_aware(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                if (moved := await moved_quote_url(datasette, scope)) is not None:
                    await send_redirect(send, moved)
                    return
                scope = await _rewrite(datasette, scope)
            await app(scope, receive, send)

        return search_aware

    return wrap


async def _rewrite(datasette: Any, scope: dict[str, Any]) -> dict[str, Any]:
    """On a quotetrack quote page: ``_search`` becomes ``_find`` (a common one skips the count and the
    facets), and a ``_facet`` the page already shows is dropped rather than shown twice."""
    match = _QUOTE_PAGE.match(scope.get("path", ""))
    if match is None:
        return scope
    pairs = _pairs(scope)
    names = {name for name, _ in pairs}
    if not names & {"_search", "_find", "_facet", "_facet_date"}:
        return scope
    try:
        db = datasette.get_database(match["database"])
    except KeyError:
        return scope
    if not await db.table_exists("quote_facets"):
        return scope
    shown = _counted_facets(datasette.table_metadata(match["database"], "quotes") or {})
    pairs = [("_find" if name == "_search" else name, value) for name, value in pairs
             if not (name in ("_facet", "_facet_date") and value in shown)]
    search = next((value for name, value in pairs if name == "_find"), None)
    raw = dict(pairs).get("_searchmode") == "raw"
    common = search is not None and await is_common(db, search, raw)
    if common:
        pairs += [(name, "1") for name in ("_nocount", "_nofacet") if name not in names]
    # What was counted goes with the request: search_filter needs the same answer (a count of up to
    # common_threshold matches, not to be made twice).
    return {**scope, "query_string": urllib.parse.urlencode(pairs).encode("latin-1"), _COMMON_SCOPE_KEY: (search, raw, common)}


def _counted_facets(metadata: dict[str, Any]) -> set[str]:
    """The columns whose facets the metadata already shows on every quote page."""
    found = set()
    for facet in metadata.get("facets", []):
        if isinstance(facet, dict) and len(facet) == 1:
            (kind, config), = facet.items()
            if kind == "counted":
                found.add(config if isinstance(config, str) else config.get("column", ""))
    return found


async def search_filter(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """The quote page's search (``_find``, which ``_search`` becomes): see the module docstring."""
    search = request.args.get("_find")
    if table != "quotes" or search is None:
        return None
    db = datasette.get_database(database)
    raw = request.args.get("_searchmode") == "raw"
    match = f":{_PARAM}" if raw else f"escape_fts(:{_PARAM})"
    filtered = any(not name.startswith("_") or "__" in name for name in request.args)
    counted = request.scope.get(_COMMON_SCOPE_KEY)
    common = counted[2] if counted is not None and counted[:2] == (search, raw) else await is_common(db, search, raw)
    if common and not filtered:
        # Newest first along the date index, each quote looked up in the full-text index: at this
        # frequency a page of matches comes after reading about twice as many quotes.
        where = f"exists (select 1 from quotes_fts where quotes_fts match {match} and quotes_fts.rowid = quotes.rowid)"
    elif common:
        # The filter's index leads, each quote checked against the list of matches (the filtered
        # quotes may hold few of them). The `+` keeps SQLite, once ANALYZE has counted the
        # indexes, from reading every match's row instead.
        where = f"+rowid in (select rowid from quotes_fts where quotes_fts match {match})"
    else:
        where = f"rowid in (select rowid from quotes_fts where quotes_fts match {match})"
    return FilterArguments(
        [where], {_PARAM: search}, [f'search matches "{search}"'],
        {"supports_search": True, "search": search, "quotetrack_common_search": "_nocount" in request.args},
    )


async def paging_filter(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """A bound on ``sort_date`` for the quote page's next pages, so that each starts where the last ended.

    Datasette asks for the rows after the last one shown with ``sort_date < :last or sort_date is
    null or (sort_date = :last and id > :id)``: no index range serves that, so SQLite reads the
    index from the top every time and a CSV stream of a million quotes slows page by page. The
    same rows also satisfy ``sort_date <= :last`` (``sort_date`` is never null), which gives it one.
    """
    from datasette.utils import urlsafe_components

    after = request.args.get("_next")
    if table != "quotes" or not after or after.startswith("$null"):
        return None
    metadata = datasette.table_metadata(database, table) or {}
    sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
    if not sort and not sort_desc:
        sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
    if "sort_date" not in (sort, sort_desc):
        return None
    components = urlsafe_components(after)
    if len(components) < 2:
        return None
    operator = ">=" if sort == "sort_date" else "<="
    return FilterArguments([f"sort_date {operator} :quotetrack_after"], {"quotetrack_after": components[0]}, [], {})


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


async def date_range_filter(request: Any, database: str, table: str, datasette: Any) -> FilterArguments | None:
    """For a date range on the quote page (``?date__gte=2021-03-01&date__lt=2021-04-01``), the same range on ``sort_date``.

    Datasette filters ``date``, which orders the range but not the page (newest first by
    ``sort_date``): SQLite read and sorted every quote of the range to show the first rows. A quote's
    ``sort_date`` is its date in UTC, at most a day from the date as written, so the range widened by
    a day (two at the top: a bound may carry a time) holds every quote of the range and lets the
    page read ``sort_date``'s index from the top of the range; count and facets still read the date index.

    >>> from datasette.utils.asgi import Request
    >>> import asyncio
    >>> found = asyncio.run(date_range_filter(Request.fake("/q/quotes?date__gte=2021-03-01&date__lt=2021-04-01"), "q", "quotes", None))
    >>> found.where_clauses, found.params
    (['sort_date >= :quotetrack_from', 'sort_date < :quotetrack_to'], {'quotetrack_from': '2021-02-28', 'quotetrack_to': '2021-04-03'})
    """
    if table != "quotes":
        return None
    clauses, params = [], {}
    for names, name, operator, days in ((("date__gte", "date__gt"), "quotetrack_from", ">=", -1),
                                        (("date__lt", "date__lte"), "quotetrack_to", "<", 2)):
        bounds = [value for key in names if (value := request.args.get(key)) and _DAY.match(value)]
        if not bounds:
            continue
        try:
            day = datetime.date.fromisoformat(bounds[0][:10])
        except ValueError:
            continue
        clauses.append(f"sort_date {operator} :{name}")
        params[name] = (day + datetime.timedelta(days=days)).isoformat()
    return FilterArguments(clauses, params, [], {}) if clauses else None
