"""The stanza side: engines and their pipelines, the rule tokenizer, pattern NER, models.

- ``engines``: ENGINES, resolve_engine, build_pipeline
- ``tokenizer``: the rule tokenizer, registered as stanza's "quotetrack" tokenize variant
- ``ner`` and ``entities``: pattern NER, registered as the "quotetrack_ner" processor
- ``models``: the official English models (where, whether installed, download)
"""

from .engines import ENGINES, build_pipeline, resolve_engine
from .models import (
    MODEL_PROCESSORS,
    default_model_dir,
    download_models,
    models_installed,
)
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
