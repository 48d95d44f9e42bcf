"""Readers: files and folders of text, HTML and JSON (Lines) into :class:`~quotetrack.records.Article`."""

from ..errors import ArticleError
from .files import FOLDER_SUFFIXES, MAX_BYTES, normalize_date, parse_html, parse_txt, read_articles

__all__ = ["FOLDER_SUFFIXES", "MAX_BYTES", "ArticleError", "normalize_date", "parse_html", "parse_txt", "read_articles"]
