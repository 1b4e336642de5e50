"""An item field is declared once: one more ItemField in model.vocabulary (and its column, which a
migration would add) is stored, edited, reported, imported, handed out, collected back and
exported with no other change. A real process reads a vocabulary with one extra entry and shows
what a clerk would see."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from model.collect.vocabulary import CANDIDATE_FIELDS, LOCKED_FIELDS
from model.errors import ValidationError
from model.records import ItemRecord
from model.report.options import CARRIED_OPTIONS, REPORT_OPTION_FIELDS, REPORT_OPTIONS
from model.report.queries import REPORT_ITEM_COLUMNS
from model.report.records import ReportItem
from model.schema import Assessment, CheckItem
from model.services import Services
from model.vocabulary import FIELDS_BY_CODE, ITEM_FIELDS, SCORE_FIELDS

ROOT = Path(__file__).resolve().parents[2]

# Runs in its own process: the vocabulary with one more entry, then everything else imported.
SCRIPT = r'''
import importlib.util, json, sys
from pathlib import Path

import model  # the package only: nothing has read the vocabulary yet

spec = importlib.util.find_spec("model.vocabulary")
source = Path(spec.origin).read_text(encoding="utf-8")
end = "\n)\nFIELDS_BY_CODE"
assert source.count(end) == 1, "ITEM_FIELDS no longer ends as this test expects"
entry = ('\n    ItemField("review_comment", QT_TRANSLATE_NOOP("ItemField", "审核意见"), '
         'searchable=False, fill_width=20, own_column=True, header_words=("审核人意见",)),')
vocabulary = importlib.util.module_from_spec(spec)
sys.modules["model.vocabulary"] = vocabulary
exec(compile(source.replace(end, entry + end), spec.origin, "exec"), vocabulary.__dict__)

from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget
from PySide6.QtGui import QUndoStack

from exporters.handout_xlsx import write_handout
from exporters.xlsx_table import export_xlsx
from gui.commands.base import EditContext
from gui.dialogs.import_columns import field_labels
from gui.infra.notifier import ChangeNotifier
from gui.panels.item_editor import ItemEditor
from importers.formats import clerk_table
from importers.handout_xlsx import read_returned
from importers.vocabulary import FIELD_LABELS, field_scores
from model.collect.fields import FILL_CODES
from model.collect.handout import build_handout, record_handout
from model.collect.merge import CollectOptions, collect
from model.report.layouts import load_layout
from model.report.build import report_of
from model.services import Services
from model.storage.migrate import open_sqlite

folder = Path(sys.argv[1])
path = folder / "extra.db"
database = open_sqlite(path)  # migrated to head; then what the field's migration would do
with database.engine.begin() as connection:  # (a reopen would refuse the schema, rightly)
    connection.exec_driver_sql(
        "ALTER TABLE check_item ADD COLUMN review_comment TEXT NOT NULL DEFAULT ''")
services = Services.over(database)
seen = {}

assessment = services.assessments.create("某单位", 2024)
dimension = services.dimensions.create(assessment.id, "依法行政")
item = services.items.create(dimension.id, content="规范执法", department="法规处",
                             review_comment="审核通过3册")
seen["created"] = services.items.get(item.id).review_comment
seen["updated"] = services.items.update(item.id, review_comment="审核通过5册").review_comment
seen["listed"] = services.items.list(assessment.id)[0].review_comment

report = report_of(services.db, assessment.id)
seen["report"] = report.items[0].review_comment
seen["report_cell"] = report.items[0].field("review_comment")

export_xlsx(report, load_layout("selfcheck"), folder / "table.xlsx")
sheet = load_workbook(folder / "table.xlsx").worksheets[0]
rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
header = next(row for row in rows if "审核意见" in row)
seen["exported"] = rows[rows.index(header) + 1][header.index("审核意见")]

seen["import_label"] = FIELD_LABELS.get("review_comment")
seen["import_word"] = field_scores("审核人意见")[0]
table = Workbook()
sheet = table.active
sheet.append(["序号", "自查内容", "落实情况", "审核人意见"])
sheet.append([1, "规范执法", "已完成", "案卷评查记录"])
table.save(folder / "clerk.xlsx")
read = clerk_table.read(folder / "clerk.xlsx", {"unit": "某单位", "year": 2025})
imported = clerk_table.store(services, read, None).assessment_id
seen["imported"] = services.items.list(imported)[0].review_comment

seen["fill_codes"] = list(FILL_CODES)
[book] = build_handout(services.db, assessment.id)
write_handout(book, folder / "handout.xlsx")
items = load_workbook(folder / "handout.xlsx").worksheets[1]
cells = [list(row) for row in items.iter_rows(values_only=True)]
header = next(row for row in cells if "审核意见" in row)
row, column = cells.index(header) + 2, header.index("审核意见") + 1
seen["handed_out"] = items.cell(row, column).value
record_handout(services.db, assessment.id, [book], ["handout.xlsx"])
returned = load_workbook(folder / "handout.xlsx")  # the department fills it in and sends it back
returned.worksheets[1].cell(row, column).value = "处室补充：审核通过7册"
returned.save(folder / "handout.xlsx")
collect(services.db, [read_returned(folder / "handout.xlsx")], CollectOptions())
seen["collected"] = services.items.get(item.id).review_comment

app = QApplication([])
editor = ItemEditor(EditContext(services, ChangeNotifier()), QUndoStack())
editor.show_item(services.items.get(item.id), False)
named = {w.accessibleName(): w for w in editor.findChildren(QWidget) if w.accessibleName()}
box = named["审核意见"]
seen["editor"] = box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()
box.setPlainText("审核通过6册")  # typed in the editor
editor.binder.commit()
seen["typed"] = services.items.get(item.id).review_comment
seen["preview_chooser"] = field_labels(editor).get("review_comment")
services.close()
print(json.dumps(seen, ensure_ascii=False))
'''


def test_one_more_vocabulary_entry_reaches_every_consumer(tmp_path: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {
        "created": "审核通过3册", "updated": "审核通过5册", "listed": "审核通过5册",
        "report": "审核通过5册", "report_cell": "审核通过5册", "exported": "审核通过5册",
        "import_label": "审核意见", "import_word": [3, "review_comment"],
        "imported": "案卷评查记录",
        "fill_codes": [*(f.code for f in CANDIDATE_FIELDS[:-1]), "review_comment",
                       "evidence_note"],
        "handed_out": "审核通过5册", "collected": "处室补充：审核通过7册",
        "editor": "处室补充：审核通过7册", "typed": "审核通过6册", "preview_chooser": "审核意见",
    }


def test_the_consumers_of_the_real_vocabulary_are_built_from_it() -> None:
    codes = tuple(f.code for f in ITEM_FIELDS)
    assert tuple(c.name for c in CheckItem.__table__.columns if c.name in FIELDS_BY_CODE) == codes
    assert REPORT_ITEM_COLUMNS[3:] == codes
    record_fields = tuple(ItemRecord.__dataclass_fields__)
    assert record_fields[-len(codes):] == codes
    assert tuple(ReportItem.__dataclass_fields__)[-len(codes):] == codes
    assert tuple(f.code for f in ITEM_FIELDS if f.scored) == SCORE_FIELDS
    handed = [f for f in CANDIDATE_FIELDS if f.code in FIELDS_BY_CODE]
    assert [(f.code, f.label) for f in handed] == [
        (f.code, f.label) for f in ITEM_FIELDS if f.fill_width is not None]
    assert LOCKED_FIELDS[2].label == FIELDS_BY_CODE["content"].label


def test_each_report_option_is_declared_once(services: Services) -> None:
    """Its column, its record field and default, its rule and whether a new year keeps it."""
    columns = Assessment.__table__.columns
    record = services.assessments.create("某单位", 2024)
    for option in REPORT_OPTIONS:
        assert option.code in columns and option.code in REPORT_OPTION_FIELDS
        assert getattr(record, option.code) == option.default
        assert (option.code in CARRIED_OPTIONS) == option.carried
    changed = services.assessments.update(record.id, signature="  某办公室 ", show_date=0,
                                          signature_date="2024.1.5", page_numbers="居中")
    assert (changed.signature, changed.show_date, changed.signature_date, changed.page_numbers) == (
        "某办公室", False, "2024年1月5日", "居中")
    with pytest.raises(ValidationError, match="页码样式“左下”无效，可选：单双页、居中。"):
        services.assessments.update(record.id, page_numbers="左下")
    copy = services.assessments.copy_to_year(record.id, 2025)
    assert (copy.signature, copy.signature_date, copy.show_date) == ("某办公室", "", False)
