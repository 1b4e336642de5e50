"""services.audit: the recorded history of a row's changes."""

from __future__ import annotations

from model.sharing.audit import Change, item_history
from model.storage.db import Database


class AuditService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def item_history(self, item_id: int) -> list[Change]:
        """Every recorded change of the item and its evidence, oldest first."""
        return item_history(self._db, item_id)
