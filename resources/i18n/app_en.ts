<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="38" />
        <source>序号（自动编号）</source>
        <translation>No. (numbered automatically)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="38" />
        <source>一级维度</source>
        <translation>Dimension level 1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="38" />
        <source>二级维度</source>
        <translation>Dimension level 2</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="39" />
        <source>三级维度</source>
        <translation>Dimension level 3</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="39" />
        <source>保留为附加字段</source>
        <translation>Keep as an extra field</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="39" />
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="136" />
        <source>编辑“%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="137" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/commands/imports.py" line="52" />
        <source>导入“%1”（%2 项）</source>
        <translation>Import “%1” (%2 items)</translation>
    </message>
    <message>
        <location filename="../../gui/commands/imports.py" line="75" />
        <source>Excel 表格</source>
        <translation>Excel table</translation>
    </message>
</context>
<context>
    <name>AssessmentEditor</name>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="35" />
        <source>留空则为“{单位}{年度}%1”</source>
        <translation>Empty: “{unit}{year}%1”</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="37" />
        <source>使用分值、得分与指标值</source>
        <translation>Use scores and indicators</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="39" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="39" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="40" />
        <source>期间</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="40" />
        <source>自查表标题</source>
        <translation>Self-check table title</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="41" />
        <source>工作总结标题</source>
        <translation>Work summary title</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="42" />
        <source>评分</source>
        <translation>Scoring</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="47" />
        <source>总体情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="48" />
        <source>存在问题及改进措施</source>
        <translation>Problems and remedies</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="49" />
        <source>下一步工作打算</source>
        <translation>Plans for next year</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="52" />
        <source>可用 {任务总数} {已完成数} {未完成数} {完成率}，导出时按数据填写</source>
        <translation>You may use {任务总数} {已完成数} {未完成数} {完成率}; they are filled in on export</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="83" />
        <source>自评信息</source>
        <translation>the assessment</translation>
    </message>
    <message>
        <location filename="../../gui/panels/assessment_editor.py" line="85" />
        <source>工作总结</source>
        <translation>Work summary</translation>
    </message>
</context>
<context>
    <name>BulkActions</name>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="52" />
        <source>把 %1 项设为“%2”</source>
        <translation>Set %1 items to “%2”</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="63" />
        <source>设置责任处室</source>
        <translation>Set department</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="64" />
        <source>%1 项的责任处室：</source>
        <translation>Department of %1 items:</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="69" />
        <source>设置 %1 项的责任处室</source>
        <translation>Set the department of %1 items</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="77" />
        <source>移到考评维度</source>
        <translation>Move to dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="78" />
        <source>把 %1 项移到：</source>
        <translation>Move %1 items to:</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="94" />
        <source>移动 %1 项</source>
        <translation>Move %1 items</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="101" />
        <source>删除选中的 %1 项（序号 %2）及其证明材料？</source>
        <translation>Delete the %1 selected items (no. %2) with their evidence?</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="103" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="104" />
        <source>（可以撤销）</source>
        <translation>(This can be undone.)</translation>
    </message>
    <message>
        <location filename="../../gui/window/bulk_actions.py" line="108" />
        <source>删除 %1 项</source>
        <translation>Delete %1 items</translation>
    </message>
</context>
<context>
    <name>Choice</name>
    <message>
        <location filename="../../model/report/options.py" line="16" />
        <source>单双页</source>
        <translation>Odd right, even left</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="16" />
        <source>居中</source>
        <translation>Centred</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="108" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="108" />
        <source>第一季度</source>
        <translation>First quarter</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="109" />
        <source>第二季度</source>
        <translation>Second quarter</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="109" />
        <source>第三季度</source>
        <translation>Third quarter</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="110" />
        <source>第四季度</source>
        <translation>Fourth quarter</translation>
    </message>
</context>
<context>
    <name>ColumnTable</name>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="59" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="63" />
        <source>表格内容</source>
        <translation>Table rows</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="112" />
        <source>“%1”列的字段</source>
        <translation>Field of column “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_columns.py" line="113" />
        <source>“%1”列导入为哪个字段</source>
        <translation>The field column “%1” is imported as</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="33" />
        <source>汇总：处理冲突与新增事项</source>
        <translation>Collect: conflicts and new rows</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="37" />
        <source>以下字段在分发后处室和本处都改过。请逐项选择采用哪一个，或在“采用结果”中直接修改：</source>
        <translation>Both the department and you changed these fields after the hand-out. Choose one for each, or edit the result:</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="42" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="42" />
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="42" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="42" />
        <source>分发时</source>
        <translation>Handed out</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="42" />
        <source>现值</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="43" />
        <source>处室填报</source>
        <translation>Department's value</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="43" />
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="43" />
        <source>采用结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="50" />
        <source>%1（仅处室改动）</source>
        <translation>%1 (changed by the department only)</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="60" />
        <source>保留现值</source>
        <translation>Keep current value</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="60" />
        <source>采用处室填报</source>
        <translation>Use the department's value</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="60" />
        <source>自行编辑</source>
        <translation>Edited</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="80" />
        <source>处室新增的行（勾选的将作为新事项加入所属维度）：</source>
        <translation>Rows the departments added (ticked ones become new items under their dimension):</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="83" />
        <source>%1 第 %2 行：%3（%4）</source>
        <translation>%1 row %2: %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="85" />
        <source>维度未知</source>
        <translation>dimension unknown</translation>
    </message>
    <message>
        <location filename="../../gui/collect/conflict_dialog.py" line="94" />
        <source>汇总</source>
        <translation>Collect</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="22" />
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="25" />
        <source>服务器地址，如 192.168.1.10</source>
        <translation>Server address, e.g. 192.168.1.10</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="33" />
        <source>在系统钥匙串中记住密码</source>
        <translation>Remember the password in the system keyring</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="35" />
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="35" />
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="36" />
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="36" />
        <source>登录名</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="37" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/connect_server.py" line="42" />
        <source>连接</source>
        <translation>Connect</translation>
    </message>
</context>
<context>
    <name>CountedText</name>
    <message>
        <location filename="../../gui/infra/widgets.py" line="83" />
        <source>%1 字</source>
        <translation>%1 characters</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../gui/infra/widgets.py" line="92" />
        <source>如 2021年3月5日，可不填</source>
        <translation>e.g. 2021-03-05 (optional)</translation>
    </message>
    <message>
        <location filename="../../gui/infra/widgets.py" line="94" />
        <source>日历…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <location filename="../../gui/infra/widgets.py" line="95" />
        <source>从日历选择日期</source>
        <translation>Pick a date from the calendar</translation>
    </message>
</context>
<context>
    <name>DimensionEditor</name>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="23" />
        <source>留空则使用维度名称，如“强化责任担当，全面高效履职”</source>
        <translation>Empty: the dimension's name</translation>
    </message>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="24" />
        <source>层级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="25" />
        <location filename="../../gui/panels/dimension_editor.py" line="28" />
        <source>考评维度名称</source>
        <translation>Dimension name</translation>
    </message>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="26" />
        <location filename="../../gui/panels/dimension_editor.py" line="29" />
        <source>工作总结中的标题</source>
        <translation>Heading in the work summary</translation>
    </message>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="33" />
        <source>第 %1 级</source>
        <translation>Level %1</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="64" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="65" />
        <source>添加文字说明/涉密材料…</source>
        <translation>Add note / classified…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="66" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="67" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="79" />
        <source>证明材料（可把文件拖到这里）</source>
        <translation>Evidence (drop files here)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="113" />
        <source>选择证明材料文件</source>
        <translation>Choose evidence files</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="124" />
        <source>添加 %1 个证明材料</source>
        <translation>Add %1 evidence files</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="127" />
        <source>添加证明材料</source>
        <translation>Add evidence</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="143" />
        <source>添加文字说明</source>
        <translation>Add a written note</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="169" />
        <source>证明材料</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="174" />
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="184" />
        <source>移除证明材料</source>
        <translation>Remove evidence</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="209" />
        <source>证明材料“%1”</source>
        <translation>evidence “%1”</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="35" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="35" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="35" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="35" />
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="36" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="94" />
        <source>涉密（仅说明）</source>
        <translation>Classified (description only)</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="96" />
        <source>文字说明</source>
        <translation>Written note</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="98" />
        <source>%1 文件</source>
        <translation>%1 file</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/evidence_table.py" line="98" />
        <source>文件</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="47" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="52" />
        <location filename="../../gui/dialogs/exports.py" line="53" />
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="102" />
        <source>请填写要保存的文件名。</source>
        <translation>Please enter the name of the file to save.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="104" />
        <source>“%1”是一个文件夹，请在后面写上文件名。</source>
        <translation>“%1” is a folder. Please add a file name after it.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="106" />
        <source>文件夹“%1”不存在。</source>
        <translation>The folder “%1” does not exist.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="109" />
        <source>替换文件</source>
        <translation>Replace file</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="110" />
        <source>“%1”已经存在。要替换它吗？导出后在这个文件里改过的内容会丢失。</source>
        <translation>“%1” already exists. Replace it? Changes made in that file after it was exported will be lost.</translation>
    </message>
</context>
<context>
    <name>FieldConflictDialog</name>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="22" />
        <source>内容冲突：%1</source>
        <translation>Conflict: %1</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="27" />
        <source>“%1”在您修改期间已被其他窗口或程序改为右侧的内容。请选择保留哪一个，或在下方改写后采用：</source>
        <translation>While you were editing, another window or program changed “%1” to the text on the right. Choose which to keep, or write a merge below and use it:</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="32" />
        <source>我的（本窗口输入的）</source>
        <translation>Mine (typed in this window)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="33" />
        <source>对方的（已保存的）</source>
        <translation>Theirs (saved)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="38" />
        <source>采用结果（可改写）</source>
        <translation>Result (you may edit it)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="42" />
        <source>采用我的</source>
        <translation>Use mine</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="43" />
        <source>保留对方的</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_conflict.py" line="44" />
        <source>采用改写结果</source>
        <translation>Use the edited result</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/window/file_actions.py" line="66" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="67" />
        <source>自评数据库 (*.db);;所有文件 (*)</source>
        <translation>Assessment database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="73" />
        <source>无法打开数据库</source>
        <translation>Cannot open database</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="96" />
        <source>已另存副本：%1</source>
        <translation>Copy saved: %1</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="122" />
        <source>从备份恢复服务器数据库</source>
        <translation>Restore the server database from a backup</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="124" />
        <source>自评数据库备份 (*.db);;所有文件 (*)</source>
        <translation>Assessment database backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="128" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="129" />
        <source>服务器数据库“%1”的全部内容将被备份“%2”替换（所有人的修改）。继续？</source>
        <translation>Everything in the server database “%1” will be replaced by the backup “%2” (everyone's changes). Continue?</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="137" />
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="139" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../gui/window/file_actions.py" line="140" />
        <source>已从备份恢复 %1 行数据。</source>
        <translation>Restored %1 rows from the backup.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="19" />
        <source>查找（Ctrl+F）：任意文字</source>
        <translation>Find (Ctrl+F): any text</translation>
    </message>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="22" />
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="26" />
        <location filename="../../gui/panels/filter_bar.py" line="63" />
        <source>全部处室</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="27" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="28" />
        <source>按状态筛选</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../gui/panels/filter_bar.py" line="29" />
        <source>按处室筛选</source>
        <translation>Filter by department</translation>
    </message>
</context>
<context>
    <name>FinancePanel</name>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="76" />
        <source>导出绩效自评表（Excel）…</source>
        <translation>Export the form (Excel)…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="78" />
        <source>基本信息</source>
        <translation>General information</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="82" />
        <source>年度总体目标</source>
        <translation>Overall goals of the year</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="87" />
        <source>评价结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="92" />
        <source>双击或按回车转到问题所在行</source>
        <translation>Double-click or press Enter to go to the problem's row</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="100" />
        <source>资金（万元）</source>
        <translation>Funds (10,000 yuan)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="101" />
        <source>绩效指标（双击修改；红色为需处理的问题）</source>
        <translation>Performance indicators (double-click to edit; red: to fix)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="175" />
        <source>执行率偏低原因</source>
        <translation>Reason for low budget execution</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="259" />
        <source>&lt;b&gt;总分 %1&lt;/b&gt;（&lt;span style='color:%2'&gt;%3&lt;/span&gt;），问题 %4 处</source>
        <translation>&lt;b&gt;Total %1&lt;/b&gt; (&lt;span style='color:%2'&gt;%3&lt;/span&gt;), %4 problems</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="266" />
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="296" />
        <source>总分 %1 · 评价等级 %2 · 问题 %3 处</source>
        <translation>Total %1 · rating %2 · %3 problems</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="329" />
        <source>编辑“%1”（%2）</source>
        <translation>Edit “%1” (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="330" />
        <source>绩效指标</source>
        <translation>indicator</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="350" />
        <source>编辑“%1”</source>
        <translation>Edit “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_panel.py" line="393" />
        <source>编辑资金“%1”</source>
        <translation>Edit funds “%1”</translation>
    </message>
</context>
<context>
    <name>FinancePreview</name>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="29" />
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="33" />
        <source>工作表“%1”是%2，将新建一个自评并按表样计分。</source>
        <translation>Sheet “%1” is the form %2. It becomes a new assessment, scored by the form's rules.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="39" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="40" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="41" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="42" />
        <source>%1 项绩效指标，%2 行资金</source>
        <translation>%1 indicators, %2 funds rows</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="45" />
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="50" />
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_finance.py" line="53" />
        <source>按普通表格导入（逐列选择字段，不按表样计分）</source>
        <translation>Import as a plain table (choose each column's field; not scored as a form)</translation>
    </message>
</context>
<context>
    <name>FrameworkPane</name>
    <message>
        <location filename="../../gui/window/first_paint.py" line="75" />
        <location filename="../../gui/window/framework_pane.py" line="69" />
        <source>自评信息与总结段落</source>
        <translation>Assessment and summary</translation>
    </message>
    <message>
        <location filename="../../gui/window/framework_pane.py" line="76" />
        <source>自评</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../gui/window/framework_pane.py" line="116" />
        <source>考评维度与自查事项</source>
        <translation>Dimensions and items</translation>
    </message>
</context>
<context>
    <name>FrameworkTreeModel</name>
    <message>
        <location filename="../../gui/item_models/framework_tree.py" line="256" />
        <source>右键单击此处，选择在标题旁显示的列（状态、责任处室）</source>
        <translation>Right-click here to choose the columns shown beside the title (status, department)</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/framework_tree.py" line="334" />
        <source>（未填写）</source>
        <translation>(empty)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../gui/window/help_menu.py" line="46" />
        <location filename="../../gui/window/help_menu.py" line="48" />
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>HandoutDialog</name>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="36" />
        <source>分发给各处室</source>
        <translation>Hand out to departments</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="40" />
        <source>%1（%2 项）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="45" />
        <source>处室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="47" />
        <source>如 2021年12月20日前</source>
        <translation>e.g. by 20 December 2021</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="48" />
        <source>截止时间</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="50" />
        <source>如 综合处 张某，电话 6xxxxxxx</source>
        <translation>e.g. General Office, Zhang, tel. 6xxxxxxx</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="51" />
        <source>交回给</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="53" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="58" />
        <location filename="../../gui/collect/handout_dialog.py" line="67" />
        <source>保存到文件夹</source>
        <translation>Save to folder</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="61" />
        <source>分发</source>
        <translation>Hand out</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../gui/window/undo_history.py" line="98" />
        <location filename="../../gui/window/undo_history.py" line="104" />
        <source>撤销历史</source>
        <translation>Undo history</translation>
    </message>
    <message>
        <location filename="../../gui/window/undo_history.py" line="100" />
        <source>本自评在这个窗口中的每一步修改（点击某一步即撤销或重做到那里）：</source>
        <translation>Every change to this assessment in this window (click a step to undo or redo to it):</translation>
    </message>
    <message>
        <location filename="../../gui/window/undo_history.py" line="103" />
        <source>&lt;打开时&gt;</source>
        <translation>&lt;when opened&gt;</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="52" />
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="109" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="70" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="141" />
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="129" />
        <source>自动</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="130" />
        <source>本工作表的表头所在行</source>
        <translation>Header row of this sheet</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="134" />
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="144" />
        <source>完成情况已填写的事项，状态设为</source>
        <translation>Set the status of items with a filled result to</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="274" />
        <source>%1（%2 项）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="273" />
        <source>%1（%2 项，请核对各列字段）</source>
        <translation>%1 (%2 items, please check the columns' fields)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="272" />
        <source>%1（未识别表头）</source>
        <translation>%1 (header not recognised)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="300" />
        <source>工作表“%1”：第 %2 行是表头；在每列上方选择它对应的字段。</source>
        <translation>Sheet “%1”: row %2 is the header; choose the field of each column above it.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="306" />
        <source>工作表“%1”：没有认出表头；请在各列上方选择字段（至少选出事项内容）。</source>
        <translation>Sheet “%1”: no header recognised; choose a field above each column (at least the item's content).</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="309" />
        <source>第 %1 行最像表头；若不是，请在“表头所在行”中填写。</source>
        <translation>Row %1 looks most like the header; if it is not, enter the header row.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="336" />
        <source>%1 个考评维度，%2 项</source>
        <translation>%1 dimensions, %2 items</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="200" />
        <location filename="../../gui/dialogs/import_preview.py" line="348" />
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="88" />
        <source>未导入的行（勾选即作为事项导入）：</source>
        <translation>Rows left out (tick one to import it as an item):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="197" />
        <source>正在按所选字段重新读取表格…</source>
        <translation>Reading the table again with the fields chosen…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="274" />
        <source>%1（%2 项，预算/计划表）</source>
        <translation>%1 (%2 items, a budget plan)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="296" />
        <source>未导入的行（%1 行；勾选即作为事项导入）：</source>
        <translation>Rows left out (%1; tick one to import it as an item):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="302" />
        <source>（%3，默认不导入。）</source>
        <translation> (%3; not imported unless ticked.)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="361" />
        <source>请至少勾选一个工作表。</source>
        <translation>Tick at least one sheet.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="365" />
        <source>工作表“%1”还没有认出表头：请在各列上方选择字段，或取消勾选它。</source>
        <translation>The header of sheet “%1” is not recognised yet: choose the columns' fields, or untick it.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="369" />
        <source>表格标题中没有年度，请填写年度。</source>
        <translation>The table's title names no year: please enter the year.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="371" />
        <source>表格标题中没有单位名称，请填写单位名称。</source>
        <translation>The table's title names no unit: please enter the unit.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="376" />
        <source>确认不导入</source>
        <translation>Confirm columns left out</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="377" />
        <source>以下列的内容不会导入：%1。确定吗？</source>
        <translation>The contents of these columns will not be imported: %1. Continue?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="111" />
        <source>标题中没有单位名称，请填写</source>
        <translation>The title names no unit: please enter it</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="122" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="114" />
        <source>（标题中没有年度，请填写）</source>
        <translation>(no year in the title: please enter it)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="118" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="124" />
        <source>新建一个自评</source>
        <translation>A new assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="126" />
        <source>导入到当前自评</source>
        <translation>The current assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_preview.py" line="138" />
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
</context>
<context>
    <name>IndicatorTree</name>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="33" />
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="33" />
        <source>年度指标值</source>
        <translation>Indicator target</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="33" />
        <source>实际完成值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="34" />
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="34" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="34" />
        <source>偏差原因分析及改进措施</source>
        <translation>Reasons for deviation and remedies</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="85" />
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="100" />
        <source>不适用</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../gui/panels/finance_indicators.py" line="120" />
        <location filename="../../gui/panels/finance_indicators.py" line="143" />
        <source>须填写偏差原因</source>
        <translation>Reason for deviation required</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <location filename="../../gui/panels/item_editor.py" line="69" />
        <source>修改记录…</source>
        <translation>Change history…</translation>
    </message>
    <message>
        <location filename="../../gui/panels/item_editor.py" line="70" />
        <source>谁在何时修改了本事项的哪一项，原值和新值</source>
        <translation>Who changed which field of this item when, with the old and new value</translation>
    </message>
    <message>
        <location filename="../../gui/panels/item_editor.py" line="73" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/item_editor.py" line="116" />
        <source>导入的表格中其他列的内容，导出 Excel 时写回各自的列</source>
        <translation>Other columns of the imported table; Excel export writes them back to their own columns</translation>
    </message>
    <message>
        <location filename="../../gui/panels/item_editor.py" line="171" />
        <source>第 %1 项“%2”</source>
        <translation>item %1 “%2”</translation>
    </message>
</context>
<context>
    <name>ItemField</name>
    <message>
        <location filename="../../model/vocabulary.py" line="172" />
        <source>自查内容</source>
        <translation>Self-check item</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="174" />
        <source>年度任务目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="176" />
        <source>落实情况</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="178" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="180" />
        <source>责任处室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="182" />
        <source>第一季度进展</source>
        <translation>Q1 progress</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="183" />
        <source>第二季度进展</source>
        <translation>Q2 progress</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="184" />
        <source>第三季度进展</source>
        <translation>Q3 progress</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="185" />
        <source>第四季度进展</source>
        <translation>Q4 progress</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="186" />
        <source>分值</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="188" />
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="190" />
        <source>年度指标值</source>
        <translation>Indicator target</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="192" />
        <source>实际完成值</source>
        <translation>Actual value</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="194" />
        <source>偏差原因分析及改进措施</source>
        <translation>Reasons for deviation and remedies</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="196" />
        <source>责任人</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="198" />
        <source>时限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="200" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../model/vocabulary.py" line="202" />
        <source>其他列</source>
        <translation>Other columns</translation>
    </message>
</context>
<context>
    <name>ItemHistoryDialog</name>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="38" />
        <source>修改记录</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="40" />
        <source>时间（UTC）</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="40" />
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="40" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="41" />
        <source>原值</source>
        <translation>Old value</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="41" />
        <source>新值</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="51" />
        <source>%1：还没有修改记录。</source>
        <translation>%1: no changes recorded yet.</translation>
    </message>
</context>
<context>
    <name>LastYearPanel</name>
    <message>
        <location filename="../../gui/panels/last_year.py" line="35" />
        <source>上年年度任务目标</source>
        <translation>Last year's annual target</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="35" />
        <source>上年落实情况</source>
        <translation>Last year's result</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="39" />
        <source>单击一句即复制，可粘贴到今年的内容中</source>
        <translation>Click a sentence to copy it, then paste it into this year's text</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="53" />
        <source>上年（%1年）同一事项</source>
        <translation>The same item last year (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="58" />
        <source>（上年没有此事项）</source>
        <translation>(no such item last year)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="58" />
        <source>（空）</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/last_year.py" line="80" />
        <source>已复制：%1</source>
        <translation>Copied: %1</translation>
    </message>
</context>
<context>
    <name>LeftOutRows</name>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="50" />
        <source>未导入的行</source>
        <translation>Rows left out</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="51" />
        <source>勾选一行，即把它作为事项导入</source>
        <translation>Tick a row to import it as an item</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="58" />
        <source>第 %1 行 %2：%3</source>
        <translation>Row %1 %2: %3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/window/main_window.py" line="59" />
        <source>完成情况</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="322" />
        <source>另一个窗口或程序也打开了这个数据库：可以同时编辑，同一内容被两处修改时会提示。</source>
        <translation>Another window or program also has this database open: editing is allowed; you are told when the same content is changed in both.</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="298" />
        <source>内容已被修改</source>
        <translation>Changed elsewhere</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="298" />
        <source>无法完成</source>
        <translation>Not possible</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="299" />
        <source>已重新加载最新内容。</source>
        <translation>The latest content has been reloaded.</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="345" />
        <source>有内容未能保存</source>
        <translation>Some text was not saved</translation>
    </message>
    <message>
        <location filename="../../gui/window/main_window.py" line="346" />
        <source>%1 中输入的内容未能保存到数据库（见刚才的提示）。现在退出，这些内容将丢失。

仍然退出？</source>
        <translation>What was typed in %1 could not be saved to the database (see the message just shown). Quitting now loses it.

Quit anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="122" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="123" />
        <source>新建自评…</source>
        <translation>New assessment…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="124" />
        <source>新建绩效自评表（项目支出/部门整体）…</source>
        <translation>New performance self-evaluation form (project/department)…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="125" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="126" />
        <source>连接服务器…</source>
        <translation>Connect to server…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="127" />
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="128" />
        <source>另存副本为…</source>
        <translation>Save a copy as…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="130" />
        <source>导入 Excel 表格…</source>
        <translation>Import Excel table…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="131" />
        <source>导入上年工作总结…</source>
        <translation>Import last year's work summary…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="133" />
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="68" />
        <source>工作总结</source>
        <translation>Work summary</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="112" />
        <source>设置状态</source>
        <translation>Set status</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="113" />
        <source>设置责任处室…</source>
        <translation>Set department…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="114" />
        <source>移到考评维度…</source>
        <translation>Move to dimension…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="134" />
        <source>分发给各处室…</source>
        <translation>Hand out to departments…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="135" />
        <source>汇总…</source>
        <translation>Collect…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="136" />
        <source>汇总进度</source>
        <translation>Collection progress</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="138" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="140" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="141" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="142" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="143" />
        <source>撤销历史…</source>
        <translation>Undo history…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="145" />
        <source>新建考评维度</source>
        <translation>New dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="146" />
        <source>新建下级维度</source>
        <translation>New sub-dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="147" />
        <source>新建自查事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="148" />
        <source>删除…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="149" />
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="150" />
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="154" />
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="157" />
        <source>删除自评…</source>
        <translation>Delete assessment…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="159" />
        <source>工具(&amp;T)</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="160" />
        <source>体检</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="161" />
        <source>选择上年的自评…</source>
        <translation>Choose last year's assessment…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="162" />
        <source>检查数据库与证明材料…</source>
        <translation>Check database and evidence…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="163" />
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="164" />
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="166" />
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="167" />
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="168" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="169" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/window/status_line.py" line="26" />
        <source>%1（%2项）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <location filename="../../gui/window/status_line.py" line="34" />
        <source>绩效自评</source>
        <translation>Performance self-assessment</translation>
    </message>
    <message>
        <location filename="../../gui/window/status_line.py" line="36" />
        <source>数据库中还没有自评：文件 → 新建自评</source>
        <translation>No assessment yet: File → New assessment</translation>
    </message>
    <message>
        <location filename="../../gui/window/status_line.py" line="51" />
        <source>已完成 %1 / %2</source>
        <translation>Done %1 / %2</translation>
    </message>
</context>
<context>
    <name>NewAssessmentDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="24" />
        <source>新建自评</source>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="27" />
        <source>空白自评</source>
        <translation>Empty assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="29" />
        <source>复制“%1”的框架和事项（清空落实情况）</source>
        <translation>Copy the framework and items of “%1” (results cleared)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="36" />
        <source>留空则自动命名</source>
        <translation>Empty: named automatically</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="37" />
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="38" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="39" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_assessment.py" line="40" />
        <source>自查表标题</source>
        <translation>Self-check table title</translation>
    </message>
</context>
<context>
    <name>NewFinanceFormDialog</name>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="29" />
        <source>新建绩效自评表</source>
        <translation>New performance self-evaluation form</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="36" />
        <source>部门整体支出可不填</source>
        <translation>May stay empty for a department form</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="40" />
        <source>表样</source>
        <translation>Table format</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="41" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="42" />
        <source>项目名称</source>
        <translation>Project name</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/new_finance_form.py" line="43" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="221" />
        <source>添加文字说明或涉密材料</source>
        <translation>Add a written note or classified material</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="227" />
        <source>涉密（只保留说明，不附电子文件）</source>
        <translation>Classified (description only, no electronic file)</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="228" />
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="229" />
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="230" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="231" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="245" />
        <source>日期无效</source>
        <translation>Invalid date</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="15" />
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="21" />
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/preferences.py" line="22" />
        <source>重新启动程序后生效。</source>
        <translation>Takes effect after a restart.</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="52" />
        <source>打印预览 — %1</source>
        <translation>Print preview — %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="58" />
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="60" />
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="67" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="69" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="72" />
        <source>共 %1 页</source>
        <translation>of %1 pages</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="73" />
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="30" />
        <source>处室</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="30" />
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="30" />
        <source>分发时间</source>
        <translation>Handed out</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="30" />
        <source>交回时间</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="31" />
        <source>已改字段</source>
        <translation>Fields changed</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="31" />
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="31" />
        <source>待填写</source>
        <translation>Still empty</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="31" />
        <source>工作簿中删除的行</source>
        <translation>Rows deleted in the workbook</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="34" />
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="52" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="54" />
        <source>未分发</source>
        <translation>Not handed out</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="56" />
        <source>未交回</source>
        <translation>Not returned</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="57" />
        <source>序号 %1“%2”</source>
        <translation>No. %1 “%2”</translation>
    </message>
</context>
<context>
    <name>Remarks</name>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="32" />
        <source>提示</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="33" />
        <source>没有提示</source>
        <translation>No remarks</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_notes.py" line="37" />
        <source>%1（同类提示共 %2 条）</source>
        <translation>%1 (%2 such remarks)</translation>
    </message>
</context>
<context>
    <name>ReportOption</name>
    <message>
        <location filename="../../model/report/options.py" line="42" />
        <source>署名</source>
        <translation>Signature</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="43" />
        <source>留空则为单位名称</source>
        <translation>Empty: the unit’s name</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="44" />
        <source>成文日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="45" />
        <source>留空则为导出当天，如 2022年1月10日</source>
        <translation>Empty: the day of export, e.g. 2022年1月10日</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="47" />
        <source>打印署名</source>
        <translation>Print the signature</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="49" />
        <source>打印成文日期</source>
        <translation>Print the date</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="51" />
        <source>不写入没有落实情况的事项</source>
        <translation>Leave out items without a result</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="52" />
        <source>工作总结</source>
        <translation>Work summary</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="53" />
        <source>正文中的“1.”改为“（1）”</source>
        <translation>Write “1.” in item texts as “（1）”</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="55" />
        <source>页码</source>
        <translation>Page numbers</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="57" />
        <source>已完成的事项须有证明材料</source>
        <translation>Completed items need evidence</translation>
    </message>
    <message>
        <location filename="../../model/report/options.py" line="58" />
        <source>体检</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="31" />
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="34" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="34" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="34" />
        <source>自评</source>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="35" />
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="49" />
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="54" />
        <source>数据库：%1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="58" />
        <source>恢复前会先备份当前状态，恢复后也可以再恢复回来。</source>
        <translation>The current state is backed up first, so a restore can itself be undone.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="33" />
        <source>体检</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="38" />
        <source>无落实情况</source>
        <translation>No result</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="38" />
        <source>状态与内容不符</source>
        <translation>Status does not match</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="39" />
        <source>缺证明材料</source>
        <translation>No evidence</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="39" />
        <source>缺原因说明</source>
        <translation>No reason given</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="40" />
        <source>数字与表格不符</source>
        <translation>Numbers differ from the table</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="40" />
        <source>内容重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="41" />
        <source>内容过长</source>
        <translation>Too long</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="41" />
        <source>照抄上年</source>
        <translation>Copied from last year</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="45" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="45" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="45" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="57" />
        <source>重新检查</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="88" />
        <source>没有发现问题。</source>
        <translation>No problems found.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="89" />
        <source>发现 %1 个问题；双击或按回车可定位到该处。</source>
        <translation>%1 problems found; double-click or press Enter to go to one.</translation>
    </message>
</context>
<context>
    <name>Rights</name>
    <message>
        <location filename="../../gui/window/rights.py" line="24" />
        <source>登录 %1 是“%2”的处室填报人：只能修改本处室事项的内容和证明材料，不能新建、删除或移动事项和维度。</source>
        <translation>Login %1 is a clerk of “%2”: it may edit the content and evidence of its department's items only, not add, delete or move items and dimensions.</translation>
    </message>
</context>
<context>
    <name>ServerLogin</name>
    <message>
        <location filename="../../gui/infra/server_login.py" line="58" />
        <source>连接服务器</source>
        <translation>Connect to server</translation>
    </message>
    <message>
        <location filename="../../gui/infra/server_login.py" line="59" />
        <source>连接“%1”的密码：</source>
        <translation>Password for “%1”:</translation>
    </message>
</context>
<context>
    <name>SheetRows</name>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="68" />
        <source>导入为</source>
        <translation>Imported as</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="72" />
        <source>把握大</source>
        <translation>Sure</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="72" />
        <source>把握一般</source>
        <translation>Fairly sure</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="73" />
        <source>把握小，请核对</source>
        <translation>Unsure, please check</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="105" />
        <source>导入（原%1）</source>
        <translation>Imported (was: %1)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="105" />
        <source>未导入：%1</source>
        <translation>Left out: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="108" />
        <source>事项</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_rows.py" line="110" />
        <source>并入第 %1 行</source>
        <translation>Part of row %1</translation>
    </message>
</context>
<context>
    <name>StructureActions</name>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="52" />
        <source>新建考评维度</source>
        <translation>New dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="53" />
        <location filename="../../gui/window/structure_actions.py" line="66" />
        <source>新考评维度</source>
        <translation>New dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="61" />
        <location filename="../../gui/window/structure_actions.py" line="64" />
        <source>新建下级维度</source>
        <translation>New sub-dimension</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="62" />
        <source>考评维度最多 3 级。</source>
        <translation>Dimensions go at most 3 levels deep.</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="75" />
        <source>新建事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="76" />
        <source>请先在左侧选择一个考评维度。</source>
        <translation>First select a dimension on the left.</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="78" />
        <source>新建自查事项</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="87" />
        <source>删除考评维度“%1”及其下的全部事项和证明材料？</source>
        <translation>Delete the dimension “%1” with all its items and evidence?</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="89" />
        <source>删除第 %1 项“%2”？</source>
        <translation>Delete item %1 “%2”?</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="91" />
        <location filename="../../gui/window/structure_actions.py" line="94" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="92" />
        <source>（可以撤销）</source>
        <translation>(This can be undone.)</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="131" />
        <source>移动</source>
        <translation>Move</translation>
    </message>
    <message>
        <location filename="../../gui/window/structure_actions.py" line="138" />
        <source>考评维度“%1”</source>
        <translation>dimension “%1”</translation>
    </message>
</context>
<context>
    <name>SummaryPreview</name>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="48" />
        <source>导入上年工作总结 — 预览</source>
        <translation>Import last year's work summary — preview</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="53" />
        <source>新建一个自评</source>
        <translation>A new assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="55" />
        <source>导入到当前自评</source>
        <translation>The current assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="57" />
        <source>导入到</source>
        <translation>Import into</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="59" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="62" />
        <source>（未识别，请填写）</source>
        <translation>(not found, please enter)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="64" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="68" />
        <source>提纲与正文</source>
        <translation>Outline and text</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="71" />
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="71" />
        <source>自查事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="71" />
        <source>总结中的段落</source>
        <translation>Paragraph of the summary</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="72" />
        <source>相似度</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="85" />
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="91" />
        <source>提纲 %1 节；%2 段可作为事项的落实情况（勾选采用），其余作为总结正文。</source>
        <translation>%1 headings; %2 paragraphs can become items' results (tick to use them); the rest becomes the summary's text.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="97" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="116" />
        <source>（正文开头）</source>
        <translation>(beginning of the text)</translation>
    </message>
</context>
<context>
    <name>TextConflictDialog</name>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="23" />
        <source>内容已被其他窗口或程序修改</source>
        <translation>Changed by another window or program</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="25" />
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="25" />
        <source>内容</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="25" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="25" />
        <source>原来</source>
        <translation>Before</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="25" />
        <source>我输入的</source>
        <translation>What I typed</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="26" />
        <source>其他窗口/程序保存的</source>
        <translation>Saved by another window/program</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="26" />
        <source>采用</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="26" />
        <source>采用结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="31" />
        <source>您撤销或重做时，%1的“%2”已被其他窗口或程序修改。请选择保留哪一个，或两者都保留后编辑：</source>
        <translation>While you undid or redid, “%2” of %1 was changed by another window or program. Choose which to keep, or keep both and edit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="33" />
        <source>您输入时，%1的“%2”已被其他窗口或程序修改。您输入的内容仍在，请选择保留哪一个，或两者都保留后编辑：</source>
        <translation>While you were typing, “%2” of %1 was changed by another window or program. What you typed is still here; choose which to keep, or keep both and edit:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="36" />
        <source>该内容</source>
        <translation>This content</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="47" />
        <source>保留我输入的</source>
        <translation>Keep what I typed</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="47" />
        <source>采用对方保存的</source>
        <translation>Take theirs</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="47" />
        <source>两者都保留（可编辑）</source>
        <translation>Keep both (editable)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/text_conflict.py" line="57" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>TreeColumns</name>
    <message>
        <location filename="../../gui/item_models/tree_columns.py" line="25" />
        <source>考评维度与自查事项</source>
        <translation>Dimensions and items</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/tree_columns.py" line="29" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/item_models/tree_columns.py" line="32" />
        <source>责任处室</source>
        <translation>Department</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../gui/app.py" line="50" />
        <source>无法打开数据库</source>
        <translation>Cannot open database</translation>
    </message>
</context>
<context>
    <name>bar</name>
    <message>
        <location filename="../../gui/infra/workers.py" line="89" />
        <source>已取消：%1</source>
        <translation>Cancelled: %1</translation>
    </message>
    <message>
        <location filename="../../gui/infra/workers.py" line="90" />
        <location filename="../../gui/infra/workers.py" line="98" />
        <source>正在取消…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>formats</name>
    <message>
        <location filename="../../exporters/formats/evidence_zip.py" line="28" />
        <source>导出证明材料包…</source>
        <translation>Export evidence package…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/evidence_zip.py" line="30" />
        <source>正在打包证明材料…</source>
        <translation>Packing the evidence…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_pdf.py" line="34" />
        <source>导出工作总结（PDF）…</source>
        <translation>Export work summary (PDF)…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_pdf.py" line="36" />
        <source>正在导出工作总结 PDF…</source>
        <translation>Exporting the work summary as PDF…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_word.py" line="19" />
        <source>附自查表作为附件</source>
        <translation>Attach the self-check table</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_word.py" line="20" />
        <source>附绩效自评表作为附件</source>
        <translation>Attach the performance self-evaluation form</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_word.py" line="23" />
        <source>注明证明材料编号并附清单</source>
        <translation>Note evidence numbers and attach their list</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_word.py" line="60" />
        <source>导出工作总结（Word）…</source>
        <translation>Export work summary (Word)…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/summary_word.py" line="62" />
        <source>正在导出工作总结…</source>
        <translation>Exporting the work summary…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/tables_excel.py" line="32" />
        <location filename="../../importers/formats/clerk_table.py" line="20" />
        <source>表样</source>
        <translation>Table format</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/tables_excel.py" line="62" />
        <source>导出 Excel 表格…</source>
        <translation>Export Excel table…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/tables_excel.py" line="64" />
        <source>正在导出 Excel 表格…</source>
        <translation>Exporting the Excel table…</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="22" />
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="25" />
        <source>列对应的字段</source>
        <translation>Field of each column</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="29" />
        <source>表头所在行</source>
        <translation>Header row</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="31" />
        <source>单位名称</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="32" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="33" />
        <source>导入跳过的行</source>
        <translation>Import skipped rows</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="37" />
        <source>完成情况已填写的事项的状态</source>
        <translation>Status of items whose result is filled in</translation>
    </message>
    <message>
        <location filename="../../importers/formats/clerk_table.py" line="147" />
        <source>自查表、任务表等表格</source>
        <translation>a self-check, task or other table</translation>
    </message>
    <message>
        <location filename="../../importers/formats/finance_form.py" line="87" />
        <source>绩效自评表（项目支出/部门整体）</source>
        <translation>a performance self-assessment form (project / department)</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/year_compare.py" line="11" />
        <source>上年的自评</source>
        <translation>Last year's assessment</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/year_compare.py" line="48" />
        <source>导出同比表（与上年对比）…</source>
        <translation>Export year-on-year table…</translation>
    </message>
    <message>
        <location filename="../../exporters/formats/year_compare.py" line="50" />
        <source>正在导出同比表…</source>
        <translation>Exporting the year-on-year table…</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../gui/infra/workers.py" line="103" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/infra/workers.py" line="104" />
        <source>请稍候</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="158" />
        <source>没有找到能打开“%1”的程序，请到文件夹中手动打开。</source>
        <translation>No program was found to open “%1”; please open it from its folder.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="166" />
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="169" />
        <source>导出完成</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="170" />
        <source>已导出：%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="173" />
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="174" />
        <source>打开所在文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="175" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="51" />
        <source>导入 Excel 表格</source>
        <translation>Import Excel table</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="78" />
        <source>正在读取表格…</source>
        <translation>Reading the table…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="65" />
        <location filename="../../gui/dialogs/import_summary.py" line="184" />
        <source>正在导入…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="87" />
        <source>Excel 表格 (%1);;所有文件 (*)</source>
        <translation>Excel tables (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="131" />
        <source>工作表“%1”：%2 项</source>
        <translation>Sheet “%1”: %2 items</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="133" />
        <source>导入预览</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="134" />
        <source>“%1”是%2，将新建一个自评：</source>
        <translation>“%1” is %2. A new assessment will be created:</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_excel.py" line="146" />
        <location filename="../../gui/dialogs/import_summary.py" line="164" />
        <location filename="../../gui/dialogs/import_summary.py" line="186" />
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="17" />
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="19" />
        <source>检查失败</source>
        <translation>Check failed</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="22" />
        <source>检查未通过</source>
        <translation>Check found problems</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="24" />
        <source>检查通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="25" />
        <source>数据库完好，%1 个证明材料文件齐全且未被改动。</source>
        <translation>The database is sound; all %1 evidence files are present and unchanged.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="28" />
        <location filename="../../gui/dialogs/evidence_tools.py" line="33" />
        <source>清理文件</source>
        <translation>Clean up files</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="29" />
        <source>有 %1 个证明材料文件已不被任何记录引用。删除它们？（撤销记录还需要的会保留）</source>
        <translation>%1 evidence files are no longer referenced. Delete them? (Files the undo history may need are kept.)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/evidence_tools.py" line="34" />
        <source>已删除 %1 个文件。</source>
        <translation>%1 files deleted.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="73" />
        <source>无法恢复</source>
        <translation>Cannot restore</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="76" />
        <source>原数据库已损坏或无法备份，已原样移到“%1”保留；数据已从备份恢复。</source>
        <translation>The database was damaged or could not be backed up; it was moved, unchanged, to “%1”. The data was restored from the backup.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/restore_backup.py" line="77" />
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/save_copy.py" line="20" />
        <source>另存副本为</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/save_copy.py" line="22" />
        <location filename="../../gui/dialogs/save_copy.py" line="37" />
        <source>自评数据库 (*.db)</source>
        <translation>Assessment database (*.db)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/save_copy.py" line="28" />
        <location filename="../../gui/dialogs/save_copy.py" line="43" />
        <source>无法另存副本</source>
        <translation>Cannot save a copy</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/save_copy.py" line="35" />
        <source>另存副本为（服务器数据库的完整副本）</source>
        <translation>Save a copy as (a complete copy of the server database)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/exports.py" line="157" />
        <location filename="../../gui/panels/evidence_panel.py" line="262" />
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="265" />
        <source>不直接打开程序</source>
        <translation>Programs are not opened</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="266" />
        <source>“%1”是程序或脚本，为安全起见不直接打开，只显示其所在的文件夹。</source>
        <translation>“%1” is a program or script. For safety it is not opened; its folder is shown instead.</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="275" />
        <source>没有可打开此文件的程序</source>
        <translation>No program opens this file</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="276" />
        <source>这台电脑上没有能打开“%1”的程序。是否打开它所在的文件夹？</source>
        <translation>No program on this computer opens “%1”. Open the folder it is in?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="279" />
        <source>文件位置</source>
        <translation>File location</translation>
    </message>
    <message>
        <location filename="../../gui/panels/evidence_panel.py" line="280" />
        <source>文件的副本在：%1</source>
        <translation>A copy of the file is at: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/finance_export.py" line="22" />
        <source>导出绩效自评表</source>
        <translation>Export the form</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="35" />
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="36" />
        <source>&lt;b&gt;绩效自评 — 日常履职考核自查编制工具&lt;/b&gt;&lt;br&gt;版本 %1&lt;br&gt;数据文件夹：%2&lt;br&gt;全部数据保存在本机，不联网。</source>
        <translation>&lt;b&gt;Performance self-assessment&lt;/b&gt;&lt;br&gt;Version %1&lt;br&gt;Data folder: %2&lt;br&gt;All data stays on this computer; no network is used.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="150" />
        <source>正在生成打印预览…</source>
        <translation>Preparing the print preview…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/print_preview.py" line="156" />
        <source>无法打印预览</source>
        <translation>Cannot show the print preview</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="120" />
        <source>体检</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="121" />
        <source>体检发现 %1 个问题（%2）。先查看问题，还是仍然导出？</source>
        <translation>The review found %1 problems (%2). Look at them first, or export anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="124" />
        <source>查看问题</source>
        <translation>Show problems</translation>
    </message>
    <message>
        <location filename="../../gui/panels/review_panel.py" line="125" />
        <source>仍然导出</source>
        <translation>Export anyway</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="74" />
        <source>选择各处室交回的填报表</source>
        <translation>Choose the returned workbooks</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="75" />
        <source>Excel 工作簿 (*.xlsx *.xls)</source>
        <translation>Excel workbooks (*.xlsx *.xls)</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="87" />
        <source>正在读取交回的填报表…</source>
        <translation>Reading the returned workbooks…</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="89" />
        <location filename="../../gui/collect/collect_flow.py" line="94" />
        <source>无法汇总</source>
        <translation>Cannot collect</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="95" />
        <source>以下文件被拒绝，数据库未改动：</source>
        <translation>These files were refused; the database is unchanged:</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="105" />
        <source>汇总 %1 个文件</source>
        <translation>Collect %1 files</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="116" />
        <source>已汇总 %1 个文件：采用 %2 处修改，%3 处冲突，新增 %4 项，%5 行在工作簿中被删除。</source>
        <translation>Collected %1 files: %2 changes applied, %3 conflicts, %4 items added, %5 rows deleted in the workbooks.</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="121" />
        <source>工作簿中被删除的行（数据库中的事项未删除）：</source>
        <translation>Rows deleted in the workbooks (the items stay in the database):</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="122" />
        <source>
%1：序号 %2“%3”</source>
        <translation>
%1: No. %2 “%3”</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="128" />
        <source>未汇总的行：</source>
        <translation>Rows not collected:</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="129" />
        <source>
%1 第 %2 行（序号 %3“%4”）：%5</source>
        <translation>
%1 row %2 (No. %3 “%4”): %5</translation>
    </message>
    <message>
        <location filename="../../gui/collect/collect_flow.py" line="110" />
        <source>汇总完成</source>
        <translation>Collected</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="106" />
        <source>无法分发</source>
        <translation>Cannot hand out</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="104" />
        <source>正在生成各处室的填报表…</source>
        <translation>Writing the departments' workbooks…</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="108" />
        <source>已在“%1”生成 %2 个处室的填报表。</source>
        <translation>Wrote the workbooks of %2 departments in “%1”.</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="110" />
        <source>已分发</source>
        <translation>Handed out</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="123" />
        <source>文件夹“%1”中已有以下填报表，可能是处室已交回、已填写的：
%2

重新分发将替换它们（其中填写的内容会丢失，除非已汇总）。是否替换？</source>
        <translation>The folder “%1” already holds these workbooks, perhaps returned and filled in by the departments:
%2

Handing out again replaces them (what was filled in is lost unless collected). Replace them?</translation>
    </message>
    <message>
        <location filename="../../gui/collect/handout_dialog.py" line="126" />
        <source>替换已有的填报表？</source>
        <translation>Replace the existing workbooks?</translation>
    </message>
    <message>
        <location filename="../../gui/collect/progress_panel.py" line="22" />
        <source>汇总进度</source>
        <translation>Collection progress</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/item_history.py" line="64" />
        <source>无法读取修改记录</source>
        <translation>Cannot read the change history</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_previous.py" line="17" />
        <source>（自动：复制来源或同单位上一年度）</source>
        <translation>(automatic: the copy's source or the unit's previous year)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_previous.py" line="21" />
        <source>选择上年的自评</source>
        <translation>Choose last year's assessment</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_previous.py" line="22" />
        <source>与哪一个自评对比（上年）：</source>
        <translation>Compare with which assessment (last year):</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/choose_previous.py" line="29" />
        <source>无法选择</source>
        <translation>Cannot choose</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="146" />
        <source>导入上年工作总结</source>
        <translation>Import last year's work summary</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="147" />
        <source>Word 文档 (%1);;所有文件 (*)</source>
        <translation>Word documents (%1);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="159" />
        <source>正在读取工作总结…</source>
        <translation>Reading the work summary…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs/import_summary.py" line="189" />
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
</context>
<context>
    <name>self.notifier</name>
    <message>
        <location filename="../../gui/commands/base.py" line="77" />
        <source>%1已不存在（可能已在其他窗口中删除）。</source>
        <translation>%1 no longer exists (it may have been deleted elsewhere).</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="98" />
        <source>您输入的内容已复制到剪贴板。</source>
        <translation> What you typed has been copied to the clipboard.</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="105" />
        <location filename="../../gui/commands/fields.py" line="111" />
        <source>%1的“%2”已被其他窗口或程序修改。</source>
        <translation>“%2” of %1 was changed by another window or program.</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="93" />
        <source>%1已不存在（可能已被删除），“%2”未能保存。</source>
        <translation>%1 no longer exists (it may have been deleted); “%2” was not saved.</translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="122" />
        <source>%1的“%2”未保存。</source>
        <translation>%2 of %1 was not saved. </translation>
    </message>
    <message>
        <location filename="../../gui/commands/fields.py" line="126" />
        <source>该内容</source>
        <translation>This content</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../gui/panels/dimension_editor.py" line="43" />
        <source>考评维度“%1”</source>
        <translation>dimension “%1”</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../gui/window/help_menu.py" line="30" />
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../gui/window/help_menu.py" line="28" />
        <source>在树中：Delete 删除，Ctrl+A 选中本维度全部事项；查找框中：回车或↓ 转到第一个结果；体检列表中：回车打开问题所在处；Alt+字母 打开菜单，菜单中按括号里的字母选择。</source>
        <translation>In the tree: Delete deletes, Ctrl+A selects the dimension's items; in the find box: Enter or ↓ goes to the first match; in the review list: Enter opens the problem; Alt+letter opens a menu, then the underlined letter picks an entry.</translation>
    </message>
    <message>
        <location filename="../../gui/window/menus.py" line="259" />
        <source>常用</source>
        <translation>Daily actions</translation>
    </message>
    <message>
        <location filename="../../gui/window/assessment_delete.py" line="74" />
        <source>删除自评“%1”</source>
        <translation>Delete assessment “%1”</translation>
    </message>
    <message>
        <location filename="../../gui/window/assessment_delete.py" line="54" />
        <source>删除自评“%1”？

将删除 %2 个考评维度、%3 项自查事项和 %4 份证明材料记录（证明材料文件仍保留在材料文件夹中）。
删除前会先备份数据库；关闭窗口之前可以用 编辑 → 撤销（Ctrl+Z）恢复。</source>
        <translation>Delete the assessment “%1”?

%2 dimensions, %3 items and %4 evidence records will be deleted (the evidence files stay in the evidence folder).
The database is backed up first; until the window is closed, Edit → Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
        <location filename="../../gui/window/undo_history.py" line="86" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/window/assessment_delete.py" line="59" />
        <source>删除自评</source>
        <translation>Delete assessment</translation>
    </message>
    <message>
        <location filename="../../gui/window/undo_history.py" line="86" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
</context>
</TS>