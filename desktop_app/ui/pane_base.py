"""Base class of the main window's panes and the hooks the window calls on them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.ui.context import UiContext


class Pane(QWidget):
    """A page of the main window. Subclasses override the hooks they support.

    Constructor signature is fixed: ``Pane(ctx, parent=None)``. A pane must not touch
    the database in its constructor on the GUI thread: start loads with
    ``ctx.tasks.read`` (typically in :meth:`activated`).
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def title(self) -> str:
        """Chinese name shown in the navigation."""
        return self.objectName()

    def activated(self) -> None:
        """Called each time the pane becomes the visible page."""

    def focus_search(self) -> bool:
        """Ctrl+F: put the cursor into the pane's search field. Return False if none."""
        return False

    def start_new_registration(self) -> bool:
        """F2 (新登记): only the registration pane handles it. Return False if not handled."""
        return False

    def privacy_changed(self, hidden: bool) -> None:
        """F12 privacy mode switched on (``hidden``) or off; panes may clear previews."""
