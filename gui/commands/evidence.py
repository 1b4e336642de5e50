"""Evidence edits: attach a file or a note, remove; undo restores the same row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui.change import Change
from gui.commands.base import EditContext, ServiceCommand
from model.records import DeletedRows


class AddEvidenceCommand(ServiceCommand):
    def __init__(self, context: EditContext, item_id: int, text: str, *, file: Path | None = None,
                 **fields: Any) -> None:
        super().__init__(context, text)
        self.item_id, self.file, self.fields = item_id, file, fields
        self.evidence_id: int | None = None
        self.deleted: DeletedRows | None = None

    def apply(self) -> None:
        evidence = self.services.evidence
        if self.deleted is not None:
            record = evidence.restore(self.deleted)
        elif self.file is not None:
            record = evidence.attach_file(self.item_id, self.file, **self.fields)
        else:
            record = evidence.add_note(self.item_id, **self.fields)
        self.evidence_id = record.id
        self.notifier.evidence_changed.emit(Change.evidence(self.item_id, self.origin))

    def revert(self) -> None:
        assert self.evidence_id is not None  # undone after it was done
        self.deleted = self.services.evidence.detach(self.evidence_id)
        self.notifier.evidence_changed.emit(Change.evidence(self.item_id, self.origin))


class RemoveEvidenceCommand(ServiceCommand):
    def __init__(self, context: EditContext, item_id: int, evidence_id: int, text: str) -> None:
        super().__init__(context, text)
        self.item_id, self.evidence_id = item_id, evidence_id
        self.deleted: DeletedRows | None = None

    def apply(self) -> None:
        self.deleted = self.services.evidence.detach(self.evidence_id)
        self.notifier.evidence_changed.emit(Change.evidence(self.item_id, self.origin))

    def revert(self) -> None:
        assert self.deleted is not None  # undone after it was done
        self.services.evidence.restore(self.deleted)
        self.notifier.evidence_changed.emit(Change.evidence(self.item_id, self.origin))
