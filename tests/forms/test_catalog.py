"""Both shipped catalogs load, and every condition in them names a field that exists."""

import pytest

from autofiler.forms import conditions, generations, load


def test_both_generations_ship():
    assert {"sop-2020", "live-2026"} <= set(generations())


def test_unknown_generation_names_the_known_ones():
    with pytest.raises(KeyError, match="live-2026"):
        load("live-2099")


def _conditions(form):
    for mod in form.modules:
        if mod.visible_if:
            yield mod.key, mod.visible_if

        def walk(fields):
            for f in fields:
                for expr in (f.visible_if, f.required if isinstance(f.required, str) else None,
                             f.twin.visible_if if f.twin else None):
                    if expr:
                        yield f.key, expr
                yield from walk(f.children)
        yield from walk(mod.fields)


@pytest.mark.parametrize("generation", ["sop-2020", "live-2026"])
def test_every_condition_names_a_known_field(generation):
    form = load(generation)
    for where, expr in _conditions(form):
        for name in conditions.fields_of(expr):
            group, _, column = name.partition(".")
            found = form.find(group)
            assert found is not None, f"{where}: {expr} names {group}"
            if column:
                assert found.column(column) is not None, f"{where}: {expr} names {name}"


def test_live_form_has_nine_tabs_in_order():
    form = load("live-2026")
    assert [m.tab for m in form.modules] == [f"#tab{i}" for i in range(9)]
    assert form.modules[0].label == "研究类别"
    assert form.find("research_title").twin.key == "research_title_en"
    assert form.owner("research_title_en").key == "basic_info"


def test_keys_are_unique_across_a_form():
    for generation in generations():
        seen = set()
        for mod in load(generation).modules:
            for f in mod.controls():
                assert f.key not in seen, f"{generation}: {f.key} twice"
                seen.add(f.key)
