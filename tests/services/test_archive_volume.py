"""The bound volume (Art 19): TOC page ranges equal the real pages; scans are in it; CLI bind/check."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from pypdf import PdfReader

from desktop_app.cli.main import main as cli_main
from desktop_app.services.archive_volume import VolumeService, build_volume_pdf
from tests.documents import pdfcheck
from tests.documents.lifecycle import ALL_OK, NO_GROUNDS, registration, run_full_case


def _page_text(pdf: bytes, page: int) -> str:
    return "".join(pdfcheck.text(pdf, page=page).split())


def _pages_text(pdf: bytes) -> list[str]:
    """Text of every page (one pdftotext run; pages are separated by form feeds)."""
    return ["".join(p.split()) for p in pdfcheck.text(pdf).split("\f")]


def _volume(staff, case_id: int):
    arch = staff.user("archivist")
    return VolumeService(arch.ctx, arch.actor, arch).build(case_id)


def test_volume_toc_page_ranges_match_the_merged_pdf_and_scans_are_bound(services, staff, clock) -> None:
    run = run_full_case(staff, clock, turns=2)
    volume = _volume(staff, run.case_id)
    reader = PdfReader(io.BytesIO(volume.pdf))
    last = volume.toc[-1][5]
    assert volume.page_count == len(reader.pages) == volume.front_pages + last + 1  # + 备考表
    docs = {d.id: d for d in services.documents.list_documents(run.case_id)}
    items = {i["seq"]: i for i in staff.user("archivist").archive.volume(run.case_id)["items"]}
    texts = _pages_text(volume.pdf)

    def page_text(n: int) -> str:
        return texts[n - 1]

    expected_next = 1
    for seq, title, _doc_no, _date, first, last_page in volume.toc:
        assert first == expected_next, f"item {seq} does not start where the previous ended"
        expected_next = last_page + 1
        for n in range(first, last_page + 1):
            assert f"卷内第{n}页" in page_text(volume.physical_page(n))
        start = volume.physical_page(first)
        item = items[seq]
        if item["document_id"] is not None:
            doc = docs[item["document_id"]]
            assert last_page - first + 1 == doc.page_count
            text = page_text(start)
            assert title in text and f"第1页共{doc.page_count}页" in text
            assert f"共{doc.page_count}页" in page_text(volume.physical_page(last_page))
        else:  # a scan: image pages, no text but the volume stamp
            page = reader.pages[start - 1]
            assert page.images, f"scan item {seq} has no image on page {first}"
            assert page_text(start) == f"卷内第{first}页"
    scans = [row for row in volume.toc if "签字扫描件" in row[1]]
    assert [row[5] - row[4] + 1 for row in scans] == [2, 1]  # the 2-page PDF and the photo

    # The TOC page lists every item with its range; the cover states the totals.
    toc_text = "".join(pdfcheck.text(volume.pdf, page=2).split())
    for seq, title, doc_no, _d, first, last_page in volume.toc:
        pages = str(first) if first == last_page else f"{first}—{last_page}"
        assert pages in toc_text and title[:6] in toc_text
    cover = _page_text(volume.pdf, 1)
    assert volume.archive_no in cover and f"共{len(volume.toc)}件{last}页" in cover
    assert "关于张建国投诉李明的投诉处理案卷" in cover
    notes = _page_text(volume.pdf, volume.page_count)
    assert "卷内备考表" in notes and "郑燕" in notes and "签字材料扫描件3页" in notes
    assert all(row.embedded for row in pdfcheck.fonts(volume.pdf))


def test_appended_items_follow_and_a_case_not_yet_archived_previews(services, staff, clock) -> None:
    run = run_full_case(staff, clock, turns=1, with_scans=False, archive=False)
    with services.ctx.db.session() as s:
        preview = build_volume_pdf(services.ctx, s, run.case_id)
    assert preview.archive_no == "（未归档）"
    titles = [row[1] for row in preview.toc]  # procedural order: acceptance, investigation, report, decision, reply
    assert titles[0] == "法律援助投诉受理通知书"
    assert titles.index("调查笔录") < titles.index("调查报告") < titles.index("法律援助投诉处理决定书") \
        < titles.index("法律援助投诉处理答复书") < titles.index("处理决定执行监督记录")
    staff.user("archivist").archive.archive(run.case_id)
    staff.user("head").decisions.record_event(run.case_id, "RECONSIDERATION_RESULT", occurred_on=clock.today(),
                                              organ="铁岭县人民政府", reference_no="铁政复〔2025〕9号", result="维持")
    volume = _volume(staff, run.case_id)
    seq, title, doc_no, _d, first, last_page = volume.toc[-1]
    assert "铁政复〔2025〕9号" in title and first == last_page == volume.toc[-2][5] + 1
    assert "铁政复〔2025〕9号" in _page_text(volume.pdf, volume.physical_page(first))
    assert "补充归档" in "".join(pdfcheck.text(volume.pdf, page=volume.front_pages).split())
    assert "补充归档" in _page_text(volume.pdf, volume.page_count)


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


def _cli(capsys: pytest.CaptureFixture[str], db_url: str, *args: str) -> CliResult:
    """Run ``python -m desktop_app archive …`` in-process (a subprocess costs seconds of imports)."""
    code = cli_main(["archive", *args, "--db", db_url, "--today", "2025-03-20"])
    out = capsys.readouterr()
    return CliResult(code, out.out, out.err)


def test_cli_check_lists_what_is_missing_and_bind_writes_the_volume(services, staff, clock, tmp_path, capsys) -> None:
    db_url = services.ctx.db.engine.url.render_as_string(hide_password=False)
    reviewer = staff.user("reviewer")
    refs = []
    for _ in range(2):
        ref = staff.user("desk").registration.register(registration())
        reviewer.review.save_checklist(ref.id, conditions=ALL_OK, grounds=NO_GROUNDS, conduct_alleged=True)
        reviewer.review.decide(ref.id, "ACCEPT")
        refs.append(ref)
    out = tmp_path / "vol.pdf"
    # An accepted case under investigation: the checklist names each missing piece; binding refuses.
    result = _cli(capsys, db_url, "check", refs[0].case_no)
    assert result.returncode == 1
    missing = [line for line in result.stdout.splitlines() if "✗" in line]
    assert any("调查报告" in line for line in missing) and any("答复书" in line for line in missing)
    assert any("受理通知书尚无送达记录" in line for line in missing)
    refused = _cli(capsys, db_url, "bind", refs[0].case_no, "--out", str(out))
    assert refused.returncode == 1 and not out.exists()
    assert "不能“归档”" in refused.stderr
    for needed in ("缺少调查报告", "缺少法律援助投诉处理答复书", "受理通知书尚无送达记录"):
        assert needed in refused.stderr
    # A withdrawn case (shorter checklist) is archived and bound in one go.
    staff.user("head").decisions.withdraw(refs[1].id, signed=True, reason="自愿撤回", terminate=True)
    bound = _cli(capsys, db_url, "bind", refs[1].case_no, "--out", str(out))
    assert bound.returncode == 0, bound.stderr
    assert "已归档，档号" in bound.stdout and "撤回投诉记录" in bound.stdout
    pdf = out.read_bytes()
    assert "卷内目录" in pdfcheck.text(pdf, page=2) and "撤回投诉记录" in pdfcheck.text(pdf)
    again = _cli(capsys, db_url, "bind", refs[1].case_no, "--out", str(out))  # already archived: just prints
    assert again.returncode == 0 and "已归档，档号" not in again.stdout
