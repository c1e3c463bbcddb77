"""A real browser for the tests: the system's Chromium (Debian's `chromium` and `chromium-driver`,
which `.ci/run` installs) driven headless by Selenium.

Where no Chromium is installed the browser tests are skipped — unless FACTCHECK_BROWSER_TESTS is
"required" (as `.ci/run` sets it), where a missing browser fails them: CI cannot pass without
having looked at the page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REQUIRED = os.environ.get("FACTCHECK_BROWSER_TESTS") == "required"
# Flags for a machine with a closed network and no display: without the background-networking ones
# Chromium keeps trying to reach Google's hosts.
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-device-scale-factor=1")


def _find(names: tuple[str, ...], variable: str) -> str | None:
    given = os.environ.get(variable)
    if given:
        return given
    return next((path for name in names if (path := shutil.which(name))), None)


def executables() -> tuple[str, str]:
    """(Chromium, ChromeDriver), or skip — or fail, where the browser tests are required."""
    browser = _find(("chromium", "chromium-browser", "google-chrome"), "FACTCHECK_CHROMIUM")
    driver = _find(("chromedriver",), "FACTCHECK_CHROMEDRIVER")
    if browser and driver:
        return browser, driver
    missing = "Chromium" if not browser else "ChromeDriver"
    message = f"{missing} is not installed (apt-get install chromium chromium-driver)"
    if REQUIRED:
        pytest.fail(message + "; FACTCHECK_BROWSER_TESTS=required")
    pytest.skip(message)


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium window of the given size, its console messages kept."""
    browser, driver_path = executables()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    with tempfile.TemporaryDirectory(prefix="factcheck-chromium-") as profile:
        for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def console_errors(driver: Any) -> list[str]:
    """What the page wrote to the console at the SEVERE level (errors, refused requests, CSP)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def screenshot(driver: Any, path: Path, width: int = 1280) -> None:
    """The whole page at `width` pixels, as PNG (Chromium's own capture beyond the window)."""
    import base64

    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
