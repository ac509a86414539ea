"""Documents checked with real readers (poppler): text, embedded fonts, pages, layout."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from datetime import date

import pytest
from pypdf import PdfReader
import io

from desktop_app.documents import (DOCUMENT_KINDS, chinese_date, font_files, parse_qr_payload,
                                   render_document, version_hash)
from desktop_app.documents.base import (BODY_BOTTOM_PLAIN, BODY_BOTTOM_WITH_SIGNATURE, BODY_TOP,
                                        MARGIN_LEFT, MARGIN_RIGHT, PAGE_HEIGHT, THUMB_BOX)
from desktop_app.documents.fonts import licence_files
from desktop_app.documents.models import NonAcceptanceReason, OfficeProfile, QaTurn
from desktop_app.documents.text import CHINESE_CANNOT_START_LINE
from desktop_app.documents.versioning import canonical_json, make_qr_payload
from . import pdfcheck, samples

SAMPLES = {
    "registration_form": (samples.registration_form, ["法律援助投诉登记表", "王秀兰", "李建国",
                                                     "赵某某", "青法援〔2026〕112号", "民事判决书",
                                                     "第八条第（一）项", "同意受理", "青信〔2026〕88号"]),
    "oral_record": (samples.oral_record, ["口头投诉记录", "投诉人（签名）", "捺印",
                                         "以上记录已向我宣读", "如实反映情况"]),
    "poa": (samples.poa, ["授权委托书", "王小明", "☑代为提出投诉", "☐撤回投诉", "委托权限"]),
    "supplement_notice": (samples.supplement_notice, ["补正告知书", "一次性告知", "授权委托书",
                                                     "2026年12月9日前", "视为放弃投诉"]),
    "acceptance_notice": (samples.acceptance_notice, ["受理通知书", "第八条", "四十五日内办结",
                                                     "予以受理", "联系人：陈立"]),
    "non_acceptance_notice": (samples.non_acceptance_notice, [
        "不予受理通知书", "第九条第（三）项", "第九条第（二）项", "可以依法向人民法院申请再审",
        "六十日内向青山县人民政府申请行政复议", "六个月内向青山县人民法院提起行政诉讼"]),
    "service_receipt": (samples.service_receipt, ["送达回证", "EM123456789CN", "邮寄（EMS）",
                                                 "青司援投受〔2026〕7号", "受送达人签名或盖章"]),
    "transcript": (samples.transcript, ["调查笔录", "执法证 110001", "问：", "答：",
                                        "以上笔录我已看过（或已向我宣读），与我说的相符"]),
    "explanation_request": (samples.explanation_request, ["说明情况", "第十二条", "向受援人索要费用",
                                                         "2026年12月10日前", "会见笔录"]),
    "stop_order": (samples.stop_order, ["责令停止违法违规行为通知书", "第十三条", "立即停止"]),
    "extension_notice": (samples.extension_notice, ["延长办理期限告知书", "第十五条",
                                                   "经本机关负责人批准", "2027年2月10日",
                                                   "需调阅的法院案卷尚未归还"]),
    "handling_decision": (samples.handling_decision, ["处理决定书", "第十四条", "责令改正",
                                                     "2027年2月20日前"]),
    "transfer_letter": (samples.transfer_letter, ["移送函", "青山县律师协会", "请将处理结果函告本机关"]),
    "reply": (samples.reply, ["答复书", "投诉属实", "六十日内向青山县人民政府申请行政复议",
                              "六个月内向青山县人民法院提起行政诉讼"]),
    "extension_approval": (samples.extension_approval, ["延长办理期限审批表", "2027年2月10日", "负责人审批意见",
                                                       "同意", "第十五条"]),
    "investigation_report": (samples.investigation_report, ["调查报告", "调查经过", "拟处理意见", "批评教育",
                                                           "不予采纳", "机关负责人审批意见"]),
    "file_callup": (samples.file_callup, ["调阅案卷档案登记表", "青法援〔2026〕112号", "复印件", "☑在办",
                                         "复制后当日归还"]),
    "evidence_list": (samples.evidence_list, ["证据材料清单", "短信截图", "调阅复制", "共2项，38页"]),
    "department_opinion": (samples.department_opinion, ["听取有关部门意见和建议记录", "青山县律师协会",
                                                       "建议予以行业惩戒"]),
    "supervision_record": (samples.supervision_record, ["执行监督记录", "整改到位", "第十八条"]),
    "withdrawal_record": (samples.withdrawal_record, ["撤回投诉记录", "已与律师协商解决", "☑终止办理",
                                                     "投诉人（签名或捺印）"]),
    "reconsideration_record": (samples.reconsideration_record, ["行政复议", "青政复〔2027〕5号", "维持"]),
    "public_notice": (samples.public_notice, ["法律援助投诉事项公示", "第四条", "0000-12348", "第五条第（三）项",
                                             "四十五日内办结", "fzb@qingshan.example.cn"]),
}


def flat(text: str) -> str:
    """pdftotext breaks lines where the PDF does; compare phrases without line breaks."""
    return "".join(text.split())


def test_every_registered_kind_has_a_sample() -> None:
    assert set(SAMPLES) == set(DOCUMENT_KINDS)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_document_text_fonts_and_pages_with_poppler(kind: str) -> None:
    factory, phrases = SAMPLES[kind]
    rendered = render_document(kind, factory())
    text = flat(pdfcheck.text(rendered.pdf))
    for phrase in phrases:
        assert flat(phrase) in text, f"{kind}: “{phrase}” not extractable"
    if kind == "public_notice":  # a poster about no case: no case number, no QR code
        assert samples.CASE_NO not in text
    else:
        assert samples.CASE_NO in text
    assert f"共{rendered.page_count}页" in text
    font_rows = pdfcheck.fonts(rendered.pdf)
    assert font_rows, "no fonts listed"
    assert all(row.embedded for row in font_rows), font_rows
    assert not any("CID" in row.type or row.name in ("Helvetica", "STSong-Light")
                   for row in font_rows), font_rows
    assert pdfcheck.page_count(rendered.pdf) == rendered.page_count
    assert rendered.title == DOCUMENT_KINDS[kind].title or kind == "transcript"


def _transcript_with_pages(pages: int):
    """Smallest transcript (by number of Q/A turns) that fills exactly ``pages`` pages."""
    low, high = 1, 120
    while low < high:
        middle = (low + high) // 2
        if render_document("transcript", samples.transcript(middle)).page_count < pages:
            low = middle + 1
        else:
            high = middle
    data = samples.transcript(low)
    rendered = render_document("transcript", data)
    assert rendered.page_count == pages
    return data, rendered


@pytest.fixture(scope="module")
def twelve_page_transcript():
    return _transcript_with_pages(12)


def test_twelve_page_transcript_has_signature_and_thumbprint_box_on_every_page(
        twelve_page_transcript) -> None:
    _, rendered = twelve_page_transcript
    reader = PdfReader(io.BytesIO(rendered.pdf))
    side = re.escape(f"{THUMB_BOX:.2f}") + r"\d*"
    box_operator = re.compile(rf"{side} {side} re")  # a THUMB_BOX × THUMB_BOX rectangle
    for number in range(1, 13):
        page_text = flat(pdfcheck.text(rendered.pdf, page=number))
        assert "被调查人（签名）：" in page_text, f"page {number} lacks the signature line"
        assert "捺印" in page_text, f"page {number} lacks the thumbprint label"
        assert f"第{number}页共12页" in page_text
        assert samples.CASE_NO in page_text
        closing = "以上笔录我已看过（或已向我宣读），与我说的相符"
        assert (closing in page_text) == (number == 12), f"closing statement on page {number}"
        content = reader.pages[number - 1].get_contents().get_data().decode("latin-1")
        assert box_operator.search(content), f"page {number} lacks the thumbprint box"
        qr_modules = [m for m in re.findall(r"([\d.]+) ([\d.]+) [\d.]+ [\d.]+ re", content)
                      if float(m[1]) > 760 and float(m[0]) > 400]
        assert len(qr_modules) > 100, f"page {number} lacks the QR code"
    last = flat(pdfcheck.text(rendered.pdf, page=12))
    assert "调查人1（签名）：" in last and "调查人2（签名）：" in last and "记录人（签名）：" in last


def test_body_text_never_enters_the_signature_block_or_margins(twelve_page_transcript) -> None:
    _, rendered = twelve_page_transcript
    words, (width, height) = pdfcheck.words(rendered.pdf)
    decoration = {"被调查人（签名）：", "日期：", "捺印", "第", "页", "共", "校验码",
                  rendered.version_hash[:12]}
    for word in words:
        assert MARGIN_LEFT - 1 <= word.x_min and word.x_max <= width - MARGIN_RIGHT + 1, word
        if word.y_max > height - BODY_BOTTOM_WITH_SIGNATURE + 1:
            assert word.text in decoration or word.text.isdigit(), f"body text in footer: {word}"


def test_chinese_punctuation_never_starts_a_line() -> None:
    data = samples.transcript(30, turns=tuple(
        QaTurn(question="你当时说了什么？" * (n % 3 + 1), answer=samples.ANSWER[n:] + "（见附件）。”")
        for n in range(30)))
    rendered = render_document("transcript", data)
    offenders = [line for line in pdfcheck.text(rendered.pdf).splitlines()
                 if line.strip() and line.strip()[0] in CHINESE_CANNOT_START_LINE]
    assert offenders == []


def test_long_text_in_form_cells_wraps_and_flows_over_pages() -> None:
    long_facts = "投诉人反映律师多次未按约定会见、未及时告知开庭时间，并索要费用。" * 120
    data = samples.registration_form(facts=long_facts + "末尾标记XYZ。")
    rendered = render_document("registration_form", data)
    assert rendered.page_count >= 4
    assert "末尾标记XYZ" in flat(pdfcheck.text(rendered.pdf))
    words, (width, height) = pdfcheck.words(rendered.pdf)
    header_band = PAGE_HEIGHT - BODY_TOP  # from the top of the page
    header_words = ("青山县司法局", "法律援助投诉登记表", "案件编号")
    footer_words = ("第", "页", "共", "校验码", rendered.version_hash[:12])
    for word in words:
        assert MARGIN_LEFT - 1 <= word.x_min and word.x_max <= width - MARGIN_RIGHT + 1, word
        if word.y_min < header_band:
            assert word.text.startswith(header_words), f"body text in the header: {word}"
        if word.y_max > height - BODY_BOTTOM_PLAIN:
            assert word.text in footer_words or word.text.isdigit(), f"body text in footer: {word}"


def test_reprint_gives_identical_bytes_and_hash_and_an_edit_changes_it() -> None:
    first = render_document("transcript", samples.transcript(6))
    again = render_document("transcript", samples.transcript(6))
    assert again.pdf == first.pdf
    assert again.version_hash == first.version_hash
    edited = samples.transcript(6, place="青山县法律援助中心会议室")
    changed = render_document("transcript", edited)
    assert changed.version_hash != first.version_hash
    assert changed.version_hash[:12] in flat(pdfcheck.text(changed.pdf, page=1))


def test_version_hash_is_sha256_of_kind_and_canonical_json() -> None:
    data = samples.acceptance_notice()
    expected = hashlib.sha256(("acceptance_notice\n" + canonical_json(data)).encode()).hexdigest()
    assert version_hash("acceptance_notice", data) == expected
    assert '"received_on":"2026-11-24"' in canonical_json(data)
    assert version_hash("acceptance_notice", data) != version_hash("reply", data)


def test_pdf_metadata_dates_come_from_the_document_date() -> None:
    rendered = render_document("acceptance_notice", samples.acceptance_notice())
    info = PdfReader(io.BytesIO(rendered.pdf)).metadata
    assert info["/CreationDate"].startswith("D:20261126")
    assert info["/Title"] == "法律援助投诉受理通知书"


def test_qr_payload_round_trip_is_ascii_and_tolerates_scanner_noise() -> None:
    payload = make_qr_payload(samples.CASE_NO, "transcript", "ab" * 32, 3, 12)
    assert payload.isascii() and " " not in payload
    parsed = parse_qr_payload(payload + "\r\n")
    assert parsed is not None
    assert (parsed.case_no, parsed.kind, parsed.hash12, parsed.page, parsed.page_count) == (
        samples.CASE_NO, "transcript", "ab" * 6, 3, 12)
    caps = parse_qr_payload(payload.swapcase())
    assert caps is not None and caps.kind == "transcript" and caps.hash12 == "ab" * 6
    assert parse_qr_payload("6901234567892") is None  # an ordinary product barcode
    assert parse_qr_payload("CDESK:x:transcript:nothex") is None
    no_page = parse_qr_payload(make_qr_payload("A-1", "poa", "0123456789abcdef"))
    assert no_page is not None and no_page.page is None and no_page.case_no == "A-1"


def test_chinese_date() -> None:
    assert chinese_date(date(2026, 11, 24)) == "二〇二六年十一月二十四日"
    assert chinese_date(date(2030, 1, 10)) == "二〇三〇年一月十日"
    assert chinese_date(date(2025, 10, 31)) == "二〇二五年十月三十一日"
    text = flat(pdfcheck.text(render_document("acceptance_notice", samples.acceptance_notice()).pdf))
    assert "二〇二六年十一月二十六日" in text and "（印章）" in text


def test_blank_poa_has_only_empty_boxes_and_filled_poa_ticks_the_scope() -> None:
    blank = flat(pdfcheck.text(render_document("poa", samples.poa(blank=True)).pdf))
    assert "☐代为提出投诉" in blank and "☑" not in blank and "王秀兰" not in blank
    filled = flat(pdfcheck.text(render_document("poa", samples.poa()).pdf))
    assert "☑代为提出投诉" in filled and "☐提交、补充材料" in filled and "王秀兰" in filled


def test_oral_record_has_complainant_signature_on_every_page() -> None:
    rendered = render_document("oral_record", samples.oral_record(facts=samples.ANSWER * 12))
    assert rendered.page_count >= 2
    for number in range(1, rendered.page_count + 1):
        page_text = flat(pdfcheck.text(rendered.pdf, page=number))
        assert "投诉人（签名）：" in page_text and "捺印" in page_text
        assert "被调查人" not in page_text


def test_refusal_annotation_is_printed_for_the_investigators_to_sign() -> None:
    data = samples.transcript(2, refusal_annotation="被调查人经宣读后拒绝签名、捺印。")
    text = flat(pdfcheck.text(render_document("transcript", data).pdf))
    assert "被调查人经宣读后拒绝签名、捺印。" in text and "见证调查人（签名）：" in text


def test_remedies_override_and_non_acceptance_article_citation() -> None:
    office = dataclasses.replace(samples.OFFICE, remedies_text_override="如不服，可依法申请复议。")
    data = samples.non_acceptance_notice(
        office=office, reasons=(NonAcceptanceReason(article="第九条", item="第（一）项",
                                                    text="投诉事项已经处理且无新的事实、证据"),))
    text = flat(pdfcheck.text(render_document("non_acceptance_notice", data).pdf))
    assert "如不服，可依法申请复议。" in text and "六十日" not in text
    assert "属于《法律援助投诉处理办法》第九条第（一）项规定的情形" in text


def test_wrong_kind_or_data_is_refused_in_chinese() -> None:
    with pytest.raises(ValueError, match="未知的文书类型"):
        render_document("no_such_kind", samples.poa())
    with pytest.raises(TypeError, match="授权委托书"):
        render_document("poa", samples.acceptance_notice())


def test_fonts_and_licences_ship_with_the_program() -> None:
    files = font_files()
    assert {path.name for path in files} >= {"uming.ttc", "wqy-microhei.ttc"}
    assert all(path.is_file() and path.stat().st_size > 1_000_000 or path.suffix == ".ttf"
               for path in files)
    assert all(path.is_file() for path in licence_files())


def test_office_profile_fields_for_the_ui() -> None:
    fields = {f.name for f in dataclasses.fields(OfficeProfile)}
    assert {"organ_name", "short_name", "address", "phone", "fax", "email", "postcode",
            "reconsideration_organ", "litigation_court"} <= fields
