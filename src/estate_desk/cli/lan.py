"""``estate-desk workstation``: this workstation's LAN settings — which database, which attachment folder.

Shows where the settings come from, writes them to ``workstation.json`` when asked, and with
``--check`` opens the archive exactly as the window does: the attachment folder must be reachable
and belong to this archive, and on PostgreSQL it shows how far this machine's clock is off the
server's (the server's time is the one used).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from estate_desk import workstation
from estate_desk.cli.common import EXIT_OK, open_db, say

if TYPE_CHECKING:
    import argparse

    from estate_desk.cli.common import Adder


def cmd_workstation(args: argparse.Namespace) -> int:
    from estate_desk.store import attachment_home
    from estate_desk.store.backends import is_sqlite
    from estate_desk.store.database import DATABASE_URL_ENV, mask_url, resolve_url
    from estate_desk.store.server_clock import ServerClock

    changes = {
        key: value
        for key, value in (("database_url", args.set_database), ("attachment_folder", args.set_attachments))
        if value is not None
    }
    if changes:
        saved = workstation.save(**changes)
        print(say(f"已保存本机设置：{saved}", f"Saved this workstation's settings: {saved}"))
    explicit = getattr(args, "database", None)
    url = resolve_url(explicit)
    source = (
        "--database"
        if explicit
        else DATABASE_URL_ENV
        if os.environ.get(DATABASE_URL_ENV)
        else str(workstation.settings_file())
        if workstation.database_url()
        else say("默认（数据文件夹中的 SQLite）", "default (SQLite in the data folder)")
    )
    print(say("数据库：", "Database: ") + f"{mask_url(url)}  ({source})")
    folder = attachment_home.configured_folder()
    folder_source = (
        workstation.ATTACHMENTS_ENV
        if os.environ.get(workstation.ATTACHMENTS_ENV)
        else str(workstation.settings_file())
        if workstation.attachment_folder()
        else say("默认（数据文件夹）", "default (the data folder)")
    )
    print(say("附件文件夹：", "Attachment folder: ") + f"{folder}  ({folder_source})")
    if not is_sqlite(url) and workstation.attachment_folder() is None:
        print(
            say(
                "提示：多台工作站共用 PostgreSQL 时，请把附件文件夹设为各工作站都能访问的共享文件夹（--set-attachments）。",
                "Note: with several workstations on PostgreSQL, set the attachment folder to a shared folder "
                "every workstation reaches (--set-attachments).",
            )
        )
    if args.check:
        db = open_db(args)  # checks the attachment folder against the archive, as the window does
        try:
            print(say("档案库标识：", "Archive identity: ") + attachment_home.archive_id(db))
            print(
                say("附件文件夹可用，属于本档案库。", "The attachment folder is reachable and belongs to this archive.")
            )
            if not is_sqlite(db.url):
                offset = ServerClock(db).measure()
                seconds = round(-offset.total_seconds())
                print(
                    say(
                        f"本机时钟与服务器相差 {seconds} 秒；记录时间以服务器为准。",
                        f"This machine's clock is {seconds} s off the server's; records use the server's time.",
                    )
                )
        finally:
            db.dispose()
    return EXIT_OK


def add_lan_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], add: Adder) -> None:
    ws = add(
        "workstation",
        cmd_workstation,
        say(
            "本工作站的数据库和附件文件夹（局域网模式）", "this workstation's database and attachment folder (LAN mode)"
        ),
    )
    ws.add_argument(
        "--set-database",
        metavar="URL",
        help=say('记住此数据库 URL（"" 表示忘记）', 'remember this database URL ("" forgets it)'),
    )
    ws.add_argument(
        "--set-attachments",
        metavar="DIR",
        help=say(
            '记住此附件文件夹，例如共享文件夹（"" 表示忘记）',
            'remember this attachment folder, e.g. a share ("" forgets it)',
        ),
    )
    ws.add_argument(
        "--check",
        action="store_true",
        help=say("打开档案库并检查附件文件夹", "open the archive and check the attachment folder"),
    )
