"""The result cache: a warm run prints what a cold run prints, and never serves stale findings."""

from __future__ import annotations

import dataclasses
import io
import json
import marshal
import os
import shutil
import zlib
from pathlib import Path

import pytest

from gxlint import cache as cache_module
from gxlint.cache import FORMAT, MAGIC, ResultCache, cache_directory, cache_key
from gxlint.cli import lint as lint_cli
from gxlint.cli.main import main
from gxlint.config import Settings
from gxlint.diagnostics import Diagnostic, Edit, Fix, Severity
from gxlint.engine import FileResult, Linter
from gxlint.plugins import Registry, load

from .conftest import SEEDS
from .test_rules_tables_across_years import write_pair


@pytest.fixture(params=["measured-here", "measured-apart"])
def project(tmp_path, monkeypatch, request):
    """A directory of seed reports, made current, with the cache switched on whatever the caller set;
    the files are hashed in this process, or (where it can fork) in a child process however few."""
    if request.param == "measured-apart":
        monkeypatch.setattr(cache_module, "MEASURE_APART", 1)
    monkeypatch.delenv("GXLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GXLINT_CACHE_DIR", raising=False)
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in SEEDS.values():
        shutil.copy(seed, reports / seed.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(["--isolated", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.cache")) if directory.is_dir() else []


def forbid_linting(monkeypatch) -> None:
    def refuse(self, path, display=None):
        raise AssertionError(f"{path} was linted although it is cached")

    monkeypatch.setattr(Linter, "lint_path", refuse)


def count_linting(monkeypatch) -> list[str]:
    """The paths linted in this process from now on (runs that count must use ``--jobs 1``)."""
    linted: list[str] = []
    original = Linter.lint_path

    def spy(self, path, display=None):
        linted.append(path)
        return original(self, path, display)

    monkeypatch.setattr(Linter, "lint_path", spy)
    return linted


@pytest.mark.parametrize(
    "output", [[], ["--format", "json"], ["--show-source"], ["--format", "pretty", "--show-source"], ["--format", "sarif"], ["--statistics"]]
)
def test_a_warm_run_prints_exactly_what_a_cold_run_prints(project, capsys, monkeypatch, output):
    cold = run(capsys, "--no-cache", *output, "reports")
    assert not (project / ".gxlint_cache").exists()  # --no-cache writes nothing
    first = run(capsys, *output, "reports")
    assert first == cold
    assert len(cache_files(project / ".gxlint_cache")) == 1
    forbid_linting(monkeypatch)
    warm = run(capsys, *output, "reports")
    assert warm == cold
    assert cold[0] == 1 and cold[1]


def test_the_cache_directory_is_marked_and_ignored_by_git(project, capsys):
    run(capsys, "reports")
    directory = project / ".gxlint_cache"
    assert (directory / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (directory / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    # a later walk of the project does not lint the cache
    assert ".gxlint_cache" not in run(capsys, ".")[1]


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(project, capsys, monkeypatch):
    target = project / "reports" / SEEDS["changde"].name
    text = target.read_text(encoding="utf-8")
    assert "准备" in text
    run(capsys, "reports")
    before = os.stat(target)
    target.write_text(text.replace("准备", "准确"), encoding="utf-8")  # same length in bytes
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(target).st_size == before.st_size
    linted = count_linting(monkeypatch)
    warm = run(capsys, "--jobs", "1", "reports")
    assert linted == [os.path.join("reports", SEEDS["changde"].name)]
    assert warm == run(capsys, "--no-cache", "reports")
    assert "「准备」应为「准确」" not in warm[1]


def test_settings_that_change_findings_miss_the_cache_and_output_options_do_not(project, capsys, monkeypatch):
    run(capsys, "reports")
    linted = count_linting(monkeypatch)
    selected = run(capsys, "--jobs", "1", "--select", "GX1", "reports")
    assert len(linted) == len(SEEDS)
    assert selected == run(capsys, "--no-cache", "--select", "GX1", "reports")
    linted.clear()
    run(capsys, "--format", "json", "--fail-on", "error", "--jobs", "1", "reports")
    assert linted == []
    registry = load()
    key = cache_key(Settings(), registry)
    assert cache_key(Settings(format="json", jobs=3, fail_on=Severity.ERROR), registry) == key
    for changed in (Settings(select=["GX1"]), Settings(rules={"GX302": {"x": 1}}), Settings(template="2019"), Settings(per_file_ignores={"*.txt": ["GX1"]})):
        assert cache_key(changed, registry) != key


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: os.urandom(len(blob)),
        lambda blob: blob[: len(blob) // 2],
        lambda blob: b"",
        lambda blob: blob[:-1] + bytes([blob[-1] ^ 1]),
        lambda blob: _framed(["not", "a", "dict"]),
        lambda blob: _framed({"format": FORMAT, "day": _today(), "entries": ["x"]}),
        lambda blob: _reframed(blob, {k: (1, 2) for k in _entries(blob)}),
        lambda blob: _reframed(blob, {k: 5 for k in _entries(blob)}),
        lambda blob: _reframed(blob, {k: list(v) for k, v in _entries(blob).items()}),
        lambda blob: _reframed(blob, {k: v[:3] + (0, len(_findings(blob)) + 1) for k, v in _entries(blob).items()}),
        lambda blob: _reframed(blob, {k: v[:3] + (-5, 0) for k, v in _entries(blob).items()}),
        lambda blob: _reframed(blob, {k: v[:3] + ("0", None) for k, v in _entries(blob).items()}),
        lambda blob: _reframed(blob, {k: v[:3] + (0, 9) for k, v in _entries(blob).items()}, marshal.dumps(((1, 2),), 4)),
        lambda blob: _reframed(blob, {k: v[:3] + (0, 4) for k, v in _entries(blob).items()}, b"junk"),
        lambda blob: _reframed(blob, _entries(blob), form=99),
        lambda blob: blob[: len(MAGIC) + 8] + (10**6).to_bytes(4, "big") + blob[len(MAGIC) + 8 :],
        lambda blob: _framed({"format": FORMAT, "day": _today(), "entries": _entries(blob)}, b"") + b"extra",
    ],
)
def test_a_damaged_or_foreign_cache_file_is_ignored(project, capsys, damage):
    cold = run(capsys, "--no-cache", "reports")
    run(capsys, "reports")
    [path] = cache_files(project / ".gxlint_cache")
    path.write_bytes(damage(path.read_bytes()))
    again = run(capsys, "reports")
    assert again == cold
    assert "Traceback" not in again[2]
    assert run(capsys, "reports") == cold  # rewritten, and good again


def _today() -> str:
    return cache_module._today()


def _framed(data, findings: bytes = b"") -> bytes:
    """A cache file as gxlint writes one: magic, CRC-32, header length, header, findings."""
    header = marshal.dumps(data)
    rest = len(header).to_bytes(4, "big") + header + findings
    return MAGIC + zlib.crc32(rest).to_bytes(4, "big") + rest


def _header(blob: bytes) -> dict:
    length = int.from_bytes(blob[len(MAGIC) + 4 : len(MAGIC) + 8], "big")
    return marshal.loads(blob[len(MAGIC) + 8 : len(MAGIC) + 8 + length])


def _findings(blob: bytes) -> bytes:
    return blob[len(MAGIC) + 8 + int.from_bytes(blob[len(MAGIC) + 4 : len(MAGIC) + 8], "big") :]


def _entries(blob: bytes) -> dict:
    return _header(blob)["entries"]


def _reframed(blob: bytes, entries: dict, findings=None, form: int = FORMAT) -> bytes:
    """The same cache file with other entries (and findings), its checksum right."""
    return _framed({"format": form, "day": _today(), "entries": entries}, _findings(blob) if findings is None else findings)


def test_findings_of_another_day_are_not_served(project, capsys, monkeypatch):
    run(capsys, "reports")
    monkeypatch.setattr(cache_module, "_today", lambda: "2999-01-01")
    linted = count_linting(monkeypatch)
    run(capsys, "--jobs", "1", "reports")
    assert len(linted) == len(SEEDS)


def test_an_unwritable_cache_directory_costs_one_warning(project, capsys, monkeypatch):
    cold = run(capsys, "--no-cache", "reports")
    (project / "plain-file").write_text("", encoding="utf-8")
    status, out, err = run(capsys, "--cache-dir", "plain-file/cache", "reports")
    assert (status, out) == cold[:2]
    assert err.count("\n") == 1 and err.startswith("gxlint: warning: cannot write the cache in ")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache_module.os, "replace", refuse)
    status, out, err = run(capsys, "reports")
    assert (status, out) == cold[:2]
    assert err == f"gxlint: warning: cannot write the cache in {project / '.gxlint_cache'}: Permission denied\n"
    assert not [p for p in (project / ".gxlint_cache").iterdir() if p.name.startswith(".tmp-")]


def test_cross_report_findings_appear_on_a_warm_run(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GXLINT_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    write_pair(tmp_path, "xunyang", 2022, 2023, {524: ("0", "2")})
    cold = run(capsys, "--select", "GX220", "--format", "json", ".")
    assert [item["code"] for item in json.loads(cold[1])] == ["GX220"]
    forbid_linting(monkeypatch)
    assert run(capsys, "--select", "GX220", "--format", "json", ".") == cold
    # one report alone: the cached facts of the other are not compared with anything
    assert run(capsys, "--select", "GX220", "--format", "json", "2023.txt")[1] == "[]\n"


def test_crashes_and_time_limits_are_not_cached(project, capsys, monkeypatch):
    cold = run(capsys, "--no-cache", "reports")
    original = Linter.lint_path

    def explode(self, path, display=None):
        if path.endswith(SEEDS["hedong"].name):
            raise MemoryError("simulated")
        return original(self, path, display)

    monkeypatch.setattr(Linter, "lint_path", explode)
    crashed = run(capsys, "--jobs", "1", "reports")
    assert "GX003" in crashed[1]
    monkeypatch.setattr(Linter, "lint_path", original)
    linted = count_linting(monkeypatch)
    assert run(capsys, "--jobs", "1", "reports") == cold
    assert linted == [os.path.join("reports", SEEDS["hedong"].name)]


@pytest.mark.parametrize("code", ["GX001", "GX003", "GX004"])
def test_transient_findings_are_never_stored(tmp_path, code):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    store = ResultCache(str(tmp_path / "cache"), "k")
    assert store.lookup(str(report)) is None
    failure = Diagnostic(code, "x", Severity.ERROR, "m", path=str(report))
    store.store(FileResult(str(report), [failure]))
    store.save()
    assert not (tmp_path / "cache").exists()  # nothing changed, nothing written


def test_stdin_and_fixes_bypass_the_cache(project, capsys, monkeypatch):
    text = SEEDS["changde"].read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8"))
    status, out, _ = run(capsys, "-", "--stdin-filename", "x.txt")
    assert status == 1 and out.startswith("x.txt:")
    assert not (project / ".gxlint_cache").exists()
    run(capsys, "--diff", "reports")
    run(capsys, "--fix", "reports")
    assert not (project / ".gxlint_cache").exists()


def test_a_failed_plugin_turns_the_cache_off():
    broken = Registry()
    broken.failures.append(object())
    assert lint_cli._cache(Settings(), broken, fixing=False) is None
    assert lint_cli._cache(Settings(), Registry(), fixing=True) is None
    assert lint_cli._cache(Settings(cache=False), Registry(), fixing=False) is None


def test_baseline_works_on_a_warm_run(project, capsys, monkeypatch):
    status, _, _ = run(capsys, "--no-cache", "--write-baseline", "base.json", "reports")
    assert status == 0
    written = (project / "base.json").read_text(encoding="utf-8")
    run(capsys, "reports")
    forbid_linting(monkeypatch)
    assert run(capsys, "--write-baseline", "base.json", "reports")[0] == 0
    assert (project / "base.json").read_text(encoding="utf-8") == written
    assert run(capsys, "--baseline", "base.json", "reports") == (0, "", "")


def test_entries_of_files_that_no_longer_exist_are_dropped(project, capsys, monkeypatch):
    run(capsys, "reports")
    gone = project / "reports" / SEEDS["hedong"].name
    gone.unlink()
    kept = project / "reports" / SEEDS["changde"].name
    kept.write_text(kept.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    run(capsys, str(kept.relative_to(project)))  # a run over one file rewrites the cache
    [path] = cache_files(project / ".gxlint_cache")
    entries = _entries(path.read_bytes())
    assert str(gone) not in entries
    assert len(entries) == len(SEEDS) - 1


def test_entries_written_again_from_the_file_read_are_still_hits(project, capsys, monkeypatch):
    cold = run(capsys, "--no-cache", "reports")
    run(capsys, "reports")
    kept = project / "reports" / SEEDS["changde"].name
    text = kept.read_text(encoding="utf-8")
    kept.write_text(text + "\n", encoding="utf-8")
    run(capsys, str(kept.relative_to(project)))  # rewrites the cache: the other entries are copied over
    kept.write_text(text, encoding="utf-8")
    run(capsys, str(kept.relative_to(project)))
    linted = count_linting(monkeypatch)
    assert run(capsys, "--jobs", "1", "reports") == cold
    assert linted == []


def test_a_path_shown_differently_is_linted_again(project, capsys, monkeypatch):
    run(capsys, "reports")
    linted = count_linting(monkeypatch)
    out = run(capsys, "--jobs", "1", "./reports")[1]
    assert len(linted) == len(SEEDS)
    assert out.startswith("./reports/")


def test_diagnostics_round_trip_through_the_cache(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    original = Diagnostic(
        "GX501", "name", Severity.WARNING, "消息", 3, 5, 3, 7, str(report), "片段",
        Fix("改", (Edit(3, 5, 3, 7, "x"),), safe=False), "第 2 页", {"k": [1, "v"]},
    )
    store = ResultCache(str(tmp_path / "cache"), "k")
    store.lookup(str(report))
    store.store(FileResult(str(report), [original], facts={"GX220": {"in": [("1", 2, 3)], "agency": "甲"}}))
    store.save()
    hit = ResultCache(str(tmp_path / "cache"), "k").lookup(str(report))
    assert hit is not None
    [back] = hit.diagnostics
    assert back == original and vars(back) == vars(original)
    assert list(vars(back)) == [f.name for f in dataclasses.fields(Diagnostic)]  # every field, in order
    assert vars(back.fix) == vars(original.fix) and vars(back.fix.edits[0]) == vars(original.fix.edits[0])
    assert hit.facts == {"GX220": {"in": [("1", 2, 3)], "agency": "甲"}}


def test_where_the_cache_lives(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("GXLINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GXLINT_CACHE_DIR", raising=False)
    (tmp_path / "gxlint.toml").write_text('select = ["GX1"]\n', encoding="utf-8")
    sub = tmp_path / "reports"
    sub.mkdir()
    shutil.copy(SEEDS["changde"], sub / "a.txt")
    monkeypatch.chdir(sub)
    main(["a.txt"])
    assert cache_files(tmp_path / ".gxlint_cache")  # beside the configuration file
    (tmp_path / "gxlint.toml").write_text('select = ["GX1"]\ncache-dir = "build/lint-cache"\n', encoding="utf-8")
    main(["a.txt"])
    assert cache_files(tmp_path / "build" / "lint-cache")  # relative to the configuration file
    monkeypatch.setenv("GXLINT_CACHE_DIR", str(tmp_path / "from-env"))
    main(["a.txt"])
    assert cache_files(tmp_path / "from-env")
    main(["--cache-dir", "here", "a.txt"])
    assert cache_files(sub / "here")  # the command line wins, relative to the current directory
    monkeypatch.setenv("GXLINT_NO_CACHE", "1")
    shutil.rmtree(sub / "here")
    main(["--cache-dir", "here", "a.txt"])
    assert not (sub / "here").exists()
    monkeypatch.delenv("GXLINT_NO_CACHE")
    (tmp_path / "gxlint.toml").write_text('select = ["GX1"]\ncache = false\n', encoding="utf-8")
    main(["--cache-dir", "here", "a.txt"])
    assert not (sub / "here").exists()
    capsys.readouterr()
    assert cache_directory(Settings()) == os.path.join(os.getcwd(), ".gxlint_cache")


def test_old_cache_files_are_pruned(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    for index in range(12):
        (directory / f"old{index:02}.cache").write_bytes(b"x")
        os.utime(directory / f"old{index:02}.cache", ns=(index * 10**9, index * 10**9))
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n", encoding="utf-8")
    store = ResultCache(str(directory), "new")
    store.lookup(str(report))
    store.store(FileResult(str(report), []))
    store.save()
    left = sorted(p.name for p in directory.glob("*.cache"))
    assert len(left) == cache_module.KEEP_FILES and "new.cache" in left and "old11.cache" in left and "old00.cache" not in left


def test_an_edited_plugin_or_gxlint_file_changes_the_key(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "rules.py").write_text("X = 1\n", encoding="utf-8")
    before = cache_module._stamp_tree(str(package))
    (package / "rules.py").write_text("X = 22\n", encoding="utf-8")
    assert cache_module._stamp_tree(str(package)) != before
    stamps = dict(cache_module._code_stamp(load()))
    assert stamps["gxlint"] and stamps["gxlint_rules"]  # the rules' package is found from its classes


@pytest.mark.parametrize(
    "path",
    ["a.txt", "./a.txt", "b/../a.txt", "/x//y/z.txt", "//a.txt", "../q/r.txt", "d/e/", "d/.", "d/..", "a/./b.txt", "/", ".", "reports//x.txt"],
)
def test_entries_are_keyed_by_the_absolute_path(tmp_path, path):
    assert ResultCache(str(tmp_path / "cache"), "k")._absolute(path) == os.path.abspath(path)


def test_a_file_over_the_size_cap_is_never_read_from_the_cache(tmp_path, monkeypatch):
    report = tmp_path / "r.txt"
    report.write_text("一、总体情况\n" * 100, encoding="utf-8")
    store = ResultCache(str(tmp_path / "cache"), "k", max_file_mb=0.0001)
    assert store.lookup(str(report)) is None and not store._pending
    unlimited = ResultCache(str(tmp_path / "cache"), "k", max_file_mb=0)
    assert unlimited.lookup(str(report)) is None and str(report) in unlimited._pending


def _stored(tmp_path, names: list[str]) -> ResultCache:
    """A saved cache holding one finding for each of ``names`` (written under tmp_path)."""
    store = ResultCache(str(tmp_path / "cache"), "k")
    for name in names:
        path = str(tmp_path / name)
        (tmp_path / name).write_text(f"一、{name}\n", encoding="utf-8")
        store.lookup(path)
        store.store(FileResult(path, [Diagnostic("GX501", "n", Severity.INFO, name, path=path)], facts={"GX220": {"n": name}}))
    store.save()
    return ResultCache(str(tmp_path / "cache"), "k")


@pytest.mark.parametrize("apart", [False, True])
def test_looking_up_many_files_answers_as_looking_up_each(tmp_path, monkeypatch, apart):
    monkeypatch.setattr(cache_module, "MEASURE_APART", 1 if apart else 10**9)
    _stored(tmp_path, ["a.txt", "b.txt", "c.txt"])
    (tmp_path / "b.txt").write_text("一、changed\n", encoding="utf-8")
    (tmp_path / "d.txt").write_text("一、new\n", encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt", "d.txt", "gone.txt")] + [str(tmp_path)]
    many = ResultCache(str(tmp_path / "cache"), "k")
    each = ResultCache(str(tmp_path / "cache"), "k")
    together = many.lookup_all(paths)
    one_by_one = [each.lookup(path) for path in paths]
    assert [r is not None for r in together] == [True, False, True, False, False, False]
    assert together == one_by_one
    assert many._pending == each._pending and many._new == each._new and many.hits == each.hits == 2


@pytest.mark.parametrize("failure", ["no-fork", "child-died"])
def test_files_are_measured_here_when_no_child_answers(tmp_path, monkeypatch, failure):
    monkeypatch.setattr(cache_module, "MEASURE_APART", 1)
    if failure == "no-fork":
        def refuse():
            raise OSError(11, "Resource temporarily unavailable")

        monkeypatch.setattr(cache_module.os, "fork", refuse)
    else:
        monkeypatch.setattr(cache_module, "_measure", _dies_in_child(cache_module._measure))
    _stored(tmp_path, ["a.txt", "b.txt"])
    store = ResultCache(str(tmp_path / "cache"), "k")
    found = store.lookup_all([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")])
    assert [r.diagnostics[0].message for r in found] == ["a.txt", "b.txt"] and store.hits == 2


def _dies_in_child(measure):
    parent = os.getpid()

    def measure_or_die(*args):
        if os.getpid() != parent:
            os._exit(3)
        return measure(*args)

    return measure_or_die
