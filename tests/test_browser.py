"""One end-to-end check in a real browser: `quotetrack serve` rendered by headless Chromium."""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlite_utils import Database

from quotetrack.extract import Extractor
from quotetrack.read import ArticleError, read_articles
from quotetrack.store import ingest_article

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="needs Debian's chromium (apt-get install chromium); CI installs it",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "quotes.db"
    db = Database(path)
    extractor = Extractor("rules")
    for article in read_articles([SAMPLES]):
        if not isinstance(article, ArticleError):
            ingest_article(db, article, extractor.extract(article))
    db.close()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from quotetrack.cli import app; app()", "serve", str(path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("quotetrack serve did not start")
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=10)


def render(url: str, tmp_path: Path, width: int = 1280) -> str:
    assert CHROMIUM, "chromium is not installed"
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            f"--window-size={width},900",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            url,
        ],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr[-500:]
    return result.stdout


def test_facets_and_search_render_in_a_browser(server, tmp_path):
    dom = render(f"{server}/quotes/quotes_view?_search=dialogue&_facet=speaker&_facet=via_outlet", tmp_path)
    assert "open to dialogue" in dom
    assert "Dmitry Peskov" in dom
    assert 'id="facet-speaker" data-column="speaker"' in dom
    assert 'id="facet-via_outlet" data-column="via_outlet"' in dom
    assert "TASS" in dom


def test_canned_query_renders_in_a_browser(server, tmp_path):
    dom = render(f"{server}/quotes/quotes_by_speaker?speaker=Peskov", tmp_path)
    assert "Dmitry Peskov" in dom
    assert "concrete document" in dom


def test_statement_page_with_a_diff_renders_in_a_browser(server, tmp_path):
    with urllib.request.urlopen(f"{server}/quotes/statements.json?_shape=array&has_different_speakers=1", timeout=10) as response:
        (statement,) = json.load(response)
    dom = render(f"{server}/quotes/-/statement/{statement['id']}", tmp_path)
    assert "first seen" in dom and "TASS" in dom
    assert "<del>take part</del>" in dom and "<ins>participate</ins>" in dom
    assert "different speaker" in dom


# Measures the rendered page from inside it and writes the figures into the DOM, which --dump-dom prints.
MEASURE = """<script>
const widths = {};
for (const th of document.querySelectorAll("table.rows-and-columns th")) {
  widths[th.dataset.column] = Math.round(th.getBoundingClientRect().width);
}
document.body.setAttribute("data-measured", JSON.stringify({
  widths, innerWidth: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
}));
</script>"""


def measure(server: str, path: str, tmp_path: Path) -> dict:
    """The page as served, rendered at 1280 px by Chromium: column widths and whether it scrolls sideways."""
    with urllib.request.urlopen(server + path, timeout=30) as response:
        html = response.read().decode("utf-8")
    # The page's own HTML, CSS and links, from a file (so that the measuring script can be added).
    html = html.replace("<head>", f'<head><base href="{server}/">', 1).replace("</body>", MEASURE + "</body>", 1)
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    dom = render(page.as_uri(), tmp_path)
    found = re.search(r'data-measured="([^"]*)"', dom)
    assert found, dom[-500:]
    return json.loads(found.group(1).replace("&quot;", '"'))


def test_the_quote_page_is_made_for_reading_in_a_browser(server, tmp_path):
    measured = measure(server, "/quotes/quotes", tmp_path)
    widths = measured["widths"]
    assert list(widths) == ["text", "speaker", "via_outlet", "published_by", "date", "kind"]
    assert max(widths, key=widths.get) == "text"  # the quote column is the widest
    assert widths["text"] >= 350  # a readable width, not two or three words a line
    assert measured["scrollWidth"] <= measured["innerWidth"]  # no sideways scrolling at 1280 px
