"""Engines and their pipelines, the rule tokenizer, pattern NER, models.

- ``engines``: ENGINES, resolve_engine, build_pipeline
- ``tokenizer``: the rule tokenizer
- ``ner`` and ``entities``: pattern NER (BIOES tags per token)
- ``stanza_rules``: both as stanza processors ("quotetrack" tokenize variant, "quotetrack_ner")
- ``models``: the official English models (where, whether installed, download)

Only ``stanza_rules``, ``build_pipeline`` and downloading import stanza and torch (inside the
functions that need them): the rules engine never does.
"""

from __future__ import annotations

from .engines import ENGINES, build_pipeline, resolve_engine
from .models import MODEL_PROCESSORS, default_model_dir, download_models, models_installed
from .tokenizer import tokenize_text

__all__ = [
    "ENGINES",
    "MODEL_PROCESSORS",
    "build_pipeline",
    "default_model_dir",
    "download_models",
    "models_installed",
    "resolve_engine",
    "tokenize_text",
]
