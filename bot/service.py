"""What a running bot holds: settings, the current knowledge (reloadable) and the store."""

from __future__ import annotations

import gc
import logging
import tempfile
import threading
from pathlib import Path

from bot.answer import Knowledge
from bot.config import Settings
from bot.errors import KnowledgeError
from bot.loader import load_knowledge
from bot.search import build_index
from bot.storage import Store

log = logging.getLogger("bot")


PARSE_CACHE = Path(tempfile.gettempdir()) / "defense-bot-knowledge-cache"


def load(directory: Path, *, cache: Path | None = PARSE_CACHE) -> Knowledge:
    """Load, validate and index the knowledge base (raises KnowledgeError).

    Loading builds a few hundred thousand small objects that live as long as the knowledge
    does. Python's cycle collector would scan them again and again while they are built (at
    10,000 aliases, a third of the start-up), and then at every full collection while the
    bot serves: so it is paused while loading, and what was loaded is frozen out of its
    sight (`gc.freeze`). Plain reference counting still frees a replaced knowledge base."""
    paused = gc.isenabled()
    gc.disable()
    try:
        gc.unfreeze()  # a reload: what the previous load froze may be collected again
        kb = load_knowledge(directory, cache=cache)
        knowledge = Knowledge(kb, build_index(kb))
    finally:
        if paused:
            gc.enable()
    gc.freeze()
    return knowledge


class Service:
    """The long-lived state every surface shares. Reload swaps the knowledge atomically."""

    def __init__(self, settings: Settings, *, store: Store | None = None) -> None:
        self.settings = settings
        self._knowledge = load(settings.knowledge_dir)
        self._reload_lock = threading.Lock()
        self.store = store if store is not None else Store(settings.database_url)

    @property
    def knowledge(self) -> Knowledge:
        return self._knowledge

    def reload(self) -> KnowledgeError | None:
        """Reload from disk; on errors keep serving the last good knowledge and return them."""
        with self._reload_lock:
            try:
                fresh = load(self.settings.knowledge_dir)
            except KnowledgeError as error:
                log.warning("knowledge reload refused: %s", error)
                return error
            self._knowledge = fresh
            log.info("knowledge reloaded: %s", fresh.kb.counts())
            return None

    def close(self) -> None:
        self.store.close()
