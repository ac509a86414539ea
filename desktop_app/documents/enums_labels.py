"""Label lists the documents print as checkbox rows (taken from the domain enums)."""

from __future__ import annotations

from desktop_app.domain.enums import PoaScope

#: 委托权限 options in print order; "其他" last.
POA_SCOPE_LABELS: tuple[str, ...] = tuple(member.label for member in PoaScope)
