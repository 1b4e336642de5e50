"""Mutated finance forms fed to import-xlsx: exit 0 or a one-line refusal, never a traceback;
after a refusal the database is byte-identical."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import main
import resources
from exporters.finance_xlsx import export_finance_xlsx
from importers.errors import ImportFileError
from importers.finance_xlsx import read_finance_form
from model.finance.layouts import load_finance_layout
from model.finance.service import FinanceService
from model.storage.migrate import open_sqlite
from tests.db_templates import migrated
from tests.importers.test_fuzz import MUTATION, mutate_bytes, mutate_xml


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("finance-seed")
    database = open_sqlite(migrated(folder / "seed.db"))
    finance = FinanceService(database)
    data = resources.demo_project_form()
    data["form"]["layout"] = "project-sichuan"
    export_finance_xlsx(finance.sheet(finance.create(data)), load_finance_layout("project-sichuan"),
                        folder / "form.xlsx")
    database.dispose()
    return (folder / "form.xlsx").read_bytes()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("finance-fuzzdb") / "a.db"
    open_sqlite(migrated(path)).dispose()
    return path


def typed_points(data: bytes, text: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name in source.namelist():
            content = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                content = content.replace(b't="n"><v>15</v>', b't="inlineStr"><is><t>'
                                          + escape(text).encode("utf-8", "surrogatepass")
                                          + b"</t></is>", 1)
            package.writestr(name, content)
    return out.getvalue()


def test_the_typed_points_mutation_reaches_the_cell(seed: bytes, tmp_path: Path) -> None:
    path = tmp_path / "typed.xlsx"
    path.write_bytes(typed_points(seed, "十五"))
    with pytest.raises(ImportFileError, match="第 14 行：分值“十五”不是数字"):
        read_finance_form(path)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=st.one_of(MUTATION, st.tuples(st.just("cell"), st.sampled_from(
    ["十五", "-1e400", "1e308", "=1+1", "\x00", "≥", "不适用", "", "9" * 400]))))
def test_a_mutated_form_is_imported_or_refused(seed: bytes, database: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               mutation: tuple) -> None:
    kind, argument = mutation
    if kind == "bytes":
        data = mutate_bytes(seed, argument)
    elif kind == "truncate":
        data = seed[: argument % (len(seed) + 1)]
    elif kind == "xml":
        data = mutate_xml(seed, *argument)
    else:  # a value a clerk might type into the 分值 cell of the first indicator
        data = typed_points(seed, argument)
    path = tmp_path / "form.xlsx"
    path.write_bytes(data)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    code = main.main(["import-xlsx", str(path), "--db", str(database)])
    captured = capsys.readouterr()
    assert code in (0, 2), captured.err
    assert "Traceback" not in captured.err
    if code == 2:
        assert captured.err.strip().count("\n") == 0 and captured.err.strip()
        assert hashlib.sha256(database.read_bytes()).hexdigest() == before
