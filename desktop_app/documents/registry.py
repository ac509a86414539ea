"""Registry of printable document kinds: code → title, data class, renderer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from desktop_app.documents.base import RenderedDocument
from desktop_app.documents.kinds.forms import (render_oral_record, render_poa,
                                               render_registration_form, render_service_receipt)
from desktop_app.documents.kinds.notices import (render_acceptance_notice,
                                                 render_non_acceptance_notice,
                                                 render_supplement_notice)
from desktop_app.documents.kinds.letters import (render_explanation_request,
                                                 render_extension_notice,
                                                 render_handling_decision, render_reply,
                                                 render_stop_order, render_transfer_letter)
from desktop_app.documents.kinds.records import (render_department_opinion, render_evidence_list,
                                                 render_extension_approval, render_file_callup,
                                                 render_investigation_report, render_public_notice,
                                                 render_reconsideration_record,
                                                 render_supervision_record,
                                                 render_withdrawal_record)
from desktop_app.documents.kinds.transcript import render_transcript
from desktop_app.documents.models import (AcceptanceNoticeData, ExplanationRequestData,
                                          ExtensionNoticeData, HandlingDecisionData,
                                          NonAcceptanceNoticeData, ReplyData, StopOrderData,
                                          TransferLetterData,
                                          OralRecordData, PoaData, RegistrationFormData,
                                          ServiceReceiptData, SupplementNoticeData,
                                          TranscriptData)
from desktop_app.documents.models import (DepartmentOpinionData, EvidenceListData,
                                          ExtensionApprovalData, FileCallupData,
                                          InvestigationReportData, PublicNoticeData,
                                          ReconsiderationRecordData, SupervisionRecordData,
                                          WithdrawalRecordData)


@dataclass(frozen=True)
class DocumentKind:
    code: str  # stable code stored with printed versions and in the QR payload
    title: str  # Chinese document name
    data_type: type
    render: Callable[[Any], RenderedDocument]
    signed_per_page: bool = False  # signature + thumbprint box on every page


_KINDS = (
    DocumentKind("registration_form", "法律援助投诉登记表", RegistrationFormData,
                 render_registration_form),
    DocumentKind("oral_record", "口头投诉记录", OralRecordData, render_oral_record, True),
    DocumentKind("poa", "授权委托书", PoaData, render_poa),
    DocumentKind("supplement_notice", "法律援助投诉补正告知书", SupplementNoticeData,
                 render_supplement_notice),
    DocumentKind("acceptance_notice", "法律援助投诉受理通知书", AcceptanceNoticeData,
                 render_acceptance_notice),
    DocumentKind("non_acceptance_notice", "法律援助投诉不予受理通知书", NonAcceptanceNoticeData,
                 render_non_acceptance_notice),
    DocumentKind("service_receipt", "送达回证", ServiceReceiptData, render_service_receipt),
    DocumentKind("transcript", "调查笔录", TranscriptData, render_transcript, True),
    DocumentKind("explanation_request", "说明情况、提交材料通知书", ExplanationRequestData,
                 render_explanation_request),
    DocumentKind("stop_order", "责令停止违法违规行为通知书", StopOrderData, render_stop_order),
    DocumentKind("extension_notice", "延长办理期限告知书", ExtensionNoticeData,
                 render_extension_notice),
    DocumentKind("handling_decision", "法律援助投诉处理决定书", HandlingDecisionData,
                 render_handling_decision),
    DocumentKind("transfer_letter", "移送函", TransferLetterData, render_transfer_letter),
    DocumentKind("reply", "法律援助投诉处理答复书", ReplyData, render_reply),
    DocumentKind("extension_approval", "延长办理期限审批表", ExtensionApprovalData,
                 render_extension_approval),
    DocumentKind("investigation_report", "调查报告", InvestigationReportData,
                 render_investigation_report),
    DocumentKind("file_callup", "调阅案卷档案登记表", FileCallupData, render_file_callup),
    DocumentKind("evidence_list", "证据材料清单", EvidenceListData, render_evidence_list),
    DocumentKind("department_opinion", "听取有关部门意见和建议记录", DepartmentOpinionData,
                 render_department_opinion),
    DocumentKind("supervision_record", "处理决定执行监督记录", SupervisionRecordData,
                 render_supervision_record),
    DocumentKind("withdrawal_record", "撤回投诉记录", WithdrawalRecordData, render_withdrawal_record),
    DocumentKind("reconsideration_record", "行政复议、行政诉讼及上级纠正情况记录",
                 ReconsiderationRecordData, render_reconsideration_record),
    DocumentKind("public_notice", "法律援助投诉事项公示", PublicNoticeData, render_public_notice),
)

DOCUMENT_KINDS: dict[str, DocumentKind] = {kind.code: kind for kind in _KINDS}


def render_document(kind: str, data: Any) -> RenderedDocument:
    """Render ``data`` as the document ``kind``; same data → same bytes and version hash."""
    try:
        entry = DOCUMENT_KINDS[kind]
    except KeyError:
        known = "、".join(DOCUMENT_KINDS)
        raise ValueError(f"未知的文书类型“{kind}”，可用类型：{known}") from None
    if not isinstance(data, entry.data_type):
        raise TypeError(f"文书“{entry.title}”需要 {entry.data_type.__name__} 数据，"
                        f"收到的是 {type(data).__name__}")
    return entry.render(data)
