"""The local store: SQLite in WAL mode with ordered migrations."""

from bot.store.db import open_store, open_store_readonly
from bot.store.repo import Store

__all__ = ["Store", "open_store", "open_store_readonly"]
