"""AppConfig: settings declared once, typed, with defaults (Picard-style).

Precedence: command line (--db) > environment (COMPLAINT_DESK_DB) > settings file > default
(a SQLite file in the user's data directory, from platformdirs).
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from platformdirs import user_config_path, user_data_path

from desktop_app import APP_ID

DB_ENV = "COMPLAINT_DESK_DB"


def data_dir() -> Path:
    return user_data_path(APP_ID, appauthor=False, ensure_exists=True)


def config_dir() -> Path:
    return user_config_path(APP_ID, appauthor=False, ensure_exists=True)


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / 'complaints.db'}"


@dataclass
class AppConfig:
    database_url: str = ""
    office_code: str = "XX"
    office_name: str = "××县司法局"
    office_short_name: str = "××"
    language: str = "zh_CN"  # zh_CN (default) or en
    backup_dir: str = ""
    backups_to_keep: int = 14
    backup_on_exit: bool = True
    due_soon_working_days: int = 2
    investigation_start_warning_days: int = 5
    idle_lock_minutes: int = 15
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or os.environ.get(DB_ENV) or default_database_url()

    @property
    def resolved_backup_dir(self) -> Path:
        return Path(self.backup_dir) if self.backup_dir else data_dir() / "backups"

    # -- persistence of the local settings file (per workstation)

    @staticmethod
    def settings_file() -> Path:
        return config_dir() / "settings.json"

    @classmethod
    def load(cls, path: Path | None = None, **overrides: object) -> "AppConfig":
        path = path or cls.settings_file()
        values: dict[str, object] = {}
        if path.exists():
            try:
                raw = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                raw = {}  # a damaged settings file must not stop the program; defaults apply
            known = {f.name for f in fields(cls)}
            values = {k: v for k, v in raw.items() if k in known}
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def save(self, path: Path | None = None) -> None:
        path = path or self.settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)
