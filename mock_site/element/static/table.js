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

  function blankInstitution() { return { name: '', province: '', city: '', address: '' }; }

  /* 添加未在系统注册的医疗卫生机构: its own required items are checked first (Element's form rules), then the
   * server's; the institution added fills the row whose button opened it (none for the button under the table). */
  Vue.component('mr-institution-dialog', {
    props: { provinces: Array },
    data: function () {
      return {
        visible: false, row: null, key: '', busy: false, errors: {}, form: blankInstitution(),
        rules: {
          name: [{ required: true, whitespace: true, message: '请填写机构名称', trigger: 'blur' }],
          province: [{ required: true, message: '请选择所在省份', trigger: 'change' }],
          city: [{ required: true, whitespace: true, message: '请填写所在城市', trigger: 'blur' }]
        }
      };
    },
    created: function () { MR.bus.$on('add-institution', this.open); },
    beforeDestroy: function () { MR.bus.$off('add-institution', this.open); },
    methods: {
      open: function (target) {
        this.row = target.row;
        this.key = target.key;
        this.errors = {};
        this.visible = true;
        if (this.$refs.form) this.$refs.form.clearValidate();
      },
      confirm: function () {
        var self = this;
        this.errors = {};
        this.$refs.form.validate(function (valid) { if (valid) self.post(); });
      },
      post: function () {
        var self = this;
        this.busy = true;
        MR.http('POST', '/api/institutions', this.form).then(function (res) {
          self.busy = false;
          if (res.status === 200) {
            self.$message.success(res.data.message || '添加成功');
            if (self.row) {
              self.row[self.key] = res.data.institution.name;
              self.$emit('added');
            }
            self.form = blankInstitution();
            self.visible = false;
          } else if (res.status !== 401) {
            var map = {};
            (res.data.errors || []).forEach(function (e) { map[e.field] = e.message; });
            self.errors = map;
            self.$message.error(res.data.message || '添加失败');
          }
        });
      }
    },
    template: '\
<el-dialog title="添加未在系统注册的医疗卫生机构" :visible.sync="visible" width="560px">\
  <el-form ref="form" :model="form" :rules="rules" label-width="100px" size="small" @submit.native.prevent>\
    <el-form-item label="机构名称" prop="name" :error="errors.name || \'\'">\
      <el-input v-model="form.name" placeholder="请输入机构名称"></el-input></el-form-item>\
    <el-form-item label="所在省份" prop="province" :error="errors.province || \'\'">\
      <el-select v-model="form.province" filterable placeholder="请选择">\
        <el-option v-for="p in provinces" :key="p" :label="p" :value="p"></el-option></el-select></el-form-item>\
    <el-form-item label="所在城市" prop="city" :error="errors.city || \'\'">\
      <el-input v-model="form.city" placeholder="请输入所在城市"></el-input></el-form-item>\
    <el-form-item label="详细地址" prop="address">\
      <el-input v-model="form.address" placeholder="请输入详细地址"></el-input></el-form-item>\
  </el-form>\
  <span slot="footer">\
    <el-button @click="visible = false">取消</el-button>\
    <el-button type="primary" :loading="busy" @click="confirm">确定</el-button>\
  </span>\
</el-dialog>'
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
