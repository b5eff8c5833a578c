"""A provincial statistician closes a period, exports it as xlsx and PDF
and opens the cases behind a figure, in Vietnamese."""
import datetime
import io
import re
import zipfile

from conftest import URL, click_button, create_record, login, open_action, pick, record_id, save_record, shot, \
    wait_text


PROVINCE = 'Thi hành án dân sự thành phố Hà Nội'


def previous_statistical_year():
    today = datetime.date.today()
    start = today.year if today.month >= 10 else today.year - 1
    return start - 1, start


def test_statistician_closes_exports_and_drills_down(page):
    login(page, 'thongke.hn')
    open_action(page, 'thads_stats.thads_stat_report_action')
    # the demo's closed quarter is there, with its reconciliation
    wait_text(page, '.o_list_view', 'TK-VIEC')
    create_record(page)
    pick(page, 'form_id', 'Kết quả thi hành án dân sự tính bằng tiền (nghìn')
    first, last = previous_statistical_year()
    pick(page, 'period_id', '12 tháng, năm thống kê %d-%d' % (first, last))
    save_record(page)
    # the confirmation names the day and the offices the close locks
    click_button(page, 'Khóa sổ kỳ báo cáo')
    page.wait_for_selector('.modal .o_field_text')
    summary = page.inner_text('.modal-body')
    assert '30/09/%d' % last in summary, summary
    assert PROVINCE in summary and 'khu vực' in summary, summary
    shot(page, 'stats_close_confirmation')
    page.click('.modal-footer .btn-primary')
    page.wait_for_selector('.modal', state='detached')
    wait_text(page, '.o_statusbar_status .btn-primary', 'Đã khóa sổ')
    page.wait_for_selector('.o_thads_stat_table')
    wait_text(page, '.o_thads_stat_table', PROVINCE)
    wait_text(page, '.o_thread_message', 'phiên bản số liệu 1')
    shot(page, 'stats_report_closed')
    report_id = record_id(page)

    # Excel: a real download, an xlsx whose strings carry the layout
    with page.expect_download() as download:
        click_button(page, 'Excel')
    assert re.match(r'^TK-TIEN_[A-Z0-9-]+_12thang_%d-%d\.xlsx$' % (first, last),
                    download.value.suggested_filename), download.value.suggested_filename
    data = open(download.value.path(), 'rb').read()
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        strings = book.read('xl/sharedStrings.xml').decode('utf-8')
    for text in (PROVINCE.upper(), 'NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ', 'Tổng số thụ lý'):
        assert text in strings, text
    # PDF: the button opens it; read it through the same session
    with page.context.expect_page() as opened:
        click_button(page, 'PDF')
    response = page.request.get(URL + '/thads_stats/report/%d/pdf' % report_id)
    assert response.headers['content-type'].startswith('application/pdf')
    assert response.body()[:5] == b'%PDF-'
    opened.value.close()

    # drill-down: a non-zero figure of the province row opens its cases as a
    # list inside the web client, with their amounts and a breadcrumb back
    cell = page.locator('.o_thads_stat_table tr:has(b:has-text("%s"))' % PROVINCE + ' a').filter(
        has_text=re.compile(r'^[1-9]')).first
    cell.click()
    page.wait_for_selector('.o_list_view .o_data_row')
    # breadcrumb: reports > this report > the figure's records
    assert page.locator('.o_control_panel .breadcrumb li').count() == 3
    assert page.locator('.o_list_view thead th:has-text("Đã thu")').count() == 1
    assert page.locator('.o_list_view .o_data_row').count() > 0
    shot(page, 'stats_drill_down')
    page.locator('.o_control_panel .breadcrumb li a').nth(1).click()
    page.wait_for_selector('.o_thads_stat_table')


def test_statistician_sees_the_demo_reconciliation(page):
    login(page, 'thongke.hn')
    open_action(page, 'thads_stats.thads_stat_reconciliation_action')
    page.locator('.o_list_view .o_data_row').first.click()
    page.wait_for_selector('.o_form_view')
    # the region whose hand count differs is listed to fix
    wait_text(page, '.o_form_view', 'Phòng Thi hành án dân sự khu vực 2 - Hà Nội')
    shot(page, 'stats_reconciliation')
