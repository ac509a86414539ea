"""Investigation and outcome letters: 说明情况通知, 责令停止通知书, 延期告知书, 处理决定, 移送函, 答复书."""

from __future__ import annotations

from desktop_app.documents.base import RenderedDocument, build_document, contact_line, remedies_text
from desktop_app.documents.kinds.notices import STATUTE, letter
from desktop_app.documents.models import (ExplanationRequestData, ExtensionNoticeData,
                                          HandlingDecisionData, ReplyData, StopOrderData,
                                          TransferLetterData)
from desktop_app.documents.text import numeric_date


def _numbered(items: tuple[str, ...]) -> list[str]:
    return [f"{i}. {item}" for i, item in enumerate(items, start=1)]


def render_explanation_request(data: ExplanationRequestData) -> RenderedDocument:
    title = "说明情况、提交材料通知书"
    paragraphs = [
        f"本机关在办理一件法律援助投诉过程中，投诉人反映了涉及你（单位）的下列事项：",
        *_numbered(data.allegations),
        f"根据{STATUTE}第十二条的规定，请你（单位）于{numeric_date(data.reply_deadline)}前"
        "就上述事项作出书面说明" + ("，并说明下列问题：" if data.questions else "。"),
        *_numbered(data.questions),
        "同时提交下列材料：" if data.materials else "",
        *_numbered(data.materials),
        contact_line(data.office, data.contact),
    ]
    return build_document("explanation_request", title, data,
                          letter(data, title, data.addressee, paragraphs))


def render_stop_order(data: StopOrderData) -> RenderedDocument:
    title = "责令停止违法违规行为通知书"
    paragraphs = [
        f"经调查，你（单位）存在下列行为：{data.conduct}",
        f"上述行为违反了{data.legal_basis}。根据{STATUTE}第十三条的规定，责令你（单位）"
        "收到本通知书后立即停止上述行为。",
        f"本机关将于{numeric_date(data.check_on)}前后核查停止情况。" if data.check_on else "",
        contact_line(data.office, data.contact),
    ]
    return build_document("stop_order", title, data, letter(data, title, data.addressee, paragraphs))


def render_extension_notice(data: ExtensionNoticeData) -> RenderedDocument:
    title = "延长办理期限告知书"
    paragraphs = [
        f"本机关于{numeric_date(data.accepted_on)}受理你的法律援助投诉，原定于"
        f"{numeric_date(data.original_deadline)}前办结。因{data.reason}，经本机关负责人批准，"
        f"根据{STATUTE}第十五条的规定，办理期限延长至{numeric_date(data.new_deadline)}。",
        "特此告知。",
        contact_line(data.office, data.contact),
    ]
    return build_document("extension_notice", title, data,
                          letter(data, title, data.addressee, paragraphs))


def render_handling_decision(data: HandlingDecisionData) -> RenderedDocument:
    title = "法律援助投诉处理决定书"
    paragraphs = [
        f"经调查查明：{data.facts}",
        "上述事实有下列证据证明：" if data.evidence else "",
        *_numbered(data.evidence),
        f"本机关认为：{data.basis}" if data.basis else "",
        f"根据{STATUTE}第十四条的规定，决定如下：{data.outcome}",
        *_numbered(data.measures),
        *(f"移送：{item}" for item in data.transfers),
        remedies_text(data.office, "决定"),
    ]
    return build_document("handling_decision", title, data,
                          letter(data, title, data.addressee, paragraphs))


def render_transfer_letter(data: TransferLetterData) -> RenderedDocument:
    title = "移送函"
    paragraphs = [
        f"本机关在办理法律援助投诉过程中发现：{data.summary}",
        f"因{data.reason}，根据{STATUTE}第十四条的规定，现将该事项移送你单位依法处理，"
        "请将处理结果函告本机关。",
        "随函移送材料：" if data.evidence else "",
        *_numbered(data.evidence),
        contact_line(data.office, data.contact),
    ]
    return build_document("transfer_letter", title, data,
                          letter(data, title, data.receiving_organ, paragraphs))


def render_reply(data: ReplyData) -> RenderedDocument:
    title = "法律援助投诉处理答复书"
    paragraphs = [
        f"你于{numeric_date(data.received_on)}向本机关提出的{data.complaint_summary}，本机关于"
        f"{numeric_date(data.accepted_on)}依法受理。现将处理结果答复如下：",
        f"经调查：{data.investigation_summary}",
        f"处理结果：{data.outcome}",
        f"处理依据：{data.basis}" if data.basis else "",
        remedies_text(data.office, "答复书"),
        contact_line(data.office, data.contact),
    ]
    return build_document("reply", title, data, letter(data, title, data.addressee, paragraphs))
