"""Tables whose shape, not their header words, says how to read them: one per defect of issue #26."""

from __future__ import annotations

from pathlib import Path

import openpyxl

UNITS = ["市发展改革委", "市教育局", "市财政局", "市卫生健康委", "市生态环境局"]


def grouped_statistics(path: Path) -> Path:
    """督查督办 per-unit statistics: title, a two-row header with two groups sharing sub-headers
    (逾期上报数（次） under both), 单位名称 (no content word) and figures."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "统计"
    sheet["A1"] = "2023年督查督办系统各单位办理情况统计表"
    sheet.merge_cells("A1:G1")
    sheet.append(["序号", "单位名称", "交办事项", None, None, "信息报送", None])
    sheet.append([None, None, "总数", "已办结", "逾期上报数（次）", "总数", "逾期上报数（次）"])
    for cells in ("A2:A3", "B2:B3", "C2:E2", "F2:G2"):
        sheet.merge_cells(cells)
    for n, unit in enumerate(UNITS, 1):
        sheet.append([n, unit, 10 + n, 9 + n, n % 2, 20 + n, n % 3])
    book.save(path)
    return path


def sub_labels_in_first_data_row(path: Path) -> Path:
    """推进情况 written once over three quarter columns, the quarter labels in the next row (no
    merges at all)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2024年重点工作推进表"])
    sheet.append(["序号", "重点工作", "推进情况", None, None])
    sheet.append([None, None, "一季度", "二季度", "三季度"])
    sheet.append([1, "推进老旧小区改造。", "完成摸底。", "开工12个。", "完工8个。"])
    sheet.append([2, "建设口袋公园。", "完成选址。", "开工5个。", "建成5个。"])
    book.save(path)
    return path


def three_row_header(path: Path) -> Path:
    """考核结果 over 自评 and 复核, each over 得分 and 说明: three header rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "工作任务", "考核结果", None, None, None])
    sheet.append([None, None, "自评", None, "复核", None])
    sheet.append([None, None, "得分", "说明", "得分", "说明"])
    for cells in ("A1:A3", "B1:B3", "C1:F1", "C2:D2", "E2:F2"):
        sheet.merge_cells(cells)
    sheet.append([1, "完成年度信息公开工作。", 10, "按时完成。", 9, "个别栏目更新不及时。"])
    sheet.append([2, "办理人大建议政协提案。", 10, "全部办结。", 10, "属实。"])
    book.save(path)
    return path


def category_named_as_task(path: Path) -> Path:
    """负面清单 scoring: the column headed 工作任务 holds two repeated categories, the long unique
    texts are under 负面清单 (no content word), the points under 扣分."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工作任务", "负面清单", "扣分"])
    rows = [("党建工作", "未按规定召开民主生活会或组织生活会的。", 2),
            ("党建工作", "理论学习中心组学习少于规定次数的。", 1),
            ("党建工作", "发生违反中央八项规定精神问题被通报的。", 5),
            ("业务工作", "重点任务未按时间节点完成且无正当理由的。", 2),
            ("业务工作", "被上级部门书面通报批评的。", 3),
            ("业务工作", "信息报送迟报、漏报累计三次以上的。", 1)]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def ledger_with_sections(path: Path) -> Path:
    """A contract 台账: section rows (one text in 合同名称), a placeholder row, a 合计 row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["XX公司2023年合同台账"])
    sheet.append(["序号", "合同名称", "合同金额（万元）", "签订日期", "承办部门"])
    sheet.append([None, "与集团签订的合同"])
    sheet.append([1, "办公楼物业服务合同", 120, "2023-01-05", "综合部"])
    sheet.append([2, "信息系统运维服务合同", 85, "2023-02-10", "信息部"])
    sheet.append([None, "与外部单位签订的合同"])
    sheet.append([3, "年度审计服务合同", 30, "2023-03-01", "财务部"])
    sheet.append([4, "法律顾问服务合同", 20, "2023-03-15", "法务部"])
    sheet.append([None, "保留格式，勿删"])
    sheet.append(["合计", None, 255])
    book.save(path)
    return path


def points_under_a_person_header(path: Path) -> Path:
    """分管负责人 (a header ending with a person word) over a column of figures."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工作任务", "完成情况", "分管负责人"])
    sheet.append(["完成预算编制。", "已完成。", 2])
    sheet.append(["开展内部审计。", "已完成。", 3])
    sheet.append(["推进政务公开。", "推进中。", 5])
    book.save(path)
    return path


def generic_sheets(path: Path) -> Path:
    """Two sheets named "Sheet1"/"Sheet2", each a titled task list."""
    book = openpyxl.Workbook()
    first = book.active
    first.title = "Sheet1"
    second = book.create_sheet("Sheet2")
    for sheet, title in ((first, "办公室2024年重点任务"), (second, "财务处2024年重点任务")):
        sheet.append([title])
        sheet.append(["序号", "工作任务", "完成情况"])
        sheet.append([1, f"{title[:3]}任务一。", "已完成。"])
    book.save(path)
    return path


def jxls_template(path: Path) -> Path:
    """A jxls export template: markup where the values will go."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["${title}"])
    sheet.append(["序号", "工作任务", "完成情况"])
    sheet.append(["<jx:forEach items=\"${list}\" var=\"row\">"])
    sheet.append(["${row.seq}", "${row.task}", "${row.result}"])
    sheet.append(["</jx:forEach>"])
    book.save(path)
    return path


def bracket_template(path: Path) -> Path:
    """A form to fill in: "[姓名]"-style placeholders where the values go."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "姓名", "单位", "工作任务"])
    sheet.append([1, "[姓名]", "[单位]", "[工作任务]"])
    book.save(path)
    return path


def merged_header_over_two_columns(path: Path) -> Path:
    """工作任务 merged over B:C, each row's task merged over B:C too: one column, not two."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "工作任务", None, "完成情况"])
    sheet.merge_cells("B1:C1")
    for n, (task, result) in enumerate((("编制年度计划。", "已印发。"), ("开展专项检查。", "已完成。")), 2):
        sheet.append([n - 1, task, None, result])
        sheet.merge_cells(f"B{n}:C{n}")
    book.save(path)
    return path


def year_under_the_title(path: Path) -> Path:
    """The year on the line under the title, the unit on a 填报单位 line."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["重点工作推进台账"])
    sheet.append(["（2019年度）"])
    sheet.append(["填报单位：XX局办公室", None, "填报日期：  年  月  日"])
    sheet.append(["序号", "工作任务", "完成情况"])
    sheet.append([1, "完成年度计划。", "已完成。"])
    book.save(path)
    return path
