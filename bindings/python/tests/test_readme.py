"""The README's Python quick start runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)


def test_readme_has_python_blocks() -> None:
    assert BLOCKS, "README.md has no ```python blocks"


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The quick start reads fixtures/ relative to the repository root.
    monkeypatch.chdir(README.parents[2])
    namespace: dict = {"__name__": f"readme_block_{index}"}
    exec(compile(BLOCKS[index], f"README.md[python block {index}]", "exec"), namespace)  # noqa: S102
