"""Announces what changed (and what failed) so each panel refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeNotifier(QObject):
    item_changed = Signal(object)  # ItemRecord: one item's fields
    dimension_changed = Signal(object)  # DimensionRecord: name or report heading
    assessment_changed = Signal(object)  # AssessmentRecord
    narrative_changed = Signal(object)  # NarrativeRecord
    structure_changed = Signal(str, int)  # ("item"|"dimension", id to select): the tree changed
    evidence_changed = Signal(int)  # item id whose evidence list changed
    failed = Signal(object)  # ModelError: a conflict or refusal the user must see
