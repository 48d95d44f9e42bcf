"""Pattern NER as a stanza processor: the entities of nlp.entities as BIOES tags on tokens.

>>> from quotetrack.nlp.engines import build_pipeline
>>> [(ent.text, ent.type) for ent in build_pipeline("rules")("Sen. Ted Cruz met Cruz.").ents]
[('Ted Cruz', 'PERSON'), ('Cruz', 'PERSON')]
"""

from __future__ import annotations

from typing import ClassVar

from stanza.models.common import doc as stanza_doc
from stanza.pipeline.processor import Processor, register_processor
from stanza.pipeline.registry import NAME_TO_PROCESSOR_CLASS

from .entities import find_entities

NER_NAME = "quotetrack_ner"


def tag_entities(document: stanza_doc.Document) -> None:
    """Pattern NER: BIOES tags on tokens for PERSON, ORG, GPE and MISC, then ``build_ents``."""
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


# Registered once: stanza's registry is global and re-registering a processor is an error.
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
