"""First-run set-up shared by ``main.py`` and ``tests/run.py`` (standard library only).

This module runs under the *system* Python before the project's virtual environment
exists, so it must never import a third-party package or anything from ``desktop_app``
beyond this file. It

1. installs missing Debian packages (``dpkg-query`` to check, ``apt-get`` to install,
   ``apt-get update`` once and only when something is missing; ``sudo`` when not root);
2. creates ``.venv`` in the project root with ``python -m venv``;
3. runs ``pip install -e .[extras]`` only when ``pyproject.toml`` changed since the last
   install (a stamp file inside ``.venv`` records its hash and the installed extras);
4. re-executes the calling script inside ``.venv`` with :func:`os.execv`.

When everything is already in place it prints nothing and costs a ``dpkg-query`` call,
a hash and an ``exec``.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
VENV_DIR_NAME = ".venv"
STAMP_NAME = ".complaint-desk-install.json"
# Set by the parent before os.execv so the child does not repeat the checks.
BOOTSTRAPPED_ENV = "COMPLAINT_DESK_BOOTSTRAPPED"
# Escape hatch for packagers and unusual machines: skip all set-up work.
SKIP_ENV = "COMPLAINT_DESK_NO_BOOTSTRAP"

# Shared libraries the PySide6 6.12 wheels load for a real (xcb) window, from `ldd` on
# plugins/platforms/libqxcb.so, libQt6XcbQpa, libQt6Gui/Widgets/DBus and the xcb GL plugin.
GUI_DEBIAN_PACKAGES: tuple[str, ...] = (
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxcb-glx0",
    "libx11-6",
    "libx11-xcb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    # Debian 12's GNOME session is Wayland; Qt's wayland plugin needs these as well.
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
)

# What the test suite drives for real: poppler (pdftotext/pdffonts), Xvfb + xwd +
# ImageMagick (screenshots), PostgreSQL with pg_trgm, LibreOffice headless (xlsx check).
TEST_DEBIAN_PACKAGES: tuple[str, ...] = (
    "poppler-utils",
    "xvfb",
    "xauth",
    "x11-apps",
    "imagemagick",
    "postgresql",
    "postgresql-contrib",
    "libreoffice-calc",
)


def log(message: str) -> None:
    print(f"[bootstrap] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- Debian packages


def missing_debian_packages(packages: Sequence[str]) -> list[str] | None:
    """Packages of ``packages`` that are not installed, or ``None`` without dpkg."""
    if not packages:
        return []
    dpkg_query = shutil.which("dpkg-query")
    if dpkg_query is None:
        return None
    # Unknown names go to stderr and make the exit status 1; the known ones are still listed.
    result = subprocess.run(
        [dpkg_query, "-W", "-f=${Package} ${db:Status-Abbrev}\n", *packages],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        check=False,
    )
    installed: set[str] = set()
    for line in result.stdout.splitlines():
        name, _, status = line.partition(" ")
        # "ii " = desired install, currently installed; the name may carry ":arch".
        if status.startswith("ii"):
            installed.add(name.split(":", 1)[0])
    return [package for package in packages if package not in installed]


def privilege_prefix() -> list[str] | None:
    """Command prefix that runs apt-get as root: ``[]``, ``["sudo", ...]`` or ``None``."""
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo is None:
        return None
    # Without a terminal sudo cannot ask for a password; -n fails fast instead of hanging.
    return [sudo] if sys.stdin is not None and sys.stdin.isatty() else [sudo, "-n"]


def apt_install_command(packages: Sequence[str]) -> str:
    return "sudo apt-get install --no-install-recommends " + " ".join(packages)


@dataclass
class AptInstaller:
    """Installs Debian packages, running ``apt-get update`` at most once per process."""

    updated: bool = False

    def install(self, packages: Sequence[str], purpose: str) -> bool:
        """Install what is missing of ``packages``; True when all are present afterwards."""
        missing = missing_debian_packages(packages)
        if missing is None:
            log(
                f"未找到 dpkg，无法自动安装{purpose}所需的系统软件包；请自行安装相当于以下 Debian "
                f"软件包的组件 / no dpkg: install the equivalent of: {' '.join(packages)}"
            )
            return False
        if not missing:
            return True
        prefix = privilege_prefix()
        apt_get = shutil.which("apt-get")
        if prefix is None or apt_get is None:
            log(
                f"缺少{purpose}所需的系统软件包，且无法以 root 身份安装。请执行 / missing Debian "
                f"packages, please run:\n    {apt_install_command(missing)}"
            )
            return False
        log(f"正在安装{purpose}所需的系统软件包 / installing Debian packages: {' '.join(missing)}")
        environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if prefix:
            # sudo resets the environment; pass the front-end setting explicitly.
            prefix = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive"]
        apt = [*prefix, apt_get, "-q", "-o", "DPkg::Lock::Timeout=600", "-o", "Dpkg::Use-Pty=0"]
        if not self.updated:
            update = subprocess.run(
                [*apt, "update"], env=environment, stdin=subprocess.DEVNULL, check=False
            )
            self.updated = update.returncode == 0

        def apt_install(names: Sequence[str]) -> int:
            command = [*apt, "install", "-y", "--no-install-recommends", *names]
            result = subprocess.run(command, env=environment, stdin=subprocess.DEVNULL, check=False)
            return result.returncode

        if apt_install(missing) != 0 and len(missing) > 1:
            # One unknown name (another release renamed it) must not block all the others.
            for package in missing_debian_packages(missing) or []:
                apt_install([package])
        still_missing = missing_debian_packages(missing) or []
        if still_missing:
            log(
                "系统软件包安装失败，请手动执行 / apt-get failed, please run:\n    "
                + apt_install_command(still_missing)
            )
            return False
        return True


# --------------------------------------------------------------------------- virtualenv


def venv_dir(project_root: Path = PROJECT_ROOT) -> Path:
    return project_root / VENV_DIR_NAME


def venv_python(venv: Path) -> Path:
    if os.name == "nt":
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


def running_inside(venv: Path) -> bool:
    try:
        return Path(sys.prefix).resolve() == venv.resolve()
    except OSError:
        return False


def pyproject_digest(project_root: Path) -> str:
    return hashlib.sha256((project_root / "pyproject.toml").read_bytes()).hexdigest()


def read_stamp(venv: Path) -> dict[str, object] | None:
    try:
        stamp = json.loads((venv / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def stamped_extras(stamp: dict[str, object] | None) -> set[str]:
    extras = stamp.get("extras") if stamp else None
    return {str(extra) for extra in extras} if isinstance(extras, list) else set()


def install_is_current(venv: Path, project_root: Path, extras: Sequence[str]) -> bool:
    """True when the stamp matches pyproject.toml and covers the requested extras."""
    stamp = read_stamp(venv)
    if stamp is None or stamp.get("pyproject_sha256") != pyproject_digest(project_root):
        return False
    return set(extras) <= stamped_extras(stamp) and venv_python(venv).exists()


def write_stamp(venv: Path, project_root: Path, extras: Sequence[str]) -> None:
    stamp = {"pyproject_sha256": pyproject_digest(project_root), "extras": sorted(set(extras))}
    temporary = venv / (STAMP_NAME + ".tmp")
    temporary.write_text(json.dumps(stamp, indent=2) + "\n", encoding="utf-8")
    temporary.replace(venv / STAMP_NAME)


@contextmanager
def project_lock(project_root: Path) -> Iterator[None]:
    """Serialise set-up between concurrent runs (two terminals, parallel CI steps)."""
    descriptor = os.open(project_root, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


def venv_support_packages() -> list[str]:
    """Debian splits ``ensurepip`` out of the interpreter into pythonX.Y-venv."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    return [f"python{version}-venv"]


def create_venv(venv: Path, apt: AptInstaller) -> None:
    log(f"正在创建虚拟环境 / creating virtual environment: {venv}")
    for attempt in (1, 2):
        result = subprocess.run([sys.executable, "-m", "venv", str(venv)], check=False)
        if result.returncode == 0 and venv_python(venv).exists():
            return
        # A failed `venv` leaves a directory without pip behind; start clean.
        shutil.rmtree(venv, ignore_errors=True)
        if attempt == 1 and apt.install(venv_support_packages(), "创建虚拟环境"):
            continue
        break
    raise SystemExit(
        f"无法创建虚拟环境 {venv}。在 Debian/Ubuntu 上请先安装 python3-venv："
        f"\n    {apt_install_command(venv_support_packages())}"
    )


def install_project(venv: Path, project_root: Path, extras: Sequence[str]) -> None:
    target = "." + (f"[{','.join(sorted(extras))}]" if extras else "")
    log(
        f"正在安装 Python 依赖（首次需要几分钟）/ installing Python dependencies: "
        f"pip install -e {target}"
    )
    command = [
        str(venv_python(venv)), "-m", "pip", "install",
        "--disable-pip-version-check", "--progress-bar", "off", "-e", target,
    ]  # fmt: skip
    result = subprocess.run(command, cwd=project_root, stdin=subprocess.DEVNULL, check=False)
    if result.returncode != 0:
        raise SystemExit(
            f"pip install 失败（退出码 {result.returncode}），请查看上面的输出"
            " / pip install failed, see its output above."
        )


def ensure_python_environment(project_root: Path, extras: Sequence[str], apt: AptInstaller) -> Path:
    """Create the venv and (re)install the project when needed; return the venv path."""
    venv = venv_dir(project_root)
    if install_is_current(venv, project_root, extras):
        return venv
    with project_lock(project_root):
        if install_is_current(venv, project_root, extras):  # another run just did it
            return venv
        if not venv_python(venv).exists():
            create_venv(venv, apt)
        stamp = read_stamp(venv)
        # Keep extras installed earlier (tests) when main.py asks for fewer.
        wanted = set(extras)
        if stamp is not None:
            wanted |= stamped_extras(stamp)
        install_project(venv, project_root, sorted(wanted))
        write_stamp(venv, project_root, sorted(wanted))
    return venv


# --------------------------------------------------------------------------- entry point


def ensure_environment(
    script: str | os.PathLike[str],
    argv: Sequence[str],
    *,
    extras: Sequence[str] = (),
    debian_packages: Sequence[str] = GUI_DEBIAN_PACKAGES,
    purpose: str = "运行本程序",
    project_root: Path = PROJECT_ROOT,
) -> None:
    """Make sure system packages and ``.venv`` are ready, then run ``script`` inside it.

    Returns normally only when the current interpreter already is the project's venv;
    otherwise replaces the process with ``.venv/bin/python script *argv``.
    """
    parent_did_it = os.environ.pop(BOOTSTRAPPED_ENV, None) == "1"
    venv = venv_dir(project_root)
    if os.environ.get(SKIP_ENV) == "1" or (parent_did_it and running_inside(venv)):
        return
    apt = AptInstaller()
    apt.install(debian_packages, purpose)  # a failure is reported; go on where possible
    venv = ensure_python_environment(project_root, extras, apt)
    if running_inside(venv):
        return
    python = str(venv_python(venv))
    os.environ[BOOTSTRAPPED_ENV] = "1"
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(python, [python, os.fspath(script), *argv])
