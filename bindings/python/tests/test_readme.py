"""The Python quick starts run as written: the package's README and the
repository's."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
ROOT = README.parents[2]
READMES = [README, ROOT / "README.md"]
BLOCKS = [
    (readme, code)
    for readme in READMES
    for code in re.findall(r"```python\n(.*?)```", readme.read_text(), flags=re.S)
]


@pytest.mark.parametrize("readme", READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_readme_has_python_blocks(readme: Path) -> None:
    assert re.search(r"```python\n", readme.read_text()), f"{readme} has no ```python blocks"


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_block_runs(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The quick starts read fixtures/ relative to the repository root.
    monkeypatch.chdir(ROOT)
    readme, code = BLOCKS[index]
    namespace: dict = {"__name__": f"readme_block_{index}"}
    exec(compile(code, f"{readme.name}[python block {index}]", "exec"), namespace)  # noqa: S102
