"""Items keep what clerks' tables hold beyond the official columns: 责任人 (owner), 时限 (deadline),
备注 (note), and the table's other named columns (extras, a JSON object of header → text). The
full-text index is rebuilt over the new text fields too.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

OLD_COLUMNS = ("content", "target", "result", "department", "progress_q1", "progress_q2",
               "progress_q3", "progress_q4", "indicator_target", "indicator_actual",
               "deviation_reason")
NEW_COLUMNS = (*OLD_COLUMNS, "owner", "deadline", "note", "extras")


def _has_index() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    found = bind.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name = 'item_fts'")
    return found.scalar() == 1


def _drop_index() -> None:
    for trigger in ("item_fts_insert", "item_fts_delete", "item_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS item_fts")


def _create_index(names: tuple[str, ...]) -> None:
    columns = ", ".join(names)
    new = ", ".join(f"new.{c}" for c in names)
    old = ", ".join(f"old.{c}" for c in names)
    op.execute(f"CREATE VIRTUAL TABLE item_fts USING fts5({columns}, content='check_item', "
               "content_rowid='id', tokenize='trigram')")
    op.execute(f"CREATE TRIGGER item_fts_insert AFTER INSERT ON check_item BEGIN "
               f"INSERT INTO item_fts(rowid, {columns}) VALUES (new.id, {new}); END")
    op.execute(f"CREATE TRIGGER item_fts_delete AFTER DELETE ON check_item BEGIN "
               f"INSERT INTO item_fts(item_fts, rowid, {columns}) VALUES ('delete', old.id, {old}); END")
    op.execute(f"CREATE TRIGGER item_fts_update AFTER UPDATE ON check_item BEGIN "
               f"INSERT INTO item_fts(item_fts, rowid, {columns}) VALUES ('delete', old.id, {old}); "
               f"INSERT INTO item_fts(rowid, {columns}) VALUES (new.id, {new}); END")
    op.execute("INSERT INTO item_fts(item_fts) VALUES ('rebuild')")


def upgrade() -> None:
    indexed = _has_index()
    if indexed:
        _drop_index()
    # Plain ADD COLUMN (no table copy): constant defaults fill the existing rows.
    op.add_column("check_item", sa.Column("owner", sa.String(200), nullable=False, server_default=""))
    op.add_column("check_item", sa.Column("deadline", sa.String(200), nullable=False,
                                          server_default=""))
    op.add_column("check_item", sa.Column("note", sa.Text(), nullable=False, server_default=""))
    op.add_column("check_item", sa.Column("extras", sa.Text(), nullable=False, server_default="{}"))
    if indexed:
        _create_index(NEW_COLUMNS)


def downgrade() -> None:
    indexed = _has_index()
    if indexed:
        _drop_index()
    with op.batch_alter_table("check_item") as batch:
        for name in ("extras", "note", "deadline", "owner"):
            batch.drop_column(name)
    if indexed:
        _create_index(OLD_COLUMNS)
