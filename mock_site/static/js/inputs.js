/* Text, textarea, number, radio and switch widgets. */
(function () {
  'use strict';
  var MR = window.MR;

  function textLike(root, selector) {
    var input = root.querySelector(selector);
    var count = root.querySelector('.el-input__count-inner') || root.querySelector('.el-input__count');
    var update = function () {
      if (count && input.maxLength > 0) count.textContent = input.value.length + '/' + input.maxLength;
    };
    input.addEventListener('input', function () { update(); MR.emit(root, 'mr-change'); });
    return {
      input: input,
      get: function () { return input.value === '' ? null : input.value; },
      set: function (v) { input.value = v === null || v === undefined ? '' : String(v); update(); }
    };
  }
  MR.widgets.text = function (root) { return textLike(root, 'input'); };
  MR.widgets.textarea = function (root) { return textLike(root, 'textarea'); };

  /* el-input-number: typed text commits on Enter or blur; the committed value lives in aria-valuenow. */
  MR.widgets.number = function (root) {
    var input = root.querySelector('input');
    var dec = root.querySelector('.el-input-number__decrease');
    var inc = root.querySelector('.el-input-number__increase');
    var min = root.hasAttribute('data-min') ? Number(root.getAttribute('data-min')) : -Infinity;
    var max = root.hasAttribute('data-max') ? Number(root.getAttribute('data-max')) : Infinity;
    var now = input.getAttribute('aria-valuenow');
    var value = now === 'undefined' || now === '' ? null : Number(now);

    function show() {
      input.value = value === null ? '' : String(value);
      input.setAttribute('aria-valuenow', value === null ? 'undefined' : String(value));
      if (input.disabled) return;
      dec.classList.toggle('is-disabled', value !== null && value <= min);
      inc.classList.toggle('is-disabled', value !== null && value >= max);
    }
    function commit(v) {
      if (v !== null) v = Math.min(max, Math.max(min, v)); // out of range: clamped, silently
      var changed = v !== value;
      value = v;
      show();
      if (changed) MR.emit(root, 'mr-change');
    }
    function commitText() {
      var text = input.value.trim();
      if (text === '') { commit(null); return; }
      var n = Number(text);
      if (isNaN(n)) { show(); return; } // not a number: back to the committed value
      commit(n);
    }
    function step(by) {
      if (input.disabled) return;
      var base = value === null ? 0 : value;
      commit(base + by);
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); commitText(); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); step(1); }
      else if (e.key === 'ArrowDown') { e.preventDefault(); step(-1); }
    });
    input.addEventListener('change', commitText);
    input.addEventListener('blur', commitText);
    dec.addEventListener('mousedown', function (e) { e.preventDefault(); if (!dec.classList.contains('is-disabled')) step(-1); });
    inc.addEventListener('mousedown', function (e) { e.preventDefault(); if (!inc.classList.contains('is-disabled')) step(1); });
    return {
      get: function () { return value; },
      set: function (v) { value = v === null || v === undefined ? null : Number(v); show(); }
    };
  };

  /* el-radio-group: the native radio inside each label does the work; classes follow it. */
  MR.widgets.radio = function (root) {
    var labels = MR.$$('label.el-radio', root);
    function paint() {
      labels.forEach(function (label) {
        var input = label.querySelector('input');
        var on = input.checked;
        label.classList.toggle('is-checked', on);
        label.querySelector('.el-radio__input').classList.toggle('is-checked', on);
        label.setAttribute('aria-checked', on ? 'true' : 'false');
        label.setAttribute('tabindex', on ? '0' : '-1');
      });
    }
    labels.forEach(function (label) {
      var input = label.querySelector('input');
      input.addEventListener('change', function () { paint(); MR.emit(root, 'mr-change'); });
      label.addEventListener('keydown', function (e) {
        if ((e.key === ' ' || e.key === 'Enter') && !input.disabled) {
          e.preventDefault();
          if (!input.checked) { input.checked = true; paint(); MR.emit(root, 'mr-change'); }
        }
      });
    });
    return {
      get: function () {
        var on = root.querySelector('input:checked');
        return on ? on.value : null;
      },
      set: function (v) {
        labels.forEach(function (label) { var i = label.querySelector('input'); i.checked = i.value === v; });
        paint();
      }
    };
  };

  /* el-switch: a click toggles it. */
  MR.widgets['switch'] = function (root) {
    var input = root.querySelector('input');
    function paint() {
      root.classList.toggle('is-checked', input.checked);
      root.setAttribute('aria-checked', input.checked ? 'true' : 'false');
      var label = root.querySelector('.el-switch__label');
      if (label) label.classList.toggle('is-active', input.checked);
    }
    root.addEventListener('click', function (e) {
      e.preventDefault();
      if (root.classList.contains('is-disabled')) return;
      input.checked = !input.checked;
      paint();
      MR.emit(root, 'mr-change');
    });
    return {
      get: function () { return input.checked; },
      set: function (v) { input.checked = !!v; paint(); }
    };
  };
})();
