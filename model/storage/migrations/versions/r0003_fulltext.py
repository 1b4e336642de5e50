"""Full-text search over every text field of the items: SQLite FTS5 with the trigram tokenizer,
an external-content table kept in step by triggers. Skipped where FTS5/trigram is missing (and
on PostgreSQL); search then falls back to scanning with instr().

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

COLUMNS = ("content", "target", "result", "department", "progress_q1", "progress_q2",
           "progress_q3", "progress_q4", "indicator_target", "indicator_actual",
           "deviation_reason")


def _trigram_available() -> bool:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    try:
        bind.exec_driver_sql("CREATE VIRTUAL TABLE temp.zicha_probe USING fts5(x, tokenize='trigram')")
        bind.exec_driver_sql("DROP TABLE temp.zicha_probe")
    except Exception:
        return False
    return True


def upgrade() -> None:
    if not _trigram_available():
        return
    columns = ", ".join(COLUMNS)
    new = ", ".join(f"new.{c}" for c in COLUMNS)
    old = ", ".join(f"old.{c}" for c in COLUMNS)
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


def downgrade() -> None:
    for trigger in ("item_fts_insert", "item_fts_delete", "item_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS item_fts")
