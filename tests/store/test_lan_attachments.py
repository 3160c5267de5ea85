"""Attachments in LAN mode (A5, A6, A12): one shared attachment folder, every workstation reaches it.

Each "workstation" here is its own config folder (``ESTATE_DESK_HOME``) whose ``workstation.json``
names the same shared folder, on the same database. Runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TYPE_CHECKING

import pytest

from database_support import ADMIN_PASSWORD
from estate_desk import workstation
from estate_desk.domain.errors import DatabaseProblem
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services.accounts import users as accounts
from estate_desk.services.archive import attachments, register
from estate_desk.services.archive import numbering as archive
from estate_desk.services.maintenance import opening
from estate_desk.store import attachment_home
from estate_desk.store.database import open_database

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy.engine import URL

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


def at_workstation(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str, shared: Path | None) -> Path:
    """Become workstation ``name``: its own config and data folders, its attachment folder set to ``shared``."""
    home = tmp_path / name
    monkeypatch.setenv("ESTATE_DESK_HOME", str(home))
    if shared is not None:
        workstation.save(attachment_folder=str(shared))
    return home


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def _document(db: Database, clock: FakeClock, grade: Grade, title: str) -> int:
    with db.session() as s:
        return archive.register_document(
            s, clock, archive.DocumentDraft("YZ", title, 2024, secrecy=grade), created_by=None
        ).id


def test_a12_a_file_stored_at_one_workstation_previews_verifies_and_reseals_at_another(
    ready_db: Database, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    home_a = at_workstation(monkeypatch, tmp_path, "a", shared)
    opening.open_store(ready_db)
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    plain_doc = _document(ready_db, clock, Grade.PUBLIC, "小区总平面图")
    secret_doc = _document(ready_db, clock, Grade.SECRET, "业主证件复印件")
    plain_data, secret_data = b"%PDF-1.4\n" + os.urandom(70_000), b"%PDF-1.4\n" + os.urandom(90_000)
    (tmp_path / "plan.pdf").write_bytes(plain_data)
    (tmp_path / "id.pdf").write_bytes(secret_data)
    plain = attachments.attach_file(ready_db, clock, admin, plain_doc, tmp_path / "plan.pdf")
    secret = attachments.attach_file(ready_db, clock, admin, secret_doc, tmp_path / "id.pdf")
    assert secret.encrypted and not plain.encrypted

    home_b = at_workstation(monkeypatch, tmp_path, "b", shared)
    opening.open_store(ready_db)  # the marker names this archive: accepted
    admin_b = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    preview = attachments.open_for_preview(ready_db, admin_b, plain.id)
    assert preview.path is not None and preview.path.read_bytes() == plain_data
    assert preview.path.is_relative_to(shared)
    assert attachments.open_for_preview(ready_db, admin_b, secret.id).data == secret_data  # decrypted at B
    assert attachments.verify(plain.sha256)
    assert attachments.blob_store().verify(secret.sha256, seal=admin_b.keyring.sealing_key())  # type: ignore[union-attr]

    register.edit_document(ready_db, clock, admin_b, plain_doc, secrecy=Grade.SECRET)  # B seals A's file
    store = attachments.blob_store()
    assert store.exists(plain.sha256, sealed=True) and not store.exists(plain.sha256)  # the plain form removed
    at_workstation(monkeypatch, tmp_path, "a", None)
    opening.open_store(ready_db)
    assert attachments.open_for_preview(ready_db, admin, plain.id).data == plain_data  # and A reads it sealed

    kept = {p.name for p in _files(shared)}
    assert {f"{plain.sha256}.enc", f"{secret.sha256}.enc", attachment_home.MARKER} <= kept
    assert not any(p.name.startswith(plain.sha256) for p in _files(home_a) + _files(home_b))  # nothing local
    assert hashlib.sha256(secret_data).hexdigest() == secret.sha256


def test_a12_a_folder_that_belongs_to_another_archive_is_refused_never_mixed(
    ready_db: Database, empty_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "share"
    shared.mkdir()
    at_workstation(monkeypatch, tmp_path, "a", shared)
    opening.open_store(ready_db)
    marker = json.loads((shared / attachment_home.MARKER).read_text(encoding="utf-8"))
    assert marker["archive_id"] == attachment_home.archive_id(ready_db)

    other = open_database(empty_url)  # another archive, with an identity of its own
    try:
        assert attachment_home.archive_id(other) != marker["archive_id"]
        with pytest.raises(DatabaseProblem) as refused:
            opening.open_store(other)
    finally:
        other.dispose()
    assert str(shared) in refused.value.zh and "另一个档案库" in refused.value.zh
    assert "belongs to another archive" in refused.value.en
    assert json.loads((shared / attachment_home.MARKER).read_text(encoding="utf-8")) == marker  # untouched


def test_a12_an_unreachable_share_is_refused_rather_than_filled_locally(
    ready_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "not-mounted" / "attachments"
    at_workstation(monkeypatch, tmp_path, "a", share)
    with pytest.raises(DatabaseProblem) as refused:
        opening.open_store(ready_db)
    assert str(share) in refused.value.zh and "共享" in refused.value.zh
    assert "connect (mount) it first" in refused.value.en
    assert not share.exists()


def test_a12_the_environment_names_the_folder_before_the_settings_file(
    ready_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at_workstation(monkeypatch, tmp_path, "a", tmp_path / "from-file")
    (tmp_path / "from-env").mkdir()
    monkeypatch.setenv(workstation.ATTACHMENTS_ENV, str(tmp_path / "from-env"))
    assert opening.open_store(ready_db).root == tmp_path / "from-env"
    assert attachments.blob_store().root == tmp_path / "from-env"


def test_a5_a_single_workstation_keeps_attachments_in_its_data_folder(ready_db: Database) -> None:
    from estate_desk import paths

    store = opening.open_store(ready_db)
    assert store.root == paths.data_dir() / "attachments"
    assert attachment_home.marker_of(store.root) == attachment_home.archive_id(ready_db)


def test_a12_estate_desk_workstation_sets_and_checks_the_shared_folder(
    database_url: URL, empty_url: URL, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    from estate_desk.cli.__main__ import main

    shared = tmp_path / "share"
    shared.mkdir()
    url = database_url.render_as_string(hide_password=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert main(["workstation", "--set-database", url, "--set-attachments", str(shared), "--check"]) == 0
    out = capsys.readouterr().out
    assert f"Attachment folder: {shared}" in out and "belongs to this archive" in out
    assert workstation.database_url() == url  # the database setting is remembered: no --database needed
    assert attachment_home.marker_of(shared) is not None

    other = empty_url.render_as_string(hide_password=False)
    assert main(["workstation", "--database", other, "--check"]) == 1  # another archive: refused
    assert "belongs to another archive" in capsys.readouterr().err
