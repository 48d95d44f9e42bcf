"""Fetching articles from the web, against a local HTTP server the tests start (127.0.0.1, no internet).

The site is reached as http://news.test:PORT: a made-up host name resolved to 127.0.0.1 here,
because feed and sitemap parsing (courlan) rejects bare IP addresses and ``localhost``.
"""

import gzip
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotetrack.cli import app
from quotetrack.errors import ArticleError
from quotetrack.ingestion import ingest
from quotetrack.read.web import Fetcher, FetchPolicy
from quotetrack.store import open_store

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
HOST = "news.test"


def story(slug, said="We are ready"):
    """A small news page written for these tests, canonical at /news/SLUG."""
    return f"""<!DOCTYPE html><html><head><title>Council story {slug}</title>
<meta property="og:site_name" content="Test Town Times">
<link rel="canonical" href="/news/{slug}">
<meta property="article:published_time" content="2024-05-14T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Council story {slug}</h1>
<p>The town council met on Tuesday evening to discuss the new bus routes and the budget for next year.</p>
<p>“{said},” said the mayor, Dana Holt, after the meeting ended late in the evening.</p>
<p>Residents are invited to comment on the plans at the town hall until the end of the month.</p>
</article><footer>Share this story</footer></body></html>"""


class Site:
    """Routes of the test server: path -> list of (status, headers, body), served in turn (the last one repeats)."""

    def __init__(self):
        self.routes = {"/robots.txt": [(200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n")]}
        self.hits = []
        self.agents = []
        self.slow = 0.0

    def add(self, path, body, status=200, content_type="text/html; charset=utf-8", **headers):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes.setdefault(path, []).append((status, {"Content-Type": content_type, **headers}, data))

    def respond(self, handler):
        path = handler.path
        self.hits.append(path)
        self.agents.append(handler.headers.get("User-Agent"))
        if path.startswith("/slow"):
            time.sleep(self.slow)
        responses = self.routes.get(path.split("?")[0]) or [(404, {"Content-Type": "text/plain"}, b"not here")]
        status, headers, body = responses.pop(0) if len(responses) > 1 else responses[0]
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def url(self, path):
        return f"http://{HOST}:{self.port}{path}"


@pytest.fixture
def site(monkeypatch):
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            try:
                state.respond(self)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        return real_getaddrinfo("127.0.0.1" if host == HOST else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def fetcher(**policy):
    sleeps = []
    options = {"delay": 0.0, "backoff": 0.01, "timeout": 2.0, "retries": 2, **policy}
    return Fetcher(FetchPolicy(**options), sleep=sleeps.append), sleeps


def test_a_page_is_fetched_read_and_stored_under_its_canonical_url(site, tmp_path):
    site.add("/news/vote", story("vote"))
    web, _ = fetcher()
    result = ingest([site.url("/news/vote?utm_source=newsletter&fbclid=x")], tmp_path / "q.db", engine="rules", fetcher=web)
    assert (result.new, result.skipped) == (1, [])
    with open_store(tmp_path / "q.db") as store:
        (row,) = store.db.query("select url, publisher, date, path from articles")
    assert row["url"] == site.url("/news/vote")
    assert (row["publisher"], row["date"]) == ("Test Town Times", "2024-05-14T10:00:00+00:00")
    assert row["path"] == site.url("/news/vote")  # where it was fetched, without the tracking parameters
    assert site.hits[0] == "/robots.txt"
    assert all(agent.startswith("quotetrack/") for agent in site.agents)


def test_the_same_story_through_tracking_links_and_amp_is_one_article(site, tmp_path):
    site.add("/news/vote", story("vote"))
    site.add("/amp/news/vote", story("vote"))
    web, _ = fetcher()
    urls = [site.url("/news/vote"), site.url("/news/vote?utm_campaign=a"), site.url("/amp/news/vote")]
    result = ingest(urls, tmp_path / "q.db", engine="rules", fetcher=web)
    assert (result.new, result.unchanged, result.articles) == (1, 2, 3)
    with open_store(tmp_path / "q.db") as store:
        assert store.counts()["articles"] == 1


def test_failures_are_one_line_skips_and_the_rest_is_stored(site, tmp_path):
    site.add("/news/vote", story("vote"))
    site.add("/private/memo", story("memo"))
    site.add("/report.pdf", b"%PDF-1.4", content_type="application/pdf")
    web, _ = fetcher()
    urls = [site.url("/news/missing"), site.url("/private/memo"), site.url("/report.pdf"), site.url("/news/vote")]
    result = ingest(urls, tmp_path / "q.db", engine="rules", fetcher=web)
    assert result.new == 1
    assert result.skipped == [
        f"{site.url('/news/missing')}: HTTP 404 Not Found",
        f"{site.url('/private/memo')}: robots.txt disallows fetching it",
        f"{site.url('/report.pdf')}: not an HTML page (application/pdf)",
    ]
    assert "/private/memo" not in site.hits


def test_busy_servers_are_retried_with_backoff(site):
    site.add("/news/busy", "busy", status=503, content_type="text/plain")
    site.add("/news/busy", "busy", status=429, content_type="text/plain", **{"Retry-After": "3"})
    site.add("/news/busy", story("busy"))
    web, sleeps = fetcher(backoff=0.5)
    page = web.html(site.url("/news/busy"))
    assert "Council story busy" in page.text()
    assert site.hits.count("/news/busy") == 3
    assert sleeps == [0.5, 3.0]  # the backoff, then what Retry-After asked for


def test_retries_end_with_a_message_saying_how_often(site):
    site.add("/news/down", "down", status=502, content_type="text/plain")
    web, sleeps = fetcher(backoff=0.25)
    with pytest.raises(ArticleError, match=r"HTTP 502 Bad Gateway \(after 3 tries\)$"):
        web.html(site.url("/news/down"))
    assert sleeps == [0.25, 0.5]


def test_timeouts_are_bounded(site):
    site.slow = 1.0
    site.add("/slow/page", story("slow"))
    web, _ = fetcher(timeout=0.2, retries=1)
    started = time.monotonic()
    with pytest.raises(ArticleError, match=r"timed out \(after 2 tries\)"):
        web.html(site.url("/slow/page"))
    assert time.monotonic() - started < 2.0


def test_unreachable_robots_txt_means_the_site_is_not_fetched(site):
    site.routes["/robots.txt"] = [(500, {"Content-Type": "text/plain"}, b"oops")]
    site.add("/news/vote", story("vote"))
    web, _ = fetcher()
    with pytest.raises(ArticleError, match="robots.txt unreachable"):
        web.html(site.url("/news/vote"))
    assert "/news/vote" not in site.hits


def test_no_robots_txt_allows_everything_and_it_is_read_once(site):
    del site.routes["/robots.txt"]
    site.add("/news/a", story("a"))
    site.add("/news/b", story("b"))
    web, _ = fetcher()
    web.html(site.url("/news/a"))
    web.html(site.url("/news/b"))
    assert site.hits == ["/robots.txt", "/news/a", "/news/b"]


def test_requests_to_one_host_are_spaced_by_the_delay(site):
    site.add("/news/a", story("a"))
    site.add("/news/b", story("b"))
    now = [100.0]
    sleeps = []
    web = Fetcher(FetchPolicy(delay=1.5), sleep=sleeps.append, clock=lambda: now[0])
    web.html(site.url("/news/a"))  # robots.txt, then the page: both to one host at the same (frozen) moment
    web.html(site.url("/news/b"))
    assert sleeps == [1.5, 1.5]  # before /news/a and before /news/b


def test_crawl_delay_in_robots_txt_is_honoured(site):
    site.routes["/robots.txt"] = [(200, {"Content-Type": "text/plain"}, b"User-agent: *\nCrawl-delay: 4\n")]
    site.add("/news/a", story("a"))
    now = [0.0]
    sleeps = []
    web = Fetcher(FetchPolicy(delay=1.0), sleep=sleeps.append, clock=lambda: now[0])
    web.html(site.url("/news/a"))
    assert sleeps == [4.0]


def test_gzip_bodies_and_declared_charsets_are_read(site):
    site.add("/news/zipped", gzip.compress(story("zipped").encode("utf-8")), **{"Content-Encoding": "gzip"})
    site.add("/news/latin", story("latin", said="Café ready").encode("cp1252"), content_type="text/html; charset=windows-1252")
    web, _ = fetcher()
    assert "Council story zipped" in web.html(site.url("/news/zipped")).text()
    assert "“Café ready,”" in web.html(site.url("/news/latin")).text()


def test_pages_over_the_size_limit_are_refused(site):
    site.add("/news/huge", story("huge") + "<!--" + "x" * 5000 + "-->")
    web, _ = fetcher(max_bytes=2000)
    with pytest.raises(ArticleError, match="page too large"):
        web.html(site.url("/news/huge"))


def test_cli_ingests_urls_and_a_url_list(site, tmp_path):
    site.add("/news/a", story("a"))
    site.add("/news/b", story("b", said="We will wait"))
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# morning list\n{site.url('/news/b')}\n\nnot a url\n", encoding="utf-8")
    db = tmp_path / "q.db"
    result = CliRunner().invoke(app, ["ingest", site.url("/news/a"), "--urls", str(listing), "--db", str(db), "--engine", "rules", "--delay", "0"])
    assert result.exit_code == 1, result.output
    assert f"Skipped {listing}:4: not a web address: not a url" in result.output
    assert "Ingested 2 articles (2 new, 0 unchanged)" in result.output
    assert "Traceback" not in result.output


def test_cli_without_any_source_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(app, ["ingest", "--db", str(tmp_path / "q.db")])
    assert result.exit_code == 2
    assert "nothing to ingest" in result.output


# -- feeds and sitemaps ------------------------------------------------------------------


def rss(site, *slugs):
    items = "".join(f"<item><title>{slug}</title><link>{site.url('/news/' + slug)}?utm_source=rss</link></item>" for slug in slugs)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Town Times</title><link>{site.url("/")}</link>{items}</channel></rss>'


def test_a_feed_brings_in_only_the_articles_not_yet_stored(site, tmp_path):
    for slug in ("one", "two", "three"):
        site.add(f"/news/{slug}", story(slug))
    site.add("/feed.xml", rss(site, "one", "two"), content_type="application/rss+xml")
    site.add("/feed.xml", rss(site, "three", "two", "one"), content_type="application/rss+xml")
    db = tmp_path / "q.db"
    web, _ = fetcher()
    first = ingest([], db, engine="rules", feeds=[site.url("/feed.xml")], fetcher=web)
    assert (first.new, first.skipped) == (2, [])
    second = ingest([], db, engine="rules", feeds=[site.url("/feed.xml")], fetcher=web)
    assert (second.new, second.articles) == (1, 1)
    assert [site.hits.count(f"/news/{slug}") for slug in ("one", "two", "three")] == [1, 1, 1]


def test_a_page_that_links_its_feed_is_followed(site, tmp_path):
    site.add("/", f'<html><head><link rel="alternate" type="application/rss+xml" href="{site.url("/feed.xml")}"></head><body>Front page</body></html>')
    site.add("/feed.xml", rss(site, "one"), content_type="application/rss+xml")
    site.add("/news/one", story("one"))
    web, _ = fetcher()
    result = ingest([], tmp_path / "q.db", engine="rules", feeds=[site.url("/")], fetcher=web)
    assert result.new == 1


def test_sitemap_indexes_are_followed_and_limit_caps_new_articles(site, tmp_path):
    urlset = "".join(f"<url><loc>{site.url('/news/' + slug)}</loc></url>" for slug in ("one", "two", "three"))
    sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9"
    site.add("/sitemap.xml", f'<?xml version="1.0"?><sitemapindex xmlns="{sitemaps}"><sitemap><loc>{site.url("/sitemap-news.xml.gz")}</loc></sitemap></sitemapindex>', content_type="application/xml")
    site.add("/sitemap-news.xml.gz", gzip.compress(f'<?xml version="1.0"?><urlset xmlns="{sitemaps}">{urlset}</urlset>'.encode()), content_type="application/gzip")
    for slug in ("one", "two", "three"):
        site.add(f"/news/{slug}", story(slug))
    db = tmp_path / "q.db"
    web, _ = fetcher()
    assert ingest([], db, engine="rules", sitemaps=[site.url("/sitemap.xml")], fetcher=web, limit=2).new == 2
    assert ingest([], db, engine="rules", sitemaps=[site.url("/sitemap.xml")], fetcher=web).new == 1


def test_a_feed_that_is_not_one_is_a_one_line_skip(site, tmp_path):
    site.add("/news/one", story("one"))
    site.add("/notafeed", "<html><body><p>Nothing to see.</p></body></html>")
    web, _ = fetcher()
    result = ingest([site.url("/news/one")], tmp_path / "q.db", engine="rules", feeds=[site.url("/notafeed"), site.url("/gone.xml")], fetcher=web)
    assert result.new == 1
    assert result.skipped == [
        f"{site.url('/notafeed')}: no article links found (not an RSS, Atom or JSON feed, nor a page linking one)",
        f"{site.url('/gone.xml')}: HTTP 404 Not Found",
    ]


def test_cli_feed_and_sitemap_options(site, tmp_path):
    site.add("/feed.xml", rss(site, "one"), content_type="application/rss+xml")
    site.add("/sitemap.xml", f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{site.url("/news/two")}</loc></url></urlset>')
    site.add("/news/one", story("one"))
    site.add("/news/two", story("two"))
    db = tmp_path / "q.db"
    arguments = ["ingest", "--feed", site.url("/feed.xml"), "--sitemap", site.url("/sitemap.xml"), "--db", str(db), "--engine", "rules", "--delay", "0"]
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    assert "Ingested 2 articles (2 new, 0 unchanged)" in result.output
    again = CliRunner().invoke(app, [*arguments, "--limit", "5"])
    assert again.exit_code == 0 and "Ingested 0 articles" in again.output
