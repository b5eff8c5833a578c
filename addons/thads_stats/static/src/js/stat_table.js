odoo.define('thads_stats.stat_table', function (require) {
"use strict";
/* The table of a statistical report: each figure opens the records behind
 * it as a list inside the web client (thads.stat.report.action_drill), with
 * a breadcrumb back to the report. */
var AbstractField = require('web.AbstractField');
var registry = require('web.field_registry');

var StatTable = AbstractField.extend({
    className: 'o_thads_stat_table_field',
    events: {
        'click a[data-line]': '_onDrill',
    },
    _render: function () {
        this.$el.html(this.value || '');
    },
    _onDrill: function (ev) {
        ev.preventDefault();
        ev.stopPropagation();
        var self = this;
        var $link = $(ev.currentTarget);
        this._rpc({
            model: 'thads.stat.report',
            method: 'action_drill',
            args: [[this.res_id], parseInt($link.data('line'), 10), String($link.data('code'))],
        }).then(function (action) {
            self.do_action(action);
        });
    },
});

registry.add('thads_stat_table', StatTable);
return StatTable;
});
