"""quotetrack's Datasette plugin: a statement page (timeline, word diffs) and a quote page (the quote in its article).

Registered through the ``datasette`` entry point in pyproject.toml; ``quotetrack serve`` also
calls :func:`ensure_registered`, so a source checkout works without reinstalling. Pages:

- ``/<database>/-/statement/<id>``: where the statement was first seen, then each appearance
  with its date, relay chain (speaker → via outlets → publisher), variant and word diff;
- ``/<database>/-/quote/<id>``: the quote highlighted in its article's text.

In the ``statements`` table a statement's text links to its page; in ``quotes`` and
``quotes_view`` a quote's text links to its quote page.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any

import markupsafe
from datasette import Response, hookimpl
from sqlite_utils import Database

from ..similarity import word_diff
from ..tracing import later_than, timeline
from .search import asgi_wrapper, date_range_filter, paging_filter, search_filter  # noqa: F401  (asgi_wrapper: a hook of this plugin)

__all__ = ["ensure_registered", "quote_context"]

PLUGIN_NAME = "quotetrack"
# Characters of article text shown either side of a quote, widened to whole paragraphs.
CONTEXT_CHARS = 700


def ensure_registered() -> None:
    """Register this plugin with Datasette unless its entry point already did."""
    from datasette.plugins import pm

    module = sys.modules[__name__]
    if not pm.is_registered(module):
        pm.register(module, name=PLUGIN_NAME)


def _static_name() -> str:
    """The name Datasette serves this plugin's static files under (its distribution's, else the module's)."""
    from datasette.plugins import pm

    module = sys.modules[__name__]
    distribution = dict(pm.list_plugin_distinfo()).get(module)
    return distribution.project_name if distribution else __name__


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (r"^/(?P<database>[^/]+)/-/statement/(?P<id>[0-9]+)$", statement_page),
        (r"^/(?P<database>[^/]+)/-/quote/(?P<id>[0-9a-zA-Z]+)$", quote_page),
    ]


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    if table == "statements" and column == "canonical_text" and value:
        return _link(datasette.urls.database(database) + f"/-/statement/{row['id']}", value)
    if table in ("quotes", "quotes_view") and column == "text" and value:
        return _link(datasette.urls.database(database) + f"/-/quote/{row['id']}", value)
    if table == "quotes" and column == "statement_id" and value:
        statement = value["value"] if isinstance(value, dict) else value
        label = value.get("label") if isinstance(value, dict) else None
        return _link(datasette.urls.database(database) + f"/-/statement/{statement}", label or f"statement {statement}")
    return None


@hookimpl
def extra_css_urls(template: str, database: str | None, table: str | None, datasette: Any, **_: Any) -> list[str]:
    return [datasette.urls.static_plugins(_static_name(), "quotetrack.css")]


@hookimpl
def filters_from_request(request: Any, database: str, table: str, datasette: Any) -> Any:
    """The quote page's search, next-page bound and date range on its order (see :mod:`.search`)."""
    from datasette.filters import FilterArguments

    async def inner() -> FilterArguments | None:
        found = [found for make in (search_filter, paging_filter, date_range_filter)
                 if (found := await make(request, database, table, datasette)) is not None]
        if not found:
            return None
        merged = FilterArguments([], {}, [], {})
        for part in found:
            merged.where_clauses += part.where_clauses
            merged.params.update(part.params)
            merged.human_descriptions += part.human_descriptions
            merged.extra_context.update(part.extra_context)
        return merged

    return inner


@hookimpl
def register_facet_classes() -> list[type]:
    from .facets import CountedFacet

    return [CountedFacet]


def _link(href: str, text: str) -> markupsafe.Markup:
    """An HTML link (built by escaping and joining: ``Markup.format`` costs a tenth of a millisecond a cell).

    >>> str(_link("/q/-/quote/1", "<No>"))
    '<a href="/q/-/quote/1">&lt;No&gt;</a>'
    """
    return markupsafe.Markup(f'<a href="{markupsafe.escape(href)}">{markupsafe.escape(text)}</a>')


async def statement_page(datasette: Any, request: Any) -> Any:
    database = request.url_vars["database"]
    db = datasette.get_database(database)
    statement_id = int(request.url_vars["id"])

    def load(conn: sqlite3.Connection) -> Any:
        try:
            return timeline(Database(conn), statement_id)
        except KeyError:
            return None

    found = await db.execute_fn(load)
    if found is None:
        return Response.html("No such statement", status=404)
    entries = [found.first_seen] if found.first_seen else []
    entries += found.appearances
    rows = [{
        "item": item,
        "first": item is found.first_seen,
        "after": "" if item is found.first_seen else later_than(found.first_seen.date if found.first_seen else None, item.date),
        "chain": [part for part in [item.speaker or "?", *item.via_chain, item.publisher or "?"] if part],
        "diff": word_diff(found.canonical_text, item.text),
    } for item in entries]
    return Response.html(await datasette.render_template(
        "quotetrack_statement.html",
        {"database": database, "statement": found, "rows": rows, "base": datasette.urls.database(database)},
        request=request,
    ))


async def quote_page(datasette: Any, request: Any) -> Any:
    database = request.url_vars["database"]
    db = datasette.get_database(database)
    result = await db.execute(
        "select q.id, q.text, q.start, q.end, q.parts, q.statement_id, q.variant, q.speaker_mention, s.name as speaker,"
        " a.title, a.url, a.date, a.text as article_text, coalesce(a.publisher, q.publisher) as publisher"
        " from quotes q join articles a on a.id = q.article_id left join speakers s on s.id = q.speaker_id where q.id = ?",
        [request.url_vars["id"]],
    )
    row = result.first()
    if row is None:
        return Response.html("No such quote", status=404)
    quote = dict(row)
    spans = json.loads(quote["parts"]) if quote["parts"] else [[quote["start"], quote["end"]]]
    return Response.html(await datasette.render_template(
        "quotetrack_quote.html",
        {"database": database, "quote": quote, "segments": quote_context(quote["article_text"], spans),
         "base": datasette.urls.database(database)},
        request=request,
    ))


def quote_context(text: str, spans: list[list[int]], context: int = CONTEXT_CHARS) -> list[tuple[str, bool]]:
    """The article text around ``spans`` as ``(text, highlighted)`` pieces, cut at paragraph breaks.

    >>> quote_context("Intro.\\n\\n“Yes,” she said.\\n\\nMore.", [[9, 13]], context=1)
    [('“', False), ('Yes,', True), ('” she said.', False)]
    """
    first, last = min(span[0] for span in spans), max(span[1] for span in spans)
    start = text.rfind("\n\n", 0, max(0, first - context))
    start = 0 if start < 0 else start + 2
    end = text.find("\n\n", min(len(text), last + context))
    end = len(text) if end < 0 else end
    pieces: list[tuple[str, bool]] = []
    cursor = start
    for span_start, span_end in sorted(spans):
        if span_start > cursor:
            pieces.append((text[cursor:span_start], False))
        pieces.append((text[span_start:span_end], True))
        cursor = span_end
    if end > cursor:
        pieces.append((text[cursor:end], False))
    return pieces
