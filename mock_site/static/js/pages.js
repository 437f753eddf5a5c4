/* Page start-up: the menu and 退出, then what each page (body[data-page]) does on its own. */
(function () {
  'use strict';
  var MR = window.MR;
  var page = document.body.getAttribute('data-page');

  function goto(url) { location.href = url; }

  function layout() {
    MR.$$('li.el-menu-item[data-href]').forEach(function (li) {
      li.addEventListener('click', function () { goto(li.getAttribute('data-href')); });
      li.addEventListener('keydown', function (e) { if (e.key === 'Enter') goto(li.getAttribute('data-href')); });
    });
    var logout = MR.$('[data-action="logout"]');
    if (logout) {
      logout.addEventListener('click', function () {
        MR.api('POST', '/api/logout', {}).then(function () { goto('/login'); });
      });
    }
  }

  function login() {
    var form = MR.$('form[data-login-form]');
    var button = form.querySelector('[data-action="login"]');
    var img = MR.$('img.captcha-img');
    var field = function (prop) { return form.querySelector('[data-prop="' + prop + '"] input'); };
    var renew = function () {
      if (!img) return;
      img.src = '/captcha?t=' + Date.now();
      field('captcha').value = '';
    };
    if (img) img.addEventListener('click', renew);
    var send = function () {
      var body = { username: field('username').value.trim(), password: field('password').value,
                   next: MR.data.next || '' };
      if (!body.username || !body.password) {
        MR.message('error', '请输入账号和密码');
        return;
      }
      if (img) body.captcha = field('captcha').value.trim();
      MR.busy(button, true);
      MR.api('POST', '/api/login', body).then(function (res) {
        MR.busy(button, false);
        if (res.status === 200) { goto(res.data.redirect || MR.data.next || '/quickstart'); return; }
        MR.message('error', res.data.message || '账号或密码错误');
        renew();
      });
    };
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    button.addEventListener('click', send);
    form.addEventListener('keydown', function (e) { if (e.key === 'Enter') { e.preventDefault(); send(); } });
  }

  function profileComplete() {
    var form = MR.$('form[data-profile-form]');
    var button = form.querySelector('[data-action="save-profile"]');
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    button.addEventListener('click', function () {
      var values = {};
      MR.$$('.el-form-item[data-prop]', form).forEach(function (item) {
        values[item.getAttribute('data-prop')] = item.querySelector('input').value.trim();
      });
      if (!values.name || !values.email || !values.password) {
        MR.message('error', '请填写姓名、邮箱和新密码');
        return;
      }
      if (values.password !== values.password2) { MR.message('error', '两次输入的密码不一致'); return; }
      delete values.password2;
      MR.busy(button, true);
      MR.api('POST', '/api/profile', values).then(function (res) {
        MR.busy(button, false);
        if (res.status === 200) {
          MR.message('success', '保存成功');
          setTimeout(function () { goto(res.data.redirect || '/quickstart'); }, MR.fast ? 200 : 800);
        } else if (res.status !== 401) {
          MR.message('error', res.data.message || '保存失败');
        }
      });
    });
  }

  function quickstart() {
    var button = MR.$('[data-action="new-project"]');
    button.addEventListener('click', function () {
      MR.busy(button, true);
      MR.api('POST', '/api/projects', {}).then(function (res) {
        MR.busy(button, false);
        if (res.status === 200 || res.status === 201) goto('/projects/' + res.data.id + '/edit');
        else if (res.status !== 401) MR.message('error', res.data.message || '创建失败');
      });
    });
  }

  /* The filter form and the pagination of a list page: each change reloads the page with new parameters. */
  function listing() {
    var filter = MR.$('form[data-list-filter]');
    if (filter) {
      var search = function () {
        var params = new URLSearchParams(location.search);
        var name = MR.valueOf(filter.querySelector('[data-widget="text"]'));
        var status = MR.valueOf(filter.querySelector('[data-widget="select"]'));
        params.set('page', '1');
        if (name) params.set('name', name); else params.delete('name');
        if (status) params.set('status', status); else params.delete('status');
        goto(location.pathname + '?' + params.toString());
      };
      filter.addEventListener('submit', function (e) { e.preventDefault(); search(); });
      filter.querySelector('[data-action="search"]').addEventListener('click', search);
      filter.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && e.target.matches('[data-widget="text"] input')) { e.preventDefault(); search(); }
      });
    }
    var pager = MR.$('[data-pagination]');
    if (!pager) return;
    pager.addEventListener('click', function (e) {
      var target = e.target.closest('[data-href]');
      if (target && !target.disabled && !target.classList.contains('active')) goto(target.getAttribute('data-href'));
    });
    var sizes = pager.querySelector('.el-pagination__sizes [data-widget="select"]');
    sizes.addEventListener('mr-change', function (e) {
      goto(pager.getAttribute('data-size-href').replace('__size__', e.detail.value));
    });
  }

  function adminReview() {
    var wrapper = MR.$('[data-dialog="review"]');
    var pending = null;
    var decide = function (id, decision, opinion) {
      return MR.api('POST', '/api/admin/projects/' + id + '/review', { decision: decision, opinion: opinion })
        .then(function (res) {
          if (res.status === 200) {
            MR.message('success', '操作成功');
            setTimeout(function () { location.reload(); }, MR.fast ? 200 : 800);
          } else if (res.status !== 401) {
            MR.message('error', res.data.message || '操作失败');
          }
          return res;
        });
    };
    document.addEventListener('click', function (e) {
      var btn = e.target.closest('[data-action^="review-"]');
      if (!btn || btn.disabled) return;
      var id = btn.closest('[data-project-id]').getAttribute('data-project-id');
      var decision = btn.getAttribute('data-action').replace('review-', '');
      if (decision === 'approve') { decide(id, 'approve', ''); return; }
      pending = { id: id, decision: decision };
      wrapper.querySelector('textarea').value = '';
      MR.openDialog(wrapper);
    });
    wrapper.querySelector('[data-action="dialog-confirm"]').addEventListener('click', function () {
      var opinion = wrapper.querySelector('textarea').value.trim();
      if (!opinion) { MR.message('error', '请填写审核意见'); return; }
      decide(pending.id, pending.decision, opinion).then(function (res) {
        if (res.status === 200) MR.closeDialog(wrapper);
      });
    });
    var sw = MR.$('[data-action="academic-exempt"]');
    sw.addEventListener('mr-change', function () {
      var on = sw._mr.get();
      MR.api('POST', '/api/admin/settings', { academic_exempt: on }).then(function (res) {
        if (res.status === 200) MR.message('success', on ? '已开启免学术审查' : '已关闭免学术审查');
        else if (res.status !== 401) { sw._mr.set(!on); MR.message('error', res.data.message || '设置失败'); }
      });
    });
  }

  /* 账号管理: the sheet's per-row results, then a fresh account list from the server. */
  function adminAccounts() {
    var upload = MR.$('[data-widget="file"]');
    var result = MR.$('[data-import-result]');
    upload.addEventListener('mr-uploaded', function (e) {
      var rows = Array.isArray(e.detail) ? e.detail : (e.detail.rows || e.detail.results || []);
      var tbody = result.querySelector('tbody');
      tbody.innerHTML = '';
      var ok = 0;
      rows.forEach(function (r) {
        var tr = MR.h('tr', 'el-table__row');
        [r.row, r.name, r.ok ? '成功' : '失败', r.message || ''].forEach(function (text, i) {
          var td = MR.h('td', 'el-table_1_column_' + (i + 1));
          var cell = MR.h('div', 'cell' + (i === 2 ? (r.ok ? ' import-ok' : ' import-failed') : ''), String(text));
          td.appendChild(cell);
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
        if (r.ok) ok += 1;
      });
      var empty = result.querySelector('.el-table__empty-block');
      if (empty && rows.length) empty.remove();
      result.querySelector('.import-summary').textContent = '共 ' + rows.length + ' 行，成功 ' + ok + ' 行，失败 ' +
        (rows.length - ok) + ' 行';
      result.style.display = '';
      fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('[data-accounts]');
        var old = MR.$('[data-accounts]');
        if (fresh && old) old.replaceWith(fresh);
      });
    });
  }

  MR.ready(function () {
    MR.initWidgets(document);
    layout();
    var pages = {
      'login': login, 'profile-complete': profileComplete, 'quickstart': quickstart, 'list': listing,
      'editor': MR.editor, 'admin-review': function () { listing(); adminReview(); },
      'admin-accounts': adminAccounts
    };
    if (pages[page]) pages[page]();
  });
})();
