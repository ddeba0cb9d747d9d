import attrs

from tei_annotate import Annotation, Entry, Node, model


def test_stamped_copy_equals_evolve_for_every_field():
    a = Annotation(1, 3, "seg", {"b": "1", "a": "2"}, id="x", links={"ref": "y"}, cert="high")
    assert a.stamped("layer") == attrs.evolve(a, layer="layer")
    assert [f.name for f in attrs.fields(Annotation)] == [*model._ANNOTATION_FIELDS, "layer"]


def test_stamped_entry_equals_evolve_for_every_field():
    e = Entry("pers.x", "person", [Node("persName", text="X")], {"a": "1"}, {"sameAs": "y"}, "g")
    assert e.stamped("layer") == attrs.evolve(e, layer="layer")
    assert [f.name for f in attrs.fields(Entry)] == [*model._ENTRY_FIELDS, "layer"]


def test_attributes_and_links_are_normalised_and_hashable():
    a = Annotation(0, 1, "seg", {"z": 1, "a": True}, links={"ref": "#p"})
    assert a.attrs == (("a", "true"), ("z", "1"))
    assert a.link("ref") == ("p",)
    assert hash(a) == hash(Annotation(0, 1, "seg", {"a": "true", "z": "1"}, links={"ref": ["p"]}))
