<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ArchivePane</name>
    <message>
        <source>立卷、归档检查和借阅将显示在这里。</source>
        <translation>Volume binding, archive checks and lending will appear here.</translation>
    </message>
    <message>
        <source>归档</source>
        <translation>Archive</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>今日待办、即将到期和已逾期的时限将显示在这里。</source>
        <translation>Today&apos;s tasks and deadlines due soon or overdue will appear here.</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
</context>
<context>
    <name>InvestigationPane</name>
    <message>
        <source>调查笔录、证据和处理意见将显示在这里。</source>
        <translation>Interview transcripts, evidence and handling proposals will appear here.</translation>
    </message>
    <message>
        <source>调查记录</source>
        <translation>Investigation</translation>
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
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
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
        <source>备份数据库</source>
        <translation>Back up database</translation>
    </message>
    <message>
        <source>备份功能尚未接入。请由系统管理员使用命令行备份数据库。</source>
        <translation>Backup is not connected yet. Ask the system administrator to back up the database from the command line.</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>恢复功能尚未接入。请由系统管理员使用命令行恢复数据库。</source>
        <translation>Restore is not connected yet. Ask the system administrator to restore the database from the command line.</translation>
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
    <name>RegistrationPane</name>
    <message>
        <source>投诉登记、受理审查和告知文书将显示在这里。</source>
        <translation>Registration, acceptance review and notices will appear here.</translation>
    </message>
    <message>
        <source>投诉登记</source>
        <translation>Registration</translation>
    </message>
</context>
<context>
    <name>StatisticsPane</name>
    <message>
        <source>统计报表和 Excel 导出将显示在这里。</source>
        <translation>Statistical reports and Excel export will appear here.</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>操作未能完成，发生内部错误：{0}。请重试；如仍出错，请联系系统管理员。</source>
        <translation>The operation could not be completed because of an internal error: {0}. Please try again; if it keeps failing, contact the system administrator.</translation>
    </message>
</context>
</TS>
