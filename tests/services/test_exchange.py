"""Exchange packages: a county office exports a period, the bureau imports it read-only, once;
altered or truncated packages are refused with nothing imported."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desktop_app.cli.main import main as cli_main
from desktop_app.config import AppConfig
from desktop_app.domain import models as m
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.errors import ReadOnlyError
from desktop_app.exchange.package import ExchangeError, payload_hash, sha256
from desktop_app.services.context import Actor
from desktop_app.services.hub import open_services
from desktop_app.services.security import register_services
from tests.services.scenario import written

register_services()
PERIOD = (dt.date(2025, 1, 1), dt.date(2025, 3, 31))


@pytest.fixture(scope="module")
def county_package(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """开原县司法局 (KY) on its own SQLite file: three cases, one with a printed form, one outside the period."""
    import shutil
    d = tmp_path_factory.mktemp("county")
    shutil.copy(sqlite_template, d / "county.db")
    clock = FixedClock(dt.datetime(2025, 3, 3, 9))
    hub = open_services(AppConfig(database_url=f"sqlite:///{d / 'county.db'}", office_code="KY",
                                  office_name="开原县司法局", office_short_name="开司"), clock=clock)
    uid = hub.admin.create_user("liming", "李敏", "Passw0rd!", ["FRONT_DESK", "HEAD"], must_change_password=False)
    desk = hub.as_user(Actor(uid, "liming", "李敏", frozenset({"FRONT_DESK", "HEAD"})))
    first = desk.registration.register(written())
    desk.documents.generate(first.id, "registration_form")
    desk.registration.register(written(sensitive=True, sensitive_reason="家庭暴力"))
    desk.registration.register(written(received_at=dt.datetime(2024, 12, 30, 10)))  # outside the period
    out = d / "KY-2025Q1.zip"
    result = desk.exchange.export(*PERIOD, out)
    assert result.case_count == 2 and result.document_count == 1 and result.audit_event_count >= 4
    hub.ctx.db.dispose()
    return out


def _counts(services) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with services.ctx.db.session() as s:
        return {t.name: s.scalar(select(func.count()).select_from(t)) for t in m.Base.metadata.sorted_tables}


def test_manifest_names_office_period_counts_and_hashes(county_package):  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(county_package) as z:
        manifest = json.loads(z.read("manifest.json"))
        for name, h in manifest["members"].items():
            assert sha256(z.read(name)) == h
    assert manifest["office_code"] == "KY" and manifest["period_from"] == "2025-01-01"
    assert manifest["counts"]["cases"] == 2 and manifest["counts"]["documents"] == 1
    assert manifest["payload_sha256"] == payload_hash(manifest["members"])
    assert any(n.startswith("blobs/") for n in manifest["members"])  # the PDF bytes travel with the case


def test_bureau_imports_once_read_only_with_documents_and_audit(services, staff, county_package):  # type: ignore[no-untyped-def]
    head = staff.user("head")
    result = head.exchange.import_package(county_package)
    assert result.case_count == 2 and not result.already_imported
    assert result.case_numbers == ["开司司援投〔2025〕第0001号", "开司司援投〔2025〕第0002号"]
    counts = _counts(services)
    again = head.exchange.import_package(county_package)
    assert again.already_imported and "未作任何改动" in again.message()
    assert _counts(services) == counts
    ref = head.registration.find_case("开司司援投〔2025〕第0001号")
    detail = head.registration.get_case(ref.id)
    assert detail.imported and detail.read_only and detail.registration.complainants[0].name == "张建国"
    with pytest.raises(ReadOnlyError, match="只读"):
        head.registration.update_registration(ref.id, detail.registration, expected_version=detail.version)
    [doc] = head.documents.list_documents(ref.id)
    assert head.documents.reprint(doc.id).pdf.startswith(b"%PDF")
    history = head.audit.events_for_case(ref.id)
    assert history[0].action == "case.register" and "来源机关" in history[0].action_label
    assert [e.action for e in history][-2:] == ["exchange.import", "document.print"]  # the reprint here
    with services.ctx.db.session() as s:
        office = s.scalars(select(m.Office).where(m.Office.code == "KY")).one()
        assert not office.is_local
        assert set(s.scalars(select(m.Complaint.source_office_code).where(m.Complaint.imported))) == {"KY"}
        assert s.scalar(select(func.count()).where(m.Complaint.office_id == office.id)) == 2
    assert head.audit.verify().ok


def test_local_number_that_collides_keeps_both_cases(services, staff, county_package, db_url):  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine, text
    ref = staff.user("desk").registration.register(written())
    engine = create_engine(db_url)
    with engine.begin() as conn:  # a local case that happens to carry the county's number
        conn.execute(text("UPDATE complaints SET case_no = :n WHERE id = :i"),
                     {"n": "开司司援投〔2025〕第0001号", "i": ref.id})
    engine.dispose()
    result = staff.user("head").exchange.import_package(county_package)
    assert "开司司援投〔2025〕第0001号（KY）" in result.case_numbers


def _rezip(raw: bytes, change) -> bytes:  # type: ignore[no-untyped-def]
    src = zipfile.ZipFile(io.BytesIO(raw))
    members = {n: src.read(n) for n in src.namelist()}
    change(members)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n, b in members.items():
            z.writestr(n, b)
    return buf.getvalue()


def _edit_data(members: dict[str, bytes]) -> None:
    data = json.loads(members["data.json"])
    data["tables"]["complaints"][0]["facts_text"] = "已被篡改"
    members["data.json"] = json.dumps(data).encode()


@pytest.mark.parametrize("mutate, message", [
    (lambda raw: raw[: len(raw) // 2], "截断"),
    (lambda raw: _rezip(raw, _edit_data), "哈希值不符"),
    (lambda raw: _rezip(raw, lambda ms: ms.pop(next(n for n in ms if n.startswith("blobs/")))), "缺少成员"),
    (lambda raw: _rezip(raw, lambda ms: ms.pop("manifest.json")), "manifest"),
    (lambda raw: b"", "空文件"),
])
def test_altered_or_truncated_package_is_refused_and_nothing_imported(services, staff, county_package, mutate,
                                                                        message):  # type: ignore[no-untyped-def]
    before = _counts(services)
    with pytest.raises(ExchangeError) as e:
        staff.user("head").exchange.import_bytes(mutate(county_package.read_bytes()))
    assert message in e.value.message
    assert _counts(services) == before


def test_consistently_rehashed_but_broken_data_is_refused_in_one_transaction(services, staff, county_package):  # type: ignore[no-untyped-def]
    """A forger who recomputes every hash still cannot leave half a package behind."""
    def forge(members: dict[str, bytes]) -> None:
        data = json.loads(members["data.json"])
        data["tables"]["documents"][0]["issued_on"] = "not a date"  # fails after the complaints were inserted
        members["data.json"] = json.dumps(data).encode()
        manifest = json.loads(members["manifest.json"])
        manifest["members"]["data.json"] = sha256(members["data.json"])
        manifest["payload_sha256"] = payload_hash(manifest["members"])
        members["manifest.json"] = json.dumps(manifest).encode()
    before = _counts(services)
    with pytest.raises(ExchangeError, match="已拒绝导入"):
        staff.user("head").exchange.import_bytes(_rezip(county_package.read_bytes(), forge))
    assert _counts(services) == before


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_packages_never_corrupt(services, staff, county_package, data):  # type: ignore[no-untyped-def]
    raw = bytearray(county_package.read_bytes())
    how = data.draw(st.sampled_from(["flip", "truncate", "insert"]))
    pos = data.draw(st.integers(0, len(raw) - 1))
    if how == "flip":
        raw[pos] ^= data.draw(st.integers(1, 255))
    elif how == "truncate":
        raw = raw[:pos]
    else:
        raw[pos:pos] = data.draw(st.binary(min_size=1, max_size=16))
    before = _counts(services)
    try:
        staff.user("head").exchange.import_bytes(bytes(raw))
    except ExchangeError as e:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in e.message)
        assert _counts(services) == before
    else:  # a change the zip format ignores (e.g. in a comment): the content verified intact
        assert _counts(services)["complaints"] in (before["complaints"], before["complaints"] + 2)


def test_cli_export_and_import(services, db_url, county_package, tmp_path, capsys):  # type: ignore[no-untyped-def]
    assert cli_main(["exchange", "import", str(county_package), "--db", db_url]) == 0
    assert "2件案件" in capsys.readouterr().out
    assert cli_main(["exchange", "import", str(county_package), "--db", db_url]) == 0
    assert "此前已导入" in capsys.readouterr().out
    out = tmp_path / "out.zip"
    assert cli_main(["exchange", "export", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out),
                     "--db", db_url]) == 0
    assert zipfile.is_zipfile(out)
    bad = tmp_path / "bad.zip"
    bad.write_bytes(county_package.read_bytes()[:100])
    assert cli_main(["exchange", "import", str(bad), "--db", db_url]) != 0
    assert "不是有效的交换包" in capsys.readouterr().err
