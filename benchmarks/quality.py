"""Extraction quality on the PolNeAR dev set: ``python benchmarks/quality.py [PATH] [--engine rules] [--json]``.

The dev set lives outside the repository (research use only); see quotetrack/quality.py
for the metric definitions.
"""

from __future__ import annotations

import sys
from pathlib import Path

from quotetrack.bench.quality import main

DEVSET = Path(__file__).resolve().parent.parent / ".." / "shared" / "devset" / "polnear-dev.jsonl"

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], default_path=DEVSET.resolve(), prog="benchmarks/quality.py"))
