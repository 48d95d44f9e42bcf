"""The extractor: quote marks, speech frames, phrase boundaries, and quotes assembled from them.

``marks`` finds quote spans, ``sentences`` reads tokens off a stanza Document, ``phrases``
and ``clauses`` find speaker phrases and content boundaries, ``frames`` (word patterns) and
``dependency`` (a parse) find speech frames, ``assemble`` turns frames and spans into quotes,
and ``extractor`` runs it all per article.
"""

from ..records import EXTRACTOR_VERSION
from .extractor import Extractor

__all__ = ["EXTRACTOR_VERSION", "Extractor"]
