"""Errors the user is meant to read, in Simplified Chinese and English.

Every refusal by a rule or a failure the user can act on is a :class:`UserError`
carrying both languages and, where a rule decided it, the rule id (A1–A17, F1–F8).
The UI shows ``message(lang)`` in a dialog; the CLI prints it in the locale's language. The message
speaks the office's language ("同一件事不得两次延期"), never the rule id: the id stays on ``.rule``
and goes to the log (``log_text()``) and the audit trail. Raw tracebacks go to the log, never to the user.
"""

from __future__ import annotations


class UserError(Exception):
    """A problem explained to the user, never a bug."""

    def __init__(self, zh: str, en: str, *, rule: str | None = None, where: str | None = None) -> None:
        self.zh = zh
        self.en = en
        self.rule = rule
        self.where = where
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        """What the user reads, in one language: the explanation and, where known, the place."""
        text = self.zh if lang.startswith("zh") else self.en
        parts = [text]
        if self.where:
            parts.append(("位置：" if lang.startswith("zh") else "Where: ") + self.where)
        return "\n".join(parts)

    def bilingual(self) -> str:
        return f"{self.message('zh')}\n{self.message('en')}"

    def log_text(self) -> str:
        """One line for the log: the rule id (when a rule decided it), then both languages."""
        rule = f"[{self.rule}] " if self.rule else ""
        return rule + " / ".join(self.bilingual().splitlines())


class RuleViolation(UserError):
    """An action the office's rules refuse (e.g. a second postponement, F2)."""


class NotFound(UserError):
    """A record that does not exist (or that the user may not know exists)."""


class PermissionDenied(UserError):
    """The signed-in user's role or clearance does not allow this."""


class DatabaseProblem(UserError):
    """The database cannot be opened, reached, migrated or written."""


class InputProblem(UserError):
    """Input the user gave (a file, a field, a code) is malformed."""


class EditConflict(RuleViolation):
    """Somebody else saved the record after this user opened it (LAN mode, A12): nothing was saved.

    ``changes`` lists what differs, field by field — ``(field, theirs, yours)`` — so the dialog can
    show the difference and keep what the user typed; ``changed_by``/``changed_at`` say who saved
    it and when, where the audit trail tells. Never a silent overwrite.
    """

    def __init__(
        self,
        zh: str,
        en: str,
        *,
        changes: tuple[tuple[str, object, object], ...] = (),
        changed_by: str | None = None,
        changed_at: object = None,
        current_version: int | None = None,
        where: str | None = None,
    ) -> None:
        super().__init__(zh, en, rule="A12", where=where)
        self.changes = changes
        self.changed_by = changed_by
        self.changed_at = changed_at
        self.current_version = current_version
