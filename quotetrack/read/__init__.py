"""Readers: files and folders of text, HTML and JSON (Lines) into :class:`~quotetrack.records.Article`."""

from ..errors import ArticleError
from .dates import normalize_date
from .files import FOLDER_SUFFIXES, MAX_BYTES, read_articles
from .html import parse_html
from .text import parse_txt

__all__ = ["FOLDER_SUFFIXES", "MAX_BYTES", "ArticleError", "normalize_date", "parse_html", "parse_txt", "read_articles"]
