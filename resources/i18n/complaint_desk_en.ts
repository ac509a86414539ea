<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ActsSection</name>
    <message>
        <source>登记调查活动</source>
        <translation>Record investigation step</translation>
    </message>
    <message>
        <source>调阅原件（不勾选为复制件）</source>
        <translation>Original files obtained (unchecked: copies)</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>对象（单位/个人/部门）</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>内容摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>答复期限</source>
        <translation>Reply due</translation>
    </message>
    <message>
        <source>案卷名称或编号</source>
        <translation>Case file name or number</translation>
    </message>
    <message>
        <source>约定归还日期</source>
        <translation>Agreed return date</translation>
    </message>
    <message>
        <source>确认不妨碍正常办案，按约定日期归还并登记</source>
        <translation>Confirmed: does not hinder normal case handling; will be returned by the agreed date and recorded</translation>
    </message>
    <message>
        <source>登记(&amp;R)</source>
        <translation>&amp;Record</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Addressee</translation>
    </message>
    <message>
        <source>期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>完成/归还</source>
        <translation>Done/returned</translation>
    </message>
    <message>
        <source>调查人员</source>
        <translation>Investigators</translation>
    </message>
    <message>
        <source>摘要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>如：收到书面说明；案卷已归还</source>
        <translation>e.g. written explanation received; case file returned</translation>
    </message>
    <message>
        <source>登记完成/归还</source>
        <translation>Record done/returned</translation>
    </message>
    <message>
        <source>打印所选活动的文书</source>
        <translation>Print step document</translation>
    </message>
    <message>
        <source>证据材料清单</source>
        <translation>List of evidence</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>收集日期</source>
        <translation>Collected on</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>证据名称，如：银行转账凭证</source>
        <translation>Evidence, e.g. bank transfer slip</translation>
    </message>
    <message>
        <source>登记证据</source>
        <translation>Record evidence</translation>
    </message>
    <message>
        <source>打印证据清单</source>
        <translation>Print evidence list</translation>
    </message>
    <message>
        <source>调阅对象（从谁处调阅）</source>
        <translation>Obtained from (who holds the files)</translation>
    </message>
    <message>
        <source>被投诉人/有关单位/部门</source>
        <translation>Respondent / unit / department concerned</translation>
    </message>
    <message>
        <source>存在持续违法违规行为（第十三条）：已于 {0} 责令被投诉人立即停止。</source>
        <translation>Continuing violation (Art. 13): the respondent was ordered on {0} to stop immediately.</translation>
    </message>
    <message>
        <source>请选择说明情况、调阅案卷、部门意见或责令停止的记录。</source>
        <translation>Select an explanation request, file requisition, department opinion or stop order.</translation>
    </message>
    <message>
        <source>请填写约定归还日期后再确认。</source>
        <translation>Enter the agreed return date before confirming.</translation>
    </message>
    <message>
        <source>已登记：{0}。</source>
        <translation>Recorded: {0}.</translation>
    </message>
    <message>
        <source>请先在右侧表中选择一项调查活动。</source>
        <translation>First select an investigation step in the table on the right.</translation>
    </message>
    <message>
        <source>已登记完成：{0}（{1}）。</source>
        <translation>Recorded as done: {0} ({1}).</translation>
    </message>
    <message>
        <source>已登记证据：{0}。</source>
        <translation>Evidence recorded: {0}.</translation>
    </message>
</context>
<context>
    <name>ArchivePane</name>
    <message>
        <source>输入或扫描案号，回车打开</source>
        <translation>Type or scan a case no., Enter to open</translation>
    </message>
    <message>
        <source>打开案件</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>案号：</source>
        <translation>Case no.:</translation>
    </message>
    <message>
        <source>归档材料清单（第十九条）</source>
        <translation>Archiving checklist (Art. 19)</translation>
    </message>
    <message>
        <source>尚未选择案件</source>
        <translation>No case selected</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>立卷归档</source>
        <translation>Compile and archive</translation>
    </message>
    <message>
        <source>保管期限：</source>
        <translation>Retention period:</translation>
    </message>
    <message>
        <source>案卷与卷内目录</source>
        <translation>Case file and table of contents</translation>
    </message>
    <message>
        <source>未归档</source>
        <translation>Not archived</translation>
    </message>
    <message>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>文件材料</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc no.</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>页号</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>生成案卷PDF（预览/打印）…</source>
        <translation>Generate case file PDF (preview/print)…</translation>
    </message>
    <message>
        <source>本版本尚未包含案卷PDF功能</source>
        <translation>Case file PDF is not available in this version</translation>
    </message>
    <message>
        <source>档案检索</source>
        <translation>Archive search</translation>
    </message>
    <message>
        <source>案号/档号、姓名、身份证号、被投诉人、投诉内容</source>
        <translation>Case/archive no., name, ID no., respondent, complaint text</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>事项代码 M1…</source>
        <translation>Ground code M1…</translation>
    </message>
    <message>
        <source>仅已归档</source>
        <translation>Archived only</translation>
    </message>
    <message>
        <source>检索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>档号</source>
        <translation>Archive no.</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>借出</source>
        <translation>On loan</translation>
    </message>
    <message>
        <source>借阅登记</source>
        <translation>Loan register</translation>
    </message>
    <message>
        <source>借阅人</source>
        <translation>Borrower</translation>
    </message>
    <message>
        <source>用途</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>借出日期</source>
        <translation>Lent on</translation>
    </message>
    <message>
        <source>应还日期</source>
        <translation>Due back</translation>
    </message>
    <message>
        <source>归还日期</source>
        <translation>Returned on</translation>
    </message>
    <message>
        <source>借阅人：</source>
        <translation>Borrower:</translation>
    </message>
    <message>
        <source>用途：</source>
        <translation>Purpose:</translation>
    </message>
    <message>
        <source>应还日期：</source>
        <translation>Due back:</translation>
    </message>
    <message>
        <source>登记借出</source>
        <translation>Record loan</translation>
    </message>
    <message>
        <source>登记归还（选中的记录）</source>
        <translation>Record return (selected loan)</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>请输入案号。</source>
        <translation>Enter a case no.</translation>
    </message>
    <message>
        <source>{0}（{1}）</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>材料齐全，可以归档。</source>
        <translation>All materials present; ready to archive.</translation>
    </message>
    <message>
        <source>不能归档，缺少：</source>
        <translation>Cannot archive; missing: </translation>
    </message>
    <message>
        <source>尚未归档</source>
        <translation>Not archived yet</translation>
    </message>
    <message>
        <source>档号 {0}，{1}年度，保管期限{2}，{3}归档，共{4}页。{5}</source>
        <translation>Archive no. {0}, year {1}, retention {2}, archived {3}, {4} pages. {5}</translation>
    </message>
    <message>
        <source>已归档，档号 {0}。</source>
        <translation>Archived, archive no. {0}.</translation>
    </message>
    <message>
        <source>保存案卷PDF</source>
        <translation>Save case file PDF</translation>
    </message>
    <message>
        <source>案卷PDF已保存：{0}</source>
        <translation>Case file PDF saved: {0}</translation>
    </message>
    <message>
        <source>超过 {0} 件</source>
        <translation>More than {0}</translation>
    </message>
    <message>
        <source>共 {0} 件</source>
        <translation>Total: {0}</translation>
    </message>
    <message>
        <source>，显示前 {0} 件</source>
        <translation>, showing the first {0}</translation>
    </message>
    <message>
        <source>已登记借出：{0}</source>
        <translation>Loan recorded: {0}</translation>
    </message>
    <message>
        <source>已登记归还。</source>
        <translation>Return recorded.</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>审计记录 {0}</source>
        <translation>Audit log {0}</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>操作人</source>
        <translation>User</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>修改前</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>修改后</source>
        <translation>After</translation>
    </message>
    <message>
        <source>共 {0} 条记录</source>
        <translation>Entries: {0}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <source>从所选备份恢复…</source>
        <translation>Restore from selected backup…</translation>
    </message>
    <message>
        <source>从文件恢复…</source>
        <translation>Restore from file…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>备份保存在：{0}</source>
        <translation>Backups are kept in: {0}</translation>
    </message>
    <message>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>选择备份文件</source>
        <translation>Choose backup file</translation>
    </message>
    <message>
        <source>数据库备份 (*.db);;所有文件 (*)</source>
        <translation>Database backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>将用备份 {0} 替换当前数据库。
恢复前会先校验备份；当前数据库另存为 *.before-restore。
恢复后程序需要重新启动。确定恢复吗？</source>
        <translation>The current database will be replaced by backup {0}.
The backup is verified first; the current database is kept as *.before-restore.
The program must be restarted afterwards. Restore now?</translation>
    </message>
    <message>
        <source>正在校验并恢复……</source>
        <translation>Verifying and restoring…</translation>
    </message>
    <message>
        <source>已从 {0} 恢复。原数据库保存在 {1}。请重新启动程序。</source>
        <translation>Restored from {0}. The previous database is kept at {1}. Please restart the program.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>无数据</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>投诉人（证件号）</source>
        <translation>Complainant (ID)</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Ground</translation>
    </message>
    <message>
        <source>案号、投诉人、被投诉人（Ctrl+F）</source>
        <translation>Case no., complainant, respondent (Ctrl+F)</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>下一时限</source>
        <translation>Next deadline</translation>
    </message>
    <message>
        <source>搜索：姓名、案号、身份证号、电话、投诉内容（Ctrl+F）</source>
        <translation>Search: name, case no., ID no., phone, complaint text (Ctrl+F)</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>全部事项</source>
        <translation>All grounds</translation>
    </message>
    <message>
        <source>全部被投诉人类型</source>
        <translation>All respondent types</translation>
    </message>
    <message>
        <source>收到日期自</source>
        <translation>Received from</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>仅逾期</source>
        <translation>Overdue only</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>未起算</source>
        <translation>not started</translation>
    </message>
    <message>
        <source>，{0}完成</source>
        <translation>, met on {0}</translation>
    </message>
    <message>
        <source>← 返回列表</source>
        <translation>← Back to list</translation>
    </message>
    <message>
        <source>保存登记 (Ctrl+S)</source>
        <translation>Save registration (Ctrl+S)</translation>
    </message>
    <message>
        <source>打印登记表 (Ctrl+P)</source>
        <translation>Print registration form (Ctrl+P)</translation>
    </message>
    <message>
        <source>打印口头投诉记录(&amp;K)</source>
        <translation>Print oral complaint record (&amp;K)</translation>
    </message>
    <message>
        <source>确认签字/捺印…(&amp;I)</source>
        <translation>Confirm signature/thumbprint… (&amp;I)</translation>
    </message>
    <message>
        <source>完成登记(&amp;H)</source>
        <translation>Complete registration (&amp;H)</translation>
    </message>
    <message>
        <source>可能重复/再次投诉</source>
        <translation>Possible duplicates / repeat complaints</translation>
    </message>
    <message>
        <source>同一投诉人（身份证号，或同名同电话）或同一被投诉人及事项的此前投诉。单击打开。</source>
        <translation>Earlier complaints by the same complainant (ID number, or same name and phone) or about the same respondent and ground. Click to open.</translation>
    </message>
    <message>
        <source>登记表</source>
        <translation>Registration form</translation>
    </message>
    <message>
        <source>受理审查</source>
        <translation>Acceptance review</translation>
    </message>
    <message>
        <source>文书与送达</source>
        <translation>Documents and service</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <source>正在打开…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>已恢复未保存的修改（{0}）。请检查后保存。</source>
        <translation>Unsaved changes restored ({0}). Please check them and save.</translation>
    </message>
    <message>
        <source>（未计算）</source>
        <translation>(not computed)</translation>
    </message>
    <message>
        <source>签字待补：电话投诉须取得书面投诉或经投诉人签字的记录。受理期限 {0}，到期仍未补签的，依规定作出处理。</source>
        <translation>Signature pending: a phone complaint needs a written complaint or a record signed by the complainant. Acceptance deadline {0}; if nothing signed arrives by then, decide as the rules provide.</translation>
    </message>
    <message>
        <source>口头投诉：请打印口头投诉记录，向投诉人宣读后由其签字或捺印，再“确认签字/捺印”。受理期限 {0}。</source>
        <translation>Oral complaint: print the oral complaint record, read it back to the complainant, have it signed or thumbprinted, then &quot;Confirm signature/thumbprint&quot;. Acceptance deadline {0}.</translation>
    </message>
    <message>
        <source>已保存：{0}（{1}）。</source>
        <translation>Saved: {0} ({1}).</translation>
    </message>
    <message>
        <source>未保存：请按红框提示修改后再保存（Ctrl+S）。已填写的内容都保留着。</source>
        <translation>Not saved: correct the fields marked in red and save again (Ctrl+S). Everything you typed is kept.</translation>
    </message>
    <message>
        <source> 您填写的内容仍保留在表中（草稿已保存）；请记下修改，重新打开案件后再填入。</source>
        <translation> Your input is still in the form (draft saved); note your changes, reopen the case and enter them again.</translation>
    </message>
    <message>
        <source> 已填写的内容仍保留。</source>
        <translation> Everything you typed is kept.</translation>
    </message>
    <message>
        <source>草稿未能保存：{0}</source>
        <translation>Draft could not be saved: {0}</translation>
    </message>
    <message>
        <source>草稿已自动保存 {0}</source>
        <translation>Draft autosaved {0}</translation>
    </message>
    <message>
        <source>结果：{0}</source>
        <translation>Outcome: {0}</translation>
    </message>
    <message>
        <source>可能重复/再次投诉（{0}）</source>
        <translation>Possible duplicates / repeat complaints ({0})</translation>
    </message>
    <message>
        <source>请先保存登记（Ctrl+S），再打印登记表。</source>
        <translation>Save the registration first (Ctrl+S), then print the form.</translation>
    </message>
    <message>
        <source>已确认签字/捺印，登记完成（{0}）。</source>
        <translation>Signature/thumbprint confirmed, registration completed ({0}).</translation>
    </message>
    <message>
        <source>登记完成。</source>
        <translation>Registration completed.</translation>
    </message>
</context>
<context>
    <name>ClockBanner</name>
    <message>
        <source>办理期限：案件尚未受理</source>
        <translation>Handling deadline: case not yet accepted</translation>
    </message>
    <message>
        <source>办理期限（第十五条）：{0}&#x3000;{1}</source>
        <translation>Handling deadline (Art. 15): {0}&#x3000;{1}</translation>
    </message>
    <message>
        <source>&#x3000;（{0} 作出处理决定）</source>
        <translation>&#x3000;(decided on {0})</translation>
    </message>
    <message>
        <source>&#x3000;受理后第 {0} 日，距期满 {1} 日</source>
        <translation>&#x3000;day {0} after acceptance, days left: {1}</translation>
    </message>
    <message>
        <source>&#x3000;受理后第 {0} 日，已逾期 {1} 日</source>
        <translation>&#x3000;day {0} after acceptance, days overdue: {1}</translation>
    </message>
    <message>
        <source>&#x3000;已延期至 {0}（{1}批准）</source>
        <translation>&#x3000;extended to {0} (approved by {1})</translation>
    </message>
    <message>
        <source>&#x3000;延期申请待负责人批准（拟延至 {0}）</source>
        <translation>&#x3000;extension awaiting the head&apos;s approval (to {0})</translation>
    </message>
    <message>
        <source>
答复期限（第十六条）：{0}&#x3000;{1}</source>
        <translation>
Reply deadline (Art. 16): {0}&#x3000;{1}</translation>
    </message>
    <message>
        <source>已于 {0} 送达</source>
        <translation>served on {0}</translation>
    </message>
    <message>
        <source>已到受理后第 {0} 日提醒点：45日内应当办结；案情复杂确需延期的，请在期满前申请并经机关负责人批准，书面告知投诉人。</source>
        <translation>Reminder, day {0} after acceptance: the case must be concluded within 45 days; if a complex case really needs more time, apply before the deadline, obtain the approval of the head of the bureau and inform the complainant in writing.</translation>
    </message>
    <message>
        <source>办理期限已过！延期申请将被标记为“逾期后延期”。</source>
        <translation>The handling deadline has passed! An extension request will be marked &quot;extended after expiry&quot;.</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>正在读取期限…</source>
        <translation>Loading deadlines…</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>无法读取期限：{0}</source>
        <translation>Cannot load deadlines: {0}</translation>
    </message>
    <message>
        <source>今天 {0}：</source>
        <translation>Today {0}: </translation>
    </message>
    <message>
        <source>（条目过多，仅显示最早到期的部分）</source>
        <translation> (too many entries; only the earliest due are shown)</translation>
    </message>
    <message>
        <source>工作日历未确认，到期日按周末推算</source>
        <translation>Working-day calendar not confirmed; due dates assume weekends only</translation>
    </message>
</context>
<context>
    <name>DecisionSection</name>
    <message>
        <source>情节轻微</source>
        <translation>Minor circumstances</translation>
    </message>
    <message>
        <source>及时纠正</source>
        <translation>Corrected promptly</translation>
    </message>
    <message>
        <source>没有造成危害后果</source>
        <translation>No harmful consequences</translation>
    </message>
    <message>
        <source>第十四条第（二）项：</source>
        <translation>Art. 14(2):</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification due</translation>
    </message>
    <message>
        <source>接收机关，如：铁岭市律师协会</source>
        <translation>Receiving body, e.g. Tieling Lawyers Association</translation>
    </message>
    <message>
        <source>查明的事实</source>
        <translation>Facts established</translation>
    </message>
    <message>
        <source>依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>处理措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>调查报告：查明的事实、证据、被投诉人的说明及分析</source>
        <translation>Investigation report: facts established, evidence, respondent&apos;s explanation and analysis</translation>
    </message>
    <message>
        <source>提出拟处理意见</source>
        <translation>Submit proposed decision</translation>
    </message>
    <message>
        <source>退回理由</source>
        <translation>Reason for return</translation>
    </message>
    <message>
        <source>退回补充调查（负责人）</source>
        <translation>Return for further investigation (head)</translation>
    </message>
    <message>
        <source>作出处理决定（负责人）</source>
        <translation>Make decision (head)</translation>
    </message>
    <message>
        <source>决定日期</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>移送类型</source>
        <translation>Referral type</translation>
    </message>
    <message>
        <source>接收机关</source>
        <translation>Receiving body</translation>
    </message>
    <message>
        <source>移送日期</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>反馈</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>反馈日期</source>
        <translation>Feedback date</translation>
    </message>
    <message>
        <source>接收机关反馈的处理结果</source>
        <translation>Outcome reported by the receiving body</translation>
    </message>
    <message>
        <source>登记移送反馈</source>
        <translation>Record referral feedback</translation>
    </message>
    <message>
        <source>已提出拟处理意见，报机关负责人决定。</source>
        <translation>Proposed decision submitted to the head of the bureau.</translation>
    </message>
    <message>
        <source>已退回补充调查。</source>
        <translation>Returned for further investigation.</translation>
    </message>
    <message>
        <source>已作出处理决定；请在5个工作日内制作并送达答复书（第十六条）。</source>
        <translation>Decision made; prepare and serve the reply within 5 working days (Art. 16).</translation>
    </message>
    <message>
        <source>请先在移送表中选择一项。</source>
        <translation>First select a referral in the table.</translation>
    </message>
    <message>
        <source>已登记移送反馈。</source>
        <translation>Referral feedback recorded.</translation>
    </message>
</context>
<context>
    <name>DocumentPreviewDialog</name>
    <message>
        <source>{0} — 预览</source>
        <translation>{0} — Preview</translation>
    </message>
    <message>
        <source>{0} {1}&#x3000;共 {2} 页&#x3000;版本 {3}</source>
        <translation>{0} {1}&#x3000;{2} pages&#x3000;version {3}</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>正在准备打印……</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>已送打印机 {0} 页。</source>
        <translation>Sent to the printer: {0} pages.</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>打印登记表</source>
        <translation>Print registration form</translation>
    </message>
    <message>
        <source>打印口头投诉记录</source>
        <translation>Print oral complaint record</translation>
    </message>
    <message>
        <source>打印授权委托书（空白）</source>
        <translation>Print power of attorney (blank)</translation>
    </message>
    <message>
        <source>打印授权委托书（已填）</source>
        <translation>Print power of attorney (filled)</translation>
    </message>
    <message>
        <source>打印受理通知书</source>
        <translation>Print acceptance notice</translation>
    </message>
    <message>
        <source>打印不予受理通知书</source>
        <translation>Print non-acceptance notice</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc no.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>送达</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>预览所选</source>
        <translation>Preview selected</translation>
    </message>
    <message>
        <source>登记送达…(&amp;D)</source>
        <translation>Record service… (&amp;D)</translation>
    </message>
    <message>
        <source>打印送达回证</source>
        <translation>Print proof of service</translation>
    </message>
    <message>
        <source>本案文书（双击预览）</source>
        <translation>Documents of this case (double-click to preview)</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>served</translation>
    </message>
    <message>
        <source>共{0}页</source>
        <translation>{0} pages</translation>
    </message>
    <message>
        <source>已生成《{0}》{1}。可预览、打印或另存。</source>
        <translation>Generated &quot;{0}&quot; {1}. Preview, print or save it.</translation>
    </message>
    <message>
        <source>请先打印或预览一份文书。</source>
        <translation>Print or preview a document first.</translation>
    </message>
    <message>
        <source>已送打印机：{0}页。</source>
        <translation>Sent to the printer: {0} pages.</translation>
    </message>
    <message>
        <source>正在准备打印……</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <source>已登记送达《{0}》。</source>
        <translation>Service of &quot;{0}&quot; recorded.</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>文号</source>
        <translation>Doc no.</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>已送达</source>
        <translation>Served</translation>
    </message>
    <message>
        <source>已被新版本取代</source>
        <translation>Superseded</translation>
    </message>
    <message>
        <source>预览/打印所选文书</source>
        <translation>Preview/print selected document</translation>
    </message>
</context>
<context>
    <name>ExtensionSection</name>
    <message>
        <source>申请延长办理期限（案情复杂，须经机关负责人批准并书面告知投诉人）</source>
        <translation>Request extension of the handling deadline (complex case; needs the head&apos;s approval and written notice to the complainant)</translation>
    </message>
    <message>
        <source>提交延期申请</source>
        <translation>Submit extension request</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>延长至</source>
        <translation>Extend to</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>原期满日</source>
        <translation>Original deadline</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>审批人</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>负责人审批意见</source>
        <translation>Head&apos;s opinion</translation>
    </message>
    <message>
        <source>批准延期（负责人）</source>
        <translation>Approve extension (head)</translation>
    </message>
    <message>
        <source>不批准</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>查看延期告知书</source>
        <translation>View extension notice</translation>
    </message>
    <message>
        <source>请填写延长后的期满日期。</source>
        <translation>Enter the new deadline.</translation>
    </message>
    <message>
        <source>延期申请已提交，等待机关负责人批准。</source>
        <translation>Extension request submitted; awaiting approval by the head of the bureau.</translation>
    </message>
    <message>
        <source>已批准；延期告知书模板尚未就绪，请稍后打印并送达投诉人。</source>
        <translation>Approved; the extension notice template is not ready yet, print it later and serve it on the complainant.</translation>
    </message>
    <message>
        <source>已批准延期，办理期限重新计算；请将延期告知书送达投诉人。</source>
        <translation>Extension approved and the handling deadline recalculated; serve the extension notice on the complainant.</translation>
    </message>
    <message>
        <source>已决定不批准延期。</source>
        <translation>Extension refused.</translation>
    </message>
</context>
<context>
    <name>FrontDeskDialogs</name>
    <message>
        <source>确认签字/捺印</source>
        <translation>Confirm signature/thumbprint</translation>
    </message>
    <message>
        <source>请将打印的口头投诉记录向投诉人宣读或交其阅看，确认无误后由投诉人签字或捺印。</source>
        <translation>Read the printed oral complaint record to the complainant or let them read it; once confirmed, the complainant signs or thumbprints it.</translation>
    </message>
    <message>
        <source>拒签或无法签字时必填：情况及两名见证工作人员</source>
        <translation>Required when refused or impossible: circumstances and the two witnessing staff</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>请选择已签字、已捺印，或拒签/无法签字。</source>
        <translation>Choose signed, thumbprinted, or refused/not possible.</translation>
    </message>
    <message>
        <source>投诉人拒签或无法签字时，须注明情况（由两名工作人员见证）。</source>
        <translation>If the complainant refuses or cannot sign, record the circumstances (witnessed by two staff).</translation>
    </message>
    <message>
        <source>登记送达：{0}</source>
        <translation>Record service: {0}</translation>
    </message>
    <message>
        <source>挂号信/EMS 单号</source>
        <translation>Registered mail / EMS number</translation>
    </message>
    <message>
        <source>如：受送达人签收送达回证；邮件回执；发送记录截图</source>
        <translation>e.g. recipient signed the proof of service; postal receipt; sending log</translation>
    </message>
    <message>
        <source>如：匿名投诉，无联系地址</source>
        <translation>e.g. anonymous complaint, no address</translation>
    </message>
    <message>
        <source>送达方式(&amp;M)</source>
        <translation>Method (&amp;M)</translation>
    </message>
    <message>
        <source>送达日期(&amp;D)</source>
        <translation>Date served (&amp;D)</translation>
    </message>
    <message>
        <source>受送达人身份</source>
        <translation>Recipient is</translation>
    </message>
    <message>
        <source>受送达人(&amp;R)</source>
        <translation>Recipient (&amp;R)</translation>
    </message>
    <message>
        <source>邮件单号(&amp;T)</source>
        <translation>Tracking no. (&amp;T)</translation>
    </message>
    <message>
        <source>送达地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>送达凭证</source>
        <translation>Proof</translation>
    </message>
    <message>
        <source>无法送达原因</source>
        <translation>Why undeliverable</translation>
    </message>
    <message>
        <source>邮寄送达请填写邮件单号。</source>
        <translation>Enter the tracking number for service by post.</translation>
    </message>
    <message>
        <source>邮寄送达请填写邮件单号（挂号/EMS）。</source>
        <translation>Enter the tracking number for service by post (registered mail/EMS).</translation>
    </message>
    <message>
        <source>请注明无法送达的原因。</source>
        <translation>State why it cannot be served.</translation>
    </message>
    <message>
        <source>无法送达时请注明原因（如匿名投诉、无联系地址）。</source>
        <translation>State why it cannot be served (e.g. anonymous complaint, no address).</translation>
    </message>
    <message>
        <source>请填写受送达人。</source>
        <translation>Enter the recipient.</translation>
    </message>
    <message>
        <source>一次性告知补正</source>
        <translation>One-time supplement notice</translation>
    </message>
    <message>
        <source>请一次性列出需要补正的全部事项（每行一项）。补正告知只能发出一次。</source>
        <translation>List everything that must be supplied, all at once (one item per line). The supplement notice can be sent only once.</translation>
    </message>
    <message>
        <source>补正事项(&amp;I)</source>
        <translation>Items (&amp;I)</translation>
    </message>
    <message>
        <source>补正期限(&amp;D)</source>
        <translation>Due date (&amp;D)</translation>
    </message>
    <message>
        <source>请列出需要补正的全部事项（一次性告知）。</source>
        <translation>List every missing item (one-time notice).</translation>
    </message>
    <message>
        <source>补正期限应晚于今天。</source>
        <translation>The due date must be after today.</translation>
    </message>
    <message>
        <source>不予受理</source>
        <translation>Not accept</translation>
    </message>
    <message>
        <source>不属于本机关管辖时必填，将写入通知书</source>
        <translation>Required when outside our jurisdiction; printed in the notice</translation>
    </message>
    <message>
        <source>有管辖权的机关</source>
        <translation>Competent organ</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>不予受理须选择理由（将在通知书中引用具体条款项）。</source>
        <translation>Choose the reason(s) for non-acceptance (the notice cites the article and item).</translation>
    </message>
    <message>
        <source>以不属于本机关管辖不予受理时，请填写有管辖权的机关。</source>
        <translation>When not accepting for lack of jurisdiction, enter the competent organ.</translation>
    </message>
</context>
<context>
    <name>InvestigationPane</name>
    <message>
        <source>请在左侧选择一件已受理的投诉案件。</source>
        <translation>Select an accepted complaint on the left.</translation>
    </message>
    <message>
        <source>调查组</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>笔录</source>
        <translation>Transcripts</translation>
    </message>
    <message>
        <source>调查活动与证据</source>
        <translation>Steps and evidence</translation>
    </message>
    <message>
        <source>延期</source>
        <translation>Extension</translation>
    </message>
    <message>
        <source>处理意见</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>答复与监督</source>
        <translation>Reply and supervision</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigation</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>投诉处理台 · 登录</source>
        <translation>Complaint Desk · Sign in</translation>
    </message>
    <message>
        <source>&lt;h2&gt;投诉处理台&lt;/h2&gt;&lt;p&gt;法律援助投诉处理&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Complaint Desk&lt;/h2&gt;&lt;p&gt;Handling complaints about legal aid&lt;/p&gt;</translation>
    </message>
    <message>
        <source>首次启动：请创建系统管理员账户。首次登录后须修改密码；其他工作人员的账户由系统管理员在“用户与角色”中创建。</source>
        <translation>First start: create the system administrator account. The password must be changed after the first sign-in; the administrator creates the other staff accounts under &quot;Users and roles&quot;.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>首次登录或密码已被重置：请设置新密码（至少8位，须同时包含字母和数字）。</source>
        <translation>First sign-in or password reset: set a new password (at least 8 characters, with both letters and digits).</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>正在打开数据库……</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <source>请填写系统管理员的姓名。</source>
        <translation>Enter the system administrator&apos;s name.</translation>
    </message>
    <message>
        <source>请输入用户名和密码。</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>两次输入的新密码不一致。</source>
        <translation>The two new passwords do not match.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>投诉处理台</source>
        <translation>Complaint Desk</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>投诉登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigation</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>屏幕内容已隐藏。工作人员按 F12 恢复。</source>
        <translation>Screen content hidden. Staff: press F12 to return.</translation>
    </message>
    <message>
        <source>新登记(&amp;N)</source>
        <translation>&amp;New registration</translation>
    </message>
    <message>
        <source>备份数据库(&amp;B)…</source>
        <translation>&amp;Back up database…</translation>
    </message>
    <message>
        <source>从备份恢复(&amp;R)…</source>
        <translation>&amp;Restore from backup…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>隐私模式(&amp;P)</source>
        <translation>&amp;Privacy mode</translation>
    </message>
    <message>
        <source>刷新状态栏</source>
        <translation>Refresh status bar</translation>
    </message>
    <message>
        <source>关于投诉处理台(&amp;A)</source>
        <translation>&amp;About Complaint Desk</translation>
    </message>
    <message>
        <source>用户与角色(&amp;U)…</source>
        <translation>&amp;Users and roles…</translation>
    </message>
    <message>
        <source>校验审计日志(&amp;V)</source>
        <translation>&amp;Verify audit log</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>系统管理(&amp;S)</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>正在读取数据库信息…</source>
        <translation>Reading database information…</translation>
    </message>
    <message>
        <source>正在处理…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>登记表尚未就绪</source>
        <translation>The registration form is not available yet</translation>
    </message>
    <message>
        <source>本页面没有搜索框</source>
        <translation>This page has no search field</translation>
    </message>
    <message>
        <source>数据库：{0}</source>
        <translation>Database: {0}</translation>
    </message>
    <message>
        <source>规则：{0}</source>
        <translation>Rules: {0}</translation>
    </message>
    <message>
        <source>用户：{0}</source>
        <translation>User: {0}</translation>
    </message>
    <message>
        <source>无法读取数据库信息：{0}</source>
        <translation>Cannot read database information: {0}</translation>
    </message>
    <message>
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <source>当前没有程序配置，无法确定备份目录。</source>
        <translation>No program configuration loaded, so the backup folder is unknown.</translation>
    </message>
    <message>
        <source>校验审计日志</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <source>&lt;h3&gt;投诉处理台 {0}&lt;/h3&gt;&lt;p&gt;法律援助投诉处理：登记、受理审查、调查、处理决定、答复、执行监督和立卷归档。&lt;/p&gt;&lt;p&gt;依据《法律援助投诉处理办法》（司法部，2013年；2025年修订）。&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Complaint Desk {0}&lt;/h3&gt;&lt;p&gt;Handling complaints about legal aid: registration, acceptance review, investigation, decision, reply, supervision and archiving.&lt;/p&gt;&lt;p&gt;Under the Measures for Handling Complaints about Legal Aid (Ministry of Justice, 2013; revised 2025).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>关于投诉处理台</source>
        <translation>About Complaint Desk</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} in total</translation>
    </message>
    <message>
        <source>超过 {0} 条</source>
        <translation>more than {0}</translation>
    </message>
    <message>
        <source>正在加载…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>已列出 {0} 条</source>
        <translation>{0} listed</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>尚未打印任何文书。</source>
        <translation>No document printed yet.</translation>
    </message>
    <message>
        <source>正在生成预览……</source>
        <translation>Rendering preview…</translation>
    </message>
</context>
<context>
    <name>RegistrationForm</name>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>第{0}名{1}</source>
        <translation>{1} {0}</translation>
    </message>
    <message>
        <source>18位，末位可为X</source>
        <translation>18 characters, the last may be X</translation>
    </message>
    <message>
        <source>利害关系人须填写与法律援助事项的关系</source>
        <translation>Interested parties: relationship to the aid matter</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>与援助事项关系</source>
        <translation>Relation to aid matter</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>出生日期 {0}，{1}</source>
        <translation>Born {0}, {1}</translation>
    </message>
    <message>
        <source>监护人（法定代理，无需授权委托书）</source>
        <translation>Guardian (statutory agent, no power of attorney needed)</translation>
    </message>
    <message>
        <source>已提交授权委托书</source>
        <translation>Power of attorney submitted</translation>
    </message>
    <message>
        <source>与投诉人关系</source>
        <translation>Relation to complainant</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>委托权限</source>
        <translation>Scope of authority</translation>
    </message>
    <message>
        <source>不清楚时填“不详”</source>
        <translation>Enter &quot;不详&quot; if unknown</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>名称/姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>执业/工作证号</source>
        <translation>Licence/staff no.</translation>
    </message>
    <message>
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>（请选择类型）</source>
        <translation>(choose a type)</translation>
    </message>
    <message>
        <source>材料名称，如 投诉信、收条复印件</source>
        <translation>Material, e.g. complaint letter, copy of receipt</translation>
    </message>
    <message>
        <source> 页</source>
        <translation> pages</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>（程序类型）</source>
        <translation>(procedure)</translation>
    </message>
    <message>
        <source>受理机关</source>
        <translation>Organ</translation>
    </message>
    <message>
        <source>文号/案号</source>
        <translation>Reference no.</translation>
    </message>
    <message>
        <source>收到时间“{0}”格式不对，请按 年-月-日 时:分 填写，如 2025-03-03 09:30。</source>
        <translation>Receipt time &quot;{0}&quot; is not valid; use year-month-day hour:minute, e.g. 2025-03-03 09:30.</translation>
    </message>
    <message>
        <source>收件信息</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>留空为当前时间；格式 2025-03-03 09:30</source>
        <translation>Empty = now; format 2025-03-03 09:30</translation>
    </message>
    <message>
        <source>留空为当前登录人</source>
        <translation>Empty = signed-in user</translation>
    </message>
    <message>
        <source>转来时填写转交机关</source>
        <translation>Transferring organ, if transferred</translation>
    </message>
    <message>
        <source>匿名投诉(&amp;M)</source>
        <translation>Anonymous (&amp;M)</translation>
    </message>
    <message>
        <source>敏感案件(&amp;S)</source>
        <translation>Sensitive (&amp;S)</translation>
    </message>
    <message>
        <source>敏感原因（如涉及家暴、隐私）</source>
        <translation>Why sensitive (e.g. domestic violence, privacy)</translation>
    </message>
    <message>
        <source>书面投诉困难原因(&amp;W)</source>
        <translation>Why writing is difficult (&amp;W)</translation>
    </message>
    <message>
        <source>投诉渠道(&amp;C)</source>
        <translation>Channel (&amp;C)</translation>
    </message>
    <message>
        <source>收到时间(&amp;T)</source>
        <translation>Received at (&amp;T)</translation>
    </message>
    <message>
        <source>接收人</source>
        <translation>Received by</translation>
    </message>
    <message>
        <source>转来机关</source>
        <translation>Transferred from</translation>
    </message>
    <message>
        <source>敏感原因</source>
        <translation>Why sensitive</translation>
    </message>
    <message>
        <source>更改已登记的收到时间时必填</source>
        <translation>Required when changing the registered receipt time</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <source>投诉人</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <source>添加投诉人(&amp;R)</source>
        <translation>Add complainant (&amp;R)</translation>
    </message>
    <message>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>添加代理人（授权委托）(&amp;G)</source>
        <translation>Add agent (power of attorney) (&amp;G)</translation>
    </message>
    <message>
        <source>被投诉人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>添加被投诉人(&amp;B)</source>
        <translation>Add respondent (&amp;B)</translation>
    </message>
    <message>
        <source>投诉内容</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <source>事件发生的时间，如 2025年1月至2月</source>
        <translation>When the events happened, e.g. Jan–Feb 2025</translation>
    </message>
    <message>
        <source>投诉请求(&amp;Q)</source>
        <translation>Request (&amp;Q)</translation>
    </message>
    <message>
        <source>主要事实(&amp;F)</source>
        <translation>Main facts (&amp;F)</translation>
    </message>
    <message>
        <source>理由(&amp;Y)</source>
        <translation>Reasons (&amp;Y)</translation>
    </message>
    <message>
        <source>事件时间(&amp;E)</source>
        <translation>Event time (&amp;E)</translation>
    </message>
    <message>
        <source>投诉事项(&amp;K)</source>
        <translation>Ground (&amp;K)</translation>
    </message>
    <message>
        <source>细分类型</source>
        <translation>Sub-types</translation>
    </message>
    <message>
        <source>相关法律援助事项</source>
        <translation>Related legal-aid matter</translation>
    </message>
    <message>
        <source>指派机构（决定管辖）</source>
        <translation>Assigning institution (decides jurisdiction)</translation>
    </message>
    <message>
        <source>援助案件编号(&amp;D)</source>
        <translation>Aid case no. (&amp;D)</translation>
    </message>
    <message>
        <source>指派机构</source>
        <translation>Assigning institution</translation>
    </message>
    <message>
        <source>案由</source>
        <translation>Cause</translation>
    </message>
    <message>
        <source>承办人</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>添加材料(&amp;L)</source>
        <translation>Add material (&amp;L)</translation>
    </message>
    <message>
        <source>程序</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <source>添加其他程序(&amp;O)</source>
        <translation>Add other procedure (&amp;O)</translation>
    </message>
    <message>
        <source>收到的材料</source>
        <translation>Materials received</translation>
    </message>
    <message>
        <source>同一事项的其他程序（诉讼、复议、信访、纪检、此前投诉）</source>
        <translation>Other procedures on the same matter (lawsuit, reconsideration, petition, discipline, earlier complaint)</translation>
    </message>
    <message>
        <source>（尚未分类）</source>
        <translation>(not classified)</translation>
    </message>
    <message>
        <source>第{0}名投诉人：{1}</source>
        <translation>Complainant {0}: {1}</translation>
    </message>
    <message>
        <source>有 {0} 处需要修改，已在相应位置用红框标出。</source>
        <translation>{0} field(s) need correcting; they are marked in red.</translation>
    </message>
</context>
<context>
    <name>RegistrationPane</name>
    <message>
        <source>新登记 (F2)</source>
        <translation>New registration (F2)</translation>
    </message>
    <message>
        <source>恢复(&amp;Z)</source>
        <translation>Restore (&amp;Z)</translation>
    </message>
    <message>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>投诉登记</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New registration</translation>
    </message>
    <message>
        <source>恢复未保存的登记？ {0} {1}（{2} 自动保存）</source>
        <translation>Restore the unsaved registration? {0} {1} (autosaved {2})</translation>
    </message>
</context>
<context>
    <name>ReplySection</name>
    <message>
        <source>制作答复书(&amp;R)</source>
        <translation>Prepare &amp;reply</translation>
    </message>
    <message>
        <source>送达登记</source>
        <translation>Service record</translation>
    </message>
    <message>
        <source>登记送达</source>
        <translation>Record service</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>受送达人</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>送达日期</source>
        <translation>Date served</translation>
    </message>
    <message>
        <source>邮件单号</source>
        <translation>Tracking no.</translation>
    </message>
    <message>
        <source>无法送达原因</source>
        <translation>Why undeliverable</translation>
    </message>
    <message>
        <source>执行监督（第十八条）</source>
        <translation>Supervision of implementation (Art. 18)</translation>
    </message>
    <message>
        <source>措施</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Rectification due</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>收到报告</source>
        <translation>Report received</translation>
    </message>
    <message>
        <source>核查日期</source>
        <translation>Checked on</translation>
    </message>
    <message>
        <source>核查意见</source>
        <translation>Check result</translation>
    </message>
    <message>
        <source>整改报告摘要 / 核查意见</source>
        <translation>Rectification report summary / check result</translation>
    </message>
    <message>
        <source>登记整改报告</source>
        <translation>Record rectification report</translation>
    </message>
    <message>
        <source>核查：整改到位</source>
        <translation>Check: rectified</translation>
    </message>
    <message>
        <source>核查：整改不到位</source>
        <translation>Check: not rectified</translation>
    </message>
    <message>
        <source>撤回投诉</source>
        <translation>Withdrawal of complaint</translation>
    </message>
    <message>
        <source>投诉人已在撤回申请（或撤回笔录）上签字/捺印</source>
        <translation>Complainant signed/thumbprinted the withdrawal request (or withdrawal transcript)</translation>
    </message>
    <message>
        <source>终止办理</source>
        <translation>Terminate handling</translation>
    </message>
    <message>
        <source>依职权继续办理</source>
        <translation>Continue ex officio</translation>
    </message>
    <message>
        <source>负责人决定</source>
        <translation>Head&apos;s decision</translation>
    </message>
    <message>
        <source>撤回理由</source>
        <translation>Reason for withdrawal</translation>
    </message>
    <message>
        <source>负责人意见</source>
        <translation>Head&apos;s opinion</translation>
    </message>
    <message>
        <source>（已送达）</source>
        <translation> (served)</translation>
    </message>
    <message>
        <source>答复书已生成，请打印盖章后送达投诉人并登记送达。</source>
        <translation>Reply generated; print and seal it, serve it on the complainant and record the service.</translation>
    </message>
    <message>
        <source>已登记送达。</source>
        <translation>Service recorded.</translation>
    </message>
    <message>
        <source>已登记整改报告。</source>
        <translation>Rectification report recorded.</translation>
    </message>
    <message>
        <source>已登记核查结果。</source>
        <translation>Check result recorded.</translation>
    </message>
    <message>
        <source>已决定终止办理，案件转为已撤回。</source>
        <translation>Handling terminated; the case is now withdrawn.</translation>
    </message>
    <message>
        <source>已记录撤回申请；负责人决定依职权继续办理。</source>
        <translation>Withdrawal request recorded; the head decided to continue ex officio.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>审查建议（规则引擎）</source>
        <translation>Recommendation (rules engine)</translation>
    </message>
    <message>
        <source>受理条件（第八条，须全部符合）</source>
        <translation>Acceptance conditions (Art. 8, all must hold)</translation>
    </message>
    <message>
        <source>不予受理情形（第九条，任一适用即不予受理）</source>
        <translation>Grounds for non-acceptance (Art. 9, any one suffices)</translation>
    </message>
    <message>
        <source>审查意见</source>
        <translation>Review opinion</translation>
    </message>
    <message>
        <source>投诉指向具体行为（拖延、缺席、收费等），不只是对办理结果有异议</source>
        <translation>The complaint alleges specific conduct (delay, absence, fees…), not only disagreement with the result</translation>
    </message>
    <message>
        <source>有新的事实和证据（第九条第（一）项不适用）</source>
        <translation>New facts and evidence (Art. 9(1) does not apply)</translation>
    </message>
    <message>
        <source>新证据是什么，为何是新的</source>
        <translation>What the new evidence is and why it is new</translation>
    </message>
    <message>
        <source>保存审查清单(&amp;V)</source>
        <translation>Save checklist (&amp;V)</translation>
    </message>
    <message>
        <source>一次性告知补正…(&amp;U)</source>
        <translation>One-time supplement notice… (&amp;U)</translation>
    </message>
    <message>
        <source>决定受理(&amp;A)</source>
        <translation>Accept (&amp;A)</translation>
    </message>
    <message>
        <source>决定不予受理…(&amp;J)</source>
        <translation>Not accept… (&amp;J)</translation>
    </message>
    <message>
        <source>建议：{0}</source>
        <translation>Recommendation: {0}</translation>
    </message>
    <message>
        <source>需一次性告知补正：</source>
        <translation>One-time supplement needed: </translation>
    </message>
    <message>
        <source>须核实：</source>
        <translation>To verify: </translation>
    </message>
    <message>
        <source>提示：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>案件当前状态为“{0}”，不在受理审查阶段。</source>
        <translation>The case is &quot;{0}&quot;, not in the acceptance review stage.</translation>
    </message>
    <message>
        <source>登记尚未完成（口头/电话投诉须先确认签字或捺印），完成登记后才能审查。</source>
        <translation>Registration not complete (oral/phone complaints need a confirmed signature or thumbprint); review after completing it.</translation>
    </message>
    <message>
        <source>“决定受理”仅在第八条五项条件全部“符合”且第九条情形均不适用时可用。</source>
        <translation>&quot;Accept&quot; is available only when all five Art. 8 conditions hold and no Art. 9 ground applies.</translation>
    </message>
    <message>
        <source>审查清单已保存。</source>
        <translation>Checklist saved.</translation>
    </message>
    <message>
        <source>注意：依{0}，受理审查期限不因补正而中止。</source>
        <translation>Note: under {0} the acceptance deadline keeps running during the supplement period.</translation>
    </message>
    <message>
        <source>补正告知书已生成，请打印并送达。</source>
        <translation>Supplement notice generated; print and serve it.</translation>
    </message>
    <message>
        <source>已决定受理，受理通知书已生成。请打印并登记送达：送达后受理期限才算完成。</source>
        <translation>Accepted; the acceptance notice was generated. Print it and record its service: the acceptance deadline is met only when it is served.</translation>
    </message>
    <message>
        <source>已决定不予受理，通知书已生成。请打印并登记送达。</source>
        <translation>Not accepted; the notice was generated. Print it and record its service.</translation>
    </message>
</context>
<context>
    <name>SigningGrid</name>
    <message>
        <source>逐页签字/捺印登记</source>
        <translation>Page-by-page signature/thumbprint</translation>
    </message>
    <message>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>备注（拒签时由调查人员注明）</source>
        <translation>Note (investigators record any refusal)</translation>
    </message>
    <message>
        <source>拒签/无法签字时注明情况，如：经宣读后被调查人拒绝签名，调查人员陈杰、周敏在场</source>
        <translation>If refused/impossible, describe it, e.g. read aloud, interviewee refused to sign, investigators Chen Jie and Zhou Min present</translation>
    </message>
    <message>
        <source>选中全部页</source>
        <translation>Select all pages</translation>
    </message>
    <message>
        <source>第 {0} 页</source>
        <translation>Page {0}</translation>
    </message>
    <message>
        <source>请先在表中选择要登记的页（可多选，或按“选中全部页”）。</source>
        <translation>First select the pages to record in the table (several allowed, or press &quot;Select all pages&quot;).</translation>
    </message>
</context>
<context>
    <name>StatisticsPane</name>
    <message>
        <source>月度</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>季度</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> (year)</translation>
    </message>
    <message>
        <source>全部机关</source>
        <translation>All bureaus</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>个人信息脱敏</source>
        <translation>Mask personal data</translation>
    </message>
    <message>
        <source>导出Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <source>期间：</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>机关：</source>
        <translation>Bureau:</translation>
    </message>
    <message>
        <source>导出中 %v/%m 行</source>
        <translation>Exporting %v/%m rows</translation>
    </message>
    <message>
        <source>取消导出</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source> 月</source>
        <translation> (month)</translation>
    </message>
    <message>
        <source>第 </source>
        <translation>Q</translation>
    </message>
    <message>
        <source> 季度</source>
        <translation> (quarter)</translation>
    </message>
    <message>
        <source>期间无效，请重新选择。</source>
        <translation>Invalid period; choose again.</translation>
    </message>
    <message>
        <source>结束日期早于开始日期，请重新选择期间。</source>
        <translation>The end date is before the start date; choose the period again.</translation>
    </message>
    <message>
        <source>正在统计 {0} 至 {1} …</source>
        <translation>Computing {0} to {1} …</translation>
    </message>
    <message>
        <source>{0} {1}：收到投诉 {2} 件，受理 {3} 件，办结 {4} 件。{5}</source>
        <translation>{0} {1}: complaints received {2}, accepted {3}, concluded {4}. {5}</translation>
    </message>
    <message>
        <source>导出统计报表</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在导出 {0} …</source>
        <translation>Exporting {0} …</translation>
    </message>
    <message>
        <source>正在取消导出…</source>
        <translation>Cancelling export…</translation>
    </message>
    <message>
        <source>已导出：{0}（案件台账 {1} 行）</source>
        <translation>Exported: {0} (case register, {1} rows)</translation>
    </message>
    <message>
        <source>导出失败：{0}</source>
        <translation>Export failed: {0}</translation>
    </message>
    <message>
        <source>已取消导出，未生成文件。</source>
        <translation>Export cancelled; no file written.</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>操作未能完成，发生内部错误：{0}。请重试；如仍出错，请联系系统管理员。</source>
        <translation>The operation could not be completed because of an internal error: {0}. Please try again; if it keeps failing, contact the system administrator.</translation>
    </message>
</context>
<context>
    <name>TeamSection</name>
    <message>
        <source>调查须由两名以上工作人员进行（第十二条）；被投诉单位的人员应当回避。勾选调查人员后按“指派调查组”。</source>
        <translation>An investigation needs at least two staff (Art. 12); staff of the respondent&apos;s unit must recuse themselves. Tick the investigators, then press &quot;Assign team&quot;.</translation>
    </message>
    <message>
        <source>指派调查组(&amp;A)</source>
        <translation>&amp;Assign team</translation>
    </message>
    <message>
        <source>当前调查组：{0}</source>
        <translation>Current team: {0}</translation>
    </message>
    <message>
        <source>尚未指派调查组。</source>
        <translation>No team assigned yet.</translation>
    </message>
    <message>
        <source>调查须由两名以上工作人员进行（第十二条），当前只选了{0}人。</source>
        <translation>An investigation needs at least two staff (Art. 12); only {0} selected.</translation>
    </message>
    <message>
        <source>已指派调查组，案件进入调查。</source>
        <translation>Team assigned; the case is now under investigation.</translation>
    </message>
</context>
<context>
    <name>TranscriptEditor</name>
    <message>
        <source>答：</source>
        <translation>A:</translation>
    </message>
    <message>
        <source>问{0}：</source>
        <translation>Q{0}:</translation>
    </message>
    <message>
        <source>恢复未保存的内容</source>
        <translation>Restore unsaved content</translation>
    </message>
    <message>
        <source>丢弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>开始时间</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>结束时间</source>
        <translation>End</translation>
    </message>
    <message>
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>被调查人</source>
        <translation>Interviewee</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>身份证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>工作单位/职务</source>
        <translation>Employer/position</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>调查人员（≥2）</source>
        <translation>Investigators (≥2)</translation>
    </message>
    <message>
        <source>告知事项</source>
        <translation>Notices given</translation>
    </message>
    <message>
        <source>插入标准告知事项</source>
        <translation>Insert standard notices</translation>
    </message>
    <message>
        <source>问答（Tab/回车：问→答→下一问；Shift+回车换行；Ctrl+T 常用问题）</source>
        <translation>Questions/answers (Tab/Enter: Q → A → next Q; Shift+Enter: new line; Ctrl+T: common questions)</translation>
    </message>
    <message>
        <source>常用问题(&amp;T)</source>
        <translation>Common &amp;questions</translation>
    </message>
    <message>
        <source>新笔录（草稿）：填写后自动保存。</source>
        <translation>New transcript (draft): saved automatically as you type.</translation>
    </message>
    <message>
        <source>已封存：被调查人已逐页签字/捺印确认，内容不能再修改。内容哈希 {0}</source>
        <translation>Sealed: the interviewee signed/thumbprinted every page; the content can no longer be changed. Content hash {0}</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>已打印，等待被调查人逐页签字/捺印（修改内容后须重新打印）</source>
        <translation>Printed; awaiting the interviewee&apos;s signature/thumbprint on each page (reprint after any change)</translation>
    </message>
    <message>
        <source>&#x3000;· 更正第 {0} 号笔录</source>
        <translation>&#x3000;· corrects transcript no. {0}</translation>
    </message>
    <message>
        <source>有未保存的修改（已存本机恢复文件）…</source>
        <translation>Unsaved changes (kept in a local recovery file)…</translation>
    </message>
    <message>
        <source>发现 {0} 未保存到数据库的笔录内容（程序意外退出？）。</source>
        <translation>Found transcript content from {0} not saved to the database (did the program exit unexpectedly?).</translation>
    </message>
    <message>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存 {0}</source>
        <translation>Saved {0}</translation>
    </message>
    <message>
        <source>未保存：内容保留在屏幕和本机恢复文件中。</source>
        <translation>Not saved: the content is kept on screen and in the local recovery file.</translation>
    </message>
</context>
<context>
    <name>TranscriptSection</name>
    <message>
        <source>新建笔录(&amp;N)</source>
        <translation>&amp;New transcript</translation>
    </message>
    <message>
        <source>打印供签字(&amp;P)</source>
        <translation>&amp;Print for signing</translation>
    </message>
    <message>
        <source>上传签字扫描件…</source>
        <translation>Upload signed scan…</translation>
    </message>
    <message>
        <source>更正理由</source>
        <translation>Correction reason</translation>
    </message>
    <message>
        <source>更正（新建关联笔录）</source>
        <translation>Correct (new linked transcript)</translation>
    </message>
    <message>
        <source> · 更正#{0}</source>
        <translation> · corrects #{0}</translation>
    </message>
    <message>
        <source>签字扫描件：</source>
        <translation>Signed scan: </translation>
    </message>
    <message>
        <source>尚未上传签字扫描件。</source>
        <translation>No signed scan uploaded yet.</translation>
    </message>
    <message>
        <source>笔录已生成，请打印后交被调查人逐页签字或捺印。</source>
        <translation>Transcript generated; print it and have the interviewee sign or thumbprint every page.</translation>
    </message>
    <message>
        <source>全部页已签认，笔录已封存。</source>
        <translation>All pages signed; the transcript is sealed.</translation>
    </message>
    <message>
        <source>已登记第 {0} 页：{1}。</source>
        <translation>Page {0} recorded: {1}.</translation>
    </message>
    <message>
        <source>已新建更正笔录，与原笔录关联；原笔录保持封存。</source>
        <translation>Correction transcript created and linked to the original; the original stays sealed.</translation>
    </message>
    <message>
        <source>选择签字笔录扫描件</source>
        <translation>Choose the signed transcript scan</translation>
    </message>
    <message>
        <source>PDF 或图片 (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>PDF or image (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <source>扫描件已上传，但扫描件有 {0} 页，打印版本为 {1} 页，请核对是否漏扫。</source>
        <translation>Scan uploaded, but it has {0} pages while the printed version has {1}; check for missing pages.</translation>
    </message>
    <message>
        <source>签字扫描件“{0}”已上传。</source>
        <translation>Signed scan &quot;{0}&quot; uploaded.</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>用户与角色</source>
        <translation>Users and roles</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>所在单位（被投诉单位的工作人员须回避）</source>
        <translation>Unit (staff of a respondent&apos;s unit must recuse themselves)</translation>
    </message>
    <message>
        <source>初始密码（首次登录须修改）</source>
        <translation>Initial password (must be changed at first sign-in)</translation>
    </message>
    <message>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <source>角色（可多选）</source>
        <translation>Roles (several allowed)</translation>
    </message>
    <message>
        <source>新建用户</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>保存角色和单位</source>
        <translation>Save roles and unit</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>已创建用户 {0}，首次登录须修改密码。</source>
        <translation>User {0} created; the password must be changed at first sign-in.</translation>
    </message>
    <message>
        <source>请先在表格中选择一位用户。</source>
        <translation>First select a user in the table.</translation>
    </message>
    <message>
        <source>已保存 {0} 的角色和单位。</source>
        <translation>Roles and unit of {0} saved.</translation>
    </message>
    <message>
        <source>已停用 {0}（记录保留，不能再登录）。</source>
        <translation>{0} disabled (records kept; can no longer sign in).</translation>
    </message>
    <message>
        <source>已启用 {0}。</source>
        <translation>{0} enabled.</translation>
    </message>
</context>
</TS>
