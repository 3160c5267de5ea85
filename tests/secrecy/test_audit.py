"""The audit trail (A6, A11, A12): append-only, hash-chained, verified; visible to the management office only."""

from __future__ import annotations

import json
import threading
from datetime import timedelta
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from database_support import ADMIN_PASSWORD, START, make_actor
from estate_desk.cli.__main__ import main
from estate_desk.domain.audit import (
    GENESIS,
    AuditAction,
    AuditRecord,
    ChainHead,
    StoredRecord,
    find_break,
    parse_action,
    record_hash,
)
from estate_desk.domain.errors import InputProblem, PermissionDenied
from estate_desk.services import audit
from estate_desk.services.accounts import users as accounts
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import audit_log
from estate_desk.services.secrecy.audit_log import AuditFilter
from estate_desk.store.audit import AuditChain, AuditEvent

if TYPE_CHECKING:
    from pathlib import Path

    from estate_desk.domain.clock import FakeClock
    from estate_desk.services.actor import Actor
    from estate_desk.store.database import Database


def _events(db: Database) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.seq)))


def _filled(db: Database, clock: FakeClock, n: int = 6) -> Actor:
    """A trail with some sign-ins and changes in it; returns the signed-in administrator."""
    admin = accounts.authenticate(db, clock, "admin", ADMIN_PASSWORD)
    for i in range(n):
        clock.advance(minutes=1)
        with db.session() as s:
            audit.record(s, admin, AuditAction.CHANGE, Target("setting", i, f"测试 {i}"), reason=f"第 {i} 次")
    return admin


def _cli(db: Database, *args: str) -> int:
    return main(["--database", db.url.render_as_string(hide_password=False), *args])


# --------------------------------------------------------------------------- the chain, in the domain


def _chain(n: int) -> list[StoredRecord]:
    rows, prev = [], GENESIS
    for seq in range(1, n + 1):
        record = AuditRecord(
            seq, START + timedelta(seconds=seq), seq % 3, f"user{seq % 3}", "view", "document", seq, f"档号 {seq}"
        )
        digest = record_hash(record, prev)
        rows.append(StoredRecord(record, prev, digest))
        prev = digest
    return rows


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 30), data=st.data())
def test_a6_any_single_edit_delete_or_insert_breaks_the_chain_where_it_happened(n: int, data: st.DataObject) -> None:
    rows = _chain(n)
    head = ChainHead(n, rows[-1].hash)
    assert find_break(rows, head) == (n, None)
    at = data.draw(st.integers(0, n - 1))
    seq = at + 1
    field = data.draw(st.sampled_from(["username", "action", "target_text", "reason", "at"]))
    original = rows[at].record
    changed = {
        "username": {"username": original.username + "x"},
        "action": {"action": "print"},
        "target_text": {"target_text": "改过的"},
        "reason": {"reason": "补写的理由"},
        "at": {"at": original.at + timedelta(microseconds=1)},
    }[field]
    edited = [
        *rows[:at],
        StoredRecord(AuditRecord(**{**original.__dict__, **changed}), rows[at].prev_hash, rows[at].hash),
        *rows[at + 1 :],
    ]
    assert find_break(edited, head)[1] is not None and find_break(edited, head)[1].seq == seq  # type: ignore[union-attr]
    assert find_break(edited, head)[1].kind == "edited"  # type: ignore[union-attr]
    deleted = rows[:at] + rows[at + 1 :]
    broken = find_break(deleted, head)[1]
    assert broken is not None and (broken.seq, broken.kind) == (seq, "deleted")
    extra = AuditRecord(n + 1, START, None, "ghost", "change")
    inserted = [*rows, StoredRecord(extra, rows[-1].hash, record_hash(extra, rows[-1].hash))]
    broken = find_break(inserted, head)[1]
    assert broken is not None and (broken.seq, broken.kind) == (n + 1, "inserted")


def test_a6_a_row_rewritten_with_a_fresh_hash_is_named_by_the_row_after_it() -> None:
    rows = _chain(5)
    record = AuditRecord(**{**rows[2].record.__dict__, "reason": "后来改的"})
    forged = StoredRecord(record, rows[2].prev_hash, record_hash(record, rows[2].prev_hash))
    broken = find_break([*rows[:2], forged, *rows[3:]], ChainHead(5, rows[-1].hash))[1]
    assert broken is not None and (broken.seq, broken.kind) == (3, "edited")


def test_actions_parse_in_both_languages() -> None:
    assert parse_action("打印") is AuditAction.PRINT
    assert parse_action("Failed sign-in") is AuditAction.SIGN_IN_FAILED
    with pytest.raises(InputProblem, match="sign_in"):
        parse_action("delete")


# --------------------------------------------------------------------------- written with the action


def test_a6_sign_ins_failed_sign_ins_and_changes_are_recorded_with_who_where_and_when(
    ready_db: Database, clock: FakeClock
) -> None:
    with pytest.raises(PermissionDenied):
        accounts.authenticate(ready_db, clock, "admin", "wrong-password")
    with pytest.raises(PermissionDenied):
        accounts.authenticate(ready_db, clock, "nobody", "whatever-1")
    clock.advance(minutes=1)
    make_actor(ready_db, clock, "desk", "receptionist")
    rows = [(e.username, e.action, e.reason) for e in _events(ready_db)]
    assert ("admin", "sign_in_failed", "密码错误") in rows
    assert ("nobody", "sign_in_failed", "没有这个用户名") in rows
    assert [r[:2] for r in rows[-3:]] == [("admin", "sign_in"), ("admin", "change"), ("desk", "sign_in")]
    last = _events(ready_db)[-1]
    assert last.at == clock.now() and last.workstation == audit.workstation() and len(last.hash) == 64
    assert audit.verify(ready_db).ok


def test_a6_a_refused_action_is_recorded_though_its_work_is_rolled_back(ready_db: Database, clock: FakeClock) -> None:
    desk = make_actor(ready_db, clock, "desk", "receptionist")
    before = len(_events(ready_db))
    with pytest.raises(PermissionDenied):
        accounts.create_user(
            ready_db, clock, username="x1", password="pass-word-1", role=accounts.Role.STAFF, actor=desk
        )
    after = _events(ready_db)
    assert len(after) == before + 1 and (after[-1].action, after[-1].username) == ("refuse", "desk")
    assert "无权添加用户" in after[-1].reason
    with ready_db.session() as s:
        assert s.scalar(select(func.count()).select_from(accounts.User).where(accounts.User.username == "x1")) == 0


def test_a6_an_event_and_its_action_commit_together_or_not_at_all(ready_db: Database, clock: FakeClock) -> None:
    admin = _filled(ready_db, clock, 2)
    count = len(_events(ready_db))
    with pytest.raises(RuntimeError), ready_db.session() as s:
        audit.record(s, admin, AuditAction.CHANGE, Target("setting", None, "never"))
        raise RuntimeError("the action failed")
    assert len(_events(ready_db)) == count
    with ready_db.session() as s:
        head = s.get(AuditChain, 1)
        assert head is not None and head.last_seq == count
    assert audit.verify(ready_db).ok


# --------------------------------------------------------------------------- verify, after raw SQL


def test_a6_verify_passes_on_an_untouched_database(ready_db: Database, clock: FakeClock, capsys) -> None:  # type: ignore[no-untyped-def]
    _filled(ready_db, clock)
    report = audit.verify(ready_db)
    assert report.ok and report.rows == len(_events(ready_db))
    assert _cli(ready_db, "audit", "verify") == 0
    assert "intact" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("sql", "seq", "kind", "words"),
    [
        ("UPDATE audit_events SET reason = '改过了' WHERE seq = 4", 4, "edited", "row 4 was edited"),
        ("UPDATE audit_events SET username = 'someone' WHERE seq = 2", 2, "edited", "row 2 was edited"),
        ("DELETE FROM audit_events WHERE seq = 5", 5, "deleted", "row 5 was deleted"),
        ("DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)", None, "deleted", "was deleted"),
        (
            "INSERT INTO audit_events (seq, at, user_id, username, action, target_kind, target_id, target_text, grade,"
            " reason, detail, workstation, prev_hash, hash) SELECT MAX(seq) + 1, MAX(at), NULL, 'ghost', 'change', '',"
            " NULL, '', NULL, '', '', '', '', '' FROM audit_events",
            None,
            "inserted",
            "was inserted",
        ),
    ],
)
def test_a6_verify_fails_naming_the_row_after_an_edit_a_delete_or_an_insert_with_raw_sql(  # type: ignore[no-untyped-def]
    ready_db: Database, clock: FakeClock, capsys, sql: str, seq: int | None, kind: str, words: str
) -> None:
    _filled(ready_db, clock)
    total = len(_events(ready_db))
    with ready_db.engine.begin() as conn:
        conn.execute(text(sql))
    report = audit.verify(ready_db)
    expected = seq if seq is not None else (total if kind == "deleted" else total + 1)
    assert not report.ok and report.broken is not None
    assert (report.broken.seq, report.broken.kind) == (expected, kind)
    assert _cli(ready_db, "audit", "verify") == 1
    out = capsys.readouterr().out
    assert words in out and f"row {expected}" in out


def test_a6_the_chain_message_is_chinese_too(ready_db: Database, clock: FakeClock) -> None:
    _filled(ready_db, clock)
    with ready_db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET reason = 'x' WHERE seq = 3"))
    assert audit.verify(ready_db).message("zh") == "审计记录在第 3 条处断开：第 3 条被修改。"


def test_a6_a_deleted_chain_head_is_reported_then_restored_in_the_trail_itself(
    ready_db: Database, clock: FakeClock
) -> None:
    admin = _filled(ready_db, clock, 2)
    with ready_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_chain"))
    report = audit.verify(ready_db)
    assert not report.ok and report.head_missing and "missing" in report.message("en")
    with ready_db.session() as s:
        audit.record(s, admin, AuditAction.CHANGE, Target("setting", None, "after"))
    rows = _events(ready_db)
    assert rows[-2].target_text == "审计链头缺失，已按最后一条恢复"
    assert audit.verify(ready_db).ok


def test_a6_two_workstations_appending_at_once_never_fork_the_chain(ready_db: Database, clock: FakeClock) -> None:
    from estate_desk.store.database import open_database

    admin = _filled(ready_db, clock, 0)
    before = len(_events(ready_db))
    others = [open_database(ready_db.url) for _ in range(2)]  # two workstations, two connection pools
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def append(db: Database, n: int) -> None:
        try:
            start.wait(timeout=10)
            for i in range(15):
                with db.session() as s:
                    audit.record(s, admin, AuditAction.VIEW, Target("document", i, f"工作站 {n}"))
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=append, args=(db, n)) for n, db in enumerate(others)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    for db in others:
        db.dispose()
    assert not failures, failures
    rows = _events(ready_db)
    assert [r.seq for r in rows] == list(range(1, before + 31))
    assert audit.verify(ready_db).ok


# --------------------------------------------------------------------------- reading it


def test_a12_only_the_management_office_and_administrators_read_the_trail(ready_db: Database, clock: FakeClock) -> None:
    _filled(ready_db, clock)
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    office = make_actor(ready_db, clock, "office", "management_office")
    with pytest.raises(PermissionDenied, match="management office"):
        audit_log.events(ready_db, clerk)
    assert _events(ready_db)[-1].action == "refuse"
    rows = audit_log.events(ready_db, office)
    assert rows[0].seq > rows[-1].seq  # newest first
    assert [r.action for r in audit_log.events(ready_db, office, AuditFilter(person="clerk"))] == [
        AuditAction.REFUSE,
        AuditAction.SIGN_IN,
    ]
    found = audit_log.events(ready_db, office, AuditFilter(record="测试 3"))
    assert [r.target_text for r in found] == ["测试 3"]
    window = AuditFilter(
        action=AuditAction.CHANGE, since=START + timedelta(minutes=2), until=START + timedelta(minutes=4)
    )
    assert [r.reason for r in audit_log.events(ready_db, office, window)] == ["第 2 次", "第 1 次"]


def test_a12_a_refusal_speaks_plainly_and_the_trail_keeps_the_rule(ready_db: Database, clock: FakeClock) -> None:
    clerk = make_actor(ready_db, clock, "clerk", "archive_clerk")
    with pytest.raises(PermissionDenied) as refused:
        audit_log.events(ready_db, clerk)
    for lang in ("zh", "en"):
        shown = refused.value.message(lang)
        assert "A12" not in shown and "规则" not in shown and "Rule" not in shown
    assert refused.value.message("zh") == "审计记录只有管理处和系统管理员可以查看。"
    last = _events(ready_db)[-1]
    assert last.action == "refuse" and last.reason == refused.value.zh
    assert json.loads(last.detail)["rule"] == "A12"


def test_a12_the_trail_exports_and_the_export_is_recorded(ready_db: Database, clock: FakeClock, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    _filled(ready_db, clock)
    office = make_actor(ready_db, clock, "office", "management_office")
    out = tmp_path / "审计.xlsx"
    rows = audit_log.export_events(
        ready_db, clock, office, out, AuditFilter(action=AuditAction.CHANGE), reason="季度检查"
    )
    sheet = load_workbook(out).active
    assert sheet is not None
    values = list(sheet.values)
    assert values[0] == audit_log.HEADERS and len(values) == rows + 1
    assert [v[3] for v in values[1:]] == ["修改"] * rows
    last = _events(ready_db)[-1]
    assert (last.action, last.username, last.reason) == ("export", "office", "季度检查")
    csv_out = tmp_path / "审计.csv"
    audit_log.export_events(ready_db, clock, office, csv_out)
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[0].startswith("序号,时间,用户")


def test_a11_the_trail_exports_only_up_to_the_roles_export_limit(
    ready_db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    """The audit trail's export passes the export rights like every other export: a trail naming a 机密
    record is refused to a role the office lets export only 内部, and the refusal is in the trail."""
    from estate_desk.domain.roles import Role
    from estate_desk.domain.secrecy.grades import Grade
    from estate_desk.domain.secrecy.output_rights import Output
    from estate_desk.services.secrecy import grades

    admin = _filled(ready_db, clock)
    with ready_db.session() as s:
        audit.record(s, admin, AuditAction.VIEW, Target("document", 7, "Z001-GC·2020-Y-0007", int(Grade.CONFIDENTIAL)))
    grades.set_output_limit(ready_db, clock, admin, Output.EXPORT, Role.MANAGEMENT_OFFICE, Grade.INTERNAL)
    office = make_actor(ready_db, clock, "office", "management_office")
    with pytest.raises(PermissionDenied) as refused:
        audit_log.export_events(ready_db, clock, office, tmp_path / "trail.xlsx")
    assert "导出" in refused.value.zh and not (tmp_path / "trail.xlsx").exists()
    assert _events(ready_db)[-1].action == "refuse"
    # the part of the trail without it still goes
    rows = audit_log.export_events(ready_db, clock, office, tmp_path / "c.xlsx", AuditFilter(action=AuditAction.CHANGE))
    assert rows > 0 and (tmp_path / "c.xlsx").exists()


def test_a12_audit_list_on_the_command_line(ready_db: Database, clock: FakeClock, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _filled(ready_db, clock)
    make_actor(ready_db, clock, "office", "management_office")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "office-pass-1")
    capsys.readouterr()
    assert _cli(ready_db, "audit", "list", "--person", "admin", "--action", "change", "--user", "office") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) >= 6 and all("\tadmin\tChange\t" in line for line in lines)
    assert _cli(ready_db, "audit", "list", "--since", "bad", "--user", "office") == 1
    assert "YYYY-MM-DD" in capsys.readouterr().err
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", ADMIN_PASSWORD)
    make_actor(ready_db, clock, "desk", "receptionist")
    monkeypatch.setenv("ESTATE_DESK_PASSWORD", "desk-pass-1")
    assert _cli(ready_db, "audit", "list", "--user", "desk") == 1
    assert "management office" in capsys.readouterr().err
