"""The data model's frozen dataclasses built by a quicker __init__: same signature, same objects."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from newslint.diagnostics import (Applicability, Diagnostic, Edit, Finding, Fix, RecordRef, Severity, SourceEdit,
                                  SourceFix)
from newslint.document import Position, Span

CLASSES = (Edit, Fix, Finding, SourceEdit, SourceFix, RecordRef, Diagnostic)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_signature_is_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls).parameters.values())
    assert [(p.name, p.default) for p in params] == [
        (f.name, inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default)
        for f in dataclasses.fields(cls)]


def test_objects_are_the_same_by_position_keyword_and_default():
    span = Span(10, 14)
    fix = Fix("Delete the repeated word", (Edit(span, ""),))
    assert fix.applicability is Applicability.SAFE
    a = Finding(span, 'Repeated word "the"', fix)
    b = Finding(message='Repeated word "the"', span=span, fix=fix, suggestions=())
    assert a == b and hash(a) == hash(b) and a.suggestions == ()
    assert (a.span, a.message, a.fix) == (span, 'Repeated word "the"', fix)
    assert dataclasses.replace(a, message="x").message == "x" and a.message == 'Repeated word "the"'
    here = Position(3, 7)
    d = Diagnostic("story.txt", "DUP001", "repeated-word", Severity.WARNING, "m", here, here, 40, 44,
                   SourceFix("Delete", Applicability.SAFE, (SourceEdit(40, 44, "", here, here),)))
    assert d.plugin == "" and d.record is None and d.suggestions == ()
    assert pickle.loads(pickle.dumps(d)) == d
    with pytest.raises(TypeError):
        Finding(span)  # message is required
    with pytest.raises(TypeError):
        Finding(span, "m", None, (), "one too many")


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_still_frozen_and_slotted(cls):
    values = {f.name: None for f in dataclasses.fields(cls)}
    obj = cls(**values)
    first = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, first, 1)
    assert not hasattr(obj, "__dict__")
