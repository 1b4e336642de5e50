"""Random editing sessions in the real window: undo never lies.

A Hypothesis state machine types into every field of several items (the texts, the quarterly
progress, 责任处室, 责任人, 时限, 备注, the scores as numbers), changes statuses, creates,
deletes and moves items, sets the status and 责任处室 of, moves and deletes several at once,
adds and removes evidence, undoes and redoes.
After every step no conflict or error was shown; at the end, undoing everything gives back the
initial database and redoing everything the final one (whole tables compared)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, Phase, assume, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from gui.infra.settings import Settings
from gui.item_models.framework_tree import ITEM
from gui.window.main_window import MainWindow
from model.vocabulary import STATUS_NAMES as STATUSES
from tests.db_templates import demo_services
from tests.gui.conftest import database_state
from tests.gui.test_editing import action, type_into

TEXTS = ("content", "target", "result", "progress_q1", "progress_q2", "progress_q3",
         "progress_q4", "note")  # the item editor's texts (CountedText)
SCORE_TEXTS = ("indicator_target", "indicator_actual", "deviation_reason")
LINES = ("department", "owner", "deadline")  # one-line fields (QLineEdit)
NUMBERS = ("score_max", "score")  # typed text becomes a number (or nothing when empty)
WORDS = st.sampled_from(["补充", "已完成", "（续）", "a", "年底前", "\n第二行"])
LINE_WORDS = st.sampled_from(["办公室", "（续）", "a", "张三", "2024年6月底前"])
NUMBER_TEXTS = st.sampled_from(["5", "12", "2.5", "0", "100", ""])
DEPARTMENTS = st.sampled_from(["办公室", "法规处", "财务处", ""])
ITEMS = st.integers(min_value=0, max_value=5)  # the first items of the table, wherever they are
PICKS = st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=4, unique=True)


def run_sessions(qtbot: QtBot, answers: list[str]) -> None:
    class EditingSession(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = tempfile.TemporaryDirectory()
            self.services = demo_services(Path(self.folder.name) / "demo.db")
            self.path = self.services.db.sqlite_path
            self.assessment_id = self.services.assessments.list()[0].id
            self.services.assessments.update(self.assessment_id, uses_scores=True)  # score rows
            self.window = MainWindow(self.services, Settings())
            self.window.show()
            self.initial = database_state(self.path)
            answers.clear()

        def item(self, n: int):
            items = self.services.items.list(self.assessment_id)
            assume(items)  # everything deleted: this session ends here
            return items[n % len(items)]

        def show(self, n: int):
            record = self.item(n)
            self.window.select(ITEM, record.id)
            QApplication.processEvents()
            return record

        @rule(n=ITEMS, field=st.sampled_from(TEXTS + SCORE_TEXTS), text=WORDS)
        def type_in_a_field(self, n: int, field: str, text: str) -> None:
            self.show(n)
            editor = self.window.item_editor
            counted = editor.texts[field] if field in editor.texts else editor.scores[field]
            type_into(qtbot, counted.edit, text)

        @rule(n=ITEMS, field=st.sampled_from(LINES), text=LINE_WORDS)
        def type_in_a_line(self, n: int, field: str, text: str) -> None:
            self.show(n)
            type_into(qtbot, self.window.item_editor.lines[field], text)

        @rule(n=ITEMS, field=st.sampled_from(NUMBERS), text=NUMBER_TEXTS)
        def type_a_score(self, n: int, field: str, text: str) -> None:
            """Select what the field holds and type over it, as a clerk corrects a number."""
            self.show(n)
            widget = self.window.item_editor.scores[field]
            assert widget.isVisibleTo(self.window)  # uses_scores shows the score rows
            widget.setFocus()
            widget.selectAll()
            if text:
                event = QInputMethodEvent()
                event.setCommitString(text)
                QApplication.sendEvent(widget, event)
            else:
                widget.del_()  # emptied: no score

        @rule(n=ITEMS, status=st.sampled_from(STATUSES))
        def change_status(self, n: int, status: str) -> None:
            self.show(n)
            self.window.item_editor.status.setCurrentText(status)

        @rule(n=ITEMS)
        def new_item(self, n: int) -> None:
            self.show(n)
            action(self.window, "new_item").trigger()

        @rule(n=ITEMS)
        def delete_item(self, n: int) -> None:
            self.show(n)
            action(self.window, "delete").trigger()

        @rule(n=ITEMS, down=st.booleans())
        def move_item(self, n: int, down: bool) -> None:
            self.show(n)
            action(self.window, "down" if down else "up").trigger()

        @rule(n=ITEMS, last=st.booleans())
        def move_to_another_dimension(self, n: int, last: bool) -> None:
            dims = self.services.dimensions.list(self.assessment_id)
            target = dims[-1 if last else 0]
            self.window.structure.move_to(ITEM, self.show(n).id, target.id, 0)

        def pick(self, picks: list[int]) -> None:
            self.show(picks[0])
            selection = self.window.tree.selectionModel()
            for n in picks[1:]:
                index = self.window.tree_model.index_of(ITEM, self.item(n).id)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.Select)

        @rule(picks=PICKS, status=st.sampled_from(STATUSES))
        def bulk_status(self, picks: list[int], status: str) -> None:
            self.pick(picks)
            self.window.bulk.set_status(status)

        @rule(picks=PICKS, name=DEPARTMENTS)
        def bulk_department(self, picks: list[int], name: str) -> None:
            self.pick(picks)
            with mock.patch.object(QInputDialog, "getItem", return_value=(name, True)):
                self.window.bulk.set_department()

        @rule(picks=PICKS, last=st.booleans())
        def bulk_move(self, picks: list[int], last: bool) -> None:
            self.pick(picks)
            dims = self.services.dimensions.list(self.assessment_id)
            self.window.bulk.move_to(self.window.bulk.selected_items(), dims[-1 if last else 1].id)

        @rule(picks=PICKS)
        def bulk_delete(self, picks: list[int]) -> None:
            self.pick(picks)
            self.window.bulk.delete()

        @rule(n=ITEMS, content=st.binary(min_size=1, max_size=8))
        def add_evidence(self, n: int, content: bytes) -> None:
            self.show(n)
            file = Path(self.folder.name) / "通知.pdf"
            file.write_bytes(content)
            self.window.evidence.add_files([file])

        @rule(n=ITEMS)
        def remove_evidence(self, n: int) -> None:
            self.show(n)
            if self.window.evidence.model.rowCount():
                self.window.evidence.table.selectRow(0)
                self.window.evidence.remove_selected()

        @rule()
        def undo(self) -> None:
            self.window.undo()

        @rule()
        def redo(self) -> None:
            self.window.redo()

        @invariant()
        def nothing_refused(self) -> None:
            assert [a for a in answers if not a.startswith("question:")] == []

        def teardown(self) -> None:
            window, stack = self.window, self.window.undo_stack
            try:
                window.commit_editors()
                final, done = database_state(self.path), stack.index()
                while stack.canUndo():
                    window.undo()
                assert database_state(self.path) == self.initial
                while stack.index() < done:  # redo what was done, not what was undone already
                    window.redo()
                assert database_state(self.path) == final
                self.nothing_refused()
            finally:
                window.close()
                window.deleteLater()
                self.services.close()
                self.folder.cleanup()

    run_state_machine_as_test(EditingSession, settings=settings(
        max_examples=12, stateful_step_count=35, derandomize=True, deadline=None, database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure reports at once
        suppress_health_check=[HealthCheck.too_slow]))


@pytest.mark.usefixtures("window")  # the QApplication, offscreen, and message boxes answered
def test_random_editing_sessions_undo_and_redo_exactly(qtbot: QtBot, answers: list[str]) -> None:
    run_sessions(qtbot, answers)
