/* One catalog field as a genuine Element widget. `model[prop]` is the value; a change emits `touched`. */
(function () {
  'use strict';

  Vue.component('mr-field', {
    props: { field: Object, model: Object, prop: String },
    methods: {
      touched: function () { this.$emit('touched', this.prop); }
    },
    template: '\
<el-input v-if="field.widget === \'text\'" v-model="model[prop]" :maxlength="field.max_length" \
  :show-word-limit="!!field.max_length" :disabled="field.readonly" :placeholder="field.readonly ? \'\' : \'请输入\'" \
  @input="touched"></el-input>\
<el-input v-else-if="field.widget === \'textarea\'" type="textarea" :rows="3" v-model="model[prop]" \
  :maxlength="field.max_length" :show-word-limit="!!field.max_length" placeholder="请输入" @input="touched"></el-input>\
<el-input-number v-else-if="field.widget === \'number\'" v-model="model[prop]" :min="field.min" :max="field.max" \
  @change="touched"></el-input-number>\
<el-date-picker v-else-if="field.widget === \'date\'" v-model="model[prop]" type="date" value-format="yyyy-MM-dd" \
  placeholder="选择日期" @change="touched"></el-date-picker>\
<el-date-picker v-else-if="field.widget === \'daterange\'" v-model="model[prop]" type="daterange" \
  value-format="yyyy-MM-dd" range-separator="至" start-placeholder="开始日期" end-placeholder="结束日期" \
  @change="touched"></el-date-picker>\
<el-radio-group v-else-if="field.widget === \'radio\'" v-model="model[prop]" @change="touched">\
  <el-radio v-for="o in field.options" :key="o" :label="o">{{ o }}</el-radio>\
</el-radio-group>\
<el-select v-else-if="field.widget === \'select\'" v-model="model[prop]" filterable placeholder="请选择" \
  @change="touched">\
  <el-option v-for="o in field.options" :key="o" :label="o" :value="o"></el-option>\
</el-select>\
<el-select v-else-if="field.widget === \'multiselect\'" v-model="model[prop]" multiple filterable placeholder="请选择" \
  @change="touched">\
  <el-option v-for="o in field.options" :key="o" :label="o" :value="o"></el-option>\
</el-select>\
<mr-institution-select v-else-if="field.widget === \'institution\'" :model="model" :prop="prop" @touched="touched">\
</mr-institution-select>\
<span v-else>{{ model[prop] }}</span>'
  });

  /* 单位名称: a remote search of the institutions this user may name (registered ones and the ones added). */
  Vue.component('mr-institution-select', {
    props: { model: Object, prop: String },
    data: function () { return { options: [], loading: false }; },
    methods: {
      search: function (q) {
        var self = this;
        if (!q) { self.options = []; return; }
        self.loading = true;
        MR.http('GET', '/api/institutions?q=' + encodeURIComponent(q)).then(function (res) {
          self.loading = false;
          self.options = res.status === 200 ? res.data : [];
        });
      }
    },
    template: '\
<el-select v-model="model[prop]" filterable remote :remote-method="search" :loading="loading" \
  placeholder="请输入单位名称搜索" @change="$emit(\'touched\')">\
  <el-option v-for="o in options" :key="o.name" :label="o.name" :value="o.name">\
    <span>{{ o.name }}</span><span style="float: right; color: #8492a6; font-size: 12px">{{ o.province }}</span>\
  </el-option>\
</el-select>'
  });

  /* A PDF upload (file: one file, a new one replaces it; files: several). Stored at once, nothing to save. */
  Vue.component('mr-upload-field', {
    props: { field: Object, projectId: Number, files: Array },
    data: function () {
      return {
        fileList: (this.files || []).map(function (f) {
          return { name: f.name, fileId: f.id, url: '' };
        })
      };
    },
    computed: {
      action: function () { return '/api/projects/' + this.projectId + '/attachments/' + this.field.key; },
      limitMb: function () { return MR.settings.uploadLimitMb || 20; }
    },
    methods: {
      before: function (file) {
        if (!/\.pdf$/i.test(file.name)) {
          this.$message.error('只能上传 PDF 文件');
          return false;
        }
        if (file.size > this.limitMb * 1048576) {
          this.$message.error('文件超过 ' + this.limitMb + ' MB');
          return false;
        }
        return true;
      },
      success: function (res, file, list) {
        file.fileId = res.file.id;
        if (this.field.widget === 'file') {
          this.fileList = [{ name: res.file.name, fileId: res.file.id, url: '' }];
        }
        this.$message.success(res.message || '上传成功');
      },
      failure: function (err) {
        var message = '上传失败';
        try { message = JSON.parse(err.message).message || message; } catch (e) { /* not JSON */ }
        if (err.status === 401) { MR.expired(message); return; }
        this.$message.error(message);
      },
      remove: function (file) {
        if (!file.fileId) return;
        var self = this;
        MR.http('DELETE', this.action + '/' + file.fileId).then(function (res) {
          if (res.status === 200) self.$message.success('删除成功');
          else if (res.status !== 401) self.$message.error(res.data.message || '删除失败');
        });
      },
      preview: function (file) {
        if (file.fileId) window.open(this.action + '/' + file.fileId, '_blank');
      }
    },
    template: '\
<el-upload :action="action" name="file" accept=".pdf" :multiple="field.widget === \'files\'" :file-list="fileList" \
  :before-upload="before" :on-success="success" :on-error="failure" :on-remove="remove" :on-preview="preview">\
  <el-button size="small" type="primary" icon="el-icon-upload2">{{ field.widget === \'files\' ? \
(field.add_button || \'添加附件\') : \'点击上传\' }}</el-button>\
  <div slot="tip" class="el-upload__tip">只能上传 PDF 文件，且不超过 {{ limitMb }} MB</div>\
</el-upload>'
  });
})();
