"""The ``gxlint`` package's public names, loaded on first use."""

from __future__ import annotations

import subprocess
import sys

import pytest

import gxlint


def test_every_public_name_resolves_to_its_definition():
    from gxlint import diagnostics, hookspecs, model, rule

    homes = {"model": model, "diagnostics": diagnostics, "rule": rule, "hookspecs": hookspecs}
    for name in gxlint.__all__:
        if name == "__version__":
            continue
        assert getattr(gxlint, name) is getattr(homes[gxlint._EXPORTS[name]], name)
    assert set(gxlint.__all__) == {*gxlint._EXPORTS, "__version__"}
    assert set(gxlint.__all__) <= set(dir(gxlint))


def test_from_import_and_unknown_names():
    from gxlint import Rule, Severity, hookimpl

    assert Rule.code == "" and Severity.ERROR.value == "error" and callable(hookimpl)
    with pytest.raises(AttributeError):
        gxlint.NoSuchName  # noqa: B018
    with pytest.raises(ImportError):
        from gxlint import NoSuchName  # noqa: F401


@pytest.mark.parametrize("option", ["--version", "--help"])
def test_version_and_help_do_not_load_the_linter(option):
    code = (
        "import sys\n"
        "from gxlint.cli.main import main\n"
        f"assert main([{option!r}]) == 0\n"
        "loaded = {'pluggy', 'gxlint.model', 'gxlint.plugins', 'gxlint.cli.lint', 'gxlint_rules'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "gxlint" in done.stdout
