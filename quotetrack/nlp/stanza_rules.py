"""The rule tokenizer and pattern NER as stanza processors, for a stanza Pipeline of the rules engine.

The rules engine itself never builds stanza Documents (see
:func:`quotetrack.extract.sentences.rule_analysis`); this module lets a stanza Pipeline run the
same rules (``build_pipeline("rules")``), for code that wants stanza Documents. Importing it
imports stanza and torch and registers the "quotetrack" tokenize variant and the
"quotetrack_ner" processor.

>>> from quotetrack.nlp.engines import build_pipeline
>>> [(ent.text, ent.type) for ent in build_pipeline("rules")("Sen. Ted Cruz met Cruz.").ents]
[('Ted Cruz', 'PERSON'), ('Cruz', 'PERSON')]
"""

from __future__ import annotations

from typing import ClassVar

from stanza.models.common import doc as stanza_doc
from stanza.pipeline.processor import Processor, ProcessorVariant, register_processor, register_processor_variant
from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS, PROCESSOR_VARIANTS

from .ner import NER_NAME, entity_tags
from .tokenizer import TOKENIZER_NAME, Token, tokenize_text


def tag_entities(document: stanza_doc.Document) -> None:
    """Pattern NER: BIOES tags on tokens for PERSON, ORG, GPE and MISC, then ``build_ents``."""
    tagged = entity_tags([[token.text for token in sentence.tokens] for sentence in document.sentences])
    for sentence, tags in zip(document.sentences, tagged):
        for token, tag in zip(sentence.tokens, tags):
            token.ner = tag
    document.build_ents()


def _document(sentences: list[list[Token]], text: str) -> stanza_doc.Document:
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


# Registered once: stanza's registry is global and re-registering a variant is an error.
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


if NER_NAME not in NAME_TO_PROCESSOR_CLASS:

    @register_processor(NER_NAME)
    class PatternNER(Processor):
        """Gazetteer and capitalisation patterns standing in for the neural NER model."""

        # Plain sets, as stanza expects (it calls set.union on them).
        PROVIDES_DEFAULT: ClassVar[set[str]] = {"ner"}
        REQUIRES_DEFAULT: ClassVar[set[str]] = {"tokenize"}

        def _set_up_model(self, config, pipeline, device):
            pass

        def process(self, document):
            tag_entities(document)
            return document
