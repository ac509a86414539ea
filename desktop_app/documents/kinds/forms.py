"""Paper-form documents: 法律援助投诉登记表, 口头投诉记录, 授权委托书, 送达回证."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from desktop_app.documents.base import (CONTENT_WIDTH, PageSignature, RenderedDocument,
                                        build_document, checkbox, grid, issuer_block, para, rich,
                                        styles, title_block)
from desktop_app.documents.enums_labels import POA_SCOPE_LABELS
from desktop_app.documents.kinds.common import (gap, keep, labelled, person_contact,
                                                person_summary, signature_lines)
from desktop_app.documents.models import (Complainant, OralRecordData, Person, PoaData,
                                          RegistrationFormData, ServiceReceiptData)
from desktop_app.documents.text import markup, numeric_date, numeric_datetime

LABEL = 26 * mm
HALF = (CONTENT_WIDTH - 2 * LABEL) / 2
KV_WIDTHS = (LABEL, HALF, LABEL, HALF)


def _label(text: str) -> Flowable:
    return para(text, styles().cell_label)


def _value(text: str | None) -> Flowable:
    return rich(markup(text or ""), styles().cell)


def _section(title: str) -> list[Flowable]:
    """Shaded section heading row spanning the form width."""
    return [grid([[para(title, styles().cell_label)]], [CONTENT_WIDTH],
                 extra=[("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#E8E8E8"))])]


def _kv(rows: list[tuple[str, str | None, str, str | None] | tuple[str, str | None]],
        min_row_heights: dict[int, float] | None = None) -> list[Flowable]:
    """Label/value form rows; a 2-tuple row gives its value the full remaining width.

    Runs of 2-tuples and 4-tuples become separate tables (no SPAN: ReportLab draws a spanned
    cell in the wrong column when a long row is split across pages).
    """
    heights = min_row_heights or {}
    tables: list[Flowable] = []
    run: list[list[Flowable]] = []
    run_heights: dict[int, float] = {}
    run_width = 0

    def flush() -> None:
        nonlocal run, run_heights
        if run:
            widths = KV_WIDTHS if run_width == 4 else (LABEL, CONTENT_WIDTH - LABEL)
            tables.append(grid(run, widths, min_row_heights=run_heights or None))
        run, run_heights = [], {}

    for index, row in enumerate(rows):
        if len(row) != run_width:
            flush()
            run_width = len(row)
        if index in heights:
            run_heights[len(run)] = heights[index]
        if len(row) == 2:
            run.append([_label(row[0]), _value(row[1])])
        else:
            run.append([_label(row[0]), _value(row[1]), _label(row[2]), _value(row[3])])
    flush()
    return tables


def _yes_no(value: bool | None) -> str:
    return f"{checkbox(value is True)}是　{checkbox(value is False)}否"


def _complainant_rows(person: Complainant) -> list:
    groups = "、".join(person.special_groups) or "无"
    return [
        ("姓名", person.name, "性别", person.sex),
        ("出生日期", numeric_date(person.birth_date, "") if person.birth_date else
         (f"{person.age}岁" if person.age is not None else ""), "民族", person.ethnicity),
        ("证件类型", person.id_type, "证件号码", person.id_number),
        ("住址", person.address),
        ("邮编", person.postcode, "联系电话", person.phone),
        ("电子邮箱", person.email, "工作单位", person.employer),
        ("投诉人身份", person.role, "与事项关系", person.relation_to_matter),
        ("特殊群体", groups),
    ]


def render_registration_form(data: RegistrationFormData) -> RenderedDocument:
    title = "法律援助投诉登记表"
    st = styles()
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    story.append(para(f"登记编号：{data.case_no}", st.right))
    story.append(gap(1))
    story += _section("一、收到情况")
    story.extend(_kv([
        ("收到时间", numeric_datetime(data.received_at), "收到方式", data.channel),
        ("接收人", data.receiver, "登记人", data.registrar),
        ("登记日期", numeric_date(data.registered_on, ""), "适用规则", data.rule_version),
    ]))
    for index, person in enumerate(data.complainants, start=1):
        suffix = f"（{index}）" if len(data.complainants) > 1 else ""
        story += _section(f"二、投诉人{suffix}")
        story.extend(_kv(_complainant_rows(person)))
    if not data.complainants:
        story += _section("二、投诉人")
        story.extend(_kv([("姓名", "", "联系电话", "")]))
    story += _section("三、代理人")
    agent = data.agent
    if agent is None:
        story.extend(_kv([("代理人", "无")]))
    else:
        scope = "　".join(f"{checkbox(label in agent.poa_scope)}{label}" for label in POA_SCOPE_LABELS)
        story.extend(_kv([
            ("姓名", agent.name, "与投诉人关系", agent.relation),
            ("证件号码", agent.id_number, "联系电话", agent.phone),
            ("授权委托书", "已提交" if agent.poa_submitted else "未提交", "其他权限",
             agent.poa_scope_other),
        ]))
        story.append(grid([[_label("委托权限"), rich(scope, st.cell)]],
                          [LABEL, CONTENT_WIDTH - LABEL]))
    story += _section("四、被投诉人")
    respondent_rows = [[_label(h) for h in ("序号", "类型", "名称/姓名", "所在单位", "执业证号/工作证号", "联系方式")]]
    respondent_rows += [[str(i), r.kind, r.name, r.unit, r.licence_no, r.phone]
                        for i, r in enumerate(data.respondents, start=1)] or [["", "", "", "", "", ""]]
    story.append(grid(respondent_rows, [10 * mm, 20 * mm, 24 * mm, 34 * mm, 40 * mm,
                                        CONTENT_WIDTH - 128 * mm], header_rows=1))
    story += _section("五、相关法律援助事项")
    aid = data.aid_case
    if aid is None:
        story.extend(_kv([("援助事项", "未提供")]))
    else:
        story.extend(_kv([
            ("援助案件编号", aid.aid_case_no, "案由", aid.cause),
            ("受援人", aid.recipient, "申请日期", numeric_date(aid.applied_on, "")),
            ("决定日期", numeric_date(aid.decided_on, ""), "指派日期", numeric_date(aid.assigned_on, "")),
            ("指派/承办机构", aid.institution, "承办人", aid.handler),
            ("办理阶段", aid.stage, "案件类别", "／".join(x for x in (aid.proceeding, aid.branch) if x)),
        ]))
    story += _section("六、投诉内容")
    story.extend(_kv([
        ("投诉请求", data.request),
        ("主要事实", data.facts),
        ("理由", data.reasons),
        ("事件发生时间", data.event_time),
        ("投诉事项分类", data.ground),
    ] + ([("书写困难原因", data.oral_difficulty_reason)] if data.oral_difficulty_reason else [])))
    story += _section("七、提交材料清单")
    material_rows = [[_label(h) for h in ("序号", "材料名称", "页数", "原件/复印件", "备注")]]
    material_rows += [[str(i), m.name, "" if m.pages is None else str(m.pages),
                       "原件" if m.original else "复印件", m.note]
                      for i, m in enumerate(data.materials, start=1)] or [["", "无", "", "", ""]]
    story.append(grid(material_rows, [12 * mm, 70 * mm, 14 * mm, 24 * mm, CONTENT_WIDTH - 120 * mm],
                      header_rows=1))
    story += _section("八、同一事项的其他程序（诉讼、复议、信访、纪检、此前投诉）")
    procedure_rows = [[_label(h) for h in ("程序", "机关", "日期", "文号", "状态")]]
    procedure_rows += [[p.kind, p.organ, numeric_date(p.on, ""), p.reference, p.status]
                       for p in data.other_procedures] or [["无", "", "", "", ""]]
    story.append(grid(procedure_rows, [18 * mm, 38 * mm, 32 * mm, 38 * mm, CONTENT_WIDTH - 126 * mm],
                      header_rows=1))
    story += _section("九、受理审查意见（第八条受理条件 / 第九条不予受理情形）")
    review_rows = [[_label(h) for h in ("代码", "审查事项", "依据", "结论", "说明")]]
    review_rows += [[item.code, item.text, item.article, rich(_yes_no(item.result), st.cell_center),
                     item.note] for item in data.review_items] or [["", "", "", "", ""]]
    story.append(grid(review_rows, [12 * mm, 52 * mm, 36 * mm, 24 * mm, CONTENT_WIDTH - 124 * mm],
                      header_rows=1))
    story.extend(_kv([
        ("拟处理意见", data.proposed_decision),
        ("审查意见", data.review_opinion),
        ("审查人", data.reviewer, "审查日期", numeric_date(data.reviewed_on, "")),
        ("负责人意见", data.head_opinion),
        ("负责人", data.head, "签批日期", numeric_date(data.head_signed_on, "")),
        ("决定日期", numeric_date(data.decided_on, ""), "通知书文号", data.notice_number),
        ("通知发送日期", numeric_date(data.notice_sent_on, ""), "", ""),
    ]))
    return build_document("registration_form", title, data, story)


def render_oral_record(data: OralRecordData) -> RenderedDocument:
    title = "口头投诉记录"
    st = styles()
    person = data.complainant
    story: list[Flowable] = title_block(title)
    story += [
        labelled("记录时间", numeric_datetime(data.recorded_at)),
        labelled("记录地点", data.place),
        labelled("记录人", "、".join(data.recorders)),
        labelled("投诉人", person_summary(person)),
    ]
    contact = person_contact(person)
    if contact:
        story.append(labelled("住址及联系方式", contact))
    if person.role:
        story.append(labelled("投诉人身份", f"{person.role}{('（' + person.relation_to_matter + '）') if person.relation_to_matter else ''}"))
    if data.agent is not None:
        story.append(labelled("代理人", f"{person_summary(data.agent)}，与投诉人关系：{data.agent.relation}"))
    if data.respondents:
        story.append(labelled("被投诉人", "；".join(
            "，".join(x for x in (r.name, r.kind, r.unit) if x) for r in data.respondents)))
    if data.difficulty_reason:
        story.append(labelled("口头投诉原因", data.difficulty_reason))
    story += [
        gap(1),
        labelled("告知", data.truthfulness_statement),
        labelled("投诉请求", data.request),
        labelled("主要事实", data.facts),
        labelled("理由", data.reasons),
        labelled("事件发生时间", data.event_time),
        keep([gap(4), para(data.readback_statement, st.body), gap(2),
              signature_lines([f"记录人{n}" if len(data.recorders) > 1 else "记录人"
                               for n in range(1, len(data.recorders) + 1)])]),
    ]
    return build_document("oral_record", title, data, story, PageSignature("投诉人", "捺印"))


def _person_rows(role: str, person: Person | None) -> list:
    if person is None:
        return [(f"{role}姓名", "", "性别", ""), ("证件号码", "", "联系电话", ""), ("住址", "")]
    return [(f"{role}姓名", person.name, "性别", person.sex),
            ("证件号码", person.id_number, "联系电话", person.phone),
            ("住址", person.address)]


def render_poa(data: PoaData) -> RenderedDocument:
    title = "授权委托书"
    st = styles()
    organ = data.office.organ_name
    story: list[Flowable] = title_block(title)
    # A blank template gets rows tall enough to write in by hand.
    hand = {i: 9 * mm for i in range(4)} if data.blank else None
    story.extend(_kv(_person_rows("委托人", None if data.blank else data.principal), hand))
    story.extend(_kv(_person_rows("受托人", None if data.blank else data.agent)
                     + [("与委托人关系", "" if data.blank else data.relation)], hand))
    subject = "______________________" if data.blank else "法律援助事项"
    matter = data.matter or (
        f"委托人就{subject}一事向{organ}提出法律援助投诉，现委托上列受托人作为委托人的代理人。")
    scope = "<br/>".join(
        f"{checkbox(not data.blank and label in data.scope)}{label}"
        + (f"：{markup(data.scope_other) if not data.blank and data.scope_other else '____________'}"
           if label == "其他" else "")
        for label in POA_SCOPE_LABELS)
    story.append(grid([[_label("委托事项"), _value(matter)],
                       [_label("委托权限"), rich(scope, st.cell)],
                       [_label("委托期限"), _value("" if data.blank else data.term)]],
                      [LABEL, CONTENT_WIDTH - LABEL], min_row_heights={2: 9 * mm} if data.blank else None))
    story.append(gap(2))
    story.append(para("附：委托人、受托人身份证件复印件各一份。", st.body_flush))
    story.append(gap(6))
    signed_on = None if data.blank else data.signed_on
    story.append(grid(
        [[_label("委托人（签名或捺印）"), "", _label("受托人（签名）"), ""],
         [_label("日期"), _value(numeric_date(signed_on)), _label("日期"), _value(numeric_date(signed_on))]],
        [32 * mm, CONTENT_WIDTH / 2 - 32 * mm, 32 * mm, CONTENT_WIDTH / 2 - 32 * mm],
        min_row_heights={0: 26 * mm},  # room for a signature and a thumbprint
    ))
    return build_document("poa", title, data, story)


def render_service_receipt(data: ServiceReceiptData) -> RenderedDocument:
    title = "送达回证"
    story: list[Flowable] = title_block(title, data.office.organ_name, data.doc_number)
    rows = [
        ("送达文书", data.document_title),
        ("文书文号", data.document_number),
        ("受送达人", data.recipient),
        ("送达地址", data.address),
        ("送达方式", data.method, "邮件单号", data.tracking_number),
        ("送达日期", numeric_date(data.served_on), "送达人", "、".join(data.servers)),
        ("受送达人签名或盖章", "\n\n\n\n　　　　　　　　　　　　签收日期：____年__月__日"),
        ("代收人及代收理由", data.receiver_name),
        ("备注", data.note),
    ]
    story.extend(_kv(rows, min_row_heights={6: 30 * mm}))  # room to sign
    story.append(issuer_block(data.office.organ_name, data.issued_on))
    return build_document("service_receipt", title, data, story)
