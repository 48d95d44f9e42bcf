"""Shared fixtures: sentences tokenized by the rule engine, to test one extractor stage alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrack.extract.sentences import Sentence, rule_analysis


@pytest.fixture(scope="session")
def sentence_of() -> Callable[[str], Sentence]:
    """``sentence_of(text)``: the text as one Sentence (it fails if the tokenizer splits it)."""

    def build(text: str) -> Sentence:
        (sentence,), _ = rule_analysis(text)
        return sentence

    return build
