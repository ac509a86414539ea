"""Fixtures for the Excel export tests: a statistics report with known numbers."""

from __future__ import annotations

import sys
from pathlib import Path

# The package is not installed in the venv; make the checkout importable when pytest is
# started through the .venv/bin/pytest script (which does not put the cwd on sys.path).
_REPO_ROOT = Path(__file__).resolve().parents[2]
if str(_REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(_REPO_ROOT))
