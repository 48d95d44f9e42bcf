"""Measurements: extraction quality against gold attributions, and ingest speed."""

from ..errors import QuotetrackError


class BenchmarkError(QuotetrackError):
    """The benchmark cannot run, as a one-line message."""
