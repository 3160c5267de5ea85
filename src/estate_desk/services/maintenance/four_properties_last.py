"""What the scheduled archive check keeps of its four-properties run (四性检测, DA/T 70; A5).

The whole report is not kept: on the big estate it holds hundreds of thousands of items, and
``estate-desk inspect four-properties`` writes it (PDF and ``.xlsx``) whenever it is wanted. What the
today page needs is kept beside the integrity check's outcome (``integrity.LAST_SETTING``): when the
run was, how many records it covered, the failed items counted, the records they name, and the first
:data:`NAMED` of them, each with its record, item and reason in both languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from estate_desk.domain.clock import CHINA_TZ
from estate_desk.domain.digitise.four_properties import Outcome

if TYPE_CHECKING:
    from estate_desk.domain.digitise.four_properties import Inspection

NAMED = 10  # failed items named on the today page; the report names every one
REPORT_HINT_ZH = (
    "完整报告（PDF、Excel）：estate-desk inspect four-properties -o 报告.pdf --xlsx 报告.xlsx --user 用户名"
)
REPORT_HINT_EN = (
    "The full report (PDF, Excel): estate-desk inspect four-properties -o report.pdf --xlsx report.xlsx --user NAME"
)


@dataclass(frozen=True)
class FourPropertiesLast:
    """The last scheduled four-properties run, as the today page shows it."""

    at: datetime
    records: int
    failed: int  # failed items
    failed_records: int  # records (or series) that have a failed item
    not_checked: int
    summary_zh: str
    summary_en: str
    notes_zh: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()
    first_zh: tuple[str, ...] = ()
    first_en: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def line(self, lang: str = "zh") -> str:
        """One sentence for the today page: when, how many records, how many items failed."""
        when = f"{self.at.astimezone(CHINA_TZ):%Y-%m-%d}"
        if lang.startswith("zh"):
            head = f"四性检测（{when}，{self.records} 件）："
            return head + (
                f"{self.failed} 项不通过，涉及 {self.failed_records} 件档案或档号序列。"
                if self.failed
                else "没有不通过的项" + (f"（{self.not_checked} 项未检测）。" if self.not_checked else "。")
            )
        head = f"Four-properties check ({when}, {self.records} records): "
        return head + (
            f"{self.failed} item(s) failed, in {self.failed_records} record(s) or series."
            if self.failed
            else "no item failed" + (f" ({self.not_checked} not checked)." if self.not_checked else ".")
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "records": self.records,
            "failed": self.failed,
            "failed_records": self.failed_records,
            "not_checked": self.not_checked,
            "summary_zh": self.summary_zh,
            "summary_en": self.summary_en,
            "notes_zh": list(self.notes_zh),
            "notes_en": list(self.notes_en),
            "first_zh": list(self.first_zh),
            "first_en": list(self.first_en),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FourPropertiesLast:
        return cls(
            datetime.fromisoformat(str(data["at"])),
            int(data["records"]),
            int(data["failed"]),
            int(data.get("failed_records", 0)),
            int(data.get("not_checked", 0)),
            str(data.get("summary_zh", "")),
            str(data.get("summary_en", "")),
            tuple(str(x) for x in data.get("notes_zh", ())),
            tuple(str(x) for x in data.get("notes_en", ())),
            tuple(str(x) for x in data.get("first_zh", ())),
            tuple(str(x) for x in data.get("first_en", ())),
        )


def of(inspection: Inspection) -> FourPropertiesLast:
    """What is kept of a finished run."""
    failures = inspection.failures()
    named = failures[:NAMED]
    return FourPropertiesLast(
        inspection.checked_at,
        inspection.records,
        len(failures),
        len({r.document_id if r.document_id is not None else r.where for r in failures}),
        sum(r.outcome is Outcome.NOT_CHECKED for r in inspection.results),
        inspection.summary("zh"),
        inspection.summary("en"),
        tuple(z for z, _ in inspection.notes),
        tuple(e for _, e in inspection.notes),
        tuple(f"{r.where}：{r.item.prop.zh}·{r.item.zh}：{r.zh}" for r in named),
        tuple(f"{r.where}: {r.item.prop.value}, {r.item.en}: {r.en}" for r in named),
    )
