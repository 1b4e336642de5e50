"""The revision facts of the migration scripts (head, every revision, Alembic's configuration),
read without opening a database: examine, reference, salvage and migrate all ask here."""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# A script's own lines, as Alembic reads them: revision = "0009", down_revision = "0008" / None
_REVISION_LINE = re.compile(r"^(down_revision|revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def alembic_config() -> Config:
    from alembic.config import Config  # Alembic is loaded only when a migration is to run

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    return _revisions()[0]


def known_revisions() -> set[str]:
    return set(_revisions()[1])


@cache
def _revisions() -> tuple[str, frozenset[str]]:
    """(head, every revision) from the migration scripts' revision lines, without importing
    Alembic (it costs a third of a second); Alembic itself decides anything less plain (a
    branch, a merge, a computed revision), so the answer is always Alembic's."""
    graph = _plain_revision_graph()
    if graph is not None:
        heads = set(graph) - {down for down in graph.values() if down is not None}
        if len(heads) == 1:
            return heads.pop(), frozenset(graph)
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    assert head is not None
    return head, frozenset(script.revision for script in scripts.walk_revisions())


def _plain_revision_graph() -> dict[str, str | None] | None:
    """revision → down_revision of every script in versions/, or None when a script is not plain."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        if script.name == "__init__.py":
            continue
        text = script.read_text(encoding="utf-8")
        lines = {m.group(1): m.group(2) for m in _REVISION_LINE.finditer(text)}
        try:
            revision, down = (ast.literal_eval(lines[key]) for key in ("revision", "down_revision"))
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not isinstance(down, str | None) or revision in graph:
            return None
        graph[revision] = down
    return graph
