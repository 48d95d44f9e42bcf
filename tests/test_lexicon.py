"""The word lists in data/lexicon: each says what it is for, and holds each entry once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quotetrack import lexicon
from quotetrack.resources import data_dir, word_lines

LISTS = sorted(path.stem for path in (data_dir() / "lexicon").glob("*.txt"))
# Two-column lists: the first word is the key, the rest of the line its value.
MAPPINGS = {"titles", "gendered_titles", "pronouns", "cue_forms"}


def test_lists_were_found():
    assert {"titles", "cue_forms", "places", "listeners"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_list_opens_with_a_header(name: str):
    lines = Path(data_dir() / "lexicon" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("# ") and len(" ".join(header)) > 40, f"{name}.txt needs a header saying what it is for"


@pytest.mark.parametrize("name", LISTS)
def test_entries_are_stripped_and_unique(name: str):
    lines = Path(data_dir() / "lexicon" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert all(line == line.strip() for line in lines), f"{name}.txt has leading or trailing blanks"
    entries = word_lines(name)
    keys = [entry.split()[0] for entry in entries] if name in MAPPINGS else entries
    duplicates = [key for key, count in Counter(keys).items() if count > 1]
    assert not duplicates, f"{name}.txt repeats {duplicates}"


def test_mappings_have_the_shape_the_code_expects():
    assert lexicon.TITLES["ceo"] == "chief executive"
    assert lexicon.TITLES["sir"] is None
    assert set(lexicon.PRONOUNS.values()) == {"male", "female", "plural", "self", "neuter"}
    assert all(lexicon.CUE_FORMS.values())


def test_lists_do_not_contradict_each_other():
    assert not lexicon.FEMALE_NAMES & lexicon.MALE_NAMES
    assert lexicon.SENTENCE_FINAL_ABBREVIATIONS <= lexicon.ABBREVIATIONS
    assert lexicon.BELIEF_LEMMAS <= lexicon.WEAK_LEMMAS <= set(lexicon.CUE_FORMS.values())


def test_quote_mark_sets_agree():
    assert lexicon.OPENING_MARKS == set(lexicon.MARK_PAIRS)
    assert lexicon.CLOSING_MARKS == set(lexicon.MARK_PAIRS.values())
    assert lexicon.QUOTE_MARKS <= lexicon.OPENING_MARKS | lexicon.CLOSING_MARKS
