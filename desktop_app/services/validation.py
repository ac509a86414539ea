"""Validation of the registration form: every problem at once, each naming its field."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.enums import Channel, ComplainantRole, IdType, PoaScope
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.identity import validate_id_number, validate_phone
from desktop_app.rules.ruleset import RuleSet
from desktop_app.services.dto import RegistrationInput

OTHER_PROCEDURE_KINDS = {
    "LITIGATION": "诉讼", "RECONSIDERATION": "行政复议", "OTHER_STATUTORY": "其他法定程序",
    "PETITION": "信访", "DISCIPLINE": "纪检监察", "PREVIOUS_COMPLAINT": "此前投诉",
}


def validate_registration(inp: RegistrationInput, rules: RuleSet, today: dt.date, *,
                          for_completion: bool) -> list[ValidationError]:
    """Check a registration. ``for_completion`` adds what RECEIVED → REGISTERED needs.

    A draft (RECEIVED) may be saved with little more than the channel: 先登记后审查 means
    every complaint is registered, however incomplete; completeness is checked on T2.
    """
    errors: list[ValidationError] = []

    def err(field: str, msg: str) -> None:
        errors.append(ValidationError(msg, field=field))

    try:
        channel = Channel(inp.channel)
    except ValueError:
        err("channel", f"投诉渠道“{inp.channel}”无效，请从列表中选择。")
        channel = Channel.OTHER
    if inp.received_at is not None and inp.received_at.date() > today:
        err("received_at", "收到时间不能晚于今天，请核对日期。")

    if not inp.anonymous and not inp.complainants:
        err("complainants", "请至少填写一名投诉人；匿名投诉请勾选“匿名”。")
    for i, c in enumerate(inp.complainants):
        f = f"complainants[{i}]"
        if not c.name.strip() and not inp.anonymous:
            err(f"{f}.name", f"第{i + 1}名投诉人：请填写姓名。")
        try:
            ComplainantRole(c.role)
        except ValueError:
            err(f"{f}.role", f"第{i + 1}名投诉人：请选择投诉人身份（申请人/受援人/利害关系人）。")
        if c.id_number.strip():
            if c.id_type == IdType.RESIDENT_ID:
                try:
                    validate_id_number(c.id_number.strip(), today)
                except ValidationError as e:
                    err(f"{f}.id_number", f"第{i + 1}名投诉人：{e.message}")
        if c.phone.strip():
            try:
                validate_phone(c.phone.strip())
            except ValidationError as e:
                err(f"{f}.phone", f"第{i + 1}名投诉人：{e.message}")
        if c.role == ComplainantRole.INTERESTED_PARTY and for_completion and not c.relationship_text.strip():
            err(f"{f}.relationship_text", f"第{i + 1}名投诉人为利害关系人，请填写与法律援助事项的关系。")

    for i, a in enumerate(inp.agents):
        f = f"agents[{i}]"
        if not a.name.strip():
            err(f"{f}.name", f"第{i + 1}名代理人：请填写姓名。")
        if not a.phone.strip() and for_completion:
            err(f"{f}.phone", f"第{i + 1}名代理人：请填写联系电话。")
        for s in a.poa_scope:
            try:
                PoaScope(s)
            except ValueError:
                err(f"{f}.poa_scope", f"第{i + 1}名代理人：委托权限“{s}”无效。")
        if a.poa_submitted and not a.poa_scope and not a.is_guardian:
            err(f"{f}.poa_scope", f"第{i + 1}名代理人：授权委托书已提交，请勾选委托权限（第七条要求载明委托权限）。")
        if a.represents is not None and not (0 <= a.represents < len(inp.complainants)):
            err(f"{f}.represents", f"第{i + 1}名代理人：所代理的投诉人不存在。")

    for i, r in enumerate(inp.respondents):
        f = f"respondents[{i}]"
        if r.type_code not in rules.respondent_types:
            err(f"{f}.type_code", f"第{i + 1}名被投诉人：请选择被投诉人类型。")
        if not r.name.strip():
            err(f"{f}.name", f"第{i + 1}名被投诉人：请填写名称或姓名（不清楚时可填“不详”并在审查中补正）。")

    if inp.ground_code and inp.ground_code not in rules.grounds:
        err("ground_code", f"投诉事项分类“{inp.ground_code}”不属于{rules.id}年《{rules.title}》，请重新选择。")
    for code in inp.subtype_codes:
        if code not in rules.sub_types:
            err("subtype_codes", f"细分类型“{code}”无效。")
    for i, p in enumerate(inp.other_procedures):
        if p.kind not in OTHER_PROCEDURE_KINDS:
            err(f"other_procedures[{i}].kind", f"第{i + 1}项其他程序：请选择程序类型。")
    for i, mat in enumerate(inp.materials):
        if not mat.name.strip():
            err(f"materials[{i}].name", f"第{i + 1}项材料：请填写材料名称。")
        if mat.pages < 1:
            err(f"materials[{i}].pages", f"第{i + 1}项材料：页数至少为1。")

    if for_completion:
        if not inp.respondents:
            err("respondents", "请至少填写一名被投诉人（第八条第（二）项）。")
        if channel.is_oral:
            # Art 6: the five items must be recorded on the spot before the record is printed.
            for fld, label in (("request_text", "投诉请求"), ("facts_text", "主要事实"),
                               ("reasons_text", "理由"), ("event_time_text", "时间")):
                if not getattr(inp, fld).strip():
                    err(fld, f"口头投诉须当场记录“{label}”（第六条），请填写。")
            if not inp.writing_difficulty.strip():
                err("writing_difficulty", "口头投诉请注明书面投诉确有困难的原因（第六条）。")
    return errors
