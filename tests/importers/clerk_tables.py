"""Real-looking clerks' workbooks, one per defect of issue 14 (made with openpyxl)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl


def finance_form(path: Path) -> Path:
    """项目支出绩效自评表: a header block (project, funds, goals) above the indicator header on
    row 14; 一级/二级指标 merged down their rows; a 总分 row at the end."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目支出绩效自评表"
    sheet["A1"] = "市卫生健康委2023年度项目支出绩效自评表"
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "（2023年度）"
    sheet.merge_cells("A2:H2")
    block = [
        (3, ["项目名称", "基本公共卫生服务", None, None, "主管部门", "市卫生健康委"]),
        (4, ["实施单位", "市疾病预防控制中心", None, None, "项目负责人", "王某"]),
        (5, ["项目资金（万元）", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值",
             "执行率（B/A）", "得分"]),
        (6, ["年度资金总额", 1200, 1250, 1190, 10, "95.2%", 9.5]),
        (7, ["其中：财政拨款", 1200, 1250, 1190, None, None, None]),
        (9, ["年度总体目标", "预期目标", None, None, "实际完成情况"]),
        (10, [None, "为辖区常住居民提供基本公共卫生服务。", None, None, "全年服务常住居民312万人。"]),
        (12, ["绩效指标"]),
    ]
    for row, values in block:
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row, column, value)
    sheet.merge_cells("B9:D9")
    sheet.merge_cells("B10:D10")
    sheet.merge_cells("A12:H13")
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    for column, text in enumerate(header, start=1):
        sheet.cell(14, column, text)
    rows = [
        ("产出指标", "数量指标", "建立居民健康档案人数", "≥300万人", "312万人", 20, 20, None),
        (None, None, "老年人健康管理人数", "≥45万人", "41万人", 15, 13.5,
         "部分老年人外出务工，下年加强随访。"),
        (None, "质量指标", "电子健康档案建档率", "≥90%", "92%", 15, 15, None),
        ("效益指标", "社会效益", "重点人群健康管理率", "逐年提高", "提高2个百分点", 30, 30, None),
        ("满意度指标", "服务对象满意度", "居民满意度", "≥85%", "88%", 10, 10, None),
        ("总分", None, None, None, None, 100, 98, None),
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(15 + offset, column, value)
    sheet.merge_cells("A15:A17")
    sheet.merge_cells("B15:B16")
    book.save(path)
    return path


def scoring_table(path: Path) -> Path:
    """A scoring table with a two-row header: 增加分值 and 扣减分值 merged over their sub-headers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    sheet["A1"] = "某区卫生健康局2022年度重点工作考核评分表"
    sheet.merge_cells("A1:I1")
    top = ["序号", "考核项目", "考核内容", "增加分值", None, None, "扣减分值", None, "备注"]
    sub = [None, None, None, "增分因素", "分值", "得分", "扣分因素", "扣分", None]
    for column, (a, b) in enumerate(zip(top, sub, strict=True), start=1):
        if a:
            sheet.cell(3, column, a)
        if b:
            sheet.cell(4, column, b)
    for rng in ("A3:A4", "B3:B4", "C3:C4", "D3:F3", "G3:H3", "I3:I4"):
        sheet.merge_cells(rng)
    data = [
        (1, "党建工作", "落实全面从严治党主体责任。", "获市级表彰", 2, 2, None, None, None),
        (2, None, "开展党风廉政教育。", None, None, None, "通报批评1次", 1, "已整改"),
        (3, "业务工作", "完成基本公共卫生服务项目。", "获国家通报表扬", 3, 3, None, None, None),
        (4, None, "推进家庭医生签约。", "签约率居全市第一", 2, 2, None, None, None),
        (None, None, None, "获省级典型案例", None, None, None, None, None),
    ]
    for offset, values in enumerate(data):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(5 + offset, column, value)
    sheet.merge_cells("B5:B6")
    sheet.merge_cells("B7:B9")
    for rng in ("A8:A9", "C8:C9", "E8:E9", "F8:F9"):  # one item over two rows of 增分因素
        sheet.merge_cells(rng)
    book.save(path)
    return path


MEETING_SHEETS = {
    "会前准备": [("会\n议\n确\n认", "确定会议时间", "报请领导确定会议时间、地点。", "办公室", "张某",
                  "会前7天"),
                 (None, "拟定议程", "起草会议议程，征求各处室意见。", "办公室", "李某", "会前5天")],
    "会中服务": [("会\n场\n服\n务", "签到", "组织参会人员签到。", "办公室", "王某", "会议当天")],
    "会后落实": [("督\n办", "印发纪要", "整理并印发会议纪要。", "办公室", "赵某", "会后3天"),
                 (None, "督办落实", "跟踪议定事项落实情况。", "督查室", "钱某", "会后30天")],
}


def meeting_workflow(path: Path) -> Path:
    """会议工作流程清单: three sheets, a vertical label merged down its rows, no year in the title,
    a repeated (printed page) header, and a note block merged over 5 rows × 7 columns."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    header = ["环节", "工作事项", "具体内容", "责任部门", "责任人", "时限要求", "备注"]
    for name, rows in MEETING_SHEETS.items():
        sheet = book.create_sheet(name)
        sheet["A1"] = f"市卫生健康委会议工作流程清单（{name}）"
        sheet.merge_cells("A1:G1")
        sheet.append(header)
        first = 3
        for values in rows:
            sheet.append(list(values))
        if len(rows) > 1:
            sheet.merge_cells(f"A{first}:A{first + len(rows) - 1}")
        if name == "会后落实":
            sheet.append(header)  # printed page header repeated
            sheet.append(["归\n档", "归档", "会议材料整理归档。", "档案室", "孙某", "会后15天"])
            row = sheet.max_row + 1
            sheet.cell(row, 1, "本清单由办公室负责解释。各处室应按照时限要求完成各项工作，"
                               "确保会议组织规范有序。")
            sheet.merge_cells(start_row=row, start_column=1, end_row=row + 4, end_column=7)
    book.create_sheet("说明")  # an empty sheet: not a table
    book.save(path)
    return path


def weekly_ledger(path: Path) -> Path:
    """工作情况台账: header on row 3 with 完成状态 symbols, departments, owners, deadlines and
    columns no layout names; Excel escapes and a DEL character in cells."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "第12周"
    sheet["A1"] = "市卫生健康委2024年重点工作情况台账"
    sheet["A2"] = "填报单位：办公室"
    sheet.append(["序号", "重点工作", "牵头处室", "责任人", "完成时限", "完成状态", "进展情况",
                  "年度指标值", "偏差原因", "督办意见"])
    rows = [
        (1, "支持中医药振兴发展。_x0000__x0001_", "中医处", "周某", "2024年6月", "√",
         "已出台实施意见。", "1项", None, "按期办结"),
        (2, "\x7f开展爱国卫生运动。", "疾控处", "吴某", "2024年12月", "进行中",
         "已开展2次集中整治。", "4次", None, None),
        (3, "加强_x000B_医疗队伍建设。", "人事处", "郑某", "2024年12月", "未启动", None,
         "引进50人", "编制审批未完成", "加快推进"),
        (4, "推进智慧医院建设。", "规划处", "冯某", "2024年9月", "待定", "方案论证中。",
         None, None, None),
    ]
    for values in rows:
        sheet.append(list(values))
    book.save(path)
    return path


def doubled_category_tasks(path: Path) -> Path:
    """tasks_2017 as a clerk kept it: 类别 and 主要职责 both hold the category; no status column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "四季度"
    sheet.append(["某某委2017年绩效任务四季度完成情况"])
    sheet.append(["序号", "类别", "主要职责", "年度任务", "年度任务目标", "第四季度完成情况描述"])
    first, second = "一、政策法规制定", "二、坚持依法行政"
    sheet.append([1, first, first, "推进卫生立法。", "年底前提请审议。", "已通过审议。"])
    sheet.append([2, first, first, "清理规范性文件。", "公布目录。", None])
    sheet.append([3, second, second, "落实执法三项制度。", "记录率100%。", "记录率100%。"])
    book.save(path)
    return path


def unknown_columns(path: Path) -> Path:
    """A minutes list whose headers no vocabulary knows: 议题 | 汇报处室 | 结论."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "议题"
    sheet.append(["市卫生健康委2024年党组会议题清单"])
    sheet.append(["议题", "汇报处室", "结论"])
    sheet.append(["研究年度预算安排。", "财务处", "原则同意。"])
    sheet.append(["听取安全生产工作汇报。", "应急办", "会议要求持续抓好。"])
    book.save(path)
    return path


def footed_ledger(path: Path) -> Path:
    """Headers with bracketed units, 完成情况 merged over two columns, a signature row at the end."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "台账"
    sheet.append(["某某局2024年重点工作推进表"])
    sheet.append(["序号", "工作任务", "完成情况", None, "分值（分）", "完成时限（月底前）"])
    sheet.merge_cells("C2:D2")
    sheet.append([1, "修订管理办法。", "已提交审议。", "待发文", 5, "6月"])
    sheet.append([2, "开展专项检查。", "已检查12家。", None, "5分", "9月"])
    sheet.append([None, None, "约谈3家。", "待复查"])  # the result goes on in the next row
    sheet.append(["填表人：张三", None, "审核人：李四"])
    book.save(path)
    return path


def note_in_a_data_column(path: Path) -> Path:
    """Unknown headers, and a note merged down rows 9–13 of one data column (not a title)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "清单"
    sheet.append(["议题", "汇报处室", "结论", "说明"])
    for n in range(10):
        sheet.append([f"议题{n + 1}", "办公室", "同意。"])
    sheet["D9"] = "以上议题均已报党组审定。"
    sheet.merge_cells("D9:D13")
    book.save(path)
    return path


def stamped_ledger(path: Path, unit_line: str = "填报单位（盖章）：XX区发展和改革局",
                   date_line: str = "填报时间：2023年6月30日") -> Path:
    """推进台账 of a 发改局: under the title a 填报单位（盖章）line merged A2:D2 and a 填报时间 merged
    E2:G2 (no group header); categories merged across, a 合计 row, a note and a signature row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet["A1"] = "XX区发改局2023年重点工作推进台账"
    sheet.merge_cells("A1:G1")
    sheet["A2"] = unit_line
    sheet.merge_cells("A2:D2")
    sheet["E2"] = date_line
    sheet.merge_cells("E2:G2")
    sheet.append(["序号", "工作任务", "责任部门", "责任人", "完成时限", "进展情况", "备注"])
    sheet.append(["一、重大项目建设"])
    sheet.merge_cells("A4:G4")
    sheet.append([1, "推进XX高速公路XX段前期工作。", "项目科", "张三", datetime(2023, 12, 31),
                  "工可已报省发改委审查。", "省重点"])
    sheet.append([2, "推进城市更新项目。", "项目科", "王五", "2023年底", "A片区已开工。"])
    sheet.append(["二、营商环境"])
    sheet.merge_cells("A7:G7")
    sheet.append([3, "开展营商环境评价迎评工作。", "体改科", "赵六", "2023年10月", None, "未开展"])
    sheet.append(["合计", None, None, None, None, "共3项"])
    sheet.append(["注：本表每周五下午5点前报区委督查室。"])
    sheet.merge_cells("A10:G10")
    sheet.append(["填表人：孙八", None, None, "审核人：周九"])
    book.save(path)
    return path


def quarterly_progress(path: Path) -> Path:
    """季度推进表: a 推进情况 group merged over 一季度…四季度, the other headers merged down two rows."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "季度"
    sheet["A1"] = "市审计局2024年重点工作任务季度推进表"
    sheet.merge_cells("A1:H1")
    sheet.append(["序号", "重点任务", "责任处室", "完成时限", "推进情况", None, None, None])
    sheet.append([None, None, None, None, "一季度", "二季度", "三季度", "四季度"])
    for column in "ABCD":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("E2:H2")
    sheet.append([1, "开展重大政策跟踪审计。", "财政审计处", "12月", "制定方案。", "进场审计。",
                  "出具报告。", "整改跟踪。"])
    sheet.append([2, "开展经济责任审计。", "经责处", "12月", "确定对象。", "实施审计。"])
    book.save(path)
    return path


def based_scoring_table(path: Path) -> Path:
    """评分表 with 基本分值 and 自评得分 columns merged down two rows beside the 增加分值 and 扣减分值
    groups (each with its own 分值/得分), 考核项目 merged down its items, a 合计 row."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    sheet["A1"] = "2023年度XX市司法局绩效考核自评评分表"
    sheet.merge_cells("A1:K1")
    sheet.append(["考核项目", "考核内容", "评分标准", "基本分值", "增加分值", None, None, "扣减分值",
                  None, None, "自评得分"])
    sheet.append([None, None, None, None, "增分因素", "分值", "得分", "扣分因素", "分值", "得分"])
    for column in "ABCDK":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("E2:G2")
    sheet.merge_cells("H2:J2")
    sheet.append(["依法行政", "推进法治政府建设示范创建。", "完成创建得满分。", 10, "获省级示范", 2, 2,
                  None, None, None, 12])
    sheet.append([None, "规范行政执法行为。", "每发现一起不规范扣1分。", 10, None, None, None,
                  "执法案卷不规范2件", 1, 2, 8])
    sheet.merge_cells("A4:A5")
    sheet.append(["小 计", None, None, 20, None, None, 2, None, None, 2, 20])
    sheet.append(["合计", None, None, 20, None, None, 2, None, None, 2, 20])
    book.save(path)
    return path


def plain_indicators(path: Path) -> Path:
    """A department's indicator table (一级/二级/三级指标 like a finance form's, but no header block
    of 项目名称/主管部门 nor funds): title, a blank row, the header on row 3, a 完成时间 column."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "指标"
    sheet["A1"] = "XX区教育局2024年度重点任务指标完成情况表"
    sheet.append([])
    sheet.append(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                  "偏差原因", "完成时间"])
    sheet.append(["产出指标", "数量指标", "新建幼儿园数", "≥3所", "3所", 20, 20, None, date(2024, 9, 1)])
    sheet.append([None, "质量指标", "入园率", "95%", "93%", 20, 19.6, "生源减少"])
    sheet.merge_cells("A4:A5")
    book.save(path)
    return path
