"""Measurements: extraction quality against gold attributions, and ingest speed."""
