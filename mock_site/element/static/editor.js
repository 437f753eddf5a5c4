/* The project editor: el-tabs with one el-form per catalog module, 保存 per module with the server's messages
 * under the items, 提交 (confirmation, 提交检查) and the unregistered-institution dialog. */
(function () {
  'use strict';
  var FILES = ['file', 'files'];

  function isEmpty(v) {
    return v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
  }
  function toWidget(f, v) {
    if (isEmpty(v)) return MR.emptyValue(f);
    if (f.widget === 'daterange') return [v.start, v.end];
    if (f.widget === 'table') {
      return v.map(function (row) {
        var out = {};
        f.columns.forEach(function (c) { out[c.key] = toWidget(c, row[c.key]); });
        return out;
      });
    }
    if (f.widget === 'multiselect') return v.slice();
    return v;
  }
  function fromWidget(f, v) {
    if (f.widget === 'daterange') return v && v.length === 2 && v[0] && v[1] ? { start: v[0], end: v[1] } : null;
    if (f.widget === 'table') {
      return (v || []).map(function (row) {
        var out = {};
        f.columns.forEach(function (c) { out[c.key] = fromWidget(c, row[c.key]); });
        return out;
      });
    }
    return isEmpty(v) ? null : v;
  }

  /* The form items of a module as the catalog and the current values say: conditional ones come and go with a
   * field of the same module; a condition on another module only sets the required mark (from its saved value). */
  MR.moduleItems = function (module, values, saved) {
    var owners = MR.catalog.field_module;
    var ownerOf = function (k) { return owners[k] || module.key; };
    var lookup = function (k) { return ownerOf(k) === module.key ? values[k] : (saved[ownerOf(k)] || {})[k]; };
    var groups = [];
    module.fields.forEach(function (f) {
      var out = [];
      groups.push(out);
      var item = { field: f, key: f.key, label: f.label, required: !!f.required, visible: true };
      if (f.required_if) {
        var on = MR.holds(f.required_if, lookup);
        var same = MR.fieldsOf(f.required_if).every(function (k) { return ownerOf(k) === module.key; });
        if (same) { item.visible = on; item.required = true; } else { item.required = on; }
      }
      out.push(item);
      if (f.en_twin) {
        var twin = Object.assign({}, f, { key: f.key + '_en', label: f.label + '（英文）', en_twin: false });
        out.push({ field: twin, key: twin.key, label: twin.label, required: true,
                   visible: lookup('publish_to_chictr') === '是' });
      }
    });
    if (MR.shuffling) {  // --shuffle-dom: the items of a pane in a random order, an English twin after its field
      groups.sort(function (a, b) { return MR.rank(module.key + '.' + a[0].key) - MR.rank(module.key + '.' + b[0].key); });
    }
    return [].concat.apply([], groups);
  };
  /* --shuffle-dom: a pane's name (and so Element's ids tab-<name> / pane-<name>) and a label's `for` are random */
  MR.paneName = function (key) { return MR.shuffling ? MR.alias('pane.' + key) : key; };
  MR.moduleOfPane = function (name, modules) {
    var hit = modules.filter(function (m) { return MR.paneName(m.key) === name; })[0];
    return hit ? hit.key : name;
  };

  Vue.component('mr-module-form', {
    props: { module: Object, values: Object, errors: Object, saved: Object, project: Object, disabled: Boolean,
             saving: Boolean },
    computed: {
      items: function () { return MR.moduleItems(this.module, this.values, this.saved); }
    },
    methods: {
      isFile: function (item) { return FILES.indexOf(item.field.widget) >= 0; },
      labelFor: function (item) { return MR.shuffling ? MR.alias('for.' + this.module.key + '.' + item.key) : undefined; },
      extra: function (item) { return MR.extraClasses(this.module.key + '.' + item.key); }
    },
    template: '\
<el-form class="mr-form" :model="values" label-width="250px" size="small" :disabled="disabled" \
  @submit.native.prevent>\
  <template v-for="item in items">\
    <el-form-item v-if="item.visible" :key="item.key" :label="item.label" :prop="item.key" \
      :for="labelFor(item)" :class="extra(item)" :required="item.required" :error="errors[item.key] || \'\'">\
      <mr-table-field v-if="item.field.widget === \'table\'" :field="item.field" :rows="values[item.key]" \
        :errors="errors" :disabled="disabled" @touched="$emit(\'touched\', null)"></mr-table-field>\
      <mr-upload-field v-else-if="isFile(item)" :field="item.field" :project-id="project.id" \
        :files="(project.attachments || {})[item.key] || []"></mr-upload-field>\
      <mr-field v-else :field="item.field" :model="values" :prop="item.key" @touched="$emit(\'touched\', $event)">\
      </mr-field>\
    </el-form-item>\
  </template>\
  <el-form-item>\
    <el-button type="primary" icon="el-icon-check" :loading="saving" @click="$emit(\'save\')">保存</el-button>\
  </el-form-item>\
</el-form>'
  });

  Vue.component('mr-editor', {
    props: { id: Number, view: Boolean },
    data: function () {
      return {
        ready: false, failed: '', project: null, catalog: null, values: {}, errors: {}, saved: {}, dirty: {},
        active: '', saving: '', submitting: false, check: { visible: false, lead: '', missing: [] }
      };
    },
    computed: {
      editable: function () {
        var p = this.project;
        return !!p && !this.view && p.editable && MR.user && p.owner_id === MR.user.id;
      }
    },
    created: function () {
      var self = this;
      Promise.all([MR.loadCatalog(), MR.http('GET', '/api/projects/' + this.id)]).then(function (got) {
        var res = got[1];
        if (!got[0] || res.status !== 200) {
          self.failed = res.data.message || '加载失败';
          self.ready = true;
          return;
        }
        self.catalog = got[0];
        self.load(res.data);
        var tab = MR.route.query.tab;
        var keys = self.catalog.modules.map(function (m) { return m.key; });
        self.active = MR.paneName(keys.indexOf(tab) >= 0 ? tab : keys[0]);
        self.ready = true;
      });
    },
    methods: {
      tagType: function (s) { return MR.tagType(s); },
      load: function (project) {
        var self = this;
        this.project = project;
        this.saved = JSON.parse(JSON.stringify(project.modules || {}));
        this.catalog.modules.forEach(function (m) { self.reset(m); });
      },
      reset: function (m) {
        var stored = this.saved[m.key] || {};
        var out = {};
        var self = this;
        m.fields.forEach(function (f) {
          if (FILES.indexOf(f.widget) >= 0) return;
          out[f.key] = f.readonly ? self.project.institution : toWidget(f, stored[f.key]);
          if (f.en_twin) out[f.key + '_en'] = toWidget(f, stored[f.key + '_en']);
        });
        this.$set(this.values, m.key, out);
        this.$set(this.errors, m.key, {});
        this.$set(this.dirty, m.key, false);
      },
      moduleOf: function (key) {
        return this.catalog.modules.filter(function (m) { return m.key === key; })[0];
      },
      collect: function (m) {
        var values = this.values[m.key];
        var out = {};
        MR.moduleItems(m, values, this.saved).forEach(function (item) {
          if (!item.visible || FILES.indexOf(item.field.widget) >= 0) return;
          out[item.key] = fromWidget(item.field, values[item.key]);
        });
        return out;
      },
      touched: function (key, prop) {
        this.dirty[key] = true;
        if (prop && this.errors[key][prop]) this.$delete(this.errors[key], prop);
      },
      paneName: function (key) { return MR.paneName(key); },
      extraClasses: function (key) { return MR.extraClasses('pane.' + key); },
      beforeLeave: function (to, name) {
        var from = name && MR.moduleOfPane(name, this.catalog.modules);
        if (!from || !this.dirty[from] || !this.editable) return true;
        var self = this;
        return this.$confirm('当前模块有未保存的修改，离开将丢失这些修改。确定离开吗？', '未保存的修改', {
          type: 'warning'
        }).then(function () { self.reset(self.moduleOf(from)); });
      },
      save: function (m) {
        var self = this;
        var body = this.collect(m);
        this.saving = m.key;
        MR.http('POST', '/api/projects/' + this.id + '/modules/' + m.key, body).then(function (res) {
          self.saving = '';
          var errors = res.data.errors;
          // a refusal may come as 422, 400 or 200 with code 1 in the body (--error-status)
          if (res.status === 200 && res.data.code !== 1 && !(errors && errors.length)) {
            self.$set(self.errors, m.key, {});
            self.dirty[m.key] = false;
            if (m.key !== 'attachments') self.$set(self.saved, m.key, body);
            if (m.key === 'basic_info' && body.project_name) self.project.project_name = body.project_name;
            self.$message.success(res.data.message || '保存成功');
          } else if (errors && errors.length) {
            var map = {};
            errors.forEach(function (e) { if (!map[e.field]) map[e.field] = e.message; });
            self.$set(self.errors, m.key, map);
            self.$message.error(res.data.message || '请检查标红的字段');
          } else if (res.status !== 401) {
            self.$message.error(res.data.message || '保存失败');
          }
        });
      },
      submit: function () {
        var self = this;
        if (!MR.settings.submitConfirm) { this.send(); return; }
        this.$confirm('确认提交备案？提交后将进入审核，审核期间不能修改。', '确认提交备案？', {
          type: 'warning'
        }).then(function () { self.send(); }, function () { /* 取消 */ });
      },
      send: function () {
        var self = this;
        this.submitting = true;
        MR.http('POST', '/api/projects/' + this.id + '/submit', {}).then(function (res) {
          self.submitting = false;
          if (res.status === 200 && res.data.code !== 1 && !res.data.missing) {
            self.$message.success(res.data.message || '提交成功');
            MR.router.push('/projects/' + self.id + '/progress');
          } else if (res.data.missing) {
            self.check.lead = res.data.message || '以下内容尚未完善，请补充后再提交';
            self.check.missing = res.data.missing;
            self.check.visible = true;
          } else if (res.status !== 401) {
            self.$message.error(res.data.message || '提交失败');
          }
        });
      }
    },
    template: '\
<div class="mr-editor" v-loading="!ready">\
  <el-alert v-if="failed" type="error" :title="failed" :closable="false" show-icon></el-alert>\
  <el-card v-else-if="ready" shadow="never">\
    <div class="mr-editor-head">\
      <span class="mr-project-name">{{ project.project_name || \'未命名项目\' }}</span>\
      <el-tag size="small" :type="tagType(project.status)">{{ project.status_label }}</el-tag>\
      <span class="mr-spacer"></span>\
      <el-button v-if="!view" type="primary" icon="el-icon-s-promotion" :disabled="!editable" \
        :loading="submitting" @click="submit">提交</el-button>\
    </div>\
    <el-alert v-if="!editable && !view" type="info" :closable="false" show-icon \
      :title="\'项目\' + project.status_label + \'，不能修改\'"></el-alert>\
    <el-tabs v-model="active" :before-leave="beforeLeave">\
      <el-tab-pane v-for="m in catalog.modules" :key="m.key" :label="m.label" :name="paneName(m.key)" \
        :class="extraClasses(m.key)">\
        <mr-module-form :module="m" :values="values[m.key]" :errors="errors[m.key]" :saved="saved" \
          :project="project" :disabled="!editable" :saving="saving === m.key" @save="save(m)" \
          @touched="touched(m.key, $event)"></mr-module-form>\
      </el-tab-pane>\
    </el-tabs>\
  </el-card>\
  <el-dialog title="提交检查" :visible.sync="check.visible" width="560px">\
    <p class="submit-check-lead">{{ check.lead }}</p>\
    <p v-for="m in check.missing" :key="m.module" class="submit-check-item">{{ m.module }}：{{ m.fields.join(\'、\') }}</p>\
    <span slot="footer"><el-button type="primary" @click="check.visible = false">我知道了</el-button></span>\
  </el-dialog>\
  <mr-institution-dialog v-if="ready && !failed" :provinces="catalog.provinces" \
    @added="dirty.implementation = true"></mr-institution-dialog>\
</div>'
  });
})();
