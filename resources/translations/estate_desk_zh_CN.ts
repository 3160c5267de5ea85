<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="214"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="214"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="214"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="214"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="214"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="219"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="229"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="229"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="229"/>
        <source>active</source>
        <translation>正常</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/estate_desk/ui/app.py" line="49"/>
        <source>The archive cannot be opened</source>
        <translation>无法打开档案库</translation>
    </message>
</context>
<context>
    <name>ArchiveSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="50"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="53"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="54"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="55"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="56"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="57"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="58"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="59"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="60"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="61"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="62"/>
        <source>Place</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="63"/>
        <source>Paper</source>
        <translation>纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="90"/>
        <source>paper</source>
        <translation>有纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="90"/>
        <source>no paper original</source>
        <translation>无纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="109"/>
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="136"/>
        <source>Paper original: {place}</source>
        <translation>纸质原件：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="136"/>
        <source>not yet shelved</source>
        <translation>尚未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="138"/>
        <source>No paper original</source>
        <translation>无纸质原件</translation>
    </message>
</context>
<context>
    <name>DeskSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="154"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="154"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="154"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="154"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="158"/>
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="23"/>
        <location filename="../../src/estate_desk/ui/errors.py" line="48"/>
        <source>Estate Desk</source>
        <translation>物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/errors.py" line="33"/>
        <source>Something unexpected went wrong. Nothing you saved before was lost.
The details were written to the log in {folder}.</source>
        <translation>发生了意外错误。之前保存的内容都没有丢失。
详细信息已写入日志文件夹 {folder}。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="44"/>
        <source>Sign in — {office}</source>
        <translation>登录 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="50"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="51"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="53"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="61"/>
        <source>Demo logins (user / password):</source>
        <translation>演示账户（用户名 / 密码）：</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="45"/>
        <source>Estate Desk — {office}</source>
        <translation>物业档案与前台 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="55"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="55"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="55"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="55"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="80"/>
        <source>Search owners, rooms, archive numbers, boxes, titles (Ctrl+F)</source>
        <translation>搜索业主、房号、档号、档案盒、题名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="83"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="90"/>
        <source>{name} ({role}) · {db}</source>
        <translation>{name}（{role}）· {db}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="99"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="100"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="103"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="108"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="111"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="112"/>
        <location filename="../../src/estate_desk/ui/main_window.py" line="164"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="120"/>
        <source>Print category names in SimHei (黑体)</source>
        <translation>档案盒标签的门类名称使用系统黑体（SimHei）打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="125"/>
        <source>Available where SimHei is installed; otherwise the bundled Noto Sans SC Bold is used.</source>
        <translation>仅在已安装黑体（SimHei）时可选；否则使用内置的思源黑体粗体（Noto Sans SC Bold）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="129"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="130"/>
        <source>&amp;About Estate Desk</source>
        <translation>关于物业档案与前台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="143"/>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="144"/>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="145"/>
        <source>Boxes</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="146"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="160"/>
        <source>Nothing found for “{text}”</source>
        <translation>没有找到“{text}”</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="164"/>
        <source>The new language applies from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="169"/>
        <source>About Estate Desk</source>
        <translation>关于物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="170"/>
        <source>Estate Desk {version}
Archive and front desk of the service centre.</source>
        <translation>物业档案与前台 {version}
物业服务中心的档案管理与前台接待。</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="180"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="181"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="182"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="183"/>
        <source>Spine (mm)</source>
        <translation>盒脊宽度（毫米）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="184"/>
        <source>Cabinet · shelf-position</source>
        <translation>档案柜 · 层-格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="190"/>
        <source>Boxes in the archive room</source>
        <translation>档案室中的档案盒</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="85"/>
        <source>Set up Estate Desk</source>
        <translation>设置物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="86"/>
        <source>e.g. 翠湖苑物业服务中心</source>
        <translation>例如：翠湖苑物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="95"/>
        <source>The service centre</source>
        <translation>物业服务中心</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="97"/>
        <source>The name printed on catalogues and the fonds code (全宗号) that starts every archive number.</source>
        <translation>印在目录上的名称，以及每个档号开头的全宗号。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="100"/>
        <source>Service centre name</source>
        <translation>服务中心名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="101"/>
        <source>Fonds code</source>
        <translation>全宗号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="106"/>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="107"/>
        <source>This account adds the other users. Keep the password safe.</source>
        <translation>此账户用于添加其他用户，请妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="109"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="110"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="111"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/dialogs.py" line="122"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
</TS>
