"""Investigation and follow-up records: 延长办理期限审批表, 调查报告, 调阅案卷登记表, 证据材料清单,
听取意见记录, 执行监督记录, 撤回投诉记录, 复议/诉讼结果记录, and the 公示 poster (Art. 4)."""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.base import (CONTENT_WIDTH, RenderedDocument, build_document, checkbox,
                                        grid, issuer_block, para, rich, styles, title_block)
from desktop_app.documents.kinds.common import gap, keep, labelled, signature_lines
from desktop_app.documents.kinds.forms import LABEL, _kv, _label, _section
from desktop_app.documents.kinds.notices import STATUTE
from desktop_app.documents.models import (DepartmentOpinionData, EvidenceListData,
                                          ExtensionApprovalData, FileCallupData,
                                          InvestigationReportData, PublicNoticeData,
                                          ReconsiderationRecordData, SupervisionRecordData,
                                          WithdrawalRecordData)
from desktop_app.documents.text import numeric_date


def _numbered(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"{i}. {item}" for i, item in enumerate(items, start=1))


def _short_date(day: date | None) -> str:
    """2025.3.4 — fits a narrow table column."""
    return f"{day.year}.{day.month}.{day.day}" if day else ""


def _hand(label: str) -> str:
    """A box left for a handwritten signature and date."""
    return f"\n\n{label}（签名）：　　　　　　　　　　　　日期：　　　年　　月　　日"


# ---------------------------------------------------------------- A12 延长办理期限审批表

def render_extension_approval(data: ExtensionApprovalData) -> RenderedDocument:
    title = "延长办理期限审批表"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    decision = data.decision or "待审批"
    rows = [
        ("案件编号", data.case_no, "受理日期", numeric_date(data.accepted_on)),
        ("投诉人", data.complainant, "被投诉人", data.respondents),
        ("原定办结期限", numeric_date(data.original_deadline), "申请延长至", numeric_date(data.requested_deadline)),
        ("延期理由", data.reason + ("\n（原办理期限届满后申请延期）" if data.after_deadline else "")),
        ("承办人意见", f"投诉事项复杂，拟依照{STATUTE}第十五条延长办理期限。" + _hand("承办人")),
        ("承办人", data.requester, "申请日期", numeric_date(data.requested_on)),
        ("负责人审批意见", f"{decision}。{data.decision_note}".rstrip("。") + "。" + _hand("负责人")),
        ("审批人", data.approver, "审批日期", numeric_date(data.decided_on, "")),
    ]
    story.extend(_kv(rows, min_row_heights={4: 26 * mm, 6: 30 * mm}))
    story.append(gap(2))
    story.append(para(f"说明：延长办理期限经批准后，应当书面告知投诉人并说明理由（{STATUTE}第十五条第二款）。",
                      styles().small))
    return build_document("extension_approval", title, data, story)


# ---------------------------------------------------------------- A14 调查报告

def render_investigation_report(data: InvestigationReportData) -> RenderedDocument:
    title = "调查报告"
    st = styles()
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.append(labelled("案件编号", data.case_no))
    story.append(labelled("投诉人", data.complainant))
    if data.accepted_on:
        story.append(labelled("受理日期", numeric_date(data.accepted_on)))
    story.append(labelled("调查人员", "、".join(data.investigators)))
    story.append(para("一、投诉事项", st.heading))
    story += [para(f"{i}. {text}", st.body) for i, text in enumerate(data.allegations, start=1)]
    story.append(para("二、调查经过", st.heading))
    story += [para(f"{i}. {text}", st.body) for i, text in enumerate(data.process, start=1)] or \
        [para("（无记录）", st.body)]
    story.append(para("三、查明的事实、证据及拟处理意见", st.heading))
    for i, f in enumerate(data.findings, start=1):
        story.append(para(f"（{i}）被投诉人：{f.respondent}", st.heading))
        story.append(labelled("查明事实", f.facts or "（未填写）"))
        if f.evidence:
            story.append(labelled("证据", "；".join(f.evidence)))
        if f.explanation:
            story.append(labelled("被投诉人说明及采纳情况", f.explanation))
        if f.basis:
            story.append(labelled("分析及依据", f.basis))
        story.append(labelled("拟处理意见", f.proposed_outcome))
        for measure in f.measures:
            story.append(labelled("处理措施", measure))
        for transfer in f.transfers:
            story.append(labelled("移送", transfer))
    if data.report:
        story.append(para("四、调查结论", st.heading))
        story += [para(line, st.body) for line in data.report.splitlines() if line.strip()]
    story.append(keep([gap(4), signature_lines([f"调查人员{i}" for i in range(1, len(data.investigators) + 1)]
                                                or ["调查人员"]),
                       gap(3), para("机关负责人审批意见：", st.body_flush), gap(14),
                       signature_lines(["机关负责人"])]))
    if data.proposed_on:
        story.append(para(f"报告日期：{numeric_date(data.proposed_on)}", st.right))
    return build_document("investigation_report", title, data, story)


# ---------------------------------------------------------------- A8 调阅案卷档案登记表

def render_file_callup(data: FileCallupData) -> RenderedDocument:
    title = "调阅案卷档案登记表"
    st = styles()
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    open_text = {True: f"{checkbox(True)}在办　{checkbox(False)}已结",
                 False: f"{checkbox(False)}在办　{checkbox(True)}已结"}.get(
        data.aid_case_open, f"{checkbox(False)}在办　{checkbox(False)}已结")  # type: ignore[arg-type]
    story.extend(_kv([
        ("调阅对象", data.from_whom),
        ("调阅人员", "、".join(data.investigators), "调阅目的", data.purpose),
        ("调出日期", numeric_date(data.out_on), "约定归还", numeric_date(data.due_on, "")),
        ("实际归还", numeric_date(data.returned_on, ""), "", ""),
    ]))
    story.append(grid([[_label("援助案件状态"), rich(open_text, st.cell)],
                       [_label("不妨碍办案措施"), para(data.non_obstruction_note or
                                                  "（第十一条：调查工作不得妨碍被投诉人正常的法律援助活动）",
                                                  st.cell)]],
                      [LABEL, CONTENT_WIDTH - LABEL]))
    story += _section("调阅案卷清单")
    rows = [[_label(h) for h in ("序号", "案卷编号", "案卷名称", "原件/复印件", "页数")]]
    rows += [[str(i), f.reference, f.title, "原件" if f.original else "复印件",
              "" if f.pages is None else str(f.pages)] for i, f in enumerate(data.files, start=1)]
    story.append(grid(rows, [12 * mm, 40 * mm, CONTENT_WIDTH - 100 * mm, 28 * mm, 20 * mm], header_rows=1))
    story.append(gap(4))
    story.append(grid([[_label("移交人（签名）"), "", _label("接收人（签名）"), ""],
                       [_label("归还时移交人"), "", _label("归还时接收人"), ""]],
                      [30 * mm, CONTENT_WIDTH / 2 - 30 * mm, 30 * mm, CONTENT_WIDTH / 2 - 30 * mm],
                      min_row_heights={0: 14 * mm, 1: 14 * mm}))
    return build_document("file_callup", title, data, story)


# ---------------------------------------------------------------- A9 证据材料清单

def render_evidence_list(data: EvidenceListData) -> RenderedDocument:
    title = "证据材料清单"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    rows = [[_label(h) for h in ("序号", "证据名称", "来源", "取得方式", "收集日期", "页数", "原件/复印件", "收集人")]]
    rows += [[str(i), e.description, e.source, e.method, _short_date(e.collected_on),
              "" if e.pages is None else str(e.pages), "原件" if e.original else "复印件", e.collectors]
             for i, e in enumerate(data.items, start=1)] or [["", "（无）", "", "", "", "", "", ""]]
    story.append(grid(rows, [9 * mm, 30 * mm, 22 * mm, 26 * mm, 20 * mm, 10 * mm, 16 * mm,
                             CONTENT_WIDTH - 133 * mm], header_rows=1))
    story.append(gap(2))
    story.append(para(f"共{len(data.items)}项，"
                      f"{sum(e.pages or 0 for e in data.items)}页。", styles().body_flush))
    story.append(keep([gap(4), signature_lines(["制表人", "审核人"])]))
    return build_document("evidence_list", title, data, story)


# ---------------------------------------------------------------- A10 听取意见记录

def render_department_opinion(data: DepartmentOpinionData) -> RenderedDocument:
    title = "听取有关部门意见和建议记录"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.extend(_kv([
        ("部门", data.department, "部门人员", data.person),
        ("时间", numeric_date(data.heard_on), "地点", data.place),
        ("调查人员", "、".join(data.investigators)),
        ("征询事项", data.subject),
        ("意见和建议", data.opinion),
        ("附件", _numbered(data.attachments) or "无"),
    ], min_row_heights={4: 40 * mm}))
    story.append(keep([gap(4), signature_lines(["部门人员"] + [f"调查人员{i}" for i in
                                                          range(1, len(data.investigators) + 1)])]))
    return build_document("department_opinion", title, data, story)


# ---------------------------------------------------------------- A19 执行监督记录

def render_supervision_record(data: SupervisionRecordData) -> RenderedDocument:
    title = "处理决定执行监督记录"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.extend(_kv([
        ("被投诉人", data.respondent),
        ("处理决定", data.decision_ref),
        ("处理措施", data.measure),
        ("整改期限", numeric_date(data.due_on), "报告日期", numeric_date(data.report_received_on, "")),
        ("整改报告", data.report_note),
        ("核查日期", numeric_date(data.verified_on, ""), "核查人", data.verifier),
        ("核查结果", data.result),
        ("核查情况", data.verification_note),
        ("纠正措施", data.corrective_action or "无"),
    ]))
    story.append(gap(2))
    story.append(para(f"依据：{STATUTE}第十八条　作出处理决定的司法行政机关应当对被投诉人执行处理决定的情况进行监督。",
                      styles().small))
    story.append(keep([gap(4), signature_lines(["核查人"])]))
    return build_document("supervision_record", title, data, story)


# ---------------------------------------------------------------- A22 撤回投诉记录

def render_withdrawal_record(data: WithdrawalRecordData) -> RenderedDocument:
    title = "撤回投诉记录"
    st = styles()
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.extend(_kv([
        ("投诉人", data.complainant, "撤回日期", numeric_date(data.withdrawn_on)),
        ("撤回理由", data.reason),
        ("投诉人签字", "已签字或捺印" if data.signed else "未签字"),
    ]))
    story.append(para("本人自愿撤回上述投诉，以上内容已经阅看（或已向我宣读），与我所述相符。", st.body))
    story.append(grid([[_label("投诉人（签名或捺印）"), ""]], [LABEL + 14 * mm, CONTENT_WIDTH - LABEL - 14 * mm],
                      min_row_heights={0: 22 * mm}))
    story += _section("机关负责人决定")
    terminate = data.decision == "终止办理"
    story.append(grid([[_label("决定"), rich(f"{checkbox(terminate)}终止办理　"
                                             f"{checkbox(not terminate)}依职权继续办理", st.cell)],
                       [_label("意见"), para(data.head_note, st.cell)],
                       [_label("负责人"), para(f"{data.head}　　日期：{numeric_date(data.decided_on, '')}", st.cell)]],
                      [LABEL, CONTENT_WIDTH - LABEL], min_row_heights={1: 18 * mm}))
    return build_document("withdrawal_record", title, data, story)


# ---------------------------------------------------------------- A23 复议/诉讼/上级纠正

def render_reconsideration_record(data: ReconsiderationRecordData) -> RenderedDocument:
    title = "行政复议、行政诉讼及上级纠正情况记录"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.extend(_kv([
        ("事项", data.event),
        ("机关", data.organ, "文号/案号", data.reference_no),
        ("日期", numeric_date(data.occurred_on), "结果", data.result),
        ("要求或纠正意见", data.instruction),
        ("本机关采取的措施", data.action_taken),
    ], min_row_heights={3: 22 * mm, 4: 22 * mm}))
    story.append(keep([gap(4), signature_lines(["记录人"])]))
    return build_document("reconsideration_record", title, data, story)


# ---------------------------------------------------------------- A21 公示

def render_public_notice(data: PublicNoticeData) -> RenderedDocument:
    title = "法律援助投诉事项公示"
    st = styles()
    office = data.office
    story: list[Flowable] = title_block(title, office.organ_name, data.doc_number)
    story.append(para(f"根据{data.statute}第四条的规定，现将本机关受理法律援助投诉的有关事项公示如下：", st.body))
    story.append(para("一、投诉渠道", st.heading))
    contacts = [("投诉地址", office.address), ("邮政编码", office.postcode), ("投诉电话", office.phone),
                ("传真", office.fax), ("电子邮箱", office.email), ("监督电话", data.supervision_phone),
                ("接待时间", data.reception_hours)]
    story.append(grid([[_label(k), para(v, st.cell)] for k, v in contacts if v],
                      [LABEL, CONTENT_WIDTH - LABEL]))
    if data.channels:
        story.append(para("投诉方式：" + "、".join(data.channels) + "。", st.body))
    story.append(para("二、谁可以投诉、投诉谁", st.heading))
    story.append(para("投诉人：" + "、".join(data.complainants) + "。", st.body))
    story.append(para("被投诉人：" + "、".join(data.respondents) + "。", st.body))
    story.append(para("三、投诉事项范围", st.heading))
    story += [para(f"{i}. {item.text}" + (f"（{item.citation}）" if item.citation else ""), st.body)
              for i, item in enumerate(data.scope, start=1)]
    if data.not_accepted:
        story.append(para("下列投诉不予受理：", st.body))
        story += [para(f"{i}. {item.text}" + (f"（{item.citation}）" if item.citation else ""), st.body)
                  for i, item in enumerate(data.not_accepted, start=1)]
    story.append(para("四、投诉处理程序", st.heading))
    story += [para(f"{i}. {step}", st.body) for i, step in enumerate(data.procedure, start=1)]
    story.append(para("五、办理时限", st.heading))
    story += [para(f"{i}. {limit}", st.body) for i, limit in enumerate(data.time_limits, start=1)]
    story.append(issuer_block(office.organ_name, data.issued_on))
    return build_document("public_notice", title, data, story)


__all__ = [
    "render_department_opinion", "render_evidence_list", "render_extension_approval",
    "render_file_callup", "render_investigation_report", "render_public_notice",
    "render_reconsideration_record", "render_supervision_record", "render_withdrawal_record",
]
