<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="80"/>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="93"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="94"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="95"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="96"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="97"/>
        <source>First password</source>
        <translation>初始密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="98"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="99"/>
        <source>Tell the user the first password; they change it after signing in.</source>
        <translation>请把初始密码告诉该用户；登录后由本人修改。</translation>
    </message>
</context>
<context>
    <name>AdminSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="249"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="252"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="255"/>
        <source>Secrecy</source>
        <translation>密级设置</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/estate_desk/ui/app.py" line="43"/>
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/app.py" line="141"/>
        <source>The archive cannot be opened</source>
        <translation>无法打开档案库</translation>
    </message>
</context>
<context>
    <name>ArchiveBrowser</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="81"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="81"/>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="133"/>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="150"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="86"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="87"/>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="129"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="88"/>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="130"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="89"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="90"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="91"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="92"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="93"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="94"/>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="132"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="95"/>
        <source>Place</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="96"/>
        <source>Track</source>
        <translation>双轨</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="128"/>
        <source>Volume</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="131"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="151"/>
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="229"/>
        <source>closed</source>
        <translation>已封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="229"/>
        <source>open</source>
        <translation>未封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="241"/>
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="258"/>
        <source>Work lists</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="263"/>
        <source>To digitise</source>
        <translation>待数字化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="264"/>
        <source>Paper missing</source>
        <translation>纸质件未归位</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="270"/>
        <source>Paper originals without a scan</source>
        <translation>有纸质原件但尚无扫描件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/browser.py" line="272"/>
        <source>Originals that stand in no box</source>
        <translation>原件未装入任何档案盒</translation>
    </message>
</context>
<context>
    <name>ArchiveSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="70"/>
        <source>Records</source>
        <translation>档案浏览</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="71"/>
        <source>Cabinets</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="72"/>
        <source>Owners</source>
        <translation>业主档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="74"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="76"/>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="77"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="78"/>
        <source>Attach file…</source>
        <translation>挂接附件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="79"/>
        <source>File into volume…</source>
        <translation>组卷…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="80"/>
        <source>Put in box…</source>
        <translation>装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="81"/>
        <source>Put box in cabinet…</source>
        <translation>上架…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="82"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="83"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="94"/>
        <source>Register a new document in the category chosen on the left</source>
        <translation>在左侧所选门类中登记新档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="95"/>
        <source>Edit the chosen document&apos;s register entry</source>
        <translation>修改所选档案的登记内容</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="96"/>
        <source>Attach a scan or file to the chosen document</source>
        <translation>给所选档案挂接扫描件或文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="97"/>
        <source>File the chosen document into a volume (卷)</source>
        <translation>把所选档案组入案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="98"/>
        <source>Put the chosen document or volume in an archive box</source>
        <translation>把所选档案或案卷装入档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="99"/>
        <source>Give an archive box its place: cabinet, shelf and position</source>
        <translation>为档案盒定位：档案柜、层、格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="100"/>
        <source>Read the lists again from the database</source>
        <translation>从数据库重新读取列表</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="101"/>
        <source>Save the records or volumes listed, as shown, as an Excel workbook</source>
        <translation>将列出的档案或案卷按所显示的样子保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="155"/>
        <source>Owner files are top secret (绝密): your clearance does not open them.</source>
        <translation>业主档案为绝密，本人密级不能打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="180"/>
        <source>Scanned “{code}”: no box, volume or document has this code.</source>
        <translation>扫描到“{code}”：没有档案盒、案卷或档案使用此编号。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="182"/>
        <source>Scanned “{code}”.</source>
        <translation>已扫描“{code}”。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="206"/>
        <source>Choose a document first.</source>
        <translation>请先选择一份档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="235"/>
        <source>Registered {number}.</source>
        <translation>已登记 {number}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="301"/>
        <source>Void mark lifted.</source>
        <translation>已撤销作废标记。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="301"/>
        <source>Marked void (作废).</source>
        <translation>已标记为作废。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="320"/>
        <source>Volume closed.</source>
        <translation>案卷已封卷。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="391"/>
        <source>Copying {files} into the archive…</source>
        <translation>正在将 {files} 复制到档案库…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="392"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="398"/>
        <source>Attaching files</source>
        <translation>挂接附件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="424"/>
        <source>Attached {n} file(s).</source>
        <translation>已挂接 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/section.py" line="430"/>
        <source>Copy cancelled; nothing was kept.</source>
        <translation>已取消复制，未保留任何内容。</translation>
    </message>
</context>
<context>
    <name>ArrearDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="104"/>
        <source>Enter an arrear</source>
        <translation>登记欠费</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="118"/>
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="119"/>
        <source>Fee</source>
        <translation>费用类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="120"/>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="121"/>
        <source>Unpaid since</source>
        <translation>欠费起始日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="122"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="127"/>
        <source>Enter arrear</source>
        <translation>登记欠费</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="138"/>
        <source>Choose a household from the list.</source>
        <translation>请从列表中选择住户。</translation>
    </message>
</context>
<context>
    <name>ArrearsPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="58"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="59"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="60"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="61"/>
        <source>Fees</source>
        <translation>欠费类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="62"/>
        <source>Owed</source>
        <translation>欠费金额</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="63"/>
        <source>In arrears since</source>
        <translation>欠费起始</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="64"/>
        <source>Last follow-up</source>
        <translation>上次跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="65"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="66"/>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="80"/>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="88"/>
        <source>Fee</source>
        <translation>费用类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="80"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="80"/>
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="80"/>
        <source>Settled on</source>
        <translation>结清日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="80"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="88"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="88"/>
        <source>By</source>
        <translation>跟进人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="88"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="88"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="98"/>
        <source>Follow-ups</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="99"/>
        <source>Arrears</source>
        <translation>欠费明细</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="100"/>
        <source>Record follow-up…</source>
        <translation>登记跟进…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="102"/>
        <source>Enter arrear…</source>
        <translation>登记欠费…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="104"/>
        <source>Settle…</source>
        <translation>结清…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="105"/>
        <source>Settle the arrear chosen under “Arrears”</source>
        <translation>结清「欠费明细」中选中的一笔</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="148"/>
        <source>never</source>
        <translation>尚未跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="162"/>
        <source>unpaid</source>
        <translation>未缴</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="184"/>
        <source>{n} households in arrears. {summary}</source>
        <translation>共 {n} 户欠费。{summary}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="204"/>
        <source>Choose a household to see its arrears and follow-ups.</source>
        <translation>选择一户以查看其欠费明细和跟进记录。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="210"/>
        <source>owes {total}</source>
        <translation>欠费 {total}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="237"/>
        <source>Choose a household in the list first.</source>
        <translation>请先在列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="263"/>
        <source>Choose the unpaid arrear to settle under “Arrears”.</source>
        <translation>请在「欠费明细」中选择要结清的未缴欠费。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="275"/>
        <source>Arrear entered for {room}.</source>
        <translation>已为 {room} 登记欠费。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="280"/>
        <source>Follow-up recorded for {room}.</source>
        <translation>已登记 {room} 的跟进。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_page.py" line="283"/>
        <source>{room}: {fee} settled on {day}.</source>
        <translation>{room}：{fee}已于 {day} 结清。</translation>
    </message>
</context>
<context>
    <name>ArrivedDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="134"/>
        <source>Arrived on site</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="134"/>
        <source>Record arrival</source>
        <translation>登记到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="138"/>
        <source>Due on site by</source>
        <translation>应到场时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="139"/>
        <source>Arrived at</source>
        <translation>到场时间</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="61"/>
        <source>Assign pending pages to a record</source>
        <translation>将待处理页面挂接到档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="68"/>
        <source>Record</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="70"/>
        <source>Pages {pages} ({reason}) become the chosen record&apos;s scan.</source>
        <translation>第 {pages} 页（{reason}）将作为所选档案的扫描件。</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="87"/>
        <source>Open with the system program</source>
        <translation>用系统程序打开</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="120"/>
        <source>Choose an attachment to preview it.</source>
        <translation>选择附件即可预览。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="145"/>
        <source>“{name}” opens in the system&apos;s own program.</source>
        <translation>“{name}”需用系统程序打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="147"/>
        <source>“{name}” cannot be shown here; open it with the system program.</source>
        <translation>“{name}”无法在此预览，请用系统程序打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="171"/>
        <source>The encrypted attachment “{name}” cannot be shown here.</source>
        <translation>加密附件“{name}”无法在此显示。</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="54"/>
        <source>user name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="55"/>
        <source>archive number, name, printout…</source>
        <translation>档号、姓名、打印件……</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="57"/>
        <source>every action</source>
        <translation>全部动作</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="61"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="61"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="66"/>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="67"/>
        <source>Check the chain</source>
        <translation>校验哈希链</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="68"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="77"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="78"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="79"/>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="97"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="80"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="81"/>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="99"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="82"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="83"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="84"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="85"/>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="147"/>
        <source>{count} rows (the newest {limit} at most).</source>
        <translation>共 {count} 条（最多显示最新的 {limit} 条）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="157"/>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="161"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="157"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 文件 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="161"/>
        <source>Why is it exported?</source>
        <translation>导出原因：</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/audit_view.py" line="175"/>
        <source>{count} rows exported to {file}.</source>
        <translation>已导出 {count} 条到 {file}。</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="68"/>
        <source>&amp;Back up the archive…</source>
        <translation>备份档案库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="71"/>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="74"/>
        <source>&amp;Check the archive</source>
        <translation>检查档案库(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="88"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="102"/>
        <source>Cancelled; nothing was kept.</source>
        <translation>已取消，未留下任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="128"/>
        <source>Something unexpected went wrong; details are in the log.</source>
        <translation>发生意外错误，详情已写入日志。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="130"/>
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="140"/>
        <source>Back up the archive</source>
        <translation>备份档案库</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="142"/>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="160"/>
        <source>Estate Desk backup (*.edbackup)</source>
        <translation>Estate Desk 备份 (*.edbackup)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="154"/>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="156"/>
        <source>Backing up the archive to {file}…</source>
        <translation>正在把档案库备份到 {file}…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="160"/>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="166"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="168"/>
        <source>The archive in this database and its attachment store will be replaced by the backup {file}; what is there now is emptied first, never mixed with it (the old attachment store is moved aside). Estate Desk closes afterwards. Go on?</source>
        <translation>本数据库中的档案及其附件库将被备份 {file} 替换：现有内容会先清空，绝不与备份混合（原附件库移到一旁保留）。完成后程序将关闭。是否继续？</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="191"/>
        <source>Checking and restoring {file}…</source>
        <translation>正在校验并恢复 {file}…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="204"/>
        <source>Checking the archive…</source>
        <translation>正在检查档案库…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="216"/>
        <source>The archive could not be reached; the scheduled backup waits for the next turn.</source>
        <translation>无法连接档案库，定时备份将在下一次再试。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="234"/>
        <source>Automatic backup: {file}</source>
        <translation>自动备份：{file}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_actions.py" line="258"/>
        <source>Automatic backup skipped: {reason}</source>
        <translation>自动备份已跳过：{reason}</translation>
    </message>
</context>
<context>
    <name>BackupUnlockDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="27"/>
        <source>Open the backup {file}</source>
        <translation>打开备份 {file}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="30"/>
        <source>Backups are encrypted with the key of the archive that made them. Sign in as a user of that archive, or give its recovery key.</source>
        <translation>备份用制作它的档案库的密钥加密。请以该档案库的用户登录，或输入它的恢复密钥。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="35"/>
        <source>User name and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="36"/>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="47"/>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="44"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/maintenance/backup_unlock.py" line="45"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>BatchPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="75"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="96"/>
        <source>Records</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="100"/>
        <source>Findings</source>
        <translation>质检问题</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="101"/>
        <source>Pending (待处理)</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="102"/>
        <source>Step log</source>
        <translation>环节记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="103"/>
        <source>Last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="106"/>
        <source>Acceptance (验收)</source>
        <translation>验收</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="108"/>
        <source>Four properties · OCR</source>
        <translation>四性检测 · 文字识别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="127"/>
        <source>Next step…</source>
        <translation>下一环节…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="127"/>
        <source>Move the batch to its next step</source>
        <translation>将批次推进到下一环节</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="128"/>
        <source>Back to scanning…</source>
        <translation>退回扫描…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="128"/>
        <source>Send the batch back to 扫描 for a rescan</source>
        <translation>将批次退回“扫描”环节重扫</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="130"/>
        <source>Cover sheets…</source>
        <translation>扫描分隔页…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="130"/>
        <source>Write the cover sheets as a PDF</source>
        <translation>将扫描分隔页写成 PDF</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="131"/>
        <source>Print sheets…</source>
        <translation>打印分隔页…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="131"/>
        <source>Send the cover sheets written to a printer</source>
        <translation>把已写出的分隔页送到打印机</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="133"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="133"/>
        <source>Import a scanned stack: split and link</source>
        <translation>导入一叠扫描件：拆分并挂接</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="135"/>
        <source>Quality check</source>
        <translation>质检</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="135"/>
        <source>Check every record&apos;s scan, page by page</source>
        <translation>逐件逐页检查扫描件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="137"/>
        <source>Return boxes…</source>
        <translation>归还档案盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="137"/>
        <source>Scan each box back into the archive room</source>
        <translation>逐盒扫描，归还库房（入库）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="139"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="139"/>
        <source>Read the batch again</source>
        <translation>重新读取批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="160"/>
        <source>Drop…</source>
        <translation>舍弃…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="162"/>
        <source>Rescan…</source>
        <translation>重扫…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="164"/>
        <source>Assign to a record…</source>
        <translation>挂接到档案…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="195"/>
        <source>Choose a batch, or make a new one (Ctrl+Shift+B).</source>
        <translation>请选择一个批次，或新建批次（Ctrl+Shift+B）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="207"/>
        <source>{code} {title} — {step}: {scanned} of {records} records scanned, {pending} pending</source>
        <translation>{code} {title} — {step}：已扫描 {scanned}/{records} 件，待处理 {pending} 项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="214"/>
        <source>{dpi} dpi at least, {colour}, one format: {format}</source>
        <translation>分辨率不低于 {dpi} dpi，{colour}，统一格式：{format}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="272"/>
        <source>Batch {code} is now at “{step}”.</source>
        <translation>批次 {code} 现处于“{step}”。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="296"/>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="446"/>
        <source>Choose a pending item first.</source>
        <translation>请先选择一个待处理项。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="304"/>
        <source>Settled; the item stays in the batch&apos;s record.</source>
        <translation>已处理；该项仍保留在批次记录中。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="310"/>
        <source>Choose a batch first.</source>
        <translation>请先选择一个批次。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="319"/>
        <source>Save the cover sheets</source>
        <translation>保存扫描分隔页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="333"/>
        <source>Wrote {pages} cover sheet page(s) to {path}.</source>
        <translation>已将 {pages} 页扫描分隔页写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="336"/>
        <source>Writing the sheets…</source>
        <translation>正在生成分隔页…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="342"/>
        <source>Print the cover sheets</source>
        <translation>打印扫描分隔页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="353"/>
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>已将 {pages} 页送到打印机。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="355"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="361"/>
        <source>Import scanned files</source>
        <translation>导入扫描文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="361"/>
        <source>Scans ({kinds})</source>
        <translation>扫描件（{kinds}）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="380"/>
        <source>Importing {n} file(s)…</source>
        <translation>正在导入 {n} 个文件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="388"/>
        <source>Import cancelled; nothing was stored.</source>
        <translation>导入已取消，未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="394"/>
        <source>This stack was imported before; nothing was attached again.</source>
        <translation>这叠扫描件已导入过，未重复挂接。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="398"/>
        <source>{pages} pages: {linked} record(s) linked, {pending} pending.</source>
        <translation>共 {pages} 页：挂接 {linked} 件，待处理 {pending} 项。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="413"/>
        <source>Checking the scans…</source>
        <translation>正在质检扫描件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="427"/>
        <source>{checked} record(s) checked, {failed} with findings.</source>
        <translation>已检查 {checked} 件，{failed} 件有问题。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="431"/>
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/batch_page.py" line="439"/>
        <source>Choose a record first.</source>
        <translation>请先选择一件档案。</translation>
    </message>
</context>
<context>
    <name>BoardBanner</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="71"/>
        <source>Nobody is at the service desk now (staffed {hours}). Call: {contacts}</source>
        <translation>服务中心现在无人值守（值班时间 {hours}）。请联系：{contacts}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="82"/>
        <source>On call: {contacts}</source>
        <translation>值班电话：{contacts}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="93"/>
        <source>Not closed (日清): {days} — open the daily review (F6).</source>
        <translation>尚未日清：{days} —— 请打开日清日审（F6）。</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="101"/>
        <source>Arrival (3 min)</source>
        <translation>到场（3分钟）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="102"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="103"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="104"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="105"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="106"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="107"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="108"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="109"/>
        <source>First receiver</source>
        <translation>首按责任人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="110"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="338"/>
        <source>Someone arrived on site at {time}</source>
        <translation>已于 {time} 到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="340"/>
        <source>Delay explained in advance: someone is expected by {time}</source>
        <translation>已事先解释延迟：预计 {time} 前到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="341"/>
        <source>Someone must be on site by {time} (3 minutes)</source>
        <translation>须于 {time} 前到场（三分钟）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="343"/>
        <source>Handled at {time}; promised by {due}</source>
        <translation>已于 {time} 处理完毕；承诺时限 {due}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="344"/>
        <source>Promised by {time}</source>
        <translation>承诺时限 {time}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="367"/>
        <source>awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="369"/>
        <source>repeat complaint</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="371"/>
        <source>postponed once</source>
        <translation>已延期一次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_model.py" line="373"/>
        <source>delay explained</source>
        <translation>已事先解释</translation>
    </message>
</context>
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="112"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="118"/>
        <source>Handler / dispatch</source>
        <translation>处理人 / 派工</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="119"/>
        <source>Arrived</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="122"/>
        <source>Progress note</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="123"/>
        <source>Work done</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="124"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="138"/>
        <source>Take a call or a visitor as a new ticket</source>
        <translation>把来电或来访登记为新工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="152"/>
        <source>Open the chosen ticket: its promises, notes and history</source>
        <translation>打开所选工单：承诺、跟进记录和经过</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="139"/>
        <source>Name who handles the chosen ticket, or dispatch it</source>
        <translation>指定所选工单的处理人，或派工</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="116"/>
        <source>New ticket</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="117"/>
        <source>Open</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="120"/>
        <source>Explain delay</source>
        <translation>延迟解释</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="121"/>
        <source>Postpone</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="125"/>
        <source>On call</source>
        <translation>值班电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="126"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="140"/>
        <source>Record that the handler is on site (the 3-minute promise)</source>
        <translation>登记处理人已到场（三分钟服务承诺）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="141"/>
        <source>Record why the chosen ticket is late</source>
        <translation>登记所选工单迟到的原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="142"/>
        <source>Postpone a promise once, at the owner&apos;s request</source>
        <translation>应业主要求延期一次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="143"/>
        <source>Add a progress note to the chosen ticket</source>
        <translation>为所选工单记录跟进情况</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="144"/>
        <source>Record the work as done and the owner&apos;s sign-off</source>
        <translation>登记处理完毕和业主确认</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="145"/>
        <source>Record the return visit to the owner</source>
        <translation>登记对业主的回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="147"/>
        <source>Show the board alone on the screen, for a wall monitor; again to bring it back</source>
        <translation>看板全屏显示，用于墙上的显示器；再按一次恢复</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="151"/>
        <source>Show or hide the on-call numbers</source>
        <translation>显示或隐藏值班电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="154"/>
        <source>Sound</source>
        <translation>声音提醒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="155"/>
        <source>Beep when a ticket&apos;s countdown turns red</source>
        <translation>工单倒计时变红时响铃提醒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="162"/>
        <source>Open the list of return visits waiting</source>
        <translation>打开待回访清单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="289"/>
        <source>{n} open</source>
        <translation>未办结 {n} 张</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="292"/>
        <source>Return visits due: {n}</source>
        <translation>待回访：{n}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board.py" line="330"/>
        <source>Choose a ticket on the board first.</source>
        <translation>请先在看板上选择一张工单。</translation>
    </message>
</context>
<context>
    <name>BorrowerLoans</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="198"/>
        <source>Type or choose a borrower, then Show</source>
        <translation>输入或选择借阅人，然后点击显示</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="199"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="207"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
</context>
<context>
    <name>BoxDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="156"/>
        <source>Put {what} in a box</source>
        <translation>将 {what} 装盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="157"/>
        <source>A box (choose, type or scan its code)</source>
        <translation>已有档案盒（选择、输入或扫描盒号）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="158"/>
        <source>A new box</source>
        <translation>新建档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="161"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="168"/>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="173"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="174"/>
        <source>Spine width</source>
        <translation>盒脊宽度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="191"/>
        <source>No box of this category has that code.</source>
        <translation>本门类没有这个盒号的档案盒。</translation>
    </message>
</context>
<context>
    <name>BoxPanel</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="140"/>
        <source>Click a box to open it.</source>
        <translation>点击档案盒即可打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="143"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="143"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="143"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="157"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="157"/>
        <source>From</source>
        <translation>原位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="157"/>
        <source>To</source>
        <translation>新位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="157"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="157"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="161"/>
        <source>Move box…</source>
        <translation>移动档案盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="168"/>
        <source>Moves</source>
        <translation>移动记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="184"/>
        <source>{category} · {year} · {retention} · spine {spine} mm&lt;br&gt;Items {first} … {last} ({count})&lt;br&gt;Place: {place}</source>
        <translation>{category} · {year} · {retention} · 盒脊 {spine} 毫米&lt;br&gt;起止档号 {first} … {last}（{count} 件）&lt;br&gt;位置：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="194"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="197"/>
        <source>{hidden} more item(s) above your clearance are not shown.</source>
        <translation>另有 {hidden} 件高于您的密级权限，未显示。</translation>
    </message>
</context>
<context>
    <name>CabinetDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="302"/>
        <source>New cabinet</source>
        <translation>新建档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="304"/>
        <source>e.g. 5号档案柜</source>
        <translation>例如：5号档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="305"/>
        <source>e.g. 档案室</source>
        <translation>例如：档案室</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="308"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="309"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="310"/>
        <source>Location</source>
        <translation>所在位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="311"/>
        <source>Shelves</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="312"/>
        <source>Positions per shelf</source>
        <translation>每层格数</translation>
    </message>
</context>
<context>
    <name>CabinetGridModel</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="102"/>
        <source>At the scanner</source>
        <translation>在数字化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="105"/>
        <source>
Out for digitisation, batch {batch}</source>
        <translation>
在数字化，批次 {batch}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="117"/>
        <source>Shelf {n}</source>
        <translation>第{n}层</translation>
    </message>
</context>
<context>
    <name>CabinetView</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="225"/>
        <source>New cabinet…</source>
        <translation>新建档案柜…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="246"/>
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/cabinet_view.py" line="286"/>
        <source>{location} · {shelves} shelves × {positions} positions · {boxes} boxes</source>
        <translation>{location} · {shelves} 层 × {positions} 格 · {boxes} 盒</translation>
    </message>
</context>
<context>
    <name>CarryOutDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="226"/>
        <source>Carry out batch {code}</source>
        <translation>实施销毁：批次 {code}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="230"/>
        <source>One witness (监销人) per line, at least two</source>
        <translation>每行一名监销人，至少两名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="236"/>
        <source>Witnesses</source>
        <translation>监销人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="237"/>
        <source>Method</source>
        <translation>销毁方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="238"/>
        <source>Place</source>
        <translation>销毁地点</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="241"/>
        <source>The approved records become 已销毁 (their catalogue entries stay), their files are deleted and the manifest is filed in the archive. This cannot be undone.</source>
        <translation>经批准的档案将标记为“已销毁”（保留目录信息），其电子文件将被删除，销毁清册归档保存。此操作不可撤销。</translation>
    </message>
</context>
<context>
    <name>CensusPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="101"/>
        <source>Start the census</source>
        <translation>发起普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="102"/>
        <source>Gives every household without one a task; safe to repeat.</source>
        <translation>为尚无任务的每户生成普查任务；可重复执行。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="107"/>
        <source>Still to check</source>
        <translation>未普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="108"/>
        <source>Checked</source>
        <translation>已普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="109"/>
        <source>All households</source>
        <translation>全部住户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="111"/>
        <source>Check household…</source>
        <translation>登记普查…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="115"/>
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="116"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="117"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="118"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="119"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="120"/>
        <source>By</source>
        <translation>普查人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="121"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="122"/>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="123"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="139"/>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="144"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="179"/>
        <source>checked</source>
        <translation>已普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="179"/>
        <source>open</source>
        <translation>未普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="199"/>
        <source>%v of %m households checked</source>
        <translation>已普查 %v/%m 户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="199"/>
        <source>not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="203"/>
        <source>{quarter}: {done} of {total} households checked, {open} to go — {status}</source>
        <translation>{quarter}：已普查 {done}/{total} 户，剩余 {open} 户 —— {status}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="207"/>
        <source>{quarter}: the census has not been started — {status}</source>
        <translation>{quarter}：普查尚未开始 —— {status}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="235"/>
        <source>{n} households were given a census task ({total} in all).</source>
        <translation>已为 {n} 户生成普查任务（共 {total} 户）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="241"/>
        <source>Every household already has a task ({total} in all).</source>
        <translation>每户都已有普查任务（共 {total} 户）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="262"/>
        <source>Choose a household in the list first.</source>
        <translation>请先在列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="281"/>
        <source>no changes</source>
        <translation>无变更</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="282"/>
        <source>{room} checked: {changes}.</source>
        <translation>{room} 已普查：{changes}。</translation>
    </message>
</context>
<context>
    <name>CensusTaskDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="56"/>
        <source>Household census: {room}</source>
        <translation>家庭情况普查：{room}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="61"/>
        <source>What the household said, anything to follow up (optional)</source>
        <translation>住户反映的情况、需跟进的事项（选填）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="66"/>
        <source>The room has no current owner; only a note can be recorded.</source>
        <translation>该房间目前没有业主，只能登记备注。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="69"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="70"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="71"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/census_page.py" line="76"/>
        <source>Mark as checked</source>
        <translation>登记已普查</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="167"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="172"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="173"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="174"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="88"/>
        <source>Check every row</source>
        <translation>逐行检查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="89"/>
        <source>Nothing is written yet. Fix the file, or exclude the rows with problems.</source>
        <translation>尚未写入任何数据。请修改文件，或排除有问题的行。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="91"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="95"/>
        <source>Cancel check</source>
        <translation>取消检查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="97"/>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="101"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="101"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="101"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="101"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="113"/>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="245"/>
        <source>Exclude the rows with problems</source>
        <translation>排除有问题的行</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="131"/>
        <source>{problem} (row excluded)</source>
        <translation>{problem}（已排除此行）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="177"/>
        <source>Checking every row…</source>
        <translation>正在逐行检查……</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="200"/>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="208"/>
        <source>Check cancelled.</source>
        <translation>检查已取消。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="243"/>
        <source>Exclude the {n} rows with problems</source>
        <translation>排除有问题的 {n} 行</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="65"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="65"/>
        <source>Item</source>
        <translation>检测项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="65"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="65"/>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="65"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="69"/>
        <source>Four-properties check</source>
        <translation>四性检测</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="70"/>
        <source>Save report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="71"/>
        <source>File the report</source>
        <translation>报告归档</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="72"/>
        <source>Read the text (OCR)</source>
        <translation>识别文字（OCR）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="118"/>
        <source>Four-properties check…</source>
        <translation>正在进行四性检测…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="124"/>
        <source>{records} record(s) checked: {failed} item(s) failed.</source>
        <translation>已检测 {records} 件档案：{failed} 项不通过。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="132"/>
        <source>Save the report</source>
        <translation>保存检测报告</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="148"/>
        <source>Report saved to {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="151"/>
        <source>Writing the report…</source>
        <translation>正在生成报告…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="169"/>
        <source>The report is filed as a record of the archive.</source>
        <translation>检测报告已作为档案归档。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="171"/>
        <source>Filing the report…</source>
        <translation>正在归档报告…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="184"/>
        <source>Reading the text of the scans…</source>
        <translation>正在识别扫描件文字…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="187"/>
        <source>Text read: {read} page(s) now, {already} before, {withheld} kept sealed.</source>
        <translation>文字识别：本次 {read} 页，此前已识别 {already} 页，{withheld} 页因密级封存未识别。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/checks_panel.py" line="191"/>
        <source>Stopped. </source>
        <translation>已停止。</translation>
    </message>
</context>
<context>
    <name>ClearanceDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="149"/>
        <source>Clearance of {user}</source>
        <translation>{user} 的密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="150"/>
        <source>Set clearance</source>
        <translation>设置密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="156"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
</context>
<context>
    <name>CodeList</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="68"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="53"/>
        <source>Work done</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="53"/>
        <source>Record completion</source>
        <translation>登记办结</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="55"/>
        <source>What was done, as told to the owner</source>
        <translation>处理情况（向业主说明的内容）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="63"/>
        <source>Clear the signature</source>
        <translation>清除签字</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="68"/>
        <source>Owner, please sign here:</source>
        <translation>请业主在此签字：</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="72"/>
        <source>No photo chosen</source>
        <translation>未选择照片</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="73"/>
        <source>Choose the photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="80"/>
        <source>Who confirmed, at which number, when</source>
        <translation>确认人、电话号码和时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="88"/>
        <source>Done</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="89"/>
        <source>Owner confirmed by</source>
        <translation>业主确认方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="92"/>
        <source>This kind needs the owner&apos;s signature kept with the ticket.</source>
        <translation>此类工单须保留业主签字。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="112"/>
        <source>Photo of the signed slip</source>
        <translation>签字单照片</translation>
    </message>
</context>
<context>
    <name>DecisionBar</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="105"/>
        <source>Accept record</source>
        <translation>接收档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="106"/>
        <source>Accept the chosen record&apos;s scan</source>
        <translation>接收所选档案的扫描件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="108"/>
        <source>Rescan record…</source>
        <translation>退回重扫…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="109"/>
        <source>Send the chosen record to be rescanned, saying why</source>
        <translation>将所选档案退回重扫，并写明原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="111"/>
        <source>Accept all that passed</source>
        <translation>接收全部合格档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="112"/>
        <source>Accept every undecided record whose scan passes the quality check</source>
        <translation>接收所有尚未处理、扫描件通过质检的档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="135"/>
        <source>{code} accepted.</source>
        <translation>{code} 已接收。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="152"/>
        <source>{code} goes back to be rescanned.</source>
        <translation>{code} 已退回重扫。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="162"/>
        <source>{n} record(s) that passed the check were accepted.</source>
        <translation>已接收 {n} 件通过质检的档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="165"/>
        <source>Accepting…</source>
        <translation>正在接收…</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="148"/>
        <source>Decide on loan request {number}</source>
        <translation>审批借阅申请 {number}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="151"/>
        <source>{borrower} asks for {items} ({grade}), {form}, until {due}.
Purpose: {purpose}</source>
        <translation>{borrower} 申请借阅 {items}（{grade}），{form}，至 {due}。
事由：{purpose}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="162"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="164"/>
        <source>Comment; when refusing, say why</source>
        <translation>审批意见；不批准时请写明理由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="171"/>
        <source>Record decision</source>
        <translation>登记审批</translation>
    </message>
</context>
<context>
    <name>DeskSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/section.py" line="38"/>
        <source>Board</source>
        <translation>工单看板</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/section.py" line="40"/>
        <source>Daily review (F6)</source>
        <translation>日清日审（F6）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/section.py" line="41"/>
        <source>Figures</source>
        <translation>服务统计</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/section.py" line="45"/>
        <source>Daily review</source>
        <translation>日清日审</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/section.py" line="84"/>
        <source>Front desk board</source>
        <translation>前台工单看板</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="91"/>
        <source>Choose a record to see its paper and digital sides.</source>
        <translation>选择一条档案，查看其纸质与电子两方面的情况。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="129"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="130"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="131"/>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="132"/>
        <source>Document no. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="133"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="134"/>
        <source>Grade · retention</source>
        <translation>密级 · 保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="135"/>
        <source>Room · owner</source>
        <translation>房号 · 业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="136"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="140"/>
        <source>Paper side</source>
        <translation>纸质档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="143"/>
        <source>Digital side</source>
        <translation>电子档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="146"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="146"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="146"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="146"/>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="158"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="159"/>
        <source>Attach file…</source>
        <translation>挂接附件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="160"/>
        <source>File into volume…</source>
        <translation>组卷…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="161"/>
        <source>Put in box…</source>
        <translation>装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="162"/>
        <source>Legal hold…</source>
        <translation>冻结…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="206"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="206"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="221"/>
        <source>Close volume</source>
        <translation>封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="225"/>
        <source>Put volume in box…</source>
        <translation>整卷装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="294"/>
        <source>No paper original (digital record only).</source>
        <translation>无纸质原件（仅电子档案）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="295"/>
        <source>Original exists.</source>
        <translation>有纸质原件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="296"/>
        <source>Volume: {volume}</source>
        <translation>案卷：{volume}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="297"/>
        <source>Box: {box}</source>
        <translation>档案盒：{box}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="299"/>
        <source>Not yet in a box: on the “paper missing” list.</source>
        <translation>尚未装盒：列入“纸质件未归位”清单。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="301"/>
        <source>Cabinet · shelf · position: {place}</source>
        <translation>柜 · 层 · 格：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="301"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="318"/>
        <source>closed (bound)</source>
        <translation>已封卷（已装订）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="318"/>
        <source>open</source>
        <translation>未封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="320"/>
        <source>Year {year} · {state} · {count} documents · box {box}</source>
        <translation>{year} 年度 · {state} · {count} 件 · 档案盒 {box}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="327"/>
        <source>作废 (void): {reason}</source>
        <translation>作废：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="328"/>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="349"/>
        <source>Lift void mark…</source>
        <translation>撤销作废…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="328"/>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="349"/>
        <source>Mark void…</source>
        <translation>标记作废…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="336"/>
        <source>已销毁 (destroyed) in batch {batch}: only its catalogue entry is kept.</source>
        <translation>已销毁（销毁批次 {batch}），仅保留目录信息。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="342"/>
        <source>作废 (void) since {on} by {who}: {reason}</source>
        <translation>作废：{on}，{who}，原因：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/detail_pane.py" line="346"/>
        <source>Legal hold (冻结) — {hold}</source>
        <translation>冻结 — {hold}</translation>
    </message>
</context>
<context>
    <name>DigitiseSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="60"/>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="66"/>
        <source>New batch…</source>
        <translation>新建批次…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="64"/>
        <source>Make a batch from the to-digitise list or from boxes</source>
        <translation>从待数字化清单或档案盒建立批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="84"/>
        <source>Batches</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="86"/>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="99"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/section.py" line="149"/>
        <source>Batch made; print its cover sheets next (Ctrl+P).</source>
        <translation>批次已建立；下一步请打印扫描分隔页（Ctrl+P）。</translation>
    </message>
</context>
<context>
    <name>DigitiseTables</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="55"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="56"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="57"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="146"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="58"/>
        <source>Records</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="59"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="70"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="60"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="158"/>
        <source>Pending (待处理)</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="70"/>
        <source>Waiting</source>
        <translation>待扫描</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="78"/>
        <source>Passed</source>
        <translation>合格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="88"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="114"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="93"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="89"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="100"/>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="91"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="76"/>
        <source>{n} finding(s)</source>
        <translation>{n} 处问题</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="90"/>
        <source>Colour mode</source>
        <translation>色彩模式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="92"/>
        <source>Findings</source>
        <translation>质检问题</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="101"/>
        <source>Greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="102"/>
        <source>Black and white</source>
        <translation>黑白二值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="109"/>
        <source>whole record</source>
        <translation>整件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="115"/>
        <source>Page</source>
        <translation>页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="116"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="117"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="134"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="130"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="132"/>
        <source>Cover sheet on page</source>
        <translation>分隔页所在页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="133"/>
        <source>Scanned file</source>
        <translation>扫描文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="145"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="147"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="148"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="158"/>
        <source>Linked</source>
        <translation>已挂接</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="170"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="171"/>
        <source>Archive no. or reason</source>
        <translation>档号或原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="131"/>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="172"/>
        <source>Pages of the stack</source>
        <translation>所在页（整叠）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/tables.py" line="173"/>
        <source>File or details</source>
        <translation>文件或说明</translation>
    </message>
</context>
<context>
    <name>DisposalSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="84"/>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="123"/>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="175"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="84"/>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="124"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="84"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="84"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="84"/>
        <source>Expires</source>
        <translation>期满日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="85"/>
        <source>Why due</source>
        <translation>到期原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="85"/>
        <source>In batch</source>
        <translation>所在批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="96"/>
        <source>Propose batch from ticked records…</source>
        <translation>以勾选的档案提出销毁批次…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="102"/>
        <source>Expired records and void records past the grace period, minus those on legal hold.</source>
        <translation>保管期满的档案，以及作废超过宽限期的档案（冻结中的除外）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="110"/>
        <source>Due for review</source>
        <translation>到期鉴定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="114"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="114"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="114"/>
        <source>Items</source>
        <translation>条目</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="114"/>
        <source>Proposed by</source>
        <translation>鉴定人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="114"/>
        <source>Approved by</source>
        <translation>批准人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="122"/>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="125"/>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="175"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="126"/>
        <source>Decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="127"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="145"/>
        <source>Approve item</source>
        <translation>同意销毁</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="146"/>
        <source>Reject item</source>
        <translation>不同意</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="147"/>
        <source>Renew proposal</source>
        <translation>更新鉴定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="148"/>
        <source>Carry out…</source>
        <translation>实施销毁…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="149"/>
        <source>Open manifest</source>
        <translation>打开销毁清册</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="150"/>
        <source>Delete remaining files</source>
        <translation>删除剩余文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="171"/>
        <source>Destruction batches</source>
        <translation>销毁批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="175"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="175"/>
        <source>Set by</source>
        <translation>冻结人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="175"/>
        <source>Since</source>
        <translation>冻结时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="186"/>
        <source>Lift hold…</source>
        <translation>解除冻结…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="197"/>
        <source>Legal holds</source>
        <translation>冻结档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="320"/>
        <source>Choose a batch.</source>
        <translation>请选择一个批次。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="328"/>
        <source>{code}: {state}. Proposed by {who} on {when}.</source>
        <translation>{code}：{state}。鉴定人 {who}，提出时间 {when}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="332"/>
        <source>{n} file(s) still to delete.</source>
        <translation>尚有 {n} 个文件待删除。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="236"/>
        <source>changed since proposed: renew</source>
        <translation>提出后已修改，须更新鉴定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="363"/>
        <source>Tick the records to propose first.</source>
        <translation>请先勾选要提出销毁的档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="373"/>
        <source>Batch proposed; a supervisor approves it item by item.</source>
        <translation>已提出销毁批次，请主管领导逐件审批。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="378"/>
        <source>Choose an item first.</source>
        <translation>请先选择一个条目。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="410"/>
        <source>Batch carried out; the manifest is filed in the archive.</source>
        <translation>已实施销毁，销毁清册已归档。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/page.py" line="415"/>
        <source>Choose a hold first.</source>
        <translation>请先选择一条冻结记录。</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="60"/>
        <source>Attach scans and media</source>
        <translation>挂接扫描件和音像文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="85"/>
        <source>Edit document</source>
        <translation>修改档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="85"/>
        <source>Register a document</source>
        <translation>登记档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="103"/>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="106"/>
        <source>e.g. 翠物〔2026〕12号</source>
        <translation>例如：翠物〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="112"/>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="117"/>
        <source>Category default</source>
        <translation>按门类默认</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="121"/>
        <source>3栋2单元1502, 3-2-1502, 3号楼1502室 …</source>
        <translation>3栋2单元1502、3-2-1502、3号楼1502室…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="124"/>
        <source>A paper original exists</source>
        <translation>有纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="127"/>
        <source>Attach scan…</source>
        <translation>挂接扫描件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="133"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="134"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="135"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="139"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="140"/>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="141"/>
        <source>Document no. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="142"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="143"/>
        <source>Secrecy grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="144"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="145"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="147"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="152"/>
        <source>Scans and media</source>
        <translation>扫描件与音像</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="155"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="155"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="192"/>
        <source>Part of the archive number, which never changes.</source>
        <translation>属于档号的组成部分，登记后不能更改。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="203"/>
        <source>e.g. {example}</source>
        <translation>例如：{example}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="212"/>
        <source>No room: the record is not about one household.</source>
        <translation>不填房号：此档案不针对某一户。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="215"/>
        <source>Not a room code yet: write it like 3栋2单元1502, 3-2-1502 or 3号楼1502室.</source>
        <translation>房号格式不对：请按「3栋2单元1502」「3-2-1502」「3号楼1502室」等格式填写。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="224"/>
        <source>no owner on record</source>
        <translation>暂无业主登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="233"/>
        <source>The title is required.</source>
        <translation>请填写题名。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="235"/>
        <source>The room code is not valid.</source>
        <translation>房号无效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/document_dialog.py" line="237"/>
        <source>Choose a category.</source>
        <translation>请选择门类。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="25"/>
        <location filename="../../src/estate_desk/ui/errors.py" line="50"/>
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="35"/>
        <source>Something unexpected went wrong. Nothing you saved before was lost.
The details were written to the log in {folder}.</source>
        <translation>发生了意外错误。之前保存的内容都没有丢失。
详细信息已写入日志文件夹 {folder}。</translation>
    </message>
</context>
<context>
    <name>ExplainDelayDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="154"/>
        <source>Explain the delay in advance</source>
        <translation>事先解释延迟到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="155"/>
        <source>Record explanation</source>
        <translation>登记解释</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="160"/>
        <source>e.g. the repair worker is on another job in building 5</source>
        <translation>例如：维修师傅正在 5 栋处理其他报修</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="163"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="164"/>
        <source>Owner told</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="165"/>
        <source>Someone arrives by</source>
        <translation>预计到场时间</translation>
    </message>
</context>
<context>
    <name>FiguresPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="76"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="77"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="78"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="79"/>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="80"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="81"/>
        <source>Chosen dates</source>
        <translation>指定日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="85"/>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="87"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="90"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="90"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="90"/>
        <source>Of</source>
        <translation>基数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="90"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="100"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="102"/>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="174"/>
        <source>Received {start} – {end}: {kinds}</source>
        <translation>受理 {start} – {end}：{kinds}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="199"/>
        <source>Export the figures</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/figures.py" line="212"/>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="102"/>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="124"/>
        <source>Choose the roster file</source>
        <translation>选择业主名册文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="105"/>
        <source>An Excel workbook (.xlsx) or a CSV file (UTF-8 or GBK, as Chinese Excel saves it), one row per room.</source>
        <translation>Excel 工作簿（.xlsx）或 CSV 文件（UTF-8 或 GBK，即中文版 Excel 保存的格式），每行一个房间。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="110"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="124"/>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="105"/>
        <source>All kinds</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="110"/>
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="113"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="113"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="116"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="131"/>
        <source>Anyone</source>
        <translation>全部处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="134"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/board_parts.py" line="136"/>
        <source>Building {n}</source>
        <translation>{n}栋</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="31"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="36"/>
        <source>Only the records of this year</source>
        <translation>只列这一年度的档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="38"/>
        <source>Any grade</source>
        <translation>全部密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="42"/>
        <source>Box code (type or scan)</source>
        <translation>档案盒编号（输入或扫码）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="45"/>
        <source>Only the records in this box; press Enter after typing</source>
        <translation>只列这个盒里的档案；输入后按回车</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="47"/>
        <source>Paper and digital: any</source>
        <translation>纸质/电子：全部</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filter_bar.py" line="50"/>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
</context>
<context>
    <name>FirstStepsPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="32"/>
        <source>First steps of a new archive</source>
        <translation>新档案室的第一步</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="39"/>
        <source>1. Import the owner roster</source>
        <translation>1. 导入业主名册</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="40"/>
        <source>Buildings, rooms and owners from the developer&apos;s or the last company&apos;s spreadsheet.</source>
        <translation>从开发商或前物业公司的表格导入楼栋、房号和业主。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="41"/>
        <source>Import roster…</source>
        <translation>导入业主名册…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="44"/>
        <source>2. Add the office&apos;s accounts</source>
        <translation>2. 添加本处的账户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="45"/>
        <source>The archive clerk, the receptionists and the other staff, each with a role and a clearance.</source>
        <translation>档案管理员、前台接待和其他工作人员，各有角色和密级权限。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="46"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="49"/>
        <source>3. Register the first records</source>
        <translation>3. 登记第一批档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="50"/>
        <source>Each record gets its archive number as it is registered; owner files go with their room.</source>
        <translation>每件档案登记时取得档号；业主档案随房号归档。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="51"/>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="54"/>
        <source>4. Put records in boxes and print the labels</source>
        <translation>4. 装盒并打印档案盒标签</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="55"/>
        <source>Box labels carry the category in bold, the archive numbers and a barcode to scan.</source>
        <translation>档案盒标签印有粗体门类名称、档号和可扫描的条码。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="56"/>
        <source>Print labels…</source>
        <translation>打印标签…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="86"/>
        <source>{n} rooms</source>
        <translation>{n} 个房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="87"/>
        <source>{n} users</source>
        <translation>{n} 个用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="88"/>
        <source>{n} records</source>
        <translation>{n} 件档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/first_steps.py" line="89"/>
        <source>{n} boxes</source>
        <translation>{n} 个档案盒</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="46"/>
        <source>Record a follow-up: {room}</source>
        <translation>登记跟进：{room}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="51"/>
        <source>What was said: the owner&apos;s answer, a promised date …</source>
        <translation>沟通内容：业主的答复、承诺的缴费日期……</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="53"/>
        <source>{owner} owes ¥{total} since {since}</source>
        <translation>{owner} 自 {since} 起欠费 ¥{total}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="60"/>
        <source>How</source>
        <translation>跟进方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="61"/>
        <source>What was said</source>
        <translation>沟通内容</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="66"/>
        <source>Record follow-up</source>
        <translation>登记跟进</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../src/estate_desk/ui/help_view.py" line="35"/>
        <source>User guide</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>HandlerDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="96"/>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="104"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="96"/>
        <source>Assign</source>
        <translation>指定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="103"/>
        <source>Dispatch now (派工)</source>
        <translation>立即派工</translation>
    </message>
</context>
<context>
    <name>HoldDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="92"/>
        <source>Legal hold (冻结)</source>
        <translation>冻结档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="98"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="99"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="100"/>
        <source>{what} cannot be destroyed until the hold is lifted.</source>
        <translation>解除冻结前，{what} 不能销毁。</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="262"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="263"/>
        <source>All rows are written together, or none at all.</source>
        <translation>所有行一并写入，或全部不写入。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="267"/>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="271"/>
        <source>New buildings</source>
        <translation>新楼栋</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="272"/>
        <source>New rooms</source>
        <translation>新房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="273"/>
        <source>New owners</source>
        <translation>新业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="274"/>
        <source>New ownerships</source>
        <translation>新产权登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="275"/>
        <source>Changes</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="276"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="302"/>
        <source>Importing…</source>
        <translation>正在导入……</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="328"/>
        <location filename="../../src/estate_desk/ui/estate/import_report.py" line="335"/>
        <source>Import cancelled; nothing was written.</source>
        <translation>导入已取消，未写入任何数据。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="270"/>
        <source>Import the owner roster</source>
        <translation>导入业主名册</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="278"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="79"/>
        <source>Record an inspection of the archive room</source>
        <translation>登记档案室检查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="83"/>
        <source>&lt;b&gt;Check&lt;/b&gt;</source>
        <translation>&lt;b&gt;检查项&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="84"/>
        <source>&lt;b&gt;Yes&lt;/b&gt;</source>
        <translation>&lt;b&gt;是&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="85"/>
        <source>&lt;b&gt;No&lt;/b&gt;</source>
        <translation>&lt;b&gt;否&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="96"/>
        <source>not measured</source>
        <translation>未测</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="101"/>
        <source>What was found and done (optional)</source>
        <translation>发现的情况及处理（选填）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="104"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="105"/>
        <source>Relative humidity</source>
        <translation>相对湿度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="107"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="109"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
</context>
<context>
    <name>InspectionsPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="165"/>
        <source>Record inspection…</source>
        <translation>登记检查…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="170"/>
        <source>Choose, or type e.g. 每6周 or “every 6 weeks”</source>
        <translation>可从列表选择，或输入如「每6周」</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="171"/>
        <source>Set schedule</source>
        <translation>设置周期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="175"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="176"/>
        <source>Inspector</source>
        <translation>检查人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="177"/>
        <source>Checks</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="178"/>
        <source>Temperature (°C)</source>
        <translation>温度（°C）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="179"/>
        <source>Humidity (%)</source>
        <translation>湿度（%）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="180"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="195"/>
        <source>Schedule</source>
        <translation>检查周期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="203"/>
        <source>Inspection log, newest first</source>
        <translation>检查记录（最新在前）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="218"/>
        <source>all passed</source>
        <translation>全部合格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="219"/>
        <source>not passed: {checks}</source>
        <translation>不合格：{checks}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="267"/>
        <source>Inspection recorded. Readings outside the norm: {warnings}</source>
        <translation>检查已登记。读数超出标准：{warnings}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="272"/>
        <source>Inspection recorded.</source>
        <translation>检查已登记。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/inspections_page.py" line="288"/>
        <source>The archive room is now inspected {interval}.</source>
        <translation>档案室检查周期已设为{interval}。</translation>
    </message>
</context>
<context>
    <name>JobStrip</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/job_strip.py" line="33"/>
        <location filename="../../src/estate_desk/ui/digitise/job_strip.py" line="35"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/job_strip.py" line="69"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
</context>
<context>
    <name>LabelOptionsPanel</name>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="53"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="55"/>
        <source>Front label (upper left of the box side)</source>
        <translation>正面标签（贴于盒面左上角）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="56"/>
        <source>Spine label (fits the spine width)</source>
        <translation>盒脊标签（按盒脊宽度）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="58"/>
        <source>A4 label sheet</source>
        <translation>A4 标签纸</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="59"/>
        <source>Thermal label printer (one label per page)</source>
        <translation>热敏标签打印机（每页一张标签）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="60"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="64"/>
        <source>Reuse a half-used sheet: positions count row by row from the top left.</source>
        <translation>接着用打过一部分的标签纸：位置从左上角起逐行计数。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="69"/>
        <source>Moves everything right (negative: left), to match the printer.</source>
        <translation>整体向右移动（负数向左），用于校准打印机。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="70"/>
        <source>Moves everything down (negative: up), to match the printer.</source>
        <translation>整体向下移动（负数向上），用于校准打印机。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="71"/>
        <source>Cut lines around labels (plain paper)</source>
        <translation>标签四周印裁切线（普通纸）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="84"/>
        <source>Label</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="85"/>
        <source>Print on</source>
        <translation>打印到</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="86"/>
        <source>Rows × columns</source>
        <translation>行 × 列</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="87"/>
        <source>Start at position</source>
        <translation>起始位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="88"/>
        <source>Margin</source>
        <translation>页边距</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="89"/>
        <source>Gap</source>
        <translation>标签间距</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/label_options.py" line="90"/>
        <source>Printer offset x / y</source>
        <translation>打印机偏移 x / y</translation>
    </message>
</context>
<context>
    <name>LedgerView</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="108"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="110"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="112"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="120"/>
        <source>The record&apos;s history: paper loans and on-screen consultations</source>
        <translation>档案利用记录：纸质借阅与屏幕查阅</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="123"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="124"/>
        <source>To</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>LiftHoldDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="113"/>
        <source>Lift legal hold</source>
        <translation>解除冻结</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="116"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="117"/>
        <source>{what} can come up for destruction again once it is due.</source>
        <translation>{what} 解除冻结后，到期即可重新鉴定销毁。</translation>
    </message>
</context>
<context>
    <name>ListExport</name>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="73"/>
        <location filename="../../src/estate_desk/ui/list_export.py" line="86"/>
        <location filename="../../src/estate_desk/ui/list_export.py" line="208"/>
        <source>Export to Excel</source>
        <translation>导出为 Excel</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="75"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="113"/>
        <location filename="../../src/estate_desk/ui/list_export.py" line="126"/>
        <source>Export to Excel…</source>
        <translation>导出为 Excel…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="115"/>
        <source>Save this list, as shown, as an Excel workbook</source>
        <translation>将此列表按所显示的样子保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="156"/>
        <source>Reading the list…</source>
        <translation>正在读取列表…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="156"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/list_export.py" line="196"/>
        <source>This list holds classified records ({grade}). Why do you export it?</source>
        <translation>此列表含涉密档案（{grade}）。导出原因是什么？</translation>
    </message>
</context>
<context>
    <name>LoanDesk</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="60"/>
        <source>Lend</source>
        <translation>借出</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="61"/>
        <source>Take back</source>
        <translation>归还</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="62"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="64"/>
        <source> pages</source>
        <translation> 页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="66"/>
        <source>Scan or type a request slip, archive number, volume or box code</source>
        <translation>扫描或输入借阅申请单号、档号、案卷号或盒号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="68"/>
        <source>No request chosen.</source>
        <translation>尚未选择借阅申请。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="74"/>
        <source>New request…</source>
        <translation>新建借阅申请…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="76"/>
        <source>Renew</source>
        <translation>续借</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="78"/>
        <source>Record recall</source>
        <translation>登记催还</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="80"/>
        <source>Withdraw request</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="86"/>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="86"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="86"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="86"/>
        <source>Items</source>
        <translation>借阅档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="86"/>
        <source>Purpose</source>
        <translation>借阅事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="93"/>
        <source>Decide…</source>
        <translation>审批…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="109"/>
        <source>Requests awaiting my decision</source>
        <translation>待我审批的申请</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="126"/>
        <source>Desk</source>
        <translation>借阅台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="127"/>
        <source>Ledger</source>
        <translation>借阅登记簿</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="128"/>
        <source>Borrower&apos;s loans</source>
        <translation>借阅人在借清单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="129"/>
        <source>Rules</source>
        <translation>借阅规则</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="168"/>
        <source>Lent {count} item(s): {numbers}</source>
        <translation>已借出 {count} 件：{numbers}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="186"/>
        <source>Copy recorded: {number}, {pages} pages</source>
        <translation>已登记复制：{number}，{pages} 页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="200"/>
        <source>Taken back: {numbers}</source>
        <translation>已归还：{numbers}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="203"/>
        <source>— differences recorded for {n}</source>
        <translation>——已登记差异：{n}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="228"/>
        <source>{number} · {state} · {borrower} ({org}) · {form}, {place} · due {due} · approved by {approvers}</source>
        <translation>{number} · {state} · {borrower}（{org}）· {form}，{place} · 应还 {due} · 审批人 {approvers}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="270"/>
        <source>Request {number} made; it awaits the {role}.</source>
        <translation>已提交借阅申请 {number}，待{role}审批。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="294"/>
        <source>Renewed until {due}</source>
        <translation>已续借至 {due}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="305"/>
        <source>Request {number} withdrawn</source>
        <translation>借阅申请 {number} 已撤回</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/desk.py" line="317"/>
        <source>Recall recorded for {count} item(s) on {day}</source>
        <translation>{day} 已登记催还 {count} 件</translation>
    </message>
</context>
<context>
    <name>LoanViews</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="51"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="51"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="81"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="82"/>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="83"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="84"/>
        <source>Lent on</source>
        <translation>借阅日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="85"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="86"/>
        <source>Title</source>
        <translation>档案名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="87"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="88"/>
        <source>Purpose</source>
        <translation>借阅事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="89"/>
        <source>Approved by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="90"/>
        <source>Due</source>
        <translation>借阅期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="91"/>
        <source>Returned on</source>
        <translation>实际归还日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="92"/>
        <source>Intact</source>
        <translation>是否完好</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="93"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="50"/>
        <source>Sign in — {office}</source>
        <translation>登录 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="56"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="57"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="59"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="67"/>
        <source>Demo logins (user / password):</source>
        <translation>演示账户（用户名 / 密码）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="102"/>
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="122"/>
        <source>First steps</source>
        <translation>开始使用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="123"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="124"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="125"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="127"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="137"/>
        <source>Loans</source>
        <translation>借阅</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="140"/>
        <source>Disposal</source>
        <translation>鉴定销毁</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="142"/>
        <source>Digitisation</source>
        <translation>数字化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="161"/>
        <source>Search owners, rooms, archive numbers, boxes, titles (Ctrl+F)</source>
        <translation>搜索业主、房号、档号、档案盒、题名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="165"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="168"/>
        <source>Include void and destroyed</source>
        <translation>含作废和已销毁</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="169"/>
        <source>Also list void (作废) and destroyed (已销毁) records, marked as such</source>
        <translation>同时列出已作废和已销毁的档案，并加标注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="171"/>
        <source>Owners by name, pinyin or initials; rooms in any written form; archive numbers; titles (Ctrl+F)</source>
        <translation>按姓名、拼音或首字母找业主；房号任意写法；档号；题名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="179"/>
        <source>{name} ({role}) · {db}</source>
        <translation>{name}（{role}）· {db}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="274"/>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="308"/>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="309"/>
        <source>The archive was restored from the backup. Estate Desk closes now; start it again to sign in.</source>
        <translation>档案库已从备份恢复。程序现在关闭，请重新启动并登录。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="348"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="349"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="357"/>
        <source>Change &amp;password…</source>
        <translation>修改密码(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="361"/>
        <source>Sign &amp;out / switch user</source>
        <translation>注销/切换用户(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="363"/>
        <source>Close this window and sign in as another user (the shared front-desk PC)</source>
        <translation>关闭本窗口，换另一位用户登录（前台共用电脑）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="368"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="374"/>
        <source>&amp;Loan desk</source>
        <translation>借阅台(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="377"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="380"/>
        <source>&amp;Archive</source>
        <translation>档案(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="384"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="385"/>
        <location filename="../../src/estate_desk/ui/main_window.py" line="442"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="393"/>
        <source>Print category names in SimHei (黑体)</source>
        <translation>档案盒标签的门类名称使用系统黑体（SimHei）打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="398"/>
        <source>Available where SimHei is installed; otherwise the bundled Noto Sans SC Bold is used.</source>
        <translation>仅在已安装黑体（SimHei）时可选；否则使用内置的思源黑体粗体（Noto Sans SC Bold）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="402"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="403"/>
        <source>&amp;User guide</source>
        <translation>使用说明(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="406"/>
        <source>&amp;About Estate Desk</source>
        <translation>关于物业档案与前台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="442"/>
        <source>The new language applies from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="447"/>
        <source>About Estate Desk</source>
        <translation>关于物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="448"/>
        <source>Estate Desk {version}
Archive and front desk of the service centre.</source>
        <translation>物业档案与前台 {version}
物业服务中心的档案管理与前台接待。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="151"/>
        <source>Which column holds what</source>
        <translation>各列对应的内容</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="152"/>
        <source>The guesses are chosen already; correct any that are wrong.</source>
        <translation>已按表头自动识别，如有不对请更正。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="180"/>
        <source>{file}: {kind}{encoding}, headers in row {row}, {n} data rows. The first rows:</source>
        <translation>「{file}」：{kind}{encoding}，表头在第 {row} 行，共 {n} 行数据。前几行如下：</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="188"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="196"/>
        <source>— not in the file —</source>
        <translation>— 不在文件中 —</translation>
    </message>
</context>
<context>
    <name>NewBatchDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="96"/>
        <source>New digitisation batch</source>
        <translation>新建数字化批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="99"/>
        <source>Every record on the to-digitise list</source>
        <translation>待数字化清单上的全部档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="100"/>
        <source>The records in these boxes:</source>
        <translation>以下档案盒中的档案：</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="105"/>
        <source>Scan or type a box code, then Enter</source>
        <translation>扫描或输入档案盒编号，按回车</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="112"/>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="113"/>
        <source>Greyscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="114"/>
        <source>Black and white</source>
        <translation>黑白二值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="121"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="125"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="126"/>
        <source>Colour mode</source>
        <translation>色彩模式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="127"/>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="130"/>
        <source>DA/T 31: at least 200 dpi (300 by default); colour keeps red seals and headers; one file format for the whole batch. The batch starts at 准备.</source>
        <translation>DA/T 31：分辨率不低于 200 dpi（默认 300 dpi）；彩色扫描保留红章和红头；全批次统一一种文件格式。批次从“准备”开始。</translation>
    </message>
</context>
<context>
    <name>NewPasswordDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="135"/>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="136"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="86"/>
        <source>New ticket</source>
        <translation>受理工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="91"/>
        <source>Room: 3-2-1502, 3栋2单元1502 … or the owner&apos;s name</source>
        <translation>房号：3-2-1502、3栋2单元1502 … 或业主姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="97"/>
        <source>Where the owner wants someone to come: kitchen, lift hall …</source>
        <translation>业主希望到场的地点：厨房、电梯厅 …</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="99"/>
        <source>Who called and their number, when not the owner</source>
        <translation>非业主本人来电时：来电人及电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="101"/>
        <source>What the owner said</source>
        <translation>业主反映的情况</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="105"/>
        <source>The matter in a few words (漏水, 装修噪音); default: the subject</source>
        <translation>事项简称（漏水、装修噪音）；默认同事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="108"/>
        <source>Special services</source>
        <translation>特约服务</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="117"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="129"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="131"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="132"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="135"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="136"/>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="137"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="138"/>
        <source>Matter</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="142"/>
        <source>Promised by</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="146"/>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="294"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="148"/>
        <source>Open ticket</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="157"/>
        <source>Show repeat complaints</source>
        <translation>查看重复投诉</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="198"/>
        <source>default {hours:g} h for this kind; at most 7 days</source>
        <translation>此类默认 {hours:g} 小时；最长 7 天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="275"/>
        <source>Repeat complaint: this room complained about “{matter}” before. The new ticket is linked to {number} and counts as a service failure.</source>
        <translation>重复投诉：该房间此前已就“{matter}”投诉过。新工单将关联 {number}，并计为服务失误。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="236"/>
        <source>no owner on record</source>
        <translation>无业主登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="239"/>
        <source>Choose the room below, or type its code</source>
        <translation>请从下方选择房间，或输入房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="241"/>
        <source>No room: a public place</source>
        <translation>未填房号：公共区域</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/intake.py" line="289"/>
        <source>No earlier complaint from this room about this matter.</source>
        <translation>该房间此前没有就此事项投诉。</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="281"/>
        <source>Progress note</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="281"/>
        <source>Record note</source>
        <translation>登记跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="283"/>
        <source>What was done or found today</source>
        <translation>今日处理或了解到的情况</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="284"/>
        <source>Owner told of the progress</source>
        <translation>已将进展告知业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="287"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
</context>
<context>
    <name>NotificationsDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="187"/>
        <source>Return visits due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="191"/>
        <source>Return visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="193"/>
        <source>Mark all read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="195"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="220"/>
        <source>Nothing waiting for you.</source>
        <translation>没有待办的回访。</translation>
    </message>
</context>
<context>
    <name>OwnerView</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="61"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="61"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="61"/>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="80"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="61"/>
        <source>Move-in</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="72"/>
        <source>Choose a household to open the owner&apos;s file.</source>
        <translation>选择一户即可打开业主档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="79"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="81"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="82"/>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="83"/>
        <source>Rooms</source>
        <translation>房产</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>What</source>
        <translation>变更项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="88"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="91"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="91"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="105"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="106"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="147"/>
        <source>{room}: no owner on record.</source>
        <translation>{room}：暂无业主登记。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="178"/>
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="178"/>
        <source>company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="179"/>
        <source>present</source>
        <comment>an ownership that has not ended: 2019-05-01 – present</comment>
        <translation>至今</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="182"/>
        <source>, moved in {date}</source>
        <translation>，{date} 入住</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="203"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="210"/>
        <source>No changes recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/owner_view.py" line="214"/>
        <source>Documents ({n})</source>
        <translation>档案（{n}）</translation>
    </message>
</context>
<context>
    <name>PlaceBoxDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="237"/>
        <source>Put a box in a cabinet</source>
        <translation>档案盒上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="240"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="251"/>
        <source>e.g. shelved after boxing</source>
        <translation>例如：装盒后上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="252"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="253"/>
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="254"/>
        <source>Shelf</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="255"/>
        <source>Position</source>
        <translation>格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="256"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PostponeDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="250"/>
        <source>Postpone the promise</source>
        <translation>延期承诺时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="250"/>
        <source>Postpone</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="255"/>
        <source>e.g. waiting for a spare part</source>
        <translation>例如：等待配件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="258"/>
        <source>Promised now</source>
        <translation>当前承诺时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="259"/>
        <source>Latest possible</source>
        <translation>最迟可至</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="260"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="261"/>
        <source>Owner told</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="262"/>
        <source>New promised time</source>
        <translation>新的承诺时间</translation>
    </message>
</context>
<context>
    <name>PostponedOnceNotice</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="201"/>
        <source>Already postponed</source>
        <translation>已延期过一次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="202"/>
        <source>Record the owner&apos;s request</source>
        <translation>记录业主的这次请求</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="212"/>
        <source>This matter was postponed once on {time}, to {due} ({reason}). The same matter cannot be postponed a second time: finish it by the promised time.</source>
        <translation>此事已于 {time} 延期一次，改至 {due}（{reason}）。同一件事不能第二次延期，请在承诺时间内办结。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="219"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="228"/>
        <source>the owner asked for a second postponement</source>
        <translation>业主要求第二次延期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="239"/>
        <source>Recorded: the request was refused and is counted in the figures.</source>
        <translation>已记录：此请求未获准，计入服务统计。</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="91"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="91"/>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="118"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="91"/>
        <source>Spine</source>
        <translation>盒脊</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="91"/>
        <source>Place</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="96"/>
        <source>Clear box choice</source>
        <translation>清除所选档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="103"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="109"/>
        <source>why (kept in the audit trail)</source>
        <translation>原因（记入审计记录）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="112"/>
        <source>What to print</source>
        <translation>打印内容</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="114"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="115"/>
        <source>Boxes</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="117"/>
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="119"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="120"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="121"/>
        <source>Volume</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="122"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="123"/>
        <source>Reason</source>
        <translation>打印原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="134"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="135"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="136"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="137"/>
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="148"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="210"/>
        <source>(any)</source>
        <translation>（不限）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="348"/>
        <source>Cancelled; no file was written.</source>
        <translation>已取消，没有生成文件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="382"/>
        <source>{pages} page(s), {items} item(s).</source>
        <translation>共 {pages} 页，{items} 项。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="385"/>
        <source>Making the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="391"/>
        <source>Saved {pages} page(s) to {path}.</source>
        <translation>已将 {pages} 页保存到 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="393"/>
        <source>Saving the PDF…</source>
        <translation>正在保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="399"/>
        <source>Exported {items} row(s) to {path}.</source>
        <translation>已将 {items} 行导出到 {path}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="401"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="415"/>
        <source>Sent {pages} page(s) to the printer.</source>
        <translation>已将 {pages} 页发送到打印机。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="417"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="430"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="430"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="435"/>
        <source>Export .xlsx</source>
        <translation>导出 .xlsx</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="435"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/printouts/section.py" line="443"/>
        <source>Print {document}</source>
        <translation>打印{document}</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="40"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="45"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="46"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="47"/>
        <source>Records</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="48"/>
        <source>Digitised</source>
        <translation>已数字化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="49"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="50"/>
        <source>Pages digitised</source>
        <translation>已数字化页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="51"/>
        <source>Share of pages</source>
        <translation>页数占比</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="60"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="60"/>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="60"/>
        <source>Pages scanned</source>
        <translation>扫描页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="60"/>
        <source>Hours</source>
        <translation>小时</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="60"/>
        <source>Pages per hour</source>
        <translation>每小时页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/progress_view.py" line="115"/>
        <source>Digitised: {done} of {records} records with a paper original, {share} of the registered pages. Pending (待处理): {pending}. Batches out: {out}.</source>
        <translation>已数字化：有纸质原件的 {records} 件中 {done} 件，占登记页数的 {share}。待处理：{pending} 项。在数字化的批次：{out} 个。</translation>
    </message>
</context>
<context>
    <name>ProposeDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="192"/>
        <source>Propose a destruction batch</source>
        <translation>提出销毁批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="195"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="195"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="195"/>
        <source>Reason for destruction</source>
        <translation>销毁原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="212"/>
        <source>{n} record(s) go to a supervisor for approval, item by item.</source>
        <translation>共 {n} 件档案，提交主管领导逐件审批。</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="53"/>
        <source>New loan request</source>
        <translation>新建借阅申请</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="57"/>
        <source>Outside person…</source>
        <translation>外来人员…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="66"/>
        <source>Archive numbers, volume or box codes — one per line; scan them here</source>
        <translation>档号、案卷号或盒号，每行一个；可在此扫描</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="78"/>
        <source>Special case (goes to the management office)</source>
        <translation>特殊情况（报管理处审批）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="80"/>
        <source>Borrower</source>
        <translation>借阅人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="81"/>
        <source>Outside person&apos;s name</source>
        <translation>外来人员姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="82"/>
        <source>Organisation / department</source>
        <translation>单位／部门</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="83"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="84"/>
        <source>Clearance granted</source>
        <translation>授权密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="85"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="86"/>
        <source>Items</source>
        <translation>借阅档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="87"/>
        <source>Original or copy</source>
        <translation>原件或复制件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="88"/>
        <source>Where</source>
        <translation>借阅方式</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="89"/>
        <source>Purpose</source>
        <translation>借阅事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="90"/>
        <source>Due back</source>
        <translation>归还日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="96"/>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
</context>
<context>
    <name>RescanRecordDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="35"/>
        <source>Send a record to be rescanned</source>
        <translation>退回重扫</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="38"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/decide.py" line="40"/>
        <source>{code} is scanned again; its next scan replaces this one in the batch.</source>
        <translation>{code} 将重新扫描；新的扫描件将在本批次中替换当前扫描件。</translation>
    </message>
</context>
<context>
    <name>ReturnBoxesDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="215"/>
        <source>Return the boxes (入库)</source>
        <translation>归还档案盒（入库）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="217"/>
        <source>Scan each box as it goes back, or type its code and Enter</source>
        <translation>逐盒扫描上架，或输入盒号后按回车</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="221"/>
        <source>Batch {code} goes back to the archive room when every one of its boxes is scanned.</source>
        <translation>批次 {code} 的每一个档案盒都扫描归还后，批次即入库。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="198"/>
        <source>Confirm the return</source>
        <translation>归还确认</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="202"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="203"/>
        <source>Title</source>
        <translation>档案名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="204"/>
        <source>Pages lent</source>
        <translation>借出页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="205"/>
        <source>Pages back</source>
        <translation>归还页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="206"/>
        <source>Intact</source>
        <translation>是否完好</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="207"/>
        <source>Note</source>
        <translation>情况说明</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/dialogs.py" line="231"/>
        <source>Take back</source>
        <translation>归还</translation>
    </message>
</context>
<context>
    <name>ReturnVisitDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="148"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="148"/>
        <source>Record return visit</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="158"/>
        <source>What the owner said</source>
        <translation>业主意见</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="162"/>
        <source>Work done</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="163"/>
        <source>The owner is</source>
        <translation>业主评价</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/signoff.py" line="164"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="77"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="79"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="89"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="90"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="91"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="92"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="93"/>
        <source>First receiver</source>
        <translation>首按责任人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="94"/>
        <source>Handler</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="95"/>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="206"/>
        <source>Received</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="96"/>
        <source>Promised by</source>
        <translation>承诺时限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="97"/>
        <source>Why it blocks</source>
        <translation>不能日清的原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="109"/>
        <source>Progress note…</source>
        <translation>跟进…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="112"/>
        <source>Record the missing notes as omissions</source>
        <translation>将未跟进的工单记为遗漏</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="115"/>
        <source>Close day (日清)</source>
        <translation>日清</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="117"/>
        <source>Show the report</source>
        <translation>查看日报</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="126"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="184"/>
        <source>Not closed: {days}</source>
        <translation>尚未日清：{days}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="205"/>
        <source>Keeping the day open</source>
        <translation>不能日清</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="207"/>
        <source>Handled</source>
        <translation>当日处理完毕</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="208"/>
        <source>Closed</source>
        <translation>当日办结</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="209"/>
        <source>Late</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="210"/>
        <source>Late on site</source>
        <translation>超时到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="211"/>
        <source>Delay explained in advance</source>
        <translation>事先解释、延迟到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="212"/>
        <source>Still open</source>
        <translation>仍未办结</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="213"/>
        <source>Awaiting return visit</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="214"/>
        <source>No note with the owner told</source>
        <translation>当日未跟进或未告知业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="215"/>
        <source>Repeat complaints</source>
        <translation>重复投诉</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="237"/>
        <source>&#x3000;{n} omission(s) recorded</source>
        <translation>&#x3000;记录遗漏 {n} 张</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="239"/>
        <source>Closed by {name} at {time}</source>
        <translation>已由{name}于 {time} 日清</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="243"/>
        <source>{n} ticket(s) keep the day open: see why in the list.</source>
        <translation>还有 {n} 张工单不能日清，原因见列表。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="246"/>
        <source>Every open ticket has its note: the day can be closed.</source>
        <translation>所有未办结工单今日均已跟进：可以日清。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="250"/>
        <source>Only a supervisor may close the day.</source>
        <translation>只有主管可以日清。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="276"/>
        <source>Choose a ticket in the list first.</source>
        <translation>请先在列表中选择一张工单。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/review.py" line="297"/>
        <source>{day} closed; the report is below.</source>
        <translation>{day} 已日清；日报见下方。</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="315"/>
        <source>Import roster…</source>
        <translation>导入业主名册…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="316"/>
        <source>Import owners and rooms from .xlsx or .csv</source>
        <translation>从 .xlsx 或 .csv 导入业主和房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="318"/>
        <source>Export roster…</source>
        <translation>导出业主名册…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="319"/>
        <source>Save every room and its owner to .xlsx</source>
        <translation>将所有房间及其业主导出为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="333"/>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="343"/>
        <source>Export roster</source>
        <translation>导出业主名册</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="334"/>
        <source>owner roster</source>
        <translation>业主名册</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="335"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/estate/import_wizard.py" line="348"/>
        <source>Exported {n} rows to {file}.</source>
        <translation>已导出 {n} 行到 {file}。</translation>
    </message>
</context>
<context>
    <name>RoutinesSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/section.py" line="38"/>
        <source>Archive-room inspections</source>
        <translation>档案室检查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/section.py" line="39"/>
        <source>Household census</source>
        <translation>家庭情况普查</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/section.py" line="40"/>
        <source>Arrears follow-up</source>
        <translation>欠费跟进</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="130"/>
        <location filename="../../src/estate_desk/ui/routines/section.py" line="85"/>
        <source>Today</source>
        <translation>今日待办</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="133"/>
        <location filename="../../src/estate_desk/ui/routines/section.py" line="86"/>
        <source>Routines</source>
        <translation>日常工作</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="246"/>
        <source>Special cases</source>
        <translation>特殊情况</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="250"/>
        <source>Default period (days)</source>
        <translation>默认借阅期限（天）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="251"/>
        <source>Longest period (days)</source>
        <translation>最长借阅期限（天）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="252"/>
        <source>Renewals allowed</source>
        <translation>可续借次数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="253"/>
        <source>Save rules</source>
        <translation>保存规则</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/loans/views.py" line="286"/>
        <source>Saved; requests made from now on follow these rules.</source>
        <translation>已保存；此后提交的申请按新规则审批。</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="36"/>
        <source>Not compared</source>
        <translation>未核对</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="36"/>
        <source>Matches</source>
        <translation>相符</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="36"/>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="51"/>
        <source>Error</source>
        <translation>差错</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="41"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="41"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="41"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="41"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="41"/>
        <source>Compared by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="46"/>
        <source>Draw the sample</source>
        <translation>抽取样本</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="48"/>
        <source>What is wrong (for an error)</source>
        <translation>差错说明（有差错时填写）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="49"/>
        <source>Matches the original</source>
        <translation>与原件相符</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="81"/>
        <source>No sample drawn yet: it is drawn at 验收 (acceptance).</source>
        <translation>尚未抽取样本：样本在“验收”环节抽取。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="83"/>
        <source>{share} % drawn: {compared} of {drawn} compared, {errors} error(s) — error rate {rate:.1f} % (limit {limit} %).</source>
        <translation>抽检比例 {share}%：已核对 {compared}/{drawn} 件，差错 {errors} 件——差错率 {rate:.1f}%（上限 {limit}%）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="90"/>
        <source>The batch may go back (入库).</source>
        <translation>本批次可以入库。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/sample_panel.py" line="110"/>
        <source>Choose a sampled record first.</source>
        <translation>请先选择一件抽检档案。</translation>
    </message>
</context>
<context>
    <name>ScanPageDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/scan_page.py" line="57"/>
        <source>{number}, page {page}: “{words}”</source>
        <translation>{number} 第 {page} 页：“{words}”</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/scan_page.py" line="64"/>
        <source>{n} line(s) marked.</source>
        <translation>已标出 {n} 行。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/scan_page.py" line="66"/>
        <source>The words run across lines here: nothing is marked.</source>
        <translation>检索词在本页跨行，未能标出。</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="30"/>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="31"/>
        <source>Rooms</source>
        <translation>房产</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="32"/>
        <source>Boxes</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="33"/>
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="34"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="54"/>
        <source>… {n} more in the owner&apos;s file</source>
        <translation>……业主档案中另有 {n} 件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="61"/>
        <source>Pages of scans</source>
        <translation>扫描件页面</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="70"/>
        <source>{number} page {page}</source>
        <translation>{number} 第 {page} 页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/search_results.py" line="77"/>
        <source>Nothing found for “{text}”</source>
        <translation>没有找到“{text}”</translation>
    </message>
</context>
<context>
    <name>SecrecySettings</name>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="64"/>
        <source>Names of the grades</source>
        <translation>密级名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="74"/>
        <source>Save the names</source>
        <translation>保存名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="79"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="81"/>
        <source>Encryption at rest</source>
        <translation>加密存储</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="83"/>
        <source>Attachments are stored encrypted from the grade</source>
        <translation>附件加密存储的最低密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="92"/>
        <source>Who may print and export up to which grade</source>
        <translation>各角色可打印、导出的最高密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="94"/>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="95"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="104"/>
        <source>Issue a new recovery key…</source>
        <translation>签发新的恢复密钥…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="123"/>
        <source>Text read from encrypted scans (OCR)</source>
        <translation>加密扫描件中识别出的文字（OCR）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="125"/>
        <source>Read and search the text of encrypted scans</source>
        <translation>识别并检索加密扫描件中的文字</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="130"/>
        <source>Scans of records at or above the encryption grade stay encrypted either way. When this is on, the words read from them are kept in the database unencrypted so that search finds them: only readers cleared for the grade see the hits, but anyone who copies the database file could read that text. Off by default. Switching it off removes the text already read; switching it on reads those scans the next time text recognition runs.</source>
        <translation>达到加密密级的档案，其扫描件无论如何都加密保存。打开此项后，从这些扫描件中识别出的文字会以未加密的形式存入数据库，以便检索：检索结果只对有相应密级权限的人显示，但拿到数据库文件副本的人可以读到这些文字。默认关闭。关闭时会删除已识别的文字；打开后，下次文字识别时才会识别这些扫描件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="155"/>
        <source>The text of encrypted scans is read and searchable from the next recognition run.</source>
        <translation>从下次文字识别起，加密扫描件中的文字将被识别并可检索。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="159"/>
        <source>The text of encrypted scans is not kept: {pages} page(s) emptied.</source>
        <translation>不再保留加密扫描件中的文字：已清除 {pages} 页。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="175"/>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="187"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="181"/>
        <source>Attachments are now stored to match the new grade.</source>
        <translation>附件已按新的密级重新加密或解密。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/secrecy/settings.py" line="198"/>
        <source>Write the new recovery key down now and give it to the management office; it is not shown again.</source>
        <translation>请立即抄下新的恢复密钥交管理处保管；它不会再显示。</translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="111"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 项</translation>
    </message>
</context>
<context>
    <name>ServicesPicker</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/services_picker.py" line="42"/>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/services_picker.py" line="42"/>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/services_picker.py" line="42"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/services_picker.py" line="87"/>
        <source>Total: ¥{total}</source>
        <translation>合计：¥{total}</translation>
    </message>
</context>
<context>
    <name>SettleDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="166"/>
        <source>Settle an arrear</source>
        <translation>登记结清</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="168"/>
        <source>{room}: {fee} ¥{amount} unpaid since {since}</source>
        <translation>{room}：{fee} ¥{amount}，自 {since} 起未缴</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="173"/>
        <source>Paid on</source>
        <translation>缴清日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/arrears_dialogs.py" line="178"/>
        <source>Settle</source>
        <translation>结清</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="194"/>
        <source>Settle a pending item</source>
        <translation>处理待处理项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="197"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="200"/>
        <source>Drop pages {pages} ({reason})? They stay in the kept source file; nothing is deleted.</source>
        <translation>舍弃第 {pages} 页（{reason}）？这些页仍保存在原始扫描文件中，不会删除任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="202"/>
        <source>Mark pages {pages} ({reason}) for a rescan? The record is scanned again.</source>
        <translation>将第 {pages} 页（{reason}）标记为重扫？该档案将重新扫描。</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="166"/>
        <source>Set up Estate Desk</source>
        <translation>设置物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="167"/>
        <source>e.g. 翠湖苑物业服务中心</source>
        <translation>例如：翠湖苑物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="177"/>
        <source>The service centre</source>
        <translation>物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="179"/>
        <source>The name printed on catalogues and the fonds code (全宗号) that starts every archive number.</source>
        <translation>印在目录上的名称，以及每个档号开头的全宗号。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="182"/>
        <source>Service centre name</source>
        <translation>服务中心名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="185"/>
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="189"/>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="190"/>
        <source>This account adds the other users. Keep the password safe.</source>
        <translation>此账户用于添加其他用户，请妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="192"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="195"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="197"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="200"/>
        <source>Set up</source>
        <translation>完成设置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="209"/>
        <source>The recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="212"/>
        <source>Attachments of confidential records are stored encrypted. If every administrator forgets their password, this key opens them again. It is shown only now.</source>
        <translation>涉密档案的附件加密保存。所有管理员都忘记密码时，凭此密钥可重新打开。它只在此时显示一次。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="206"/>
        <source>I have written the recovery key down for the management office to keep safe.</source>
        <translation>我已抄下恢复密钥，交管理处妥善保管。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/dialogs.py" line="225"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="167"/>
        <source>Move the batch on</source>
        <translation>推进批次</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="170"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/dialogs.py" line="173"/>
        <source>Move batch {code} from “{now}” to “{to}”? Who and when go to its step log.</source>
        <translation>将批次 {code} 从“{now}”推进到“{to}”？经办人和时间记入环节记录。</translation>
    </message>
</context>
<context>
    <name>TicketActions</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/ticket_actions.py" line="111"/>
        <source>Photo for the ticket</source>
        <translation>工单照片</translation>
    </message>
</context>
<context>
    <name>TicketDetailDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="103"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="104"/>
        <source>Room and owner</source>
        <translation>房号与业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="105"/>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="106"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="107"/>
        <source>First receiver / handler</source>
        <translation>首按责任人 / 处理人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="108"/>
        <source>Received / promised</source>
        <translation>受理 / 承诺时限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="109"/>
        <source>Postponement</source>
        <translation>延期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="110"/>
        <source>Delay explained</source>
        <translation>延迟解释</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="111"/>
        <source>Special services</source>
        <translation>特约服务</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="112"/>
        <source>Filed in the archive</source>
        <translation>归档档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="118"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="120"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="122"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="118"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="122"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="118"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="120"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="122"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="118"/>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="122"/>
        <source>Detail</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="120"/>
        <source>Owner told</source>
        <translation>已告知业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="120"/>
        <source>Progress</source>
        <translation>进展</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="132"/>
        <source>History</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="133"/>
        <source>Progress notes</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="134"/>
        <source>Sign-off and return visits</source>
        <translation>办结与回访</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="135"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="140"/>
        <source>Handler / dispatch…</source>
        <translation>处理人 / 派工…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="141"/>
        <source>Arrived on site…</source>
        <translation>到场…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="142"/>
        <source>Explain delay… (F4)</source>
        <translation>延迟解释…（F4）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="143"/>
        <source>Postpone… (F2)</source>
        <translation>延期…（F2）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="144"/>
        <source>Progress note…</source>
        <translation>跟进…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="145"/>
        <source>Work done…</source>
        <translation>处理完毕…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="146"/>
        <source>Return visit…</source>
        <translation>回访…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="147"/>
        <source>Add photo…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="155"/>
        <source>Arrival</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="158"/>
        <source>Promise</source>
        <translation>承诺</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="186"/>
        <source>Ticket {number}</source>
        <translation>工单 {number}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="187"/>
        <source>&#x3000;repeat of {number}</source>
        <translation>&#x3000;重复投诉，原工单 {number}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="190"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="200"/>
        <source>&#x3000;(first promised {time})</source>
        <translation>&#x3000;（原承诺 {time}）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="226"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="235"/>
        <source>Work done</source>
        <translation>处理完毕</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/desk/detail.py" line="243"/>
        <source>Return visit</source>
        <translation>回访</translation>
    </message>
</context>
<context>
    <name>TicketDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/desk/handling.py" line="60"/>
        <source>no room</source>
        <translation>无房号</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="145"/>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="148"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="146"/>
        <source>Reload the page (F5)</source>
        <translation>重新载入本页（F5）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="183"/>
        <source>Today, {day}</source>
        <translation>今天，{day}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="185"/>
        <source>{n} things waiting</source>
        <translation>共 {n} 项待办</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="185"/>
        <source>Nothing waiting</source>
        <translation>没有待办事项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/routines/today_page.py" line="190"/>
        <source>work lists: {lists}</source>
        <translation>工作清单：{lists}</translation>
    </message>
</context>
<context>
    <name>Tooltips</name>
    <message>
        <location filename="../../src/estate_desk/ui/tooltips.py" line="22"/>
        <source>{what} ({keys})</source>
        <translation>{what}（{keys}）</translation>
    </message>
</context>
<context>
    <name>TurnBar</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="64"/>
        <source>Turn pages upright</source>
        <translation>转正倒置页</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="66"/>
        <source>Turn every page found upside down: a new version of each scan, the earlier kept</source>
        <translation>把发现的倒置页全部转正：每件扫描件生成新版本，原版本保留</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="85"/>
        <source>Pages upside down: not checked — text recognition (OCR) is not installed on this PC.</source>
        <translation>倒置页：未检查——本机未安装文字识别（OCR）组件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="91"/>
        <source>{pages} page(s) upside down in {records} record(s).</source>
        <translation>{records} 件档案中有 {pages} 页倒置。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="97"/>
        <source>No page upside down.</source>
        <translation>没有倒置的页面。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="120"/>
        <source>{n} record(s): pages turned upright as a new version of the scan; checking again…</source>
        <translation>{n} 件档案的倒置页已转正（扫描件新版本），正在重新质检…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/turn_bar.py" line="126"/>
        <source>Turning pages…</source>
        <translation>正在转正页面…</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="53"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="53"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="53"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="53"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="66"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="68"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="69"/>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="70"/>
        <source>Set clearance…</source>
        <translation>设置密级权限…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="71"/>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="72"/>
        <source>Enable…</source>
        <translation>启用…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="83"/>
        <source>Add a user: role, clearance, name and first password</source>
        <translation>添加用户：角色、密级权限、姓名和初始密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="84"/>
        <source>Give the chosen user a new password, when theirs is forgotten</source>
        <translation>为忘记密码的所选用户设置新密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="85"/>
        <source>Set the highest grade of record the chosen user may see</source>
        <translation>设置所选用户可查看档案的最高密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="86"/>
        <source>Stop the chosen user from signing in (the history stays)</source>
        <translation>停用所选用户，不能再登录（历史记录保留）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="87"/>
        <source>Let a disabled user sign in again</source>
        <translation>启用已停用的用户，允许再次登录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="105"/>
        <source>The archive clerk starts on</source>
        <translation>档案管理员登录后首先看到</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="143"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="143"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="143"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="150"/>
        <source>Added</source>
        <translation>已添加</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="159"/>
        <source>New password for {user}</source>
        <translation>为 {user} 设置新密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="160"/>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="164"/>
        <source>Password reset</source>
        <translation>密码已重设</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="175"/>
        <source>Clearance set</source>
        <translation>密级权限已设置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="184"/>
        <source>Enable {user}</source>
        <translation>启用 {user}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="185"/>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="189"/>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="203"/>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="205"/>
        <source>Disable {user}? They can no longer sign in; their name stays on everything they did. An administrator can enable the account again with a new password.</source>
        <translation>停用 {user}？停用后不能再登录；其经手的一切记录上仍保留其姓名。管理员可以设置新密码后重新启用该账户。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="215"/>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/admin_section.py" line="236"/>
        <source>Saved: the archive clerk starts on {home}</source>
        <translation>已保存：档案管理员登录后首先看到“{home}”</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="57"/>
        <source>Lift the void mark</source>
        <translation>撤销作废</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="57"/>
        <source>Mark void (作废)</source>
        <translation>标记作废</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="61"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="65"/>
        <source>Void since</source>
        <translation>作废日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="68"/>
        <source>{what} will be marked 作废 everywhere it is shown and printed, and left out of searches. Only a supervisor can lift the mark.</source>
        <translation>{what} 将在所有列表和打印件上标记“作废”，检索时默认不显示。只有主管可以撤销作废。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/disposal/dialogs.py" line="73"/>
        <source>{what} will be current again. The change is recorded.</source>
        <translation>{what} 将恢复为现行档案，此操作会被记录。</translation>
    </message>
</context>
<context>
    <name>VolumeDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="91"/>
        <source>File into a volume</source>
        <translation>组卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="92"/>
        <source>An open volume</source>
        <translation>未封卷的案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="93"/>
        <source>A new volume</source>
        <translation>新建案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="104"/>
        <source>Volume title</source>
        <translation>案卷题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive/filing_dialogs.py" line="105"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
</context>
<context>
    <name>WatchBar</name>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="46"/>
        <source>Watched folder…</source>
        <translation>扫描收件夹…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="47"/>
        <source>The folder the scanner saves into (remembered on this computer)</source>
        <translation>扫描仪保存文件的文件夹（本机记住）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="49"/>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="100"/>
        <source>Watch</source>
        <translation>开始监视</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="63"/>
        <source>(no folder chosen)</source>
        <translation>（未选择文件夹）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="68"/>
        <source>Choose the watched scan folder</source>
        <translation>选择扫描收件夹</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="93"/>
        <source>Stop watching</source>
        <translation>停止监视</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="94"/>
        <source>Watching {folder}: each stack is read once it has stopped growing.</source>
        <translation>正在监视 {folder}：每叠扫描件在文件不再增大后读取。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/digitise/watch_bar.py" line="102"/>
        <source>Not watching.</source>
        <translation>未在监视。</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../src/estate_desk/ui/accounts/user_dialogs.py" line="61"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
