"""Sections of the 调查记录 pane (see ``desktop_app/ui/investigation_pane.py``)."""
