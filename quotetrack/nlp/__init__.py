"""Engines and their pipelines, the rule tokenizer, pattern NER, models.

- ``engines``: ENGINES, resolve_engine, build_pipeline
- ``tokenizer``: the rule tokenizer
- ``ner`` and ``entities``: pattern NER (BIOES tags per token)
- ``stanza_rules``: both as stanza processors ("quotetrack" tokenize variant, "quotetrack_ner")
- ``models``: the official English models (where, whether installed, download)

Names load on first use, and only ``stanza_rules``, ``build_pipeline`` and downloading
import stanza and torch: the rules engine never does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

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

_HOMES = {
    "ENGINES": "engines",
    "build_pipeline": "engines",
    "resolve_engine": "engines",
    "MODEL_PROCESSORS": "models",
    "default_model_dir": "models",
    "download_models": "models",
    "models_installed": "models",
    "tokenize_text": "tokenizer",
}

if TYPE_CHECKING:
    from .engines import ENGINES, build_pipeline, resolve_engine
    from .models import MODEL_PROCESSORS, default_model_dir, download_models, models_installed
    from .tokenizer import tokenize_text


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'quotetrack.nlp' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value
