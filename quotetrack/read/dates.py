"""Article dates, as ISO ``YYYY-MM-DD`` when they can be read without guessing."""

from __future__ import annotations

import re
from datetime import date as Date

__all__ = ["normalize_date"]

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
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_ISO_DATE = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?=$|[T\s,])")
_MONTH_DAY_YEAR = re.compile(
    _WEEKDAY + r"([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE
)
_DAY_MONTH_YEAR = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})\b", re.IGNORECASE
)


def normalize_date(raw: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date when ``raw`` is recognisably one, else ``raw`` stripped.

    The date is taken as written, so ``2024-05-01T23:30:00-05:00`` is 1 May, not
    its UTC day. All-numeric dates such as ``05/01/2024`` are ambiguous and kept raw.

    >>> normalize_date("May 1, 2024"), normalize_date("2024-05-01T10:00:00Z")
    ('2024-05-01', '2024-05-01')
    >>> normalize_date("last Tuesday")
    'last Tuesday'
    """
    if raw is None:
        return None
    raw = raw.strip()
    if not raw:
        return None
    year = month = day = None
    if match := _ISO_DATE.match(raw):
        year, month, day = (int(part) for part in match.groups())
    elif match := _MONTH_DAY_YEAR.match(raw):
        month = _MONTHS.get(match.group(1).lower())
        day, year = int(match.group(2)), int(match.group(3))
    elif match := _DAY_MONTH_YEAR.match(raw):
        month = _MONTHS.get(match.group(2).lower())
        day, year = int(match.group(1)), int(match.group(3))
    if year is None or month is None or day is None:
        return raw
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return raw
