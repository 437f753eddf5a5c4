/* The mock's page runtime: helpers, Vue-style transitions, toasts, message boxes, dialogs, pop-ups, XHR.
 * Written for this mock (no framework). Every timing below is Element UI 2.x's; <body data-fast="1"> turns the
 * transitions and the search debounce off for unit tests. Widgets register in MR.widgets (see the other files). */
(function () {
  'use strict';

  var MR = window.MR = {};
  var body = document.body;
  MR.fast = body.getAttribute('data-fast') === '1';
  MR.DURATION = MR.fast ? 0 : 300;
  MR.TOAST_MS = 3000;

  var dataNode = document.querySelector('script[data-page-data]');
  MR.data = dataNode ? JSON.parse(dataNode.textContent || '{}') : {};

  MR.$ = function (sel, root) { return (root || document).querySelector(sel); };
  MR.$$ = function (sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); };

  /* An element with classes (space separated) and optional text. */
  MR.h = function (tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined && text !== null) el.textContent = text;
    return el;
  };

  MR.emit = function (el, name, detail) {
    el.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: detail }));
  };

  /* Element's PopupManager hands out rising z-indexes so that the newest pop-up is on top. */
  var zIndex = 2000;
  MR.nextZ = function () { zIndex += 1; return zIndex; };

  /* --- transitions: the classes Vue's <transition name="..."> adds, for MR.DURATION ms */
  function finish(el) {
    if (el._mrTimer) { clearTimeout(el._mrTimer); el._mrTimer = null; }
    if (el._mrDone) { var done = el._mrDone; el._mrDone = null; done(); }
  }
  function strip(el, name) {
    ['enter', 'enter-active', 'enter-to', 'leave', 'leave-active', 'leave-to'].forEach(function (s) {
      el.classList.remove(name + '-' + s);
    });
  }
  MR.show = function (el, name, done) {
    finish(el);
    el.style.display = '';
    if (MR.fast || !name) { if (done) done(); return; }
    strip(el, name);
    el.classList.add(name + '-enter', name + '-enter-active');
    void el.offsetWidth; // start the transition from the enter state
    el.classList.remove(name + '-enter');
    el.classList.add(name + '-enter-to');
    el._mrDone = function () { strip(el, name); if (done) done(); };
    el._mrTimer = setTimeout(function () { finish(el); }, MR.DURATION);
  };
  MR.hide = function (el, name, done, duration) {
    finish(el);
    var ms = duration === undefined ? MR.DURATION : (MR.fast ? 0 : duration);
    var end = function () { strip(el, name || ''); el.style.display = 'none'; if (done) done(); };
    if (!ms || !name) { end(); return; }
    strip(el, name);
    el.classList.add(name + '-leave', name + '-leave-active');
    void el.offsetWidth;
    el.classList.remove(name + '-leave');
    el.classList.add(name + '-leave-to');
    el._mrDone = end;
    el._mrTimer = setTimeout(function () { finish(el); }, ms);
  };

  /* --- toasts: div.el-message appended to <body>, stacked from the top, gone after 3 s */
  var toasts = [];
  function layoutToasts() {
    var top = 20;
    toasts.forEach(function (t) { t.style.top = top + 'px'; top += t.offsetHeight + 16; });
  }
  MR.message = function (type, text) {
    var el = MR.h('div', 'el-message el-message--' + type);
    el.setAttribute('role', 'alert');
    el.appendChild(MR.h('i', 'el-message__icon el-icon-' + type));
    el.appendChild(MR.h('p', 'el-message__content', text));
    el.style.zIndex = MR.nextZ();
    body.appendChild(el);
    toasts.push(el);
    layoutToasts();
    MR.show(el, 'el-message-fade');
    var timer = null;
    var close = function () {
      var i = toasts.indexOf(el);
      if (i < 0) return;
      toasts.splice(i, 1);
      MR.hide(el, 'el-message-fade', function () { el.remove(); });
      layoutToasts();
    };
    var start = function () { timer = setTimeout(close, MR.TOAST_MS); };
    // as in Element, a toast under the mouse stays until the mouse leaves
    el.addEventListener('mouseenter', function () { clearTimeout(timer); });
    el.addEventListener('mouseleave', start);
    start();
    return el;
  };

  /* --- the modal mask shared by dialogs and message boxes */
  var mask = null;
  var maskUsers = 0;
  function openMask(z) {
    if (!mask) { mask = MR.h('div', 'v-modal'); mask.setAttribute('tabindex', '0'); body.appendChild(mask); }
    maskUsers += 1;
    mask.style.zIndex = z;
    MR.show(mask, 'v-modal');
  }
  function closeMask() {
    maskUsers = Math.max(0, maskUsers - 1);
    if (!maskUsers && mask) MR.hide(mask, 'v-modal');
  }

  /* --- el-dialog: the wrapper stays where it was rendered; it fades in and out and stays in the DOM */
  MR.openDialog = function (wrapper) {
    var z = MR.nextZ();
    openMask(z);
    wrapper.style.zIndex = MR.nextZ();
    MR.show(wrapper, 'dialog-fade');
    wrapper._mrOpen = true;
    var first = wrapper.querySelector('input:not([readonly]), textarea');
    if (first) first.focus();
  };
  MR.closeDialog = function (wrapper) {
    if (!wrapper._mrOpen) return;
    wrapper._mrOpen = false;
    MR.closePoppers();
    MR.hide(wrapper, 'dialog-fade');
    closeMask();
  };
  document.addEventListener('click', function (e) {
    var btn = e.target.closest('[data-action="dialog-close"]');
    if (btn) MR.closeDialog(btn.closest('.el-dialog__wrapper'));
  });

  /* --- el-message-box: one instance appended to <body> on first use, reused and hidden afterwards */
  var box = null;
  function buildBox() {
    box = MR.h('div', 'el-message-box__wrapper');
    box.setAttribute('tabindex', '-1');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.style.display = 'none';
    box.innerHTML =
      '<div class="el-message-box"><div class="el-message-box__header"><div class="el-message-box__title">' +
      '<span></span></div><button type="button" aria-label="Close" class="el-message-box__headerbtn">' +
      '<i class="el-message-box__close el-icon-close"></i></button></div><div class="el-message-box__content">' +
      '<div class="el-message-box__container"><div class="el-message-box__status el-icon-warning"></div>' +
      '<div class="el-message-box__message"><p></p></div></div></div><div class="el-message-box__btns">' +
      '<button type="button" class="el-button el-button--default el-button--small"><span>取消</span></button>' +
      '<button type="button" class="el-button el-button--default el-button--small el-button--primary">' +
      '<span>确定</span></button></div></div>';
    body.appendChild(box);
    var buttons = box.querySelectorAll('.el-message-box__btns button');
    buttons[0].addEventListener('click', function () { closeBox(false); });
    buttons[1].addEventListener('click', function () { closeBox(true); });
    box.querySelector('.el-message-box__headerbtn').addEventListener('click', function () { closeBox(false); });
    box.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') closeBox(false);
    });
  }
  function closeBox(answer) {
    if (!box._mrResolve) return;
    var resolve = box._mrResolve;
    box._mrResolve = null;
    MR.hide(box, 'msgbox-fade');
    closeMask();
    resolve(answer);
  }
  /* Resolves true for 确定, false for 取消 / close / Escape. */
  MR.confirm = function (message, title) {
    if (!box) buildBox();
    if (box._mrResolve) closeBox(false);
    box.setAttribute('aria-label', title);
    box.querySelector('.el-message-box__title span').textContent = title;
    box.querySelector('.el-message-box__message p').textContent = message;
    openMask(MR.nextZ());
    box.style.zIndex = MR.nextZ();
    MR.show(box, 'msgbox-fade');
    box.focus();
    return new Promise(function (resolve) { box._mrResolve = resolve; });
  };

  /* --- pop-ups (select dropdowns, date panels): placed under their input, closed by a click elsewhere */
  var openPoppers = [];
  MR.place = function (popper, ref) {
    var r = ref.getBoundingClientRect();
    var height = popper.offsetHeight;
    var below = window.innerHeight - r.bottom;
    var up = below < height + 12 && r.top > height + 12;
    popper.style.position = 'absolute';
    popper.style.left = (r.left + window.scrollX) + 'px';
    popper.style.top = (up ? r.top + window.scrollY - height - 12 : r.bottom + window.scrollY + 12) + 'px';
    popper.setAttribute('x-placement', up ? 'top-start' : 'bottom-start');
  };
  /* handle: {popper, owner, close()}; owner is the widget root whose clicks do not count as outside. */
  MR.popperOpened = function (handle) {
    if (openPoppers.indexOf(handle) < 0) openPoppers.push(handle);
  };
  MR.popperClosed = function (handle) {
    var i = openPoppers.indexOf(handle);
    if (i >= 0) openPoppers.splice(i, 1);
  };
  MR.closePoppers = function (except) {
    openPoppers.slice().forEach(function (h) { if (h !== except) h.close(); });
  };
  document.addEventListener('mousedown', function (e) {
    openPoppers.slice().forEach(function (h) {
      if (!h.popper.contains(e.target) && !h.owner.contains(e.target)) h.close();
    });
  }, true);
  var reposition = function () {
    openPoppers.forEach(function (h) { if (h.place) h.place(); });
  };
  window.addEventListener('resize', reposition);
  window.addEventListener('scroll', reposition, true);

  /* --- XHR: JSON in, {status, data} out. A 401 shows the expiry toast and goes to the login page. */
  MR.loginUrl = function () {
    return '/login?next=' + encodeURIComponent(location.pathname + location.search);
  };
  MR.expired = function (data) {
    MR.message('error', (data && data.message) || '登录已过期，请重新登录');
    setTimeout(function () { location.href = MR.loginUrl(); }, MR.fast ? 200 : 1000);
  };
  MR.api = function (method, url, payload) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (payload instanceof FormData) {
      init.body = payload;
    } else if (payload !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    return fetch(url, init).then(function (resp) {
      return resp.text().then(function (text) {
        var data = {};
        try { data = text ? JSON.parse(text) : {}; } catch (err) { data = { message: text }; }
        if (resp.status === 401) MR.expired(data);
        return { status: resp.status, data: data };
      });
    }, function () {
      return { status: 0, data: { message: '网络错误，请稍后重试' } };
    });
  };

  /* --- widgets: each kind registers an init function answering {get(), set(v), destroy()} */
  MR.widgets = {};
  MR.initWidgets = function (root) {
    MR.$$('[data-widget]', root || document).forEach(function (el) {
      if (el._mr) return;
      var init = MR.widgets[el.getAttribute('data-widget')];
      if (init) el._mr = init(el) || {};
    });
  };
  MR.destroyWidgets = function (root) {
    MR.$$('[data-widget]', root).forEach(function (el) {
      if (el._mr && el._mr.destroy) el._mr.destroy();
    });
  };
  MR.valueOf = function (root) {
    return root && root._mr && root._mr.get ? root._mr.get() : null;
  };
  /* A button's busy state while its request runs (Element's loading button). */
  MR.busy = function (btn, on) {
    if (!btn) return;
    btn.disabled = on;
    btn.classList.toggle('is-loading', on);
    var icon = btn.querySelector('i');
    if (on) {
      btn._mrIcon = icon ? icon.className : null;
      if (icon) icon.className = 'el-icon-loading'; else btn.insertBefore(MR.h('i', 'el-icon-loading'), btn.firstChild);
    } else if (icon) {
      if (btn._mrIcon) icon.className = btn._mrIcon; else icon.remove();
    }
  };
  MR.ready = function (fn) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn); else fn();
  };
})();
