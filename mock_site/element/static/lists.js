/* The project lists, fetched as JSON: 临床研究项目备案 (own), 分中心项目 and the admin's 项目审核.
 * The filter and the pager live in the address (page, size, name, status), as the server-side lists do. */
(function () {
  'use strict';
  var SOURCES = { own: '/api/projects', subcenters: '/api/subcenters', review: '/api/admin/review' };
  var TITLES = { own: '临床研究项目备案', subcenters: '分中心项目', review: '项目审核' };
  var OPEN = ['academic_review', 'ethics_review', 'institution_review'];

  Vue.component('mr-project-list', {
    props: { kind: String },
    data: function () {
      var q = MR.route.query;
      return {
        rows: [], total: 0, loading: false, busy: false, exempt: !!(MR.user && MR.user.academic_exempt),
        page: Number(q.page) || 1, size: Number(q.size) || 10,
        filter: { name: q.name || '', status: q.status || '' },
        states: MR.catalog ? MR.catalog.states : {},
        opinion: { visible: false, row: null, decision: '', text: '', error: '', busy: false }
      };
    },
    computed: {
      title: function () { return TITLES[this.kind]; },
      stateList: function () {
        var s = this.states;
        return Object.keys(s).map(function (k) { return { key: k, label: s[k] }; });
      }
    },
    created: function () {
      var self = this;
      MR.loadCatalog().then(function (c) { if (c) self.states = c.states; });
      this.fetch();
    },
    methods: {
      tagType: function (s) { return MR.tagType(s); },
      href: function (path) { return MR.router.href(path); },
      go: function (path) { MR.router.push(path); },
      isOpen: function (row) { return OPEN.indexOf(row.status) >= 0; },
      editable: function (row) { return row.status === 'draft' || row.status === 'returned'; },
      fetch: function () {
        var self = this;
        var q = { page: this.page, size: this.size, name: this.filter.name.trim(), status: this.filter.status };
        var parts = Object.keys(q).filter(function (k) { return q[k]; }).map(function (k) {
          return k + '=' + encodeURIComponent(q[k]);
        });
        this.loading = true;
        MR.http('GET', SOURCES[this.kind] + '?' + parts.join('&')).then(function (res) {
          self.loading = false;
          if (res.status === 200) { self.rows = res.data.rows; self.total = res.data.total; }
          else if (res.status !== 401) self.$message.error(res.data.message || '查询失败');
        });
        MR.router.replace(MR.route.path, { page: this.page > 1 ? this.page : '', size: this.size !== 10 ? this.size : '',
                                           name: q.name, status: q.status });
      },
      search: function () { this.page = 1; this.fetch(); },
      pageChange: function (p) { this.page = p; this.fetch(); },
      sizeChange: function (s) { this.size = s; this.page = 1; this.fetch(); },
      create: function () { MR.createProject(this); },
      decide: function (row, decision) {
        if (decision === 'approve') { this.review(row, decision, ''); return; }
        this.opinion = { visible: true, row: row, decision: decision, text: '', error: '', busy: false };
      },
      confirmOpinion: function () {
        if (!this.opinion.text.trim()) { this.opinion.error = '请填写审核意见'; return; }
        this.review(this.opinion.row, this.opinion.decision, this.opinion.text.trim());
      },
      review: function (row, decision, opinion) {
        var self = this;
        this.opinion.busy = true;
        MR.http('POST', '/api/admin/projects/' + row.id + '/review', { decision: decision, opinion: opinion })
          .then(function (res) {
            self.opinion.busy = false;
            if (res.status === 200) {
              self.opinion.visible = false;
              self.$message.success(res.data.message || '操作成功');
              self.fetch();
            } else if (res.status !== 401) {
              self.$message.error(res.data.message || '操作失败');
            }
          });
      },
      setExempt: function (on) {
        var self = this;
        MR.http('POST', '/api/admin/settings', { academic_exempt: on }).then(function (res) {
          if (res.status === 200) {
            if (MR.user) MR.user.academic_exempt = on;
            self.$message.success(res.data.message || '设置成功');
          } else {
            self.exempt = !on;
            if (res.status !== 401) self.$message.error(res.data.message || '设置失败');
          }
        });
      }
    },
    template: '\
<el-card shadow="never">\
  <div slot="header" class="mr-list-head">\
    <span class="page-title">{{ title }}</span>\
    <el-button v-if="kind === \'own\'" style="float: right" type="primary" size="small" icon="el-icon-plus" \
      :loading="busy" @click="create">新增临床研究项目备案</el-button>\
    <el-switch v-if="kind === \'review\'" style="float: right" v-model="exempt" active-text="免学术审查" \
      @change="setExempt"></el-switch>\
  </div>\
  <el-form class="mr-list-filter" :model="filter" inline size="small" @submit.native.prevent>\
    <el-form-item label="项目名称" prop="name"><el-input v-model="filter.name" placeholder="请输入项目名称" \
      clearable @keyup.enter.native="search"></el-input></el-form-item>\
    <el-form-item label="状态" prop="status"><el-select v-model="filter.status" placeholder="全部">\
      <el-option label="全部" value=""></el-option>\
      <el-option v-for="s in stateList" :key="s.key" :label="s.label" :value="s.key"></el-option>\
    </el-select></el-form-item>\
    <el-form-item><el-button type="primary" icon="el-icon-search" @click="search">查询</el-button></el-form-item>\
  </el-form>\
  <el-table :data="rows" v-loading="loading" border style="width: 100%">\
    <el-table-column label="项目名称" min-width="220">\
      <template slot-scope="s">{{ s.row.project_name || \'未命名项目\' }}</template></el-table-column>\
    <el-table-column v-if="kind !== \'own\'" prop="owner_name" label="负责人" width="110"></el-table-column>\
    <el-table-column prop="filing_no" label="备案号" width="160"></el-table-column>\
    <el-table-column v-if="kind !== \'review\'" prop="project_type" label="项目类型" width="140"></el-table-column>\
    <el-table-column label="状态" width="120"><template slot-scope="s">\
      <el-tag size="small" :type="tagType(s.row.status)">{{ s.row.status_label }}</el-tag></template></el-table-column>\
    <el-table-column prop="updated_at" label="更新时间" width="160"></el-table-column>\
    <el-table-column label="操作" :width="kind === \'review\' ? 330 : 220"><template slot-scope="s">\
      <template v-if="kind === \'review\'">\
        <el-link type="primary" :href="href(\'/projects/\' + s.row.id)" @click.native.prevent="go(\'/projects/\' + s.row.id)">查看</el-link>\
        <el-button size="mini" type="success" :disabled="!isOpen(s.row)" @click="decide(s.row, \'approve\')">通过</el-button>\
        <el-button size="mini" type="warning" :disabled="!isOpen(s.row)" @click="decide(s.row, \'return\')">退回</el-button>\
        <el-button size="mini" type="danger" :disabled="!isOpen(s.row)" @click="decide(s.row, \'reject\')">不通过</el-button>\
      </template>\
      <template v-else>\
        <el-link v-if="kind === \'own\' && editable(s.row)" type="primary" :href="href(\'/projects/\' + s.row.id + \'/edit\')" \
          @click.native.prevent="go(\'/projects/\' + s.row.id + \'/edit\')">编辑</el-link>\
        <el-link type="primary" :href="href(\'/projects/\' + s.row.id)" @click.native.prevent="go(\'/projects/\' + s.row.id)">查看</el-link>\
        <el-link type="primary" :href="href(\'/projects/\' + s.row.id + \'/progress\')" \
          @click.native.prevent="go(\'/projects/\' + s.row.id + \'/progress\')">备案进度</el-link>\
      </template>\
    </template></el-table-column>\
  </el-table>\
  <el-pagination class="mr-pagination" background layout="total, sizes, prev, pager, next" :total="total" \
    :current-page="page" :page-size="size" :page-sizes="[10, 20, 50, 100]" @current-change="pageChange" \
    @size-change="sizeChange"></el-pagination>\
  <el-dialog title="审核意见" :visible.sync="opinion.visible" width="520px">\
    <el-form :model="opinion" label-position="top" size="small" @submit.native.prevent>\
      <el-form-item label="审核意见" prop="text" required :error="opinion.error">\
        <el-input v-model="opinion.text" type="textarea" :rows="4" maxlength="500" show-word-limit \
          placeholder="请填写退回或不通过的理由"></el-input></el-form-item>\
    </el-form>\
    <span slot="footer"><el-button @click="opinion.visible = false">取消</el-button>\
      <el-button type="primary" :loading="opinion.busy" @click="confirmOpinion">确定</el-button></span>\
  </el-dialog>\
</el-card>'
  });
})();
