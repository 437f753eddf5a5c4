/* Pages without the editor: 登录, 完善个人信息, 快速开始, 个人信息 and 备案进度. */
(function () {
  'use strict';

  Vue.component('mr-login', {
    data: function () {
      return { form: { username: '', password: '', captcha: '' }, busy: false, captcha: MR.settings.captcha,
               stamp: Date.now() };
    },
    computed: { captchaSrc: function () { return '/captcha?t=' + this.stamp; } },
    methods: {
      renew: function () { this.stamp = Date.now(); this.form.captcha = ''; },
      login: function () {
        var self = this;
        var body = { username: this.form.username, password: this.form.password };
        if (this.captcha) body.captcha = this.form.captcha;
        if (MR.route.query.next) body.next = MR.route.query.next;
        this.busy = true;
        MR.http('POST', '/api/login', body).then(function (res) {
          self.busy = false;
          if (res.status === 200) {
            MR.user = null;
            self.$message.success(res.data.message || '登录成功');
            MR.router.replace(res.data.redirect || '/quickstart');
          } else {
            self.$message.error(res.data.message || '登录失败');
            if (self.captcha) self.renew();
          }
        });
      }
    },
    template: '\
<div class="mr-login">\
  <el-card shadow="always">\
    <div slot="header"><span class="page-title">医学研究登记备案信息系统</span></div>\
    <el-form :model="form" label-width="70px" @submit.native.prevent>\
      <el-form-item label="账号" prop="username">\
        <el-input v-model="form.username" placeholder="手机号或邮箱" @keyup.enter.native="login"></el-input>\
      </el-form-item>\
      <el-form-item label="密码" prop="password">\
        <el-input v-model="form.password" type="password" placeholder="请输入密码" show-password \
          @keyup.enter.native="login"></el-input>\
      </el-form-item>\
      <el-form-item v-if="captcha" label="验证码" prop="captcha">\
        <div class="mr-captcha">\
          <el-input v-model="form.captcha" placeholder="请输入验证码" @keyup.enter.native="login"></el-input>\
          <img class="captcha-img" :src="captchaSrc" alt="验证码" title="看不清？换一张" @click="renew">\
        </div>\
      </el-form-item>\
      <el-form-item>\
        <el-button type="primary" :loading="busy" style="width: 100%" @click="login">登录</el-button>\
      </el-form-item>\
    </el-form>\
  </el-card>\
</div>'
  });

  var PROFILE_ITEMS = [['name', '姓名', true], ['email', '邮箱', true], ['department', '院系/科室', false],
                       ['title', '职务', false], ['password', '新密码', true], ['password2', '确认密码', true]];

  Vue.component('mr-profile-complete', {
    data: function () {
      var user = MR.user || {};
      return { form: { name: user.name || '', email: user.email || '', department: '', title: '', password: '',
                       password2: '' }, errors: {}, busy: false, items: PROFILE_ITEMS };
    },
    methods: {
      save: function () {
        var self = this;
        this.errors = {};
        if (this.form.password !== this.form.password2) {
          this.errors = { password2: '两次输入的密码不一致' };
          return;
        }
        var body = Object.assign({}, this.form);
        delete body.password2;
        this.busy = true;
        MR.http('POST', '/api/profile', body).then(function (res) {
          self.busy = false;
          if (res.status === 200) {
            MR.user = null;
            self.$message.success(res.data.message || '保存成功');
            MR.router.replace(res.data.redirect || '/quickstart');
          } else if (res.status !== 401) {
            var map = {};
            (res.data.errors || []).forEach(function (e) { map[e.field] = e.message; });
            self.errors = map;
            self.$message.error(res.data.message || '保存失败');
          }
        });
      }
    },
    template: '\
<div class="mr-login">\
  <el-card shadow="always" style="width: 560px">\
    <div slot="header"><span class="page-title">完善个人信息</span></div>\
    <el-alert type="warning" :closable="false" title="首次登录请完善个人信息并修改初始密码，保存后方可使用系统。">\
    </el-alert>\
    <el-form :model="form" label-width="100px" size="small" style="margin-top: 16px" @submit.native.prevent>\
      <el-form-item v-for="it in items" :key="it[0]" :label="it[1]" :prop="it[0]" :required="it[2]" \
        :error="errors[it[0]] || \'\'">\
        <el-input v-model="form[it[0]]" :type="it[0].indexOf(\'password\') === 0 ? \'password\' : \'text\'" \
          :placeholder="\'请输入\' + it[1]"></el-input>\
      </el-form-item>\
      <el-form-item><el-button type="primary" :loading="busy" @click="save">保存</el-button></el-form-item>\
    </el-form>\
  </el-card>\
</div>'
  });

  Vue.component('mr-quickstart', {
    data: function () { return { busy: false }; },
    methods: {
      create: function () { MR.createProject(this); }
    },
    template: '\
<el-card shadow="never">\
  <div slot="header"><span class="page-title">快速开始</span></div>\
  <p>新的临床研究项目请先完成备案：填写八个模块的信息并上传附件，然后提交审核。</p>\
  <el-button type="primary" icon="el-icon-plus" :loading="busy" @click="create">新增临床研究项目备案</el-button>\
</el-card>'
  });

  /* POST /api/projects, then the new project's editor. */
  MR.createProject = function (vm) {
    vm.busy = true;
    MR.http('POST', '/api/projects', {}).then(function (res) {
      vm.busy = false;
      if (res.status === 200) MR.router.push('/projects/' + res.data.id + '/edit');
      else if (res.status !== 401) vm.$message.error(res.data.message || '新增失败');
    });
  };

  Vue.component('mr-profile', {
    data: function () { return { user: MR.user || {} }; },
    computed: {
      details: function () {
        var d = this.user.details || {};
        return Object.keys(d).map(function (k) { return [k, d[k]]; });
      }
    },
    template: '\
<el-card shadow="never">\
  <div slot="header"><span class="page-title">个人信息</span></div>\
  <el-descriptions :column="1" border>\
    <el-descriptions-item label="姓名">{{ user.name }}</el-descriptions-item>\
    <el-descriptions-item label="账号">{{ user.phone }}</el-descriptions-item>\
    <el-descriptions-item label="邮箱">{{ user.email }}</el-descriptions-item>\
    <el-descriptions-item label="所在单位">{{ user.institution }}</el-descriptions-item>\
    <el-descriptions-item v-for="d in details" :key="d[0]" :label="d[0]">{{ d[1] }}</el-descriptions-item>\
  </el-descriptions>\
</el-card>'
  });

  Vue.component('mr-progress', {
    props: { id: Number },
    data: function () { return { project: null, failed: '' }; },
    created: function () {
      var self = this;
      MR.http('GET', '/api/projects/' + this.id).then(function (res) {
        if (res.status === 200) self.project = res.data;
        else self.failed = res.data.message || '加载失败';
      });
    },
    methods: {
      tagType: function (s) { return MR.tagType(s); },
      lines: function (e) {
        return [['环节', e.step], ['审核人', e.reviewer], ['审核意见', e.opinion], ['结果', e.result],
                ['备案号', e.filing_no]]
          .filter(function (l) { return l[1]; }).map(function (l) { return l[0] + '：' + l[1]; });
      }
    },
    template: '\
<el-card shadow="never" v-loading="!project && !failed">\
  <div slot="header"><span class="page-title">备案进度</span></div>\
  <el-alert v-if="failed" type="error" :title="failed" :closable="false"></el-alert>\
  <template v-if="project">\
    <el-descriptions :column="3" border>\
      <el-descriptions-item label="项目名称">{{ project.project_name || \'未命名项目\' }}</el-descriptions-item>\
      <el-descriptions-item label="备案号">{{ project.filing_no }}</el-descriptions-item>\
      <el-descriptions-item label="当前状态"><el-tag size="small" :type="tagType(project.status)">\
{{ project.status_label }}</el-tag></el-descriptions-item>\
    </el-descriptions>\
    <el-timeline style="margin-top: 20px">\
      <el-timeline-item v-for="(e, i) in project.timeline" :key="i" :timestamp="e.time" placement="top">\
        <p v-for="line in lines(e)" :key="line">{{ line }}</p>\
      </el-timeline-item>\
    </el-timeline>\
    <el-empty v-if="!project.timeline.length" description="暂无进度"></el-empty>\
  </template>\
</el-card>'
  });
})();
