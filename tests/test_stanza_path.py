"""The model-dependent path, checked without models.

The official stanza models give every word a lemma, a UPOS tag and a dependency
head; the extractor then reads speech frames off the parse. Those models cannot
be downloaded in every environment, so the fixtures in ``tests/fixtures`` are
hand-annotated UD English (CoNLL-U, BIOES ``ner=`` tags in MISC) and are turned
into stanza Documents with ``CoNLL.conll2doc`` — exactly the kind of Document
the "stanza" engine would hand to ``Extractor.extract_from_document``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import stanza
from stanza.models.common.doc import Document
from stanza.utils.conll import CoNLL

from quotetrack.errors import EngineError
from quotetrack.extract import Extractor
from quotetrack.extract.assemble import ArticleExtraction
from quotetrack.extract.dependency import dependency_frames
from quotetrack.extract.frames import Frame, pattern_frames
from quotetrack.extract.sentences import read_entities, read_sentences
from quotetrack.nlp import models_installed, resolve_engine
from quotetrack.records import Article

FIXTURES = Path(__file__).parent / "fixtures"
PASSAGES = ("kremlin", "white_house", "tass", "interfax")


def load_document(name: str) -> Document:
    """One fixture file as one Document, its text rebuilt from the `# text` comments."""
    return CoNLL.conll2doc(input_file=str(FIXTURES / f"{name}.conllu"), reconstruct_text=True)


def load_sentence_documents(name: str) -> dict[str, Document]:
    """A fixture file whose sentences stand alone: one Document per `# sent_id`."""
    documents = {}
    for block in (FIXTURES / f"{name}.conllu").read_text(encoding="utf-8").strip().split("\n\n"):
        sent_id = next(line.split("=", 1)[1].strip() for line in block.splitlines() if line.startswith("# sent_id"))
        documents[sent_id] = CoNLL.conll2doc(input_str=block + "\n\n", reconstruct_text=True)
    return documents


@pytest.fixture(scope="module")
def constructions() -> dict[str, Document]:
    return load_sentence_documents("constructions")


def extract(extractor: Extractor, document: Document):
    return extractor.extract_from_document(Article(text=document.text), document)


def extraction(extractor: Extractor, document: Document) -> ArticleExtraction:
    article = Article(text=document.text)
    return ArticleExtraction(article, read_sentences(article.text, document), read_entities(document), extractor.outlets)


def parse_frames(state: ArticleExtraction, sentence) -> list[Frame]:
    """The frames the parse alone gives for one sentence."""
    frames, _ = dependency_frames(sentence, state.spans)
    return frames


def summary(quotes) -> list[tuple]:
    return [(q.kind, q.text, q.speaker, q.speaker_mention, q.via_outlet, q.cue) for q in quotes]


def frame_summary(document: Document, frame: Frame) -> tuple[str, str, str]:
    tokens = frame.sentence.tokens
    return (tokens[frame.cue_first].text, frame.placement, document.text[frame.content[0] : frame.content[1]])


# -- the fixtures are what the models would produce --------------------------------------------


@pytest.mark.parametrize("name", PASSAGES + ("constructions",))
def test_fixtures_load_as_parsed_documents(name):
    documents = [load_document(name)] if name != "constructions" else load_sentence_documents(name).values()
    for document in documents:
        assert document.text
        assert document.ents or name == "constructions"
        for sentence in document.sentences:
            words = sentence.words
            assert [word.head for word in words].count(0) == 1
            assert all(word.deprel and word.upos and word.lemma for word in words)
            assert all(0 <= word.head <= len(words) for word in words)
            for token in sentence.tokens:
                assert document.text[token.start_char : token.end_char] == token.text


def test_ner_tags_in_misc_become_document_entities():
    document = load_document("kremlin")
    assert [(ent.text, ent.type) for ent in document.ents][:2] == [("Kremlin", "ORG"), ("Dmitry Peskov", "PERSON")]
    assert document.sentences[0].tokens[2].ner == "B-PERSON"


# -- quotes from parsed passages ------------------------------------------------------------------

EXPECTED = {
    "kremlin": [
        ("indirect", "the talks would continue", "Dmitry Peskov", "Kremlin spokesman Dmitry Peskov", None, "told"),
        ("direct", "We are ready,", "Dmitry Peskov", "he", None, "said"),
        ("indirect", "Moscow had not received a formal proposal", "Dmitry Peskov", "He", None, "added"),
    ],
    "white_house": [
        ("indirect", "the sanctions would take effect on Friday", "White House", "The White House", None, "said"),
        ("mixed", "the measures were “carefully targeted.”", "Laura Mendez", "Press secretary Laura Mendez", None, "said"),
    ],
    "tass": [
        ("direct", "There is no alternative to dialogue,", "Dmitry Peskov", "Peskov", "TASS", "quoted ... as saying"),
        ("direct", "The door remains open,", "Dmitry Peskov", "Peskov", None, "told"),
    ],
    "interfax": [
        ("indirect", "the ministry would publish the figures next week", "Viktor Orlenko", "the minister", "Interfax", "said"),
    ],
}


@pytest.mark.parametrize("name", PASSAGES)
def test_passage_quotes(extractor, name):
    document = load_document(name)
    quotes = extract(extractor, document)
    assert summary(quotes) == EXPECTED[name]
    for quote in quotes:
        assert document.text[quote.start : quote.end] == quote.text
    assert extractor._nlp is None  # the pipeline was never built: no models needed


# The sentences with no speech in them, by passage and sentence index.
NO_SPEECH = [("kremlin", 3), ("white_house", 2), ("tass", 0), ("interfax", 0)]


@pytest.mark.parametrize(("name", "index"), NO_SPEECH)
def test_no_quote_from_a_sentence_without_speech(extractor, name, index):
    document = load_document(name)
    sentence = document.sentences[index]
    start, end = sentence.tokens[0].start_char, sentence.tokens[-1].end_char
    assert not [q for q in extract(extractor, document) if q.start < end and q.end > start]
    state = extraction(extractor, document)
    assert parse_frames(state, state.sentences[index]) == []


# -- the frames really come from the parse ---------------------------------------------------------

FRAMES = [
    ("kremlin", 0, ("told", "after", "the talks would continue")),
    ("kremlin", 1, ("said", "before", "We are ready,")),
    ("kremlin", 2, ("added", "after", "Moscow had not received a formal proposal")),
    ("white_house", 0, ("said", "after", "the sanctions would take effect on Friday")),
    ("white_house", 1, ("said", "after", "the measures were “carefully targeted.”")),
    ("tass", 1, ("quoted", "before", "There is no alternative to dialogue,")),
    ("tass", 2, ("told", "before", "The door remains open,")),
    ("interfax", 1, ("said", "after", "the ministry would publish the figures next week")),
]


@pytest.mark.parametrize(("name", "index", "expected"), FRAMES)
def test_dependency_frames(extractor, name, index, expected):
    document = load_document(name)
    state = extraction(extractor, document)
    assert state.parsed
    frames = parse_frames(state, state.sentences[index])
    assert [frame_summary(document, frame) for frame in frames] == [expected]


def test_speaker_and_outlet_ranges_of_quoted_as_saying(extractor):
    document = load_document("tass")
    state = extraction(extractor, document)
    (frame,) = parse_frames(state, state.sentences[1])
    tokens = frame.sentence.tokens
    assert " ".join(t.text for t in tokens[frame.speaker[0] : frame.speaker[1] + 1]) == "Peskov"
    assert document.text[frame.via_hint[0] : frame.via_hint[1]] == "the state-run TASS news agency"
    assert (tokens[frame.cue_first].text, tokens[frame.cue_last].text) == ("quoted", "saying")


@pytest.mark.parametrize("name", PASSAGES)
def test_parsed_passages_need_no_pattern_frames(extractor, monkeypatch, name):
    """With the pattern engine switched off, the parse alone finds every quote."""
    monkeypatch.setattr("quotetrack.extract.assemble.pattern_frames", lambda sentence, spans: ([], []))
    assert summary(extract(extractor, load_document(name))) == EXPECTED[name]


def test_parse_and_patterns_bound_a_long_trailing_adjunct(extractor):
    """A long trailing adjunct: the parse knows it belongs to "told"; after a closing quote the word
    patterns take up to 16 words of listener and adjuncts for attribution too (clauses.is_tail)."""
    document = load_document("tass")
    state = extraction(extractor, document)
    sentence = state.sentences[2]
    parsed = [document.text[slice(*f.content)] for f in parse_frames(state, sentence)]
    patterned = [document.text[slice(*f.content)] for f in pattern_frames(sentence, state.spans)[0]]
    assert parsed == ["The door remains open,"]
    assert patterned == parsed


# -- constructions, one sentence each ----------------------------------------------------------------


@pytest.mark.parametrize("sent_id", ["split-quote", "split-quote-parataxis"])
def test_split_quote_keeps_both_pieces(extractor, constructions, sent_id):
    """`“A,” he said, “B.”` whether B hangs off A (conj) or off "said" (parataxis)."""
    document = constructions[sent_id]
    text = document.text
    state = extraction(extractor, document)
    frames = parse_frames(state, state.sentences[0])
    assert [frame_summary(document, frame) for frame in frames] == [("said", "before", "We are ready,")]
    quotes = extract(extractor, document)
    assert quotes and quotes[0].start == text.index("We are ready") and quotes[0].kind == "direct"
    second = text.index("but we need guarantees")
    assert any(q.start <= second and q.end >= second + len("but we need guarantees") for q in quotes)
    assert {(q.cue, q.speaker_mention) for q in quotes} == {("said", "he")}


@pytest.mark.parametrize(
    "sent_id",
    [
        "infinitive",  # Prices continued to rise in March.
        "belief-infinitive",  # Officials expect the talks to continue.
        "passive-addressee",  # He was told that ... : he is not the speaker.
    ],
)
def test_no_frame_where_the_parse_shows_no_speaker_speaking(extractor, constructions, sent_id):
    document = constructions[sent_id]
    state = extraction(extractor, document)
    assert parse_frames(state, state.sentences[0]) == []


@pytest.mark.parametrize("sent_id", ["infinitive", "belief-infinitive"])
def test_infinitive_complements_are_not_quotes(extractor, constructions, sent_id):
    assert extract(extractor, constructions[sent_id]) == []


@pytest.mark.parametrize(
    ("sent_id", "expected"),
    [
        ("shared-subject", ("indirect", "the talks would resume next month", "Peskov", "Peskov", None, "said")),
        ("quoted-by", ("indirect", "the talks would continue", "Peskov", "Peskov", "Interfax", "quoted by ... as saying")),
        # The outlet named inside the content is not the outlet the quote came through.
        ("outlet-in-content", ("indirect", "Reuters had misreported the talks", "Peskov", "Peskov", None, "told")),
    ],
)
def test_constructions(extractor, constructions, sent_id, expected):
    assert summary(extract(extractor, constructions[sent_id])) == [expected]


# -- engines without models -----------------------------------------------------------------------


def test_models_not_installed_in_an_empty_dir(tmp_path):
    assert models_installed(str(tmp_path)) is False


def test_stanza_engine_without_models_says_what_to_do(tmp_path):
    with pytest.raises(EngineError) as error:
        resolve_engine("stanza", model_dir=str(tmp_path))
    message = str(error.value)
    assert str(tmp_path) in message
    assert "quotetrack models download" in message and "--engine rules" in message


def test_auto_engine_falls_back_to_rules(tmp_path):
    assert resolve_engine("auto", str(tmp_path)) == "rules"


def test_auto_engine_picks_stanza_when_models_are_on_disk(tmp_path):
    (tmp_path / "resources.json").write_text(json.dumps({"en": {"default_processors": {"tokenize": "combined"}}}))
    for processor in ("tokenize", "pos", "depparse"):
        (tmp_path / "en" / processor).mkdir(parents=True)
    assert resolve_engine("auto", str(tmp_path)) == "rules"  # ner still missing
    (tmp_path / "en" / "ner").mkdir()
    assert models_installed(str(tmp_path))
    assert resolve_engine("auto", str(tmp_path)) == "stanza"


def test_appositives_on_the_parse_name_the_speaker_and_teach_roles(extractor):
    document = load_document("appositive")
    quotes = extract(extractor, document)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the budget was final", "Sergei Orlov"),
        ("inflation would rise", "Anna Petrova"),
        ("rates would stay high", "Anna Petrova"),
    ]
    assert quotes[-1].speaker_mention == "The governor"
    frames = [frame for sentence in extraction(extractor, document).sentences for frame in parse_frames(extraction(extractor, document), sentence)]
    assert len(frames) == 3


def test_resolving_an_engine_does_not_import_stanza():
    """Re-ingesting unchanged articles with --engine auto must not pay seconds for importing torch."""
    code = (
        "import sys; from quotetrack.nlp import resolve_engine; import quotetrack.ingestion, quotetrack.cli, quotetrack.extract;"
        "resolve_engine('auto'); quotetrack.extract.Extractor('auto');"
        "print('stanza' in sys.modules, 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False"]


def test_engine_names_and_model_folder_agree_with_stanza():
    from quotetrack.nlp import engines, models, ner, tokenizer

    assert (engines.TOKENIZER_NAME, engines.NER_NAME) == (tokenizer.TOKENIZER_NAME, ner.NER_NAME)
    assert models._stanza_default_dir() == stanza.resources.common.DEFAULT_MODEL_DIR
