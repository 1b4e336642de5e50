"""Fills resources/i18n/app_en.ts with the English UI (run after pyside6-lupdate adds strings).

python resources/i18n/fill_english.py — strings without an entry here stay unfinished (Chinese).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

TS = Path(__file__).with_name("app_en.ts")
ENGLISH = {
    "%1 个考评维度，%2 项": "%1 dimensions, %2 items", "%1 字": "%1 characters",
    "一季度进展": "Q1 progress", "二季度进展": "Q2 progress", "三季度进展": "Q3 progress",
    "四季度进展": "Q4 progress", "上移": "Move up", "下移": "Move down",
    "下一步工作打算": "Plans for next year", "使用分值、得分与指标值": "Use scores and indicators",
    "保存到": "Save to", "偏差原因分析及改进措施": "Reasons for deviation and remedies",
    "全部处室": "All departments", "全部状态": "All statuses", "关闭": "Close", "内容": "Contents",
    "内容已被修改": "Changed elsewhere", "分值": "Weight", "删除": "Delete", "删除…": "Delete…",
    "删除第 %1 项“%2”？": "Delete item %1 “%2”?",
    "删除考评维度“%1”及其下的全部事项和证明材料？":
        "Delete the dimension “%1” with all its items and evidence?",
    "单位名称": "Unit", "取消": "Cancel", "另存副本为": "Save a copy as",
    "另存副本为…": "Save a copy as…",
    "可用 {任务总数} {已完成数} {未完成数} {完成率}，导出时按数据填写":
        "You may use {任务总数} {已完成数} {未完成数} {完成率}; they are filled in on export",
    "复制“%1”的框架和事项（清空落实情况）": "Copy the framework and items of “%1” (results cleared)",
    "大小": "Size", "存在问题及改进措施": "Problems and remedies", "实际完成值": "Actual value",
    "导入 Excel 表格": "Import Excel table", "导入 Excel 表格…": "Import Excel table…",
    "导入到": "Import into", "导入到当前自评": "The current assessment", "导入预览": "Import preview",
    "导出 Excel 表格": "Export Excel table", "导出 Excel 表格…": "Export Excel table…",
    "导出失败": "Export failed", "导出完成": "Export finished",
    "导出工作总结（Word）": "Export work summary (Word)",
    "导出工作总结（Word）…": "Export work summary (Word)…", "层级": "Level",
    "工作总结中的标题": "Heading in the work summary", "工作总结标题": "Work summary title",
    "工作表": "Sheet", "工具(&T)": "&Tools", "已另存副本：%1": "Copy saved: %1",
    "已完成 %1 / %2": "Done %1 / %2", "已导出：%1": "Exported: %1",
    "已重新加载最新内容。": "The latest content has been reloaded.", "年度": "Year",
    "年度任务目标": "Annual target", "年度指标值": "Indicator target", "序号": "No.", "得分": "Score",
    "总体情况": "Overview", "所有文件 (*)": "All files (*)", "打开": "Open",
    "打开数据库": "Open database", "打开数据库…": "Open database…", "提示": "Notes", "撤销": "Undo",
    "数据库中还没有自评：文件 → 新建自评": "No assessment yet: File → New assessment",
    "文件": "File", "文件(&F)": "&File", "文号": "Document no.", "文字说明": "Written note",
    "新建一个自评": "A new assessment", "新建下级维度": "New sub-dimension", "新建事项": "New item",
    "新建考评维度": "New dimension", "新建自查事项": "New item", "新建自评": "New assessment",
    "新建自评…": "New assessment…", "新考评维度": "New dimension", "无法完成": "Not possible",
    "无法导入": "Cannot import", "无法打开": "Cannot open", "无法打开数据库": "Cannot open database",
    "日期": "Date", "最近打开": "Recent files", "期间": "Period", "来源": "Source", "查找": "Find",
    "查找（Ctrl+F）：任意文字": "Find (Ctrl+F): any text", "标题": "Title",
    "正在导入…": "Importing…", "正在导出 Excel 表格…": "Exporting the Excel table…",
    "正在导出工作总结…": "Exporting the work summary…", "正在读取表格…": "Reading the table…",
    "浏览…": "Browse…", "涉密（仅说明）": "Classified (description only)",
    "涉密（只保留说明，不附电子文件）": "Classified (description only, no electronic file)",
    "添加 %1 个证明材料": "Add %1 evidence files", "添加文件…": "Add files…",
    "添加文字说明": "Add a written note", "添加文字说明/涉密材料…": "Add note / classified…",
    "添加文字说明或涉密材料": "Add a written note or classified material",
    "添加证明材料": "Add evidence", "状态": "Status", "界面语言": "Interface language",
    "留空则为“{单位}{年度}年度工作总结”": "Empty: “{unit}{year}年度工作总结”",
    "留空则使用维度名称，如“强化责任担当，全面高效履职”": "Empty: the dimension's name",
    "留空则自动命名": "Empty: named automatically", "移动": "Move", "移除": "Remove",
    "移除证明材料": "Remove evidence", "空白自评": "Empty assessment", "第 %1 级": "Level %1",
    "类型": "Kind", "编辑(&E)": "&Edit", "编辑“%1”": "Edit “%1”", "编辑证明材料": "Edit evidence",
    "考评维度与自查事项": "Dimensions and items", "考评维度名称": "Dimension name",
    "考评维度最多 3 级。": "Dimensions go at most 3 levels deep.",
    "自查内容 / 年度任务": "Item / annual task", "自查表标题": "Self-check table title",
    "自评信息与总结段落": "Assessment and summary", "自评数据库 (*.db)": "Assessment database (*.db)",
    "自评数据库 (*.db);;所有文件 (*)": "Assessment database (*.db);;All files (*)",
    "落实情况 / 完成情况": "Result", "表样": "Table format", "证明材料": "Evidence",
    "证明材料（可把文件拖到这里）": "Evidence (drop files here)", "评分": "Scoring", "说明": "Note",
    "请先在左侧选择一个考评维度。": "First select a dimension on the left.",
    "责任处室": "Department", "退出": "Quit", "选择证明材料文件": "Choose evidence files",
    "重做": "Redo", "重新启动程序后生效。": "Takes effect after a restart.",
    "附自查表作为附件": "Attach the self-check table", "首选项": "Preferences",
    "首选项…": "Preferences…", "（可以撤销）": "(This can be undone.)", "（未填写）": "(empty)",
    "事项": "Items", "自评": "Assessments", "时间": "Time", "恢复": "Restore",
    "从备份恢复": "Restore from backup", "从备份恢复…": "Restore from backup…",
    "导出证明材料包": "Export evidence package", "导出证明材料包…": "Export evidence package…",
    "已删除 %1 个文件。": "%1 files deleted.",
    "恢复前会先备份当前状态，恢复后也可以再恢复回来。":
        "The current state is backed up first, so a restore can itself be undone.",
    "数据库完好，%1 个证明材料文件齐全且未被改动。":
        "The database is sound; all %1 evidence files are present and unchanged.",
    "无法恢复": "Cannot restore",
    "有 %1 个证明材料文件已不被任何记录引用。删除它们？（撤销记录还需要的会保留）":
        "%1 evidence files are no longer referenced. Delete them? (Files the undo history "
        "may need are kept.)",
    "检查失败": "Check failed", "检查数据库与证明材料…": "Check database and evidence…",
    "检查未通过": "Check found problems", "检查通过": "Check passed",
    "正在打包证明材料…": "Packing the evidence…", "正在检查…": "Checking…",
    "清理文件": "Clean up files", "%1 文件": "%1 file",
    # hand-out and collect (#17)
    "%1 第 %2 行：%3（%4）": "%1 row %2: %3 (%4)", "%1（%2 项）": "%1 (%2 items)",
    "Excel 工作簿 (*.xlsx *.xls)": "Excel workbooks (*.xlsx *.xls)", "—": "—",
    "交回时间": "Returned", "交回给": "Return to",
    "以下文件被拒绝，数据库未改动：": "These files were refused; the database is unchanged:",
    "保存到文件夹": "Save to folder", "保留现值": "Keep current value", "冲突": "Conflicts",
    "分发": "Hand out", "分发时": "Handed out", "分发时间": "Handed out",
    "分发给各处室": "Hand out to departments", "分发给各处室…": "Hand out to departments…",
    "刷新": "Refresh", "处室": "Department", "处室填报": "Department's value",
    "处室新增的行（勾选的将作为新事项加入所属维度）：":
        "Rows the departments added (ticked ones become new items under their dimension):",
    "如 2021年12月20日前": "e.g. by 20 December 2021",
    "如 综合处 张某，电话 6xxxxxxx": "e.g. General Office, Zhang, tel. 6xxxxxxx",
    "字段": "Field", "已分发": "Handed out", "已改字段": "Fields changed", "待填写": "Still empty",
    "截止时间": "Deadline", "文件夹不存在。": "The folder does not exist.",
    "无法分发": "Cannot hand out", "无法汇总": "Cannot collect", "未交回": "Not returned",
    "未分发": "Not handed out", "正在生成各处室的填报表…": "Writing the departments' workbooks…",
    "正在读取交回的填报表…": "Reading the returned workbooks…", "汇总": "Collect",
    "汇总 %1 个文件": "Collect %1 files", "汇总…": "Collect…", "汇总完成": "Collected",
    "汇总进度": "Collection progress", "汇总：处理冲突与新增事项": "Collect: conflicts and new rows",
    "现值": "Current value", "维度未知": "dimension unknown", "自行编辑": "Edited",
    "选择各处室交回的填报表": "Choose the returned workbooks", "采用": "Use",
    "采用处室填报": "Use the department's value", "采用结果": "Result",
    "以下字段在分发后处室和本处都改过。请逐项选择采用哪一个，或在“采用结果”中直接修改：":
        "Both the department and you changed these fields after the hand-out. Choose one for each, "
        "or edit the result:",
    "已汇总 %1 个文件：采用 %2 处修改，%3 处冲突，新增 %4 项，%5 行在工作簿中被删除。":
        "Collected %1 files: %2 changes applied, %3 conflicts, %4 items added, "
        "%5 rows deleted in the workbooks.",
    "已在“%1”生成 %2 个处室的填报表。": "Wrote the workbooks of %2 departments in “%1”.",
    "第一季度进展": "Q1 progress", "第二季度进展": "Q2 progress", "第三季度进展": "Q3 progress",
    "第四季度进展": "Q4 progress", "证明材料说明": "Evidence notes",
}


def fill() -> int:
    tree = ElementTree.parse(TS)
    filled = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or source not in ENGLISH:
            continue
        translation.text = ENGLISH[source]
        translation.attrib.pop("type", None)
        filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return filled


if __name__ == "__main__":
    print(f"translated {fill()} strings")
