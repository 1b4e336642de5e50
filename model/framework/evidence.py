"""Evidence (证明材料): files and written notes backing an item; classified ones keep no file."""

from __future__ import annotations

import builtins
import mimetypes
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from model.errors import EvidenceFileError, ValidationError
from model.framework.rows import (
    check_unchanged,
    check_version,
    get_row,
    restore_in_place,
    set_positions,
    snapshot,
    to_record,
)
from model.records import EVIDENCE_EDITABLE_FIELDS, DeletedRows, EvidenceRecord
from model.schema import CheckItem, Evidence
from model.storage.db import Database
from model.storage.filestore import refuse_unsuitable
from model.storage.server_filestore import store_for
from model.text.dates import parse_date
from model.text.doc_numbers import normalize_doc_no
from model.text.rules import clean_line


class EvidenceService:
    def __init__(self, database: Database) -> None:
        self.db = database
        self.files = store_for(database)

    def list(self, item_id: int) -> list[EvidenceRecord]:
        with self.db.transaction() as session:
            query = select(Evidence).where(Evidence.item_id == item_id).order_by(
                Evidence.position, Evidence.id)
            return [to_record(row, EvidenceRecord) for row in session.scalars(query)]

    def get(self, evidence_id: int) -> EvidenceRecord:
        with self.db.transaction() as session:
            return to_record(get_row(session, Evidence, evidence_id), EvidenceRecord)

    def attach_file(self, item_id: int, source: Path, **fields: Any) -> EvidenceRecord:
        """Store source in the evidence folder and attach it to the item."""
        return self._attach(item_id, [Path(source)], fields, expand=False)[0]

    def attach_files(self, item_id: int, sources: builtins.list[Path],
                     **fields: Any) -> builtins.list[EvidenceRecord]:
        """Attach several files (a folder adds the files in it) in one transaction: the item is
        checked first, every file is stored, then all rows are added; on any refusal the files
        this call added to the store are taken out again, so nothing is left behind."""
        return self._attach(item_id, [Path(s) for s in sources], fields, expand=True)

    def _attach(self, item_id: int, sources: builtins.list[Path], fields: dict[str, Any], *,
                expand: bool) -> builtins.list[EvidenceRecord]:
        fields = _validated(fields)
        if fields.get("classified"):
            raise EvidenceFileError("涉密材料只保留说明，不能附加电子文件。")
        if any(not str(s).strip() for s in sources):
            raise EvidenceFileError("文件名为空。")
        with self.db.transaction() as session:
            get_row(session, CheckItem, item_id)  # a wrong item stores nothing
        files = expand_folders(sources) if expand else sources
        if not files:
            raise EvidenceFileError("没有可添加的文件（文件夹是空的？）。")
        for path in files:  # every file looked at before the first is stored
            refuse_unsuitable(path)
        added: list[str] = []
        try:
            stored = []
            for path in files:
                sha256, size, created = self.files.put_tracked(path)
                if created:
                    added.append(sha256)
                stored.append((path, sha256, size))
            return self._add_rows(item_id, stored, fields)
        except BaseException:
            self._take_out(added)
            raise

    def _add_rows(self, item_id: int, stored: builtins.list[tuple[Path, str, int]],
                  fields: dict[str, Any]) -> builtins.list[EvidenceRecord]:
        with self.db.transaction() as session:
            get_row(session, CheckItem, item_id)
            position = len(_sibling_ids(session, item_id))
            rows = []
            for offset, (path, sha256, size) in enumerate(stored):
                values = {"title": clean_line(path.stem), **fields}
                row = Evidence(item_id=item_id, position=position + offset,
                               file_name=clean_line(path.name), file_size=size, file_sha256=sha256,
                               file_type=mimetypes.guess_type(path.name)[0]
                               or "application/octet-stream", **values)
                session.add(row)
                rows.append(row)
            session.flush()
            return [to_record(row, EvidenceRecord) for row in rows]

    def _take_out(self, hashes: builtins.list[str]) -> None:
        """Remove files this call stored, unless a row (of another window) refers to them now."""
        if not hashes:
            return
        with self.db.transaction() as session:
            used = set(session.scalars(select(Evidence.file_sha256)
                                      .where(Evidence.file_sha256.in_(hashes))))
        for sha256 in set(hashes) - used:
            self.files.remove(sha256)

    def add_note(self, item_id: int, title: str, note: str = "", **fields: Any) -> EvidenceRecord:
        """A written-only evidence entry (also how a classified document is recorded)."""
        fields = _validated({"title": title, "note": note, **fields})
        if not fields["title"].strip() and not fields["note"].strip():
            raise ValidationError("证明材料至少需要标题或说明。")
        return self._add(item_id, **fields)

    def update(self, evidence_id: int, expected_version: int | None = None, *,
               unchanged: Mapping[str, Any] | None = None, **changes: Any) -> EvidenceRecord:
        changes = _validated(changes)
        expected = _validated(dict(unchanged)) if unchanged else None
        with self.db.transaction() as session:
            row = get_row(session, Evidence, evidence_id)
            check_version(row, expected_version)
            check_unchanged(row, expected)
            if changes.get("classified") and row.file_sha256 is not None:
                raise EvidenceFileError(
                    "该材料附有电子文件，不能标为涉密；涉密材料只保留说明，请先移除文件。")
            for key, value in changes.items():
                setattr(row, key, value)
            session.flush()
            return to_record(row, EvidenceRecord)

    def detach(self, evidence_id: int) -> DeletedRows:
        """Remove from the item; the stored file stays until a check --fix, so undo can restore."""
        with self.db.transaction() as session:
            row = get_row(session, Evidence, evidence_id)
            item_id, rows = row.item_id, (snapshot(row),)
            session.execute(delete(Evidence).where(Evidence.id == evidence_id))
            set_positions(session, Evidence, _sibling_ids(session, item_id))
            return DeletedRows(rows)

    def restore(self, deleted: DeletedRows) -> EvidenceRecord:
        root = deleted.rows[0].as_dict()
        with self.db.transaction() as session:
            siblings = _sibling_ids(session, root["item_id"])
            return to_record(restore_in_place(session, deleted, Evidence, siblings), EvidenceRecord)

    def file_path(self, evidence_id: int) -> Path:
        """The stored file of an evidence row, for opening in the system's viewer."""
        with self.db.transaction() as session:
            row = get_row(session, Evidence, evidence_id)
            if row.file_sha256 is None:
                raise EvidenceFileError("该证明材料没有电子文件。")
            problem = self.files.verify(row.file_sha256)
            if problem:
                raise EvidenceFileError(f"证明材料“{row.title}”的文件有问题：{problem}。")
            return self.files.path_for(row.file_sha256)

    def _add(self, item_id: int, **values: Any) -> EvidenceRecord:
        with self.db.transaction() as session:
            get_row(session, CheckItem, item_id)
            position = len(_sibling_ids(session, item_id))
            row = Evidence(item_id=item_id, position=position, **values)
            session.add(row)
            session.flush()
            return to_record(row, EvidenceRecord)


def _validated(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EVIDENCE_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(f"证明材料没有这些字段：{', '.join(sorted(unknown))}")
    clean = {k: (v if k == "classified" else ("" if v is None else str(v).strip()))
             for k, v in values.items()}
    if "issued_on" in clean:
        clean["issued_on"] = parse_date(clean["issued_on"])
    if "classified" in clean:
        clean["classified"] = bool(clean["classified"])
    if "doc_no" in clean:
        clean["doc_no"] = normalize_doc_no(clean["doc_no"])
    return clean


def expand_folders(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the files directly in it (sorted by name)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            files.extend(sorted(p for p in path.iterdir() if not p.is_dir()))
        else:
            files.append(path)
    return files


def _sibling_ids(session: Session, item_id: int) -> list[int]:
    query = select(Evidence.id).where(Evidence.item_id == item_id).order_by(
        Evidence.position, Evidence.id)
    return list(session.scalars(query))
