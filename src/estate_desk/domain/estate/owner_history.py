"""What an owner's file records when something changes (A13): which fields, and how they read."""

from __future__ import annotations

from enum import StrEnum


class OwnerField(StrEnum):
    """The details of an owner (业主) whose changes are kept in the owner's file."""

    NAME = "name"
    KIND = "kind"
    PHONE = "phone"
    ADDRESS = "address"
    ID_NUMBER = "id_number"
    OWNER = "owner"  # the room changed hands (过户): old owner → new owner

    def label(self, lang: str = "zh") -> str:
        zh, en = _LABELS[self]
        return zh if lang.startswith("zh") else en


_LABELS = {
    OwnerField.NAME: ("姓名/名称", "Name"),
    OwnerField.KIND: ("类型", "Kind"),
    OwnerField.PHONE: ("联系电话", "Phone"),
    OwnerField.ADDRESS: ("联系地址", "Address"),
    OwnerField.ID_NUMBER: ("证件号", "ID number"),
    OwnerField.OWNER: ("业主变更（过户）", "Change of owner (transfer)"),
}

CONTACT_FIELDS = frozenset(
    {OwnerField.NAME, OwnerField.KIND, OwnerField.PHONE, OwnerField.ADDRESS, OwnerField.ID_NUMBER}
)
"""Fields an edit, the census (A14) or an import may change; OWNER only changes by a transfer."""


class ChangeSource(StrEnum):
    """Where a change came from."""

    EDIT = "edit"  # the clerk edited the owner's file
    TRANSFER = "transfer"  # 过户
    CENSUS = "census"  # 家庭情况普查 (A14)
    IMPORT = "import"  # a roster import (A2)

    def label(self, lang: str = "zh") -> str:
        zh, en = _SOURCES[self]
        return zh if lang.startswith("zh") else en


_SOURCES = {
    ChangeSource.EDIT: ("修改", "edit"),
    ChangeSource.TRANSFER: ("过户", "transfer"),
    ChangeSource.CENSUS: ("普查", "census"),
    ChangeSource.IMPORT: ("导入", "import"),
}


def normalise(value: str | None) -> str:
    """How a detail is compared and stored: trimmed; None and blank are the same."""
    return (value or "").strip()
