"""Attaching files, refused or not, in any order (a Hypothesis state machine): the evidence store
only ever holds files some row refers to, and a refusal changes neither the rows nor the store."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from model.errors import ModelError
from model.services import Services
from model.storage.filestore import FileStore
from tests.db_templates import demo_services

CONTENTS = [f"材料 {n}".encode() * (n + 1) for n in range(6)]


class AttachMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="attach-state-"))
        self.services: Services = demo_services(self.folder / "a.db")
        self.item = self.services.items.list(self.services.assessments.list()[0].id)[0].id
        self.attached: list[int] = []  # evidence ids, in order

    def teardown(self) -> None:
        self.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _file(self, index: int) -> Path:
        path = self.folder / "in" / f"{index}.pdf"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(CONTENTS[index])
        return path

    def _snapshot(self) -> tuple[list, set[str]]:
        rows = self.services.evidence.list(self.item)
        return [(r.id, r.file_sha256) for r in rows], FileStore(self.services.db.files_dir).stored_hashes()

    @rule(indexes=st.lists(st.integers(0, len(CONTENTS) - 1), min_size=1, max_size=3))
    def attach(self, indexes: list[int]) -> None:
        records = self.services.evidence.attach_files(self.item, [self._file(i) for i in indexes])
        self.attached += [r.id for r in records]

    @rule(indexes=st.lists(st.integers(0, len(CONTENTS) - 1), max_size=3),
          poison=st.sampled_from(["link", "fifo", "missing", "wrong item"]))
    def refused_attach(self, indexes: list[int], poison: str) -> None:
        files = [self._file(i) for i in indexes]
        bad = self.folder / "in" / f"bad-{poison}"
        if poison == "link" and not bad.exists():
            bad.symlink_to(files[0] if files else self._file(0))
        elif poison == "fifo" and not bad.exists():
            os.mkfifo(bad)
        item = self.item + 10_000 if poison == "wrong item" else self.item
        before = self._snapshot()
        try:
            self.services.evidence.attach_files(item, [*files, bad])
        except ModelError:
            pass
        else:
            raise AssertionError(f"{poison} was not refused")
        assert self._snapshot() == before

    @precondition(lambda self: self.attached)
    @rule(data=st.data())
    def detach(self, data: st.DataObject) -> None:
        evidence_id = data.draw(st.sampled_from(self.attached))
        self.services.evidence.detach(evidence_id)
        self.attached.remove(evidence_id)

    @invariant()
    def every_stored_file_was_attached_once(self) -> None:
        rows, stored = self._snapshot()
        assert [r[0] for r in rows] == self.attached
        # detached files stay until check --fix (undo may need them); refusals add none
        assert {sha for _id, sha in rows} <= stored
        assert stored <= {hashlib.sha256(c).hexdigest() for c in CONTENTS}


AttachMachine.TestCase.settings = settings(max_examples=12, stateful_step_count=8, deadline=None,
                                           derandomize=True,
                                           suppress_health_check=[HealthCheck.too_slow])
TestAttachMachine = AttachMachine.TestCase
