"""Locate files under ``resources/`` from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller-style bundles
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. ``resource_path("rules", "2013.json")``."""
    return resources_root().joinpath(*parts)
