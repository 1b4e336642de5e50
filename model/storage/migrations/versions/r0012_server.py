"""A shared server: the audit table (修改记录) everywhere; on PostgreSQL also the logins
(app_user), evidence files stored in the database (content-addressed chunks), row-level security
with guards (a 处室 clerk edits only its items and their evidence), the audit triggers and a
NOTIFY on every change. SQLite's audit triggers are TEMP ones made on each connection (db.py),
so that they can name the OS user and a salvage or backup copies rows without them.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

AUDITED = ("assessment", "dimension", "check_item", "evidence", "narrative_section")
NOTIFIED = (*AUDITED, "handout", "handout_item", "handout_return")

FUNCTIONS = r"""
CREATE FUNCTION zicha_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$ SELECT role FROM app_user WHERE login = session_user $$;

CREATE FUNCTION zicha_department() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER
SET search_path FROM CURRENT AS $$ SELECT department FROM app_user WHERE login = session_user $$;

CREATE FUNCTION zicha_may_edit(department text) RETURNS boolean LANGUAGE sql STABLE
SET search_path FROM CURRENT AS $$
  SELECT zicha_role() IS DISTINCT FROM 'clerk' OR department = zicha_department() $$;

CREATE FUNCTION zicha_item_department(item integer) RETURNS text LANGUAGE sql STABLE
SECURITY DEFINER SET search_path FROM CURRENT AS $$
  SELECT department FROM check_item WHERE id = item $$;

CREATE FUNCTION zicha_guard_item() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT zicha_may_edit(OLD.department) THEN
    RAISE EXCEPTION '无权修改：自查事项（编号 %）属于“%”，登录 % 只能修改“%”的事项',
      OLD.id, OLD.department, session_user, zicha_department() USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION zicha_guard_evidence() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
  IF NOT zicha_may_edit(zicha_item_department(OLD.item_id)) THEN
    RAISE EXCEPTION '无权修改：证明材料（编号 %）所属事项属于“%”，登录 % 只能修改“%”的事项',
      OLD.id, zicha_item_department(OLD.item_id), session_user, zicha_department()
      USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;

CREATE FUNCTION zicha_audit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path FROM CURRENT AS $$
DECLARE
  o jsonb; n jsonb; k text; item integer; row_key integer;
BEGIN
  IF current_setting('zicha.bulk', true) = 'on' AND coalesce(zicha_role(), 'admin') = 'admin' THEN
    RETURN NULL;  -- a restore or copy by an admin: the rows are not edits
  END IF;
  IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
  row_key := (coalesce(n, o)->>'id')::integer;
  item := CASE TG_TABLE_NAME WHEN 'check_item' THEN row_key
                             WHEN 'evidence' THEN (coalesce(n, o)->>'item_id')::integer END;
  IF TG_OP = 'UPDATE' THEN
    FOR k IN SELECT key FROM jsonb_each(n)
             WHERE key NOT IN ('version', 'updated_at') AND n->key IS DISTINCT FROM o->key LOOP
      INSERT INTO audit_log (at, who, table_name, row_id, item_id, field, old, new)
      VALUES (now() AT TIME ZONE 'UTC', session_user, TG_TABLE_NAME, row_key, item, k,
              o->>k, n->>k);
    END LOOP;
  ELSE
    INSERT INTO audit_log (at, who, table_name, row_id, item_id, field, old, new)
    VALUES (now() AT TIME ZONE 'UTC', session_user, TG_TABLE_NAME, row_key, item, '*',
            o::text, n::text);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION zicha_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('zicha_change', current_setting('application_name'));
  RETURN NULL;
END $$;
"""


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(200), nullable=False, server_default=""),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(80), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_log_item_id", "audit_log", ["item_id"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.create_table(
        "app_user",
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("department", sa.String(200), nullable=False, server_default=""),
        sa.Column("role", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("login", name="pk_app_user"),
        sa.CheckConstraint("role IN ('clerk', 'compiler', 'admin')", name="ck_app_user_role"),
    )
    op.create_table(
        "evidence_file",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name="pk_evidence_file"),
    )
    op.create_table(
        "evidence_chunk",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(["sha256"], ["evidence_file.sha256"], ondelete="CASCADE",
                                name="fk_evidence_chunk_sha256_evidence_file"),
        sa.PrimaryKeyConstraint("sha256", "n", name="pk_evidence_chunk"),
    )
    op.execute(FUNCTIONS)
    for table in ("check_item", "evidence"):
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY zicha_read ON {table} FOR SELECT USING (true)")
    op.execute("CREATE POLICY zicha_insert ON check_item FOR INSERT WITH CHECK (zicha_may_edit(department))")
    op.execute("CREATE POLICY zicha_update ON check_item FOR UPDATE USING (true) "
               "WITH CHECK (zicha_may_edit(department))")
    op.execute("CREATE POLICY zicha_delete ON check_item FOR DELETE USING (true)")
    op.execute("CREATE POLICY zicha_insert ON evidence FOR INSERT "
               "WITH CHECK (zicha_may_edit(zicha_item_department(item_id)))")
    op.execute("CREATE POLICY zicha_update ON evidence FOR UPDATE USING (true) "
               "WITH CHECK (zicha_may_edit(zicha_item_department(item_id)))")
    op.execute("CREATE POLICY zicha_delete ON evidence FOR DELETE USING (true)")
    op.execute("CREATE TRIGGER zicha_guard BEFORE UPDATE OR DELETE ON check_item "
               "FOR EACH ROW EXECUTE FUNCTION zicha_guard_item()")
    op.execute("CREATE TRIGGER zicha_guard BEFORE UPDATE OR DELETE ON evidence "
               "FOR EACH ROW EXECUTE FUNCTION zicha_guard_evidence()")
    for table in AUDITED:
        op.execute(f"CREATE TRIGGER zicha_audit AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH ROW EXECUTE FUNCTION zicha_audit()")
    for table in NOTIFIED:
        op.execute(f"CREATE TRIGGER zicha_notify AFTER INSERT OR UPDATE OR DELETE ON {table} "
                   "FOR EACH STATEMENT EXECUTE FUNCTION zicha_notify()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in NOTIFIED:
            op.execute(f"DROP TRIGGER IF EXISTS zicha_notify ON {table}")
        for table in AUDITED:
            op.execute(f"DROP TRIGGER IF EXISTS zicha_audit ON {table}")
        for table in ("check_item", "evidence"):
            op.execute(f"DROP TRIGGER IF EXISTS zicha_guard ON {table}")
            for policy in ("zicha_read", "zicha_insert", "zicha_update", "zicha_delete"):
                op.execute(f"DROP POLICY IF EXISTS {policy} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        for function in ("zicha_notify", "zicha_audit", "zicha_guard_evidence", "zicha_guard_item",
                         "zicha_item_department", "zicha_may_edit", "zicha_department",
                         "zicha_role"):
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
        op.drop_table("evidence_chunk")
        op.drop_table("evidence_file")
        op.drop_table("app_user")
    op.drop_table("audit_log")
