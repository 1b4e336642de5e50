"""Who started a change (no Qt here); what changed is a model.edits.changes.Changes."""

from __future__ import annotations

from typing import Literal

# edit: a panel, menu or toolbar action, as the clerk did it (a command's first run);
# undo, redo: the undo stack ran a command again; collect: returned workbooks were merged;
# import: a workbook was imported; refresh: another window or program committed it
# (gui/window/live_refresh.py).
Origin = Literal["edit", "undo", "redo", "collect", "import", "refresh"]
