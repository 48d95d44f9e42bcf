"""Shared fixtures: the rules extractor, sentences tokenized by the rule engine (to test one extractor
stage alone), and database dumps."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from quotetrack.extract import Extractor
from quotetrack.extract.sentences import Sentence, rule_analysis
from quotetrack.records import Article, Quote


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The model-free extractor, built once."""
    return Extractor("rules")


@pytest.fixture(scope="session")
def quote_starting(extractor: Extractor) -> Callable[[str, str], Quote]:
    """``quote_starting(text, words)``: the first quote the extractor finds in ``text`` whose text starts
    with ``words`` (it fails, listing the quotes found, when there is none)."""

    def find(text: str, words: str) -> Quote:
        quotes = extractor.extract(Article(text=text))
        matching = [quote for quote in quotes if quote.text.startswith(words)]
        assert matching, [quote.text for quote in quotes]
        return matching[0]

    return find


@pytest.fixture(scope="session")
def sentence_of() -> Callable[[str], Sentence]:
    """``sentence_of(text)``: the text as one Sentence (it fails if the tokenizer splits it)."""

    def build(text: str) -> Sentence:
        (sentence,), _ = rule_analysis(text)
        return sentence

    return build


@pytest.fixture(scope="session")
def words_of() -> Callable[[str], list[str]]:
    """``words_of(text)``: the text of every token the rule tokenizer makes of ``text``, in order."""
    from quotetrack.nlp.tokenizer import tokenize_text

    def words(text: str) -> list[str]:
        return [token for sentence in tokenize_text(text) for token, _, _ in sentence]

    return words


@pytest.fixture(scope="session")
def tags_of() -> Callable[..., list[list[str]]]:
    """``tags_of(*sentences)``: the pattern NER's BIOES tags of one article's sentences, each given
    as words separated by spaces (`"Ann Lee spoke ."`)."""
    from quotetrack.nlp.ner import entity_tags

    def tags(*sentences: str) -> list[list[str]]:
        return entity_tags([sentence.split() for sentence in sentences])

    return tags


# Written at ingest time: the only columns two ingests of the same corpus may differ in.
TIME_DEPENDENT = {("articles", "ingested_at"), ("_sqlite_migrations", "applied_at")}


@pytest.fixture(scope="session")
def database_dump() -> Callable[[object], dict[str, list[tuple]]]:
    """``database_dump(path)``: every row of every table in storage order, without the :data:`TIME_DEPENDENT`
    columns, and what each full-text index holds (every term of every row, where it is); equal dumps
    mean the same database. An index's segments are left out: how FTS5 splits it into segments
    depends on how many articles each transaction held, which a writer decides by the clock."""
    from sqlite_utils import Database

    def dump(path: object) -> dict[str, list[tuple]]:
        db = Database(path)
        indexes = [name[: -len("_data")] for name in db.table_names() if name.endswith("_fts_data")]
        segments = {f"{index}_{part}" for index in indexes for part in ("data", "idx")}
        tables = {}
        for table in db.table_names():
            if table in segments:
                continue
            columns = ", ".join(f"[{name}]" for name in db[table].columns_dict if (table, name) not in TIME_DEPENDENT)
            tables[table] = list(db.execute(f"select {columns} from [{table}]").fetchall())
        for index in indexes:
            db.execute(f"create virtual table temp.[{index}_terms] using fts5vocab(main, [{index}], instance)")
            tables[f"{index} terms"] = db.execute(f"select * from temp.[{index}_terms] order by 1, 2, 3, 4").fetchall()
        db.close()
        return tables

    return dump
