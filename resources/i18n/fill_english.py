"""Fills resources/i18n/app_en.ts with the English UI (run after pyside6-lupdate adds strings).

python resources/i18n/fill_english.py — strings without an entry here stay unfinished (Chinese).
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

TS = Path(__file__).with_name("app_en.ts")
ENGLISH = {
    "请填写要保存的文件名。": "Please enter the name of the file to save.",
    "“%1”是一个文件夹，请在后面写上文件名。": "“%1” is a folder. Please add a file name after it.",
    "文件夹“%1”不存在。": "The folder “%1” does not exist.",
    "替换文件": "Replace file",
    "“%1”已经存在。要替换它吗？导出后在这个文件里改过的内容会丢失。":
        "“%1” already exists. Replace it? Changes made in that file after it was exported will be lost.",
    "导出工作总结（PDF）…": "Export work summary (PDF)…",
    "正在导出工作总结 PDF…": "Exporting the work summary as PDF…",
    "注明证明材料编号并附清单": "Note evidence numbers and attach their list",
    "列对应的字段": "Field of each column", "完成情况已填写的事项的状态":
        "Status of items whose result is filled in",
    "自查表、任务表等表格": "a self-check, task or other table",
    "绩效自评表（项目支出/部门整体）": "a performance self-assessment form (project / department)",
    "Excel 表格 (%1);;所有文件 (*)": "Excel tables (%1);;All files (*)",
    "工作表“%1”：%2 项": "Sheet “%1”: %2 items",
    "“%1”是%2，将新建一个自评：": "“%1” is %2. A new assessment will be created:",
    "无法另存副本": "Cannot save a copy", "数据库：%1": "Database: %1", "已恢复": "Restored",
    "原数据库已损坏或无法备份，已原样移到“%1”保留；数据已从备份恢复。":
        "The database was damaged or could not be backed up; it was moved, unchanged, to “%1”. "
        "The data was restored from the backup.",
    "不直接打开程序": "Programs are not opened",
    "“%1”是程序或脚本，为安全起见不直接打开，只显示其所在的文件夹。":
        "“%1” is a program or script. For safety it is not opened; its folder is shown instead.",
    "%1 个考评维度，%2 项": "%1 dimensions, %2 items", "%1 字": "%1 characters",
    "%1（%2项）": "%1 (%2 items)",
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
    "绩效自评": "Performance self-assessment",
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
    "留空则为“{单位}{年度}%1”": "Empty: “{unit}{year}%1”",
    "留空则使用维度名称，如“强化责任担当，全面高效履职”": "Empty: the dimension's name",
    "留空则自动命名": "Empty: named automatically", "移动": "Move", "移除": "Remove",
    "移除证明材料": "Remove evidence", "空白自评": "Empty assessment", "第 %1 级": "Level %1",
    "类型": "Kind", "编辑(&E)": "&Edit", "编辑“%1”": "Edit “%1”", "编辑证明材料": "Edit evidence",
    "考评维度与自查事项": "Dimensions and items", "考评维度名称": "Dimension name",
    "考评维度最多 3 级。": "Dimensions go at most 3 levels deep.",
    "自查内容": "Self-check item", "自查表标题": "Self-check table title",
    "自评信息与总结段落": "Assessment and summary", "自评数据库 (*.db)": "Assessment database (*.db)",
    "自评数据库 (*.db);;所有文件 (*)": "Assessment database (*.db);;All files (*)",
    "落实情况": "Result", "表样": "Table format", "证明材料": "Evidence",
    "证明材料（可把文件拖到这里）": "Evidence (drop files here)", "评分": "Scoring", "说明": "Note",
    "请先在左侧选择一个考评维度。": "First select a dimension on the left.",
    "责任处室": "Department", "退出": "Quit", "选择证明材料文件": "Choose evidence files",
    "重做": "Redo", "重新启动程序后生效。": "Takes effect after a restart.",
    "附自查表作为附件": "Attach the self-check table",
    "附绩效自评表作为附件": "Attach the performance self-evaluation form", "首选项": "Preferences",
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
    # issue 11: trustworthy undo, bulk work, toolbar, Help, dates, accessibility
    "完成情况": "Completion", "帮助(&H)": "&Help", "使用说明": "User guide", "关于": "About",
    "常用": "Daily actions", "设置状态": "Set status", "设置责任处室…": "Set department…",
    "移到考评维度…": "Move to dimension…", "设置责任处室": "Set department",
    "移到考评维度": "Move to dimension",
    "另一个窗口或程序也打开了这个数据库：可以同时编辑，同一内容被两处修改时会提示。":
        "Another window or program also has this database open: editing is allowed; you are "
        "told when the same content is changed in both.",
    "%1的“%2”已被其他窗口或程序修改。": "“%2” of %1 was changed by another window or program.",
    "%1已不存在（可能已被删除），“%2”未能保存。":
        "%1 no longer exists (it may have been deleted); “%2” was not saved.",
    "%1已不存在（可能已在其他窗口中删除）。": "%1 no longer exists (it may have been deleted elsewhere).",
    "该内容": "This content", "绩效指标": "indicator", "第 %1 项“%2”": "item %1 “%2”",
    "考评维度“%1”": "dimension “%1”",
    "自评信息": "the assessment", "证明材料“%1”": "evidence “%1”",
    "日期无效": "Invalid date", "如 2021年3月5日，可不填": "e.g. 2021-03-05 (optional)",
    "日历…": "Calendar…", "从日历选择日期": "Pick a date from the calendar",
    "把 %1 项设为“%2”": "Set %1 items to “%2”", "%1 项的责任处室：": "Department of %1 items:",
    "设置 %1 项的责任处室": "Set the department of %1 items", "把 %1 项移到：": "Move %1 items to:",
    "移动 %1 项": "Move %1 items", "删除 %1 项": "Delete %1 items",
    "删除选中的 %1 项（序号 %2）及其证明材料？":
        "Delete the %1 selected items (no. %2) with their evidence?",
    "打开所在文件夹": "Open folder",
    "没有找到能打开“%1”的程序，请到文件夹中手动打开。":
        "No program was found to open “%1”; please open it from its folder.",
    "按状态筛选": "Filter by status", "按处室筛选": "Filter by department",
    "<b>绩效自评 — 日常履职考核自查编制工具</b><br>版本 %1<br>数据文件夹：%2<br>全部数据保存在本机，不联网。":
        "<b>Performance self-assessment</b><br>Version %1<br>Data folder: %2<br>"
        "All data stays on this computer; no network is used.",
    # finance forms (项目支出/部门整体支出绩效自评表, issue #15)
    "项目支出": "project expenditure", "部门整体支出": "department-wide expenditure",
    "工作表“%1”是%2，将新建一个自评并按表样计分。":
        "Sheet “%1” is the form %2. It becomes a new assessment, scored by the form's rules.",
    "%1 项绩效指标，%2 行资金": "%1 indicators, %2 funds rows",
    "按普通表格导入（逐列选择字段，不按表样计分）":
        "Import as a plain table (choose each column's field; not scored as a form)",
    "指标": "Indicator", "不适用": "Not applicable", "须填写偏差原因": "Reason for deviation required",
    "基本信息": "General information", "年度总体目标": "Overall goals of the year",
    "资金（万元）": "Funds (10,000 yuan)",
    "绩效指标（双击修改；红色为需处理的问题）": "Performance indicators (double-click to edit; red: to fix)",
    "评价结论": "Conclusion", "执行率偏低原因": "Reason for low budget execution",
    "自评信息与总结段落…": "Assessment details and narrative…",
    "<b>总分 %1</b>（<span style='color:%2'>%3</span>），问题 %4 处":
        "<b>Total %1</b> (<span style='color:%2'>%3</span>), %4 problems",
    "总分 %1 · 评价等级 %2 · 问题 %3 处": "Total %1 · rating %2 · %3 problems",
    "编辑绩效指标": "Edit indicator", "编辑资金": "Edit funds",
    "新建绩效自评表（项目支出/部门整体）…": "New performance self-evaluation form (project/department)…",
    "新建绩效自评表": "New performance self-evaluation form", "项目名称": "Project name",
    "部门整体支出可不填": "May stay empty for a department form",
    "导出绩效自评表（Excel）…": "Export the form (Excel)…", "导出绩效自评表": "Export the form",
    "正在导出绩效自评表…": "Exporting the form…",
    # import preview, item editor (issue 14)
    "自动": "Automatic", "表头所在行": "Header row", "本工作表的表头所在行": "Header row of this sheet",
    "第 %1 行最像表头；若不是，请在“表头所在行”中填写。":
        "Row %1 looks most like the header; if it is not, enter the header row.",
    "%1（%2 项）": "%1 (%2 items)",
    "%1（未识别表头）": "%1 (header not recognised)",
    "Excel 表格 (*.xlsx *.xls *.et);;所有文件 (*)": "Excel tables (*.xlsx *.xls *.et);;All files (*)",
    "“%1”列的字段": "Field of column “%1”",
    "一级维度": "Dimension level 1",
    "二级维度": "Dimension level 2",
    "三级维度": "Dimension level 3",
    "不导入": "Do not import",
    "以下列的内容不会导入：%1。确定吗？": "The contents of these columns will not be imported: %1. Continue?",
    "保留为附加字段": "Keep as an extra field",
    "偏差原因": "Reason for deviation",
    "其他列": "Other columns",
    "备注": "Note",
    "字段": "Field",
    "完成情况已填写的事项，状态设为": "Set the status of items with a filled result to",
    "导入的表格中其他列的内容，导出 Excel 时写回各自的列":
        "Other columns of the imported table; Excel export writes them back to their own columns",
    "工作表“%1”还没有认出表头：请在各列上方选择字段，或取消勾选它。":
        "The header of sheet “%1” is not recognised yet: choose the columns' fields, or untick it.",
    "工作表“%1”：没有认出表头；请在各列上方选择字段（至少选出事项内容）。":
        "Sheet “%1”: no header recognised; choose a field above each column (at least the item's content).",
    "工作表“%1”：第 %2 行是表头；在每列上方选择它对应的字段。":
        "Sheet “%1”: row %2 is the header; choose the field of each column above it.",
    "序号（自动编号）": "No. (numbered automatically)",
    "时限": "Deadline",
    "标题中没有单位名称，请填写": "The title names no unit: please enter it",
    "确认不导入": "Confirm columns left out",
    "表格标题中没有单位名称，请填写单位名称。": "The table's title names no unit: please enter the unit.",
    "表格标题中没有年度，请填写年度。": "The table's title names no year: please enter the year.",
    "请至少勾选一个工作表。": "Tick at least one sheet.",
    "责任人": "Responsible person",
    "（标题中没有年度，请填写）": "(no year in the title: please enter it)",
    "体检": "Review", "问题": "Problem", "工作总结": "Work summary", "自查表": "Self-check table",
    "重新检查": "Check again",
    "没有发现问题。": "No problems found.",
    "发现 %1 个问题；双击一行可定位到该事项。": "%1 problems found; double-click a row to open its item.",
    "体检发现 %1 个问题（如未填写落实情况、数字与表格不符）。先查看问题，还是仍然导出？":
        "The review found %1 problems (such as missing results or numbers that differ from "
        "the table). Look at them first, or export anyway?",
    "查看问题": "Show problems",
    "仍然导出": "Export anyway",
    "无落实情况": "No result",
    "状态与内容不符": "Status does not match",
    "缺证明材料": "No evidence",
    "缺原因说明": "No reason given",
    "数字与表格不符": "Numbers differ from the table",
    "内容重复": "Duplicate",
    "内容过长": "Too long",
    "打印预览": "Print preview",
    "任务完成情况表": "Task completion table",
    "打印预览 — %1": "Print preview — %1",
    "上一页": "Previous page",
    "下一页": "Next page",
    "共 %1 页": "of %1 pages",
    "缩放": "Zoom",
    "打印…": "Print…",
    "正在生成打印预览…": "Preparing the print preview…",
    "无法打印预览": "Cannot show the print preview",
    "留空则为单位名称": "Empty: the unit’s name",
    "打印署名": "Print the signature",
    "留空则为导出当天，如 2022年1月10日": "Empty: the day of export, e.g. 2022年1月10日",
    "打印成文日期": "Print the date",
    "不写入没有落实情况的事项": "Leave out items without a result",
    "正文中的“1.”改为“（1）”": "Write “1.” in item texts as “（1）”",
    "已完成的事项须有证明材料": "Completed items need evidence",
    "署名": "Signature",
    "成文日期": "Date",
    "页码": "Page numbers",
    # hand-out and collect (#17)
    "%1 第 %2 行：%3（%4）": "%1 row %2: %3 (%4)",
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
    "已分发": "Handed out", "已改字段": "Fields changed", "待填写": "Still empty",
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
    # collect, second round (issue 24)
    "\n%1 第 %2 行（序号 %3“%4”）：%5": "\n%1 row %2 (No. %3 “%4”): %5",
    "\n%1：序号 %2“%3”": "\n%1: No. %2 “%3”", "%1（仅处室改动）": "%1 (changed by the department only)",
    "工作簿中删除的行": "Rows deleted in the workbook",
    "工作簿中被删除的行（数据库中的事项未删除）：":
        "Rows deleted in the workbooks (the items stay in the database):",
    "序号 %1“%2”": "No. %1 “%2”", "未汇总的行：": "Rows not collected:",
    "替换已有的填报表？": "Replace the existing workbooks?",
    "文件夹“%1”中已有以下填报表，可能是处室已交回、已填写的：\n%2\n\n重新分发将替换它们（其中填写的内容会丢失，除非已汇总）。是否替换？":
        "The folder “%1” already holds these workbooks, perhaps returned and filled in by the "
        "departments:\n%2\n\nHanding out again replaces them (what was filled in is lost unless "
        "collected). Replace them?",
    # the finance form's conflicts (issue 24)
    "内容冲突：%1": "Conflict: %1",
    "“%1”在您修改期间已被其他窗口或程序改为右侧的内容。请选择保留哪一个，或在下方改写后采用：":
        "While you were editing, another window or program changed “%1” to the text on the "
        "right. Choose which to keep, or write a merge below and use it:",
    "我的（本窗口输入的）": "Mine (typed in this window)", "对方的（已保存的）": "Theirs (saved)",
    "采用结果（可改写）": "Result (you may edit it)", "采用我的": "Use mine",
    "保留对方的": "Keep theirs", "采用改写结果": "Use the edited result",
    "编辑“%1”（%2）": "Edit “%1” (%2)", "编辑资金“%1”": "Edit funds “%1”",
    "第一季度进展": "Q1 progress", "第二季度进展": "Q2 progress", "第三季度进展": "Q3 progress",
    "第四季度进展": "Q4 progress", "证明材料说明": "Evidence notes",
    # the walkthrough's findings (#31)
    "发现 %1 个问题；双击或按回车可定位到该处。":
        "%1 problems found; double-click or press Enter to go to one.",
    "在树中：Delete 删除，Ctrl+A 选中本维度全部事项；查找框中：回车或↓ 转到第一个结果；"
    "体检列表中：回车打开问题所在处；Alt+字母 打开菜单，菜单中按括号里的字母选择。":
        "In the tree: Delete deletes, Ctrl+A selects the dimension's items; in the find box: Enter "
        "or ↓ goes to the first match; in the review list: Enter opens the problem; Alt+letter "
        "opens a menu, then the underlined letter picks an entry.",
    "快捷键": "Keyboard shortcuts", "文件位置": "File location",
    "文件的副本在：%1": "A copy of the file is at: %1",
    "没有可打开此文件的程序": "No program opens this file",
    "这台电脑上没有能打开“%1”的程序。是否打开它所在的文件夹？":
        "No program on this computer opens “%1”. Open the folder it is in?",
    # last year's summary and this year against last year (#28)
    "Word 文档 (%1);;所有文件 (*)": "Word documents (%1);;All files (*)",
    "上年年度任务目标": "Last year's annual target", "上年的自评": "Last year's assessment",
    "上年落实情况": "Last year's result", "上年（%1年）同一事项": "The same item last year (%1)",
    "单击一句即复制，可粘贴到今年的内容中":
        "Click a sentence to copy it, then paste it into this year's text",
    "导入": "Import", "导入上年工作总结": "Import last year's work summary",
    "导入上年工作总结 — 预览": "Import last year's work summary — preview",
    "导入上年工作总结…": "Import last year's work summary…",
    "导出同比表（与上年对比）…": "Export year-on-year table…", "已复制：%1": "Copied: %1",
    "已导入": "Imported", "总结中的段落": "Paragraph of the summary",
    "提纲 %1 节；%2 段可作为事项的落实情况（勾选采用），其余作为总结正文。":
        "%1 headings; %2 paragraphs can become items' results (tick to use them); the rest "
        "becomes the summary's text.",
    "提纲与正文": "Outline and text", "正在导出同比表…": "Exporting the year-on-year table…",
    "正在读取工作总结…": "Reading the work summary…", "注意：": "Note: ",
    "照抄上年": "Copied from last year", "相似度": "Similarity", "自查事项": "Item",
    "（上年没有此事项）": "(no such item last year)", "（未识别，请填写）": "(not found, please enter)",
    "（正文开头）": "(beginning of the text)", "（空）": "(empty)",
    "选择上年的自评…": "Choose last year's assessment…", "选择上年的自评": "Choose last year's assessment",
    "（自动：复制来源或同单位上一年度）": "(automatic: the copy's source or the unit's previous year)",
    "与哪一个自评对比（上年）：": "Compare with which assessment (last year):",
    "无法选择": "Cannot choose",
    "删除自评“%1”": "Delete assessment “%1”", "删除自评…": "Delete assessment…",
    "删除自评": "Delete assessment",
    "删除自评“%1”？\n\n将删除 %2 个考评维度、%3 项自查事项和 %4 份证明材料记录"
    "（证明材料文件仍保留在材料文件夹中）。\n删除前会先备份数据库；"
    "关闭窗口之前可以用 编辑 → 撤销（Ctrl+Z）恢复。":
        "Delete the assessment “%1”?\n\n%2 dimensions, %3 items and %4 evidence records will be deleted "
        "(the evidence files stay in the evidence folder).\nThe database is backed up first; until the "
        "window is closed, Edit → Undo (Ctrl+Z) brings it back.",
    "把握大": "Sure", "把握一般": "Fairly sure", "把握小，请核对": "Unsure, please check",
    "%1（%2 项，请核对各列字段）": "%1 (%2 items, please check the columns' fields)",
    # a department's shared server (issue 25)
    "%1：还没有修改记录。": "%1: no changes recorded yet.",
    "从备份恢复服务器数据库": "Restore the server database from a backup",
    "修改人": "Changed by", "修改记录": "Change history", "修改记录…": "Change history…",
    "原值": "Old value", "新值": "New value", "时间（UTC）": "Time (UTC)",
    "另存副本为（服务器数据库的完整副本）": "Save a copy as (a complete copy of the server database)",
    "在系统钥匙串中记住密码": "Remember the password in the system keyring",
    "密码": "Password", "数据库": "Database", "服务器": "Server", "端口": "Port",
    "登录名": "Login", "连接": "Connect", "连接服务器": "Connect to server",
    "连接服务器…": "Connect to server…",
    "已从备份恢复 %1 行数据。": "Restored %1 rows from the backup.",
    "无法读取修改记录": "Cannot read the change history",
    "服务器地址，如 192.168.1.10": "Server address, e.g. 192.168.1.10",
    "服务器数据库“%1”的全部内容将被备份“%2”替换（所有人的修改）。继续？":
        "Everything in the server database “%1” will be replaced by the backup “%2” "
        "(everyone's changes). Continue?",
    "自评数据库备份 (*.db);;所有文件 (*)": "Assessment database backups (*.db);;All files (*)",
    "谁在何时修改了本事项的哪一项，原值和新值":
        "Who changed which field of this item when, with the old and new value",
    "连接“%1”的密码：": "Password for “%1”:",
    "%1的“%2”未保存。": "%2 of %1 was not saved. ",
    "登录 %1 是“%2”的处室填报人：只能修改本处室事项的内容和证明材料，不能新建、删除或移动事项和维度。":
        "Login %1 is a clerk of “%2”: it may edit the content and evidence of its department's "
        "items only, not add, delete or move items and dimensions.",
    # after the walkthrough (#31)
    "体检发现 %1 个问题（%2）。先查看问题，还是仍然导出？":
        "The review found %1 problems (%2). Look at them first, or export anyway?",
    "双击或按回车转到问题所在行": "Double-click or press Enter to go to the problem's row",
    "说明：": "Note: ", "请稍候": "Please wait",
    "已取消：%1": "Cancelled: %1", "正在取消…": "Cancelling…",
}
# issue 24: live refresh between windows, the conflict dialog for a field, undo per assessment
ENGLISH.update({
    "<打开时>": "<when opened>", "Excel 表格": "Excel table",
    "两者都保留（可编辑）": "Keep both (editable)", "保留我输入的": "Keep what I typed",
    "其他窗口/程序保存的": "Saved by another window/program",
    "内容已被其他窗口或程序修改": "Changed by another window or program", "原来": "Before",
    "导入“%1”（%2 项）": "Import “%1” (%2 items)",
    "您撤销或重做时，%1的“%2”已被其他窗口或程序修改。请选择保留哪一个，或两者都保留后编辑：":
        "While you undid or redid, “%2” of %1 was changed by another window or program. "
        "Choose which to keep, or keep both and edit:",
    "您输入时，%1的“%2”已被其他窗口或程序修改。您输入的内容仍在，请选择保留哪一个，或两者都保留后编辑：":
        "While you were typing, “%2” of %1 was changed by another window or program. What you "
        "typed is still here; choose which to keep, or keep both and edit:",
    "我输入的": "What I typed", "撤销历史": "Undo history", "撤销历史…": "Undo history…",
    "本自评在这个窗口中的每一步修改（点击某一步即撤销或重做到那里）：":
        "Every change to this assessment in this window (click a step to undo or redo to it):",
    "确定": "OK", "采用对方保存的": "Take theirs", "（%1）": " (%1)",
    "您输入的内容已复制到剪贴板。": " What you typed has been copied to the clipboard.",
})
# issue 30: the framework tree's columns
ENGLISH.update({
    "右键单击此处，选择在标题旁显示的列（状态、责任处室）":
        "Right-click here to choose the columns shown beside the title (status, department)",
})


# The import preview's rows, remarks and left-out rows (#26).
ENGLISH.update({
    "%1（%2 项，预算/计划表）": "%1 (%2 items, a budget plan)",
    "%1（同类提示共 %2 条）": "%1 (%2 such remarks)",
    "“%1”列导入为哪个字段": "The field column “%1” is imported as",
    "勾选一行，即把它作为事项导入": "Tick a row to import it as an item",
    "导入为": "Imported as",
    "正在按所选字段重新读取表格…": "Reading the table again with the fields chosen…",
    "并入第 %1 行": "Part of row %1",
    "导入跳过的行": "Import skipped rows",
    "导入（原%1）": "Imported (was: %1)",
    "未导入的行": "Rows left out",
    "未导入的行（%1 行；勾选即作为事项导入）：": "Rows left out (%1; tick one to import it as an item):",
    "未导入的行（勾选即作为事项导入）：": "Rows left out (tick one to import it as an item):",
    "未导入：%1": "Left out: %1",
    "没有提示": "No remarks",
    "第 %1 行 %2：%3": "Row %1 %2: %3",
    "表格内容": "Table rows",
    "（%3，默认不导入。）": " (%3; not imported unless ticked.)",
})

ENGLISH.update({
    "有内容未能保存": "Some text was not saved",
    "年度": "Year", "第一季度": "First quarter", "第二季度": "Second quarter",
    "第三季度": "Third quarter", "第四季度": "Fourth quarter",
    "单双页": "Odd right, even left", "居中": "Centred",
    "%1 中输入的内容未能保存到数据库（见刚才的提示）。现在退出，这些内容将丢失。\n\n仍然退出？":
        "What was typed in %1 could not be saved to the database (see the message just shown). "
        "Quitting now loses it.\n\nQuit anyway?",
})


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
