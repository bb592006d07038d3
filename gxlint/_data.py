"""Data files shipped inside gxlint's packages (templates, lexicons, region tables).

``importlib.resources`` would do, but importing it pulls in ``pathlib``, ``tempfile``, ``shutil``,
``zipfile`` and ``urllib`` — about 20 ms on every run, more than reading every data file costs.
:func:`pkgutil.get_data` asks the package's own loader, so files inside a zip archive still work.
"""

from __future__ import annotations

import pkgutil


def read_text(package: str, name: str) -> str:
    """The UTF-8 text of ``name`` inside ``package``, newlines translated as in text mode."""
    data = pkgutil.get_data(package, name)
    if data is None:  # a loader that cannot read data files
        raise FileNotFoundError(f"{package}/{name}")
    text = data.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def load_toml(package: str, name: str) -> dict:
    """The parsed TOML file ``name`` inside ``package``."""
    from ._toml import toml

    return toml.loads(read_text(package, name))


__all__ = ["load_toml", "read_text"]
