"""These tests run on every database backend the application supports."""

from __future__ import annotations

import pytest

from tests.conftest import BACKENDS


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)
