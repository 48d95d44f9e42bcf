"""Titles dropped from speaker names: inside an article (lexicon.TITLES) and across articles (name_titles)."""

from __future__ import annotations

import pytest

from quotetrack.resolve.names import canonical_speaker, speaker_kind
from quotetrack.resolve.speakers import _clean_name


@pytest.mark.parametrize(
    ("name", "canonical", "kind"),
    [
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", "person"),
        ("U.N. Secretary-General António Guterres", "António Guterres", "person"),
        ("President-elect Joe Biden", "Joe Biden", "person"),
        ("Dame Judi Dench", "Judi Dench", "person"),
        ("Mr Peskov", "Peskov", "person"),
        ("Luiz Inácio Lula da Silva", "Luiz Inácio Lula da Silva", "person"),
        ("the White House", "White House", "organisation"),
    ],
)
def test_cross_article_name(name: str, canonical: str, kind: str):
    assert canonical_speaker(name) == canonical
    assert speaker_kind(name) == kind


@pytest.mark.parametrize(
    ("name", "cleaned"),
    [
        ("President Obama", "Obama"),
        ("Sen. Ted Cruz", "Ted Cruz"),
        ("Mr. Peskov", "Peskov"),
        ("Martin Luther King", "Martin Luther King"),  # a trailing title is a surname
    ],
)
def test_in_article_name(name: str, cleaned: str):
    assert _clean_name(name) == cleaned


def test_in_article_and_cross_article_titles_differ():
    # data/lexicon/titles.txt and name_titles.txt are separate lists; merging them changes
    # both extracted speakers and stored speaker keys, so it is a decision, not a refactor.
    assert _clean_name("Sheriff Joe Arpaio") == "Joe Arpaio"
    assert canonical_speaker("Sheriff Joe Arpaio") == "Sheriff Joe Arpaio"
    assert _clean_name("Foreign Minister Sergei Lavrov") == "Foreign Minister Sergei Lavrov"
    assert canonical_speaker("Foreign Minister Sergei Lavrov") == "Sergei Lavrov"
