"""How a grader says no: one teaching sentence, never a traceback wall."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TypeVar

# pytest's own "fail" outcome (pytest.fail.Exception, typed where pytest defines it); failing
# with pytrace=False prints just our sentence.
from _pytest.outcomes import Failed as _Failed

T = TypeVar("T")


class NotStarted(_Failed):
    """The learner's code still raises NotImplementedError: the kata is not started."""


class PollingDetected(BaseException):
    """Stops a learner's polling loop (asyncio.sleep called over and over); its text is the
    grader's sentence, shown as it is."""


def fail(message: str) -> NoReturn:
    """Fail the current check with one teaching sentence."""
    raise _Failed(message, pytrace=False) from None


def not_started(where: str) -> NoReturn:
    """Fail because the learner's stub still raises NotImplementedError."""
    raise NotStarted(
        f"not implemented yet: {where} still raises NotImplementedError. "
        "Open the file, read its docstring and write the code.",
        pytrace=False,
    ) from None


def expect(condition: object, message: str) -> None:
    """Fail with ``message`` unless ``condition`` is true."""
    if not condition:
        fail(message)


def _theirs(kind: type) -> bool:
    """True for a type defined in the code under grading (kata modules load as kata_*); or a
    class (not a type of the interpreter's own, such as NoneType) that is not where its
    ``__module__`` and ``__qualname__`` say (a class that claims to be ``builtins.list``), or
    whose own methods were compiled from a string or from a file outside the installed
    Python and the graders (a class placed in a real module, such as ``string.Yes``). Read
    through ``type``'s own descriptors: a metaclass may define those names to say anything."""
    module = str(_type_module(kind))
    if module.startswith("kata_"):
        return True
    if not _type_flags(kind) & _HEAP_TYPE:
        return False
    found: object = sys.modules.get(module)
    for part in str(_type_qualname(kind)).split("."):
        found = getattr(found, part, None)
    if found is not kind:
        return True
    for value in _type_dict(kind).values():
        code = getattr(getattr(value, "__func__", value), "__code__", None)
        filename = str(getattr(code, "co_filename", ""))
        if code is not None and not filename.startswith(_TRUSTED):
            return True
    return False


_type_module = type.__dict__["__module__"].__get__
_type_qualname = type.__dict__["__qualname__"].__get__
_type_flags = type.__dict__["__flags__"].__get__
_type_dict = type.__dict__["__dict__"].__get__
_type_mro = type.__dict__["__mro__"].__get__
_type_name = type.__dict__["__name__"].__get__
# Where the code of classes that are not the submission's lives: the installed Python (the
# standard library, pytest, aiohttp) and the graders with the kit.
_GRADERS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _roots(*folders: str) -> tuple[str, ...]:
    """Prefixes of the file names of code under ``folders``, as found and as resolved."""
    return tuple(
        {
            f"{as_named(root)}{os.sep}"
            for root in folders
            for as_named in (os.path.abspath, os.path.realpath)
        }
    )


GRADERS_CODE = _roots(_GRADERS)  # where the graders' and the kit's code lives
_TRUSTED = _roots(sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix, _GRADERS)
_HEAP_TYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: made by a class statement or type(), not by C


# The plain value of an int, float, str or bytes of a subclass: the base type's own
# conversion, which reads the stored value whatever the subclass overrides.
_SCALARS: tuple[tuple[type, Callable[[Any], Any]], ...] = (
    (int, int.__int__),
    (float, float.__float__),
    (str, str.__str__),
    (bytes, bytes.__bytes__),
)
_PLAIN_TYPES = (bool, int, float, complex, str, bytes, list, tuple, dict, set, frozenset)


def plain(value: T, what: str = "your code") -> T:
    """``value`` with every int, float, str or bytes of a subclass (whose ``__eq__``,
    ``__sub__``... may say anything) turned into the plain value it holds, looking into
    lists, tuples, sets and dicts (rebuilt as the plain types where anything in them
    changed; else ``value`` itself); other objects are kept. Fails for an object that
    claims to be of one of those types and is not (``__class__``, which ``isinstance``
    believes)."""
    return _plain(value, what, 0)[0]  # type: ignore[no-any-return]


def _plain(value: Any, what: str, depth: int) -> tuple[Any, bool]:
    """(the plain value, whether it differs from ``value``)."""
    kind = type(value)
    if kind in (bool, int, float, str, bytes, type(None)):
        return value, False
    try:
        claimed = value.__class__
    except Exception:  # noqa: BLE001 - a __class__ that raises is a lie too
        claimed = None
    if claimed is not kind and not any(base is claimed for base in _type_mro(kind)):
        # isinstance believes __class__: one naming a float subclass passed the grader's
        # `isinstance(value, float)`, then a subtraction that said anything (10/10, unflagged)
        name = _type_name(claimed) if issubclass(type(claimed), type) else type(claimed).__name__
        fail(
            f"{what} returned an object that claims to be a {name} "
            f"but is a {kind.__name__}: return plain values."
        )
    for base, convert in _SCALARS:
        if issubclass(kind, base):
            return convert(value), True
    if depth > 20:
        return value, False
    for container in (list, tuple, frozenset, set):
        if issubclass(kind, container):
            items = [_plain(v, what, depth + 1) for v in container.__iter__(value)]
            if kind is container and not any(changed for _, changed in items):
                return value, False
            return container(v for v, _ in items), True
    if issubclass(kind, dict):
        pairs = [
            (_plain(k, what, depth + 1), _plain(v, what, depth + 1)) for k, v in dict.items(value)
        ]
        if kind is dict and not any(k[1] or v[1] for k, v in pairs):
            return value, False
        return {k[0]: v[0] for k, v in pairs}, True
    liar = _own_equality(value, depth)
    if liar:
        # a grader's `result.value == [4.0, 2.0]` asks the object: one whose __eq__ said
        # yes passed two_sleepers' check that two calls at once each measure their own time
        fail(
            f"{what} returned a {liar} object whose == is its own code, not a plain "
            "value's: return plain values."
        )
    return value, False


_FUNCTION = type(plain)
_SLOTS = (type(object.__eq__), type(str.join))  # a C type's own comparison
_DATACLASS_EQ = ("__create_fn__.<locals>.__eq__", "__create_fn__.<locals>.__ne__")


def _own_equality(value: object, depth: int) -> str | None:
    """The name of the class whose ``__eq__`` or ``__ne__`` answers for ``value`` (or for a
    field of a dataclass it is) when that is neither a C type's own comparison nor Python
    code of the installed Python or the graders (nor one dataclasses wrote: its fields are
    looked at in turn); None when all is plain. Read through ``type``'s own descriptors."""
    if depth > 20:
        return None
    kind = type(value)
    for name in ("__eq__", "__ne__"):
        owner, found = kind, None
        for owner in _type_mro(kind):
            found = _type_dict(owner).get(name)
            if found is not None:
                break
        if found is None or not _type_flags(owner) & _HEAP_TYPE:
            continue  # object's own, an int's, a task's: C code the submission did not write
        if type(found) in _SLOTS and found.__objclass__ is owner:
            continue  # a C extension's class, its own slot (aiohttp's, multidict's)
        if type(found) is not _FUNCTION:
            return str(_type_name(kind))  # a partial, a builtin, a type: `__eq__ = len`
        code = found.__code__
        if code.co_filename.startswith(_TRUSTED):
            if _theirs(kind):  # a UserList of its own: what that __eq__ compares is its own
                return str(_type_name(kind))
            try:  # a UserList made as it is: its __eq__ compares what the object holds
                held = object.__getattribute__(value, "__dict__")
            except AttributeError:
                continue
            liar = _within(dict(held), depth + 1)
            if liar:
                return liar
            continue
        if code.co_filename != "<string>" or code.co_qualname not in _DATACLASS_EQ:
            return str(_type_name(kind))
        for field in set(code.co_names) - {"__class__", "NotImplemented"}:  # self.x, other.x
            if _descriptor(kind, field):
                return str(_type_name(kind))  # a property: one value now, another compared
            try:
                held = object.__getattribute__(value, field)
            except AttributeError:
                continue
            if type(held) in (bool, int, float, str, bytes, type(None)):
                continue
            liar = _own_equality(held, depth + 1) or _within(held, depth + 1)
            if liar:
                return liar
    return None


def _descriptor(kind: type, name: str) -> bool:
    """Whether ``name`` on ``kind`` is a descriptor other than a slot (a property runs code
    at each read)."""
    for owner in _type_mro(kind):
        found = _type_dict(owner).get(name)
        if found is not None:
            if type(found) is _MEMBER:
                return False
            return any("__get__" in _type_dict(t) for t in _type_mro(type(found)))
    return False


_MEMBER = type(type.__dict__["__weakrefoffset__"])  # a slot of __slots__ (member_descriptor)


def _within(value: Any, depth: int) -> str | None:
    """_own_equality of what a list, tuple, set or dict holds (a dataclass's field)."""
    if depth > 20:
        return None
    kind = type(value)
    items: list[object] = []
    for container in (list, tuple, frozenset, set):
        if issubclass(kind, container):
            items = list(container.__iter__(value))
    if issubclass(kind, dict):
        items = [*dict.keys(value), *dict.values(value)]
    for item in items:
        liar = _own_equality(item, depth + 1) or _within(item, depth + 1)
        if liar:
            return liar
    return None


def _impostor(actual: object, expected: object, depth: int = 0) -> str | None:
    """The name of a type the code under grading defined that stands where ``expected`` has
    a type it did not define (an object whose ``__eq__`` says yes to everything), looking
    into lists, tuples and dicts; None when there is none."""
    if depth > 20:
        return None
    kind = type(actual)
    if kind is not type(expected) and _theirs(kind) and not _theirs(type(expected)):
        return kind.__name__
    if isinstance(actual, list | tuple) and isinstance(expected, list | tuple):
        pairs = zip(actual, expected, strict=False)
        return next((n for a, e in pairs if (n := _impostor(a, e, depth + 1))), None)
    if isinstance(actual, dict) and isinstance(expected, dict):
        for key, value in actual.items():
            found = _impostor(value, expected[key], depth + 1) if key in expected else None
            if found:
                return found
    return None


def expect_equal(actual: object, expected: object, what: str, hint: str = "") -> None:
    """Fail with 'what was X, expected Y. hint' unless ``actual == expected``, compared by
    value and, for types the code under grading defined, by exact type (an object whose
    ``__eq__`` says yes to everything is not equal to a number)."""
    impostor = _impostor(actual, expected)
    if impostor:
        fail(
            f"{what} was a {impostor} object defined in your code; expected "
            f"{type(expected).__name__} {expected!r}. Return plain values."
        )
    actual = plain(actual, what)  # a subclass of a builtin type, wherever it says it is from
    if actual != expected:
        fail(f"{what} was {actual!r}; expected {expected!r}.{' ' + hint if hint else ''}")
