"""An officer signs in on the web login page with the ministry mail account
of the demo directory (the real slapd that ./thads test starts): the account
is created at this first sign-in, without a role (README "Sign-in with the
ministry's directory")."""
from conftest import login, shot, wait_text


def test_officer_signs_in_with_the_ministry_mail_account(page):
    login(page, 'tran.thi.binh@moj.gov.vn')
    wait_text(page, '.oe_topbar_name', 'Trần Thị Bình')
    shot(page, 'directory_first_sign_in')
