"""The stanza side: engines and their pipelines, the rule tokenizer, pattern NER, models.

- ``engines``: ENGINES, resolve_engine, build_pipeline
- ``tokenizer``: the rule tokenizer, registered as stanza's "quotetrack" tokenize variant
- ``ner`` and ``entities``: pattern NER, registered as the "quotetrack_ner" processor
- ``models``: the official English models (where, whether installed, download)

Names load on first use, so that modules needing only the pattern NER's word rules
(``quotetrack.nlp.entities``) do not import stanza and torch.
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
