"""Every format keeps every annotation on its text, for any text the toy layers can mark."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html

from .clients import check_brat, check_standoff, check_xmi
from .contract_layers import contract_result

PIECES = (
    "Vladimir Putin",
    "President Anna Berg",
    "the European Commission",
    "Putin",
    "a diplomat",
    "said",
    "“",
    "”",
    "9 per cent",
    "3.5",
    "may",
    "clearly",
    "reportedly",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "😀",
    "<b>&amp;",
    "\x07",
    "\t",
)
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_formats_keep_every_annotation_on_its_text(text):
    result, host = contract_result(text)
    xmi, brat = host.format("xmi"), host.format("brat")
    assert xmi.companions is not None and brat.companions is not None
    check_xmi(xmi.render(result), xmi.companions(result)[".typesystem.xml"], result)
    check_brat(brat.render(result), brat.companions(result)[".txt"])
    check_standoff(result.render("tei", host), result.document.text)
    page = html.fromstring(result.render("html", host))
    for block in result.document.blocks:
        (el,) = page.xpath(f"//*[@id='{block.id}']")
        assert el.text_content() == result.document.block_text(block)
