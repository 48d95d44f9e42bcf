"""Extraction-quality benchmark: score an Extractor against gold attributions.

Gold data is JSON lines, one article per line, with ``id``, ``publisher``,
``date``, ``title``, ``text`` and ``attributions``: a list of
``{"source", "cue", "content"}``, each ``{"start", "end", "text", "parts"}``
(character offsets into ``text``; ``parts`` are the pieces of a discontinuous
span) or null. This is the PolNeAR layout.

Metric definitions
------------------

Tokens
    The ``\\w+`` matches of the article text, numbered in order. A span's token
    set is the numbers of the tokens whose character range overlaps any of its
    parts. A predicted quote is the single part ``[start, end)`` unless
    ``quote.extra["parts"]`` lists its pieces.

Overlap
    ``|P ∩ G| / max(|P|, |G|)`` of predicted and gold content token sets (0 when
    either is empty): symmetric, and it punishes over- and under-extension alike.

Matching
    One-to-one and greedy: all (gold, prediction) pairs of an article whose
    overlap reaches the threshold, taken by decreasing overlap (ties: earlier
    gold, then earlier prediction). Reported at thresholds 0.3 and 0.8. Gold
    attributions without content are not scored.

Precision, recall, F1
    P = matched predictions / predictions, R = matched gold / gold,
    F1 = 2PR / (P + R); each 0 when its denominator is 0.

Categories
    One matching over everything, then split. A gold attribution is *direct*
    when its content text contains a quote mark (one of ``“ ” „ " « »``),
    otherwise *reported*. A prediction is *direct* when its ``kind`` is
    "direct" or "mixed", otherwise *reported*. A category's recall is its
    matched gold over its gold (whatever category the partner prediction has);
    its precision is its matched predictions over its predictions (whatever
    category the partner gold has).

Speaker accuracy
    Over pairs matched at 0.3 whose gold source is not null. The gold source
    surface text is first *resolved* to a name:

    - a proper name is itself, cut to its core: the source up to its first
      comma, parenthesis or post-modifier (of, in, at, from, for, with, on, who,
      whose, which, that), so "Jane Roe, a senator," is "Jane Roe". A core is a
      proper name when its last word is capitalised and it is not a pronoun; a
      lone word opening a sentence ("Officials said") counts only if the
      article also capitalises it mid-sentence;
    - a source whose core is no name but that has one after a comma or dash
      ("one of the attorneys, Jane Roe,") resolves to that name;
    - a relative pronoun (who, which, that, whom, whose) resolves to the run of
      capitalised words just before it ("Smith, who said"), else as below;
    - another pronoun (he, she, they, I, we, it, this, ...) or a definite role noun
      phrase (the/this/his/... + lowercase head: "the spokesman", "the
      Republican nominee") resolves to the source of the nearest gold
      attribution, by source position before it in the text, whose source is a
      proper name. For he/she, names whose honorific gives the other gender
      (Mr. versus Mrs./Ms./Miss) are skipped, and so are names whose first
      name does (the first name of the fullest way the article's named sources
      write that surname, by the project's name lists: "He" is not "Clinton"
      when a source is "Hillary Clinton"); a name of unknown gender fits;
      singular pronouns (he, she, I, ...) skip coordinated names ("X and Y");
    - anything else ("officials", "a source") stays unresolved.

    A prediction is correct when any of these holds (names compare
    case-insensitively on alphabetic words, possessive 's dropped, "U.S." =
    "US"):

    - the predicted ``speaker_mention`` equals the gold surface text, unless
      that is a pronoun resolved to a name ("he" = "he" says nothing of who);
    - the surname (last word) of the resolved name is a word of the predicted
      ``speaker`` (so surnames agree, or "Reyes" is in "Ana Lopez-Reyes");
    - the source is unresolved, the predicted ``speaker`` is None and the
      predicted mention's head word equals the gold surface text's head word
      ("senior officials" for "officials"): the last word, plural "s"
      dropped, of the phrase's core, so that "a spokesman for the mayor" heads
      on "spokesman" (but "one of the advisers" on "adviser").

    "Named sources" restricts this to gold sources that are themselves proper
    names by the rule above.

Full names
    The surname rule above accepts "Peskov" where the article says "Dmitry Peskov". Over
    named sources that name a person (not an organisation), the fullest form of that name
    among the article's annotated named sources (titles dropped) is the target; the
    predicted ``speaker`` is correct when its surname agrees and, when the target has a given
    name, that given name is among its other words (``scoring.full_name_correct``).

Cue accuracy
    Over pairs matched at 0.3 with a gold cue: correct when the crude stems
    (lowercase; a few irregular verbs mapped to their base; "ing", "ed", "s"
    stripped) of the predicted cue's words share one with the gold cue's words,
    auxiliaries and prepositions ignored unless nothing else is left. Cues with
    no word characters (":") compare as stripped text.

Speed
    Wall time of ``extract`` over the articles. Load time (building the
    Extractor plus one warm-up call, so lazily loaded models are counted there)
    is reported separately.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from ..records import Article
from .gold import GoldArticle, load_gold
from .scoring import CATEGORIES, THRESHOLDS, Ratio, Scores, evaluate

__all__ = ["format_scores", "main", "report", "run"]


_WARM_UP = Article(text="“We will see,” the minister said on Monday.")


def run(gold: Sequence[GoldArticle], engine: str = "auto") -> Scores:
    """Extract with ``Extractor(engine)`` over the gold articles and score, timing both phases."""
    from .. import extract  # noqa: F401 - imported before the clock starts, as for bench speed
    from ..ingestion import make_extractor

    started = time.perf_counter()
    extractor = make_extractor(engine)
    extractor.extract(_WARM_UP)  # so lazily loaded models land in load time
    load_seconds = time.perf_counter() - started

    started = time.perf_counter()
    predictions = [extractor.extract(gold_article.article) for gold_article in gold]
    seconds = time.perf_counter() - started

    scores = evaluate(gold, predictions)
    scores.seconds, scores.load_seconds = seconds, load_seconds
    return scores


def format_scores(scores: Scores, title: str) -> str:
    """The printable table ``report`` returns."""

    def pct(value: float) -> str:
        return f"{100 * value:5.1f}"

    lines = [
        title,
        f"{'':16} {'overlap >= 0.3':^20}   {'overlap >= 0.8':^20}",
        f"{'':16} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6} {'F1':>6}   {'gold':>5} {'pred':>5}",
    ]
    for category in CATEGORIES:
        cells = []
        for threshold in THRESHOLDS:
            counts = scores.prf[category][threshold]
            cells.append(f"{pct(counts.precision):>6} {pct(counts.recall):>6} {pct(counts.f1):>6}")
        counts = scores.prf[category][THRESHOLDS[0]]
        lines.append(f"{category:16} {cells[0]}   {cells[1]}   {counts.gold:>5} {counts.predicted:>5}")

    def ratio(r: Ratio) -> str:
        return f"{pct(r.value).strip()}% ({r.correct}/{r.total})"

    lines.append(f"{'speaker accuracy':16} {ratio(scores.speaker)}   named sources {ratio(scores.speaker_named)}")
    lines.append(f"{'full names':16} {ratio(scores.speaker_full_name)}   (named sources: the article's fullest name, not just the surname)")
    lines.append(f"{'cue accuracy':16} {ratio(scores.cue)}")
    if scores.seconds is not None:
        seconds = max(scores.seconds, 1e-9)
        load = f"load {scores.load_seconds:.2f} s" if scores.load_seconds is not None else "load not measured"
        lines.append(
            f"{'speed':16} {scores.articles / seconds:.1f} articles/s, {scores.tokens / seconds:,.0f} tokens/s"
            f" (extract {scores.seconds:.2f} s, {load})"
        )
    return "\n".join(lines)


def _title(gold_path: Path, scores: Scores, engine: str) -> str:
    return (
        f"quotetrack quality on {Path(gold_path).name} ({scores.articles} articles, "
        f"{scores.gold} gold attributions, {scores.predicted} predicted, engine {engine})"
    )


def report(gold_path: Path, engine: str = "auto", limit: int | None = None) -> str:
    """Run ``Extractor(engine)`` over a gold file and return a printable table."""
    scores = run(load_gold(gold_path, limit=limit), engine=engine)
    return format_scores(scores, _title(gold_path, scores, engine))


def main(
    argv: Sequence[str] | None = None,
    default_path: Path | None = None,
    prog: str = "python -m quotetrack.bench.quality",
) -> int:
    """``python -m quotetrack.bench.quality PATH [--engine rules] [--limit N] [--json]``."""
    parser = argparse.ArgumentParser(prog=prog, description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, nargs="?" if default_path else None, default=default_path,
                        help="gold JSON-lines file")
    parser.add_argument("--engine", default="auto", help="extractor engine: auto, rules or stanza")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    if not args.path.exists():
        parser.error(f"no such gold file: {args.path}")
    if args.json:
        scores = run(load_gold(args.path, limit=args.limit), engine=args.engine)
        print(json.dumps({"path": str(args.path), "engine": args.engine, **scores.to_dict()}, indent=2))
    else:
        print(report(args.path, engine=args.engine, limit=args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
