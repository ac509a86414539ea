"""The complaint state machine (requirements §2.3) as a table.

Data-dependent guards (signatures, POA, ≥2 investigators, recusal …) are checked by the
services, which know the records; this module says which transitions exist and from
which states, and refuses the rest with a Chinese message naming the current state.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.enums import CaseState as S
from desktop_app.domain.errors import TransitionRefused


@dataclass(frozen=True)
class Transition:
    code: str
    label: str
    sources: frozenset[S]
    target: S


def _t(code: str, label: str, sources: set[S], target: S) -> Transition:
    return Transition(code, label, frozenset(sources), target)


_PRE_ACCEPT = {S.RECEIVED, S.REGISTERED, S.AWAITING_SUPPLEMENT, S.UNDER_REVIEW}
_PRE_DECISION = _PRE_ACCEPT | {S.ACCEPTED, S.INVESTIGATING, S.DECISION_DRAFTED, S.REOPENED}

TRANSITIONS: dict[str, Transition] = {t.code: t for t in [
    _t("T2_complete_registration", "完成登记", {S.RECEIVED}, S.REGISTERED),
    _t("T3_request_supplement", "一次性告知补正", {S.REGISTERED, S.UNDER_REVIEW}, S.AWAITING_SUPPLEMENT),
    _t("T3_start_review", "开始受理审查", {S.REGISTERED, S.AWAITING_SUPPLEMENT}, S.UNDER_REVIEW),
    _t("T4_accept", "决定受理", {S.REGISTERED, S.UNDER_REVIEW, S.AWAITING_SUPPLEMENT}, S.ACCEPTED),
    _t("T5_not_accept", "决定不予受理", {S.REGISTERED, S.UNDER_REVIEW, S.AWAITING_SUPPLEMENT}, S.NOT_ACCEPTED),
    _t("T7_start_investigation", "开始调查", {S.ACCEPTED, S.REOPENED}, S.INVESTIGATING),
    _t("T10_draft_decision", "提出拟处理意见", {S.INVESTIGATING}, S.DECISION_DRAFTED),
    _t("T10_back_to_investigation", "退回补充调查", {S.DECISION_DRAFTED}, S.INVESTIGATING),
    _t("T11_decide", "作出处理决定", {S.DECISION_DRAFTED}, S.DECIDED),
    _t("T12_reply", "送达答复书", {S.DECIDED}, S.REPLIED),
    _t("T13_supervise", "进入执行监督", {S.REPLIED}, S.SUPERVISING),
    _t("T14_archive", "归档", {S.REPLIED, S.SUPERVISING, S.NOT_ACCEPTED, S.WITHDRAWN}, S.ARCHIVED),
    _t("T15_withdraw", "撤回投诉", _PRE_DECISION, S.WITHDRAWN),
    _t("T16_merge", "并案办理", {S.RECEIVED, S.REGISTERED, S.UNDER_REVIEW, S.AWAITING_SUPPLEMENT}, S.MERGED),
    _t("T17_reopen", "重新办理", {S.ARCHIVED, S.REPLIED, S.SUPERVISING, S.NOT_ACCEPTED}, S.REOPENED),
]}


def transition(code: str, current: S | str) -> Transition:
    """Return the transition if it may fire from ``current``; else refuse in Chinese."""
    t = TRANSITIONS[code]
    state = S(current)
    if state not in t.sources:
        allowed = "、".join(s.label for s in sorted(t.sources, key=lambda s: list(S).index(s)))
        raise TransitionRefused(
            f"当前状态为“{state.label}”，不能“{t.label}”（仅在{allowed}状态下可以）。",
            code="state",
        )
    return t


def available(current: S | str) -> list[Transition]:
    state = S(current)
    return [t for t in TRANSITIONS.values() if state in t.sources]
