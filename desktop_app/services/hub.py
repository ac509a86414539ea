"""ServiceHub: the single API the UI and the CLI call."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from desktop_app.config import AppConfig
from desktop_app.domain.clock import Clock, SystemClock
from desktop_app.persistence.database import Database, open_database
from desktop_app.persistence.migrate import migrate
from desktop_app.rules.ruleset import RuleRegistry
from desktop_app.services.admin import AdminService
from desktop_app.services.archive import ArchiveService
from desktop_app.services.context import SYSTEM_ACTOR, Actor, ServiceContext
from desktop_app.services.decisions import DecisionService
from desktop_app.services.documents import DocumentService
from desktop_app.services.investigation import InvestigationService
from desktop_app.services.registration import RegistrationService
from desktop_app.services.review import ReviewService


@dataclass
class Services:
    """All services acting for one user."""

    ctx: ServiceContext
    actor: Actor

    def __post_init__(self) -> None:
        load_extra_services()
        a, c = self.actor, self.ctx
        self.registration = RegistrationService(c, a, self)
        self.review = ReviewService(c, a, self)
        self.documents = DocumentService(c, a, self)
        self.investigation = InvestigationService(c, a, self)
        self.decisions = DecisionService(c, a, self)
        self.archive = ArchiveService(c, a, self)
        self.admin = AdminService(c, a, self)
        for name, factory in EXTRA_SERVICES.items():
            setattr(self, name, factory(c, a, self))

    def as_user(self, actor: Actor) -> "Services":
        return Services(self.ctx, actor)

    def status_info(self) -> dict[str, str]:
        today = self.ctx.clock.today()
        rules = self.ctx.rule_set_for(today)
        cal = self.ctx.calendar()
        missing = [y for y in (today.year, today.year + 1) if not cal.is_year_confirmed(y)]
        warn = ("工作日历未确认：" + "、".join(f"{y}年" for y in missing) + "（请导入国务院办公厅放假安排）") if missing else ""
        label = f"{rules.id}年《{rules.title}》" + ("（时限待核实）" if not rules.time_limits_confirmed else "")
        return {"database": self.ctx.db.describe(), "rule_set": label, "calendar_warning": warn,
                "user": self.actor.full_name}


# Services added by other modules (statistics, exchange, backup …) register here: name -> factory.
EXTRA_SERVICES: dict[str, Any] = {}

# Modules that register into EXTRA_SERVICES when imported. Imported on first use, not at module
# load, because some of them import services that import this module.
EXTRA_SERVICE_MODULES = (
    "desktop_app.services.statistics",
    "desktop_app.services.deadlines",
    "desktop_app.services.archive_search",
    "desktop_app.services.archive_volume",
    "desktop_app.services.audit",
    "desktop_app.services.backup",
    "desktop_app.exchange.service",
    "desktop_app.services.investigation_extra",
)
_extras_loaded = False


def load_extra_services() -> None:
    global _extras_loaded
    if _extras_loaded:
        return
    import importlib

    for name in EXTRA_SERVICE_MODULES:
        importlib.import_module(name)
    from desktop_app.services.security import register_services

    register_services()
    _extras_loaded = True


def open_services(config: AppConfig, *, clock: Clock | None = None, actor: Actor = SYSTEM_ACTOR,
                  database: Database | None = None, run_migrations: bool = True) -> Services:
    """Open the database (migrating it), load rule sets, ensure the local office exists."""
    db = database or open_database(config.resolved_database_url)
    if run_migrations:
        migrate(db)
    ctx = ServiceContext(db=db, clock=clock or SystemClock(), rules=RuleRegistry.load_default(),
                         office_code=config.office_code)
    system = Services(ctx, SYSTEM_ACTOR).admin
    system.ensure_office(code=config.office_code, name=config.office_name, short_name=config.office_short_name)
    if actor is SYSTEM_ACTOR:
        # Automated work is recorded under a real (inactive) user row, so foreign keys hold.
        actor = dataclasses.replace(SYSTEM_ACTOR, user_id=system.ensure_system_user())
    return Services(ctx, actor)
