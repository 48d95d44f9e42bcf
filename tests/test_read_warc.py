"""Web archives: each HTML response an article with its URL and crawl date; everything else passed over."""

import gzip
import io

import pytest

from quotetrack.errors import ArticleError
from quotetrack.ingestion import ingest
from quotetrack.read import read_articles
from quotetrack.store import open_store

PAGE = """<!DOCTYPE html><html><head><title>Harbour story {n}</title>
<meta property="og:site_name" content="Harbour Herald">{date}</head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour story {n}</h1>
<p>The harbour board approved a plan on Monday to dredge the eastern channel before the autumn storms.</p>
<p>“The channel has silted up faster than anyone expected,” said harbour master Nils Berg, who proposed the work.</p>
<p>The dredging is expected to take six weeks and will close the eastern berths to larger vessels.</p>
</article></body></html>"""


def write_warc(path, records, gzip_it=True):
    """A WARC file written with warcio's own writer: (url, kind, content type, body, status, warc date) per record."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gzip_it)
        for url, kind, content_type, body, status, date in records:
            data = body.encode("utf-8") if isinstance(body, str) else body
            # Giving the length spares warcio a SpooledTemporaryFile it would leave unclosed (a ResourceWarning).
            options = {"payload": io.BytesIO(data), "length": len(data), "warc_headers_dict": {"WARC-Date": date} if date else None}
            if kind == "response":
                http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
                record = writer.create_warc_record(url, "response", http_headers=http, **options)
            else:
                record = writer.create_warc_record(url, kind, warc_content_type=content_type, **options)
            writer.write_record(record)
    return path


CRAWL = [
    ("https://harbourherald.example/news/1", "response", "text/html; charset=utf-8", PAGE.format(n=1, date='<meta property="article:published_time" content="2024-04-02T07:00:00Z">'), "200 OK", "2024-04-05T10:00:00Z"),
    ("https://harbourherald.example/robots.txt", "response", "text/plain", "User-agent: *", "200 OK", "2024-04-05T10:00:01Z"),
    ("https://harbourherald.example/logo.png", "response", "image/png", b"\x89PNG\r\n", "200 OK", "2024-04-05T10:00:02Z"),
    ("https://harbourherald.example/old", "response", "text/html", "<p>Moved</p>", "301 Moved Permanently", "2024-04-05T10:00:03Z"),
    ("https://harbourherald.example/news/2?utm_source=crawl", "response", "text/html", PAGE.format(n=2, date=""), "200 OK", "2024-04-05T10:00:04Z"),
    ("https://harbourherald.example/news/1", "request", "application/http; msgtype=request", "GET /news/1 HTTP/1.1\r\n\r\n", None, None),
]


@pytest.mark.parametrize("gzip_it", [True, False])
def test_html_responses_are_articles_with_url_and_crawl_date(tmp_path, gzip_it):
    path = write_warc(tmp_path / ("crawl.warc.gz" if gzip_it else "crawl.warc"), CRAWL, gzip_it)
    first, second = read_articles([path])
    assert (first.url, first.date, first.publisher) == ("https://harbourherald.example/news/1", "2024-04-02T07:00:00+00:00", "Harbour Herald")
    # No date on the page: the crawl date stands in.
    assert (second.url, second.date) == ("https://harbourherald.example/news/2", "2024-04-05T10:00:04+00:00")
    assert "silted up faster than anyone expected" in second.text and "Home" not in second.text
    assert first.path == str(path)


def test_folders_pick_up_web_archives(tmp_path):
    write_warc(tmp_path / "a.warc.gz", CRAWL[:1])
    write_warc(tmp_path / "b.warc", CRAWL[4:5], gzip_it=False)
    (tmp_path / "notes.gz").write_bytes(gzip.compress(b"not an archive"))
    assert [article.url for article in read_articles([tmp_path])] == [
        "https://harbourherald.example/news/1",
        "https://harbourherald.example/news/2",
    ]


def test_broken_and_empty_archives_are_one_line_errors(tmp_path):
    (tmp_path / "bad.warc.gz").write_bytes(gzip.compress(b"this is no web archive at all\r\n\r\n"))
    (error,) = read_articles([tmp_path / "bad.warc.gz"])
    assert isinstance(error, ArticleError) and "not a readable WARC file" in error.problem
    write_warc(tmp_path / "images.warc.gz", CRAWL[2:3])
    (error,) = read_articles([tmp_path / "images.warc.gz"])
    assert error.problem == "no HTML pages in this web archive"


def test_a_broken_archive_keeps_the_articles_before_the_break(tmp_path):
    first = write_warc(tmp_path / "first.warc", CRAWL[:1], gzip_it=False).read_bytes()
    rest = write_warc(tmp_path / "rest.warc", CRAWL[4:5], gzip_it=False).read_bytes()
    (tmp_path / "broken.warc").write_bytes(first + b"garbage where a record should start\r\n\r\n" + rest)
    items = list(read_articles([tmp_path / "broken.warc"]))
    assert items[0].url == "https://harbourherald.example/news/1"
    assert len(items) == 2 and isinstance(items[1], ArticleError)
    assert items[1].problem.startswith("broken WARC record")


def test_ingest_a_web_archive(tmp_path):
    path = write_warc(tmp_path / "crawl.warc.gz", CRAWL)
    result = ingest([path], tmp_path / "q.db", engine="rules")
    assert (result.new, result.skipped) == (2, [])
    with open_store(tmp_path / "q.db") as store:
        assert [row["date"] for row in store.db.query("select date from articles order by date")] == [
            "2024-04-02T07:00:00+00:00",
            "2024-04-05T10:00:04+00:00",
        ]
