odoo.define('thads_accounts.crash_manager', function (require) {
"use strict";
/* The server writes the title of its error answers in English, as a fixed
 * string that is no translatable term (odoo/http.py: "Odoo Server Error",
 * ...), and Odoo's dialogs show it as it is: "Odoo Server Error - Cảnh báo"
 * over every refusal. Here the dialogs name these titles in the user's
 * language (terms of this file, translated in i18n/vi.po); a warning (a
 * refusal, a validation) is no server error: "Server notice". The web client
 * merges the terms of all modules into one table, later modules winning
 * (web_settings_dashboard translates "Odoo" as "Odoo"): these terms are
 * English texts no other module uses. */
var core = require('web.core');
var CrashManager = require('web.CrashManager');

var _lt = core._lt;

var SERVER_TITLES = {
    'Odoo Server Error': _lt("Odoo Server Error"),
    'Odoo Session Invalid': _lt("Odoo Session Invalid"),
    'Odoo Session Expired': _lt("Odoo Session Expired"),
    '404: Not Found': _lt("404: Not Found"),
};
var WARNING_TITLE = _lt("Server notice");

function titled(error, title) {
    // the title only: the message stays in the details and the copied report
    return _.extend({}, error, {type: String(title)});
}

CrashManager.include({
    show_warning: function (error) {
        if (error && !error.type && error.message === 'Odoo Server Error') {
            error = titled(error, WARNING_TITLE);
        } else if (error && !error.type && _.has(SERVER_TITLES, error.message)) {
            error = titled(error, SERVER_TITLES[error.message]);
        }
        return this._super(error);
    },
    show_error: function (error) {
        if (error && !error.type && _.has(SERVER_TITLES, error.message)) {
            error = titled(error, SERVER_TITLES[error.message]);
        }
        return this._super(error);
    },
});

return {SERVER_TITLES: SERVER_TITLES, WARNING_TITLE: WARNING_TITLE};
});
