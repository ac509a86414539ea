"""Letters to the complainant: 补正告知书, 受理通知书, 不予受理通知书."""

from __future__ import annotations

from reportlab.platypus import Flowable

from desktop_app.documents.base import (RenderedDocument, build_document, contact_line,
                                        issuer_block, para, remedies_text, styles, title_block)
from desktop_app.documents.models import (AcceptanceNoticeData, DocumentData,
                                          NonAcceptanceNoticeData, SupplementNoticeData)
from desktop_app.documents.text import chinese_number, numeric_date

STATUTE = "《法律援助投诉处理办法》"


def letter(data: DocumentData, title: str, addressee: str, paragraphs: list[str],
           extra: list[Flowable] | None = None) -> list[Flowable]:
    """Standard letter: organ + title + 文号, addressee, body paragraphs, seal, date."""
    st = styles()
    story = title_block(title, data.office.organ_name, data.doc_number)
    story.append(para(f"{addressee}：", st.body_flush))
    story += [para(text, st.body) for text in paragraphs if text]
    story += extra or []
    story.append(issuer_block(data.office.organ_name, data.issued_on))
    return story


def render_supplement_notice(data: SupplementNoticeData) -> RenderedDocument:
    title = "法律援助投诉补正告知书"
    items = [f"{i}. {item}" for i, item in enumerate(data.missing_items, start=1)]
    paragraphs = [
        f"你于{numeric_date(data.received_on)}向本机关提出的法律援助投诉，经审查，投诉材料不齐全。"
        f"现一次性告知你需要补正的全部内容如下：",
        *items,
        f"请你于{numeric_date(data.deadline)}前将上述材料补充提交本机关。{data.consequence}",
        contact_line(data.office, data.contact),
    ]
    return build_document("supplement_notice", title, data,
                          letter(data, title, data.addressee, paragraphs))


def render_acceptance_notice(data: AcceptanceNoticeData) -> RenderedDocument:
    title = "法律援助投诉受理通知书"
    days = chinese_number(data.handling_days) if 0 < data.handling_days < 100 else str(data.handling_days)
    paragraphs = [
        f"你于{numeric_date(data.received_on)}向本机关提出的{data.summary}，本机关已收悉。"
        f"经审查，符合{STATUTE}第八条规定的受理条件，本机关决定自{numeric_date(data.accepted_on)}起予以受理。",
        f"本机关将自受理之日起{days}日内办结；情况复杂的，经本机关负责人批准，可以适当延长办理期限，"
        "并将延长期限的理由书面告知你。",
        data.partial_not_accepted,
        "调查处理期间，请你如实反映情况、配合调查，及时提供与投诉事项有关的材料；"
        "联系方式如有变更，请及时告知承办人。",
        contact_line(data.office, data.contact),
    ]
    return build_document("acceptance_notice", title, data,
                          letter(data, title, data.addressee, paragraphs))


def render_non_acceptance_notice(data: NonAcceptanceNoticeData) -> RenderedDocument:
    title = "法律援助投诉不予受理通知书"
    ordinals = "一二三四五六七八九十"
    reasons = [
        f"（{ordinals[i] if i < 10 else i + 1}）{reason.text}，属于{data.statute}{reason.article}"
        f"{reason.item}规定的情形；"
        for i, reason in enumerate(data.reasons)
    ]
    if reasons:
        reasons[-1] = reasons[-1][:-1] + "。"
    articles = "、".join(dict.fromkeys(f"{r.article}{r.item}" for r in data.reasons))
    paragraphs = [
        f"你于{numeric_date(data.received_on)}向本机关提出的{data.summary}，本机关已收悉。"
        "经审查，该投诉存在下列情形：",
        *reasons,
        f"根据{data.statute}{articles}和第十条的规定，本机关决定不予受理。",
        data.pointer,
        remedies_text(data.office, "通知书"),
        contact_line(data.office, data.contact),
    ]
    return build_document("non_acceptance_notice", title, data,
                          letter(data, title, data.addressee, paragraphs))
