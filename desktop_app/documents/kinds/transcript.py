"""调查笔录 / 询问笔录 (A6, Art. 12): interviewee signs or thumbprints every page."""

from __future__ import annotations

from desktop_app.documents.base import (PageSignature, RenderedDocument, build_document, para,
                                        styles, title_block)
from desktop_app.documents.kinds.common import (gap, hanging, keep, labelled, person_contact,
                                                person_summary, signature_lines)
from desktop_app.documents.models import TranscriptData
from desktop_app.documents.text import numeric_datetime

KIND = "transcript"


def signer_label(data: TranscriptData) -> str:
    return "被询问人" if "询问" in data.title else "被调查人"


def render_transcript(data: TranscriptData) -> RenderedDocument:
    st = styles()
    signer = signer_label(data)
    story = title_block(data.title)
    if data.sequence > 1:
        story.insert(1, para(f"（第{data.sequence}次）", st.doc_number.clone("seq", alignment=1)))
    story += [
        labelled("时间", f"{numeric_datetime(data.started_at)}至{numeric_datetime(data.ended_at)}"),
        labelled("地点", data.place),
        labelled("调查人", "；".join(
            f"{i.name}（{i.unit or data.office.organ_name}，证件号码：{i.certificate_no or '—'}）"
            for i in data.investigators)),
        labelled("记录人", data.recorder),
        labelled(signer, person_summary(data.interviewee)),
    ]
    contact = person_contact(data.interviewee)
    if contact:
        story.append(labelled("单位及联系方式", contact))
    if data.interviewee.role:
        story.append(labelled("在本案中的身份", data.interviewee.role))
    story.append(gap(2))
    if data.opening_notice:
        story.append(hanging("问", data.opening_notice))
        story.append(hanging("答", data.opening_reply))
    for turn in data.turns:
        story.append(hanging("问", turn.question))
        story.append(hanging("答", turn.answer))

    # The interviewee's own line is in the per-page block; here only the staff sign.
    closing = [gap(4), para(data.closing_statement, st.body), gap(2),
               signature_lines([f"调查人{n}" for n in range(1, len(data.investigators) + 1)]),
               signature_lines(["记录人"])]
    if data.refusal_annotation:
        closing += [gap(3), labelled("备注", data.refusal_annotation),
                    signature_lines(["见证调查人", "见证调查人"])]
    story.append(keep(closing))
    return build_document(KIND, data.title, data, story, PageSignature(signer, "捺印"))
