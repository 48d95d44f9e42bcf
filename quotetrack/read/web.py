"""Fetching web pages politely: a user agent that says who we are, timeouts, retries with backoff,
a delay between requests to one host, and robots.txt respected.

A page that cannot be fetched is an :class:`~quotetrack.errors.ArticleError` naming the URL, so a
batch run reports it in one line and carries on.

>>> policy = FetchPolicy(delay=0.5)
>>> policy.user_agent.startswith("quotetrack/"), policy.timeout, policy.retries
(True, 20.0, 2)
"""

from __future__ import annotations

import email.message
import gzip
import http.client
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import ArticleError
from .decode import decode_html, too_large
from .urls import is_web_url

__all__ = ["FetchPolicy", "Fetcher", "Page"]

# Worth another try: the server is busy or briefly broken, not refusing us.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RETRY_AFTER = 60.0
MAX_CRAWL_DELAY = 60.0


@dataclass(frozen=True)
class FetchPolicy:
    """How to fetch: who we say we are, how long to wait, how often to retry, how gently to treat a host."""

    user_agent: str = field(default_factory=lambda: f"quotetrack/{_version()} (news quote tracker; respects robots.txt)")
    timeout: float = 20.0  # seconds for each connection and read
    retries: int = 2  # further tries after a timeout, connection error or 429/5xx
    backoff: float = 2.0  # seconds before the first retry, doubled each time
    delay: float = 1.0  # seconds between two requests to one host (robots.txt Crawl-delay may ask for more)
    max_bytes: int = 5_000_000


@dataclass
class Page:
    """A fetched response: the URL it ended at (after redirects), its body and content type."""

    url: str
    data: bytes
    content_type: str = ""
    charset: str | None = None

    def text(self) -> str:
        """The body as text: the charset the server declared, else what the page declares, else UTF-8."""
        if self.charset:
            try:
                return self.data.decode(self.charset).replace("\r\n", "\n")
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong header: the page's own declaration may be right
        return decode_html(self.data, Path(self.url))


@dataclass
class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`; one per run, so its per-host clock and robots.txt cache hold."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | str] = field(default_factory=dict)
    requests: int = 0

    def html(self, url: str) -> Page:
        """An HTML page, or an ``ArticleError`` saying why not."""
        page = self.get(url)
        if page.content_type and page.content_type not in HTML_TYPES:
            raise ArticleError(url, f"not an HTML page ({page.content_type})")
        return page

    def get(self, url: str) -> Page:
        """The response at ``url`` after robots.txt allows it; retried when the failure may pass."""
        if not is_web_url(url):
            raise ArticleError(url, "not a web address (http:// or https://)")
        self._check_robots(url)
        return self._fetch(url)

    def _fetch(self, url: str, *, retries: int | None = None) -> Page:
        retries = self.policy.retries if retries is None else retries
        wait = self.policy.backoff
        for attempt in range(retries + 1):
            self._throttle(url)
            try:
                return self._request(url)
            except _Retry as problem:
                if attempt == retries:
                    raise ArticleError(url, f"{problem.message} (after {plural_tries(attempt + 1)})") from None
                self.sleep(min(problem.retry_after, MAX_RETRY_AFTER) if problem.retry_after is not None else wait)
                wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _request(self, url: str) -> Page:
        request = urllib.request.Request(url, headers={"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip"})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=self.policy.timeout) as response:
                headers = response.headers
                length = headers.get("Content-Length")
                if length and length.isdigit() and int(length) > self.policy.max_bytes:
                    raise ArticleError(url, too_large(int(length), self.policy.max_bytes, "page"))
                data = response.read(self.policy.max_bytes + 1)
                final_url = response.geturl()
        except urllib.error.HTTPError as error:
            error.close()
            if error.code in RETRY_STATUSES:
                raise _Retry(f"HTTP {error.code} {error.reason}", _retry_after(error.headers)) from None
            raise ArticleError(url, f"HTTP {error.code} {error.reason}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError, http.client.HTTPException) as error:
            raise _Retry(_network_problem(error)) from None
        if len(data) > self.policy.max_bytes:
            raise ArticleError(url, too_large(None, self.policy.max_bytes, "page"))
        if headers.get("Content-Encoding", "").lower() == "gzip":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError):
                raise ArticleError(url, "broken gzip body") from None
        message = email.message.Message()
        message["Content-Type"] = headers.get("Content-Type", "")
        return Page(final_url, data, message.get_content_type() if headers.get("Content-Type") else "", message.get_param("charset") or None)  # type: ignore[arg-type]

    def _throttle(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        delay = self.policy.delay
        robots = self._robots.get(host)
        if isinstance(robots, urllib.robotparser.RobotFileParser):
            crawl_delay = robots.crawl_delay(self.policy.user_agent)
            if crawl_delay:
                delay = max(delay, min(float(crawl_delay), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            remaining = delay - (self.clock() - last)
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = self.clock()

    def _check_robots(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc.lower()
        if host not in self._robots:
            self._robots[host] = self._read_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
        robots = self._robots[host]
        if isinstance(robots, str):
            raise ArticleError(url, robots)
        if not robots.can_fetch(self.policy.user_agent, url):
            raise ArticleError(url, "robots.txt disallows fetching it")

    def _read_robots(self, robots_url: str) -> urllib.robotparser.RobotFileParser | str:
        """The host's rules, or why nothing may be fetched from it (RFC 9309: unreachable rules forbid all)."""
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            page = self._fetch(robots_url, retries=1)
        except ArticleError as error:
            problem = error.problem
            status = problem.split()[1] if problem.startswith("HTTP ") else ""
            if status.isdigit() and 400 <= int(status) < 500 and int(status) not in (401, 403):
                parser.parse([])  # no robots.txt: everything may be fetched
                return parser
            if status in ("401", "403"):
                return "robots.txt is forbidden to us, so the site is not fetched"
            if not status:
                return problem  # the host itself cannot be reached: say that
            return f"robots.txt unreachable ({problem}), so the site is not fetched"
        parser.parse(page.data.decode("utf-8", errors="replace").splitlines())
        return parser


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quotetrack")
    except PackageNotFoundError:
        return "dev"


class _Retry(Exception):
    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


def _retry_after(headers: email.message.Message) -> float | None:
    value = (headers.get("Retry-After") or "").strip()
    return float(value) if value.isdigit() else None


def _network_problem(error: BaseException) -> str:
    reason = getattr(error, "reason", error)
    if isinstance(reason, TimeoutError):
        return "timed out"
    if isinstance(reason, socket.gaierror):
        return "host not found"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    text = str(reason).strip() or type(reason).__name__
    return text.splitlines()[0]


def plural_tries(count: int) -> str:
    """``1 try``, ``3 tries``.

    >>> plural_tries(1), plural_tries(3)
    ('1 try', '3 tries')
    """
    return f"{count} {'try' if count == 1 else 'tries'}"

