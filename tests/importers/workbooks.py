"""Clerks' workbooks and hostile files, made by the tests themselves."""

from __future__ import annotations

import datetime
import io
import zipfile
from pathlib import Path

import openpyxl

TASK_ROWS = [
    ("一、政策法规制定", None, None, None),
    ("推进卫生立法，完成《献血条例》修订。", "年底前提请审议。", "已通过市人大审议。", 1),
    ("开展规范性文件清理。", "清理完毕并公布目录。", "清理238件，已公布。", 2),
    ("二、坚持依法行政", None, None, None),
    ("落实行政执法三项制度。", "执法全过程记录率100%。", 2.0, 3),
    ("三、深化体制改革", None, None, None),
    ("推进分级诊疗，每区建立1-3个试点。", "制定试点文件，年底前每区建成1个以上。",
     "已印发试点通知，16个区共建成26个。", 5),
    ("完成年度评估。", "形成评估报告。", datetime.datetime(2017, 12, 31), 6),
]


def clerk_task_table(path: Path) -> Path:
    """T2 as clerks keep it: title, blank row, header on row 4 with spaced and full-width words,
    category rows merged across, a trailing 注 row, numbers and dates in cells."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "四季度"
    sheet["A1"] = "某某委2017年绩效任务四季度完成情况（个性任务部分共6项）"
    sheet.merge_cells("A1:E1")
    sheet["A2"] = "填报单位：办公室"
    sheet.append([])
    sheet.append(["序 号", "主要职责", "年 度 任 务", "年度任务目标", "第四季度完成情况描述"])
    row = 5
    for content, target, result, seq in TASK_ROWS:
        if target is None:
            sheet.cell(row, 1, content)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        else:
            sheet.cell(row, 1, seq)
            sheet.cell(row, 3, content)
            sheet.cell(row, 4, target)
            sheet.cell(row, 5, result)
        row += 1
    sheet.cell(row, 1, "注：本表由办公室汇总。")
    workbook.save(path)
    return path


def category_column_table(path: Path) -> Path:
    """T2 with a separate 类别 column and 主要职责 merged vertically over its tasks."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某委2023年绩效任务完成情况"])
    sheet.append(["序号", "类别", "主要职责", "年度任务", "年度任务目标", "完成情况"])
    sheet.append([1, "共性任务", "一、党的建设", "开展主题教育。", "全覆盖。", "已完成。"])
    sheet.append([2, "共性任务", None, "加强作风建设。", "无违纪。", "未发生违纪。"])
    sheet.append([3, "个性任务", "二、医疗服务", "改善就医体验。", "预约率90%。", "预约率93%。"])
    sheet.merge_cells("C3:C4")
    sheet.merge_cells("B3:B4")
    workbook.save(path)
    return path


def selfcheck_with_merged_title_over_header(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"] = "某某委2021年度自查表"
    sheet["A2"] = "考评维度"
    sheet["B2"] = "考评内容"
    sheet["C2"] = "自查内容"
    sheet["D2"] = "落实情况"
    sheet.merge_cells("A1:D2")  # the header row is swallowed by the title
    sheet.append(["全面依法", "", "事项", "结果"])
    workbook.save(path)
    return path


def simple_selfcheck(path: Path, rows: int = 2, text: str = "落实情况") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["某某委2021年度自查表"])
    sheet.append(["考评维度", "考评内容", "自查内容", "落实情况"])
    for n in range(rows):
        sheet.append(["全面依法", "法治政府建设", f"事项{n + 1}", text])
    workbook.save(path)
    return path


def header_only(path: Path) -> Path:
    return simple_selfcheck(path, rows=0)


def unknown_headers(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "电话", "地址"])
    sheet.append(["张三", "123", "北京"])
    workbook.save(path)
    return path


def empty_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def uncached_formula(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["考评维度", "自查内容", "落实情况"])
    sheet.append(["全面依法", "事项", "=B2&\"完成\""])  # openpyxl stores no cached value
    workbook.save(path)
    return path


def text_renamed(path: Path) -> Path:
    path.write_text("考评维度,自查内容\n全面依法,事项\n", encoding="utf-8")
    return path


def legacy_xls(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le"))
    return path


def password_protected(path: Path) -> Path:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))
    return path


def truncated(path: Path) -> Path:
    simple_selfcheck(path, rows=50)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _rewrite(path: Path, change) -> Path:
    source = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return path


def _with_doctype(doctype: bytes, data: bytes) -> bytes:
    body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
    return doctype + body


def bomb(path: Path) -> Path:
    simple_selfcheck(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/media/padding.xml", b"<a>" + b"0" * (300 * 1024 * 1024) + b"</a>")
    return path


def billion_laughs(path: Path) -> Path:
    doctype = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
               b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
               b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
    simple_selfcheck(path)
    return _rewrite(path, lambda name, data: _with_doctype(doctype, data)
                    if name == "xl/worksheets/sheet1.xml" else data)


def external_entity(path: Path) -> Path:
    doctype = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    simple_selfcheck(path)
    return _rewrite(path, lambda name, data: _with_doctype(doctype, data)
                    if name == "xl/workbook.xml" else data)
