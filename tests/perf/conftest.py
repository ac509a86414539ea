"""Fixtures of the performance-related tests: a small demo database (fast), SQLite or PostgreSQL."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest

from desktop_app.services import admin as admin_module
from desktop_app.services.demo import DemoResult, generate_demo
from desktop_app.services.hub import Services

SMALL_CASES = 600
_real_hash = admin_module.hash_password


@functools.lru_cache(maxsize=4)
def _cached_hash(password: str) -> str:
    return _real_hash(password)


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # argon2 is deliberately slow; the demo users all share one password.
    monkeypatch.setattr(admin_module, "hash_password", _cached_hash)
    yield


@pytest.fixture
def demo(services: Services) -> DemoResult:
    """``services`` with SMALL_CASES demo cases (received 2019 … the fixture clock's today)."""
    return generate_demo(services, SMALL_CASES, seed=11, transcript_share=0.3)
