"""The import report (导入报告) of an owner roster (A2): problems by row, column and value, and the plan.

Besides the problems (which stop the import) it carries notices the clerk should see before
committing but which stop nothing: every building the import creates, and ID numbers whose check
character is wrong.

The wizard shows it as a table; the CLI prints :meth:`ImportReport.lines` in the locale's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from estate_desk.domain.estate.roster import Field, Notice, Problem, problem_header


@dataclass(frozen=True)
class PlannedChange:
    """A value the import changes (or would change) in a room or an owner's file."""

    row: int
    room_code: str
    owner_name: str
    field: Field
    old: str
    new: str

    def line(self, lang: str = "zh") -> str:
        return (
            f"{self.row}\t{self.room_code}\t{self.owner_name}\t{self.field.label(lang)}: {self.old or '—'} → {self.new}"
        )


@dataclass
class ImportReport:
    """The import report (导入报告): problems by row/column/value, and what is (or would be) written."""

    file: str
    rows_total: int = 0
    rows_ok: int = 0
    problems: list[Problem] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    excluded: list[int] = field(default_factory=list)
    new_buildings: int = 0
    new_rooms: int = 0
    new_owners: int = 0
    new_ownerships: int = 0
    changes: list[PlannedChange] = field(default_factory=list)
    unchanged: int = 0
    dry_run: bool = False
    written: bool = False

    def summary(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            state = (
                f"发现 {len(self.problems)} 个问题，未写入任何数据。"
                if self.problems
                else "试运行，未写入。"
                if not self.written
                else "已全部写入。"
            )
            return (
                f"「{self.file}」：数据 {self.rows_total} 行，无误 {self.rows_ok} 行，排除 {len(self.excluded)} 行；"
                f"新楼栋 {self.new_buildings}，新房间 {self.new_rooms}，新业主 {self.new_owners}，"
                f"新产权登记 {self.new_ownerships}，变更 {len(self.changes)}，无变化 {self.unchanged}。{state}"
            )
        state = (
            f"{len(self.problems)} problem(s) found; nothing was written."
            if self.problems
            else "Dry run; nothing was written."
            if not self.written
            else "Everything was written."
        )
        return (
            f"'{self.file}': {self.rows_total} data rows, {self.rows_ok} good, {len(self.excluded)} excluded; "
            f"new buildings {self.new_buildings}, new rooms {self.new_rooms}, new owners {self.new_owners}, "
            f"new ownerships {self.new_ownerships}, changes {len(self.changes)}, unchanged {self.unchanged}. {state}"
        )

    def lines(self, lang: str = "zh") -> list[str]:
        """The report as the CLI prints it: problems and notices (row, column, value, what), changes, summary."""
        shown = [*self.problems, *self.notices]
        out = [problem_header(lang), *(p.line(lang) for p in shown)] if shown else []
        return [*out, *(c.line(lang) for c in self.changes), self.summary(lang)]
