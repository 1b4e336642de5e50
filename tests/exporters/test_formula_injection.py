"""No text the app writes into a spreadsheet becomes a formula (issue 27): hostile text (= + - @,
tab first, error codes) in every field of an assessment, a finance form and the hand-out options;
every cell of every sheet (hidden ones too) of every workbook the app writes is walked, and
LibreOffice, opening them, computes nothing."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

import main
import resources
from exporters.xlsx_cells import FORMULA_LEADS, csv_text
from model.finance.service import FinanceService
from model.services import Services
from model.storage.migrate import open_sqlite
from model.vocabulary import ITEM_TEXT_FIELDS
from tests.db_templates import migrated

# each computes to a number no literal text here holds
HOSTILE = ["=1111+1111", "+3333+3333", "-4444-4444", "@SUM(5555,5555)", "\t=7777+7777",
           '=HYPERLINK("http://evil.invalid","点我")', "#N/A", "#DIV/0!", "=1111+1111 甲"]
COMPUTED = {"2222", "6666", "-8888", "11110", "15554", "点我"}


class Rotation:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> str:
        self.n += 1
        return HOSTILE[self.n % len(HOSTILE)]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    def run(*args: str | Path) -> None:
        code = main.main([str(a) for a in args])
        captured = capsys.readouterr()
        assert code == 0, captured.err
    return run


def hostile_assessment(path: Path) -> None:
    services = Services.over(open_sqlite(migrated(path)))
    h = Rotation()
    a = services.assessments.create(h(), 2024, title="=1111+1111", report_title=h())
    for number in range(len(HOSTILE)):
        top = services.dimensions.create(a.id, HOSTILE[number])
        middle = services.dimensions.create(a.id, h(), parent_id=top.id)
        item = services.items.create(middle.id, **{f: h() for f in ITEM_TEXT_FIELDS},
                                     status="已完成", extras=[(h(), h()), (f"{h()}列", h())])
        services.evidence.add_note(item.id, h(), note=h(), doc_no=h())
    services.close()


def hostile_finance(path: Path, kind: str, layout: str) -> None:
    database = open_sqlite(migrated(path))
    data = resources.demo_project_form()
    h = Rotation()
    data["assessment"] |= {"unit_name": h(), "title": h(), "kind": kind}
    data["form"] = {k: (h() if isinstance(v, str) and k != "layout" else v)
                    for k, v in data["form"].items()} | {"layout": layout}
    for fund in data["funds"]:
        fund["label"] = h()
    for indicator in data["indicators"]:
        indicator.update(level1=h(), level2=h(), name=h(), target=h(), actual=h(), reason=h())
    FinanceService(database).create(data)
    database.dispose()


def workbooks(folder: Path) -> list[Path]:
    found = sorted(folder.rglob("*.xlsx"))
    for package in sorted(folder.rglob("*.zip")):
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                if name.endswith(".xlsx"):
                    target = folder / "from-zip" / Path(name).name
                    target.parent.mkdir(exist_ok=True)
                    target.write_bytes(archive.read(name))
                    found.append(target)
    return found


def assert_no_formula(path: Path) -> int:
    texts = 0
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:  # hidden sheets too
        for row in sheet.iter_rows():
            for cell in row:
                where = f"{path.name}!{sheet.title}!{cell.coordinate}"
                assert cell.data_type not in ("f", "e"), where
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_LEADS):
                    texts += 1
                    assert cell.quotePrefix, where  # editing the cell keeps it text
    with zipfile.ZipFile(path) as archive:  # and no formula element anywhere in the file
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    return texts


def test_every_exported_cell_is_text(cli, tmp_path: Path) -> None:
    db, out = tmp_path / "h.db", tmp_path / "out"
    out.mkdir()
    hostile_assessment(db)
    for layout in ("selfcheck", "tasks"):
        cli("export-xlsx", "--db", db, "--layout", layout, "--out", out / f"{layout}.xlsx")
    (out / "handout").mkdir()
    cli("handout", "--db", db, "--out", out / "handout", "--deadline", HOSTILE[0],
        "--return-to", HOSTILE[1])
    cli("export-evidence", "--db", db, "--out", out / "evidence.zip")
    for kind, layouts in (("项目支出", ("project", "project-sichuan")), ("部门整体", ("department",))):
        for layout in layouts:
            form = tmp_path / f"{layout}.db"
            hostile_finance(form, kind, layout)
            cli("export-xlsx", "--db", form, "--layout", layout, "--out", out / f"{layout}.xlsx")
    files = workbooks(out)
    assert len(files) >= 6 + len(HOSTILE)
    counts = {path.name: assert_no_formula(path) for path in files}
    assert all(counts.values()), counts  # the hostile texts are there, as texts
    if shutil.which("soffice"):
        assert_libreoffice_computes_nothing(files, tmp_path / "lo")


def assert_libreoffice_computes_nothing(files: list[Path], folder: Path) -> None:
    folder.mkdir()
    # every sheet of each workbook as CSV ("-1": all sheets, LibreOffice 7.2+)
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profile", "--headless",
                    "--convert-to", 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,'
                    'false,false,false,-1', "--outdir", str(folder), *map(str, files)],
                   check=True, capture_output=True, timeout=180)
    sheets = sorted(folder.glob("*.csv"))
    assert len(sheets) >= len(files)
    seen = set()
    for sheet in sheets:
        for row in csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))):
            for value in row:
                assert value.strip() not in COMPUTED, (sheet.name, value)
                seen.add(value)
    assert "=1111+1111" in seen


def test_the_csv_plug_in_writes_texts(cli, tmp_path: Path) -> None:
    from tests.format_plugins import plugged_in

    db = tmp_path / "h.db"
    hostile_assessment(db)
    with plugged_in(tmp_path / "plugins"):
        cli("export-csv", "--db", db, "--out", tmp_path / "h.csv", "--with-results")
    with open(tmp_path / "h.csv", encoding="utf-8-sig", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    assert "'=1111+1111" in cells
    assert not any(cell.startswith(FORMULA_LEADS) for cell in cells)


@pytest.mark.parametrize("text", [*HOSTILE, "\r=1+1", "普通文字", "-", "=", "", "-5", "+86 10"])
def test_csv_text_is_never_a_formula(text: str) -> None:
    cell = csv_text(text)
    assert not cell.startswith(FORMULA_LEADS)
    assert cell in (text, "'" + text)
    assert re.sub(r"^'", "", cell) == text
