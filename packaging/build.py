"""Build the installable application (安装包): ``python packaging/build.py``.

Makes the one-folder bundle ``dist/EstateDesk/`` with PyInstaller (``packaging/estate_desk.spec``), then
- on Linux: ``dist/EstateDesk-<version>-linux-<arch>.tar.gz`` (the folder, plus the .desktop file and icon);
- on Windows: the icon ``build/estate-desk.ico`` first, and afterwards the Inno Setup installer
  ``dist/EstateDesk-Setup-<version>.exe`` when ``iscc`` is found (else the command to run is printed).

The version comes from one place, the package metadata (``pyproject.toml`` → ``importlib.metadata``).
Needs ``pip install -e ".[packaging]"`` (PyInstaller) in the environment that has the application installed.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
WORK = ROOT / "build"
APP = "EstateDesk"


def app_version() -> str:
    """The version of the installed ``estate-desk`` package (its metadata, not a second copy)."""
    return importlib.metadata.version("estate-desk")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def run_pyinstaller(dist: Path = DIST, work: Path = WORK) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder ``dist/EstateDesk``."""
    if sys.platform == "win32":
        sys.path.insert(0, str(PACKAGING))
        from make_icon import make_ico

        if make_ico(WORK / "estate-desk.ico") is None:  # the spec and the .iss look for it there
            print("Pillow is not installed: the .exe gets PyInstaller's default icon (pip install pillow)")
    cmd = [
        sys.executable, "-m", "PyInstaller", str(PACKAGING / "estate_desk.spec"),
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work / "pyinstaller"),
    ]  # fmt: skip
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / APP


def make_tarball(bundle: Path, version: str) -> Path:
    """``EstateDesk-<version>-linux-<arch>.tar.gz``: the bundle with the .desktop file and icon beside it."""
    shutil.copy2(PACKAGING / "linux" / "estate-desk.desktop", bundle / "estate-desk.desktop")
    shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
    target = bundle.parent / f"{APP}-{version}-linux-{platform.machine() or 'x86_64'}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{APP}-{version}")
    return target


def make_windows_installer(version: str) -> Path | None:
    """Run Inno Setup's ``iscc`` when it is on PATH (or in its usual folder); None when it is not."""
    iscc = shutil.which("iscc") or next(
        (str(p) for p in Path("C:/Program Files (x86)/Inno Setup 6").glob("ISCC.exe")), None
    )
    script = PACKAGING / "windows" / "EstateDesk.iss"
    if not iscc:
        print(f'Inno Setup 6 not found; to make the installer run: iscc /DAppVersion={version} "{script}"')
        return None
    subprocess.run([iscc, f"/DAppVersion={version}", str(script)], check=True, cwd=ROOT)
    return DIST / f"{APP}-Setup-{version}.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-archive", action="store_true", help="only the folder: no .tar.gz / installer")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the bundle goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=WORK, help="PyInstaller's scratch folder (default: build/)")
    args = parser.parse_args(argv)
    version = app_version()
    print(f"Building {APP} {version} for {sys.platform} ({platform.machine()})")
    bundle = run_pyinstaller(args.dist.resolve(), args.work.resolve())
    print(f"bundle: {bundle} ({folder_size(bundle) / 1e6:.0f} MB unpacked)")
    if args.no_archive:
        return 0
    if sys.platform.startswith("linux"):
        print(f"archive: {make_tarball(bundle, version)}")
    elif sys.platform == "win32":
        installer = make_windows_installer(version)
        if installer:
            print(f"installer: {installer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
