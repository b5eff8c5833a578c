"""Playwright against the Odoo server that ./thads test starts on the tested
database (THADS_URL).  Debian's Chromium, headless; screenshots of the key
screens go to docs/screenshots (THADS_SCREENSHOTS)."""
import os
import re

import pytest
from playwright.sync_api import sync_playwright

URL = os.environ.get('THADS_URL', 'http://127.0.0.1:8069')
SHOTS = os.environ.get('THADS_SCREENSHOTS')
PASSWORD = 'Thads@2026'
CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
                 '--disable-background-networking', '--disable-component-update', '--disable-sync',
                 '--disable-dev-shm-usage']


@pytest.fixture(scope='session')
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get('CHROMIUM', '/usr/bin/chromium'),
                                             args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={'width': 1400, 'height': 900}, locale='vi-VN')
    page = context.new_page()
    page.set_default_timeout(60000)
    errors = []
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    context.close()
    assert not errors, 'JavaScript errors: %s' % errors


def login(page, user, password=PASSWORD):
    page.goto(URL + '/web/login')
    page.fill('input[name=login]', user)
    page.fill('input[name=password]', password)
    page.click('button[type=submit]')
    page.wait_for_selector('#oe_main_menu_navbar')


def open_action(page, xmlid):
    page.goto(URL + '/web#action=' + xmlid)
    page.wait_for_selector('.o_control_panel .breadcrumb')


def shot(page, name):
    if SHOTS:
        os.makedirs(SHOTS, exist_ok=True)
        page.screenshot(path=os.path.join(SHOTS, name + '.png'))


def wait_text(page, selector, text):
    page.wait_for_selector('%s:has-text("%s")' % (selector, text))


def slug(text):
    return re.sub(r'\W+', '_', text).strip('_').lower()
