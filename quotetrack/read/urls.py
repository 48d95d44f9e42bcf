"""Article identity from URLs: the same story reached through tracking links or AMP is one URL.

>>> clean_url("HTTPS://News.Example:443/a/story.html?utm_source=x&id=7&fbclid=abc#comments")
'https://news.example/a/story.html?id=7'
>>> clean_url("https://news.example/a/story/amp/?amp=1")
'https://news.example/a/story'
>>> article_url("https://news.example/x?utm_medium=feed", canonical="/world/x-story")
'https://news.example/world/x-story'
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

__all__ = ["TRACKING_PARAMETERS", "article_url", "clean_url", "is_web_url"]

# Query parameters that say how a reader arrived, not which page they read.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "cmpid", "ocid", "smid", "smtyp", "ito",
        "ref_src", "ref_url", "sr_share", "s_cid", "guccounter", "guce_referrer", "guce_referrer_sig", "outputtype", "amp",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "at_", "__twitter")
_AMP_SUFFIX = re.compile(r"(?:/amp/?|\.amp(?=\.html?$)|\.amp$)$|(?<=/)amp/?$", re.IGNORECASE)


def is_web_url(value: str) -> bool:
    """Whether ``value`` is an http(s) URL with a host.

    >>> is_web_url("https://news.example/a"), is_web_url("news/a.html"), is_web_url("ftp://x.example/")
    (True, False, False)
    """
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def clean_url(url: str) -> str:
    """``url`` without tracking parameters, fragment, default port or AMP markers, scheme and host in lower case."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    query = [
        (key, value)
        for key, value in parse_qsl(parts.query, keep_blank_values=True)
        if key.lower() not in TRACKING_PARAMETERS and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    path = _AMP_SUFFIX.sub(lambda match: ".html" if match.group(0).lower().startswith(".amp.") else "", parts.path) or "/"
    path = re.sub(r"^/amp(?=/)", "", path, flags=re.IGNORECASE)
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


def article_url(page_url: str | None, canonical: str | None = None, og_url: str | None = None) -> str | None:
    """The URL that identifies the article on ``page_url``: its canonical URL when it names one, cleaned.

    A canonical link to the site's front page (a common template slip) is ignored for an article page.

    >>> article_url("https://news.example/2024/05/story?utm_source=rss", canonical="https://news.example/")
    'https://news.example/2024/05/story'
    >>> article_url("https://news.example/story.amp.html", og_url="https://news.example/story.html")
    'https://news.example/story.html'
    """
    for candidate in (canonical, og_url):
        if not candidate or not candidate.strip():
            continue
        absolute = urljoin(page_url or "", candidate.strip())
        if not is_web_url(absolute):
            continue
        if page_url and urlsplit(absolute).path in ("", "/") and urlsplit(page_url).path not in ("", "/"):
            continue
        return clean_url(absolute)
    return clean_url(page_url) if page_url and is_web_url(page_url) else page_url
