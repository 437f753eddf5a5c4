/* The remote institution search (a filterable remote el-select), built on select.js's Dropdown. */
(function () {
  'use strict';
  var MR = window.MR;
  var ZOOM = 'el-zoom-in-top';
  var Dropdown = MR.Dropdown;
  var keys = MR.selectKeys;
  var disabled = MR.selectDisabled;

  /* The remote institution search: no list until the user types; 300 ms after the last key it asks the
   * server, showing 加载中 while the request runs, then the matches or 无匹配数据. */
  MR.widgets.institution = function (root) {
    var wrap = root.querySelector('.el-input');
    var input = wrap.querySelector('input');
    var dd = new Dropdown(root, wrap);
    var value = root.getAttribute('data-value') || null;
    var timer = null;
    var asked = 0;

    function open() {
      if (disabled(root) || dd.visible) return;
      dd.list.innerHTML = '';
      dd.setEmpty(null);
      input.readOnly = false;
      input.placeholder = value || '请输入机构名称搜索';
      input.value = '';
      wrap.classList.add('is-focus');
      dd.open(true); // nothing to show before the first search
      input.focus();
    }
    dd.onClose = function () {
      clearTimeout(timer);
      asked += 1; // an answer arriving after the close is dropped
      input.readOnly = true;
      input.value = value || '';
      input.placeholder = '请输入机构名称搜索';
      wrap.classList.remove('is-focus');
    };
    function search(q) {
      var mine = ++asked;
      if (q === '') {
        dd.list.innerHTML = '';
        MR.hide(dd.popper, ZOOM);
        return;
      }
      dd.setEmpty('加载中');
      dd.reveal();
      MR.api('GET', '/api/institutions?q=' + encodeURIComponent(q)).then(function (res) {
        if (mine !== asked || !dd.visible) return;
        var found = res.status === 200 && Array.isArray(res.data) ? res.data : [];
        dd.list.innerHTML = '';
        found.forEach(function (inst) {
          var li = MR.h('li', 'el-select-dropdown__item' + (inst.name === value ? ' selected' : ''));
          li.setAttribute('data-value', inst.name);
          li.appendChild(MR.h('span', '', inst.name));
          dd.list.appendChild(li);
        });
        dd.setHover(null);
        dd.setEmpty(found.length ? null : '无匹配数据');
        dd.place();
      });
    }
    function pick(li) {
      var old = value;
      value = li.getAttribute('data-value');
      root.setAttribute('data-value', value);
      dd.close();
      if (old !== value) MR.emit(root, 'mr-change', { value: value });
    }
    root.addEventListener('click', function () { if (dd.visible) dd.close(); else open(); });
    dd.list.addEventListener('click', function (e) {
      var li = e.target.closest('li.el-select-dropdown__item');
      if (li) pick(li);
    });
    input.addEventListener('input', function () {
      if (!dd.visible) return;
      clearTimeout(timer);
      var q = input.value.trim();
      if (MR.fast) search(q); else timer = setTimeout(function () { search(q); }, 300);
    });
    keys(dd, input, pick, open);
    return {
      get: function () { return value; },
      set: function (v) { value = v || null; input.value = value || ''; },
      destroy: function () { clearTimeout(timer); dd.destroy(); }
    };
  };
})();
