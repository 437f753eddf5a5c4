/* The app: the route table, the guard (登录, 完善个人信息, admin pages) and the layout with its menu. */
(function () {
  'use strict';
  var PI_MENU = [['快速开始', '/quickstart', 'el-icon-s-home'], ['临床研究项目备案', '/projects', 'el-icon-document'],
                 ['分中心项目', '/subcenters', 'el-icon-office-building'], ['个人信息', '/profile', 'el-icon-user']];
  var ADMIN_MENU = [['账号管理', '/admin/accounts', 'el-icon-s-custom'], ['项目审核', '/admin/review', 'el-icon-s-check'],
                    ['个人信息', '/profile', 'el-icon-user']];
  // [pattern, component, props from the match, who may see it]
  var ROUTES = [
    [/^\/login$/, 'mr-login', null, 'anyone'],
    [/^\/profile\/complete$/, 'mr-profile-complete', null, 'incomplete'],
    [/^\/quickstart$/, 'mr-quickstart', null, 'pi'],
    [/^\/projects$/, 'mr-project-list', function () { return { kind: 'own' }; }, 'user'],
    [/^\/projects\/(\d+)\/edit$/, 'mr-editor', function (m) { return { id: Number(m[1]) }; }, 'user'],
    [/^\/projects\/(\d+)\/progress$/, 'mr-progress', function (m) { return { id: Number(m[1]) }; }, 'user'],
    [/^\/projects\/(\d+)$/, 'mr-editor', function (m) { return { id: Number(m[1]), view: true }; }, 'user'],
    [/^\/subcenters$/, 'mr-project-list', function () { return { kind: 'subcenters' }; }, 'user'],
    [/^\/profile$/, 'mr-profile', null, 'user'],
    [/^\/admin\/accounts$/, 'mr-admin-accounts', null, 'admin'],
    [/^\/admin\/review$/, 'mr-project-list', function () { return { kind: 'review' }; }, 'admin']
  ];

  function match(path) {
    for (var i = 0; i < ROUTES.length; i++) {
      var m = ROUTES[i][0].exec(path);
      if (m) return { component: ROUTES[i][1], props: ROUTES[i][2] ? ROUTES[i][2](m) : {}, who: ROUTES[i][3] };
    }
    return null;
  }
  function home(user) { return user.role === 'admin' ? '/admin/review' : '/quickstart'; }

  if (MR.settings.fast) document.documentElement.classList.add('mr-fast');

  new Vue({
    el: '#app',
    data: { route: MR.route, user: null, page: null, pageKey: '', checking: true },
    computed: {
      menu: function () {
        var items = this.user && this.user.role === 'admin' ? ADMIN_MENU : PI_MENU;
        return items.map(function (m) { return { label: m[0], path: m[1], icon: m[2] }; });
      },
      activeMenu: function () {
        var path = this.route.path;
        var hit = this.menu.filter(function (m) { return path === m.path || path.indexOf(m.path + '/') === 0; })[0];
        return hit ? hit.path : '';
      },
      bare: function () { return !this.page || this.page.who === 'anyone' || this.page.who === 'incomplete'; }
    },
    watch: { 'route.path': function () { this.guard(); } },
    created: function () { this.guard(); },
    methods: {
      /* Decide what the address shows: another address when this one is not for the user, else its page. */
      guard: function () {
        var self = this;
        var path = this.route.path;
        var found = match(path);
        if (path === '/login') { this.user = null; this.show(found); return; }
        this.checking = true;
        this.loadUser().then(function (user) {
          if (self.route.path !== path) return;  // the address changed meanwhile
          if (!user) return;  // MR.http already went to 登录
          if (!user.profile_complete && path !== '/profile/complete') {
            MR.router.replace('/profile/complete'); return;
          }
          if (!found || path === '/' || (found.who === 'incomplete' && user.profile_complete) ||
              (found.who === 'pi' && user.role === 'admin')) {
            MR.router.replace(home(user)); return;
          }
          if (found.who === 'admin' && user.role !== 'admin') {
            self.$message.error('只有机构管理员可以访问此页面');
            MR.router.replace(home(user)); return;
          }
          self.show(found);
        });
      },
      show: function (found) { this.page = found; this.pageKey = this.route.path; this.checking = false; },
      loadUser: function () {
        var self = this;
        if (MR.user) { this.user = MR.user; return Promise.resolve(MR.user); }
        return MR.http('GET', '/api/me').then(function (res) {
          MR.user = res.status === 200 ? res.data : null;
          self.user = MR.user;
          return MR.user;
        });
      },
      navigate: function (path) { MR.router.push(path); },
      logout: function () {
        MR.http('POST', '/api/logout', {}).then(function () {
          MR.user = null;
          MR.router.replace('/login');
        });
      }
    },
    template: '\
<div id="app">\
  <component v-if="page && bare" :is="page.component" :key="pageKey"></component>\
  <el-container v-else-if="page && user" class="mr-layout">\
    <el-header class="mr-header" height="56px">\
      <span class="mr-title">医学研究登记备案信息系统</span>\
      <span class="mr-user"><span class="mr-user-name">{{ user.name }}</span>\
        <el-button type="text" style="color: #fff" @click="logout">退出</el-button></span>\
    </el-header>\
    <el-container>\
      <el-aside width="210px" class="mr-aside">\
        <el-menu :default-active="activeMenu" @select="navigate">\
          <el-menu-item v-for="m in menu" :key="m.path" :index="m.path">\
            <i :class="m.icon"></i><span slot="title">{{ m.label }}</span>\
          </el-menu-item>\
        </el-menu>\
      </el-aside>\
      <el-main class="mr-main">\
        <component :is="page.component" v-bind="page.props" :key="pageKey"></component>\
      </el-main>\
    </el-container>\
  </el-container>\
</div>'
  });
})();
