"""One way to say "your role may not do this", used by every service."""

from __future__ import annotations

from typing import TYPE_CHECKING

from estate_desk.domain.errors import PermissionDenied

if TYPE_CHECKING:
    from collections.abc import Collection

    from estate_desk.domain.roles import Role
    from estate_desk.services.actor import Actor


def require_role(actor: Actor, roles: Collection[Role], *, zh: str, en: str) -> None:
    """Refuse unless the actor has one of ``roles``; ``zh``/``en`` name the action ("登记档案", "register records")."""
    if actor.role not in roles:
        raise PermissionDenied(
            zh=f"{actor.role.zh}无权{zh}。",
            en=f"A {actor.role.en.lower()} may not {en}.",
        )
