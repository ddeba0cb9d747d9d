import attrs

from tei_annotate import Annotation, Entry, Node


def test_stamped_copy_equals_evolve_for_every_field():
    a = Annotation(1, 3, "seg", {"b": "1", "a": "2"}, id="x", links={"ref": "y"}, cert="high")
    assert a.stamped("layer") == attrs.evolve(a, layer="layer")
    assert attrs.fields(Annotation)[-1].name == "layer"  # what the copy relies on


def test_stamped_entry_equals_evolve_for_every_field():
    e = Entry("pers.x", "person", [Node("persName", text="X")], {"a": "1"}, {"sameAs": "y"}, "g")
    assert e.stamped("layer") == attrs.evolve(e, layer="layer")
    assert attrs.fields(Entry)[-1].name == "layer"


def test_attributes_and_links_are_normalised_and_hashable():
    a = Annotation(0, 1, "seg", {"z": 1, "a": True}, links={"ref": "#p"})
    assert a.attrs == (("a", "true"), ("z", "1"))
    assert a.link("ref") == ("p",)
    assert hash(a) == hash(Annotation(0, 1, "seg", {"a": "true", "z": "1"}, links={"ref": ["p"]}))


def test_link_reads_one_pointer_and_the_last_of_a_repeated_name():
    a = Annotation(0, 1, "seg", links=[("who", "p"), ("ref", "#a"), ("ref", ["b", "c"])])
    assert a.link("who") == ("p",)
    assert a.link("ref") == dict(a.links)["ref"] == ("b", "c")
    assert a.link("ana") == ()


def test_attribute_and_pointer_values_are_converted_to_strings_whatever_their_form():
    a = Annotation(0, 1, "seg", {"n": 2.0, "full": False}, links={"ref": ("#x", 3)})
    assert a.attrs == (("full", "false"), ("n", "2"))
    assert a.links == (("ref", ("x", "3")),)
    assert Annotation(0, 1, "seg", {"n": 2.5}).attrs == (("n", "2.5"),)
    assert Annotation(0, 1, "seg", [("b", "1"), ("a", "2")]).attrs == (("a", "2"), ("b", "1"))
