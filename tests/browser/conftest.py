"""Playwright against the Odoo server that ./thads test starts on the tested
database (THADS_URL).  Debian's Chromium, headless; screenshots of the key
screens go to .state/screenshots (THADS_SCREENSHOTS); `./thads screenshots`
copies them into docs/screenshots on request, so a test run never rewrites tracked files."""
import os
import re

import pytest
from playwright.sync_api import sync_playwright

URL = os.environ.get('THADS_URL', 'http://127.0.0.1:8069')
SHOTS = os.environ.get('THADS_SCREENSHOTS')
FAILURES = os.environ.get('THADS_FAILURE_SCREENSHOTS')
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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    setattr(item, 'rep_' + outcome.get_result().when, outcome.get_result())


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={'width': 1400, 'height': 900}, locale='vi-VN')
    page = context.new_page()
    page.set_default_timeout(30000)
    errors = []
    page.on('pageerror', lambda exc: errors.append(str(exc)))
    page.js_errors = errors
    yield page
    failed = getattr(request.node, 'rep_call', None)
    if failed is not None and failed.failed and FAILURES:
        # what the browser showed when the test failed, for the developer
        os.makedirs(FAILURES, exist_ok=True)
        pages = [each for other in browser.contexts for each in other.pages]
        for number, each in enumerate(pages):
            try:
                each.screenshot(path=os.path.join(FAILURES, '%s-%d.png' % (request.node.name, number)))
            except Exception:  # noqa: BLE001 - a page closed meanwhile: nothing to show
                pass
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


def pick(page, field, text, option=None):
    """Choose a many2one value by typing, as a user does."""
    field_input = page.locator('.o_form_view .o_field_many2one[name=%s] input' % field).first
    field_input.click()
    field_input.type(text, delay=20)
    item = page.locator('.ui-autocomplete:visible li:has-text("%s")' % (option or text)).first
    item.wait_for()
    item.click()


def create_record(page):
    page.click('.o_cp_buttons .o_list_button_add, .o_cp_buttons .o_form_button_create')
    page.wait_for_selector('.o_form_view.o_form_editable')


def save_record(page):
    page.click('.o_form_button_save')
    page.wait_for_selector('.o_form_view.o_form_readonly')


def click_button(page, text, confirm=False):
    """Click a header button; with confirm, accept Odoo's confirmation."""
    page.click('.o_form_statusbar button:visible:has-text("%s")' % text)
    if confirm:
        page.click('.modal-footer .btn-primary')
        page.wait_for_selector('.modal', state='detached')


def click_action_menu(page, text):
    """Click an entry of the form's "Hành động" (Action) menu."""
    page.click('.o_cp_sidebar .o_dropdown_toggler_btn:has-text("Hành động")')
    page.click('.o_cp_sidebar .dropdown-menu a:visible:has-text("%s")' % text)


def record_id(page):
    match = re.search(r'[#&]id=(\d+)', page.url)
    assert match, page.url
    return int(match.group(1))

