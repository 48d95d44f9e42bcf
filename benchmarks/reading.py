"""How well an HTML reader gets news pages right: body kept, boilerplate dropped, date and publisher found.

    python benchmarks/reading.py tests/fixtures/pages tests/fixtures/pages/annotations.json
    python benchmarks/reading.py /tmp/pages /tmp/pages/annotations.json --reader old_html.py:parse_html -v

The annotation file maps each page's file name to ``body`` (phrases the article text must
contain), ``boilerplate`` (page furniture it must not), ``date`` (the publication day,
``YYYY-MM-DD``, or null when the page carries none) and ``publisher``; a page may also give
``url`` (its identity) and ``date_raw``. Phrases are compared with whitespace and quote
marks normalised. ``--reader`` names another reader, ``module:function`` or ``file.py:function``
taking ``(html, path=...)`` and returning an Article (say, an older version of quotetrack's).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quotetrack.read.decode import decode_html

Reader = Callable[..., Any]
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})?)?")


def load_reader(spec: str) -> Reader:
    where, _, name = spec.partition(":")
    if where.endswith(".py"):
        module_spec = importlib.util.spec_from_file_location("reader_under_test", where)
        assert module_spec and module_spec.loader, where
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(where)
    reader: Reader = getattr(module, name or "parse_html")
    return reader


def normal(text: str) -> str:
    return " ".join(text.translate(_QUOTES).split()).lower()


def measure(folder: Path, annotations: dict[str, Any], reader: Reader, verbose: bool = False) -> dict[str, Any]:
    totals = {"body": 0, "body_found": 0, "boilerplate": 0, "leaked": 0, "dated": 0, "date_right": 0, "date_iso": 0,
              "publishers": 0, "publisher_right": 0, "publisher_found": 0, "urls": 0, "url_right": 0,
              "undated": 0, "undated_right": 0, "pages": 0, "seconds": 0.0, "characters": 0}  # fmt: skip
    pages = sorted((name, note) for name, note in annotations.items() if not name.startswith("_"))
    if pages:
        # Imports and caches on the first page are not reading time.
        reader(decode_html((folder / pages[0][0]).read_bytes(), folder / pages[0][0]), path="warm-up")
    for name, note in pages:
        path = folder / name
        html = decode_html(path.read_bytes(), path)
        started = time.perf_counter()
        article = reader(html, path=str(path))
        totals["seconds"] += time.perf_counter() - started
        totals["pages"] += 1
        text = normal(article.text)
        totals["characters"] += len(article.text)
        missing = [phrase for phrase in note.get("body", []) if normal(phrase) not in text]
        leaked = [phrase for phrase in note.get("boilerplate", []) if normal(phrase) in text]
        totals["body"] += len(note.get("body", []))
        totals["body_found"] += len(note.get("body", [])) - len(missing)
        totals["boilerplate"] += len(note.get("boilerplate", []))
        totals["leaked"] += len(leaked)
        date = article.date or ""
        if note.get("date"):
            totals["dated"] += 1
            totals["date_iso"] += bool(_ISO.fullmatch(date))
            totals["date_right"] += bool(_ISO.fullmatch(date)) and date[:10] == note["date"]
        else:
            totals["undated"] += 1
            totals["undated_right"] += not date
        if note.get("publisher"):
            totals["publishers"] += 1
            totals["publisher_found"] += bool(article.publisher)
            totals["publisher_right"] += normal(article.publisher or "") == normal(note["publisher"])
        if note.get("url"):
            totals["urls"] += 1
            totals["url_right"] += article.url == note["url"]
        if verbose:
            print(f"{name}: {len(article.text)} chars, date {article.date!r}, publisher {article.publisher!r}, url {article.url!r}")
            for phrase in missing:
                print(f"  missing: {phrase}")
            for phrase in leaked:
                print(f"  leaked:  {phrase}")
    return totals


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f} % ({part}/{whole})" if whole else "    -"


def report(totals: dict[str, Any]) -> str:
    return "\n".join(
        [
            f"pages                  {totals['pages']}",
            f"body phrases found     {share(totals['body_found'], totals['body'])}",
            f"boilerplate leaked     {share(totals['leaked'], totals['boilerplate'])}",
            f"ISO date (right day)   {share(totals['date_right'], totals['dated'])}  any ISO date {share(totals['date_iso'], totals['dated'])}",
            f"no date where none     {share(totals['undated_right'], totals['undated'])}",
            f"publisher right        {share(totals['publisher_right'], totals['publishers'])}  any {share(totals['publisher_found'], totals['publishers'])}",
            f"article URL right      {share(totals['url_right'], totals['urls'])}",
            f"ms per page            {1000 * totals['seconds'] / max(totals['pages'], 1):7.1f}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .html pages")
    parser.add_argument("annotations", type=Path, help="JSON annotation file (see the module docstring)")
    parser.add_argument("--reader", default="quotetrack.read.html:parse_html", help="module:function or file.py:function")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each page's misses and leaks")
    args = parser.parse_args(argv)
    annotations = json.loads(args.annotations.read_text(encoding="utf-8"))
    print(report(measure(args.folder, annotations, load_reader(args.reader), args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
