"""Article dates as ISO 8601: ``YYYY-MM-DD``, with the time and UTC offset when the source gives them.

A date is read only when it can be read without guessing: an all-numeric date whose day and
month could be swapped (``05/06/2024``), an impossible one (month 00) or free text is no date.
:func:`read_date` then hands back the raw value, which the store keeps in ``articles.date_raw``
so that nothing is lost and nothing unreadable is ever sorted as if it were a date.

>>> read_date("May 14, 2024"), read_date("19.01.2020"), read_date("2024-05-14T10:00:00Z")
(('2024-05-14', None), ('2020-01-19', None), ('2024-05-14T10:00:00+00:00', None))
>>> read_date("05/06/2024"), read_date(1715680800)
((None, '05/06/2024'), ('2024-05-14T10:00:00+00:00', None))
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone
from datetime import date as Date

__all__ = ["date_in_text", "normalize_date", "possible_days", "read_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Years outside this range are typos or placeholders (0000-00-00, 1970 epoch zero is inside it on purpose).
_YEARS = range(1900, 2101)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO = re.compile(
    r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
    r"(?=$|[\s,;|])",
    re.IGNORECASE,
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_EPOCH = re.compile(r"(\d{9,10}|\d{12,13})(?:\.\d+)?")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_NUMERIC = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{4})\b")
_RFC_2822 = re.compile(r"[a-z]{3},?\s+\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(_WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(_WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b", re.IGNORECASE)


def read_date(raw: str | float | None) -> tuple[str | None, str | None]:
    """``(iso, None)`` when ``raw`` is a readable date, ``(None, raw)`` when it is not, ``(None, None)`` for nothing.

    Numbers are Unix epoch seconds (or milliseconds), in UTC.

    >>> read_date("Wed, 01 May 2024 10:00:00 GMT"), read_date("05/14/2024")
    (('2024-05-01T10:00:00+00:00', None), ('2024-05-14', None))
    >>> read_date("2024-00-10"), read_date("  "), read_date(None)
    ((None, '2024-00-10'), (None, None), (None, None))
    """
    if raw is None or isinstance(raw, bool):
        return None, None
    if isinstance(raw, (int, float)):
        iso = _from_epoch(float(raw))
        return (iso, None) if iso else (None, str(raw))
    text = " ".join(raw.split())
    if not text:
        return None, None
    iso = _parse(text)
    return (iso, None) if iso else (None, text)


def normalize_date(raw: str | float | None) -> str | None:
    """The ISO 8601 form of ``raw``, or None when it is no date that can be read without guessing.

    >>> normalize_date("1 May 2024"), normalize_date("2024-05-01T23:30:00-05:00"), normalize_date("last Tuesday")
    ('2024-05-01', '2024-05-01T23:30:00-05:00', None)
    """
    return read_date(raw)[0]


_IN_TEXT = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})\b"
)


def date_in_text(text: str) -> str | None:
    """The one readable date written in ``text`` (a page title, say), or None when there is none or several.

    >>> date_in_text("Uncork the mystery | DW | 10.06.2013"), date_in_text("Vote on May 2, 2024 and May 9, 2024")
    ('2013-06-10', None)
    """
    found = {day for match in _IN_TEXT.finditer(text) if (day := read_date(match.group(1))[0])}
    return found.pop() if len(found) == 1 else None


def possible_days(raw: str) -> set[str]:
    """The days an all-numeric date could mean when it cannot be read without guessing.

    >>> sorted(possible_days("05/06/2024")), possible_days("May 5, 2024")
    (['2024-05-06', '2024-06-05'], set())
    """
    match = _NUMERIC.match(" ".join(raw.split()))
    if not match or _numeric(int(match.group(1)), int(match.group(2)), int(match.group(3))):
        return set()
    first, second, year = (int(part) for part in match.groups())
    return {day for day in (_day(year, first, second), _day(year, second, first)) if day}


def _parse(text: str) -> str | None:
    if match := _EPOCH.fullmatch(text):
        return _from_epoch(float(text) / (1000 if len(match.group(1)) > 10 else 1))
    if match := _COMPACT.fullmatch(text):
        return _day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _ISO.match(text):
        return _iso(match)
    if _RFC_2822.match(text):
        try:
            return _stamp(email.utils.parsedate_to_datetime(text))
        except (TypeError, ValueError, IndexError):
            pass  # read below as a plain day, if it is one
    if match := _DOTTED.fullmatch(text) or _DOTTED.match(text):
        # Day.month.year is the one order written with dots (German, Russian, Turkish ... papers).
        return _day(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if match := _NUMERIC.match(text):
        return _numeric(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_DAY_YEAR.match(text):
        return _named(match.group(1), match.group(2), match.group(3))
    if match := _DAY_MONTH_YEAR.match(text):
        return _named(match.group(2), match.group(1), match.group(3))
    return None


def _iso(match: re.Match[str]) -> str | None:
    year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    if match.group(5) is None:
        return _day(year, month, day)
    if _day(year, month, day) is None:
        return None
    zone = (match.group(8) or "").upper()
    offset: timezone | None = None
    if zone in ("Z", "UTC", "GMT"):
        offset = UTC
    elif zone:
        sign = -1 if zone[0] == "-" else 1
        hours, minutes = int(zone[1:3]), int(zone[-2:])
        if hours > 14 or minutes > 59:
            return None
        offset = timezone(sign * timedelta(hours=hours, minutes=minutes))
    try:
        moment = datetime(year, month, day, int(match.group(5)), int(match.group(6)), int(match.group(7) or 0), tzinfo=offset)
    except ValueError:
        return None
    return _stamp(moment)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _from_epoch(seconds: float) -> str | None:
    try:
        moment = datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _stamp(moment) if moment.year in _YEARS else None


def _day(year: int, month: int, day: int) -> str | None:
    if year not in _YEARS:
        return None
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric(first: int, second: int, year: int) -> str | None:
    """``05/14/2024`` is 14 May and ``14/05/2024`` too; ``05/06/2024`` could be either, so it is no date."""
    if first > 12 >= second:
        return _day(year, second, first)
    if second > 12 >= first or first == second:
        return _day(year, first, second)
    return None


def _named(month_name: str, day: str, year: str) -> str | None:
    month = _MONTHS.get(month_name.lower())
    return _day(int(year), month, int(day)) if month else None
