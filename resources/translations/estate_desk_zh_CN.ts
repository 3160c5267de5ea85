<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="96"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="96"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="96"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="96"/>
        <source>Clearance</source>
        <translation>密级权限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="96"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="101"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="111"/>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="111"/>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="111"/>
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
    <name>ArchiveBrowser</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="59"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="59"/>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="90"/>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="101"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="64"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="65"/>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="86"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="66"/>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="87"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="67"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="68"/>
        <source>Grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="69"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="70"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="71"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="72"/>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="89"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="73"/>
        <source>Place</source>
        <translation>存放位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="74"/>
        <source>Track</source>
        <translation>双轨</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="85"/>
        <source>Volume</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="88"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="102"/>
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="164"/>
        <source>closed</source>
        <translation>已封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="164"/>
        <source>open</source>
        <translation>未封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="175"/>
        <source>All categories</source>
        <translation>全部门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="192"/>
        <source>Work lists</source>
        <translation>工作清单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="197"/>
        <source>To digitise</source>
        <translation>待数字化</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="198"/>
        <source>Paper missing</source>
        <translation>纸质件未归位</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="204"/>
        <source>Paper originals without a scan</source>
        <translation>有纸质原件但尚无扫描件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_browser.py" line="206"/>
        <source>Originals that stand in no box</source>
        <translation>原件未装入任何档案盒</translation>
    </message>
</context>
<context>
    <name>ArchiveSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="63"/>
        <source>Records</source>
        <translation>档案浏览</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="64"/>
        <source>Cabinets</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="65"/>
        <source>Owners</source>
        <translation>业主档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="67"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="69"/>
        <source>Register…</source>
        <translation>登记…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="70"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="71"/>
        <source>Attach file…</source>
        <translation>挂接附件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="72"/>
        <source>File into volume…</source>
        <translation>组卷…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="73"/>
        <source>Put in box…</source>
        <translation>装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="74"/>
        <source>Put box in cabinet…</source>
        <translation>上架…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="75"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="124"/>
        <source>Scanned “{code}”: no box, volume or document has this code.</source>
        <translation>扫描到“{code}”：没有档案盒、案卷或档案使用此编号。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="126"/>
        <source>Scanned “{code}”.</source>
        <translation>已扫描“{code}”。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="146"/>
        <source>Choose a document first.</source>
        <translation>请先选择一份档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="175"/>
        <source>Registered {number}.</source>
        <translation>已登记 {number}。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="233"/>
        <source>Volume closed.</source>
        <translation>案卷已封卷。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="304"/>
        <source>Copying {files} into the archive…</source>
        <translation>正在将 {files} 复制到档案库…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="305"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="311"/>
        <source>Attaching files</source>
        <translation>挂接附件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="337"/>
        <source>Attached {n} file(s).</source>
        <translation>已挂接 {n} 个文件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/archive_section.py" line="343"/>
        <source>Copy cancelled; nothing was kept.</source>
        <translation>已取消复制，未保留任何内容。</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="79"/>
        <source>Open with the system program</source>
        <translation>用系统程序打开</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="108"/>
        <source>Choose an attachment to preview it.</source>
        <translation>选择附件即可预览。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="130"/>
        <source>“{name}” opens in the system&apos;s own program.</source>
        <translation>“{name}”需用系统程序打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/preview.py" line="132"/>
        <source>“{name}” cannot be shown here; open it with the system program.</source>
        <translation>“{name}”无法在此预览，请用系统程序打开。</translation>
    </message>
</context>
<context>
    <name>BoxDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="154"/>
        <source>Put {what} in a box</source>
        <translation>将 {what} 装盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="155"/>
        <source>A box (choose, type or scan its code)</source>
        <translation>已有档案盒（选择、输入或扫描盒号）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="156"/>
        <source>A new box</source>
        <translation>新建档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="162"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="169"/>
        <source>{mm} mm</source>
        <translation>{mm} 毫米</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="174"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="175"/>
        <source>Spine width</source>
        <translation>盒脊宽度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="192"/>
        <source>No box of this category has that code.</source>
        <translation>本门类没有这个盒号的档案盒。</translation>
    </message>
</context>
<context>
    <name>BoxPanel</name>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="131"/>
        <source>Click a box to open it.</source>
        <translation>点击档案盒即可打开。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="134"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="134"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="134"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="146"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="146"/>
        <source>From</source>
        <translation>原位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="146"/>
        <source>To</source>
        <translation>新位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="146"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="146"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="148"/>
        <source>Move box…</source>
        <translation>移动档案盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="155"/>
        <source>Moves</source>
        <translation>移动记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="171"/>
        <source>{category} · {year} · {retention} · spine {spine} mm&lt;br&gt;Items {first} … {last} ({count})&lt;br&gt;Place: {place}</source>
        <translation>{category} · {year} · {retention} · 盒脊 {spine} 毫米&lt;br&gt;起止档号 {first} … {last}（{count} 件）&lt;br&gt;位置：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="181"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
</context>
<context>
    <name>CabinetDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="304"/>
        <source>New cabinet</source>
        <translation>新建档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="306"/>
        <source>e.g. 5号档案柜</source>
        <translation>例如：5号档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="307"/>
        <source>e.g. 档案室</source>
        <translation>例如：档案室</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="310"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="311"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="312"/>
        <source>Location</source>
        <translation>所在位置</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="313"/>
        <source>Shelves</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="314"/>
        <source>Positions per shelf</source>
        <translation>每层格数</translation>
    </message>
</context>
<context>
    <name>CabinetGridModel</name>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="108"/>
        <source>Shelf {n}</source>
        <translation>第{n}层</translation>
    </message>
</context>
<context>
    <name>CabinetView</name>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="207"/>
        <source>New cabinet…</source>
        <translation>新建档案柜…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="227"/>
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/cabinet_view.py" line="267"/>
        <source>{location} · {shelves} shelves × {positions} positions · {boxes} boxes</source>
        <translation>{location} · {shelves} 层 × {positions} 格 · {boxes} 盒</translation>
    </message>
</context>
<context>
    <name>DeskSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="36"/>
        <source>Ticket</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="36"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="36"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="36"/>
        <source>About</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="40"/>
        <source>Open tickets</source>
        <translation>未办结工单</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="80"/>
        <source>Choose a record to see its paper and digital sides.</source>
        <translation>选择一条档案，查看其纸质与电子两方面的情况。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="108"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="109"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="110"/>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="111"/>
        <source>Document no. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="112"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="113"/>
        <source>Grade · retention</source>
        <translation>密级 · 保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="114"/>
        <source>Room · owner</source>
        <translation>房号 · 业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="115"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="119"/>
        <source>Paper side</source>
        <translation>纸质档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="122"/>
        <source>Digital side</source>
        <translation>电子档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="125"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="125"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="125"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="125"/>
        <source>SHA-256</source>
        <translation>SHA-256 校验值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="135"/>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="136"/>
        <source>Attach file…</source>
        <translation>挂接附件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="137"/>
        <source>File into volume…</source>
        <translation>组卷…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="138"/>
        <source>Put in box…</source>
        <translation>装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="171"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="171"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="182"/>
        <source>Close volume</source>
        <translation>封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="186"/>
        <source>Put volume in box…</source>
        <translation>整卷装盒…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="253"/>
        <source>No paper original (digital record only).</source>
        <translation>无纸质原件（仅电子档案）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="254"/>
        <source>Original exists.</source>
        <translation>有纸质原件。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="255"/>
        <source>Volume: {volume}</source>
        <translation>案卷：{volume}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="256"/>
        <source>Box: {box}</source>
        <translation>档案盒：{box}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="258"/>
        <source>Not yet in a box: on the “paper missing” list.</source>
        <translation>尚未装盒：列入“纸质件未归位”清单。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="260"/>
        <source>Cabinet · shelf · position: {place}</source>
        <translation>柜 · 层 · 格：{place}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="260"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="277"/>
        <source>closed (bound)</source>
        <translation>已封卷（已装订）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="277"/>
        <source>open</source>
        <translation>未封卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/detail_pane.py" line="279"/>
        <source>Year {year} · {state} · {count} documents · box {box}</source>
        <translation>{year} 年度 · {state} · {count} 件 · 档案盒 {box}</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="60"/>
        <source>Attach scans and media</source>
        <translation>挂接扫描件和音像文件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="85"/>
        <source>Edit document</source>
        <translation>修改档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="85"/>
        <source>Register a document</source>
        <translation>登记档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="103"/>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="106"/>
        <source>e.g. 翠物〔2026〕12号</source>
        <translation>例如：翠物〔2026〕12号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="112"/>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="117"/>
        <source>Category default</source>
        <translation>按门类默认</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="121"/>
        <source>3栋2单元1502, 3-2-1502, 3号楼1502室 …</source>
        <translation>3栋2单元1502、3-2-1502、3号楼1502室…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="124"/>
        <source>A paper original exists</source>
        <translation>有纸质原件</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="127"/>
        <source>Attach scan…</source>
        <translation>挂接扫描件…</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="133"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="134"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="135"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="139"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="140"/>
        <source>Responsible party</source>
        <translation>责任者</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="141"/>
        <source>Document no. (文号)</source>
        <translation>文号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="142"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="143"/>
        <source>Secrecy grade</source>
        <translation>密级</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="144"/>
        <source>Retention</source>
        <translation>保管期限</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="145"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="147"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="152"/>
        <source>Scans and media</source>
        <translation>扫描件与音像</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="155"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="155"/>
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="192"/>
        <source>Part of the archive number, which never changes.</source>
        <translation>属于档号的组成部分，登记后不能更改。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="203"/>
        <source>e.g. {example}</source>
        <translation>例如：{example}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="212"/>
        <source>No room: the record is not about one household.</source>
        <translation>不填房号：此档案不针对某一户。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="215"/>
        <source>Not a room code yet: write it like 3栋2单元1502, 3-2-1502 or 3号楼1502室.</source>
        <translation>房号格式不对：请按「3栋2单元1502」「3-2-1502」「3号楼1502室」等格式填写。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="224"/>
        <source>no owner on record</source>
        <translation>暂无业主登记</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="233"/>
        <source>The title is required.</source>
        <translation>请填写题名。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="235"/>
        <source>The room code is not valid.</source>
        <translation>房号无效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/document_dialog.py" line="237"/>
        <source>Choose a category.</source>
        <translation>请选择门类。</translation>
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
        <location filename="../../src/estate_desk/ui/main_window.py" line="67"/>
        <source>Estate Desk — {office}</source>
        <translation>物业档案与前台 — {office}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="78"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="78"/>
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="78"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="78"/>
        <source>Administration</source>
        <translation>管理</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="104"/>
        <source>Search owners, rooms, archive numbers, boxes, titles (Ctrl+F)</source>
        <translation>搜索业主、房号、档号、档案盒、题名（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="108"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="115"/>
        <source>{name} ({role}) · {db}</source>
        <translation>{name}（{role}）· {db}</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="142"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="143"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="146"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="151"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="154"/>
        <source>&amp;Archive</source>
        <translation>档案(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="158"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="159"/>
        <location filename="../../src/estate_desk/ui/main_window.py" line="233"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="167"/>
        <source>Print category names in SimHei (黑体)</source>
        <translation>档案盒标签的门类名称使用系统黑体（SimHei）打印</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="172"/>
        <source>Available where SimHei is installed; otherwise the bundled Noto Sans SC Bold is used.</source>
        <translation>仅在已安装黑体（SimHei）时可选；否则使用内置的思源黑体粗体（Noto Sans SC Bold）。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="176"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="177"/>
        <source>&amp;About Estate Desk</source>
        <translation>关于物业档案与前台(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="190"/>
        <source>Owners</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="191"/>
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="192"/>
        <source>Boxes</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="193"/>
        <source>Volumes</source>
        <translation>案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="194"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="210"/>
        <source>Nothing found for “{text}”</source>
        <translation>没有找到“{text}”</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="233"/>
        <source>The new language applies from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="238"/>
        <source>About Estate Desk</source>
        <translation>关于物业档案与前台</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/main_window.py" line="239"/>
        <source>Estate Desk {version}
Archive and front desk of the service centre.</source>
        <translation>物业档案与前台 {version}
物业服务中心的档案管理与前台接待。</translation>
    </message>
</context>
<context>
    <name>OwnerView</name>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="57"/>
        <source>Room</source>
        <translation>房号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="57"/>
        <source>Owner</source>
        <translation>业主</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="57"/>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="74"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="57"/>
        <source>Move-in</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="66"/>
        <source>Choose a household to open the owner&apos;s file.</source>
        <translation>选择一户即可打开业主档案。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="73"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="75"/>
        <source>Address</source>
        <translation>联系地址</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="76"/>
        <source>ID number</source>
        <translation>证件号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="77"/>
        <source>Rooms</source>
        <translation>房产</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>What</source>
        <translation>变更项</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>Old</source>
        <translation>原值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>New</source>
        <translation>新值</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="82"/>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="85"/>
        <source>Archive no.</source>
        <translation>档号</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="85"/>
        <source>Title</source>
        <translation>题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="97"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="98"/>
        <source>Documents</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="130"/>
        <source>{room}: no owner on record.</source>
        <translation>{room}：暂无业主登记。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="159"/>
        <source>person</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="159"/>
        <source>company</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="162"/>
        <source>, moved in {date}</source>
        <translation>，{date} 入住</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="183"/>
        <source>system</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="190"/>
        <source>No changes recorded yet.</source>
        <translation>尚无变更记录。</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/owner_view.py" line="194"/>
        <source>Documents ({n})</source>
        <translation>档案（{n}）</translation>
    </message>
</context>
<context>
    <name>PlaceBoxDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="238"/>
        <source>Put a box in a cabinet</source>
        <translation>档案盒上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="243"/>
        <source>not shelved</source>
        <translation>未上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="253"/>
        <source>e.g. shelved after boxing</source>
        <translation>例如：装盒后上架</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="254"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="255"/>
        <source>Cabinet</source>
        <translation>档案柜</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="256"/>
        <source>Shelf</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="257"/>
        <source>Position</source>
        <translation>格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="258"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>PrintingSection</name>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="62"/>
        <source>Box</source>
        <translation>档案盒</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="63"/>
        <source>Category</source>
        <translation>门类</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="64"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="65"/>
        <source>Spine (mm)</source>
        <translation>盒脊宽度（毫米）</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="66"/>
        <source>Cabinet · shelf-position</source>
        <translation>档案柜 · 层-格</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/sections.py" line="72"/>
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
<context>
    <name>VolumeDialog</name>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="90"/>
        <source>File into a volume</source>
        <translation>组卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="91"/>
        <source>An open volume</source>
        <translation>未封卷的案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="92"/>
        <source>A new volume</source>
        <translation>新建案卷</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="102"/>
        <source>Volume title</source>
        <translation>案卷题名</translation>
    </message>
    <message>
        <location filename="../../src/estate_desk/ui/filing_dialogs.py" line="103"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
</context>
</TS>
