/* A table field: the add button above an el-table whose cells hold the column widgets, 删除 per row, and the
 * 添加未在系统注册的医疗卫生机构 button (one per row, or one under the table with --institution-button table). */
(function () {
  'use strict';

  Vue.component('mr-table-field', {
    props: { field: Object, rows: Array, errors: Object, disabled: Boolean },
    computed: {
      rowButton: function () { return MR.settings.institutionButton !== 'table'; },
      unregistered: function () {
        var col = this.field.columns.filter(function (c) { return c.add_unregistered_button; })[0];
        return col || null;
      }
    },
    methods: {
      add: function () {
        var row = {};
        this.field.columns.forEach(function (c) { row[c.key] = MR.emptyValue(c); });
        this.rows.push(row);
        this.$emit('touched');
      },
      remove: function (index) {
        this.rows.splice(index, 1);
        this.$emit('touched');
      },
      cellError: function (index, key) {
        return (this.errors || {})[this.field.key + '[' + index + '].' + key] || '';
      },
      openDialog: function (row) {
        MR.bus.$emit('add-institution', { row: row, key: this.unregistered.key });
      }
    },
    template: '\
<div class="mr-table-field">\
  <el-button class="mr-table-add" size="small" type="primary" plain icon="el-icon-plus" @click="add">\
{{ field.add_button || \'添加\' }}</el-button>\
  <el-table :data="rows" border size="small" style="width: 100%">\
    <el-table-column type="index" label="序号" width="60" align="center"></el-table-column>\
    <el-table-column v-for="c in field.columns" :key="c.key" :label="c.label" \
      :min-width="c.widget === \'institution\' ? 220 : 120">\
      <template slot-scope="scope">\
        <el-form-item class="mr-cell" :error="cellError(scope.$index, c.key)">\
          <mr-field :field="c" :model="scope.row" :prop="c.key" @touched="$emit(\'touched\')"></mr-field>\
        </el-form-item>\
        <el-link v-if="c.add_unregistered_button && rowButton" type="primary" :underline="false" \
          :disabled="disabled" @click="openDialog(scope.row)">{{ c.add_unregistered_button }}</el-link>\
      </template>\
    </el-table-column>\
    <el-table-column label="操作" width="90" align="center">\
      <template slot-scope="scope">\
        <el-button size="mini" type="danger" plain @click="remove(scope.$index)">删除</el-button>\
      </template>\
    </el-table-column>\
  </el-table>\
  <el-link v-if="unregistered && !rowButton" type="primary" :disabled="disabled" @click="openDialog(null)">\
{{ unregistered.add_unregistered_button }}</el-link>\
</div>'
  });

  /* The value a new, empty widget holds. */
  MR.emptyValue = function (field) {
    switch (field.widget) {
      case 'multiselect': case 'daterange': return [];
      case 'number': return undefined;
      case 'date': return null;
      case 'table': return [];
      default: return '';
    }
  };
})();
