"""Realistic document data for tests and benchmarks."""

from __future__ import annotations

from datetime import date, datetime

from desktop_app.documents.models import (
    AcceptanceNoticeData, Agent, AidCase, ChecklistItem, Complainant, ContactInfo, Interviewee,
    Investigator, MaterialItem, NonAcceptanceNoticeData, NonAcceptanceReason, OfficeProfile,
    OralRecordData, OtherProcedure, Person, PoaData, QaTurn, RegistrationFormData, Respondent,
    ServiceReceiptData, SupplementNoticeData, TranscriptData, standard_transcript_opening)

CASE_NO = "青司援投〔2026〕第0007号"

OFFICE = OfficeProfile(
    organ_name="青山县司法局", short_name="青山县司法局", address="青山县人民路18号",
    phone="0000-1234567", fax="0000-1234568", email="fzb@qingshan.example.cn",
    postcode="100000", reconsideration_organ="青山县人民政府", reconsideration_days=60,
    litigation_court="青山县人民法院", litigation_months=6)

COMPLAINANT = Complainant(
    name="王秀兰", sex="女", birth_date=date(1958, 3, 9), ethnicity="汉族",
    id_number="110101195803090029", address="青山县城关镇幸福村三组12号", postcode="100000",
    phone="13800000000", role="受援人", relation_to_matter="本案受援人", special_groups=("老年人",))

SECOND_COMPLAINANT = Complainant(
    name="李建国", sex="男", age=62, id_number="110101196401010016", phone="13900000000",
    address="青山县城关镇幸福村三组12号", role="利害关系人", relation_to_matter="受援人之夫")

AGENT = Agent(name="王小明", sex="男", id_number="110101198501010011", phone="13700000000",
              relation="子", poa_submitted=True,
              poa_scope=("代为提出投诉", "陈述事实", "提交、补充材料", "接收通知和法律文书"))

RESPONDENTS = (
    Respondent(kind="律师", name="赵某某", unit="青山县明德律师事务所",
               licence_no="11101200010000001", phone="0000-7654321"),
    Respondent(kind="法律援助机构", name="青山县法律援助中心", unit="青山县司法局"),
)

INVESTIGATORS = (
    Investigator(name="陈立", unit="青山县司法局", certificate_no="执法证 110001"),
    Investigator(name="刘洋", unit="青山县司法局", certificate_no="执法证 110002"),
)

ANSWER = ("二〇二六年三月，法律援助中心指派赵律师为我代理劳动争议案件。赵律师接案以后，"
          "一直没有和我见面，也没有告诉我开庭的时间；我多次打电话，他说“等通知”，"
          "结果开庭那天他没有到庭，是我自己去的。庭审中我不知道怎么说，案子输了；"
          "事后他说工作忙，还要我给他一千元“辛苦费”，我没给。")


def transcript(turn_count: int = 8, **overrides) -> TranscriptData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 24),
        started_at=datetime(2026, 11, 24, 9, 0), ended_at=datetime(2026, 11, 24, 10, 30),
        place="青山县司法局三楼调查室",
        investigators=INVESTIGATORS, recorder="刘洋",
        interviewee=Interviewee(name="王秀兰", sex="女", age=68, id_number=COMPLAINANT.id_number,
                                phone="13800000000", role="投诉人"),
        opening_notice=standard_transcript_opening(
            "青山县司法局", ("陈立", "刘洋"), "王秀兰投诉赵某某律师办理法律援助案件一事"),
        turns=tuple(QaTurn(question=f"请你详细说明第{n}个问题的经过，当时的时间、地点和在场人员？",
                           answer=ANSWER) for n in range(1, turn_count + 1)),
    )
    fields.update(overrides)
    return TranscriptData(**fields)


def registration_form(**overrides) -> RegistrationFormData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 24),
        doc_number="", received_at=datetime(2026, 11, 24, 9, 15), channel="当面/口头",
        receiver="张敏", registrar="张敏", registered_on=date(2026, 11, 24),
        rule_version="2013版《法律援助投诉处理办法》",
        complainants=(COMPLAINANT, SECOND_COMPLAINANT), agent=AGENT, respondents=RESPONDENTS,
        aid_case=AidCase(aid_case_no="青法援〔2026〕112号", cause="劳动争议", recipient="王秀兰",
                         applied_on=date(2026, 2, 10), decided_on=date(2026, 2, 14),
                         assigned_on=date(2026, 2, 15), institution="青山县法律援助中心",
                         handler="赵某某", stage="已结", proceeding="诉讼", branch="民事"),
        request="请求调查赵某某律师不尽职的行为并依法处理，退还其索要的费用。",
        facts=ANSWER, reasons="律师承办法律援助案件应当尽职尽责，不得向受援人收取财物。",
        event_time="2026年3月至2026年10月", ground="律师、基层法律服务工作者违反规定（第五条第（二）项）",
        materials=(MaterialItem(name="法律援助决定书", pages=1, original=False),
                   MaterialItem(name="民事判决书", pages=6, original=False),
                   MaterialItem(name="通话记录截图", pages=3, original=True, note="当场打印")),
        other_procedures=(OtherProcedure(kind="信访", organ="青山县信访局", on=date(2026, 10, 20),
                                         reference="青信〔2026〕88号", status="已转本局"),),
        oral_difficulty_reason="投诉人年老，书写困难",
        review_items=(
            ChecklistItem(code="A1", text="投诉人是法律援助申请人、受援人或者利害关系人",
                          article="第八条第（一）项", result=True),
            ChecklistItem(code="A2", text="有明确的被投诉人", article="第八条第（二）项", result=True),
            ChecklistItem(code="A3", text="有具体的投诉请求和事实根据", article="第八条第（三）项", result=True),
            ChecklistItem(code="A4", text="属于本办法第五条规定的投诉事项范围", article="第八条第（四）项", result=True),
            ChecklistItem(code="A5", text="属于本机关管辖", article="第八条第（五）项", result=True),
            ChecklistItem(code="R1", text="同一投诉事项已经处理且无新的事实、证据", article="第九条第（一）项",
                          result=False),
            ChecklistItem(code="R3", text="仅对法律援助案件办理结果有异议", article="第九条第（三）项",
                          result=False, note="投诉涉及律师履职行为，非仅对结果有异议"),
        ),
        proposed_decision="受理", review_opinion="符合第八条规定的受理条件，建议受理。",
        reviewer="孙涛", reviewed_on=date(2026, 11, 25),
        head_opinion="同意受理。", head="周建华", head_signed_on=date(2026, 11, 26),
        decided_on=date(2026, 11, 26), notice_number="青司援投受〔2026〕7号",
        notice_sent_on=date(2026, 11, 27),
    )
    fields.update(overrides)
    return RegistrationFormData(**fields)


def oral_record(**overrides) -> OralRecordData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 24),
        recorded_at=datetime(2026, 11, 24, 9, 20), place="青山县司法局接待窗口",
        recorders=("张敏",), complainant=COMPLAINANT, agent=None, respondents=RESPONDENTS[:1],
        request="请求依法处理赵某某律师。", facts=ANSWER * 2,
        reasons="律师不尽职，索要财物。", event_time="2026年3月至10月",
        difficulty_reason="投诉人年老，书写困难")
    fields.update(overrides)
    return OralRecordData(**fields)


def poa(blank: bool = False, **overrides) -> PoaData:
    if blank:
        fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 24), blank=True)
    else:
        fields = dict(
            office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 24),
            principal=Person(name="王秀兰", sex="女", id_number=COMPLAINANT.id_number,
                             phone="13800000000", address=COMPLAINANT.address),
            agent=Person(name="王小明", sex="男", id_number=AGENT.id_number, phone="13700000000"),
            relation="母子", scope=("代为提出投诉", "陈述事实", "接收通知和法律文书"),
            term="自签署之日起至本投诉处理完毕止", signed_on=date(2026, 11, 24))
    fields.update(overrides)
    return PoaData(**fields)


def supplement_notice(**overrides) -> SupplementNoticeData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 25),
        doc_number="青司援投补〔2026〕3号", addressee="王秀兰", received_on=date(2026, 11, 24),
        missing_items=("代理人王小明的授权委托书（须载明委托权限）", "投诉人身份证件复印件",
                       "被投诉律师的姓名或者所在律师事务所名称", "投诉事项发生的时间和主要经过"),
        deadline=date(2026, 12, 9), contact=ContactInfo(person="张敏", phone="0000-1234567"))
    fields.update(overrides)
    return SupplementNoticeData(**fields)


def acceptance_notice(**overrides) -> AcceptanceNoticeData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 26),
        doc_number="青司援投受〔2026〕7号", addressee="王秀兰", received_on=date(2026, 11, 24),
        accepted_on=date(2026, 11, 26), summary="对青山县明德律师事务所赵某某律师承办法律援助案件中未尽职责的投诉",
        contact=ContactInfo(person="陈立", phone="0000-1234567"))
    fields.update(overrides)
    return AcceptanceNoticeData(**fields)


def non_acceptance_notice(**overrides) -> NonAcceptanceNoticeData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 26),
        doc_number="青司援投不受〔2026〕2号", addressee="王秀兰", received_on=date(2026, 11, 24),
        summary="对法律援助案件判决结果的投诉",
        reasons=(NonAcceptanceReason(article="第九条", item="第（三）项",
                                     text="仅对法律援助案件办理结果有异议"),
                 NonAcceptanceReason(article="第九条", item="第（二）项",
                                     text="投诉事项已经进入诉讼程序")),
        pointer="对判决结果不服的，可以依法向人民法院申请再审。",
        contact=ContactInfo(person="张敏", phone="0000-1234567"))
    fields.update(overrides)
    return NonAcceptanceNoticeData(**fields)


def service_receipt(**overrides) -> ServiceReceiptData:
    fields = dict(
        office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 11, 27),
        document_title="法律援助投诉受理通知书", document_number="青司援投受〔2026〕7号",
        recipient="王秀兰", address=COMPLAINANT.address, method="邮寄（EMS）",
        tracking_number="EM123456789CN", served_on=date(2026, 11, 27), servers=("张敏", "孙涛"))
    fields.update(overrides)
    return ServiceReceiptData(**fields)


from desktop_app.documents.models import (ExplanationRequestData, ExtensionNoticeData,  # noqa: E402
                                          HandlingDecisionData, ReplyData, StopOrderData,
                                          TransferLetterData)


def explanation_request(**overrides) -> ExplanationRequestData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 12, 1),
                  doc_number="青司援投说〔2026〕1号", addressee="青山县明德律师事务所赵某某律师",
                  allegations=("承办法律援助案件期间未会见受援人", "向受援人索要费用"),
                  questions=("何时会见受援人",), materials=("会见笔录", "办案卷宗复印件"),
                  reply_deadline=date(2026, 12, 10), contact=ContactInfo(person="陈立", phone="0000-1234567"))
    fields.update(overrides)
    return ExplanationRequestData(**fields)


def stop_order(**overrides) -> StopOrderData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 12, 3),
                  doc_number="青司援投停〔2026〕1号", addressee="赵某某",
                  conduct="在承办法律援助案件中继续向受援人索要费用。",
                  legal_basis="《法律援助条例》的有关规定", check_on=date(2026, 12, 10))
    fields.update(overrides)
    return StopOrderData(**fields)


def extension_notice(**overrides) -> ExtensionNoticeData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 5),
                  doc_number="青司援投延〔2027〕1号", addressee="王秀兰",
                  accepted_on=date(2026, 11, 26), original_deadline=date(2027, 1, 11),
                  new_deadline=date(2027, 2, 10), reason="需调阅的法院案卷尚未归还，案情复杂")
    fields.update(overrides)
    return ExtensionNoticeData(**fields)


def handling_decision(**overrides) -> HandlingDecisionData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 20),
                  doc_number="青司援投决〔2027〕1号", addressee="赵某某",
                  facts="赵某某在承办王秀兰劳动争议法律援助案件中未会见受援人、未出庭。",
                  evidence=("调查笔录二份", "法院庭审笔录"), basis="上述行为违反法律援助案件办理规范。",
                  outcome="责令改正，予以批评教育。", measures=("于2027年2月20日前提交书面整改报告",))
    fields.update(overrides)
    return HandlingDecisionData(**fields)


def transfer_letter(**overrides) -> TransferLetterData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 20),
                  doc_number="青司援投移〔2027〕1号", receiving_organ="青山县律师协会",
                  summary="赵某某律师涉嫌违反律师执业规范。", reason="该事项属于行业处分范围",
                  evidence=("调查笔录复印件二份",))
    fields.update(overrides)
    return TransferLetterData(**fields)


def reply(**overrides) -> ReplyData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 22),
                  doc_number="青司援投复〔2027〕1号", addressee="王秀兰",
                  received_on=date(2026, 11, 24), accepted_on=date(2026, 11, 26),
                  complaint_summary="对赵某某律师承办法律援助案件未尽职责的投诉",
                  investigation_summary="赵某某律师确有未会见受援人、未出庭的情形。",
                  outcome="投诉属实，已责令赵某某改正并予以批评教育。",
                  basis="《法律援助投诉处理办法》第十四条")
    fields.update(overrides)
    return ReplyData(**fields)


from desktop_app.documents.models import (CalledFile, DepartmentOpinionData,  # noqa: E402
                                          EvidenceListData, EvidenceRow, ExtensionApprovalData,
                                          FileCallupData, InvestigationReportData, NoticeItem,
                                          PublicNoticeData, ReconsiderationRecordData,
                                          RespondentFinding, SupervisionRecordData,
                                          WithdrawalRecordData)


def extension_approval(**overrides) -> ExtensionApprovalData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 4),
                  complainant="王秀兰", respondents="律师 赵某某", accepted_on=date(2026, 11, 26),
                  original_deadline=date(2027, 1, 11), requested_deadline=date(2027, 2, 10),
                  reason="需调阅的法院案卷尚未归还，案情复杂", requester="陈立", requested_on=date(2027, 1, 4),
                  decision="同意", approver="刘强", decision_note="延长至2027年2月10日", decided_on=date(2027, 1, 5))
    fields.update(overrides)
    return ExtensionApprovalData(**fields)


def investigation_report(**overrides) -> InvestigationReportData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 18), complainant="王秀兰",
                  accepted_on=date(2026, 11, 26),
                  allegations=("反映律师赵某某办理法律援助案件收取财物的问题",),
                  investigators=("陈立", "刘洋"),
                  process=("2026年12月1日 要求说明情况、提交材料：赵某某", "2026年12月5日 调查笔录：王秀兰（投诉人）"),
                  findings=(RespondentFinding(
                      respondent="律师 赵某某（青山县明德律师事务所）",
                      facts="赵某某向受援人索要“辛苦费”一千元，受援人未支付。",
                      evidence=("调查笔录（王秀兰，已签认）", "短信截图"),
                      explanation="赵某某称系玩笑，未实际收取；不予采纳。",
                      basis="情节轻微，及时纠正，没有造成危害后果。",
                      proposed_outcome="批评教育", measures=("于2027年2月20日前提交书面整改报告",)),),
                  report="调查终结，建议按第十四条第（二）项处理。", proposed_on=date(2027, 1, 18))
    fields.update(overrides)
    return InvestigationReportData(**fields)


def file_callup(**overrides) -> FileCallupData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 12, 2), from_whom="青山县法律援助中心",
                  files=(CalledFile(reference="青法援〔2026〕112号", title="王秀兰劳动争议法律援助案卷",
                                    original=False, pages=36),),
                  investigators=("陈立", "刘洋"), out_on=date(2026, 12, 2), due_on=date(2026, 12, 2),
                  returned_on=date(2026, 12, 2), aid_case_open=True,
                  non_obstruction_note="复制后当日归还，不影响承办律师办案", purpose="核实会见及出庭情况")
    fields.update(overrides)
    return FileCallupData(**fields)


def evidence_list(**overrides) -> EvidenceListData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 1, 10), items=(
        EvidenceRow(description="短信截图", source="王秀兰", method="当事人提交", collected_on=date(2026, 12, 5),
                    pages=2, original=False, collectors="陈立、刘洋"),
        EvidenceRow(description="法律援助案卷复印件", source="青山县法律援助中心", method="调阅复制",
                    collected_on=date(2026, 12, 2), pages=36, collectors="陈立、刘洋")))
    fields.update(overrides)
    return EvidenceListData(**fields)


def department_opinion(**overrides) -> DepartmentOpinionData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 12, 8), department="青山县律师协会",
                  person="孙某", heard_on=date(2026, 12, 8), place="青山县律师协会会议室",
                  investigators=("陈立", "刘洋"), subject="律师索要费用行为的行业规范评价",
                  opinion="该行为违反律师执业行为规范，建议予以行业惩戒。", attachments=("书面意见一份",))
    fields.update(overrides)
    return DepartmentOpinionData(**fields)


def supervision_record(**overrides) -> SupervisionRecordData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 2, 25), respondent="赵某某",
                  decision_ref="青司援投决〔2027〕1号", measure="责令限期整改", due_on=date(2027, 2, 20),
                  report_received_on=date(2027, 2, 18), report_note="已向受援人书面致歉，完善会见制度。",
                  verified_on=date(2027, 2, 25), verifier="陈立", result="整改到位",
                  verification_note="经回访受援人，情况属实。")
    fields.update(overrides)
    return SupervisionRecordData(**fields)


def withdrawal_record(**overrides) -> WithdrawalRecordData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2026, 12, 1), complainant="王秀兰",
                  withdrawn_on=date(2026, 12, 1), reason="已与律师协商解决", signed=True,
                  decision="终止办理", head="刘强", head_note="投诉人自愿撤回，未发现需依职权处理的情形。",
                  decided_on=date(2026, 12, 1))
    fields.update(overrides)
    return WithdrawalRecordData(**fields)


def reconsideration_record(**overrides) -> ReconsiderationRecordData:
    fields = dict(office=OFFICE, case_no=CASE_NO, issued_on=date(2027, 4, 1), event="行政复议结果",
                  organ="青山县人民政府", reference_no="青政复〔2027〕5号", occurred_on=date(2027, 4, 1),
                  result="维持", instruction="", action_taken="补充归档")
    fields.update(overrides)
    return ReconsiderationRecordData(**fields)


def public_notice(**overrides) -> PublicNoticeData:
    fields = dict(office=OFFICE, case_no="", issued_on=date(2026, 1, 1), statute="《法律援助投诉处理办法》",
                  supervision_phone="0000-12348", reception_hours="工作日 8:30—17:00",
                  complainants=("法律援助申请人", "受援人", "利害关系人"),
                  respondents=("法律援助机构", "律师事务所", "基层法律服务所", "法律援助人员"),
                  scope=(NoticeItem(text="办理法律援助案件收取财物的", citation="第五条第（三）项"),),
                  channels=("书信", "传真", "电子邮件", "当面口头投诉"),
                  procedure=("收到投诉后填写登记表，五个工作日内决定是否受理并书面通知。",),
                  time_limits=("受理后一般应当在四十五日内办结。",),
                  not_accepted=(NoticeItem(text="投诉人仅对法律援助案件办理结果有异议的", citation="第九条第（三）项"),))
    fields.update(overrides)
    return PublicNoticeData(**fields)
