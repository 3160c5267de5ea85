"""Where the attachment store lives, and proof that it belongs to this archive (LAN mode, A5/A12).

Every workstation names its attachment folder in its own settings (``workstation.py``): on a LAN,
the network share all of them mount; alone, the data folder. The database holds the archive's
identity — a UUID in ``settings`` under :data:`ARCHIVE_ID_KEY`, made by the migration (and by
setup, should it be missing) — and the folder holds a marker file, :data:`MARKER`, with the same
identity, written the first time the folder is used with that database.

:func:`bind` runs when a workstation opens the archive (window and CLI). A folder whose marker
names another archive, or a configured share that is not there, is refused with a message that
names the folder and says what to do — two archives never share one store, and a workstation
never quietly writes attachments to its own disk where the others cannot read them. After that,
:func:`current_store` is what ``services/attachments.blob_store()`` and ``services/sealing.store()``
hand out; storing, previewing, sealing and removal work the same from every workstation.
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk import paths, workstation
from estate_desk.domain.errors import DatabaseProblem
from estate_desk.store.accounts import Setting
from estate_desk.store.backends import is_sqlite
from estate_desk.store.blobs import BlobStore

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.orm import Session

    from estate_desk.store.database import Database

log = logging.getLogger(__name__)

ARCHIVE_ID_KEY = "archive_id"
MARKER = "estate-desk-archive.json"


class _Binding:
    """The archive this process opened, and the folders already checked against it."""

    archive_id: str | None = None
    checked: set[Path] = set()  # noqa: RUF012 - one process, one archive


def default_folder() -> Path:
    return paths.data_dir() / "attachments"


def configured_folder() -> Path:
    """This workstation's attachment folder: its setting, else the data folder's."""
    return workstation.attachment_folder() or default_folder()


def archive_id_in(s: Session) -> str:
    """The archive's identity; made here when an archive lacks one."""
    value = s.scalar(select(Setting.value).where(Setting.key == ARCHIVE_ID_KEY))
    if value:
        return value
    value = str(uuid.uuid4())
    s.add(Setting(key=ARCHIVE_ID_KEY, value=value))
    s.flush()
    return value


def archive_id(db: Database) -> str:
    with db.session() as s:
        return archive_id_in(s)


def marker_of(folder: Path) -> str | None:
    """The archive identity a folder's marker names (None: no marker yet)."""
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise _unreadable(folder, exc) from exc
    value = data.get("archive_id") if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise _unreadable(folder, ValueError("no archive_id"))
    return value


def _unreadable(folder: Path, exc: Exception) -> DatabaseProblem:
    return DatabaseProblem(
        zh=f"附件文件夹的标记文件 {MARKER} 无法读取（{exc}）。请检查该文件夹，或从备份恢复该文件。",
        en=f"The attachment folder's marker file {MARKER} cannot be read ({exc}). Check the folder, "
        "or restore the file from a backup.",
        where=str(folder),
    )


def _write_marker(folder: Path, identity: str, database: str) -> None:
    tmp = folder / (MARKER + ".tmp")
    body = {"archive_id": identity, "database": database}
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, folder / MARKER)


def check_folder(folder: Path, identity: str, *, configured: bool, database: str = "") -> None:
    """Refuse a folder that is out of reach or belongs to another archive; mark a new one as ours."""
    if configured and not folder.is_dir():
        raise DatabaseProblem(
            zh=f"本机设置的附件文件夹不存在或无法访问：{folder}。如果这是网络共享文件夹，请先连接（映射）共享，"
            "或在本机设置（workstation.json）中改正附件文件夹；在此之前不能打开档案库，以免附件存到别处。",
            en=f"The attachment folder this workstation is set to use does not exist or cannot be reached: {folder}. "
            "If it is a network share, connect (mount) it first, or correct the attachment folder in this "
            "workstation's settings (workstation.json); until then the archive is not opened, so that no "
            "attachment is stored elsewhere.",
            where=str(folder),
        )
    marked = marker_of(folder) if folder.is_dir() else None
    if marked is not None and marked != identity:
        raise DatabaseProblem(
            zh=f"附件文件夹 {folder} 属于另一个档案库（标识 {marked}），不是当前数据库的档案库（标识 {identity}）。"
            "为避免两个档案库的附件混在一起，未打开。请在本机设置中改用本档案库的附件文件夹，或确认连接了正确的数据库。",
            en=f"The attachment folder {folder} belongs to another archive (identity {marked}), not to this "
            f"database's archive ({identity}). It was not opened, so two archives' attachments never mix. "
            "Point this workstation at this archive's attachment folder, or check that it opens the right database.",
            where=str(folder),
        )
    if marked is None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            _write_marker(folder, identity, database)
        except OSError as exc:
            raise DatabaseProblem(
                zh=f"无法在附件文件夹中写入（{exc.strerror or exc}）。请检查该文件夹的写入权限。",
                en=f"Cannot write in the attachment folder ({exc.strerror or exc}). Check its write permission.",
                where=str(folder),
            ) from exc
        log.info("attachment folder %s now belongs to archive %s", folder, identity)


def bind(db: Database) -> BlobStore:
    """Check this workstation's attachment folder against the archive ``db`` holds; from now on
    :func:`current_store` hands it out. Raises :class:`DatabaseProblem` (see the module docstring)."""
    identity = archive_id(db)
    folder = configured_folder()
    configured = workstation.attachment_folder() is not None
    if not configured and not is_sqlite(db.url):
        log.warning(
            "a PostgreSQL archive with attachments in this workstation's own data folder (%s): other "
            "workstations cannot open them; set attachment_folder to the shared folder",
            folder,
        )
    check_folder(folder, identity, configured=configured, database=db.masked_url)
    _Binding.archive_id = identity
    _Binding.checked = {folder}
    return BlobStore(folder)


def current_store() -> BlobStore:
    """The attachment store of this workstation, checked against the bound archive (see :func:`bind`)."""
    folder = configured_folder()
    if _Binding.archive_id is not None and folder not in _Binding.checked:
        check_folder(folder, _Binding.archive_id, configured=workstation.attachment_folder() is not None)
        _Binding.checked.add(folder)
    return BlobStore(folder)


def unbind() -> None:
    """Forget the bound archive (a process that closes one archive and opens another; tests)."""
    _Binding.archive_id = None
    _Binding.checked = set()
