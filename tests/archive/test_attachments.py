"""A5, digital side: attachments copied into the content-addressed store, streamed, atomically."""

from __future__ import annotations

import errno
import hashlib
import os
import resource
import shutil
import tracemalloc
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy import func, select, update

from estate_desk import paths
from estate_desk.domain.archive.dual_track import AttachmentKind, kind_of, media_type_of, previews_inside
from estate_desk.domain.errors import InputProblem, NotFound, PermissionDenied
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.actor import Actor
from estate_desk.services.archive import attachments
from estate_desk.services.archive import numbering as archive
from estate_desk.services.archive.attachments import CopyCancelled
from estate_desk.store import blobs
from estate_desk.store.accounts import User
from estate_desk.store.archive import Attachment, Document

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database

MIB = 1024 * 1024


# --------------------------------------------------------------------------- helpers


def _actor(db: Database, username: str) -> Actor:
    with db.session() as s:
        user = s.scalar(select(User).where(User.username == username))
        assert user is not None
        return Actor.of(user)


def _user(db: Database, clock: FakeClock, username: str, role: Role, clearance: Grade) -> Actor:
    with db.session() as s:
        accounts.add_user(s, clock, username=username, password="pass-word-1", role=role, clearance=clearance)
    return _actor(db, username)


@pytest.fixture
def keeper(ready_db: Database, clock: FakeClock) -> Actor:
    """The administrator, signed in: keeps the archive, cleared for everything, holding the archive's key."""
    from database_support import ADMIN_PASSWORD

    return accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)


def _document(db: Database, clock: FakeClock, title: str = "竣工图", grade: Grade = Grade.INTERNAL) -> int:
    with db.session() as s:
        draft = archive.DocumentDraft("GC", title, 2024, secrecy=grade)
        return archive.register_document(s, clock, draft, created_by=None).id


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _store_files() -> list[Path]:
    """Every file in the attachment store, temporaries included."""
    root = paths.data_dir() / "attachments"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _attachment_count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(Attachment)) or 0


def _assert_nothing_kept(db: Database) -> None:
    assert blobs.BlobStore.default().incoming() == []
    assert _store_files() == []
    assert _attachment_count(db) == 0


# --------------------------------------------------------------------------- the copy


def test_a5_stored_file_has_the_sources_sha256_and_is_a_copy_not_a_link(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    data = b"%PDF-1.4 scan of the completion drawing\n" * 1000
    source = _write(tmp_path / "竣工图.pdf", data)

    row = attachments.attach_file(ready_db, clock, keeper, doc, source)

    expected = hashlib.sha256(data).hexdigest()
    assert row.sha256 == expected and row.size == len(data)
    assert (row.original_name, row.media_type, row.kind) == ("竣工图.pdf", "application/pdf", AttachmentKind.SCAN)
    assert row.encrypted is False and row.added_at == clock.now() and row.added_by == keeper.display_name
    stored = attachments.stored_path(expected)
    assert stored == paths.data_dir() / "attachments" / expected[:2] / expected[2:4] / expected
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == expected
    assert not stored.is_symlink()
    src_stat, stored_stat = os.stat(source), os.stat(stored)
    assert (src_stat.st_dev, src_stat.st_ino) != (stored_stat.st_dev, stored_stat.st_ino)
    assert src_stat.st_nlink == 1 and stored_stat.st_nlink == 1
    assert attachments.verify(expected)

    source.write_bytes(b"the clerk edits her own copy afterwards")  # the archive's copy does not change
    assert attachments.verify(expected) and source.exists()
    assert attachments.attachments_of(ready_db, keeper, doc) == [row]
    assert blobs.BlobStore.default().incoming() == []


def test_a5_a_200_mb_file_is_stored_with_bounded_memory(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock, "监控录像")
    attachments.attach_file(ready_db, clock, keeper, doc, _write(tmp_path / "warm-up.mp4", b"warm"))  # caches filled

    source = tmp_path / "大门监控.mp4"
    hasher = hashlib.sha256()
    block = bytearray(os.urandom(MIB))
    with source.open("wb") as fh:
        for i in range(200):  # 200 MiB written a chunk at a time, never held whole
            block[:4] = i.to_bytes(4, "big")
            hasher.update(block)
            fh.write(block)
    del block
    seen: list[tuple[int, int]] = []

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    tracemalloc.start()
    try:
        row = attachments.attach_file(ready_db, clock, keeper, doc, source, progress=lambda d, t: seen.append((d, t)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    rss_growth_mib = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024

    assert peak < 4 * MIB, f"peak Python allocations while attaching: {peak / MIB:.1f} MiB"
    assert rss_growth_mib < 32, f"resident memory grew by {rss_growth_mib:.0f} MiB"
    assert row.sha256 == hasher.hexdigest() and row.size == 200 * MIB and row.kind is AttachmentKind.VIDEO
    assert attachments.verify(row.sha256)
    assert seen[0] == (0, 200 * MIB) and seen[-1] == (200 * MIB, 200 * MIB) and len(seen) == 201
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# --------------------------------------------------------------------------- bad input: nothing half-written stays


class _FailingReader:
    """A source file whose drive disconnects after ``good`` chunks."""

    def __init__(self, real: Any, good: int) -> None:
        self._real, self._left = real, good

    def readinto(self, buffer: Any) -> int:
        if self._left == 0:
            raise OSError(errno.EIO, "Input/output error")
        self._left -= 1
        return int(self._real.readinto(buffer))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> _FailingReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


def test_a5_a_source_that_becomes_unreadable_mid_copy_leaves_nothing(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _document(ready_db, clock)
    source = _write(tmp_path / "U盘扫描件.pdf", os.urandom(5 * MIB))
    real_open = open
    monkeypatch.setattr(blobs, "open", lambda *a, **k: _FailingReader(real_open(*a, **k), good=2), raising=False)

    with pytest.raises(InputProblem) as caught:
        attachments.attach_file(ready_db, clock, keeper, doc, source)

    assert caught.value.where == str(source)
    assert "U盘扫描件.pdf" in caught.value.zh and "U盘扫描件.pdf" in caught.value.en
    _assert_nothing_kept(ready_db)


@pytest.mark.parametrize(
    ("what", "words"),
    [("truncate", "modified or truncated"), ("delete", "moved or deleted"), ("replace", "replaced")],
)
def test_a5_a_source_that_vanishes_or_changes_mid_copy_leaves_nothing(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path, what: str, words: str
) -> None:
    doc = _document(ready_db, clock)
    source = _write(tmp_path / "scan.pdf", os.urandom(3 * MIB))

    def meddle(done: int, total: int) -> None:
        if done == MIB:
            if what == "truncate":
                os.truncate(source, MIB + 10)
            elif what == "delete":
                source.unlink()
            else:
                other = _write(tmp_path / "other.pdf", b"another file")
                os.replace(other, source)

    with pytest.raises(InputProblem, match=words) as caught:
        attachments.attach_file(ready_db, clock, keeper, doc, source, progress=meddle)

    assert caught.value.where == str(source) and "scan.pdf" in caught.value.zh
    _assert_nothing_kept(ready_db)


def test_a5_a_missing_file_or_a_folder_is_reported_where_it_is(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    for bad in (tmp_path / "nowhere.pdf", tmp_path):
        with pytest.raises(InputProblem) as caught:
            attachments.attach_file(ready_db, clock, keeper, doc, bad)
        assert caught.value.where == str(bad)
    _assert_nothing_kept(ready_db)


def test_a5_a_file_that_does_not_fit_on_the_disk_is_refused_before_copying(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _document(ready_db, clock)
    source = _write(tmp_path / "录像.mp4", os.urandom(2 * MIB))
    real = shutil.disk_usage
    monkeypatch.setattr(blobs.shutil, "disk_usage", lambda p: real(p)._replace(free=blobs.SPACE_RESERVE + MIB))
    started: list[int] = []

    with pytest.raises(InputProblem) as caught:
        attachments.attach_file(ready_db, clock, keeper, doc, source, progress=lambda d, t: started.append(d))

    assert caught.value.where == str(source)
    assert "磁盘空间不足" in caught.value.zh and "Not enough disk space" in caught.value.en
    assert started == []
    _assert_nothing_kept(ready_db)


def test_a5_the_disk_filling_up_mid_copy_leaves_nothing(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = _document(ready_db, clock)
    source = _write(tmp_path / "录像.mp4", os.urandom(4 * MIB))
    real_write = blobs.write_chunk
    calls = [0]

    def write(out: Any, chunk: memoryview) -> None:
        calls[0] += 1
        if calls[0] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(out, chunk)

    monkeypatch.setattr(blobs, "write_chunk", write)
    with pytest.raises(InputProblem) as caught:
        attachments.attach_file(ready_db, clock, keeper, doc, source)

    assert caught.value.where == str(source)
    assert "磁盘已满" in caught.value.zh and "disk filled up" in caught.value.en and "录像.mp4" in caught.value.en
    _assert_nothing_kept(ready_db)


def test_a5_cancelling_a_copy_leaves_nothing(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    data = os.urandom(4 * MIB)
    source = _write(tmp_path / "录音.mp3", data)
    seen: list[int] = []

    with pytest.raises(CopyCancelled):
        attachments.attach_file(
            ready_db, clock, keeper, doc, source, progress=lambda d, t: seen.append(d), cancel=lambda: len(seen) > 2
        )
    assert seen == [0, MIB, 2 * MIB]
    _assert_nothing_kept(ready_db)

    with pytest.raises(CopyCancelled):  # cancelled before the first chunk
        attachments.attach_file(ready_db, clock, keeper, doc, source, cancel=lambda: True)
    _assert_nothing_kept(ready_db)
    assert source.read_bytes() == data  # the user's file is untouched


def test_a5_a_record_that_cannot_be_saved_takes_its_new_file_out_of_the_store(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    clerk = _user(ready_db, clock, "clerk2", Role.ARCHIVE_CLERK, Grade.INTERNAL)
    doc = _document(ready_db, clock)
    source = _write(tmp_path / "scan.pdf", os.urandom(2 * MIB))

    def regrade(done: int, total: int) -> None:  # someone raises the record's grade while the copy runs
        if done == total:
            with ready_db.session() as s:
                s.execute(update(Document).where(Document.id == doc).values(secrecy=int(Grade.SECRET)))

    with pytest.raises(NotFound):
        attachments.attach_file(ready_db, clock, clerk, doc, source, progress=regrade)
    _assert_nothing_kept(ready_db)


# --------------------------------------------------------------------------- once, not twice


def test_a5_the_same_file_twice_on_one_record_is_reported_and_on_two_records_stored_once(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    first, second = _document(ready_db, clock, "施工许可证"), _document(ready_db, clock, "验收报告")
    data = os.urandom(MIB + 123)
    source = _write(tmp_path / "许可证.pdf", data)
    row = attachments.attach_file(ready_db, clock, keeper, first, source)

    renamed = _write(tmp_path / "许可证-副本.pdf", data)
    with pytest.raises(InputProblem, match="already attached") as caught:
        attachments.attach_file(ready_db, clock, keeper, first, renamed)
    assert caught.value.where == str(renamed) and "许可证.pdf" in caught.value.zh
    assert [a.id for a in attachments.attachments_of(ready_db, keeper, first)] == [row.id]
    assert attachments.verify(row.sha256)  # the duplicate did not take the stored file away

    clock.advance(minutes=5)
    other = attachments.attach_file(ready_db, clock, keeper, second, renamed)
    assert other.sha256 == row.sha256 and other.document_id == second
    assert _store_files() == [attachments.stored_path(row.sha256)]
    assert _attachment_count(ready_db) == 2


# --------------------------------------------------------------------------- who may


def test_a5_a6_without_clearance_a_record_and_its_attachments_do_not_exist(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    secret = _document(ready_db, clock, "装修图纸", grade=Grade.SECRET)
    row = attachments.attach_file(ready_db, clock, keeper, secret, _write(tmp_path / "a.pdf", b"%PDF secret"))
    low = _user(ready_db, clock, "clerk2", Role.ARCHIVE_CLERK, Grade.INTERNAL)

    with pytest.raises(NotFound):
        attachments.attach_file(ready_db, clock, low, secret, _write(tmp_path / "b.pdf", b"%PDF other"))
    with pytest.raises(NotFound):
        attachments.attachments_of(ready_db, low, secret)
    with pytest.raises(NotFound):
        attachments.open_for_preview(ready_db, low, row.id)
    assert row.encrypted  # a 秘密 record's files are kept encrypted (A6)
    assert _store_files() == [attachments.blob_store().path_of(row.sha256, sealed=True)]  # b.pdf was never copied
    assert [a.id for a in attachments.attachments_of(ready_db, keeper, secret)] == [row.id]


def test_a5_only_archive_keepers_attach_files(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    desk = _user(ready_db, clock, "desk", Role.RECEPTIONIST, Grade.INTERNAL)
    with pytest.raises(PermissionDenied):
        attachments.attach_file(ready_db, clock, desk, doc, _write(tmp_path / "a.pdf", b"%PDF"))
    _assert_nothing_kept(ready_db)
    assert attachments.attachments_of(ready_db, desk, doc) == []  # reading is within clearance


def test_a5_nothing_attaches_to_a_record_that_does_not_exist(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    with pytest.raises(NotFound):
        attachments.attach_file(ready_db, clock, keeper, 999_999, _write(tmp_path / "a.pdf", b"%PDF"))
    _assert_nothing_kept(ready_db)


# --------------------------------------------------------------------------- kinds, preview, verify


@pytest.mark.parametrize(
    ("name", "as_scan", "kind", "media_type"),
    [
        ("扫描件.PDF", False, AttachmentKind.SCAN, "application/pdf"),
        ("page.tif", False, AttachmentKind.SCAN, "image/tiff"),
        ("page.TIFF", False, AttachmentKind.SCAN, "image/tiff"),
        ("现场照片.jpg", False, AttachmentKind.PHOTO, "image/jpeg"),
        ("现场照片.jpeg", True, AttachmentKind.SCAN, "image/jpeg"),
        ("page.png", True, AttachmentKind.SCAN, "image/png"),
        ("回访录音.mp3", False, AttachmentKind.AUDIO, "audio/mpeg"),
        ("录音.wav", True, AttachmentKind.AUDIO, "audio/wav"),
        ("监控.MOV", False, AttachmentKind.VIDEO, "video/quicktime"),
        (
            "花名册.xlsx",
            False,
            AttachmentKind.SHEET,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("花名册.xls", False, AttachmentKind.SHEET, "application/vnd.ms-excel"),
        ("花名册.csv", False, AttachmentKind.SHEET, "text/csv"),
        ("说明.docx", False, AttachmentKind.OTHER, "application/octet-stream"),
        ("README", False, AttachmentKind.OTHER, "application/octet-stream"),
    ],
)
def test_a5_kind_and_media_type_come_from_the_file_name(
    name: str, as_scan: bool, kind: AttachmentKind, media_type: str
) -> None:
    assert kind_of(name, as_scan=as_scan) is kind
    assert media_type_of(name) == media_type


def test_a5_scans_attached_as_scans_and_previews_inside_or_in_the_system_player(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    photo = attachments.attach_file(ready_db, clock, keeper, doc, _write(tmp_path / "p1.jpg", b"\xff\xd8 page 1"))
    scan = attachments.attach_file(
        ready_db, clock, keeper, doc, _write(tmp_path / "p2.jpg", b"\xff\xd8 page 2"), as_scan=True
    )
    video = attachments.attach_file(
        ready_db, clock, keeper, doc, _write(tmp_path / "v.bin", b"not really"), kind=AttachmentKind.VIDEO
    )
    assert (photo.kind, scan.kind, video.kind) == (AttachmentKind.PHOTO, AttachmentKind.SCAN, AttachmentKind.VIDEO)

    preview = attachments.open_for_preview(ready_db, keeper, scan.id)
    assert preview.inside and preview.path == attachments.stored_path(scan.sha256)
    assert preview.path.read_bytes() == b"\xff\xd8 page 2" and preview.original_name == "p2.jpg"
    assert not attachments.open_for_preview(ready_db, keeper, video.id).inside
    assert previews_inside("application/pdf") and not previews_inside("video/mp4")

    attachments.stored_path(video.sha256).unlink()  # someone deleted it by hand
    with pytest.raises(NotFound):
        attachments.open_for_preview(ready_db, keeper, video.id)
    with pytest.raises(NotFound):
        attachments.open_for_preview(ready_db, keeper, 999_999)


def test_a5_verify_notices_a_damaged_or_missing_stored_file(
    ready_db: Database, clock: FakeClock, keeper: Actor, tmp_path: Path
) -> None:
    doc = _document(ready_db, clock)
    row = attachments.attach_file(ready_db, clock, keeper, doc, _write(tmp_path / "a.pdf", b"%PDF original"))
    path = attachments.stored_path(row.sha256)
    assert attachments.verify(row.sha256)
    path.chmod(0o600)
    path.write_bytes(b"%PDF damaged")
    assert not attachments.verify(row.sha256)
    path.unlink()
    assert not attachments.verify(row.sha256)
    with pytest.raises(NotFound):
        attachments.stored_path("../../etc/passwd")


def test_a5_leftovers_of_a_crash_are_swept_from_the_store(tmp_path: Path, clock: FakeClock) -> None:
    store = blobs.BlobStore(tmp_path / "store")
    store.root.mkdir()
    old = store.root / f"{blobs.INCOMING_PREFIX}crashed{blobs.INCOMING_SUFFIX}"
    old.write_bytes(b"half")
    stamp = (clock.now() - timedelta(days=2)).timestamp()
    os.utime(old, (stamp, stamp))
    fresh = store.root / f"{blobs.INCOMING_PREFIX}copying{blobs.INCOMING_SUFFIX}"
    fresh.write_bytes(b"in progress")
    os.utime(fresh, (clock.now().timestamp(),) * 2)

    assert store.sweep_incoming(clock.now() - timedelta(days=1)) == 1
    assert store.incoming() == [fresh]


def test_a5_the_app_sweeps_a_day_old_leftover_from_the_default_store(clock: FakeClock) -> None:
    store = attachments.blob_store()
    store.root.mkdir(parents=True, exist_ok=True)
    old = store.root / f"{blobs.INCOMING_PREFIX}crashed{blobs.INCOMING_SUFFIX}"
    old.write_bytes(b"half")
    stamp = (clock.now() - attachments.LEFTOVER_AGE - timedelta(minutes=1)).timestamp()
    os.utime(old, (stamp, stamp))
    assert attachments.sweep_leftovers(clock) == 1 and not old.exists()
