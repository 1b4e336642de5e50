"""Two windows' undo stacks on one finance form, as a state machine: edits (some in the same field
visit), undos, redos and refreshes interleaved over one text, one fund amount and one indicator
cell; after every step the database equals the model of the accepted operations, and every
refused write was reported (never a silent overwrite)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtGui import QUndoStack

import resources
from gui.commands.base import EditContext
from gui.commands.finance import FinanceEditCommand
from gui.infra.notifier import ChangeNotifier
from model.finance.fields import same_value
from model.services import Services
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated

FIELDS = ("goal_actual", "spent", "indicator_actual")
VALUES = {"goal_actual": ("甲", "乙", " 丙 "), "spent": ("100", "250.5", "300"),
          "indicator_actual": ("50个", "60个", "")}
KIND = {"goal_actual": "form", "spent": "fund", "indicator_actual": "indicator"}


def stored(field: str, value: Any) -> Any:
    """A value as the services store it."""
    if field == "spent":
        return float(value)
    return value.strip() if field == "goal_actual" else value


class Window:
    def __init__(self, path: Path) -> None:
        self.services = Services.over(open_sqlite(path))
        self.notifier = ChangeNotifier()
        self.context = EditContext(self.services, self.notifier)
        self.stack = QUndoStack()
        self.failures: list[str] = []
        self.notifier.failed.connect(lambda error: self.failures.append(error.message))
        self.shown: dict[str, Any] = {}
        self.visits: dict[str, int] = {}


class TwoFinanceWindows(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="finance-undo-"))
        path = self.folder / "form.db"
        services = Services.over(open_sqlite(migrated(path)))
        finance = services.finance
        self.assessment = finance.create(resources.demo_project_form())
        self.fund = finance.funds(self.assessment)[0].id
        self.item = finance.indicators(self.assessment)[0].item_id
        services.close()
        self.windows = [Window(path), Window(path)]
        self.model = self.read(self.windows[0])
        self.refused = 0
        self.visit = 0
        for window in self.windows:
            window.shown = dict(self.model)

    def teardown(self) -> None:
        for window in self.windows:
            window.stack.clear()
            window.services.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def read(self, window: Window) -> dict[str, Any]:
        finance = window.services.finance
        form = finance.form(self.assessment)
        assert form is not None
        spent = next(f for f in finance.funds(self.assessment) if f.id == self.fund).spent
        return {"goal_actual": form.goal_actual, "spent": spent,
                "indicator_actual": window.services.items.get(self.item).indicator_actual}

    def row_of(self, field: str) -> int:
        return {"form": self.assessment, "fund": self.fund, "indicator": self.item}[KIND[field]]

    @rule(w=st.integers(0, 1), field=st.sampled_from(FIELDS), pick=st.integers(0, 2),
          same_visit=st.booleans())
    def edit(self, w: int, field: str, pick: int, same_visit: bool) -> None:
        window = self.windows[w]
        value = VALUES[field][pick]
        if not same_visit or field not in window.visits:
            self.visit += 1
            window.visits[field] = self.visit
        steps = window.stack.index()
        window.stack.push(FinanceEditCommand(
            window.context, KIND[field], self.row_of(field), field, window.shown[field], value,
            "编辑", visit=window.visits[field]))
        if same_value(self.model[field], window.shown[field]):
            self.model[field] = window.shown[field] = stored(field, value)
            assert window.stack.index() in (steps, steps + 1)
        else:
            self.refused += 1
            assert window.stack.index() == steps  # a refused edit leaves no step behind
            window.visits.pop(field)

    @rule(w=st.integers(0, 1))
    def undo(self, w: int) -> None:
        window = self.windows[w]
        if not window.stack.canUndo():
            return
        command = window.stack.command(window.stack.index() - 1)
        field = command.field
        ok = same_value(self.model[field], command.stored_new)
        window.stack.undo()
        window.visits.pop(field, None)  # an undo ends the visit
        if ok:
            self.model[field] = window.shown[field] = stored(field, command.old)
        else:
            self.refused += 1

    @rule(w=st.integers(0, 1))
    def redo(self, w: int) -> None:
        window = self.windows[w]
        if not window.stack.canRedo():
            return
        command = window.stack.command(window.stack.index())
        field = command.field
        ok = same_value(self.model[field], command.stored_old)
        window.stack.redo()
        if ok:
            self.model[field] = window.shown[field] = stored(field, command.new)
        else:
            self.refused += 1

    @rule(w=st.integers(0, 1))
    def refresh(self, w: int) -> None:
        """The window reads the form again (as live refresh does)."""
        window = self.windows[w]
        window.shown = self.read(window)
        window.visits.clear()

    @invariant()
    def the_database_is_the_accepted_operations(self) -> None:
        now = self.read(self.windows[0])
        assert all(same_value(now[f], self.model[f]) for f in FIELDS), (now, self.model)

    @invariant()
    def every_refusal_was_reported(self) -> None:
        assert sum(len(w.failures) for w in self.windows) == self.refused


def test_two_windows_edit_undo_and_redo_one_finance_form(qapp) -> None:
    run_state_machine_as_test(TwoFinanceWindows, settings=settings(
        max_examples=12, stateful_step_count=20, deadline=None, derandomize=True,
        phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failure is shown as found
        suppress_health_check=[HealthCheck.too_slow]))
