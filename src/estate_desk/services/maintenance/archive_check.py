"""The archive check as the window runs it, on schedule or asked (定期检查, A5; DA/T 70).

:func:`run_check` runs the five checks of ``integrity.py``, then the four-properties check (四性检测,
``services/digitise/four_properties.py``) over the whole archive, and keeps both outcomes together for
the today page (``integrity.remember_result``; what is kept of the four-properties run is
``four_properties_last.py``). It reports one progress over both parts and stops when asked: a cancelled
check raises :class:`CheckCancelled` and keeps nothing, so the previous outcome stays as it was. A scan
whose content has not changed since the last run is not rendered again (``services/digitise/render_memo.py``):
with nothing changed, the weekly run reads and hashes every file but renders none.

The virus scan uses ClamAV's daemon only (``clamdscan``): ``clamscan`` loads its signatures for every file
(tens of seconds each), which a whole-archive run on schedule cannot afford; without the daemon the item is
*not checked*, never passed. A session that may not run the four-properties check (not an archive keeper)
runs the five checks alone, and the previous four-properties outcome is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from estate_desk.domain.errors import UserError
from estate_desk.domain.roles import ARCHIVE_KEEPERS
from estate_desk.services.digitise import four_properties, render_memo
from estate_desk.services.digitise.virus_scan import default_scanner
from estate_desk.services.maintenance import four_properties_last, integrity

if TYPE_CHECKING:
    from collections.abc import Callable

    from estate_desk.domain.clock import Clock
    from estate_desk.domain.digitise.four_properties import Inspection
    from estate_desk.services.actor import Actor
    from estate_desk.services.digitise.virus_scan import Scanner
    from estate_desk.store.database import Database

STEPS = 1000
INTEGRITY_SHARE = 300  # of STEPS: the five checks; the four-properties check has the rest


class CheckCancelled(UserError):
    """The user stopped the archive check; the previous outcome is kept."""


def _cancelled() -> CheckCancelled:
    return CheckCancelled(
        zh="已取消档案库检查，保留上次检查的结果。",
        en="The archive check was cancelled; the previous check's outcome is kept.",
    )


@dataclass(frozen=True)
class ArchiveCheck:
    integrity: integrity.IntegrityReport
    four_properties: Inspection | None  # None: this session may not run it

    @property
    def ok(self) -> bool:
        return self.integrity.ok and (self.four_properties is None or self.four_properties.ok)

    def summary(self, lang: str = "zh") -> str:
        parts = [self.integrity.summary(lang)]
        if self.four_properties is not None:
            parts.append(four_properties_last.of(self.four_properties).line(lang))
        return " ".join(parts)


def run_check(
    db: Database,
    clock: Clock,
    actor: Actor,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    scanner: Scanner | None = None,
) -> ArchiveCheck:
    """The five checks, then the four-properties check over the whole archive; both kept unless cancelled."""

    def stopped() -> bool:
        return cancel is not None and cancel()

    def files(done: int, total: int) -> None:
        if stopped():
            raise _cancelled()
        if progress is not None:
            progress(INTEGRITY_SHARE * done // max(1, total), STEPS)

    report = integrity.check_archive(db, clock, keyring=actor.keyring, progress=files, remember=False)
    if stopped():
        raise _cancelled()
    inspection: Inspection | None = None
    if actor.role in ARCHIVE_KEEPERS:

        def records(done: int, total: int) -> bool:
            if progress is not None:
                progress(INTEGRITY_SHARE + (STEPS - INTEGRITY_SHARE) * done // max(1, total), STEPS)
            return not stopped()

        memo = render_memo.load(db)
        inspection = four_properties.inspect_archive(
            db, actor, scanner=scanner or default_scanner(daemon_only=True), progress=records, memo=memo
        )
        if stopped():
            raise _cancelled()
        render_memo.save(db, memo)
    kept = four_properties_last.of(inspection) if inspection is not None else None
    integrity.remember_result(db, report, kept)
    return ArchiveCheck(report, inspection)
