"""Links to a quote by the id it had before quote ids started with their article's (:mod:`quotetrack.quote_ids`).

A migrated database keeps each old id in ``quote_id_aliases``: a request for the quote's row page
(``/<database>/quotes/<old id>``, also ``.json`` and ``.csv``) or its quote page (``/<database>/-/quote/<old id>``) is
answered with a permanent redirect to the same page under the new id. Anything else goes on as it was.
"""

from __future__ import annotations

import re
from typing import Any

from ...quote_ids import ALIAS_TABLE, OLD_QUOTE_ID_LENGTH

__all__ = ["moved_quote_url", "send_redirect"]

_OLD_QUOTE_PAGE = re.compile(rf"^/(?P<database>[^/]+)/(?:quotes|-/quote)/(?P<id>[0-9a-f]{{{OLD_QUOTE_ID_LENGTH}}})(?:\.json|\.csv)?$")


async def moved_quote_url(datasette: Any, scope: dict[str, Any]) -> str | None:
    """Where the page ``scope`` asks for moved to, when it names a quote by its old id; else None."""
    path = scope.get("path", "")
    match = _OLD_QUOTE_PAGE.match(path)
    if match is None:
        return None
    try:
        db = datasette.get_database(match["database"])
    except KeyError:
        return None
    if not await db.table_exists(ALIAS_TABLE):
        return None
    row = (await db.execute(f"select id from {ALIAS_TABLE} where old_id = ?", [match["id"]])).first()
    if row is None:
        return None
    query = scope.get("query_string", b"").decode("latin-1")
    return f"{path[: match.start('id')]}{row[0]}{path[match.end('id') :]}" + (f"?{query}" if query else "")


async def send_redirect(send: Any, location: str) -> None:
    """Answer with a permanent redirect to ``location``."""
    await send({"type": "http.response.start", "status": 301,
                "headers": [[b"location", location.encode("latin-1")], [b"content-type", b"text/plain; charset=utf-8"]]})
    await send({"type": "http.response.body", "body": b"Moved: quote ids now start with their article's id.\n"})
