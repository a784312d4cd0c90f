"""Chinese word segmentation for the search columns (jieba, search mode), initialised once.

jieba caches its parsed dictionary in a file; it goes to FAZHI_CACHE_DIR or the system temp folder
(never into site-packages), and jieba's progress logging is silenced.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
import threading
from pathlib import Path

import jieba

_lock = threading.Lock()
_ready = False
# Tokens that are only spaces or punctuation carry nothing for search.
_NOISE = re.compile(r"^[\s\W_]+$")


def _initialise() -> None:
    global _ready
    with _lock:
        if _ready:
            return
        cache_dir = Path(os.environ.get("FAZHI_CACHE_DIR") or Path(tempfile.gettempdir()) / "fazhi")
        cache_dir.mkdir(parents=True, exist_ok=True)
        jieba.setLogLevel(logging.WARNING)
        jieba.dt.tmp_dir = str(cache_dir)
        jieba.initialize()
        _ready = True


def segment(text: str) -> str:
    """Space-separated search-mode words of text, punctuation dropped."""
    if not _ready:
        _initialise()
    return " ".join(w for w in jieba.lcut_for_search(text) if not _NOISE.match(w))
