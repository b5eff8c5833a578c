odoo.define('thads_case.report', function (require) {
'use strict';
/* Official documents of the print menu (report_type "thads_pdf") are drawn
   by the server with reportlab: download them, no wkhtmltopdf check. */
var ActionManager = require('web.ActionManager');
var crash_manager = require('web.crash_manager');
var framework = require('web.framework');

ActionManager.include({
    ir_actions_report: function (action, options) {
        if (action.report_type !== 'thads_pdf') {
            return this._super.apply(this, arguments);
        }
        var ids = (action.context && action.context.active_ids) || [];
        var url = '/report/thads_pdf/' + action.report_name + '/' + ids.join(',');
        framework.blockUI();
        this.getSession().get_file({
            url: url,
            data: {},
            complete: framework.unblockUI,
            error: crash_manager.rpc_error.bind(crash_manager),
            success: function () {
                if (options && options.on_close && !action.dialog) {
                    options.on_close();
                }
            },
        });
        return $.when();
    },
});
});
