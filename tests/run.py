#!/usr/bin/env python3
"""Run the whole test suite: ``python3 tests/run.py [pytest arguments]``.

Works from the system Python on a fresh Debian machine: installs the Debian packages the
tests drive (PostgreSQL, poppler, Xvfb, ImageMagick, LibreOffice …) and the ``[test]``
extras into ``.venv``, then re-executes itself there. It starts a throw-away PostgreSQL
server on 127.0.0.1 (exported as ``COMPLAINT_DESK_TEST_PG_URL``), runs pytest with a
temporary HOME so no test touches the user's real database, and always stops the server
and deletes its directory afterwards.

    python3 tests/run.py                      # everything, SQLite and PostgreSQL
    python3 tests/run.py tests/rules -k foo   # extra arguments go to pytest
    python3 tests/run.py --benchmarks         # tests/benchmarks/*.py on PostgreSQL and SQLite
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from desktop_app.bootstrap import (  # noqa: E402  (standard library only)
    GUI_DEBIAN_PACKAGES,
    TEST_DEBIAN_PACKAGES,
    ensure_environment,
)

PG_URL_ENV = "COMPLAINT_DESK_TEST_PG_URL"
BENCH_DB_URL_ENV = "COMPLAINT_DESK_BENCH_DB_URL"
TESTS_DIR = PROJECT_ROOT / "tests"
BENCHMARKS_DIR = TESTS_DIR / "benchmarks"
PYTEST_WORKERS = "2"
# A safety net against a hung Qt dialog or socket in CI, not a performance budget.
PER_TEST_TIMEOUT_SECONDS = "600"
EXIT_NO_TESTS_COLLECTED = 5
SERVER_READY_TIMEOUT_SECONDS = 60.0


def say(message: str) -> None:
    print(f"[tests/run.py] {message}", flush=True)


# --------------------------------------------------------------------------- arguments


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python3 tests/run.py",
        description=(
            "运行全部测试（SQLite + 临时 PostgreSQL）。首次运行会安装所需的 Debian 软件包和 "
            ".venv。Run the whole test suite on SQLite and a throw-away PostgreSQL server."
        ),
        epilog=(
            "其余参数原样交给 pytest / other arguments go to pytest, e.g. "
            "`python3 tests/run.py tests/rules -k deadline -x`. "
            "Use `-n 0` to run in one process, `-- --help` for pytest's own help."
        ),
        allow_abbrev=False,
    )
    parser.add_argument(
        "--benchmarks",
        action="store_true",
        help=(
            "运行 tests/benchmarks/*.py 基准脚本（分别针对 SQLite 和 PostgreSQL，打印数据表），"
            "不运行 pytest；其余参数可给出脚本名以只运行其中几个 / run the benchmark scripts "
            "instead of pytest; extra arguments select scripts by name"
        ),
    )
    parser.add_argument(
        "--no-postgres",
        action="store_true",
        help=(
            "本地快速运行：不启动 PostgreSQL，只测 SQLite（CI 和默认命令总是包含 PostgreSQL）"
            " / quick local run on SQLite only"
        ),
    )
    return parser


def parse_arguments(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Split the runner's own options from the arguments passed through to pytest."""
    argv = list(argv)
    passthrough: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, passthrough = argv[:cut], argv[cut + 1 :]
    options, rest = build_parser().parse_known_args(argv)
    return options, rest + passthrough


# --------------------------------------------------------------------------- PostgreSQL


class PostgresUnavailable(RuntimeError):
    """The throw-away server cannot be started; the message says why and what to do."""


def find_postgres_bin_dir() -> Path:
    """Newest ``/usr/lib/postgresql/N/bin`` (Debian layout), else ``pg_config --bindir``."""

    def version_key(path: Path) -> tuple[int, ...]:
        return tuple(int(part) for part in re.findall(r"\d+", path.parent.name)) or (0,)

    candidates = [
        path
        for path in Path("/usr/lib/postgresql").glob("*/bin")
        if (path / "initdb").exists() and (path / "postgres").exists()
    ]
    if candidates:
        return max(candidates, key=version_key)
    pg_config = shutil.which("pg_config")
    if pg_config:
        bindir = Path(subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                                     check=False).stdout.strip())  # fmt: skip
        if (bindir / "initdb").exists():
            return bindir
    raise PostgresUnavailable(
        "找不到 PostgreSQL 服务器程序（initdb/postgres）。请安装: apt-get install postgresql "
        "postgresql-contrib / PostgreSQL server binaries not found."
    )


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class ServerAccount:
    """Who runs the server: initdb refuses root, so root hands it to ``postgres``."""

    uid: int
    gid: int
    name: str

    @classmethod
    def for_current_process(cls) -> ServerAccount:
        if os.geteuid() != 0:
            return cls(os.geteuid(), os.getegid(), pwd.getpwuid(os.geteuid()).pw_name)
        try:
            entry = pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable(
                "以 root 运行测试需要系统用户 postgres（Debian 的 postgresql 软件包会创建它）"
                " / running as root needs the `postgres` system user."
            ) from None
        return cls(entry.pw_uid, entry.pw_gid, entry.pw_name)

    def popen_credentials(self) -> dict[str, object]:
        if os.geteuid() != 0:
            return {}
        return {"user": self.uid, "group": self.gid, "extra_groups": []}


HBA_LOOPBACK_TRUST = """\
# Throw-away test server: trust, but reachable only through its private socket and loopback.
local all all              trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128      trust
"""


@dataclass
class ThrowawayPostgres:
    """A PostgreSQL server in a temporary directory, tuned for speed, not durability."""

    bin_dir: Path
    base_dir: Path
    account: ServerAccount
    port: int = 0
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def data_dir(self) -> Path:
        return self.base_dir / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base_dir / "socket"

    @property
    def log_file(self) -> Path:
        return self.base_dir / "server.log"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    @classmethod
    def start(cls) -> ThrowawayPostgres:
        bin_dir = find_postgres_bin_dir()
        account = ServerAccount.for_current_process()
        base_dir = Path(tempfile.mkdtemp(prefix="complaint-desk-pg-"))
        server = cls(bin_dir=bin_dir, base_dir=base_dir, account=account)
        try:
            server._init_cluster()
            for _attempt in range(3):  # another process may grab the free port first
                server.port = free_loopback_port()
                if server._launch():
                    break
            else:
                raise PostgresUnavailable(server._failure("PostgreSQL 启动失败"))
            server._check_ready_for_tests()
        except BaseException:
            server.stop()
            raise
        return server

    def _run_as_server_account(self, command: list[str]) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command,
            cwd=self.base_dir,
            capture_output=True,
            text=True,
            check=False,
            **self.account.popen_credentials(),  # type: ignore[arg-type]
        )

    def _init_cluster(self) -> None:
        self.socket_dir.mkdir()
        for path in (self.base_dir, self.socket_dir):
            os.chown(path, self.account.uid, self.account.gid)
            path.chmod(0o700)
        result = self._run_as_server_account([
            str(self.bin_dir / "initdb"), "-D", str(self.data_dir), "-U", "postgres",
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
        ])  # fmt: skip
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"initdb 失败 / initdb failed (exit {result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        (self.data_dir / "pg_hba.conf").write_text(HBA_LOOPBACK_TRUST, encoding="utf-8")

    def _launch(self) -> bool:
        """Start the server; False when the port was taken, raises on other failures."""
        settings = {
            "listen_addresses": "127.0.0.1",
            "port": str(self.port),
            "unix_socket_directories": str(self.socket_dir),
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
            "max_connections": "200",
            "logging_collector": "off",
        }
        command = [str(self.bin_dir / "postgres"), "-D", str(self.data_dir)]
        for name, value in settings.items():
            command += ["-c", f"{name}={value}"]
        with self.log_file.open("ab") as log:
            # Own session: Ctrl-C in the terminal must not kill the server before we stop it.
            self.process = subprocess.Popen(
                command,
                cwd=self.base_dir,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **self.account.popen_credentials(),  # type: ignore[arg-type]
            )
        deadline = time.monotonic() + SERVER_READY_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                if "could not bind" in self._log_text() or "in use" in self._log_text():
                    self.process = None
                    return False
                raise PostgresUnavailable(self._failure("PostgreSQL 进程意外退出"))
            ready = subprocess.run(
                [str(self.bin_dir / "pg_isready"), "-q", "-h", "127.0.0.1",
                 "-p", str(self.port), "-U", "postgres", "-d", "postgres"],
                check=False,
            )  # fmt: skip
            if ready.returncode == 0:
                return True
            time.sleep(0.1)
        raise PostgresUnavailable(self._failure("PostgreSQL 在 60 秒内没有就绪"))

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = subprocess.run(
            [str(self.bin_dir / "psql"), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1",
             "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
             "-c", sql],
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise PostgresUnavailable(f"psql 执行失败 / psql failed: {sql}\n{result.stderr}")
        return result.stdout.strip()

    def _check_ready_for_tests(self) -> None:
        if not self.psql("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'"):
            raise PostgresUnavailable(
                "PostgreSQL 缺少 pg_trgm 扩展，请安装 postgresql-contrib / pg_trgm is missing."
            )

    def _log_text(self) -> str:
        try:
            return self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def _failure(self, headline: str) -> str:
        return f"{headline} / PostgreSQL did not start. 日志 / server log:\n{self._log_text()}"

    def stop(self) -> None:
        """Stop the server (fast shutdown, escalating) and delete its directory."""
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            for stop_signal, grace_seconds in (
                (signal.SIGINT, 15.0),  # fast shutdown
                (signal.SIGQUIT, 5.0),  # immediate shutdown
                (signal.SIGKILL, 5.0),
            ):
                try:
                    process.send_signal(stop_signal)
                    process.wait(timeout=grace_seconds)
                    break
                except subprocess.TimeoutExpired:
                    continue
                except ProcessLookupError:
                    break
        shutil.rmtree(self.base_dir, ignore_errors=True)


# --------------------------------------------------------------------------- environment


@contextmanager
def isolated_environment(postgres_url: str | None) -> Iterator[dict[str, str]]:
    """Environment for pytest and benchmarks: temporary HOME/XDG dirs, offscreen Qt."""
    scratch = Path(tempfile.mkdtemp(prefix="complaint-desk-test-"))
    try:
        directories = {
            "HOME": scratch / "home",
            "XDG_DATA_HOME": scratch / "xdg-data",
            "XDG_CONFIG_HOME": scratch / "xdg-config",
            "XDG_CACHE_HOME": scratch / "xdg-cache",
            "XDG_STATE_HOME": scratch / "xdg-state",
            "XDG_RUNTIME_DIR": scratch / "xdg-runtime",
        }
        for path in directories.values():
            path.mkdir(mode=0o700)
        environment = {name: value for name, value in os.environ.items() if name != PG_URL_ENV}
        environment.update({name: str(path) for name, path in directories.items()})
        environment.update(
            {
                "QT_QPA_PLATFORM": "offscreen",
                "COMPLAINT_DESK_TEST": "1",
                "PYTHONDONTWRITEBYTECODE": "1",
                "LANG": environment.get("LANG") or "C.UTF-8",
                "COMPLAINT_DESK_TEST_SCRATCH": str(scratch),
            }
        )
        environment.pop("DISPLAY", None)  # tests that want X start their own Xvfb
        if postgres_url:
            environment[PG_URL_ENV] = postgres_url
        yield environment
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


@contextmanager
def postgres_for_run(wanted: bool) -> Iterator[ThrowawayPostgres | None]:
    if not wanted:
        say("注意：--no-postgres，只在 SQLite 上测试 / PostgreSQL NOT started (SQLite only).")
        yield None
        return
    started = time.monotonic()
    server = ThrowawayPostgres.start()
    say(
        f"临时 PostgreSQL 已启动 / throw-away PostgreSQL up on 127.0.0.1:{server.port} "
        f"({server.bin_dir.parent.name}, {time.monotonic() - started:.1f} s)"
    )
    try:
        yield server
    finally:
        server.stop()
        say("临时 PostgreSQL 已停止并删除 / throw-away PostgreSQL stopped and removed.")


class Terminated(Exception):
    """SIGTERM/SIGHUP arrived: unwind so the server is stopped and files removed."""


def raise_terminated(signal_number: int, _frame: object) -> None:
    raise Terminated(signal_number)


def wait_for_child(process: subprocess.Popen[bytes]) -> int:
    """Wait for pytest; on Ctrl-C (which pytest receives too) let it finish its report."""
    try:
        return process.wait()
    except (KeyboardInterrupt, Terminated):
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        raise


# --------------------------------------------------------------------------- pytest


def has_module(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def absolutise_paths(arguments: Sequence[str]) -> tuple[list[str], list[str]]:
    """Make path arguments independent of the working directory; return (args, paths)."""
    result: list[str] = []
    paths: list[str] = []
    for argument in arguments:
        file_part, separator, node = argument.partition("::")
        if not argument.startswith("-") and file_part and Path(file_part).exists():
            argument = str(Path(file_part).resolve()) + separator + node
            paths.append(argument)
        result.append(argument)
    return result, paths


def option_given(arguments: Sequence[str], *names: str) -> bool:
    """True when any of ``names`` appears as ``-n 2``, ``-n2``, ``--name`` or ``--name=v``."""
    for argument in arguments:
        for name in names:
            if argument == name or argument.startswith(name + "="):
                return True
            if not name.startswith("--") and argument.startswith(name):  # short form "-n2"
                return True
    return False


def pytest_command(extra_arguments: Sequence[str]) -> list[str]:
    arguments, paths = absolutise_paths(extra_arguments)
    command = [sys.executable, "-m", "pytest"]
    if has_module("xdist") and not option_given(arguments, "-n", "--numprocesses", "--dist"):
        if "no:xdist" not in arguments:
            command += ["-n", PYTEST_WORKERS]
    if has_module("pytest_timeout") and not option_given(arguments, "--timeout"):
        command += ["--timeout", PER_TEST_TIMEOUT_SECONDS]
    if not any(Path(path).is_relative_to(BENCHMARKS_DIR) for path in paths):
        command += [f"--ignore={BENCHMARKS_DIR}"]
    if not paths:
        command.append(str(TESTS_DIR))
    return command + arguments


def run_pytest(extra_arguments: Sequence[str], environment: dict[str, str]) -> int:
    command = pytest_command(extra_arguments)
    say("运行 / running: " + " ".join(command[1:]))
    process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=environment)
    return wait_for_child(process)


# --------------------------------------------------------------------------- benchmarks


def benchmark_scripts(selection: Sequence[str]) -> list[Path]:
    scripts = sorted(
        path
        for path in BENCHMARKS_DIR.glob("*.py")
        if not path.name.startswith("_") and path.name != "conftest.py"
    )
    if selection:
        wanted = {Path(item).stem for item in selection}
        scripts = [path for path in scripts if path.stem in wanted]
    return scripts


def run_benchmarks(
    selection: Sequence[str], environment: dict[str, str], server: ThrowawayPostgres | None
) -> int:
    """Run every script once per database; each gets an empty database of its own."""
    scripts = benchmark_scripts(selection)
    if not scripts:
        say(f"没有找到基准脚本 / no benchmark scripts found in {BENCHMARKS_DIR} {list(selection)}")
        return EXIT_NO_TESTS_COLLECTED
    scratch = Path(environment["COMPLAINT_DESK_TEST_SCRATCH"])
    failures: list[str] = []
    for number, script in enumerate(scripts, start=1):
        targets: list[tuple[str, str, str | None]] = [
            ("SQLite", f"sqlite:///{scratch / f'bench_{number}.sqlite3'}", None)
        ]
        if server is not None:
            targets.append(("PostgreSQL", server.url(f"bench_{number}"), f"bench_{number}"))
        for label, url, pg_database in targets:
            if pg_database:
                server.psql(f"CREATE DATABASE {pg_database}")  # type: ignore[union-attr]
            print(f"\n===== {script.relative_to(PROJECT_ROOT)} · {label} =====", flush=True)
            process = subprocess.Popen(
                [sys.executable, str(script)],
                cwd=PROJECT_ROOT,
                env={**environment, BENCH_DB_URL_ENV: url},
            )
            if wait_for_child(process) != 0:
                failures.append(f"{script.name} ({label})")
            if pg_database:
                server.psql(f"DROP DATABASE {pg_database} WITH (FORCE)")  # type: ignore[union-attr]
    if failures:
        say("基准脚本失败 / benchmark scripts failed: " + ", ".join(failures))
        return 1
    return 0


# --------------------------------------------------------------------------- main


def final_line(exit_code: int, seconds: float, what: str) -> str:
    if exit_code == 0:
        return f"结果 RESULT: 通过 PASSED — {what}, {seconds:.0f} s"
    if exit_code == EXIT_NO_TESTS_COLLECTED:
        return (
            f"结果 RESULT: 失败 FAILED — 没有收集到任何测试 / nothing was collected "
            f"(exit {exit_code}), {seconds:.0f} s"
        )
    return f"结果 RESULT: 失败 FAILED — {what}, exit code {exit_code}, {seconds:.0f} s"


def main(argv: Sequence[str]) -> int:
    options, extra = parse_arguments(argv)
    ensure_environment(
        __file__,
        argv,
        extras=["test"],
        debian_packages=[*GUI_DEBIAN_PACKAGES, *TEST_DEBIAN_PACKAGES],
        purpose="运行测试",
    )
    signal.signal(signal.SIGTERM, raise_terminated)
    signal.signal(signal.SIGHUP, raise_terminated)
    started = time.monotonic()
    exit_code = 1
    databases = "SQLite" if options.no_postgres else "SQLite + PostgreSQL"
    what = ("benchmarks" if options.benchmarks else "pytest") + f" on {databases}"
    try:
        with postgres_for_run(not options.no_postgres) as server, isolated_environment(
            server.url() if server else None
        ) as environment:
            if options.benchmarks:
                exit_code = run_benchmarks(extra, environment, server)
            else:
                exit_code = run_pytest(extra, environment)
    except PostgresUnavailable as problem:
        say(str(problem))
        exit_code = 3
        what = "PostgreSQL 无法启动 / could not start PostgreSQL"
    except KeyboardInterrupt:
        exit_code = 130
        what = "中断 / interrupted"
    except Terminated:
        exit_code = 143
        what = "被终止 / terminated"
    print(final_line(exit_code, time.monotonic() - started, what), flush=True)
    return exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
