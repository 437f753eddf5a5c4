/* el-select: single (filterable) and multiple (tags); the remote institution search is in remote.js.
 * The dropdown starts inside the component and moves to <body> the first time it opens; closed, it stays
 * there hidden. While open, typing filters the items; ArrowUp/ArrowDown move .hover, Enter picks it. */
(function () {
  'use strict';
  var MR = window.MR;
  var ZOOM = 'el-zoom-in-top';

  /* The dropdown of one select: open/close, placement, filtering and the hovered item. */
  function Dropdown(root, anchor) {
    this.root = root;
    this.anchor = anchor;
    this.popper = root.querySelector('.el-select-dropdown');
    this.list = this.popper.querySelector('.el-select-dropdown__list');
    this.scroll = this.popper.querySelector('.el-scrollbar');
    this.empty = this.popper.querySelector('.el-select-dropdown__empty');
    this.visible = false;
    this.hover = null;
    var self = this;
    this.handle = { popper: this.popper, owner: root, close: function () { self.close(); },
                    place: function () { self.place(); } };
    this.popper.addEventListener('mouseover', function (e) {
      var li = e.target.closest('li.el-select-dropdown__item');
      if (li && self.list.contains(li)) self.setHover(li);
    });
  }
  Dropdown.prototype.items = function () { return MR.$$('li.el-select-dropdown__item', this.list); };
  Dropdown.prototype.shown = function () {
    return this.items().filter(function (li) { return li.style.display !== 'none'; });
  };
  Dropdown.prototype.place = function () {
    this.popper.style.minWidth = this.anchor.getBoundingClientRect().width + 'px';
    MR.place(this.popper, this.anchor);
  };
  /* Show the pop-up (with the zoom transition); `silent` keeps it logically open but hidden (remote select). */
  Dropdown.prototype.open = function (silent) {
    if (this.popper.parentNode !== document.body) document.body.appendChild(this.popper);
    this.visible = true;
    MR.closePoppers(this.handle);
    MR.popperOpened(this.handle);
    if (!silent) this.reveal();
  };
  Dropdown.prototype.reveal = function () {
    if (this.popper.style.display !== 'none' && !this.popper._mrTimer) { this.place(); return; }
    this.popper.style.zIndex = MR.nextZ();
    this.popper.style.display = '';
    this.place();
    MR.show(this.popper, ZOOM);
  };
  Dropdown.prototype.close = function () {
    if (!this.visible) return;
    this.visible = false;
    MR.popperClosed(this.handle);
    this.setHover(null);
    if (this.popper.style.display !== 'none') MR.hide(this.popper, ZOOM);
    if (this.onClose) this.onClose();
  };
  Dropdown.prototype.setHover = function (li) {
    if (this.hover) this.hover.classList.remove('hover');
    this.hover = li;
    if (li) { li.classList.add('hover'); li.scrollIntoView({ block: 'nearest' }); }
  };
  Dropdown.prototype.move = function (by) {
    var shown = this.shown();
    if (!shown.length) return;
    var i = shown.indexOf(this.hover);
    i = i < 0 ? (by > 0 ? 0 : shown.length - 1) : (i + by + shown.length) % shown.length;
    this.setHover(shown[i]);
  };
  /* Filter the items by text (case-insensitive contains); "无匹配数据" when nothing is left. */
  Dropdown.prototype.filter = function (query) {
    var q = (query || '').toLowerCase();
    var any = false;
    this.items().forEach(function (li) {
      var ok = li.textContent.toLowerCase().indexOf(q) >= 0;
      li.style.display = ok ? '' : 'none';
      any = any || ok;
    });
    this.setHover(null);
    this.setEmpty(any ? null : '无匹配数据');
  };
  Dropdown.prototype.setEmpty = function (text) {
    this.scroll.style.display = text ? 'none' : '';
    this.empty.style.display = text ? '' : 'none';
    if (text) this.empty.textContent = text;
  };
  Dropdown.prototype.destroy = function () {
    this.close();
    if (this.popper.parentNode === document.body) this.popper.remove();
  };

  /* Keys shared by the three forms while the input has focus. */
  function keys(dd, input, pick, openFn) {
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!dd.visible) { openFn(); return; }
        dd.move(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (!dd.visible) openFn();
        else if (dd.hover) pick(dd.hover);
      } else if (e.key === 'Escape') {
        if (dd.visible) { e.preventDefault(); e.stopPropagation(); dd.close(); }
      } else if (e.key === 'Tab') {
        dd.close();
      }
    });
  }

  function disabled(root) {
    return !!root.querySelector('input.el-input__inner[disabled]');
  }

  /* Single select: the input is read-only while closed; open, it takes a filter text. */
  MR.widgets.select = function (root) {
    var wrap = root.querySelector('.el-input');
    var input = wrap.querySelector('input');
    var dd = new Dropdown(root, wrap);
    var value = root.getAttribute('data-value') || null;
    var label = input.value;

    function open() {
      if (disabled(root) || dd.visible) return;
      dd.filter('');
      input.readOnly = false;
      input.placeholder = label || '请选择';
      input.value = '';
      wrap.classList.add('is-focus');
      dd.open();
      var sel = dd.items().filter(function (li) { return li.getAttribute('data-value') === value; })[0];
      dd.setHover(sel || null);
      input.focus();
    }
    dd.onClose = function () {
      input.readOnly = true;
      input.value = label;
      input.placeholder = '请选择';
      wrap.classList.remove('is-focus');
    };
    function pick(li) {
      var old = value;
      value = li.getAttribute('data-value');
      label = li.textContent.trim();
      root.setAttribute('data-value', value);
      dd.items().forEach(function (x) { x.classList.toggle('selected', x === li); });
      dd.close();
      if (old !== value) MR.emit(root, 'mr-change', { value: value });
    }
    root.addEventListener('click', function () { if (dd.visible) dd.close(); else open(); });
    dd.list.addEventListener('click', function (e) {
      var li = e.target.closest('li.el-select-dropdown__item');
      if (li) pick(li);
    });
    input.addEventListener('input', function () { if (dd.visible) dd.filter(input.value); });
    keys(dd, input, pick, open);
    return {
      get: function () { return value === '' ? null : value; },
      set: function (v) {
        var li = dd.items().filter(function (x) { return x.getAttribute('data-value') === v; })[0];
        value = li ? v : null;
        label = li ? li.textContent.trim() : '';
        input.value = label;
      },
      destroy: function () { dd.destroy(); }
    };
  };

  /* Multiple select: tags, a filter input beside them, and a list that stays open between picks. */
  MR.widgets.multiselect = function (root) {
    var wrap = root.querySelector('.el-input');
    var inner = wrap.querySelector('input');
    var tagsBox = root.querySelector('.el-select__tags');
    var tags = tagsBox.querySelector('span');
    var filter = root.querySelector('.el-select__input');
    var dd = new Dropdown(root, wrap);
    var values = MR.$$('.el-select__tags-text', tags).map(function (t) { return t.textContent; });

    function resize() {
      // the tags sit over the input, which grows with them
      inner.style.height = Math.max(32, tagsBox.offsetHeight + 4) + 'px';
      inner.placeholder = values.length ? '' : '请选择';
      if (dd.visible) dd.place();
    }
    function paint() {
      tags.innerHTML = '';
      values.forEach(function (v) {
        var tag = MR.h('span', 'el-tag el-tag--info el-tag--small el-tag--light');
        tag.appendChild(MR.h('span', 'el-select__tags-text', v));
        tag.appendChild(MR.h('i', 'el-tag__close el-icon-close'));
        tags.appendChild(tag);
      });
      dd.items().forEach(function (li) {
        li.classList.toggle('selected', values.indexOf(li.getAttribute('data-value')) >= 0);
      });
      resize();
    }
    function open() {
      if (disabled(root) || dd.visible) return;
      dd.filter(filter.value);
      wrap.classList.add('is-focus');
      dd.open();
      filter.focus();
    }
    dd.onClose = function () {
      filter.value = '';
      wrap.classList.remove('is-focus');
    };
    function toggle(li) {
      var v = li.getAttribute('data-value');
      var i = values.indexOf(v);
      if (i >= 0) values.splice(i, 1); else values.push(v);
      filter.value = '';
      dd.filter('');
      dd.setHover(li);
      paint();
      filter.focus();
      MR.emit(root, 'mr-change', { value: values.slice() });
    }
    root.addEventListener('click', function (e) {
      var close = e.target.closest('.el-tag__close');
      if (close) {
        e.stopPropagation();
        if (disabled(root)) return;
        var text = close.parentNode.querySelector('.el-select__tags-text').textContent;
        values.splice(values.indexOf(text), 1);
        paint();
        MR.emit(root, 'mr-change', { value: values.slice() });
        return;
      }
      if (dd.visible && e.target !== filter) dd.close(); else open();
    });
    dd.list.addEventListener('click', function (e) {
      var li = e.target.closest('li.el-select-dropdown__item');
      if (li) toggle(li);
    });
    filter.addEventListener('input', function () {
      filter.style.width = (filter.value.length + 1) * 14 + 'px';
      if (!dd.visible) open(); else dd.filter(filter.value);
    });
    filter.addEventListener('keydown', function (e) {
      if (e.key === 'Backspace' && filter.value === '' && values.length && !disabled(root)) {
        values.pop();
        paint();
        MR.emit(root, 'mr-change', { value: values.slice() });
      }
    });
    keys(dd, filter, toggle, open);
    MR.ready(resize);
    return {
      get: function () { return values.length ? values.slice() : null; },
      set: function (v) { values = (v || []).slice(); paint(); },
      refresh: resize,
      destroy: function () { dd.destroy(); }
    };
  };

  MR.Dropdown = Dropdown;
  MR.selectKeys = keys;
  MR.selectDisabled = disabled;
})();
