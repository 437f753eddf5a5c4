/* el-date-picker (one date) and the daterange editor. The panel is built on first open and appended to
 * <body>; it stays there hidden afterwards. Typing yyyy-mm-dd then Enter commits and closes; an impossible
 * date rolls over the way JavaScript's Date does (2025-13-45 becomes 2026-02-14). */
(function () {
  'use strict';
  var MR = window.MR;
  var ZOOM = 'el-zoom-in-top';
  var WEEK = ['日', '一', '二', '三', '四', '五', '六'];

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function fmt(d) { return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }
  /* "yyyy-m-d" → Date (rolled over), anything else → null */
  function parse(text) {
    var m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || '');
    if (!m) return null;
    var d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return isNaN(d.getTime()) ? null : d;
  }
  MR.parseDate = parse;
  MR.formatDate = fmt;

  /* One month as an el-date-table; `mark(date)` answers extra classes for a day cell. */
  function monthTable(year, month, mark) {
    var table = MR.h('table', 'el-date-table');
    table.setAttribute('cellspacing', '0');
    table.setAttribute('cellpadding', '0');
    var tbody = MR.h('tbody');
    var head = MR.h('tr');
    WEEK.forEach(function (w) { head.appendChild(MR.h('th', '', w)); });
    tbody.appendChild(head);
    var first = new Date(year, month, 1);
    var start = new Date(year, month, 1 - first.getDay());
    var today = fmt(new Date());
    for (var r = 0; r < 6; r++) {
      var tr = MR.h('tr', 'el-date-table__row');
      for (var c = 0; c < 7; c++) {
        var d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + r * 7 + c);
        var cls = d.getMonth() === month ? 'available' : (d < first ? 'prev-month' : 'next-month');
        if (fmt(d) === today) cls += ' today';
        if (d.getMonth() === month) cls += mark(d);
        var td = MR.h('td', cls);
        td.setAttribute('data-date', fmt(d));
        var div = MR.h('div');
        div.appendChild(MR.h('span', '', String(d.getDate())));
        td.appendChild(div);
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    }
    table.appendChild(tbody);
    return table;
  }

  function iconBtn(cls, label) {
    var b = MR.h('button', 'el-picker-panel__icon-btn ' + cls);
    b.type = 'button';
    b.setAttribute('aria-label', label);
    return b;
  }

  /* The pop-up shared by both widgets: open/close with the zoom transition, click outside closes. */
  function Panel(owner, anchor, cls) {
    this.owner = owner;
    this.anchor = anchor;
    this.el = MR.h('div', 'el-picker-panel ' + cls + ' el-popper');
    this.el.style.display = 'none';
    this.visible = false;
    var self = this;
    // a click elsewhere (or another pop-up opening) first commits valid typed text, as Element's blur does
    this.handle = { popper: this.el, owner: owner,
                    close: function () { if (self.onOutside) self.onOutside(); self.close(); },
                    place: function () { MR.place(self.el, self.anchor); } };
    // clicks inside the panel must not steal the input's focus
    this.el.addEventListener('mousedown', function (e) { e.preventDefault(); });
  }
  Panel.prototype.open = function () {
    if (this.visible) return;
    if (!this.el.parentNode) document.body.appendChild(this.el);
    this.visible = true;
    MR.closePoppers(this.handle);
    MR.popperOpened(this.handle);
    this.el.style.zIndex = MR.nextZ();
    this.el.style.display = '';
    MR.place(this.el, this.anchor);
    MR.show(this.el, ZOOM);
  };
  Panel.prototype.close = function () {
    if (!this.visible) return;
    this.visible = false;
    MR.popperClosed(this.handle);
    MR.hide(this.el, ZOOM);
    if (this.onClose) this.onClose();
  };

  MR.widgets.date = function (root) {
    var input = root.querySelector('input');
    var value = parse(input.value) ? input.value : null;
    var view = parse(value) || new Date();
    var panel = new Panel(root, root, 'el-date-picker');

    function render() {
      var y = view.getFullYear();
      var m = view.getMonth();
      panel.el.innerHTML = '';
      var bodyWrap = MR.h('div', 'el-picker-panel__body-wrapper');
      var pbody = MR.h('div', 'el-picker-panel__body');
      var header = MR.h('div', 'el-date-picker__header');
      var prevY = iconBtn('el-date-picker__prev-btn el-icon-d-arrow-left', '前一年');
      var prevM = iconBtn('el-date-picker__prev-btn el-icon-arrow-left', '上个月');
      var nextY = iconBtn('el-date-picker__next-btn el-icon-d-arrow-right', '后一年');
      var nextM = iconBtn('el-date-picker__next-btn el-icon-arrow-right', '下个月');
      header.appendChild(prevY);
      header.appendChild(prevM);
      header.appendChild(MR.h('span', 'el-date-picker__header-label', y + ' 年'));
      header.appendChild(MR.h('span', 'el-date-picker__header-label', (m + 1) + ' 月'));
      header.appendChild(nextY);
      header.appendChild(nextM);
      prevY.onclick = function () { view = new Date(y - 1, m, 1); render(); };
      nextY.onclick = function () { view = new Date(y + 1, m, 1); render(); };
      prevM.onclick = function () { view = new Date(y, m - 1, 1); render(); };
      nextM.onclick = function () { view = new Date(y, m + 1, 1); render(); };
      var content = MR.h('div', 'el-picker-panel__content');
      content.appendChild(monthTable(y, m, function (d) { return fmt(d) === value ? ' current' : ''; }));
      pbody.appendChild(header);
      pbody.appendChild(content);
      bodyWrap.appendChild(pbody);
      panel.el.appendChild(bodyWrap);
      panel.el.appendChild(MR.h('div', 'popper__arrow'));
    }
    function commit(v) {
      var changed = v !== value;
      value = v;
      input.value = v || '';
      if (changed) MR.emit(root, 'mr-change', { value: v });
    }
    function open() {
      if (input.disabled || panel.visible) return;
      view = parse(value) || new Date();
      render();
      panel.open();
      root.classList.add('is-active');
    }
    panel.onOutside = function () { commitText(); };
    panel.onClose = function () {
      input.value = value || ''; // typed text that was never committed is dropped
      root.classList.remove('is-active');
    };
    function commitText() {
      var text = input.value.trim();
      if (text === '') { commit(null); return true; }
      var d = parse(text);
      if (!d) return false;
      commit(fmt(d));
      return true;
    }
    panel.el.addEventListener('click', function (e) {
      var td = e.target.closest('td.available');
      if (!td) return;
      commit(td.getAttribute('data-date'));
      panel.close();
    });
    input.addEventListener('focus', open);
    input.addEventListener('click', open);
    input.addEventListener('input', function () {
      var d = parse(input.value);
      if (d && panel.visible) { view = d; render(); }
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (commitText()) { panel.close(); input.blur(); }
      } else if (e.key === 'Tab') {
        commitText();
        panel.close();
      } else if (e.key === 'Escape') {
        panel.close();
      }
    });
    input.addEventListener('change', commitText);
    return {
      get: function () { return value; },
      set: function (v) { value = v || null; input.value = value || ''; },
      destroy: function () { panel.close(); panel.el.remove(); }
    };
  };

  MR.widgets.daterange = function (root) {
    var inputs = root.querySelectorAll('input.el-range-input');
    var start = inputs[0];
    var end = inputs[1];
    var value = parse(start.value) && parse(end.value) ? { start: start.value, end: end.value } : null;
    var view = new Date();
    var first = null; // the first day clicked, waiting for the second
    var panel = new Panel(root, root, 'el-date-range-picker');

    function mark(d) {
      var s = fmt(d);
      var lo = first || (value && value.start);
      var hi = first ? null : (value && value.end);
      var cls = '';
      if (lo && s === lo) cls += ' start-date';
      if (hi && s === hi) cls += ' end-date';
      if (lo && hi && s >= lo && s <= hi) cls += ' in-range';
      return cls;
    }
    function side(offset, isLeft) {
      var d = new Date(view.getFullYear(), view.getMonth() + offset, 1);
      var part = MR.h('div', 'el-picker-panel__content el-date-range-picker__content ' + (isLeft ? 'is-left' : 'is-right'));
      var header = MR.h('div', 'el-date-range-picker__header');
      var year = iconBtn((isLeft ? 'el-icon-d-arrow-left' : 'el-icon-d-arrow-right') + (isLeft ? '' : ' is-right'),
                         isLeft ? '前一年' : '后一年');
      var month = iconBtn((isLeft ? 'el-icon-arrow-left' : 'el-icon-arrow-right') + (isLeft ? '' : ' is-right'),
                          isLeft ? '上个月' : '下个月');
      var step = isLeft ? -1 : 1;
      year.onclick = function () { view = new Date(view.getFullYear() + step, view.getMonth(), 1); render(); };
      month.onclick = function () { view = new Date(view.getFullYear(), view.getMonth() + step, 1); render(); };
      header.appendChild(year);
      header.appendChild(month);
      header.appendChild(MR.h('div', '', d.getFullYear() + ' 年 ' + (d.getMonth() + 1) + ' 月'));
      part.appendChild(header);
      part.appendChild(monthTable(d.getFullYear(), d.getMonth(), mark));
      return part;
    }
    function render() {
      panel.el.innerHTML = '';
      var bodyWrap = MR.h('div', 'el-picker-panel__body-wrapper');
      var pbody = MR.h('div', 'el-picker-panel__body');
      pbody.appendChild(side(0, true));
      pbody.appendChild(side(1, false));
      bodyWrap.appendChild(pbody);
      panel.el.appendChild(bodyWrap);
      panel.el.appendChild(MR.h('div', 'popper__arrow'));
    }
    function show() {
      start.value = value ? value.start : '';
      end.value = value ? value.end : '';
    }
    function commit(v) {
      var changed = JSON.stringify(v) !== JSON.stringify(value);
      value = v;
      show();
      if (changed) MR.emit(root, 'mr-change', { value: v });
    }
    /* Both typed ends, if they make a valid range (start ≤ end); an empty pair clears the value. */
    function commitText() {
      if (start.value.trim() === '' && end.value.trim() === '') { commit(null); return true; }
      var a = parse(start.value);
      var b = parse(end.value);
      if (!a || !b || fmt(a) > fmt(b)) return false;
      commit({ start: fmt(a), end: fmt(b) });
      return true;
    }
    function open() {
      if (start.disabled || panel.visible) return;
      first = null;
      view = parse(value && value.start) || new Date();
      render();
      panel.open();
      root.classList.add('is-active');
    }
    panel.onOutside = function () { commitText(); };
    panel.onClose = function () {
      first = null;
      show();
      root.classList.remove('is-active');
    };
    panel.el.addEventListener('click', function (e) {
      var td = e.target.closest('td.available');
      if (!td) return;
      var day = td.getAttribute('data-date');
      if (!first) { first = day; render(); return; }
      var lo = first < day ? first : day;
      var hi = first < day ? day : first;
      first = null;
      commit({ start: lo, end: hi });
      panel.close();
    });
    [start, end].forEach(function (input) {
      input.addEventListener('focus', open);
      input.addEventListener('click', open);
      input.addEventListener('input', function () {
        var d = parse(input.value);
        if (d && panel.visible) { view = new Date(d.getFullYear(), d.getMonth() - (input === end ? 1 : 0), 1); render(); }
      });
      input.addEventListener('keydown', function (e) {
        if (e.key === 'Enter') {
          e.preventDefault();
          if (commitText()) { panel.close(); input.blur(); }
        } else if (e.key === 'Escape') {
          panel.close();
        }
      });
      input.addEventListener('change', commitText);
    });
    return {
      get: function () { return value; },
      set: function (v) { value = v || null; show(); },
      destroy: function () { panel.close(); panel.el.remove(); }
    };
  };
})();
