"""The two set-up commands: bootstrap (stamp, dpkg check, re-exec) and the test runner."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from desktop_app import bootstrap

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "complaint_desk_test_runner", PROJECT_ROOT / "tests" / "run.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


runner = load_runner()


def system_python() -> str:
    """The interpreter a user types as `python3` (not this venv's)."""
    venv = bootstrap.venv_dir().resolve()
    for candidate in (shutil.which("python3"), "/usr/bin/python3"):
        if candidate and not Path(candidate).resolve().is_relative_to(venv):
            return candidate
    pytest.fail("no system python3 found")


# --------------------------------------------------------------------------- bootstrap


def make_fake_project(tmp_path: Path) -> tuple[Path, Path]:
    project = tmp_path / "project"
    venv = project / ".venv"
    bootstrap.venv_python(venv).parent.mkdir(parents=True)
    bootstrap.venv_python(venv).write_text("")
    (project / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["a"]\n')
    return project, venv


def test_install_is_redone_only_when_pyproject_changes_or_extras_grow(tmp_path: Path) -> None:
    project, venv = make_fake_project(tmp_path)
    assert not bootstrap.install_is_current(venv, project, [])

    bootstrap.write_stamp(venv, project, ["test"])
    assert bootstrap.install_is_current(venv, project, [])  # main.py after tests/run.py
    assert bootstrap.install_is_current(venv, project, ["test"])
    assert not bootstrap.install_is_current(venv, project, ["docs"])

    (project / "pyproject.toml").write_text('[project]\nname = "x"\ndependencies = ["a", "b"]\n')
    assert not bootstrap.install_is_current(venv, project, [])


def test_a_corrupt_stamp_means_reinstall_not_crash(tmp_path: Path) -> None:
    project, venv = make_fake_project(tmp_path)
    (venv / bootstrap.STAMP_NAME).write_text("{not json")
    assert not bootstrap.install_is_current(venv, project, [])


def test_dpkg_check_reports_exactly_the_missing_packages() -> None:
    missing = bootstrap.missing_debian_packages(["dpkg", "no-such-package-complaint-desk"])
    assert missing == ["no-such-package-complaint-desk"]


def test_every_debian_package_the_runner_asks_for_is_installed() -> None:
    wanted = [*bootstrap.GUI_DEBIAN_PACKAGES, *bootstrap.TEST_DEBIAN_PACKAGES]
    assert bootstrap.missing_debian_packages(wanted) == []


def test_system_python_is_reexecuted_inside_the_venv_quietly(tmp_path: Path) -> None:
    """Second-run behaviour of `python3 main.py`: no output, no reinstall, lands in .venv."""
    stamp = bootstrap.venv_dir() / bootstrap.STAMP_NAME
    stamp_before = stamp.stat().st_mtime_ns
    script = tmp_path / "where_am_i.py"
    script.write_text(
        "import sys\n"
        f"sys.path.insert(0, {str(PROJECT_ROOT)!r})\n"
        "from desktop_app.bootstrap import ensure_environment\n"
        "ensure_environment(__file__, sys.argv[1:])\n"
        "print(sys.prefix, *sys.argv[1:])\n"
    )
    result = subprocess.run(
        [system_python(), str(script), "--db", "sqlite:///x.db"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    prefix, *arguments = result.stdout.split()
    assert Path(prefix).resolve() == bootstrap.venv_dir().resolve()
    assert arguments == ["--db", "sqlite:///x.db"]
    assert stamp.stat().st_mtime_ns == stamp_before


# --------------------------------------------------------------------------- runner arguments


def test_runner_options_are_split_from_pytest_arguments() -> None:
    options, extra = runner.parse_arguments(
        ["--no-postgres", "tests/rules", "-k", "foo", "--", "--benchmarks"]
    )
    assert options.no_postgres and not options.benchmarks
    assert extra == ["tests/rules", "-k", "foo", "--benchmarks"]


def test_named_paths_replace_the_default_and_two_workers_are_used() -> None:
    command = runner.pytest_command([str(PROJECT_ROOT / "tests" / "documents"), "-k", "foo"])
    assert str(runner.TESTS_DIR) not in command
    assert command[-3:] == [str(PROJECT_ROOT / "tests" / "documents"), "-k", "foo"]
    assert command[command.index("-n") + 1] == "2"
    assert f"--ignore={runner.BENCHMARKS_DIR}" in command


def test_default_run_covers_tests_but_not_benchmarks_and_respects_own_worker_count() -> None:
    command = runner.pytest_command(["-n", "0"])
    assert command.count("-n") == 1 and command[command.index("-n") + 1] == "0"
    assert str(runner.TESTS_DIR) in command
    assert f"--ignore={runner.BENCHMARKS_DIR}" in command


@pytest.mark.parametrize(
    ("test_source", "expected_exit", "expected_word"),
    [
        (None, 5, "FAILED"),  # nothing collected must not pass
        ("def test_ok():\n    assert True\n", 0, "PASSED"),
        ("def test_broken():\n    assert False\n", 1, "FAILED"),
    ],
)
def test_runner_exit_code_and_final_line(
    tmp_path: Path, test_source: str | None, expected_exit: int, expected_word: str
) -> None:
    if test_source is not None:
        (tmp_path / "test_sample.py").write_text(test_source)
    run_py = str(PROJECT_ROOT / "tests" / "run.py")
    result = subprocess.run(
        [sys.executable, run_py, "--no-postgres", str(tmp_path), "-n", "0"],
        capture_output=True, text=True, timeout=120, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == expected_exit, result.stdout + result.stderr
    final_line = result.stdout.strip().splitlines()[-1]
    assert final_line.startswith("结果 RESULT:") and expected_word in final_line


# --------------------------------------------------------------------------- PostgreSQL


@pytest.mark.postgres
def test_throwaway_server_is_loopback_only_tuned_and_removed_on_stop() -> None:
    import psycopg

    server = runner.ThrowawayPostgres.start()
    try:
        address = {"host": "127.0.0.1", "port": server.port, "user": "postgres"}
        with psycopg.connect(**address, dbname="postgres") as conn:
            settings = dict(
                conn.execute(
                    "SELECT name, setting FROM pg_settings WHERE name IN "
                    "('listen_addresses', 'fsync', 'full_page_writes', 'synchronous_commit', "
                    "'max_connections', 'server_encoding')"
                ).fetchall()
            )
            conn.execute("CREATE EXTENSION pg_trgm")
            similarity = conn.execute(
                "SELECT similarity('张伟明投诉律师', '张伟明投诉')"
            ).fetchone()
        assert settings == {
            "listen_addresses": "127.0.0.1",
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
            "max_connections": "200",
            "server_encoding": "UTF8",
        }
        assert similarity is not None and similarity[0] > 0.5  # Chinese trigrams are indexed
        process = server.process
    finally:
        server.stop()
    assert process is not None and process.poll() is not None
    assert not server.base_dir.exists()


@pytest.mark.postgres
def test_suite_server_url_points_at_a_live_server() -> None:
    url = os.environ.get("COMPLAINT_DESK_TEST_PG_URL")
    if not url:
        pytest.skip("run with --no-postgres")
    import psycopg

    assert url.startswith("postgresql+psycopg://postgres@127.0.0.1:")
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        assert conn.execute("SELECT current_user").fetchone() == ("postgres",)


# --------------------------------------------------------------------------- LibreOffice


def test_libreoffice_headless_reads_an_openpyxl_workbook(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["案件编号", "收到日期", "件数"])
    sheet.append(["XX司援投〔2026〕第0007号", dt.date(2026, 1, 5), 3])
    sheet["B2"].number_format = "yyyy-mm-dd"
    source = tmp_path / "统计.xlsx"
    workbook.save(source)

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (libreoffice-calc) is not installed"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
         "--outdir", str(tmp_path), str(source)],
        capture_output=True, text=True, timeout=180, check=False,
    )  # fmt: skip
    converted = tmp_path / "统计.csv"
    assert converted.exists(), result.stdout + result.stderr
    rows = list(csv.reader(converted.read_text(encoding="utf-8").splitlines()))
    assert rows == [
        ["案件编号", "收到日期", "件数"],
        ["XX司援投〔2026〕第0007号", "2026-01-05", "3"],
    ]


@pytest.mark.postgres
def test_benchmarks_get_a_fresh_database_on_sqlite_and_postgresql(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    benchmarks = tmp_path / "benchmarks"
    benchmarks.mkdir()
    (benchmarks / "bench_probe.py").write_text(
        "import os, sqlalchemy as sa\n"
        "url = os.environ['COMPLAINT_DESK_BENCH_DB_URL']\n"
        "with sa.create_engine(url).begin() as conn:\n"
        "    conn.execute(sa.text('CREATE TABLE probe (n integer)'))\n"  # fails if not empty
        "    print('probe ok', url.split(':')[0])\n"
    )
    (benchmarks / "_helper.py").write_text("raise SystemExit('helpers are not benchmarks')\n")
    monkeypatch.setattr(runner, "BENCHMARKS_DIR", benchmarks)
    monkeypatch.setattr(runner, "PROJECT_ROOT", tmp_path)
    server = runner.ThrowawayPostgres.start()
    try:
        with runner.isolated_environment(server.url()) as environment:
            assert runner.run_benchmarks([], environment, server) == 0
            assert runner.run_benchmarks(["no_such_bench"], environment, server) == 5
    finally:
        server.stop()
    output = capfd.readouterr().out
    assert "probe ok sqlite" in output and "probe ok postgresql+psycopg" in output
    assert "bench_probe.py · PostgreSQL" in output
