/* The app's plumbing: settings from the shell, JSON requests, a small router (history or hash addresses)
 * and the evaluation of catalog conditions the server has already parsed. */
(function () {
  'use strict';
  var MR = window.MR = { settings: window.MR_SETTINGS || {} };
  var hashMode = MR.settings.routes === 'hash';

  /* --- addresses */
  function parse(full) {
    var at = full.indexOf('?');
    var path = at < 0 ? full : full.slice(0, at);
    var query = {};
    if (at >= 0) {
      full.slice(at + 1).split('&').forEach(function (pair) {
        if (!pair) return;
        var kv = pair.split('=');
        query[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || '').replace(/\+/g, ' '));
      });
    }
    return { path: path || '/', query: query, fullPath: full || '/' };
  }
  function currentAddress() {
    if (hashMode) return location.hash.replace(/^#/, '') || '/';
    return location.pathname + location.search;
  }
  function build(path, query) {
    var parts = Object.keys(query || {}).filter(function (k) {
      return query[k] !== undefined && query[k] !== null && query[k] !== '';
    }).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(query[k]); });
    return path + (parts.length ? '?' + parts.join('&') : '');
  }

  MR.route = Vue.observable(parse(currentAddress()));
  function sync() {
    var r = parse(currentAddress());
    MR.route.path = r.path;
    MR.route.query = r.query;
    MR.route.fullPath = r.fullPath;
  }
  MR.router = {
    href: function (to) { return hashMode ? '/#' + to : to; },
    push: function (to, query) { this.go(build(to, query), false); },
    replace: function (to, query) { this.go(build(to, query), true); },
    go: function (full, replace) {
      if (full === MR.route.fullPath) return;
      var url = MR.router.href(full);
      if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
      sync();
    }
  };
  window.addEventListener(hashMode ? 'hashchange' : 'popstate', sync);
  if (hashMode) window.addEventListener('popstate', sync);

  /* --- JSON requests: {status, data}; a gone session sends the user to 登录 */
  MR.http = function (method, url, body) {
    var init = { method: method, headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (res) {
      return res.text().then(function (text) {
        var data = {};
        try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { message: text }; }
        if (res.status === 401 && MR.route.path !== '/login') MR.expired(data.message);
        return { status: res.status, data: data };
      });
    }, function () {
      return { status: 0, data: { message: '网络错误，请稍后重试' } };
    });
  };
  MR.expired = function (message) {
    ELEMENT.Message.error(message || '登录已过期，请重新登录');
    MR.user = null;
    if (MR.route.path !== '/login') MR.router.replace('/login', { next: MR.route.fullPath });
  };
  /* --- --shuffle-dom: a seeded draw per page load; every key gets one random rank and one random alias, so
   * a re-render keeps the order and the names it drew */
  MR.shuffling = MR.settings.shuffleSeed !== undefined && MR.settings.shuffleSeed !== null;
  var state = (MR.settings.shuffleSeed || 0) >>> 0;
  MR.random = function () {  // mulberry32
    state = (state + 0x6D2B79F5) >>> 0;
    var t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  var ranks = {}, aliases = {};
  MR.rank = function (key) {
    if (!(key in ranks)) ranks[key] = MR.random();
    return ranks[key];
  };
  MR.alias = function (key) {
    if (!(key in aliases)) {
      var out = 'x';
      for (var i = 0; i < 10; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'.charAt(Math.floor(MR.random() * 36));
      aliases[key] = out;
    }
    return aliases[key];
  };
  /* two meaningless classes in a random order, for an element a driver should not find by class */
  MR.extraClasses = function (key) {
    if (!MR.shuffling) return '';
    var a = MR.alias('c1.' + key), b = MR.alias('c2.' + key);
    return MR.rank('c.' + key) < 0.5 ? a + ' ' + b : b + ' ' + a;
  };

  MR.user = null;  // the logged-in user, loaded by the layout
  MR.bus = new Vue();

  /* --- catalog conditions, as parsed trees: {op, field, values} or {op: and|or, parts} */
  MR.holds = function (cond, lookup) {
    if (cond.op === 'and') return cond.parts.every(function (p) { return MR.holds(p, lookup); });
    if (cond.op === 'or') return cond.parts.some(function (p) { return MR.holds(p, lookup); });
    var actual = lookup(cond.field);
    var present = (Array.isArray(actual) ? actual : [actual]).filter(function (v) {
      return v !== null && v !== undefined && String(v) !== '';
    }).map(String);
    if (cond.op === 'startswith') return present.some(function (p) { return p.indexOf(cond.values[0]) === 0; });
    var hit = present.some(function (p) { return cond.values.indexOf(p) >= 0; });
    return cond.op === '==' || cond.op === 'in' ? hit : !hit;
  };
  MR.fieldsOf = function (cond) {
    if (cond.parts) return [].concat.apply([], cond.parts.map(MR.fieldsOf));
    return [cond.field];
  };

  MR.catalog = null;
  MR.loadCatalog = function () {
    if (MR.catalog) return Promise.resolve(MR.catalog);
    return MR.http('GET', '/api/catalog').then(function (res) {
      if (res.status === 200) MR.catalog = res.data;
      return MR.catalog;
    });
  };
  MR.tagType = function (status) {
    return { draft: 'info', returned: 'danger', rejected: 'danger', published: 'success' }[status] || 'warning';
  };
})();
