"""Evidence edits: attach a file or a note, remove; undo restores the same row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui.commands.base import EditContext, ServiceCommand
from model.edits.changes import Changes
from model.records import DeletedRows


class AddEvidenceCommand(ServiceCommand):
    def __init__(self, context: EditContext, item_id: int, text: str, *, file: Path | None = None,
                 **fields: Any) -> None:
        super().__init__(context, text)
        self.item_id, self.file, self.fields = item_id, file, fields
        self.evidence_id: int | None = None
        self.deleted: DeletedRows | None = None

    def apply(self) -> Changes:
        writes = self.writes
        if self.deleted is not None:
            outcome = writes.restore_evidence(self.deleted)
        elif self.file is not None:
            outcome = writes.attach_file(self.item_id, self.file, **self.fields)
        else:
            outcome = writes.add_note(self.item_id, **self.fields)
        self.evidence_id = outcome.result.id
        return outcome.changes

    def revert(self) -> Changes:
        assert self.evidence_id is not None  # undone after it was done
        outcome = self.writes.detach(self.evidence_id)
        self.deleted = outcome.result
        return outcome.changes


class RemoveEvidenceCommand(ServiceCommand):
    def __init__(self, context: EditContext, item_id: int, evidence_id: int, text: str) -> None:
        super().__init__(context, text)
        self.item_id, self.evidence_id = item_id, evidence_id
        self.deleted: DeletedRows | None = None

    def apply(self) -> Changes:
        outcome = self.writes.detach(self.evidence_id)
        self.deleted = outcome.result
        return outcome.changes

    def revert(self) -> Changes:
        assert self.deleted is not None  # undone after it was done
        return self.writes.restore_evidence(self.deleted).changes
