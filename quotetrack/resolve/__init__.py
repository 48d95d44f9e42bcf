"""Who and through whom: speaker names and outlets, within an article and across articles."""
