"""Domain errors. Every message is Chinese and says what the user must fix."""

from __future__ import annotations


class DomainError(Exception):
    """Base class: a refused action with a user-facing Chinese message.

    ``field`` names the form field to mark (when one is to blame), so the UI can
    show the message in place.
    """

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class ValidationError(DomainError):
    """Input is malformed or incomplete (a field to correct)."""

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None,
                 errors: list["ValidationError"] | None = None):
        super().__init__(message, field=field, code=code)
        self.errors = errors or []

    @classmethod
    def collect(cls, errors: list["ValidationError"]) -> "ValidationError":
        """One error that carries several field errors (shown all at once)."""
        text = "；".join(e.message for e in errors)
        return cls(text, field=errors[0].field if errors else None, errors=errors)


class TransitionRefused(DomainError):
    """A lifecycle transition whose statutory guard is not met."""


class PermissionDenied(DomainError):
    """The acting user lacks the role the action needs."""


class ConflictError(DomainError):
    """Optimistic-lock conflict: somebody else saved the record first."""


class NotFound(DomainError):
    """The record asked for does not exist (or is not visible to the user)."""


class ReadOnlyError(DomainError):
    """The record is archived or imported and cannot be changed."""


class RecusalError(TransitionRefused):
    """回避: staff of the respondent unit may not investigate or decide."""
