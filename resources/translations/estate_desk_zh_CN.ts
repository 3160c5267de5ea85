<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="170" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="170" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="170" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="171" />
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="171" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="175" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="185" />
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="185" />
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="185" />
        <source>active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/estate_desk/ui/app.py" line="46" />
        <source>The archive cannot be opened</source>
        <translation>无法打开档案库</translation>
    </message>
</context>
<context>
    <name>ArchiveSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="47" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="47" />
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="49" />
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="49" />
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="49" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="49" />
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="49" />
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50" />
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50" />
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50" />
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50" />
        <source>Place</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="51" />
        <source>Paper</source>
        <translation>纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="76" />
        <source>paper</source>
        <translation>有纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="76" />
        <source>no paper original</source>
        <translation>无纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="84" />
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="110" />
        <source>Paper original: {place}</source>
        <translation>纸质原件：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="110" />
        <source>not yet shelved</source>
        <translation>尚未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="111" />
        <source>No paper original</source>
        <translation>无纸质原件</translation>
    </message>
</context>
<context>
    <name>DeskSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="126" />
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="126" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="126" />
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="126" />
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="130" />
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="18" />
        <location filename="../../src/estate_desk/ui/errors.py" line="39" />
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="25" />
        <source>Something unexpected went wrong. Nothing you saved before was lost.
The details were written to the log in {folder}.</source>
        <translation>发生了意外错误。之前保存的内容都没有丢失。
详细信息已写入日志文件夹 {folder}。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="34" />
        <source>Sign in — {office}</source>
        <translation>登录 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="40" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="41" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="43" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="51" />
        <source>Demo logins (user / password):</source>
        <translation>演示账户（用户名 / 密码）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="40" />
        <source>Estate Desk — {office}</source>
        <translation>物业档案与前台 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="50" />
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="50" />
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="50" />
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="50" />
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="73" />
        <source>Search owners, rooms, archive numbers, boxes, titles (Ctrl+F)</source>
        <translation>搜索业主、房号、档号、档案盒、题名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="76" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="82" />
        <source>{name} ({role}) · {db}</source>
        <translation>{name}（{role}）· {db}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="87" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="88" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="91" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="96" />
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="99" />
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="100" />
        <location filename="../../src/estate_desk/ui/main_window.py" line="138" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="107" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="108" />
        <source>&amp;About Estate Desk</source>
        <translation>关于物业档案与前台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="120" />
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="120" />
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="120" />
        <source>Boxes</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="121" />
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="134" />
        <source>Nothing found for “{text}”</source>
        <translation>没有找到“{text}”</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="138" />
        <source>The new language applies from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="141" />
        <source>About Estate Desk</source>
        <translation>关于物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="142" />
        <source>Estate Desk {version}
Archive and front desk of the service centre.</source>
        <translation>物业档案与前台 {version}
物业服务中心的档案管理与前台接待。</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="148" />
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="148" />
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="148" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="149" />
        <source>Spine (mm)</source>
        <translation>盒脊宽度（毫米）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="149" />
        <source>Cabinet · shelf-position</source>
        <translation>档案柜 · 层-格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="153" />
        <source>Boxes in the archive room</source>
        <translation>档案室中的档案盒</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="75" />
        <source>Set up Estate Desk</source>
        <translation>设置物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="76" />
        <source>e.g. 翠湖苑物业服务中心</source>
        <translation>例如：翠湖苑物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="85" />
        <source>The service centre</source>
        <translation>物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="86" />
        <source>The name printed on catalogues and the fonds code (全宗号) that starts every archive number.</source>
        <translation>印在目录上的名称，以及每个档号开头的全宗号。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="88" />
        <source>Service centre name</source>
        <translation>服务中心名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="89" />
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="94" />
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="95" />
        <source>This account adds the other users. Keep the password safe.</source>
        <translation>此账户用于添加其他用户，请妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="97" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="98" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="99" />
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="110" />
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>