"""The ``html`` page as a file: self-contained, lossless per block, every annotation present."""

from __future__ import annotations

import json

import pytest
from lxml import html

import tei_annotate_formats
from tei_annotate import Annotation, annotate, make_host

from .contract_layers import contract_result
from .helpers import LayerPlugin, static_layer


@pytest.fixture(scope="module")
def page():  # type: ignore[no-untyped-def]
    result, host = contract_result()
    data = result.render("html", host)
    return result, data, html.fromstring(data)


def test_html_needs_no_network(page):
    _, data, tree = page
    assert not tree.xpath("//@src | //link | //@href | //iframe | //object | //img")
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and csp[0].startswith("default-src 'none'")
    assert b"http://" not in data and b"https://" not in data


def test_html_blocks_keep_the_source_text(page):
    result, _, tree = page
    for block in result.document.blocks:
        (el,) = tree.xpath(f"//*[@id='{block.id}']")
        assert el.text_content() == result.document.block_text(block)


def test_html_shows_every_annotation_with_its_text(page):
    result, _, tree = page
    text = result.document.text
    for i, a in enumerate(result.annotations):
        pieces = tree.xpath(f"//span[@data-a='{i}']")
        expected = "".join(
            text[max(a.start, b.start) : min(a.end, b.end)] for b in result.document.blocks
        )
        assert "".join(p.text_content() for p in pieces) == expected
        assert pieces[0].get("data-layer") == a.layer


def test_html_has_a_toggle_per_layer_and_the_registry(page):
    result, _, tree = page
    assert tree.xpath("//input[@type='checkbox']/@data-layer") == [
        lay.name for lay in result.layers
    ]
    assert set(tree.xpath("//button[@class]/@data-entry")) == {e.id for e in result.entries}
    speakers = tree.xpath("//section[@id='speech']//b[@class='speaker']/text()")
    assert speakers == ["Vladimir Putin"]


def test_html_numbers_carry_their_values_on_hover(page):
    _, _, tree = page
    titles = tree.xpath("//span[contains(@class, 'E-num')]/@title")
    assert "num type=percentage value=3.5" in titles


def test_html_text_that_looks_like_markup_stays_text():
    result, host = contract_result(
        'Title </script><!-- "x" & y\n\nPutin said “</script>”.\n', ["actors", "quotes"]
    )
    data = result.render("html", host)
    tree = html.fromstring(data)
    assert tree.xpath("//h1")[0].text_content() == 'Title </script><!-- "x" & y'
    payload = json.loads(tree.xpath("//script[@id='tei-data']")[0].text)
    assert payload["annotations"][-1]["text"] == "“</script>”"


def test_html_without_layers_still_shows_the_article():
    result, host = contract_result("Title\n\nBody.\n", [])
    tree = html.fromstring(result.render("html", host))
    assert [p.text_content() for p in tree.xpath("//article//p")] == ["Body."]


def test_html_categories_show_their_short_name_and_description(page):
    _, _, tree = page
    (button,) = tree.xpath("//button[@data-entry='hedge.epistemic']")
    assert button.text_content() == "epistemic"
    assert button.getparent().xpath(".//small[@class='details']/text()") == ["epistemic hedge"]


def test_html_lists_unattributed_and_reported_speech():
    said = Annotation(7, 12, "said", attrs={"direct": "false"})
    host = make_host(
        load_entrypoints=False,
        plugins=[tei_annotate_formats, LayerPlugin(static_layer("speech", [said]))],
    )
    result = annotate("Title\n\nHello world.\n", ["speech"], host=host)
    (item,) = html.fromstring(result.render("html", host)).xpath("//section[@id='speech']//li")
    assert item.text_content() == "unattributed (reported): Hello"
