"""The committed stubs (resume_engine/__init__.pyi) match the compiled module:
the same public names, classes with the same bases and methods, and the same
parameters (names, kinds and defaults)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import resume_engine
from resume_engine import _native

STUB = Path(__file__).resolve().parents[1] / "python" / "resume_engine" / "__init__.pyi"
TREE = ast.parse(STUB.read_text())


def public(name: str) -> bool:
    return not name.startswith("_") or name in ("__version__", "__init__", "__getattr__", "__getitem__", "__contains__")


def stub_names() -> set[str]:
    names = set()
    for node in TREE.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_") or n == "__version__"}


def stub_classes() -> dict[str, ast.ClassDef]:
    return {node.name: node for node in TREE.body if isinstance(node, ast.ClassDef)}


def stub_params(function: ast.FunctionDef) -> list[tuple[str, str, object]]:
    """(name, kind, default) of each parameter, self/cls left out."""
    args = function.args
    positional = args.posonlyargs + args.args
    defaults = [inspect.Parameter.empty] * (len(positional) - len(args.defaults)) + [
        ast.literal_eval(d) for d in args.defaults
    ]
    params = [(a.arg, "positional", d) for a, d in zip(positional, defaults)]
    params += [
        (a.arg, "keyword", inspect.Parameter.empty if d is None else ast.literal_eval(d))
        for a, d in zip(args.kwonlyargs, args.kw_defaults)
    ]
    return [p for p in params if p[0] not in ("self", "cls")]


def runtime_params(obj) -> list[tuple[str, str, object]]:
    kinds = {
        inspect.Parameter.POSITIONAL_ONLY: "positional",
        inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
        inspect.Parameter.KEYWORD_ONLY: "keyword",
    }
    signature = inspect.signature(obj)
    return [
        (p.name, kinds.get(p.kind, str(p.kind)), p.default)
        for p in signature.parameters.values()
        if p.name not in ("self", "cls", "$self", "$cls")
    ]


def test_public_names_match() -> None:
    runtime = {n for n in dir(_native) if not n.startswith("_") or n == "__version__"}
    assert stub_names() == runtime
    assert stub_names() == set(resume_engine.__all__)


def test_classes_match() -> None:
    for name, node in stub_classes().items():
        cls = getattr(resume_engine, name)
        bases = [ast.unparse(b) for b in node.bases]
        assert [b.__name__ for b in cls.__bases__] == (bases or ["object"]), name
        stub_members = {
            n.name: n for n in node.body if isinstance(n, ast.FunctionDef) and public(n.name)
        }
        runtime_members = {n for n in vars(cls) if public(n) and not n.startswith("__")}
        stub_plain = {n for n in stub_members if not n.startswith("__")}
        if not issubclass(cls, BaseException):
            assert stub_plain == runtime_members, name
        for member, function in stub_members.items():
            if member == "__init__":
                assert stub_params(function) == runtime_params(cls), name
                continue
            if member == "__getattr__":
                # pyo3 implements it in the type's attribute slot.
                assert cls.__getattribute__ is not object.__getattribute__, name
                continue
            assert hasattr(cls, member), f"{name}.{member}"
            attribute = inspect.getattr_static(cls, member)
            if inspect.isdatadescriptor(attribute):
                assert any(
                    isinstance(d, ast.Name) and d.id == "property" for d in function.decorator_list
                ), f"{name}.{member} is a property"
                continue
            if member.startswith("__"):
                continue
            assert stub_params(function) == runtime_params(getattr(cls, member)), f"{name}.{member}"


def test_functions_match() -> None:
    for node in TREE.body:
        if isinstance(node, ast.FunctionDef):
            assert stub_params(node) == runtime_params(getattr(resume_engine, node.name)), node.name
