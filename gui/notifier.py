"""Announces what changed (and what failed) so each panel refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from gui.change import Change
from model.errors import ModelError


class ChangeNotifier(QObject):
    # Each carries a Change (gui/change.py) of its kind, saying who started it.
    item_changed = Signal(Change)  # Change[ItemRecord]: one item's fields
    dimension_changed = Signal(Change)  # Change[DimensionRecord]: name or report heading
    assessment_changed = Signal(Change)  # Change[AssessmentRecord]
    narrative_changed = Signal(Change)  # Change[NarrativeRecord]
    structure_changed = Signal(Change)  # Change[None]: the tree changed; row_kind, row_id to select
    evidence_changed = Signal(Change)  # Change[None]: row_id is the item whose evidence changed
    failed = Signal(ModelError)  # a conflict or refusal the user must see
