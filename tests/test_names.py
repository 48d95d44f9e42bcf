"""Titles dropped from speaker names, with one title list (data/lexicon/titles.txt) inside an
article (lexicon.TITLES, the resolver's _clean_name) and across articles (canonical_speaker)."""

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
        # Titles the two lists used to disagree on.
        ("Attorney General Loretta Fuller", "Loretta Fuller", "person"),
        ("Sheriff Joe Ruiz", "Joe Ruiz", "person"),
        ("Rabbi Sarah Levin", "Sarah Levin", "person"),
        ("Secretary of State John Kerr", "John Kerr", "person"),
        ("Sen. Tom Brandt of Iowa", "Tom Brandt", "person"),
        # A title word opening a company's name is part of the name.
        ("General Electric", "General Electric", "organisation"),
        ("General Motors", "General Motors", "organisation"),
        ("Bank of England", "Bank of England", "organisation"),
        ("Research firm eMarketer", "eMarketer", "unknown"),
        # Named after a person, but not one.
        ("Trump National Doral", "Trump National Doral", "organisation"),
        ("the Clinton Foundation", "Clinton Foundation", "organisation"),
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


@pytest.mark.parametrize("name", ["Sheriff Joe Arpaio", "Rabbi Sarah Levin", "Mr. Peskov", "Sen. Ted Cruz"])
def test_in_article_and_cross_article_titles_agree(name: str):
    assert canonical_speaker(name) == _clean_name(name)
