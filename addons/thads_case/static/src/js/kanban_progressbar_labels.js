odoo.define('thads_case.kanban_progressbar_labels', function (require) {
"use strict";
/* The tooltips of a kanban column's progress bar name each part by the
 * label of the selection value in the user's language ("3 Quá hạn"), not by
 * its technical key ("3 overdue"). */
var KanbanColumnProgressBar = require('web.KanbanColumnProgressBar');

KanbanColumnProgressBar.include({
    _render: function () {
        this._super.apply(this, arguments);
        var self = this;
        var field = this.columnState.fields && this.columnState.fields[this.fieldName];
        var labels = _.object(field && field.selection || []);
        _.each(this.colors, function (color, key) {
            var $bar = self.$bars && self.$bars[color];
            if ($bar && $bar.length && labels[key]) {
                var count = self.subgroupCounts && self.subgroupCounts[key] || 0;
                $bar.attr('data-original-title', count + ' ' + labels[key]);
            }
        });
    },
});
});
