"""Ingest throughput benchmark: the same as `quotetrack bench speed`.

    python benchmarks/ingest.py --articles 1000 --engine rules
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quotetrack.bench.speed import SAMPLES_DIR, BenchmarkError, run_speed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="how many synthetic articles (default 1000)")
    parser.add_argument("--engine", default="rules", choices=["auto", "rules", "stanza"])
    parser.add_argument("--samples", type=Path, default=SAMPLES_DIR, help="folder of sample articles to recombine")
    parser.add_argument("--workers", type=int, default=1, help="worker processes reading and extracting (default 1)")
    args = parser.parse_args(argv)
    try:
        print(run_speed(args.articles, engine=args.engine, samples=args.samples, workers=args.workers).report())
    except (BenchmarkError, RuntimeError) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
