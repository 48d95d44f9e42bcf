"""The stanza side: pipelines for both engines, the rule tokenizer and pattern NER, models."""

from .pipeline import (
    ENGINES,
    MODEL_PROCESSORS,
    build_pipeline,
    default_model_dir,
    download_models,
    models_installed,
    resolve_engine,
    tokenize_text,
)

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
