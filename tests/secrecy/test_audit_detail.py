"""The audit detail as the window shows it: readable text, not the stored JSON (issue 20)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from database_support import ADMIN_PASSWORD, make_actor
from estate_desk.domain.audit import detail_text
from estate_desk.domain.secrecy.grades import Grade, set_office_names
from estate_desk.services.accounts import admin as account_admin
from estate_desk.services.accounts import users as accounts
from estate_desk.services.secrecy import audit_log
from estate_desk.services.secrecy.audit_detail import readable

if TYPE_CHECKING:
    from collections.abc import Iterator

    from estate_desk.domain.clock import FakeClock
    from estate_desk.store.database import Database


@pytest.fixture(autouse=True)
def standard_grade_names() -> Iterator[None]:
    set_office_names(None)
    yield
    set_office_names(None)


def test_a_clearance_change_reads_as_grades_in_either_language() -> None:
    stored = detail_text({"clearance_before": 1, "clearance_after": 2})
    assert readable(stored) == "密级 内部 → 秘密"
    assert readable(stored, "en") == "clearance: Internal → Confidential"
    assert readable(detail_text({"encrypt_from": [2, 1]})) == "加密密级 秘密 → 内部"
    limit = detail_text({"output": "export", "role": "archive_clerk", "limit": [3, 4]})
    assert readable(limit) == "最高密级 机密 → 绝密；输出 导出；角色 档案管理员"


def test_words_roles_and_actions_are_named_not_coded() -> None:
    assert readable(detail_text({"password": "reset"})) == "密码 已重设"
    assert readable(detail_text({"password": "changed"}), "en") == "password: changed"
    added = detail_text({"added": "wang", "role": "receptionist", "clearance": 1})
    assert readable(added) == "新用户 wang；密级 内部；角色 前台接待"  # in the stored (sorted) order
    assert readable(detail_text({"rule": "A12"})) == "规则 A12"  # a refusal's rule stays in the trail
    exported = readable(detail_text({"file": "审计.xlsx", "rows": 3, "action": "change", "since": None}))
    assert exported == "动作 修改；文件 审计.xlsx；行数 3"  # an empty filter (since) is left out


def test_a_record_edit_lists_each_changed_field() -> None:
    stored = detail_text({"changed": {"title": ["旧题名", "新题名"], "secrecy": [1, 3]}, "attachments_resealed": 1})
    assert readable(stored) == "重新加密的附件 1；修改 密级 内部 → 机密，题名 旧题名 → 新题名"
    assert "grade: Internal → Secret" in readable(stored, "en")


def test_lists_and_yes_or_no() -> None:
    stored = detail_text({"destroyed": ["Z001-XZ-2015-D10-0001", "Z001-XZ-2015-D10-0002"], "intact": False})
    assert readable(stored) == "已销毁 Z001-XZ-2015-D10-0001、Z001-XZ-2015-D10-0002；完好 否"


def test_unknown_facts_and_plain_text_are_kept_not_dropped() -> None:
    assert readable(detail_text({"colour": "blue"}), "en") == "colour: blue"
    assert readable("从旧系统迁入") == "从旧系统迁入"
    assert readable("") == ""


def test_the_window_cells_are_readable_and_the_export_keeps_the_json(ready_db: Database, clock: FakeClock) -> None:
    admin = accounts.authenticate(ready_db, clock, "admin", ADMIN_PASSWORD)
    make_actor(ready_db, clock, "desk", "receptionist")
    account_admin.set_clearance(ready_db, clock, admin, "desk", Grade.SECRET)
    office = make_actor(ready_db, clock, "office", "management_office")
    row = next(r for r in audit_log.events(ready_db, office) if r.target_text == "desk" and r.action == "change")
    assert row.shown_cells("zh")[audit_log.HEADERS.index("详情")] == "密级 内部 → 秘密"
    assert row.shown_cells("en")[audit_log.HEADERS.index("详情")] == "clearance: Internal → Confidential"
    assert row.cells()[audit_log.HEADERS.index("详情")] == '{"clearance_after":2,"clearance_before":1}'
