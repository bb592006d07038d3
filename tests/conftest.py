"""Shared fixtures: the seed reports copied into tests/fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEEDS = {
    "changde": FIXTURES / "000_914a51cc45050283.txt",
    "suining": FIXTURES / "001_21879049c23c2b1b.txt",
    "xunyang": FIXTURES / "002_b54cefeabe47dc2c.txt",
    "jiangyin": FIXTURES / "003_29ee9dc1e7e5be07.txt",
    "hedong": FIXTURES / "004_fab7716f6461393b.txt",
}
PEER = FIXTURES / "peer"


@pytest.fixture(scope="session")
def seeds() -> dict[str, Path]:
    return SEEDS


@pytest.fixture(autouse=True, scope="session")
def _cache_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory):
    """Runs of the CLI in tests keep their result cache in a temporary directory, not in the checkout.

    Tests of the cache itself set or clear these variables for their own runs.
    """
    patch = pytest.MonkeyPatch()
    patch.setenv("GXLINT_CACHE_DIR", str(tmp_path_factory.mktemp("gxlint-cache")))
    yield
    patch.undo()
