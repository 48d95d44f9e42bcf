"""The rules engine builds its sentences without stanza: the same tokens, tags and entities as the
stanza Pipeline running the same rules, and neither stanza nor torch imported."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from quotetrack import Article, Extractor
from quotetrack.bench.speed import SAMPLES_DIR, load_samples
from quotetrack.extract.sentences import read_entities, read_sentences, rule_analysis
from quotetrack.nlp import build_pipeline

# Hard-wrapped lines, CRLF, a headline, a dateline, names with particles and titles, an outlet.
WRAPPED = (
    "Port Authority Delays Vote\r\n\r\n"
    "HAMBURG (Reuters) - Ursula von der Leyen said on Tuesday that the\r\n"
    "port deal “will not be rushed,” and Sen. Ted Cruz told Fox News the\r\n"
    "delay was “a gift to Beijing.” Cruz added: “We will see.”\r\n\r\n"
    "― Carla Sanchez"
)


def texts() -> list[str]:
    return [article.text for article in load_samples()] + [WRAPPED, "One word", "“Quoted,” he said… and left."]


@pytest.mark.parametrize("text", texts())
def test_rule_analysis_reads_what_the_stanza_pipeline_reads(text):
    document = build_pipeline("rules")(text)
    sentences, entities = rule_analysis(text)
    assert sentences == read_sentences(text, document)
    assert entities == read_entities(document)
    for start, end, _, name in entities:
        assert text[start:end] == name


def test_a_surname_alone_is_a_person_once_named_in_full():
    _, entities = rule_analysis("Kremlin spokesman Dmitry Peskov spoke on Monday. Later, Peskov left Moscow.")
    assert [(name, label) for _, _, label, name in entities] == [
        ("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON"), ("Peskov", "PERSON"), ("Moscow", "GPE")
    ]


def test_extract_many_finds_what_extract_finds():
    articles = load_samples()
    extractor = Extractor("rules")
    assert [quotes for _, quotes in extractor.extract_many(articles)] == [extractor.extract(article) for article in articles]


def test_extracting_and_ingesting_with_rules_imports_neither_stanza_nor_torch(tmp_path):
    code = (
        "import sys, quotetrack; "
        "quotes = quotetrack.extract_quotes('“We are ready,” Peskov told Reuters.'); "
        f"result = quotetrack.ingest([{str(SAMPLES_DIR)!r}], {str(tmp_path / 'q.db')!r}, engine='rules'); "
        "print(len(quotes), result.quotes > 0, 'stanza' in sys.modules, 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["1", "True", "False", "False"]


def test_an_article_without_text_has_no_quotes():
    assert Extractor("rules").extract(Article(text=" \n ")) == []


def test_entity_tags_decode_as_stanza_decodes_them():
    from stanza.models.ner.utils import decode_from_bioes

    from quotetrack.nlp.ner import decode_tags

    rng = random.Random(12)
    choices = ["O", "B-PERSON", "I-PERSON", "E-PERSON", "S-ORG", "B-GPE", "E-GPE", "I-MISC"]
    for _ in range(2000):
        tags = [rng.choice(choices) for _ in range(rng.randint(0, 9))]
        expected = [(item["start"], item["end"], item["type"]) for item in decode_from_bioes(tags)]
        assert decode_tags(tags) == expected, tags


def test_every_benchmark_article_extracts():
    """Article 308 of the benchmark once sent the pronoun resolver into endless recursion
    (`the spokesman` -> the referents of sentence subjects -> `the spokesman` ...)."""
    from quotetrack.bench.speed import synthetic_articles

    extractor = Extractor("rules")
    for article in synthetic_articles(load_samples(), 320):
        extractor.extract(article)
