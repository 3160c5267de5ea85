"""Backups and clearance (A6, A11, A12): who may make one, and a file nobody reads without the archive's key.

A backup holds the whole archive, so only a signed-in archive clerk or administrator cleared for its
highest grade makes one (owner files count as 绝密). The file is encrypted at rest: a marker planted
in a record's title, an owner's name and ID number, and an attachment's content is nowhere in its
bytes. Restoring needs a sign-in of the source archive or its recovery key; a wrong one touches
nothing. A flipped byte is refused even when the checksums are recomputed around it (the chunks are
authenticated), and so is a member cut short or two chunks swapped.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import func, select

from database_support import ADMIN_PASSWORD, make_actor
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments
from estate_desk.services.archive import numbering as archive
from estate_desk.services.estate.buildings import add_owner
from estate_desk.services.maintenance import backup_check, backup_crypto, backup_format, backup_write, restore
from estate_desk.services.maintenance.backup_crypto import Credentials
from estate_desk.services.secrecy import keyring
from estate_desk.store.archive import Document
from estate_desk.store.audit import AuditEvent

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.blobs import BlobStore
    from estate_desk.store.database import Database

ADMIN = Credentials(username="admin", password=ADMIN_PASSWORD)
MARK = "MARK-7f3a9c"
MARK_ZH = "泄露标记甲乙"


def _admin(db: Database, clock: FakeClock) -> Actor:
    return accounts.authenticate(db, clock, "admin", ADMIN_PASSWORD)


def _top_secret_owner(db: Database, clock: FakeClock, name: str = "王某某", id_number: str = "") -> None:
    with db.session() as s:
        owner = add_owner(s, clock, name, phone="13800138000")
        owner.id_number = id_number


def _last_event(db: Database) -> AuditEvent:
    with db.session() as s:
        event = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert event is not None
        s.expunge(event)
        return event


def _clear_store(tmp_path: Path, name: str = "old-store") -> None:
    root = attachments.blob_store().root
    if root.exists():
        root.rename(tmp_path / name)


def _sqlite(tmp_path: Path, name: str) -> str:
    return f"sqlite+pysqlite:///{tmp_path / f'{name}.sqlite3'}"


# --------------------------------------------------------------------------- who may back up


def test_a6_a_backup_is_refused_to_an_archive_clerk_cleared_below_the_archive(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    _top_secret_owner(ready_db, clock)  # owner files are 绝密 (A12)
    internal_clerk = make_actor(ready_db, clock, "clerk", "archive_clerk", int(Grade.INTERNAL))
    out = tmp_path / "leak.edbackup"

    with pytest.raises(PermissionDenied) as refused:
        backup_write.create_backup(ready_db, clock, internal_clerk, out)

    assert "绝密" in refused.value.zh and "内部" in refused.value.zh and "Top secret" in refused.value.en
    assert not out.exists() and list(tmp_path.glob("*.edbackup")) == []
    event = _last_event(ready_db)
    assert event.action == "refuse" and event.username == "clerk"  # the refusal is in the audit trail


def test_a6_a_backup_is_refused_with_no_signed_in_user(
    ready_db: Database,
    clock: FakeClock,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from estate_desk.cli.__main__ import main

    with pytest.raises(PermissionDenied) as refused:
        backup_write.create_backup(ready_db, clock, None, tmp_path / "nobody.edbackup")
    assert "登录" in refused.value.zh and "signed-in" in refused.value.en
    assert _last_event(ready_db).action == "refuse"

    monkeypatch.delenv("ESTATE_DESK_USER", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    url = ready_db.url.render_as_string(hide_password=False)
    assert main(["backup", "-o", str(tmp_path / "cli.edbackup"), "--database", url]) == 1
    assert "--user" in capsys.readouterr().err
    assert list(tmp_path.glob("*.edbackup")) == []


def test_a6_the_clearance_a_backup_needs_is_the_highest_grade_in_use(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    confidential_clerk = make_actor(ready_db, clock, "clerk", "archive_clerk", int(Grade.CONFIDENTIAL))
    with ready_db.session() as s:
        archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "机密的产权证明", 2024, secrecy=Grade.CONFIDENTIAL), created_by=None
        )
    backup_write.create_backup(ready_db, clock, confidential_clerk, tmp_path / "ok.edbackup")  # 机密 covers 机密
    event = _last_event(ready_db)
    assert event.action == "export" and event.username == "clerk" and "ok.edbackup" in (event.detail or "")

    _top_secret_owner(ready_db, clock)  # now the archive holds an owner file: 绝密
    with pytest.raises(PermissionDenied):
        backup_write.create_backup(ready_db, clock, confidential_clerk, tmp_path / "no.edbackup")
    receptionist = make_actor(ready_db, clock, "desk", "receptionist", int(Grade.TOP_SECRET))
    with pytest.raises(PermissionDenied) as by_role:  # cleared, but the role does not keep the archive
        backup_write.create_backup(ready_db, clock, receptionist, tmp_path / "no.edbackup")
    assert "前台接待" in by_role.value.zh
    assert not (tmp_path / "no.edbackup").exists()


def test_a6_a_cleared_archive_clerk_backs_up_and_the_backup_is_audited(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    _top_secret_owner(ready_db, clock)
    out = tmp_path / "clerk.edbackup"
    info = backup_write.create_backup(ready_db, clock, clerk, out)
    assert out.is_file() and info.counts["owners"] == 1
    event = _last_event(ready_db)
    assert (event.action, event.username) == ("export", "clerk") and event.at is not None
    assert clerk.keyring is not None
    assert backup_check.check_backup(out, clerk.keyring).counts == info.counts


# --------------------------------------------------------------------------- encrypted at rest


def test_a6_a_backup_file_holds_no_plaintext_title_name_or_file_content(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    admin = _admin(ready_db, clock)
    _top_secret_owner(ready_db, clock, name=f"{MARK_ZH}{MARK}", id_number=f"11010519491231{MARK}")
    with ready_db.session() as s:
        top = archive.register_document(
            s,
            clock,
            archive.DocumentDraft("YZ", f"绝密档案{MARK_ZH}{MARK}", 2024, secrecy=Grade.TOP_SECRET),
            created_by=None,
        ).id
        internal = archive.register_document(
            s, clock, archive.DocumentDraft("YZ", "内部档案", 2024, secrecy=Grade.INTERNAL), created_by=None
        ).id
    scan = tmp_path / "scan.txt"  # an open record's attachment is kept in clear in the store …
    scan.write_bytes(f"{MARK} {MARK_ZH} 业主身份证复印件\n".encode() * 500)
    row = attachments.attach_file(ready_db, clock, admin, internal, scan)
    assert not row.encrypted and MARK.encode() in attachments.blob_store().path_of(row.sha256).read_bytes()
    assert top
    out = tmp_path / "marked.edbackup"
    backup_write.create_backup(ready_db, clock, admin, out)

    raw = out.read_bytes()
    needles = [MARK.encode(), MARK_ZH.encode(), MARK_ZH.encode("utf-16-le"), MARK.encode("utf-16-le")]
    assert not [n for n in needles if n in raw]
    with zipfile.ZipFile(out) as zf:  # … and no member holds it once unpacked either
        for name in zf.namelist():
            data = zf.read(name)
            assert not [n for n in needles if n in data], name
            assert MARK not in name
    # and with the key it is all there
    assert admin.keyring is not None
    info = backup_check.check_backup(out, admin.keyring)
    assert info.counts["owners"] == 1 and info.files == 1


@pytest.fixture
def sealed(ready_db: Database, clock: FakeClock, tmp_path: Path) -> tuple[Path, str]:
    """A backup with a 2.5 MiB attachment (three chunks) and the archive's recovery key."""
    admin = _admin(ready_db, clock)
    assert admin.keyring is not None
    with ready_db.session() as s:
        recovery = keyring.issue_recovery(s, clock, admin.keyring)
        doc = archive.register_document(s, clock, archive.DocumentDraft("YZ", "一份档案", 2024), created_by=None).id
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4\n" + os.urandom(5 * backup_crypto.CHUNK // 2))
    attachments.attach_file(ready_db, clock, admin, doc, scan)
    out = tmp_path / "sealed.edbackup"
    backup_write.create_backup(ready_db, clock, admin, out)
    return out, recovery


def _untouched(db: Database, store: BlobStore, tmp_path: Path) -> tuple[int, list[str]]:
    with db.session() as s:
        docs = s.scalar(select(func.count()).select_from(Document)) or 0
    files = sorted(p.relative_to(store.root).as_posix() for p in store.root.rglob("*") if p.is_file())
    assert not list(store.root.parent.glob("*.replaced-*"))
    return docs, files


@pytest.mark.parametrize(
    "wrong",
    [
        Credentials(username="admin", password="not-the-password"),
        Credentials(username="nobody", password=ADMIN_PASSWORD),
        Credentials(recovery_key=keyring.format_recovery_key(b"\x07" * 32)),
    ],
    ids=["wrong-password", "unknown-user", "wrong-recovery-key"],
)
def test_a6_a_restore_with_a_wrong_password_or_recovery_key_is_refused_and_touches_nothing(
    ready_db: Database, clock: FakeClock, sealed: tuple[Path, str], tmp_path: Path, wrong: Credentials
) -> None:
    out, _recovery = sealed
    with ready_db.session() as s:
        archive.register_document(s, clock, archive.DocumentDraft("YZ", "恢复失败后仍在", 2025), created_by=None)
    store = attachments.blob_store()
    before = _untouched(ready_db, store, tmp_path)

    with pytest.raises(PermissionDenied) as refused:
        restore.restore_backup(ready_db.url, out, wrong, force=True, clock=clock)

    message = refused.value.message("zh") + refused.value.message("en")
    assert "不正确" in message and "Wrong" in message and "Nothing was restored" in message
    assert _untouched(ready_db, store, tmp_path) == before


def test_a6_a_malformed_recovery_key_is_told_as_such(sealed: tuple[Path, str], tmp_path: Path) -> None:
    with pytest.raises(InputProblem) as refused:
        backup_check.open_backup(sealed[0], Credentials(recovery_key="1234"))
    assert "52" in refused.value.zh


def test_a6_a_backup_opens_with_any_users_password_of_the_source_or_its_recovery_key(
    ready_db: Database, clock: FakeClock, sealed: tuple[Path, str], tmp_path: Path
) -> None:
    out, recovery = sealed
    _clear_store(tmp_path)
    by_recovery = restore.restore_backup(_sqlite(tmp_path, "by-recovery"), out, Credentials(recovery_key=recovery))
    assert by_recovery.files == 1 and by_recovery.rows > 0
    _clear_store(tmp_path, "second")
    by_password = restore.restore_backup(_sqlite(tmp_path, "by-password"), out, ADMIN)
    assert by_password.rows == by_recovery.rows
    # the recovery key typed as people do: lower case, spaces for dashes
    backup_check.open_backup(out, Credentials(recovery_key=recovery.lower().replace("-", " ")))


def test_a6_a_clerk_added_after_set_up_opens_the_backup_with_their_own_password(
    ready_db: Database, clock: FakeClock, clerk: Actor, tmp_path: Path
) -> None:
    out = tmp_path / "b.edbackup"
    backup_write.create_backup(ready_db, clock, clerk, out)
    assert backup_check.open_backup(out, Credentials(username="clerk", password="clerk-pass-1")).files == 0
    with pytest.raises(PermissionDenied):
        backup_check.open_backup(out, Credentials(username="clerk", password=ADMIN_PASSWORD))


def _rewrite(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """Copy a backup with some members' stored bytes replaced (None: left out), then recompute the
    manifest and the whole-file checksum, as someone who has the file but not the key could."""
    members = []
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        for name in src.namelist():
            if name == backup_format.MANIFEST:
                continue
            data = change.get(name, src.read(name))
            if data is None:
                continue
            dst.writestr(name, data)
            members.append({"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()})
        dst.writestr(backup_format.MANIFEST, json.dumps({"format": backup_format.FORMAT, "members": members}))
        dst.comment = backup_format.COMMENT_PREFIX + b"0" * 64
    backup_format.seal_file(target)


def _attachment_member(path: Path) -> tuple[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.startswith(backup_format.FILES))
        return name, zf.read(name)


def _refused_as_damaged(path: Path, tmp_path: Path) -> InputProblem:
    backup_check.check_file(path)  # every checksum holds: only the key can tell
    _clear_store(tmp_path, f"store-{path.stem}")
    target = tmp_path / f"{path.stem}.sqlite3"
    with pytest.raises(InputProblem) as refused:
        restore.restore_backup(f"sqlite+pysqlite:///{target}", path, ADMIN)
    assert "已损坏" in refused.value.zh and "damaged" in refused.value.en
    assert not target.exists() and not attachments.blob_store().root.exists()
    return refused.value


def test_a6_a_flipped_byte_is_refused_even_with_the_checksums_recomputed(
    sealed: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = sealed
    name, data = _attachment_member(out)
    flipped = bytearray(data)
    flipped[len(flipped) // 2] ^= 0x01
    forged = tmp_path / "flipped.edbackup"
    _rewrite(out, forged, {name: bytes(flipped)})
    assert "authentication" in _refused_as_damaged(forged, tmp_path).en


def test_a6_a_member_cut_at_a_chunk_boundary_or_with_chunks_swapped_is_refused(
    sealed: tuple[Path, str], tmp_path: Path
) -> None:
    out, _ = sealed
    name, data = _attachment_member(out)
    size = backup_crypto.CHUNK + backup_crypto.TAG
    assert len(data) > 2 * size  # three chunks
    cut = tmp_path / "cut.edbackup"
    _rewrite(out, cut, {name: data[: 2 * size]})  # the last chunk dropped: no final chunk
    _refused_as_damaged(cut, tmp_path)
    swapped = tmp_path / "swapped.edbackup"
    _rewrite(out, swapped, {name: data[size : 2 * size] + data[:size] + data[2 * size :]})
    _refused_as_damaged(swapped, tmp_path)
    dropped = tmp_path / "dropped.edbackup"
    _rewrite(out, dropped, {name: None})  # a whole file left out
    _refused_as_damaged(dropped, tmp_path)


def test_a6_a_truncated_backup_is_refused_before_any_key_is_asked(sealed: tuple[Path, str], tmp_path: Path) -> None:
    out, _ = sealed
    for keep in (len(out.read_bytes()) // 2, len(out.read_bytes()) - 1):
        cut = tmp_path / f"cut-{keep}.edbackup"
        cut.write_bytes(out.read_bytes()[:keep])
        with pytest.raises(InputProblem) as refused:
            restore.restore_backup(_sqlite(tmp_path, f"t{keep}"), cut, Credentials(username="x", password="y"))
        assert "已损坏" in refused.value.zh


def test_a6_an_old_unencrypted_backup_is_refused_with_a_clear_message(ready_db: Database, tmp_path: Path) -> None:
    old = tmp_path / "old.edbackup"
    description = json.dumps({"format": backup_format.UNENCRYPTED_FORMAT, "revision": "x"}).encode()
    with zipfile.ZipFile(old, "w") as zf:
        zf.writestr(backup_format.DESCRIPTION, description)
        manifest = [
            {
                "name": backup_format.DESCRIPTION,
                "size": len(description),
                "sha256": hashlib.sha256(description).hexdigest(),
            }
        ]
        zf.writestr(
            backup_format.MANIFEST, json.dumps({"format": backup_format.UNENCRYPTED_FORMAT, "members": manifest})
        )
        zf.comment = backup_format.COMMENT_PREFIX + b"0" * 64
    backup_format.seal_file(old)
    with pytest.raises(InputProblem) as refused:
        restore.restore_backup(_sqlite(tmp_path, "old"), old, ADMIN)
    assert "旧格式" in refused.value.zh and "unencrypted" in refused.value.en


def test_a6_the_cli_restores_with_a_password_or_the_recovery_key_from_stdin(
    sealed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from estate_desk.cli.__main__ import main

    out, recovery = sealed
    monkeypatch.delenv("ESTATE_DESK_USER", raising=False)
    monkeypatch.delenv("ESTATE_DESK_PASSWORD", raising=False)
    _clear_store(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["restore", str(out), "--database", _sqlite(tmp_path, "none")]) == 1
    assert "--recovery-key" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-password\n"))
    assert main(["restore", str(out), "--database", _sqlite(tmp_path, "wrong"), "--user", "admin"]) == 1
    said = capsys.readouterr().err
    assert "不正确" in said or "Wrong" in said
    assert not (tmp_path / "wrong.sqlite3").exists()
    monkeypatch.setattr("sys.stdin", io.StringIO(recovery + "\n"))
    assert main(["restore", str(out), "--database", _sqlite(tmp_path, "rk"), "--recovery-key"]) == 0
    _clear_store(tmp_path, "second")
    monkeypatch.setattr("sys.stdin", io.StringIO(ADMIN_PASSWORD + "\n"))
    assert main(["restore", str(out), "--database", _sqlite(tmp_path, "pw"), "--user", "admin"]) == 0
