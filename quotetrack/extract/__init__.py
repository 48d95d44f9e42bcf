"""The extractor: quote marks, speech frames, phrase boundaries, and quotes assembled from them."""

from ..records import EXTRACTOR_VERSION
from .assemble import Extractor

__all__ = ["EXTRACTOR_VERSION", "Extractor"]
