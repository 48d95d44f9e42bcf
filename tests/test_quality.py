import json
from pathlib import Path

import pytest

from quotetrack.bench.gold import (
    GoldArticle,
    GoldAttribution,
    Span,
    is_named_source,
    load_gold,
    resolve_sources,
)
from quotetrack.bench.quality import main, report
from quotetrack.bench.scoring import (
    Counts,
    cue_correct,
    evaluate,
    gold_category,
    match,
    overlap,
    predicted_category,
    span_tokens,
    speaker_correct,
    tokenize,
)
from quotetrack.records import Article, Quote

DEVSET = Path(__file__).resolve().parent.parent / ".." / "shared" / "devset" / "polnear-dev.jsonl"

# A made-up article: every gold span below is found in it by its text.
TEXT = (
    "Mayor Ana Lopez said the bridge would reopen in May. "
    "“We are ahead of schedule,” she told reporters, “and under budget.” "
    "The spokesman added that tolls would stay low. "
    "Mr. Tom Reyes, a councillor, warned that costs could rise. "
    "Ms. Kim Park, who chairs the board, says the plan is sound. "
    "He called the vote “a mistake” on Tuesday. "
    "Officials said the budget was safe."
)


def span(text: str, *pieces: str, after: int = 0) -> Span:
    """A gold span made of the first occurrences (from ``after``) of ``pieces``."""
    parts = []
    for piece in pieces:
        start = text.index(piece, after)
        parts.append((start, start + len(piece)))
        after = start + len(piece)
    start, end = parts[0][0], parts[-1][1]
    return Span(start, end, text[start:end], tuple(parts))


def attribution(source: str | None, cue: str | None, *content: str, after: int = 0) -> GoldAttribution:
    return GoldAttribution(
        span(TEXT, source, after=after) if source else None,
        span(TEXT, cue, after=after) if cue else None,
        span(TEXT, *content, after=after) if content else None,
    )


GOLD = [
    attribution("Mayor Ana Lopez", "said", "the bridge would reopen in May"),
    attribution("she", "told", "We are ahead of schedule,", "and under budget."),
    attribution("The spokesman", "added", "that tolls would stay low"),
    attribution("Mr. Tom Reyes, a councillor,", "warned", "that costs could rise"),
    attribution("who", "says", "the plan is sound"),
    attribution("He", "called", "the vote “a mistake”", after=TEXT.index("He called")),
    attribution("Officials", "said", "the budget was safe", after=TEXT.index("Officials")),
]
ARTICLE = GoldArticle("made-up", Article(text=TEXT), GOLD)


def predicted(content: str, kind: str = "indirect", after: int = 0, **fields) -> Quote:
    start = TEXT.index(content, after)
    return Quote(text=content, start=start, end=start + len(content), kind=kind, **fields)


# ------------------------------------------------------------ tokens, overlap


def test_tokenize_counts_word_characters_only():
    assert tokenize("“Yes,” he said — twice.") == [(1, 4), (7, 9), (10, 14), (17, 22)]


@pytest.mark.parametrize(
    "parts,expected",
    [
        ([(0, 3)], {0}),  # "one"
        ([(0, 7)], {0, 1}),  # "one two"
        ([(1, 2)], {0}),  # a part inside a token still takes the token
        ([(3, 4)], set()),  # only the space between tokens
        ([(0, 3), (8, 13)], {0, 2}),  # discontinuous: "one" + "three"
        ([(8, 13), (0, 3)], {0, 2}),  # part order does not matter
        ([(6, 9)], {1, 2}),  # straddles two tokens
        ([(5, 5)], set()),  # empty part
    ],
)
def test_span_tokens(parts, expected):
    assert span_tokens(tokenize("one two three four"), parts) == expected


def test_discontinuous_gold_content_leaves_out_the_interrupting_cue():
    tokens = tokenize(TEXT)
    gold = span_tokens(tokens, GOLD[1].content.parts)
    words = {TEXT[tokens[i][0] : tokens[i][1]] for i in gold}
    assert words == {"We", "are", "ahead", "of", "schedule", "and", "under", "budget"}
    # A prediction covering the whole stretch also takes "she told reporters".
    whole = span_tokens(tokens, [(GOLD[1].content.start, GOLD[1].content.end)])
    assert overlap(whole, gold) == pytest.approx(8 / 11)


@pytest.mark.parametrize(
    "p,g,expected",
    [
        ({1, 2, 3}, {1, 2, 3}, 1.0),
        ({1, 2}, {1, 2, 3, 4}, 0.5),  # under-extension
        ({1, 2, 3, 4}, {1, 2}, 0.5),  # over-extension, punished the same
        ({1, 2, 3}, {3, 4, 5}, 1 / 3),
        ({1}, {2}, 0.0),
        (set(), {1}, 0.0),
        ({1}, set(), 0.0),
    ],
)
def test_overlap(p, g, expected):
    assert overlap(frozenset(p), frozenset(g)) == pytest.approx(expected)


# ----------------------------------------------------------------- matching


def sets(*items):
    return [frozenset(item) for item in items]


@pytest.mark.parametrize(
    "threshold,expected",
    [
        (0.3, [(0, 0, 0.5)]),
        (0.5, [(0, 0, 0.5)]),  # the threshold is inclusive
        (0.8, []),
    ],
)
def test_match_thresholds(threshold, expected):
    assert match(sets({1, 2, 3, 4}), sets({1, 2}), threshold) == expected


def test_match_is_one_to_one_and_takes_the_best_overlap_first():
    gold = sets({0, 1, 2, 3}, {10, 11})
    predictions = sets({0, 1}, {0, 1, 2, 3}, {0, 1, 2})
    # Prediction 1 is exact for gold 0; the other two get nothing though they overlap it.
    assert match(gold, predictions, 0.3) == [(0, 1, 1.0)]


def test_match_pairs_the_best_first_then_fills_in():
    gold = sets({0, 1, 2, 3}, {0, 1})
    predictions = sets({0, 1}, {0, 1, 2, 3, 4, 5, 6, 7})
    # Prediction 0 is exact for gold 1, so gold 0 gets the over-long prediction 1 (0.5) ...
    assert match(gold, predictions, 0.3) == [(0, 1, 0.5), (1, 0, 1.0)]
    # ... which does not reach 0.8.
    assert match(gold, predictions, 0.8) == [(1, 0, 1.0)]


def test_match_ties_go_to_the_earlier_gold_then_the_earlier_prediction():
    assert match(sets({1}, {1}), sets({1}, {1}), 0.3) == [(0, 0, 1.0), (1, 1, 1.0)]


# ---------------------------------------------------------------- P/R/F1


@pytest.mark.parametrize(
    "counts,p,r,f1",
    [
        (Counts(matched_predicted=3, predicted=4, matched_gold=3, gold=6), 0.75, 0.5, 0.6),
        (Counts(matched_predicted=2, predicted=2, matched_gold=2, gold=2), 1.0, 1.0, 1.0),
        (Counts(matched_predicted=0, predicted=5, matched_gold=0, gold=5), 0.0, 0.0, 0.0),
        (Counts(), 0.0, 0.0, 0.0),  # nothing to divide by
    ],
)
def test_counts_precision_recall_f1(counts, p, r, f1):
    assert (counts.precision, counts.recall, counts.f1) == pytest.approx((p, r, f1))


def test_evaluate_counts_per_category():
    quotes = [
        # 5 of the 8 gold tokens: matched at 0.3 only.
        predicted("We are ahead of schedule", kind="direct", speaker="Ana Lopez", cue="warned"),
        predicted("the bridge would reopen in May", speaker="Ana Lopez", cue="says"),  # exact
        predicted("tolls would stay low", speaker_mention="The spokesman", cue="add"),  # 4 of 5: 0.8
        predicted("Mayor Ana Lopez said", kind="mixed"),  # no gold content here
        predicted("costs could rise", speaker="Tom Rey", cue="warns"),  # 3 of 4: 0.3 only
    ]
    scores = evaluate([ARTICLE], [quotes])
    assert (scores.articles, scores.gold, scores.predicted) == (1, 7, 5)
    every = scores.prf["all"][0.3]
    assert (every.matched_predicted, every.predicted, every.matched_gold, every.gold) == (4, 5, 4, 7)
    # Gold direct = the two contents with quote marks; the direct prediction found one of them.
    direct = scores.prf["direct"][0.3]
    assert (direct.matched_gold, direct.gold) == (1, 2)
    assert (direct.matched_predicted, direct.predicted) == (1, 2)  # the "mixed" one found nothing
    reported = scores.prf["reported"][0.3]
    assert (reported.matched_gold, reported.gold) == (3, 5)
    assert (reported.matched_predicted, reported.predicted) == (3, 3)
    strict = scores.prf["all"][0.8]
    assert (strict.matched_predicted, strict.matched_gold) == (2, 2)
    assert strict.precision == pytest.approx(2 / 5) and strict.recall == pytest.approx(2 / 7)
    # Speakers: Lopez twice (once as "she"), the spokesman by mention; "Tom Rey" is not Reyes.
    assert (scores.speaker.correct, scores.speaker.total) == (3, 4)
    assert (scores.speaker_named.correct, scores.speaker_named.total) == (1, 2)
    # Cues: "warned" is not "told"; "says"/"said", "add"/"added", "warns"/"warned" agree.
    assert (scores.cue.correct, scores.cue.total) == (3, 4)


def test_evaluate_uses_predicted_parts_from_extra():
    start, end = GOLD[1].content.start, GOLD[1].content.end
    whole = Quote(text=TEXT[start:end], start=start, end=end, kind="direct")
    pieces = Quote(text=TEXT[start:end], start=start, end=end, kind="direct",
                   extra={"parts": [list(part) for part in GOLD[1].content.parts]})
    assert evaluate([ARTICLE], [[whole]]).prf["all"][0.8].matched_gold == 0
    assert evaluate([ARTICLE], [[pieces]]).prf["all"][0.8].matched_gold == 1


def test_evaluate_skips_gold_without_content_and_checks_alignment():
    article = GoldArticle("x", Article(text=TEXT), [GOLD[0], GoldAttribution(None, None, None)])
    assert evaluate([article], [[]]).gold == 1
    with pytest.raises(ValueError):
        evaluate([article], [])


@pytest.mark.parametrize(
    "content,category",
    [
        ("that the plan is sound", "reported"),
        ("“We are ahead”", "direct"),
        ('"We are ahead"', "direct"),
        ("the vote «a mistake»", "direct"),
        ("it is the mayor’s plan", "reported"),  # an apostrophe is no quote mark
    ],
)
def test_gold_category(content, category):
    assert gold_category(GoldAttribution(None, None, Span(0, len(content), content, ((0, len(content)),)))) == category


@pytest.mark.parametrize("kind,category", [("direct", "direct"), ("mixed", "direct"), ("indirect", "reported")])
def test_predicted_category(kind, category):
    assert predicted_category(Quote(text="x", start=0, end=1, kind=kind)) == category


# ------------------------------------------------------------------ speakers


def test_resolve_sources():
    assert resolve_sources(TEXT, GOLD) == [
        "Mayor Ana Lopez",  # a name is itself
        "Mayor Ana Lopez",  # "she": the nearest named source before it
        "Mayor Ana Lopez",  # "The spokesman": likewise
        "Mr. Tom Reyes",  # the apposition is cut off
        "Ms. Kim Park",  # "who": the name right before it, though no gold source
        "Mr. Tom Reyes",  # "He": the nearest named gold source
        None,  # "Officials": opens a sentence and is capitalised nowhere else
    ]


@pytest.mark.parametrize(
    "text,others,source,expected",
    [
        # Pronouns and role nouns take the nearest preceding named source.
        ("Ana Lopez spoke. Tom Reyes spoke. They said so.", ["Ana Lopez", "Tom Reyes"], "They", "Tom Reyes"),
        ("Ana Lopez spoke. The senator said so.", ["Ana Lopez"], "The senator", "Ana Lopez"),
        ("Ana Lopez spoke. The Republican nominee said so.", ["Ana Lopez"], "The Republican nominee", "Ana Lopez"),
        # Gender by honorific: "she" passes over Mr. Reyes; unknown gender fits.
        ("Ms. Lopez spoke. Mr. Reyes spoke. She said so.", ["Ms. Lopez", "Mr. Reyes"], "She", "Ms. Lopez"),
        ("Ana Lopez spoke. Mr. Reyes spoke. She said so.", ["Ana Lopez", "Mr. Reyes"], "She", "Ana Lopez"),
        # A singular pronoun is not a pair; a plural one may be.
        ("Leo Lopez spoke. Tom Reyes and Sam Wu agreed. He said so.", ["Leo Lopez", "Tom Reyes and Sam Wu"],
         "He", "Leo Lopez"),
        # Gender by first name, that of the fullest way the sources write the surname.
        ("Ana Lopez spoke. Tom Reyes spoke. She said so.", ["Ana Lopez", "Tom Reyes"], "She", "Ana Lopez"),
        ("Tom Reyes spoke. Ana Lopez spoke. He said so.", ["Tom Reyes", "Ana Lopez"], "He", "Tom Reyes"),
        ("Tom Reyes and Sam Wu agreed. They said so.", ["Tom Reyes and Sam Wu"], "They", "Tom Reyes and Sam Wu"),
        # A name after the comma is the source's own.
        ("Ana Lopez spoke. One of the lawyers, Sam Wu, said so.", ["Ana Lopez"], "One of the lawyers, Sam Wu,",
         "Sam Wu"),
        ("Ana Lopez spoke. My sister and I said so.", ["Ana Lopez"], "My sister and I", None),
        # Only names before it count.
        ("I said so. Ana Lopez spoke.", ["Ana Lopez"], "I", None),
        # Relative pronouns look right before themselves first.
        ("Ana Lopez spoke. The board met Dr. Sam Wu, who said so.", ["Ana Lopez"], "who", "Dr. Sam Wu"),
        # Not a pronoun, not definite, not a name: unresolved.
        ("Ana Lopez spoke. A source said so.", ["Ana Lopez"], "A source", None),
        # Names are cut to their core.
        ("Tom Reyes (D-Ohio), the chair, said so.", [], "Tom Reyes (D-Ohio), the chair,", "Tom Reyes"),
        ("Ana Lopez spoke. The officials at City Hall said so.", ["Ana Lopez"], "The officials at City Hall",
         "Ana Lopez"),
    ],
)
def test_resolve_one_source(text, others, source, expected):
    attributions = [GoldAttribution(span(text, name), None, None) for name in others]
    attributions.append(GoldAttribution(span(text, source, after=text.index(source)), None, None))
    assert resolve_sources(text, attributions)[-1] == expected


@pytest.mark.parametrize(
    "text,source,named",
    [
        ("Officials said so.", "Officials", False),
        ("Police said so. The Police are a band.", "Police", True),  # capitalised mid-sentence too
        ("So said Lopez. Lopez left.", "Lopez", True),
        ("It rained. Lopez said so. He left.", "Lopez", False),  # opens its sentence, capitalised nowhere else
        ("“Fine,” Lopez said.", "Lopez", True),  # after a quote, not a sentence start
        ("The spokesman said so.", "The spokesman", False),
        ("The Post said so.", "The Post", True),
    ],
)
def test_is_named_source(text, source, named):
    assert is_named_source(span(text, source), text) is named


@pytest.mark.parametrize(
    "speaker,mention,surface,resolved,correct",
    [
        ("Barack Obama", "he", "he", "Mr. Obama", True),  # surname
        ("Barack Obama", None, "Obama", "Obama", True),
        ("Michelle Obama", None, "Mr. Obama", "Mr. Obama", True),  # surname is all we check
        ("Joe Biden", "he", "he", "Mr. Obama", False),
        # The same words: enough for a role noun, not for a resolved pronoun.
        (None, "the president", "The president", "Mr. Obama", True),
        ("Joe Biden", "the president", "the president", "Mr. Obama", True),
        (None, "he", "he", "Mr. Obama", False),
        (None, "the president", "He", "Mr. Obama", False),
        ("Joe Biden", "I", "I", None, True),  # an unresolved pronoun
        ("Ana Lopez", None, "Mayor Lopez", "Mayor Lopez", True),
        ("Ana Lopez-Reyes", None, "Reyes", "Reyes", True),  # any word of the predicted speaker
        ("New York Post", None, "The New York Post", "The New York Post", True),
        ("Internal Revenue Service", None, "the I.R.S.", "the I.R.S.", False),
        ("IRS", None, "the I.R.S.", "the I.R.S.", True),
        # Unresolved sources: no speaker, and the mention's head noun must agree.
        (None, "senior officials", "officials", None, True),
        (None, "an official", "officials", None, True),
        (None, "a source", "officials", None, False),
        ("Ana Lopez", "officials", "Officials", None, True),  # the mention is the surface
        ("Ana Lopez", "senior officials", "officials", None, False),
        (None, None, "officials", None, False),
        # The head of a phrase is that of its core, before any post-modifier.
        (None, "A spokesman", "A spokesman for Mayor Ann Lee of Dover", None, True),
        (None, "an intelligence source", "an intelligence source, who was not authorized to speak,", None, True),
        (None, "one of the senators", "one of those advisers", None, False),
    ],
)
def test_speaker_correct(speaker, mention, surface, resolved, correct):
    quote = Quote(text="x", start=0, end=1, kind="direct", speaker=speaker, speaker_mention=mention)
    assert speaker_correct(quote, surface, resolved) is correct


# ---------------------------------------------------------------------- cues


@pytest.mark.parametrize(
    "predicted_cue,gold_cue,correct",
    [
        ("said", "said", True),
        ("says", "said", True),
        ("say", "has said", True),
        ("told", "tells", True),
        ("adding", "added", True),
        ("noted", "notes", True),
        ("according to", "according to", True),
        ("called for", "called", True),
        ("has denied", "has said", False),  # a shared auxiliary is not enough
        ("warned", "said", False),
        (None, "said", False),
        (":", ":", True),
        ("said", ":", False),
    ],
)
def test_cue_correct(predicted_cue, gold_cue, correct):
    assert cue_correct(predicted_cue, gold_cue) is correct


# ------------------------------------------------------------- I/O and report


def write_gold(path: Path) -> Path:
    records = [
        {
            "id": "one",
            "publisher": "example",
            "date": "2024-05-01",
            "title": "Bridge",
            "text": TEXT,
            "attributions": [
                {
                    name: (
                        None
                        if value is None
                        else {"start": value.start, "end": value.end, "text": value.text,
                              "parts": [list(part) for part in value.parts]}
                    )
                    for name, value in (("source", a.source), ("cue", a.cue), ("content", a.content))
                }
                for a in GOLD
            ],
        },
        {"id": "two", "publisher": "example", "date": None, "title": None,
         "text": "Nobody said anything.", "attributions": []},
    ]
    path.write_text("\n".join(json.dumps(record) for record in records) + "\n\n", encoding="utf-8")
    return path


def test_load_gold_round_trips(tmp_path):
    gold = load_gold(write_gold(tmp_path / "gold.jsonl"))
    assert [article.id for article in gold] == ["one", "two"]
    assert gold[0].attributions == GOLD
    assert gold[0].article.text == TEXT and gold[0].article.publisher == "example"
    assert len(load_gold(tmp_path / "gold.jsonl", limit=1)) == 1


def test_report_runs_with_the_current_extractor(tmp_path):
    text = report(write_gold(tmp_path / "gold.jsonl"), engine="rules")
    assert text.startswith("quotetrack quality on gold.jsonl (2 articles, 7 gold attributions")
    for label in ("all", "direct", "reported", "speaker accuracy", "cue accuracy", "speed"):
        assert f"\n{label}" in text


def test_main_json(tmp_path, capsys):
    assert main([str(write_gold(tmp_path / "gold.jsonl")), "--engine", "rules", "--json", "--limit", "1"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["articles"] == 1 and scores["gold"] == 7
    assert set(scores["prf"]) == {"all", "direct", "reported"}
    assert set(scores["prf"]["all"]) == {"0.3", "0.8"}
    assert scores["seconds"] >= 0 and scores["load_seconds"] >= 0


def test_main_rejects_a_missing_file(tmp_path):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.jsonl")])


def test_report_on_the_devset():
    if not DEVSET.exists():
        pytest.skip("no PolNeAR devset next to the repository")
    assert "(3 articles" in report(DEVSET, engine="rules", limit=3)
