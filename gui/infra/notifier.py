"""Announces what changed (and what failed) so each panel refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from model.errors import ModelError


class ChangeNotifier(QObject):
    # Every write, undo, redo and what another window committed: one Changes (model/edits/changes.py:
    # flags, ids and the rows as stored) and who started it (an Origin of gui/infra/change.py).
    changed = Signal(object, str)
    failed = Signal(ModelError)  # a conflict or refusal the user must see
