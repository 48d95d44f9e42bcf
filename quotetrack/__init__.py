"""quotetrack: who said this, when, where, and through which outlet."""

__version__ = "0.1.0"
