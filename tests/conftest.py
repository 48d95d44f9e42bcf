"""Shared fixtures: sentences tokenized by the rule engine, to test one extractor stage alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrack.extract.sentences import Sentence, read_sentences
from quotetrack.nlp import build_pipeline


@pytest.fixture(scope="session")
def rule_pipeline():
    return build_pipeline("rules")


@pytest.fixture(scope="session")
def sentence_of(rule_pipeline) -> Callable[[str], Sentence]:
    """``sentence_of(text)``: the text as one Sentence (it fails if the tokenizer splits it)."""

    def build(text: str) -> Sentence:
        (sentence,) = read_sentences(text, rule_pipeline(text))
        return sentence

    return build
