"""Finance forms as clerks fill them (the auditor's cases): numbers typed as "98%", a funds row
under a merged label, a 元 actual against a 万元 target, a filled score outside its band."""

from __future__ import annotations

from pathlib import Path

import openpyxl


def national(path: Path, *, percent_number: bool = True) -> Path:
    """项目支出 (national): 竣工验收合格率's 实际完成值 is the number 0.98 shown as "98%"."""
    book = openpyxl.Workbook()
    s = book.active
    s.title = "项目自评"
    s["A1"] = "项目支出绩效自评表"
    s.merge_cells("A1:I1")
    s["A2"] = "（2023年度）"
    s.merge_cells("A2:I2")
    s["A3"], s["C3"] = "项目名称", "XX区老旧小区改造项目"
    s["A4"], s["C4"], s["F4"], s["G4"] = "主管部门", "XX区住房和城乡建设局", "实施单位", "XX区城市更新中心"
    s["A5"] = "项目资金（万元）"
    s.merge_cells("A5:A9")
    for c, h in zip("CDEFGH", ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）",
                               "得分"], strict=True):
        s[f"{c}5"] = h
    funds = [("年度资金总额", 1000, 1200, 1080, 10, 0.9, 9),
             ("其中：本年财政拨款", 800, 1000, 900, "—", None, "—"),
             ("上年结转资金", 200, 200, 180, "—", None, "—"), ("其他资金", 0, 0, 0, "—", None, "—")]
    for r, row in enumerate(funds, 6):
        for c, v in zip("BCDEFGH", row, strict=True):
            if v is not None:
                s[f"{c}{r}"] = v
    s["G6"].number_format = "0.00%"
    s["A10"], s["B10"], s["F10"] = "年度总体目标", "预期目标", "实际完成情况"
    s["B11"], s["F11"] = "完成10个老旧小区改造。", "完成9个小区改造。"
    for c, h in zip("BCDEFGHI", ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                 "分值", "得分", "偏差原因分析及改进措施"], strict=True):
        s[f"{c}12"] = h
    rows = [
        ("产出指标", "数量指标", "改造小区数", "≥10个", "9个", 20, 18, "1个小区居民意见未统一。"),
        (None, None, "加装电梯数", "≥20部", "25部", 10, None, None),
        (None, "质量指标", "竣工验收合格率", "100%", 0.98 if percent_number else "98%", 10, None, None),
        (None, "时效指标", "按期完工率", "≥95%", "96%", 5, None, None),
        (None, "成本指标", "单个小区改造成本", "≤100万元", "950000元", 5, None, None),
        ("效益指标", "社会效益指标", "居民居住条件改善", "效果明显", "较明显", 20, 17, None),
        (None, "生态效益指标", "绿化覆盖率提升", "≥5%", "不适用", 5, None, None),
        (None, "可持续影响指标", "长效管理机制", "建立", "已建立", 5, None, None),
        ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", 10, None, None),
    ]
    for r, row in enumerate(rows, 13):
        for c, v in zip("BCDEFGHI", row, strict=True):
            if v is not None:
                s[f"{c}{r}"] = v
    if percent_number:
        s["F15"].number_format = "0%"
    s.merge_cells("A12:A21")
    s.merge_cells("B13:B17")
    s.merge_cells("C13:C14")
    s["A22"], s["G22"] = "总分", 100
    s.merge_cells("A22:F22")
    book.save(path)
    return path


def sichuan(path: Path) -> Path:
    """项目支出 (Sichuan 510000_0013zp): the funds values on row 6 have no label of their own, the
    block's label "预算执行情况（10分）" is merged over A5:A6."""
    book = openpyxl.Workbook()
    s = book.active
    s.title = "510000_0013zp"
    s["A1"] = "项目支出绩效自评表"
    s["A2"] = "（2023年度）    报表编号：510000_0013zp"
    s["A3"], s["C3"] = "项目名称", "XX县义务教育营养改善计划"
    s["A4"], s["C4"], s["F4"], s["G4"] = "主管部门", "XX县教育局", "实施单位", "XX县教育局"
    s["A5"] = "预算执行情况（10分）"
    s.merge_cells("A5:A6")
    for c, h in zip("BCDEFGH", ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
                                "得分", "原因"], strict=True):
        s[f"{c}5"] = h
    for c, v in zip("BCDEF", [500, 520, 400, 0.7692, 10], strict=True):
        s[f"{c}6"] = v
    s["A7"], s["B7"], s["F7"] = "年度总体目标", "预期目标", "实际完成情况"
    s["B8"], s["F8"] = "保障学生营养餐供应。", "全年供应180天。"
    header = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分",
              "未完成原因分析"]
    for c, h in enumerate(header, 1):
        s.cell(10, c, h)
    rows = [
        ("产出指标", "数量指标", "受益学生人数", "≥", 5000, "人", 5200, 25, None, None),
        (None, None, "供餐天数", "=", 180, "天", 175, 25, 20, "疫情停课5天"),
        ("效益指标", "社会效益指标", "学生营养状况", "≥", 95, "%", 96, 20, None, None),
        (None, "经济效益指标", "节约家庭支出", "≥", 200, "万元", 1800000, 10, None, None),
        ("满意度指标", "服务对象满意度指标", "家长满意度", "≥", 90, "%", 88, 10, None, None),
    ]
    for r, row in enumerate(rows, 11):
        for c, v in enumerate(row, 1):
            if v is not None:
                s.cell(r, c, v)
    s["A17"], s["B17"] = "评价结论", "项目总体完成较好。"
    s["A18"], s["B18"] = "存在问题", "部分学校食堂设施老化。"
    s["A19"], s["B19"] = "改进措施", "加快食堂改造。"
    s["A20"], s["B20"], s["E20"], s["F20"] = "项目负责人", "张某", "财务负责人", "李某"
    book.save(path)
    return path


def department(path: Path) -> Path:
    """部门整体: the clerk scored 部分达成 with 25 of 30 (the band is 18–24)."""
    book = openpyxl.Workbook()
    s = book.active
    s.title = "部门整体"
    s["A1"], s["A2"] = "部门整体支出绩效自评表", "（2023年度）"
    s["A3"], s["C3"] = "部门（单位）名称", "XX区民政局"
    s["A4"] = "年度资金（万元）"
    for c, h in zip("CDEF", ["年初预算数（A）", "全年执行数（B）", "分值", "得分"], strict=True):
        s[f"{c}4"] = h
    for r, row in enumerate([("年度资金总额", 3000, 3300, 10), ("基本支出", 1000, 1000, None)], 5):
        for c, v in zip("BCDE", row, strict=True):
            if v is not None:
                s[f"{c}{r}"] = v
    s["A9"], s["B9"], s["E9"] = "年度总体目标", "年初设定目标", "年度总体目标完成情况"
    s["B10"], s["E10"] = "兜底保障。", "应保尽保。"
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值（A）", "全年实际值（B）",
                           "分值", "得分", "偏差原因分析及改进措施"], 1):
        s.cell(12, c, h)
    rows = [("产出指标", "数量指标", "低保对象覆盖人数", "≥5000人", "5100人", 50, None, None),
            ("效益指标", "社会效益指标", "困难群众基本生活保障", "有效保障", "部分达成", 30, 25,
             "资金到位较晚。"),
            ("满意度指标", "服务对象满意度", "受助群众满意度", "≥90%", "92%", 10, None, None)]
    for r, row in enumerate(rows, 13):
        for c, v in enumerate(row, 1):
            if v is not None:
                s.cell(r, c, v)
    s["A16"] = "总分"
    book.save(path)
    return path
