"""The ``html`` page in a real headless Chromium: it renders, toggles and lights up mentions.

Runs in ``tox -e browser`` (which installs Debian's chromium and chromium-driver
where it can); skips, saying why, only where Chromium is not installed.  A
screenshot is kept in ``test-artifacts/``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..contract_layers import contract_result

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)

webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is missing: run tox -e browser"
)
if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
    pytest.skip(
        "Chromium is not installed here (needs Debian's chromium and chromium-driver; "
        ".ci/ensure-chromium installs them when run as root)",
        allow_module_level=True,
    )

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

TRANSPARENT = "rgba(0, 0, 0, 0)"


@pytest.fixture(scope="module")
def browser(tmp_path_factory):  # type: ignore[no-untyped-def]
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(CHROMEDRIVER))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):  # type: ignore[no-untyped-def]
    result, host = contract_result()
    path = tmp_path_factory.mktemp("page") / "article.html"
    path.write_bytes(result.render("html", host))
    browser.get(path.as_uri())
    return browser, result


def _background(driver, element) -> str:  # type: ignore[no-untyped-def]
    return str(
        driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", element)
    )


def test_page_renders_every_block_without_errors_or_fetches(page):
    driver, result = page
    blocks = driver.find_elements(By.CSS_SELECTOR, "#article .block")
    assert [b.text for b in blocks] == [
        result.document.block_text(b).strip() for b in result.document.blocks
    ]
    assert driver.find_elements(By.CSS_SELECTOR, ".a")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_page_layer_toggle_hides_and_shows_its_highlights(page):
    driver, _ = page
    num = driver.find_element(By.CSS_SELECTOR, ".a.L-numbers")
    name = driver.find_element(By.CSS_SELECTOR, ".a.L-actors")
    assert _background(driver, num) != TRANSPARENT
    toggle = driver.find_element(By.CSS_SELECTOR, "#legend input[data-layer=numbers]")
    toggle.click()
    assert _background(driver, num) == TRANSPARENT
    assert _background(driver, name) != TRANSPARENT  # other layers stay
    toggle.click()
    assert _background(driver, num) != TRANSPARENT


def test_page_entry_click_lights_up_its_mentions_only(page):
    driver, result = page
    button = driver.find_element(By.CSS_SELECTOR, "button.entry[data-entry='pers.putin']")
    button.click()
    lit = driver.find_elements(By.CSS_SELECTOR, ".a.lit")
    linked = {
        i
        for i, a in enumerate(result.annotations)
        if "pers.putin" in {t for _, ts in a.links for t in ts}
    }
    assert lit and {int(e.get_attribute("data-a")) for e in lit} == linked
    assert button.get_attribute("aria-pressed") == "true"
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "html-page.png"))
    button.click()
    assert driver.find_elements(By.CSS_SELECTOR, ".a.lit") == []


def test_page_hover_shows_a_number_value(page):
    driver, _ = page
    num = next(
        e for e in driver.find_elements(By.CSS_SELECTOR, ".a.E-num") if e.text == "3.5 per cent"
    )
    ActionChains(driver).move_to_element(num).perform()
    detail = driver.find_element(By.ID, "detail").text
    assert "value=3.5" in detail and "quotes: said" in detail  # the number lies inside a quote


def test_seed_page_with_installed_layers_renders_and_toggles(browser, seed_text, tmp_path):
    from tei_annotate import annotate, make_host

    host = make_host()
    result = annotate(seed_text, sorted(host.layers), name="seed.txt", host=host)
    path = tmp_path / "seed.html"
    path.write_bytes(result.render("html", host))
    browser.get(path.as_uri())
    boxes = browser.find_elements(By.CSS_SELECTOR, "#legend input[data-layer]")
    assert [b.get_attribute("data-layer") for b in boxes] == [lay.name for lay in result.layers]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#article .block")) == len(
        result.document.blocks
    )
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "seed-page.png"))
    for box in boxes:  # every layer off: no highlight keeps a background
        box.click()
    backgrounds = browser.execute_script(
        "return Array.from(document.querySelectorAll('.a'), e => getComputedStyle(e).backgroundColor)"
    )
    assert set(backgrounds) <= {TRANSPARENT}
