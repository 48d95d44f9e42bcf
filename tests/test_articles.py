import codecs
import json
import os
import pickle
from pathlib import Path

import pytest

from quotetrack.read import (
    ArticleError,
    normalize_date,
    parse_html,
    parse_txt,
    read_articles,
)
from quotetrack.read.simple_html import parse_simple_html
from quotetrack.records import Article

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"

PESKOV = (
    "“We have not seen any concrete document,” Kremlin spokesman Dmitry Peskov told reporters.\n"
    "\n"
    "He added that Moscow saw “no basis” for new talks."
)


def read_one(path, **kwargs):
    results = list(read_articles([path], **kwargs))
    assert len(results) == 1, results
    return results[0]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# -- plain text ----------------------------------------------------------------------


def test_txt_with_header(tmp_path):
    path = write(
        tmp_path / "peskov.txt",
        "Title: Kremlin sees no basis for talks\n"
        "URL: https://example.com/kremlin\n"
        "Outlet: The Northern Ledger\n"
        "Date: May 14, 2024\n"
        "\n" + PESKOV + "\n",
    )
    article = read_one(path)
    assert article == Article(
        text=PESKOV,
        title="Kremlin sees no basis for talks",
        url="https://example.com/kremlin",
        publisher="The Northern Ledger",
        date="2024-05-14",
        path=str(path),
    )


@pytest.mark.parametrize(
    "header,expected",
    [
        (
            "title: lower case keys\nPUBLISHER: Upper Outlet",
            {"title": "lower case keys", "publisher": "Upper Outlet"},
        ),
        ("Publisher: Via Publisher", {"publisher": "Via Publisher"}),
        ("Date: sometime in spring", {"date": None, "date_raw": "sometime in spring"}),
        # Unknown keys are tolerated in a header and ignored.
        (
            "Title: With byline\nAuthor: Jo Smith\nURL: https://x.example/a",
            {"title": "With byline", "url": "https://x.example/a"},
        ),
        ("Title:\nDate: 2024-05-01", {"title": None, "date": "2024-05-01"}),
    ],
)
def test_txt_header_keys(header, expected):
    article = parse_txt(header + "\n\nBody text.")
    assert article.text == "Body text."
    for field, value in expected.items():
        assert getattr(article, field) == value


def test_txt_header_without_blank_line():
    article = parse_txt("Title: Tight\nDate: 1 May 2024\nBody starts here.")
    assert (article.title, article.date, article.text) == (
        "Tight",
        "2024-05-01",
        "Body starts here.",
    )


def test_txt_lookalike_header_is_text():
    # A dateline with a colon is not a header: no known key.
    text = "Washington: Lawmakers voted on Tuesday.\n\nThe bill passed."
    article = parse_txt(text)
    assert article.text == text
    assert article.title is None


def test_txt_front_matter():
    article = parse_txt('---\ntitle: "Front matter"\ndate: 2024-05-01\n---\n\nBody.')
    assert (article.title, article.date, article.text) == ("Front matter", "2024-05-01", "Body.")


def test_txt_without_header_keeps_title_in_text(tmp_path):
    content = "Kremlin sees no basis for talks\n\n" + PESKOV
    article = read_one(write(tmp_path / "plain.txt", content))
    assert article.title == "Kremlin sees no basis for talks"
    assert article.text == content
    assert article.url is article.publisher is article.date is None


@pytest.mark.parametrize(
    "content",
    [
        # A full sentence is the lede, not a headline.
        "The Kremlin said on Tuesday it saw no basis for talks.\n\nPeskov spoke to reporters.",
        "“We have seen nothing concrete.”\n\nPeskov said so on Tuesday.",
        # Hard-wrapped prose: the first line is not a paragraph of its own.
        "The Kremlin said on Tuesday that it saw no basis\nfor new talks on grain shipments.",
        "Just one line, no title",
        "x" * 201 + "\n\nBody.",
    ],
)
def test_txt_without_title(content):
    article = parse_txt(content)
    assert article.title is None
    assert article.text == content


def test_markdown_heading_is_title(tmp_path):
    article = read_one(write(tmp_path / "note.md", "# Council votes\nThe council voted 5-2."))
    assert article.title == "Council votes"
    assert article.text == "# Council votes\nThe council voted 5-2."


def test_txt_line_endings_and_bom(tmp_path):
    content = (
        codecs.BOM_UTF8 + b"Title: Windows\r\n\r\nFirst line.\r\nSecond line.\rThird.\r\n"
    )
    article = read_one(write(tmp_path / "crlf.txt", content))
    assert article.title == "Windows"
    assert article.text == "First line.\nSecond line.\nThird."


def test_txt_inner_whitespace_is_kept(tmp_path):
    body = "He said:  “Two  spaces.”\n\n\n   Indented paragraph.\t"
    article = read_one(write(tmp_path / "spaces.txt", "\n\n  " + body + "  \n\n"))
    # Downstream offsets index into this text, so only the outer edges are trimmed.
    assert article.text == body.strip()
    start = article.text.index("Two")
    assert article.text[start : start + 12] == "Two  spaces."


def test_other_extension_given_explicitly_is_text(tmp_path):
    article = read_one(write(tmp_path / "story.article", "Title: Odd name\n\nStill read."))
    assert (article.title, article.text) == ("Odd name", "Still read.")


# -- encodings and bad files -------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    bom = {"utf-16": b"", "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[codec]
    content = bom + "Title: Grüße\r\n\r\n«Bonjour», dit-il.".encode(codec)
    article = read_one(write(tmp_path / "wide.txt", content))
    assert (article.title, article.text) == ("Grüße", "«Bonjour», dit-il.")


def test_invalid_utf8(tmp_path):
    path = write(tmp_path / "latin1.txt", "Café au lait".encode("cp1252"))
    error = read_one(path)
    assert isinstance(error, ArticleError)
    assert str(error) == f"{path}: not UTF-8 text (invalid byte 0xe9 at offset 3)"


def test_binary_file(tmp_path):
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert str(read_one(path)) == f"{path}: binary file"


def test_utf16_without_bom_is_binary_with_hint(tmp_path):
    path = write(tmp_path / "nobom.txt", "Hello there, reader.".encode("utf-16-le"))
    error = read_one(path)
    assert error.problem == "binary file (or UTF-16 text without a byte-order mark)"


def test_missing_file(tmp_path):
    path = tmp_path / "missing.txt"
    error = read_one(path)
    assert isinstance(error, ArticleError)
    assert str(error) == f"{path}: no such file"


@pytest.mark.parametrize(
    "name,content,problem",
    [
        ("empty.txt", "", "empty article"),
        ("blank.txt", " \n\t\n", "empty article"),
        ("header-only.txt", "Title: Nothing here\n\n", "empty article (header only)"),
        ("nav-only.html", "<nav><p>Home</p></nav>", "empty article (no paragraphs found)"),
    ],
)
def test_empty_article(tmp_path, name, content, problem):
    path = write(tmp_path / name, content)
    error = read_one(path)
    assert isinstance(error, ArticleError)
    assert str(error) == f"{path}: {problem}"


@pytest.mark.parametrize(
    "size,limit,message",
    [
        (60_200_000, 20_000_000, "file too large (60.2 MB > 20 MB limit)"),
        (2_500, 1_000, "file too large (2.5 kB > 1 kB limit)"),
        (1_001, 1_000, "file too large (1,001 bytes > 1,000 bytes limit)"),
    ],
)
def test_file_too_large(tmp_path, size, limit, message):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        # Sparse where the filesystem allows: only the size matters.
        handle.truncate(size)
    error = read_one(path, max_bytes=limit)
    assert str(error) == f"{path}: {message}"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_refused_not_read(tmp_path):
    # Opening a named pipe would block forever waiting for a writer.
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert str(read_one(path)) == f"{path}: not a regular file"


def test_file_at_limit_is_read(tmp_path):
    path = write(tmp_path / "exact.txt", "a" * 1000)
    assert read_one(path, max_bytes=1000).text == "a" * 1000


def test_empty_path_is_not_the_current_folder():
    assert str(read_one("")) == "'': no such file"


def test_errors_do_not_stop_the_run(tmp_path):
    good = write(tmp_path / "good.txt", "Fine.")
    results = list(read_articles([tmp_path / "missing.txt", good]))
    assert [type(result) for result in results] == [ArticleError, Article]


def test_article_error_fields_and_pickle():
    error = ArticleError("feed.jsonl", 'no "text" field', line=3)
    assert (error.path, error.line, error.problem) == ("feed.jsonl", 3, 'no "text" field')
    assert str(pickle.loads(pickle.dumps(error))) == 'feed.jsonl:3: no "text" field'


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("2024-05-01", "2024-05-01"),
        ("2024-05-01T10:00:00Z", "2024-05-01T10:00:00+00:00"),
        ("2024-05-01T23:30:00-05:00", "2024-05-01T23:30:00-05:00"),
        ("2024-05-01 10:00", "2024-05-01T10:00:00"),
        ("2024/5/1", "2024-05-01"),
        ("May 1, 2024", "2024-05-01"),
        ("May 1 2024", "2024-05-01"),
        ("Sept. 3, 2024", "2024-09-03"),
        ("September 3rd, 2024", "2024-09-03"),
        ("Wednesday, May 1, 2024, 10:00 a.m. EDT", "2024-05-01"),
        ("1 May 2024", "2024-05-01"),
        ("01 may 2024", "2024-05-01"),
        ("1st of May, 2024", "2024-05-01"),
        ("Wed, 01 May 2024 10:00:00 GMT", "2024-05-01T10:00:00+00:00"),
        ("  May 1, 2024  ", "2024-05-01"),
        # No date: ambiguous, impossible or not a date (the raw value goes to date_raw).
        ("05/01/2024", None),
        ("2024-02-30", None),
        ("Mayday 1, 2024", None),
        ("last Tuesday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_date(raw, expected):
    assert normalize_date(raw) == expected


# -- HTML --------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>Lumora recalls heaters | Signal Tech</title>
<meta property="og:title" content="Lumora recalls 1.3 million heaters">
<meta property="og:site_name" content="Signal Tech News">
<meta property="og:url" content="https://signal.example/recall?utm=x">
<link rel="canonical" href="https://signal.example/recall">
<meta property="article:published_time" content="2024-06-02T09:30:00Z">
<style>p { color: red }</style>
<script>var html = "<p>not text</p>";</script>
</head><body>
<header><nav><ul><li>Home</li><li>Gadgets</li></ul></nav></header>
<main>
<p>Outside the article.</p>
<article>
<header><h1>Lumora recalls heaters</h1><p class="byline">By Jess</p></header>
<figure><img src="x.jpg"><figcaption>&ldquo;We were shocked,&rdquo; an owner said.</figcaption></figure>
<p>The company said in a statement that it had &ldquo;stopped all sales&rdquo;
   effective immediately &amp; would refund owners.</p>
<h2>What owners should do</h2>
<ul><li>Unplug it.<li>Check the model.</ul>
<blockquote><p>&ldquo;It clicked,&rdquo; she said.</p><p>&ldquo;Then it smoked.&rdquo;</p></blockquote>
<p>Line one<br>line two</p>
<aside><p>Related: other recalls</p></aside>
<form><p>Sign up for our newsletter</p></form>
</article>
</main>
<footer><p>&copy; 2024 Signal Tech</p></footer>
</body></html>"""


def test_html_article(tmp_path):
    path = write(tmp_path / "recall.html", PAGE)
    article = read_one(path)
    assert article.text == (
        "The company said in a statement that it had “stopped all sales” "
        "effective immediately & would refund owners.\n\n"
        "What owners should do\n\n"
        "Unplug it.\n\n"
        "Check the model.\n\n"
        "“It clicked,” she said.\n\n"
        "“Then it smoked.”\n\n"
        "Line one\nline two"
        # trafilatura also keeps this line of <main> outside <article>.
        "\n\nOutside the article."
    )
    assert article.title == "Lumora recalls 1.3 million heaters"
    assert article.url == "https://signal.example/recall"
    assert article.publisher == "Signal Tech News"
    assert article.date == "2024-06-02T09:30:00+00:00"
    assert article.path == str(path)


def test_html_falls_back_to_main_then_body():
    # The simple reader, used where trafilatura finds no text.
    main = parse_simple_html("<body><p>Menu</p><main><h1>Head</h1><p>Main text.</p></main></body>")
    assert main.text == "Head\n\nMain text."
    body = parse_simple_html(
        "<body><p>First.</p><div><p>Second.</p></div><footer><p>Foot</p></footer></body>"
    )
    assert body.text == "First.\n\nSecond."


def test_html_loose_text_when_no_paragraphs():
    article = parse_simple_html("<body><div>First block.</div><div>Second<br>block.</div></body>")
    assert article.text == "First block.\n\nSecond\nblock."


@pytest.mark.parametrize(
    "head,field,expected",
    [
        ("<title> Plain  title </title>", "title", "Plain title"),
        ("<body><article><h1>Only &amp; heading</h1><p>x</p></article>", "title", "Only & heading"),
        ('<meta property="og:url" content="https://og.example/a">', "url", "https://og.example/a"),
        ('<meta name="publisher" content="Meta Publisher">', "publisher", "Meta Publisher"),
        ('<meta name="date" content="1 May 2024">', "date", "2024-05-01"),
        (
            '<body><article><time datetime="2024-05-02T08:00:00+03:00">Thu</time><p>x</p></article>',
            "date",
            "2024-05-02T08:00:00+03:00",
        ),
        (
            (
                '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
                '"datePublished": "2024-05-03", "publisher": {"name": "LD Outlet"}}]}</script>'
            ),
            "publisher",
            "LD Outlet",
        ),
    ],
)
def test_html_metadata_fallbacks(head, field, expected):
    article = parse_html(head + "<p>Text.</p>")
    assert getattr(article, field) == expected


def test_html_unclosed_head_does_not_swallow_body():
    assert parse_html("<head><title>T</title><body><p>Body text.</p>").text == "Body text."


def test_html_declared_charset_is_honoured(tmp_path):
    page = '<meta charset="windows-1252"><p>“Café”</p>'.encode("cp1252")
    assert read_one(write(tmp_path / "old.htm", page)).text == "“Café”"


def test_html_undeclared_non_utf8_is_refused(tmp_path):
    error = read_one(write(tmp_path / "old.html", "<p>Café</p>".encode("cp1252")))
    assert error.problem == "not UTF-8 text (invalid byte 0xe9 at offset 6)"


# -- JSON and JSON Lines ------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps(
            {
                "id": 1,
                "text": "  First article.  ",
                "title": "One",
                "outlet": "Wire",
                "date": "May 1, 2024",
            }
        ),
        "",
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps(
            {"text": "Second\r\narticle.", "publisher": "Paper", "url": "https://p.example/2"}
        ),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    results = list(read_articles([path]))
    articles = [result for result in results if isinstance(result, Article)]
    errors = [str(result) for result in results if isinstance(result, ArticleError)]
    assert articles == [
        Article(
            text="First article.", title="One", publisher="Wire", date="2024-05-01", path=str(path), line=1
        ),
        Article(
            text="Second\narticle.", publisher="Paper", url="https://p.example/2", path=str(path), line=8
        ),
    ]
    assert errors == [
        f"{path}:3: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        f'{path}:4: no "text" field',
        f"{path}:5: expected a JSON object, got array",
        f'{path}:6: "text" field is a number, not a string',
        f"{path}:7: empty article",
    ]
    # Errors come in file order, interleaved with the articles.
    assert isinstance(results[0], Article) and isinstance(results[-1], Article)


def test_jsonl_invalid_utf8_line(tmp_path):
    path = write(tmp_path / "feed.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    results = list(read_articles([path]))
    assert results[0].text == "ok"
    assert str(results[1]) == f"{path}:2: not UTF-8 text (invalid byte 0xe9 at column 14)"


def test_jsonl_limit_applies_per_line(tmp_path):
    small = json.dumps({"text": "Short."})
    big = json.dumps({"text": "x" * 500})
    path = write(tmp_path / "feed.jsonl", f"{small}\n{big}\n{small}\n")
    results = list(read_articles([path], max_bytes=100))
    assert [getattr(result, "text", None) for result in results] == ["Short.", None, "Short."]
    assert str(results[1]) == f"{path}:2: line too large (> 100 bytes limit)"


def test_jsonl_utf16_with_bom(tmp_path):
    path = write(tmp_path / "wide.jsonl", '{"text": "Grüße"}\r\n'.encode("utf-16"))
    assert read_one(path).text == "Grüße"


@pytest.mark.parametrize(
    "content,problem",
    [
        (b"", "empty file"),
        (b"\n\n", "empty file"),
        (b"\x00\x01\x02binary", "binary file"),
    ],
)
def test_jsonl_whole_file_problems(tmp_path, content, problem):
    assert read_one(write(tmp_path / "feed.jsonl", content)).problem == problem


def test_json_list_and_object(tmp_path):
    listing = write(
        tmp_path / "list.json",
        json.dumps(
            [
                {"text": "One."},
                {"title": "missing"},
                {"text": "Two.", "date": "2024-05-01T10:00:00Z"},
            ]
        ),
    )
    results = list(read_articles([listing]))
    assert [getattr(result, "text", None) for result in results] == ["One.", None, "Two."]
    assert str(results[1]) == f'{listing}: item 2: no "text" field'
    assert results[2].date == "2024-05-01T10:00:00+00:00"
    single = write(tmp_path / "one.json", json.dumps({"text": "Solo.", "title": "Solo"}))
    assert read_one(single).title == "Solo"


@pytest.mark.parametrize(
    "content,problem",
    [
        (
            '{"text": "unterminated',
            "invalid JSON (Unterminated string starting at line 1 column 10)",
        ),
        ('"just a string"', "expected a JSON object or a list of them, got string"),
        ("[]", "no articles (empty list)"),
        ('{"title": "x"}', 'no "text" field'),
    ],
)
def test_json_problems(tmp_path, content, problem):
    assert read_one(write(tmp_path / "bad.json", content)).problem == problem


def test_json_file_holding_json_lines(tmp_path):
    path = write(tmp_path / "lines.json", '{"text": "A."}\n{"text": "B."}\n')
    assert [article.text for article in read_articles([path])] == ["A.", "B."]


# -- folders -------------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    for name in [
        "b.txt",
        "a.md",
        "sub/c.html",
        "sub/deeper/d.text",
        "sub.txt",
        "Z.htm",
        "notes.pdf",
        "script.py",
        ".hidden.txt",
        ".git/e.txt",
        "README.md",
    ]:
        content = "<p>From c.</p>" if name.endswith("html") else f"From {name}."
        write(root / name, content)
    write(root / "feed.jsonl", '{"text": "From feed 1."}\n{"text": "From feed 2."}\n')
    return root


def test_folder_walk_order_and_filtering(folder):
    results = list(read_articles([folder]))
    assert all(isinstance(result, Article) for result in results), results
    assert [Path(result.path).relative_to(folder).as_posix() for result in results] == [
        "Z.htm",
        "a.md",
        "b.txt",
        "feed.jsonl",
        "feed.jsonl",
        "sub/c.html",
        "sub/deeper/d.text",
        "sub.txt",
    ]
    assert [result.text for result in results][3:6] == ["From feed 1.", "From feed 2.", "From c."]


def test_explicit_file_is_read_whatever_its_extension(folder):
    assert read_one(folder / "script.py").text == "From script.py."


def test_same_file_twice_is_read_once(folder):
    results = list(read_articles([folder / "b.txt", folder, str(folder / "b.txt")]))
    assert [Path(result.path).name for result in results].count("b.txt") == 1


def test_single_path_not_in_a_list(folder):
    # A bare string must not be iterated character by character.
    assert read_one(str(folder / "b.txt")).text == "From b.txt."


# -- the bundled samples -----------------------------------------------------------------


def test_samples_read_without_error():
    files = sorted(path for path in SAMPLES.iterdir() if path.name != "README.md")
    assert files
    articles = []
    for path in files:
        results = list(read_articles([path]))
        assert results, path
        errors = [str(result) for result in results if isinstance(result, ArticleError)]
        assert not errors
        articles.extend(results)
    assert len(articles) >= 6
    for article in articles:
        assert article.title and article.url and article.publisher
        assert article.date.startswith("2024-") and article.date_raw is None, article.date
        assert 250 <= len(article.text.split()) <= 500, (article.title, len(article.text.split()))
    # The folder walk finds the same articles, and skips the README.
    assert [article.text for article in read_articles([SAMPLES])] == [
        article.text for article in articles
    ]


def test_sample_html_drops_page_furniture():
    article = read_one(SAMPLES / "lumora-heater-recall.html")
    assert article.text.startswith("SAN JOSE, Calif. — Lumora Inc. is recalling")
    for furniture in [
        "We were shocked",
        "Gadgets",
        "Related",
        "newsletter",
        "All rights reserved",
        "daily briefing",
    ]:
        assert furniture not in article.text
    assert "“serious but survivable”" in article.text


def test_sample_two_paragraph_quote_survives():
    article = read_one(SAMPLES / "kremlin-grain-talks.txt")
    assert "a waste of time.\n\n“We are not the side that walked away." in article.text
