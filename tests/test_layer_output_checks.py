"""The host trusts nothing a layer returns, and names the layer in every complaint."""

import pytest

from tei_annotate import Annotation, Entry, LayerError, Node, Option, OptionError, annotate

from .helpers import LayerPlugin, static_layer

TEXT = "Title\n\nAlice met Bob in Paris.\n"


def run(host, *layers, want=None, **kw):
    host.register(LayerPlugin(*layers))
    return annotate(TEXT, want or [layers[-1].name], host=host, **kw)


def test_span_outside_the_text_is_refused_naming_layer_and_document(host):
    with pytest.raises(
        LayerError, match=r"layer 'bad' \(plugin 'LayerPlugin'\) on <string>: span 5..999"
    ):
        run(host, static_layer("bad", [Annotation(5, 999, "seg")]))


def test_empty_span_is_refused(host):
    with pytest.raises(LayerError, match="empty or outside"):
        run(host, static_layer("bad", [Annotation(7, 7, "seg")]))


def test_element_the_layer_did_not_declare_is_refused(host):
    layer = static_layer("bad", [Annotation(7, 12, "persName")], produces=["seg"])
    with pytest.raises(
        LayerError, match=r"element 'persName' is not among those it declares \(seg\)"
    ):
        run(host, layer)


def test_pointer_to_an_unknown_id_is_refused(host):
    with pytest.raises(LayerError, match="@ref points at 'pers.ghost'"):
        run(host, static_layer("bad", [Annotation(7, 12, "persName", links={"ref": "pers.ghost"})]))


def test_pointer_into_a_layer_not_required_is_refused(host):
    owner = static_layer("owner", [Entry("pers.alice", "person", [Node("persName", text="Alice")])])
    user = static_layer("user", [Annotation(7, 12, "persName", links={"ref": "pers.alice"})])
    with pytest.raises(LayerError, match="neither this layer nor the layers it requires"):
        run(host, owner, user, want=["owner", "user"])


def test_pointer_into_a_required_layer_is_accepted(host):
    owner = static_layer("owner", [Entry("pers.alice", "person", [Node("persName", text="Alice")])])
    user = static_layer(
        "user", [Annotation(7, 12, "persName", links={"ref": "pers.alice"})], requires=["owner"]
    )
    result = run(host, owner, user)
    assert [a.layer for a in result.annotations] == ["user"]


def test_duplicate_id_is_refused_naming_the_first_owner(host):
    first = static_layer("first", [Annotation(7, 12, "seg", id="x1")])
    second = static_layer("second", [Annotation(17, 20, "seg", id="x1")], requires=["first"])
    with pytest.raises(LayerError, match="id 'x1' is already used by 'first'"):
        run(host, first, second)


def test_id_clashing_with_a_block_id_is_refused(host):
    with pytest.raises(LayerError, match="id 'p1' is already used by 'core'"):
        run(host, static_layer("bad", [Annotation(7, 12, "seg", id="p1")]))


def test_annotation_claiming_another_layer_is_refused(host):
    with pytest.raises(LayerError, match="claims layer 'other'"):
        run(host, static_layer("bad", [Annotation(7, 12, "seg", layer="other")]))


def test_reserved_attribute_is_refused(host):
    with pytest.raises(LayerError, match="'resp' is invalid or reserved"):
        run(host, static_layer("bad", [Annotation(7, 12, "seg", {"resp": "#me"})]))


def test_control_character_in_an_attribute_is_refused(host):
    with pytest.raises(LayerError, match="U\\+0007"):
        run(host, static_layer("bad", [Annotation(7, 12, "seg", {"type": "a\x07"})]))


def test_category_without_taxonomy_group_is_refused(host):
    entry = Entry("c.x", "category", [Node("catDesc", text="x")])
    with pytest.raises(LayerError, match="needs a taxonomy id"):
        run(host, static_layer("bad", [entry]))


def test_something_not_an_annotation_is_refused(host):
    with pytest.raises(LayerError, match="not an Annotation or Entry"):
        run(host, static_layer("bad", lambda doc, ctx: ["oops"], produces=["seg"]))


def test_exception_inside_a_layer_names_layer_and_document(host):
    def boom(doc, ctx):
        raise ZeroDivisionError("division by zero")

    with pytest.raises(
        LayerError,
        match=r"layer 'bad' \(plugin 'LayerPlugin'\) failed on <string>: ZeroDivisionError",
    ):
        run(host, static_layer("bad", boom, produces=["seg"]))


def test_layer_reads_the_results_of_the_layers_it_requires(host):
    seen = {}

    def reader(doc, ctx):
        seen["ann"] = ctx.results["owner"].annotations
        return []

    owner = static_layer("owner", [Annotation(7, 12, "seg")])
    run(host, owner, static_layer("reader", reader, requires=["owner"], produces=[]))
    assert [(a.start, a.end, a.layer) for a in seen["ann"]] == [(7, 12, "owner")]


def test_options_are_typed_with_defaults(host):
    seen = {}

    def reader(doc, ctx):
        seen.update(ctx.options)
        return []

    layer = static_layer(
        "opt", reader, produces=[], options=(Option("n", int, 3), Option("flag", bool, False))
    )
    run(host, layer, options={"opt": {"flag": "yes"}})
    assert seen == {"n": 3, "flag": True}


def test_ill_typed_option_is_refused_in_one_line(host):
    layer = static_layer("opt", [], produces=[], options=(Option("n", int, 3),))
    with pytest.raises(OptionError, match=r"option opt.n expects int, got 'many'"):
        run(host, layer, options={"opt": {"n": "many"}})


def test_unknown_option_lists_the_valid_ones(host):
    layer = static_layer("opt", [], produces=[], options=(Option("n", int, 3),))
    with pytest.raises(OptionError, match=r"has no option 'm' \(its options: n\)"):
        run(host, layer, options={"opt": {"m": "1"}})


@pytest.mark.parametrize(
    ("item", "complaint"),
    [
        (Annotation(7, 12, "seg", attrs={"n": "a\x01"}), "attribute 'n' holds U\\+0001"),
        (Annotation(7, 12, "seg", attrs={"a b": "1"}), "attribute name 'a b' is invalid"),
        (
            Entry("pers.al", "person", [Node("persName", text="Al\x02")]),
            "holds a control character",
        ),
        (
            Entry("pers.al", "person", [Node("bad name", text="Al")]),
            "header element name 'bad name'",
        ),
        (
            Entry("pers.al", "person", [Node("persName", {"n": "\x03"})]),
            "attribute 'n' holds U\\+0003",
        ),
    ],
)
def test_an_invalid_value_is_refused_on_every_document_not_only_the_first(host, item, complaint):
    # Values found valid are remembered across documents; one found invalid must never be.
    host.register(LayerPlugin(static_layer("bad", [item], produces=["seg", "person"])))
    for _ in range(2):
        with pytest.raises(LayerError, match=complaint):
            annotate(TEXT, ["bad"], host=host)


def test_a_valid_value_seen_before_is_accepted_again(host):
    item = Entry("pers.al", "person", [Node("persName", {"type": "full"}, text="Alice")])
    host.register(LayerPlugin(static_layer("good", [item], produces=["person"])))
    first, second = (annotate(TEXT, ["good"], host=host).render("tei") for _ in range(2))
    assert first == second and b'<persName type="full">Alice</persName>' in first
