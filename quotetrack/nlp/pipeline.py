"""The stanza pipeline: full neural models when installed, a model-free default otherwise.

The default engine ("rules") is a stanza Pipeline whose tokenizer is our own
rule-based variant and whose NER is our own gazetteer-and-pattern processor, so
it runs with no downloaded model. With official English models installed
(``quotetrack models download``), "auto" uses tokenize, mwt, pos, lemma,
depparse and ner, and the extractor reads speakers off the dependency parse.

>>> nlp = build_pipeline("rules")
>>> doc = nlp("Kremlin spokesman Dmitry Peskov said so. He left.")
>>> [sentence.text for sentence in doc.sentences]
['Kremlin spokesman Dmitry Peskov said so.', 'He left.']
>>> [(ent.text, ent.type) for ent in doc.ents]
[('Kremlin', 'ORG'), ('Dmitry Peskov', 'PERSON')]
"""

from __future__ import annotations

import json
import logging
import os
import re
from functools import cache
from pathlib import Path

import stanza
from stanza.models.common import doc as stanza_doc
from stanza.pipeline.processor import (
    Processor,
    ProcessorVariant,
    register_processor,
    register_processor_variant,
)
from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS, PROCESSOR_VARIANTS

from .. import lexicon

TOKENIZER_NAME = "quotetrack"
NER_NAME = "quotetrack_ner"
MODEL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"
ENGINES = ("auto", "rules", "stanza")

# A stub resources.json is all stanza needs to build a pipeline from registered processors.
_STUB_RESOURCES = {
    "en": {
        "lang_name": "English",
        "packages": {"default": {"tokenize": TOKENIZER_NAME}},
        "tokenize": {},
        "default_processors": {},
    }
}

_TOKEN = re.compile(
    r"""
    [A-Z]-(?:[A-Za-z]{1,4}\.)+              # party-state tags: R-S.C. D-Mass.
    | (?:[A-Za-z]\.){2,}(?![A-Za-z])        # U.S. a.m. D.C.
    | \d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?   # 1,200.5 9:30 1990s 21st
    | n['’]t(?![\w])                         # n't
    | ['’](?:s|re|ve|ll|d|m)(?![\w])         # clitics
    | \w+(?:[-'’]\w+)*(?:['’](?=s\b))?       # words with inner hyphens/apostrophes
    | \.\.\.|…|--|—|–|''                     # ellipses, dashes, two-apostrophe quotes
    | \S                                     # any other single character
    """,
    re.VERBOSE,
)
_CLITIC = re.compile(r"(\w)(n['’]t|['’](?:s|re|ve|ll|d|m))$", re.IGNORECASE)
_CLOSERS = set("\"'”’»)]") | {"''"}
_OPENERS = set("\"'“‘«([")


def tokenize_text(text: str) -> list[list[tuple[str, int, int]]]:
    """Split text into sentences of (token, start, end); paragraphs always end sentences.

    >>> [[t for t, _, _ in s] for s in tokenize_text("Mr. Smith said: “No.” Then he left.")]
    [['Mr.', 'Smith', 'said', ':', '“', 'No', '.', '”'], ['Then', 'he', 'left', '.']]
    """
    sentences: list[list[tuple[str, int, int]]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        tokens: list[tuple[str, int, int]] = []
        offset = paragraph.start()
        for match in _TOKEN.finditer(paragraph.group()):
            word, start = match.group(), offset + match.start()
            clitic = _CLITIC.search(word) if "'" in word or "’" in word else None
            if clitic and clitic.start(2) > 0:
                cut = clitic.start(2)
                tokens.append((word[:cut], start, start + cut))
                tokens.append((word[cut:], start + cut, start + len(word)))
            else:
                tokens.append((word, start, start + len(word)))
        tokens = _attach_abbreviation_periods(tokens)
        sentences.extend(_split_sentences(tokens, text))
    return sentences


def _attach_abbreviation_periods(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    merged: list[tuple[str, int, int]] = []
    for token in tokens:
        if (
            token[0] == "."
            and merged
            and merged[-1][2] == token[1]
            and (merged[-1][0] in lexicon.ABBREVIATIONS or re.fullmatch(r"[A-Z]", merged[-1][0]))
        ):
            word, start, _ = merged.pop()
            merged.append((word + ".", start, token[2]))
        else:
            merged.append(token)
    return merged


def _split_sentences(tokens: list[tuple[str, int, int]], text: str) -> list[list[tuple[str, int, int]]]:
    sentences, current = [], []
    count = len(tokens)
    i = 0
    while i < count:
        current.append(tokens[i])
        word = tokens[i][0]
        if word in (".", "!", "?", "…", "...") or (word.endswith(".") and word[:-1] in lexicon.SENTENCE_FINAL_ABBREVIATIONS):
            # Closing quotes and brackets belong to the sentence they close.
            while i + 1 < count and tokens[i + 1][0] in _CLOSERS and tokens[i + 1][0] not in _OPENERS - {'"', "'"}:
                if tokens[i + 1][0] in "\"'" and not _is_closing_straight(tokens, i + 1, text):
                    break
                i += 1
                current.append(tokens[i])
            following = tokens[i + 1][0] if i + 1 < count else ""
            if not following or following[0].isupper() or following[0] in _OPENERS or following[0].isdigit():
                if word in ("…", "...") and following and not following[0].isupper():
                    i += 1
                    continue
                sentences.append(current)
                current = []
        i += 1
    if current:
        sentences.append(current)
    return sentences


def _is_closing_straight(tokens: list[tuple[str, int, int]], index: int, text: str) -> bool:
    _, start, end = tokens[index]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?)")


def _document(sentences: list[list[tuple[str, int, int]]], text: str) -> stanza_doc.Document:
    return stanza_doc.Document(
        [
            [
                # Offsets as fields, not a MISC string stanza would have to parse back.
                {stanza_doc.TEXT: word, stanza_doc.START_CHAR: start, stanza_doc.END_CHAR: end}
                for word, start, end in sentence
            ]
            for sentence in sentences
        ],
        text,
    )


if TOKENIZER_NAME not in PROCESSOR_VARIANTS["tokenize"]:

    @register_processor_variant("tokenize", TOKENIZER_NAME)
    class RuleTokenizer(ProcessorVariant):
        """Model-free tokenizer and sentence splitter tuned for news prose and quote marks."""

        def __init__(self, config: dict):
            self.no_ssplit = config.get("no_ssplit", False)

        def process(self, document):
            text = document.text if isinstance(document, stanza_doc.Document) else document
            sentences = tokenize_text(text)
            if self.no_ssplit:
                sentences = [[token for sentence in sentences for token in sentence]]
            return _document(sentences, text)


def tag_entities(document: stanza_doc.Document) -> None:
    """Pattern NER: BIOES tags on tokens for PERSON, ORG, GPE and MISC, then ``build_ents``."""
    from .entities import find_entities

    words_by_sentence = [[token.text for token in sentence.tokens] for sentence in document.sentences]
    found = [find_entities(words) for words in words_by_sentence]
    # A lone surname is a person once the article has named someone by it in full.
    known_people = {
        words[last] for words, entities in zip(words_by_sentence, found) for first, last, label in entities
        if label == "PERSON" and last > first
    }
    for sentence, words, entities in zip(document.sentences, words_by_sentence, found):
        tags = ["O"] * len(sentence.tokens)
        for first, last, label in entities:
            if label == "MISC" and first == last and words[first] in known_people:
                label = "PERSON"
            if first == last:
                tags[first] = f"S-{label}"
            else:
                tags[first] = f"B-{label}"
                for k in range(first + 1, last):
                    tags[k] = f"I-{label}"
                tags[last] = f"E-{label}"
        for token, tag in zip(sentence.tokens, tags):
            token.ner = tag
    document.build_ents()


if NER_NAME not in NAME_TO_PROCESSOR_CLASS:

    @register_processor(NER_NAME)
    class PatternNER(Processor):
        """Gazetteer and capitalisation patterns standing in for the neural NER model."""

        PROVIDES_DEFAULT = {"ner"}
        REQUIRES_DEFAULT = {"tokenize"}

        def _set_up_model(self, config, pipeline, device):
            pass

        def process(self, document):
            tag_entities(document)
            return document


def default_model_dir() -> str:
    """Where stanza models live: $STANZA_RESOURCES_DIR or stanza's default."""
    return os.environ.get("STANZA_RESOURCES_DIR") or stanza.resources.common.DEFAULT_MODEL_DIR


def models_installed(model_dir: str | None = None) -> bool:
    """True when the official English models needed for the "stanza" engine are on disk."""
    folder = Path(model_dir or default_model_dir())
    resources = folder / "resources.json"
    if not resources.exists():
        return False
    try:
        listing = json.loads(resources.read_text())
    except (OSError, ValueError):
        return False
    if "default_processors" not in listing.get("en", {}) or not listing["en"]["default_processors"]:
        return False
    return all((folder / "en" / processor).is_dir() for processor in ("tokenize", "pos", "depparse", "ner"))


def download_models(model_dir: str | None = None) -> None:
    """Fetch the official English models (needs a network connection)."""
    folder = model_dir or default_model_dir()
    try:
        stanza.download("en", model_dir=folder, processors=MODEL_PROCESSORS, logging_level="WARN")
    except Exception as error:  # stanza raises bare requests/OSError types offline
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise RuntimeError(f"could not download stanza models to {folder}: {first_line}") from error


def resolve_engine(engine: str, model_dir: str | None = None) -> str:
    """Turn "auto" into the engine that will really run."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "stanza" if models_installed(model_dir) else "rules"
    if engine == "stanza" and not models_installed(model_dir):
        raise RuntimeError(
            f"stanza models are not installed in {model_dir or default_model_dir()}; "
            "run `quotetrack models download` on a connected machine or use --engine rules"
        )
    return engine


def _stub_dir() -> str:
    folder = Path(os.environ.get("QUOTETRACK_CACHE", Path.home() / ".cache" / "quotetrack")) / "stanza"
    folder.mkdir(parents=True, exist_ok=True)
    resources = folder / "resources.json"
    if not resources.exists() or json.loads(resources.read_text()) != _STUB_RESOURCES:
        resources.write_text(json.dumps(_STUB_RESOURCES))
    return str(folder)


@cache
def build_pipeline(engine: str = "auto", model_dir: str | None = None) -> stanza.Pipeline:
    """One stanza Pipeline for the engine; cached because building one is slow."""
    engine = resolve_engine(engine, model_dir)
    logging.getLogger("stanza").setLevel(logging.WARNING)
    if engine == "stanza":
        return stanza.Pipeline(
            "en",
            dir=model_dir or default_model_dir(),
            processors=MODEL_PROCESSORS,
            download_method=None,
            logging_level="WARN",
        )
    return stanza.Pipeline(
        "en",
        dir=_stub_dir(),
        processors={"tokenize": TOKENIZER_NAME, NER_NAME: NER_NAME},
        download_method=None,
        logging_level="WARN",
    )
