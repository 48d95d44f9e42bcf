"""The HTML reader on pages written for the project, one per layout that trips simple readers.

Each page in tests/fixtures/pages has its annotation in annotations.json (phrases of the body,
phrases of page furniture, date, publisher, article URL); benchmarks/reading.py measures the same.
"""

import json
from pathlib import Path

import pytest

from quotetrack.read import read_articles
from quotetrack.read.html import parse_html
from quotetrack.read.simple_html import parse_simple_html

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
ANNOTATIONS = {name: note for name, note in json.loads((PAGES / "annotations.json").read_text()).items() if not name.startswith("_")}


def normal(text):
    return " ".join(text.replace("“", '"').replace("”", '"').replace("’", "'").split())


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_page_body_kept_and_furniture_dropped(name):
    note = ANNOTATIONS[name]
    (article,) = read_articles([PAGES / name])
    text = normal(article.text)
    assert [phrase for phrase in note["body"] if normal(phrase) not in text] == []
    assert [phrase for phrase in note["boilerplate"] if normal(phrase) in text] == []
    assert (article.date or "")[:10] == (note["date"] or "")
    assert article.date_raw == note.get("date_raw")
    assert article.publisher == note["publisher"]
    if note["url"]:
        assert article.url == note["url"]


def test_the_simple_reader_alone_loses_what_the_new_one_keeps():
    """The layouts are real traps: the html.parser reader (kept as the fallback) fails on them."""
    html = (PAGES / "wire-teasers-in-article.html").read_text()
    assert "Rail unions threaten walkout" in parse_simple_html(html).text
    assert "Dock workers at the port of Valdora" not in parse_simple_html(html).text


def test_headline_is_the_title_not_a_paragraph():
    article = parse_html((PAGES / "local-comments.html").read_text())
    assert article.title == "Library to stay open on Sundays after petition"
    assert not article.text.startswith(article.title)
    assert article.text.startswith("The Brookfield Public Library will keep")


def test_dates_keep_time_and_offset_when_the_page_gives_them():
    assert parse_html((PAGES / "local-comments.html").read_text()).date == "2024-03-08T17:45:00-05:00"
    assert parse_html((PAGES / "wire-teasers-in-article.html").read_text()).date == "2024-05-14T10:00:00+00:00"


def test_publisher_is_never_a_section():
    article = parse_html((PAGES / "broadcaster-languages.html").read_text())
    # The page's meta publisher says "U.S.", its section; the JSON-LD publisher is found through @id.
    assert article.publisher == "Globe Radio International"


def test_amp_page_is_its_canonical_article():
    html = (PAGES / "state-media-amp.html").read_text()
    amp = parse_html(html, url="https://nationalagency.example/amp/economy/20240514/grain-exports.html?utm_source=tg")
    assert amp.url == "https://nationalagency.example/economy/20240514/grain-exports.html"
    without_canonical = html.replace('<link rel="canonical"', '<link rel="alternate"')
    again = parse_html(without_canonical, url="https://nationalagency.example/amp/economy/20240514/grain-exports.html?utm_source=tg")
    assert again.url == amp.url and again.id == amp.id


def test_crawl_date_is_the_fallback():
    html = (PAGES / "newsletter-ambiguous-date.html").read_text().replace('<meta name="date" content="05/06/2024">', "")
    article = parse_html(html, url="https://bulletin.example/ferry", fallback_date="2024-05-30T08:00:00Z")
    assert (article.date, article.date_raw) == ("2024-05-30T08:00:00+00:00", None)


def test_page_without_article_text_falls_back_to_the_simple_reader():
    article = parse_html("<html><body><p>Short note.</p></body></html>")
    assert article.text == "Short note."


def test_a_section_in_og_site_name_loses_to_the_json_ld_publisher():
    # Some sites fill og:site_name with the section; the article's JSON-LD names the publisher.
    html = """<html><head><meta property="og:site_name" content="U.S."><script type="application/ld+json">
    {"@type": "NewsArticle", "datePublished": "2024-01-19T12:25:36Z", "publisher": {"@type": "Organization", "name": "Meridian Wire"}}
    </script></head><body><article><p>Lawmakers in the state senate approved the budget on Friday after a night of talks.</p>
    <p>“It is a fair deal,” the majority leader said, adding that schools would get more money next year.</p></article></body></html>"""
    assert parse_html(html).publisher == "Meridian Wire"


def test_a_date_in_the_title_beats_the_dates_of_related_stories():
    teasers = "".join(
        f'<div class="teaser"><h2><a href="/a{day}">Older story number {day} about the harbour</a> <span class="date">0{day}.08.2019</span></h2></div>'
        for day in range(1, 4)
    )
    html = f"""<html><head><title>Harbour fees rise again | Globe Radio | 10.06.2013</title></head><body>
    <div class="story"><h1>Harbour fees rise again</h1>
    <p>The port authority raised mooring fees for the second time this year, citing the cost of dredging the channel.</p>
    <p>“We had no other choice,” the harbour master said on Monday, adding that small boats would pay less.</p>
    <p>Fishermen said the rise would hurt crews that are already struggling with lower catches this season.</p></div>
    <h4>Related content</h4>{teasers}</body></html>"""
    assert parse_html(html).date == "2013-06-10"


def test_a_copyright_year_is_no_publication_date():
    """A page that never says when it was published gets no date, not January 1st of its footer's year."""
    html = """<html><head><title>Five ways to cut the grocery bill</title></head><body>
    <div class="article"><h1>Five ways to cut the grocery bill</h1>
    <p>Plan the week's meals before you shop, and write the list around what is already in the cupboard.</p>
    <p>“Most waste starts at the shelf, not the bin,” said a dietitian who advises a food bank in the city.</p>
    <p>Buy store brands for staples such as rice, flour and tinned tomatoes; the savings add up over a month.</p></div>
    <footer><p>© 2011 Northwind Lifestyle Media. All rights reserved.</p></footer></body></html>"""
    assert parse_html(html).date is None
