"""The official stanza English models: where they live, whether they are there, fetching them.

>>> models_installed("/nonexistent/folder")
False
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from functools import cache
from pathlib import Path

from ..errors import EngineError

MODEL_PROCESSORS = "tokenize,mwt,pos,lemma,depparse,ner"


def default_model_dir() -> str:
    """Where stanza models live: $STANZA_RESOURCES_DIR or stanza's default."""
    return os.environ.get("STANZA_RESOURCES_DIR") or _stanza_default_dir()


@cache
def _stanza_default_dir() -> str:
    """stanza's ``DEFAULT_MODEL_DIR``, worked out as stanza does but without importing it: importing
    stanza loads torch, seconds that a re-ingest of unchanged articles with ``--engine auto`` would
    otherwise spend only to learn that no models are installed."""
    try:
        from platformdirs import user_cache_dir

        spec = importlib.util.find_spec("stanza")
        locations = spec.submodule_search_locations if spec else None
        version_file = Path(next(iter(locations))) / "_version.py" if locations else None
        found = re.search(r"__resources_version__\s*=\s*['\"]([^'\"]+)", version_file.read_text()) if version_file else None
        if found:
            return os.path.join(user_cache_dir("stanza", "StanfordNLP", found.group(1)), "resources")
    except (ImportError, OSError):
        pass
    import stanza

    return str(stanza.resources.common.DEFAULT_MODEL_DIR)


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
    """Fetch the official English models (needs a network connection); EngineError when that fails."""
    folder = model_dir or default_model_dir()
    try:
        import stanza

        stanza.download("en", model_dir=folder, processors=MODEL_PROCESSORS, logging_level="WARN")
    except Exception as error:  # stanza raises bare requests/OSError types offline
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise EngineError(f"could not download stanza models to {folder}: {first_line}") from error
