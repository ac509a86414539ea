"""Base of every service: context, acting user, one unit of work per call."""

from __future__ import annotations

from desktop_app.services.context import Actor, ServiceContext, UnitOfWork


class ServiceBase:
    def __init__(self, ctx: ServiceContext, actor: Actor, hub: object | None = None):
        self.ctx = ctx
        self.actor = actor
        self.hub = hub

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.ctx, self.actor)

    def read(self):  # type: ignore[no-untyped-def]
        """A read-only session (no commit)."""
        return self.ctx.db.session()
