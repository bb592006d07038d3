"""Hostile input through the real command line: each bad file gets one clear line, the rest are linted.

One ``gxlint`` process lints a directory holding a good seed report next to every kind of broken
file; the good report must get the same findings it gets alone, each broken file exactly one
``GX0`` finding (or, for a report that is merely odd, no engine finding at all), and nothing may
print a traceback.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import PEER, SEEDS

GOOD = SEEDS["changde"]
LINE = __import__("re").compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>GX\d{3}) (?P<message>.*)$")


def run_cli(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gxlint", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def findings(stdout: str) -> dict[str, list[tuple[str, str]]]:
    """path → [(code, message)] from flake8-style output; a line of any other shape fails the test."""
    found: dict[str, list[tuple[str, str]]] = {}
    for line in stdout.splitlines():
        if not line.strip():
            continue
        match = LINE.match(line)
        assert match, f"not a finding line: {line!r}"
        found.setdefault(Path(match["path"]).name, []).append((match["code"], match["message"]))
    return found


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _zip_bomb() -> bytes:
    """A DOCX whose document.xml inflates to 120 MB (about 120 KB on disk)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(120):
                member.write(chunk)
    return buffer.getvalue()


def _nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "一、总体情况" + "</div>" * depth + "</body></html>").encode()


# name → (bytes, what the file must end in: "one" = exactly one GX0 finding; "clean" = no GX0 finding)
HOSTILE = {
    "random.txt": (bytes((i * 7919 + 13) % 256 for i in range(64 * 1024)), "one"),
    "nul.txt": (b"\x00" * 4096, "one"),
    "nul_in_text.txt": ("一、总体情况\n".encode() + b"\x00" * 100 + "二、主动公开\n".encode(), "one"),
    "empty.txt": (b"", "one"),
    "whitespace.txt": (b" \n\r\n\t\n" * 100, "one"),
    "one_mb_line.txt": (("情况" * (512 * 1024)).encode(), "one"),
    "pipes.txt": (b"|" * 100_000, "one"),
    "blank_lines.txt": (b"\n" * 50_000 + "一、总体情况\n".encode() + b"\n" * 50_000, "clean"),
    "digits.txt": (b"7" * (1024 * 1024), "one"),
    "nested.html": (_nested_html(100_000), "one"),
    "not_a_zip.docx": (b"This is not a zip file at all" * 100, "one"),
    "zip_no_document.docx": (_zip({"hello.txt": b"hi"}), "one"),
    "truncated.pdf": ((PEER / "govnianbao__szfgs2024.pdf").read_bytes()[:60_000], "one"),
    "not_a_pdf.pdf": (b"%PDF-1.4\n" + b"garbage " * 1000, "one"),
    "utf16_odd.txt": (b"\xff\xfe" + "一、总体情况".encode("utf-16-le") + b"\x00", "one"),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    shutil.copy(GOOD, root / "good.txt")
    for name, (data, _) in HOSTILE.items():
        (root / name).write_bytes(data)
    (root / "bomb.docx").write_bytes(_zip_bomb())
    # A report with a 1 MB paragraph inside it still gets all its rules run.
    text = GOOD.read_text(encoding="utf-8").split("\n")
    text.insert(3, "政府信息公开" * (1024 * 1024 // 18))
    (root / "long_paragraph.txt").write_text("\n".join(text), encoding="utf-8")
    alone = run_cli(str(root / "good.txt"), cwd=root)
    together = run_cli(".", cwd=root)
    return root, alone, together


def test_no_traceback_and_a_normal_exit(hostile_run):
    _, alone, together = hostile_run
    for process in (alone, together):
        assert "Traceback" not in process.stderr, process.stderr
        assert process.returncode in (0, 1), process.stderr


@pytest.mark.parametrize("name", sorted([*HOSTILE, "bomb.docx"]))
def test_each_hostile_file_ends_in_one_clear_line(hostile_run, name):
    _, _, together = hostile_run
    expected = HOSTILE.get(name, (b"", "one"))[1]
    mine = findings(together.stdout).get(name, [])
    engine = [(code, message) for code, message in mine if code.startswith("GX0")]
    if expected == "one":
        assert len(mine) == 1, mine
        code, message = mine[0]
        assert code in ("GX001", "GX002", "GX004"), mine
        assert len(message) > 4 and "Traceback" not in message
    else:
        assert not [f for f in engine if f[0] in ("GX003", "GX004")], engine


def test_good_file_is_linted_as_if_alone(hostile_run):
    _, alone, together = hostile_run
    assert findings(alone.stdout).get("good.txt"), "the good report has findings to compare"
    assert findings(together.stdout).get("good.txt") == findings(alone.stdout).get("good.txt")


def test_a_report_with_a_huge_paragraph_runs_every_rule(hostile_run):
    _, _, together = hostile_run
    mine = findings(together.stdout).get("long_paragraph.txt", [])
    assert not [f for f in mine if f[0] in ("GX001", "GX002", "GX003", "GX004")], mine


def test_symlink_loop_terminates_and_lints_each_file_once(tmp_path):
    shutil.copy(GOOD, tmp_path / "a.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(GOOD, sub / "b.txt")
    os.symlink("..", sub / "up")
    os.symlink(".", tmp_path / "self")
    process = run_cli(".", cwd=tmp_path, timeout=60)
    assert "Traceback" not in process.stderr
    found = findings(process.stdout)
    assert set(found) == {"a.txt", "b.txt"}
    alone = findings(run_cli("a.txt", cwd=tmp_path).stdout)["a.txt"]
    assert found["a.txt"] == alone and found["b.txt"] == alone


def test_missing_file_and_directory_named_on_the_command_line(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    process = run_cli("gone.txt", "good.txt", cwd=tmp_path)
    assert "Traceback" not in process.stderr
    assert process.returncode in (1, 2)
    mentioned = process.stdout.count("gone.txt") + process.stderr.count("gone.txt")
    assert mentioned == 1, (process.stdout, process.stderr)
    assert findings(process.stdout).get("good.txt") == findings(run_cli("good.txt", cwd=tmp_path).stdout)["good.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_fifo_with_a_report_suffix_does_not_hang(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    process = run_cli("pipe.txt", "good.txt", cwd=tmp_path, timeout=60)
    assert "Traceback" not in process.stderr
    assert findings(process.stdout)["pipe.txt"] == [
        ("GX001", "无法读取文件：不是普通文件，而是管道、设备或套接字 (not a regular file)")
    ]
    assert "good.txt" in findings(process.stdout)


def test_size_cap_from_the_configuration_file(tmp_path):
    shutil.copy(GOOD, tmp_path / "good.txt")
    (tmp_path / "gxlint.toml").write_text("max-file-mb = 0.005\n", encoding="utf-8")
    process = run_cli("good.txt", cwd=tmp_path)
    assert "Traceback" not in process.stderr
    [(code, message)] = findings(process.stdout)["good.txt"]
    assert code == "GX004" and "超过上限 0.005 MB" in message
