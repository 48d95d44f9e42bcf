"""The engines: "rules" (model-free, no stanza), "stanza" (a neural stanza Pipeline), "auto".

The default engine ("rules") reads sentences with our own rule tokenizer (nlp.tokenizer)
and names with our own gazetteer-and-pattern NER (nlp.ner); the extractor builds its
sentences from them directly (``extract.sentences.rule_analysis``), so it needs no model
and does not even import stanza and torch. With official English models installed
(``quotetrack models download``), "auto" uses a stanza Pipeline with tokenize, mwt, pos,
lemma, depparse and ner, and the extractor reads speakers off the dependency parse.
``build_pipeline("rules")`` is a stanza Pipeline running the same rules (nlp.stanza_rules),
for code that wants stanza Documents.

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
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import EngineError
from .models import MODEL_PROCESSORS, default_model_dir, models_installed

if TYPE_CHECKING:
    import stanza

# The names our processors register under (nlp.stanza_rules); spelled out here so that
# resolving an engine does not import stanza and torch.
TOKENIZER_NAME = "quotetrack"
NER_NAME = "quotetrack_ner"

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


def resolve_engine(engine: str, model_dir: str | None = None) -> str:
    """Turn "auto" into the engine that will really run; EngineError when it cannot run.

    >>> resolve_engine("rules")
    'rules'
    >>> resolve_engine("magic")
    Traceback (most recent call last):
    ...
    quotetrack.errors.EngineError: unknown engine 'magic'; choose one of auto, rules, stanza
    """
    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if engine == "auto":
        return "stanza" if models_installed(model_dir) else "rules"
    if engine == "stanza" and not models_installed(model_dir):
        raise EngineError(
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
    import stanza

    from . import stanza_rules  # noqa: F401  (importing registers the model-free engine's processors)

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
