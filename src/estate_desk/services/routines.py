"""The archive clerk's three routines in one place to import from.

- archive-room inspections (A10): :mod:`estate_desk.services.inspections`
- the quarterly household census (A14): :mod:`estate_desk.services.census`
- arrears follow-ups (A15): :mod:`estate_desk.services.arrears`

What is due today across them (and the to-digitise list) is :func:`estate_desk.services.today.today`.
"""

from __future__ import annotations

from estate_desk.services.arrears import (
    ArrearRow,
    ArrearsHousehold,
    FollowUpRow,
    add_arrear,
    arrears_households,
    followup_history,
    followups_due,
    record_followup,
    room_arrears,
    settle_arrear,
)
from estate_desk.services.census import (
    CensusStart,
    CensusTaskRow,
    census_progress,
    census_task,
    census_tasks,
    complete_census_task,
    start_census,
)
from estate_desk.services.inspections import (
    INTERVAL_SETTING,
    InspectionRow,
    InspectionStatus,
    inspection_interval,
    inspection_log,
    inspection_status,
    record_inspection,
    set_inspection_interval,
)

__all__ = [
    "INTERVAL_SETTING",
    "ArrearRow",
    "ArrearsHousehold",
    "CensusStart",
    "CensusTaskRow",
    "FollowUpRow",
    "InspectionRow",
    "InspectionStatus",
    "add_arrear",
    "arrears_households",
    "census_progress",
    "census_task",
    "census_tasks",
    "complete_census_task",
    "followup_history",
    "followups_due",
    "inspection_interval",
    "inspection_log",
    "inspection_status",
    "record_followup",
    "record_inspection",
    "room_arrears",
    "set_inspection_interval",
    "settle_arrear",
    "start_census",
]
