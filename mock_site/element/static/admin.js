/* 账号管理: the Appendix-1 sheet upload with its per-row results, and the institution's accounts. */
(function () {
  'use strict';

  Vue.component('mr-admin-accounts', {
    data: function () { return { accounts: [], results: [], summary: '', loading: false }; },
    created: function () { this.fetch(); },
    methods: {
      fetch: function () {
        var self = this;
        this.loading = true;
        MR.http('GET', '/api/admin/accounts').then(function (res) {
          self.loading = false;
          if (res.status === 200) self.accounts = res.data.rows;
        });
      },
      before: function (file) {
        if (!/\.xlsx$/i.test(file.name)) {
          this.$message.error('只能上传 xlsx 文件');
          return false;
        }
        return true;
      },
      success: function (res) {
        this.results = res.results || [];
        this.summary = res.message || '';
        this.$message.success(res.message || '导入完成');
        this.fetch();
      },
      failure: function (err) {
        var message = '导入失败';
        try { message = JSON.parse(err.message).message || message; } catch (e) { /* not JSON */ }
        if (err.status === 401) { MR.expired(message); return; }
        this.$message.error(message);
      }
    },
    template: '\
<div>\
  <el-card shadow="never">\
    <div slot="header"><span class="page-title">账号管理</span></div>\
    <el-upload action="/api/admin/accounts" name="file" accept=".xlsx" :show-file-list="false" \
      :before-upload="before" :on-success="success" :on-error="failure">\
      <el-button type="primary" size="small" icon="el-icon-upload2">上传账号表</el-button>\
      <div slot="tip" class="el-upload__tip">请使用附件1模板（xlsx），每个单元格均为文本</div>\
    </el-upload>\
    <template v-if="results.length">\
      <p class="mr-import-summary">{{ summary }}</p>\
      <el-table :data="results" border size="small" style="width: 100%">\
        <el-table-column prop="row" label="行号" width="80"></el-table-column>\
        <el-table-column prop="name" label="姓名" width="140"></el-table-column>\
        <el-table-column label="结果" width="100"><template slot-scope="s">\
          <el-tag size="small" :type="s.row.ok ? \'success\' : \'danger\'">{{ s.row.ok ? \'成功\' : \'失败\' }}</el-tag>\
        </template></el-table-column>\
        <el-table-column prop="message" label="说明"></el-table-column>\
      </el-table>\
    </template>\
  </el-card>\
  <el-card shadow="never" style="margin-top: 16px">\
    <div slot="header"><span class="page-title">本单位账号</span></div>\
    <el-table :data="accounts" v-loading="loading" border size="small" style="width: 100%">\
      <el-table-column prop="name" label="姓名" width="140"></el-table-column>\
      <el-table-column prop="phone" label="账号" width="160"></el-table-column>\
      <el-table-column prop="email" label="邮箱"></el-table-column>\
      <el-table-column label="角色" width="120"><template slot-scope="s">\
        {{ s.row.role === \'admin\' ? \'机构管理员\' : \'研究者\' }}</template></el-table-column>\
      <el-table-column label="信息完善" width="100"><template slot-scope="s">\
        {{ s.row.profile_complete ? \'是\' : \'否\' }}</template></el-table-column>\
    </el-table>\
  </el-card>\
</div>'
  });
})();
