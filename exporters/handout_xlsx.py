"""A department's hand-out workbook (分发表): instructions, its items to fill in, and a hidden sheet
with the assessment's identity, the hand-out time, each row's stable key and the values handed out."""

from __future__ import annotations

from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from exporters.atomic import write_atomically
from exporters.errors import ExportError
from exporters.safe_names import UniqueNames
from exporters.xlsx_cells import (
    active_sheet,
    fit_to_page,
    packed_style,
    put_text,
    put_value,
    set_packed_style,
    texts_only,
)
from exporters.xmltext import clean
from model.collect.records import HandoutBook, HandoutRow
from model.collect.vocabulary import (
    BY_CODE,
    FORMAT_TAG,
    LOCKED_FIELDS,
    UID_CODE,
    UID_LABEL,
    UNASSIGNED,
    FillField,
)
from model.text.metrics import wrapped_lines

ITEMS_SHEET, GUIDE_SHEET, INFO_SHEET = "自查事项", "填写说明", "分发信息"
KEY_ROW, TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3, 4
INFO_TABLE_ROW = 12  # the base table's header row on the hidden sheet
BODY_FONT, BODY_SIZE = "仿宋_GB2312", 11
LINE_HEIGHT, ROW_PADDING, MAX_ROW_HEIGHT = 1.35, 6.0, 409.0
EXCEL_CELL_LIMIT = 32_767
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(vertical="center", wrap_text=True)


def file_stem(department: str) -> str:
    return department or UNASSIGNED


def handout_file_names(books: list[HandoutBook]) -> list[str]:
    """One Windows-safe, unique file name per book ("未分配处室.xlsx" for items without one)."""
    names = UniqueNames()
    return [names.take(file_stem(book.department), ".xlsx") for book in books]


def write_handout(book: HandoutBook, out: Path) -> Path:
    """Write one department's workbook atomically to out."""
    _refuse_oversized(book)

    def write(temp: Path) -> None:
        workbook = Workbook()
        styles = _styles(workbook)
        guide = active_sheet(workbook)
        guide.title = GUIDE_SHEET
        _write_guide(guide, book)
        _write_items(workbook.create_sheet(ITEMS_SHEET), book, styles)
        _write_info(workbook.create_sheet(INFO_SHEET), book)
        workbook.active = 1
        texts_only(workbook)  # no text of the clerk's or a department's becomes a formula
        # Fast deflate: 30 workbooks of repetitive XML; level 1 is 3-4× faster, a little larger.
        with ZipFile(temp, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1) as archive:
            ExcelWriter(workbook, archive).save()

    write_atomically(out, write)
    return out


def columns_of(book: HandoutBook) -> list[FillField]:
    return [*LOCKED_FIELDS, *(BY_CODE[code] for code in book.fields),
            FillField(UID_CODE, UID_LABEL, 4)]


def _text(value: str) -> str:
    return clean(value or "")[0]


def _refuse_oversized(book: HandoutBook) -> None:
    for row in book.rows:
        for code, text in (("content", row.content), *row.values.items()):
            if len(text) > EXCEL_CELL_LIMIT:
                raise ExportError(f"序号 {row.seq} 的“{BY_CODE[code].label}”有 {len(text)} 个字符，"
                                  f"超过 Excel 单元格上限 {EXCEL_CELL_LIMIT}，无法分发；请精简后再分发。")


def _styles(workbook: Workbook) -> dict[str, NamedStyle]:
    font = Font(name=BODY_FONT, size=BODY_SIZE)
    specs = {
        "分发表头": NamedStyle("分发表头", font=Font(name="黑体", size=BODY_SIZE), border=BORDER,
                           alignment=Alignment(horizontal="center", vertical="center",
                                               wrap_text=True), protection=Protection(locked=True)),
        "分发锁定": NamedStyle("分发锁定", font=font, border=BORDER, alignment=WRAP,
                           protection=Protection(locked=True)),
        "分发填写": NamedStyle("分发填写", font=font, border=BORDER, alignment=WRAP,
                           protection=Protection(locked=False)),
    }
    for style in specs.values():
        workbook.add_named_style(style)
    return specs


def _packed(sheet: Worksheet, name: str) -> StyleArray | None:
    row = sheet.max_row + 1
    probe = sheet.cell(row, 1)
    probe.style = name
    packed = packed_style(probe)
    sheet._cells.pop((row, 1))
    return packed


def _write_guide(sheet: Worksheet, book: HandoutBook) -> None:
    lines = [
        (f"{book.assessment_title}——{file_stem(book.department)}填报表", ""),
        ("", ""),
        ("填报处室", file_stem(book.department)),
        ("事项数", str(len(book.rows))),
        ("分发时间", f"{book.handed_out_at:%Y年%m月%d日 %H:%M}"),
        ("截止时间", book.deadline or "（未设定）"),
        ("交回给", book.return_to or "（分发人）"),
        ("", ""),
        ("怎样填", "在“自查事项”工作表中填写白底的列（年度任务目标、落实情况、状态、各季度进展、"
                  "证明材料说明等）；序号、考评维度、自查内容已锁定，请勿改动。"),
        ("状态", "从下拉列表中选择：" + "、".join(book.statuses) + "。"),
        ("增加事项", "如需增加事项，请在表格末尾新增一行，填写考评维度和自查内容；汇总时由综合处确认。"),
        ("请勿", "请勿删除隐藏的工作表和隐藏的“编号”列，它们用于把填报内容准确合并回总表；"
                "可以调整行高、排序、插入列。"),
        ("保存", "可用 Excel 或 WPS 保存为 .xlsx（或 .xls），文件名可以改。"),
    ]
    for row, (label, text) in enumerate(lines, start=1):
        put_text(sheet.cell(row, 1), _text(label))
        put_text(sheet.cell(row, 2), _text(text))
        sheet.cell(row, 1).alignment = Alignment(vertical="top")
        sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[row].height = max(1, wrapped_lines(text, 80)) * 15 + 4
    sheet.cell(1, 1).font = Font(name="黑体", size=14)
    sheet.merge_cells("A1:B1")
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 80
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    fit_to_page(sheet)  # one page wide, as printed instructions
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def _write_items(sheet: Worksheet, book: HandoutBook, styles: dict[str, NamedStyle]) -> None:
    columns = columns_of(book)
    last = get_column_letter(len(columns))
    locked, fill = _packed(sheet, "分发锁定"), _packed(sheet, "分发填写")
    header_style = _packed(sheet, "分发表头")
    for index, column in enumerate(columns, start=1):
        put_text(sheet.cell(KEY_ROW, index), column.code)
        header = sheet.cell(HEADER_ROW, index)
        put_text(header, column.label)
        set_packed_style(header, header_style)
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[KEY_ROW].hidden = True  # the field of each column, whatever its header
    sheet.column_dimensions[last].hidden = True
    title = sheet.cell(TITLE_ROW, 1)
    put_text(title, _text(f"{book.assessment_title}（{file_stem(book.department)}）"))
    title.font = Font(name="方正小标宋简体", size=16)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
    sheet.row_dimensions[TITLE_ROW].height = 36
    unlocked = {c.code for c in columns[len(LOCKED_FIELDS):-1]}
    for offset, row in enumerate(book.rows):
        _write_row(sheet, FIRST_ROW + offset, row, columns, unlocked, locked, fill)
    _finish_items(sheet, book, columns, last)


def _write_row(sheet: Worksheet, index: int, row: HandoutRow, columns: list[FillField],
               unlocked: set[str], locked: StyleArray | None, fill: StyleArray | None) -> None:
    values = {"seq": str(row.seq), "path": " / ".join(row.path), "content": row.content,
              UID_CODE: row.uid, **row.values}
    lines = 1
    for number, column in enumerate(columns, start=1):
        text = _text(values.get(column.code, ""))
        cell = _put(sheet, index, number, row.seq if column.code == "seq" else text or None)
        # a text shorter than half the width fits on one line however wide its characters
        if column.code not in (UID_CODE, "seq") and len(text) * 2 > column.width - 2:
            lines = max(lines, wrapped_lines(text, column.width))
        set_packed_style(cell, fill if column.code in unlocked else locked)
    sheet.row_dimensions[index].height = min(lines * BODY_SIZE * LINE_HEIGHT + ROW_PADDING,
                                             MAX_ROW_HEIGHT)


def _finish_items(sheet: Worksheet, book: HandoutBook, columns: list[FillField],
                  last: str) -> None:
    end = FIRST_ROW + max(len(book.rows), 1) - 1
    codes = [c.code for c in columns]
    if "status" in codes:
        letter = get_column_letter(codes.index("status") + 1)
        status = DataValidation(type="list", formula1='"' + ",".join(book.statuses) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="状态", error="请从下拉列表中选择状态。")
        status.add(f"{letter}{FIRST_ROW}:{letter}{end + 200}")
        sheet.add_data_validation(status)
    # Locked cells are protected; rows may still be resized, sorted and filtered (no password:
    # the protection guards against slips, not against the department).
    protection = sheet.protection
    protection.sheet = True
    protection.formatRows = protection.formatColumns = False
    protection.sort = protection.autoFilter = protection.insertRows = False
    sheet.freeze_panes = f"D{FIRST_ROW}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    fit_to_page(sheet)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = f"{TITLE_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A{TITLE_ROW}:{get_column_letter(len(columns) - 1)}{end}"


def _put(sheet: Worksheet, row: int, column: int, value: str | int | None) -> Cell:
    """A cell straight into the sheet (what Worksheet.cell does, without its lookups); a text
    is stored as text even when it looks like a formula or a number."""
    cell = Cell(sheet, row=row, column=column)
    if value is not None:
        put_value(cell, value)
    sheet._cells[(row, column)] = cell
    return cell


def _write_info(sheet: Worksheet, book: HandoutBook) -> None:
    facts = [
        ("说明", "本表供程序汇总时使用，请勿修改或删除。"),
        ("format", FORMAT_TAG),
        ("assessment", book.assessment_uid),
        ("title", _text(book.assessment_title)),
        ("unit", _text(book.unit)),
        ("department", _text(book.department)),
        ("handed_out_at", book.handed_out_at.isoformat(timespec="seconds")),
        ("deadline", _text(book.deadline)),
        ("fields", ",".join(book.fields)),
    ]
    for row, (key, value) in enumerate(facts, start=1):
        put_text(sheet.cell(row, 1), key)
        put_text(sheet.cell(row, 2), value)
    # 序号 and content are not repeated here: the database has them, the items sheet shows them
    header = [UID_CODE, *book.fields]
    for column, code in enumerate(header, start=1):
        put_text(sheet.cell(INFO_TABLE_ROW, column), code)
    for offset, item in enumerate(book.rows, start=1):
        values = [item.uid, *(item.values.get(c, "") for c in book.fields)]
        for column, value in enumerate(values, start=1):
            if value:
                _put(sheet, INFO_TABLE_ROW + offset, column, _text(value))
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True
    sheet.protection.password = "zicha"  # a speed bump against edits by mistake, not a secret
