"""First run: the office, its fonds code, the seven categories, the first administrator — and the
archive's master key, whose recovery key is shown once for the management office to keep (A6)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from estate_desk.domain.archive.categories import SEVEN_CATEGORIES
from estate_desk.domain.audit import AuditAction
from estate_desk.domain.errors import InputProblem
from estate_desk.domain.roles import Role
from estate_desk.domain.secrecy.grades import Grade
from estate_desk.services import audit
from estate_desk.services.accounts import users as accounts
from estate_desk.services.audit import Target
from estate_desk.services.secrecy import keyring
from estate_desk.store import attachment_home
from estate_desk.store.accounts import Office
from estate_desk.store.archive import Category

if TYPE_CHECKING:
    from estate_desk.domain.clock import Clock
    from estate_desk.services.secrecy.keyring import Keyring
    from estate_desk.store.database import Database

_FONDS = re.compile(r"^[A-Za-z0-9]{1,20}$")


@dataclass(frozen=True)
class SetupResult:
    """What set-up hands back once: the recovery key to write down (never stored, never shown again),
    and the set-up session's master key (for adding the first users; not shown in a repr)."""

    recovery_key: str = field(repr=False)
    keys: Keyring = field(repr=False)
    admin_username: str = ""  # as stored (trimmed): the name the first sign-in fills in


def is_initialised(db: Database) -> bool:
    with db.session() as s:
        return s.scalar(select(Office.id)) is not None


def office(db: Database) -> Office | None:
    with db.session() as s:
        return s.scalar(select(Office))


def check_office_name(office_name: str) -> str:
    """The service centre's name as it is stored (trimmed); refused when empty."""
    name = office_name.strip()
    if not name:
        raise InputProblem(zh="请填写物业服务中心名称。", en="Please give the service centre's name.")
    return name


def check_fonds_code(fonds_code: str) -> str:
    """The fonds code (全宗号) as it is stored (trimmed, upper case); refused unless 1–20 letters or digits."""
    fonds = fonds_code.strip().upper()
    if not _FONDS.match(fonds):
        raise InputProblem(
            zh=f"全宗号只能由字母和数字组成（1–20 位）：{fonds_code}",
            en=f"The fonds code must be 1–20 letters or digits: {fonds_code}",
        )
    return fonds


def initialise(
    db: Database,
    clock: Clock,
    *,
    office_name: str,
    fonds_code: str,
    admin_username: str,
    admin_password: str,
    admin_display_name: str | None = None,
) -> SetupResult:
    """Set up an empty archive. Refused when one is already set up. Returns the recovery key."""
    name = check_office_name(office_name)
    fonds = check_fonds_code(fonds_code)
    if is_initialised(db):
        raise InputProblem(zh="该档案库已经设置过了。", en="This archive is already set up.")
    with db.session() as s:
        keys, recovery = keyring.create_archive_key(s, clock)
        assert recovery is not None
        admin = accounts.add_user(
            s,
            clock,
            username=admin_username,
            password=admin_password,
            role=Role.ADMINISTRATOR,
            clearance=Grade.TOP_SECRET,
            display_name=admin_display_name,
            keys=keys,
        )
        audit.record(
            s,
            None,
            AuditAction.KEY,
            Target("key", None, "设置档案库：建立主密钥并签发恢复密钥"),
            username=admin.username,
            detail={"office": name, "fonds": fonds},
            clock=clock,
        )
        s.add(Office(name=name, fonds_code=fonds, created_at=clock.now()))
        attachment_home.archive_id_in(s)  # the identity the attachment folder's marker must name
        for order, cat in enumerate(SEVEN_CATEGORIES, start=1):
            s.add(
                Category(
                    code=cat.code,
                    name_zh=cat.name_zh,
                    name_en=cat.name_en,
                    sort_order=order,
                    default_grade=int(cat.default_grade),
                    default_retention=cat.default_retention.value,
                    suggestions="\n".join(cat.suggestions),
                )
            )
    return SetupResult(recovery, keys, admin.username)
