"""Encryption at rest (A6): sealed attachments, the master key unlocked at sign-in, recovery, re-grading."""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import resource
import tracemalloc
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from database_support import ADMIN_PASSWORD, make_actor
from estate_desk import paths
from estate_desk.domain.errors import InputProblem, PermissionDenied, UserError
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import admin as account_admin
from estate_desk.services.accounts import setup
from estate_desk.services.accounts import users as accounts
from estate_desk.services.actor import Actor
from estate_desk.services.archive import attachments, register
from estate_desk.services.archive import numbering as archive
from estate_desk.services.secrecy import grades, sealing
from estate_desk.store import sealed
from estate_desk.store.archive import Attachment
from estate_desk.store.audit import AuditEvent
from estate_desk.store.blobs import BlobStore
from estate_desk.store.keys import UserKey
from estate_desk.store.sealed import SealBroken, SealingKey, SealWriter

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

MIB = 1024 * 1024
MARKER = "业主身份证号 110101199001011234 MARKER-Ω".encode()


@pytest.fixture
def admin(ready_db: Database, clock: FakeClock) -> Actor:
    return accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)


def _document(db: Database, clock: FakeClock, grade: Grade, title: str = "业主证件复印件") -> int:
    with db.session() as s:
        return archive.register_document(
            s, clock, archive.DocumentDraft("YZ", title, 2024, secrecy=grade), created_by=None
        ).id


def _scan(tmp_path: Path, name: str = "证件.pdf", size: int = 3 * MIB + 17) -> tuple[Path, bytes]:
    body = bytearray(os.urandom(size))
    body[: len(MARKER)] = MARKER
    body[size // 2 : size // 2 + len(MARKER)] = MARKER
    data = b"%PDF-1.4\n" + bytes(body)
    path = tmp_path / name
    path.write_bytes(data)
    return path, data


def _store_files() -> list[Path]:
    root = paths.data_dir() / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _last_event(db: Database) -> AuditEvent:
    with db.session() as s:
        row = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        assert row is not None
        return row


# --------------------------------------------------------------------------- the sealed format


def _key() -> SealingKey:
    master = os.urandom(32)
    return SealingKey(master, sealed.fingerprint(master))


def _seal(data: bytes, key: SealingKey, chunk: int) -> bytes:
    out = io.BytesIO()
    writer = SealWriter(out.write, key, chunk_size=chunk)
    for start in range(0, len(data), 7):
        writer.write(data[start : start + 7])
    writer.finish()
    return out.getvalue()


def _open(blob: bytes, key: SealingKey) -> bytes:
    return io.BufferedReader(sealed.SealedReader(io.BufferedReader(io.BytesIO(blob)), key)).read()  # type: ignore[arg-type]


@settings(max_examples=80, deadline=None)
@given(data=st.binary(max_size=200), chunk=st.integers(1, 40))
def test_a6_sealed_content_round_trips_at_every_size_and_chunk_boundary(data: bytes, chunk: int) -> None:
    key = _key()
    blob = _seal(data, key, chunk)
    assert _open(blob, key) == data
    assert len(blob) == sealed.HEADER_BYTES + len(data) + (len(data) // chunk + 1) * sealed.TAG_BYTES
    assert len(blob) == sealed.sealed_size(len(data), chunk) and sealed.plain_size(len(blob), chunk) == len(data)


@settings(max_examples=60, deadline=None)
@given(
    data=st.binary(min_size=1, max_size=120),
    chunk=st.integers(1, 16),
    cut=st.integers(0, 10_000),
    flip=st.integers(0, 10_000),
)
def test_a6_a_cut_flipped_swapped_or_lengthened_sealed_file_never_reads_back(
    data: bytes, chunk: int, cut: int, flip: int
) -> None:
    key = _key()
    blob = _seal(data, key, chunk)
    with pytest.raises(SealBroken):
        _open(blob[: cut % len(blob)], key)  # cut anywhere, at a chunk boundary too
    damaged = bytearray(blob)
    damaged[flip % len(blob)] ^= 0x01
    with pytest.raises(SealBroken):
        _open(bytes(damaged), key)
    with pytest.raises(SealBroken):
        _open(blob + b"\x00" * (sealed.TAG_BYTES + 1), key)
    step = chunk + sealed.TAG_BYTES
    body = blob[sealed.HEADER_BYTES :]
    if len(body) >= 2 * step and body[:step] != body[step : 2 * step]:
        swapped = blob[: sealed.HEADER_BYTES] + body[step : 2 * step] + body[:step] + body[2 * step :]
        with pytest.raises(SealBroken):
            _open(swapped, key)
    with pytest.raises(SealBroken, match="another archive"):
        _open(blob, _key())


# --------------------------------------------------------------------------- attaching and previewing


def test_a6_an_encrypted_attachment_on_disk_contains_none_of_its_plaintext(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.SECRET)
    source, data = _scan(tmp_path)
    row = attachments.attach_file(ready_db, clock, admin, doc, source)
    assert row.encrypted and row.sha256 == hashlib.sha256(data).hexdigest() and row.size == len(data)
    store = attachments.blob_store()
    [stored] = _store_files()
    assert stored == store.path_of(row.sha256, sealed=True) and not store.exists(row.sha256)
    raw = stored.read_bytes()
    assert MARKER not in raw and b"%PDF" not in raw and data[100:164] not in raw
    assert store.verify(row.sha256, seal=admin.keyring.sealing_key())  # type: ignore[union-attr]

    preview = attachments.open_for_preview(ready_db, admin, row.id)
    assert preview.data == data and preview.path is None and preview.inside
    assert _store_files() == [stored]  # previewing wrote nothing, in the clear or otherwise
    event = _last_event(ready_db)
    assert (event.action, event.target_kind, event.target_id, event.grade) == (
        "view_attachment",
        "attachment",
        row.id,
        2,
    )


def test_a6_a_flipped_ciphertext_byte_is_detected_refused_explained_and_audited(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.TOP_SECRET)
    row = attachments.attach_file(ready_db, clock, admin, doc, _scan(tmp_path)[0])
    stored = attachments.blob_store().path_of(row.sha256, sealed=True)
    stored.chmod(0o600)
    raw = bytearray(stored.read_bytes())
    raw[len(raw) // 2] ^= 0x40
    stored.write_bytes(bytes(raw))

    with pytest.raises(SealBroken) as caught:
        attachments.open_for_preview(ready_db, admin, row.id)
    assert "篡改" in caught.value.zh and "tampered" in caught.value.en and "nothing was shown" in caught.value.en
    event = _last_event(ready_db)
    assert (event.action, event.target_id) == ("refuse", row.id) and "篡改" in event.reason
    assert not attachments.blob_store().verify(row.sha256, seal=admin.keyring.sealing_key())  # type: ignore[union-attr]


def test_a6_audio_of_an_encrypted_record_is_never_handed_out_in_the_clear(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.SECRET)
    (tmp_path / "录音.mp3").write_bytes(b"ID3" + MARKER)
    row = attachments.attach_file(ready_db, clock, admin, doc, tmp_path / "录音.mp3")
    with pytest.raises(InputProblem, match="plain copy on disk"):
        attachments.open_for_preview(ready_db, admin, row.id)


def test_a6_a_session_without_the_key_cannot_attach_to_or_read_an_encrypted_record(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.SECRET)
    row = attachments.attach_file(ready_db, clock, admin, doc, _scan(tmp_path)[0])
    keyless = Actor(admin.user_id, admin.username, admin.display_name, admin.role, admin.clearance)
    with pytest.raises(PermissionDenied, match="encryption key"):
        attachments.open_for_preview(ready_db, keyless, row.id)
    with pytest.raises(PermissionDenied, match="encryption key"):
        attachments.attach_file(ready_db, clock, keyless, doc, _scan(tmp_path, "b.pdf")[0])
    assert len(_store_files()) == 1


def test_a6_encrypted_attaching_of_a_200_mb_file_keeps_memory_bounded(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.CONFIDENTIAL, "监控录像")
    (tmp_path / "warm-up.mp4").write_bytes(b"warm")
    attachments.attach_file(ready_db, clock, admin, doc, tmp_path / "warm-up.mp4")  # caches filled
    source = tmp_path / "门岗监控.mp4"
    hasher = hashlib.sha256()
    block = bytearray(os.urandom(MIB))
    with source.open("wb") as fh:
        for i in range(200):
            block[:4] = i.to_bytes(4, "big")
            hasher.update(block)
            fh.write(block)
    del block
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    try:
        row = attachments.attach_file(ready_db, clock, admin, doc, source)
        _, peak_in = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        assert attachments.blob_store().verify(row.sha256, seal=admin.keyring.sealing_key())  # type: ignore[union-attr]
        _, peak_out = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert row.encrypted and row.sha256 == hasher.hexdigest() and row.size == 200 * MIB
    assert peak_in < 8 * MIB, f"peak while sealing: {peak_in / MIB:.1f} MiB"
    assert peak_out < 8 * MIB, f"peak while reading back: {peak_out / MIB:.1f} MiB"
    assert rss_growth_mib < 48, f"resident memory grew by {rss_growth_mib:.0f} MiB"
    assert attachments.blob_store().path_of(row.sha256, sealed=True).stat().st_size == sealed.sealed_size(200 * MIB)


# --------------------------------------------------------------------------- raising and lowering a grade


def test_a6_raising_a_grade_encrypts_and_lowering_decrypts_byte_for_byte(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, Grade.INTERNAL)
    source, data = _scan(tmp_path)
    row = attachments.attach_file(ready_db, clock, admin, doc, source)
    store = attachments.blob_store()
    assert not row.encrypted and _store_files() == [store.path_of(row.sha256)]

    register.edit_document(ready_db, clock, admin, doc, secrecy=Grade.CONFIDENTIAL)
    [after] = attachments.attachments_of(ready_db, admin, doc)
    assert after.encrypted and _store_files() == [store.path_of(row.sha256, sealed=True)]  # no plain copy left
    assert MARKER not in store.path_of(row.sha256, sealed=True).read_bytes()
    event = _last_event(ready_db)
    assert event.action == "change" and '"attachments_resealed":1' in event.detail and '"secrecy":[1,3]' in event.detail

    register.edit_document(ready_db, clock, admin, doc, secrecy=Grade.PUBLIC)
    [back] = attachments.attachments_of(ready_db, admin, doc)
    assert not back.encrypted and _store_files() == [store.path_of(row.sha256)]
    assert store.path_of(row.sha256).read_bytes() == data


def test_a6_a_plain_copy_another_record_still_uses_is_kept(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    first, second = (
        _document(ready_db, clock, Grade.INTERNAL),
        _document(ready_db, clock, Grade.INTERNAL, "钥匙领用登记表"),
    )
    source, _ = _scan(tmp_path)
    row = attachments.attach_file(ready_db, clock, admin, first, source)
    attachments.attach_file(ready_db, clock, admin, second, source)
    register.edit_document(ready_db, clock, admin, first, secrecy=Grade.SECRET)
    store = attachments.blob_store()
    assert _store_files() == sorted([store.path_of(row.sha256), store.path_of(row.sha256, sealed=True)])


def test_a6_changing_the_threshold_brings_every_file_into_line(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    internal = _document(ready_db, clock, Grade.INTERNAL)
    secret = _document(ready_db, clock, Grade.SECRET, "装修图纸")
    a = attachments.attach_file(ready_db, clock, admin, internal, _scan(tmp_path, "a.pdf")[0])
    b = attachments.attach_file(ready_db, clock, admin, secret, _scan(tmp_path, "b.pdf")[0])
    assert (a.encrypted, b.encrypted) == (False, True)
    assert grades.set_encrypt_from(ready_db, clock, admin, Grade.INTERNAL) == 1
    assert [x.encrypted for x in attachments.attachments_of(ready_db, admin, internal)] == [True]
    assert grades.set_encrypt_from(ready_db, clock, admin, Grade.CONFIDENTIAL) == 2
    with ready_db.session() as s:
        assert not any(s.scalars(select(Attachment.encrypted)))
    assert all(not p.name.endswith(".enc") for p in _store_files())


# --------------------------------------------------------------------------- keys: sign-in, passwords, recovery


def test_a6_the_key_is_unlocked_at_sign_in_and_kept_out_of_every_repr(ready_db: Database, clock: FakeClock) -> None:
    desk = make_actor(ready_db, clock, "desk", "receptionist")
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    assert desk.keyring is not None and admin.keyring is not None and desk.keyring.key_id == admin.keyring.key_id
    secret = admin.keyring.sealing_key().key
    for shown in (repr(admin), str(admin), repr(admin.keyring), repr(admin.keyring.sealing_key())):
        assert secret.hex() not in shown and repr(secret) not in shown
    assert "keyring" not in repr(admin)
    with pytest.raises(TypeError):
        pickle.dumps(admin.keyring)
    with ready_db.session() as s:
        stored = " ".join(row.wrapped + row.kdf for row in s.scalars(select(UserKey)))
    assert secret.hex() not in stored


def test_a6_changing_a_password_rewraps_the_key_and_touches_no_file(
    ready_db: Database, clock: FakeClock, admin: Actor, tmp_path: Path
) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    row = attachments.attach_file(ready_db, clock, clerk, _document(ready_db, clock, Grade.SECRET), _scan(tmp_path)[0])
    stored = attachments.blob_store().path_of(row.sha256, sealed=True)
    before = (stored.read_bytes(), stored.stat().st_mtime_ns)
    with ready_db.session() as s:
        old_wrap = s.get(UserKey, clerk.user_id).wrapped  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied, match="current password"):
        account_admin.change_password(ready_db, clock, clerk, "not-my-password", "new-pass-word-2")
    account_admin.change_password(ready_db, clock, clerk, "clerk-pass-1", "new-pass-word-2")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(ready_db, clock, "clerk", "clerk-pass-1")
    again = accounts.authenticate(ready_db, clock, "clerk", "new-pass-word-2")
    assert again.keyring is not None and again.keyring.key_id == clerk.keyring.key_id  # type: ignore[union-attr]
    with ready_db.session() as s:
        assert s.get(UserKey, clerk.user_id).wrapped != old_wrap  # type: ignore[union-attr]
    assert (stored.read_bytes(), stored.stat().st_mtime_ns) == before
    assert attachments.open_for_preview(ready_db, again, row.id).data is not None


def test_a6_an_administrator_resets_a_password_and_a_disabled_user_keeps_no_key(
    ready_db: Database, clock: FakeClock, admin: Actor
) -> None:
    make_actor(ready_db, clock, "clerk", "archive_clerk")
    account_admin.reset_password(ready_db, clock, admin, "clerk", "reset-pass-3")
    assert accounts.authenticate(ready_db, clock, "clerk", "reset-pass-3").keyring is not None
    accounts.disable_user(ready_db, admin, "clerk")
    with ready_db.session() as s:
        assert s.get(UserKey, accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD).user_id) is not None
        assert s.scalar(select(UserKey).join(accounts.User).where(accounts.User.username == "clerk")) is None


def test_a6_the_recovery_key_is_shown_once_at_set_up_and_opens_the_archive_again(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    made = setup.initialise(
        db, clock, office_name="翠湖苑", fonds_code="Z9", admin_username="boss", admin_password="boss-pass-1"
    )
    assert len(made.recovery_key.replace("-", "")) == 52 and made.recovery_key not in repr(made)
    boss = accounts.authenticate(db, clock, "boss", "boss-pass-1")
    with db.session() as s:
        doc = archive.register_document(s, clock, archive.DocumentDraft("YZ", "业主公约", 2024), created_by=None).id
    source, data = _scan(tmp_path)
    row = attachments.attach_file(db, clock, boss, doc, source)

    with pytest.raises(PermissionDenied, match="recovery key"):
        account_admin.recover_with(db, clock, "A" * 52, "boss", "new-pass-word-9")
    assert _last_event(db).action == "refuse"
    with pytest.raises(InputProblem, match="52 letters"):
        account_admin.recover_with(db, clock, "too short", "boss", "new-pass-word-9")
    account_admin.recover_with(db, clock, made.recovery_key.lower().replace("-", " "), "boss", "new-pass-word-9")
    again = accounts.authenticate(db, clock, "boss", "new-pass-word-9")
    assert attachments.open_for_preview(db, again, row.id).data == data
    newer = account_admin.issue_recovery_key(db, clock, again)
    with pytest.raises(PermissionDenied):
        account_admin.recover_with(db, clock, made.recovery_key, "boss", "other-pass-word-1")
    account_admin.recover_with(db, clock, newer, "boss", "other-pass-word-1")
    assert audit.verify(db).ok


def test_a6_an_archive_from_before_encryption_gets_its_key_at_an_administrators_sign_in(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from estate_desk.store.keys import ArchiveKey

    doc = _document(ready_db, clock, Grade.INTERNAL)
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    plain = attachments.attach_file(ready_db, clock, admin, doc, _scan(tmp_path)[0])
    assert not plain.encrypted
    with ready_db.session() as s:  # as an archive upgraded from revision 0004 stands: no keys at all
        s.execute(delete(UserKey))
        s.execute(delete(ArchiveKey))
    again = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    assert again.keyring is not None and again.keyring.key_id != admin.keyring.key_id  # type: ignore[union-attr]
    register.edit_document(ready_db, clock, again, doc, secrecy=Grade.SECRET)
    assert sealing.bring_into_line(ready_db, clock, again) == 0
    assert attachments.attachments_of(ready_db, again, doc)[0].encrypted
    assert account_admin.issue_recovery_key(ready_db, clock, again)


def test_a6_only_the_key_holders_issue_a_recovery_key(ready_db: Database, clock: FakeClock) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    with pytest.raises(PermissionDenied, match="management office"):
        account_admin.issue_recovery_key(ready_db, clock, clerk)
    keyless = Actor(1, "admin", "admin", accounts.Role.ADMINISTRATOR, Grade.TOP_SECRET)
    with pytest.raises(UserError, match="no master key"):
        account_admin.issue_recovery_key(ready_db, clock, keyless)


def test_a6_the_store_refuses_to_seal_a_damaged_file(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    source = tmp_path / "a.bin"
    source.write_bytes(b"original")
    blob = store.put(source)
    store.path_of(blob.sha256).write_bytes(b"damaged!")
    with pytest.raises(InputProblem, match="checksum"):
        store.reseal(blob.sha256, _key(), sealed=True)
    assert not store.exists(blob.sha256, sealed=True) and store.incoming() == []


def test_a6_the_command_line_shows_the_recovery_key_once_and_recovers_with_it(  # type: ignore[no-untyped-def]
    database_url, capsys, monkeypatch
) -> None:
    from estate_desk.cli.__main__ import main

    url = database_url.render_as_string(hide_password=False)
    monkeypatch.setattr("sys.stdin", io.StringIO("boss-pass-1\n"))
    assert main(["--database", url, "setup", "--office", "翠湖苑", "--fonds", "Z7", "--admin", "boss"]) == 0
    key = capsys.readouterr().out.splitlines()[-1].strip()
    assert len(key.replace("-", "")) == 52
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{key}\nnew-pass-word-5\n"))
    assert main(["--database", url, "keys", "recover", "boss"]) == 0
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "new-pass-word-5")
    assert main(["--database", url, "keys", "recovery", "--user", "boss"]) == 0
    newer = capsys.readouterr().out.splitlines()[-1].strip()
    assert len(newer.replace("-", "")) == 52 and newer != key
    assert main(["--database", url, "keys", "reseal", "--user", "boss"]) == 0
    assert main(["--database", url, "audit", "verify"]) == 0
