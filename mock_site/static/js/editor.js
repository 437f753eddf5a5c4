/* The project editor: tabs with an unsaved-changes guard, conditional items, 保存 per pane, field errors,
 * the unregistered-institution dialog and 提交. */
(function () {
  'use strict';
  var MR = window.MR;

  var FIELD_PATH = /^(\w+)(?:\[(\d+)\](?:\.(\w+))?)?$/;

  function items(form) { return MR.$$('.el-form-item[data-prop]', form); }
  function itemOf(form, prop) {
    return items(form).filter(function (el) { return el.getAttribute('data-prop') === prop; })[0] || null;
  }
  function widgetOf(item) { return item ? item.querySelector('[data-widget]') : null; }

  /* --- conditional items: a <template data-slot> marks the place; the item follows it while shown */
  function Slot(tpl) {
    this.tpl = tpl;
    var next = tpl.nextElementSibling;
    this.item = next && next.matches('.el-form-item') && !tpl.content.firstElementChild ? next : null;
    this.shown = !!this.item;
    this.prop = tpl.getAttribute('data-when-prop');
    this.op = tpl.getAttribute('data-when-op');
    this.value = JSON.parse(tpl.getAttribute('data-when-value'));
    this.saved = tpl.getAttribute('data-when-saved') === '1';
  }
  Slot.prototype.holds = function (actual) {
    if (actual === null || actual === undefined) return false;
    if (this.op === '==') return actual === this.value;
    if (this.op === 'startswith') return String(actual).indexOf(this.value) === 0;
    return this.value.indexOf(actual) >= 0;
  };
  /* Show or hide the item as the condition says; answers whether that changed anything. */
  Slot.prototype.update = function (actual) {
    var want = this.holds(actual);
    if (want === this.shown) return false;
    this.shown = want;
    if (want) {
      if (!this.item) {
        this.item = this.tpl.content.firstElementChild.cloneNode(true);
        this.tpl.content.textContent = '';
      }
      this.tpl.parentNode.insertBefore(this.item, this.tpl.nextSibling);
      MR.initWidgets(this.item);
    } else {
      MR.closePoppers();
      this.item.remove(); // kept, with its values, for when the condition holds again
    }
    return true;
  };

  var CHOICE = ['radio', 'select', 'multiselect', 'date', 'daterange', 'institution'];
  function empty(v) { return v === null || v === undefined || (Array.isArray(v) && !v.length); }
  function setError(item, message) {
    item.classList.add('is-error');
    var content = item.querySelector('.el-form-item__content');
    var old = content.querySelector(':scope > .el-form-item__error');
    if (old) old.textContent = message; else content.appendChild(MR.h('div', 'el-form-item__error', message));
  }
  function clearError(item) {
    item.classList.remove('is-error');
    var old = item.querySelector('.el-form-item__content > .el-form-item__error');
    if (old) old.remove();
  }

  function Pane(el, editor) {
    this.el = el;
    this.key = el.getAttribute('data-pane');
    this.form = el.querySelector('form[data-module]');
    this.editor = editor;
    this.dirty = false;
    this.slots = MR.$$('template[data-slot]', this.form).map(function (t) { return new Slot(t); });
    var self = this;
    this.form.addEventListener('submit', function (e) { e.preventDefault(); });
    var touched = function (e) {
      if (e.target.closest('.upload-box')) return; // uploads are stored at once, nothing to save
      self.dirty = true;
      self.revalidate(e.target.closest('.el-form-item[data-prop]'));
      self.updateSlots();
    };
    this.form.addEventListener('input', touched);
    this.form.addEventListener('mr-change', touched);
    var save = this.form.querySelector('[data-action="save"]');
    save.addEventListener('click', function () { self.save(save); });
  }
  Pane.prototype.updateSlots = function () {
    var self = this;
    var changed = false;
    this.slots.forEach(function (slot) {
      var actual = slot.saved ? self.editor.savedPublish : MR.valueOf(widgetOf(itemOf(self.form, slot.prop)));
      changed = slot.update(actual) || changed;
    });
    if (changed) this.flashRequired();
  };
  /* Element re-validates a whole form when its rules change (an item came or went): every empty required
   * item turns red for a moment. Only the save's answer counts; these clear as the fields are filled. */
  Pane.prototype.flashRequired = function () {
    items(this.form).forEach(function (item) {
      var kind = item.getAttribute('data-kind');
      if (!item.classList.contains('is-required') || ['table', 'file', 'files'].indexOf(kind) >= 0) return;
      if (!empty(MR.valueOf(widgetOf(item)))) return;
      var label = item.querySelector('.el-form-item__label').textContent.trim();
      setError(item, (CHOICE.indexOf(kind) >= 0 ? '请选择' : '请填写') + label);
    });
  };
  /* A field's own message goes once it holds a value (its change re-validates it, as in Element). */
  Pane.prototype.revalidate = function (item) {
    if (!item || !item.classList.contains('is-error')) return;
    var kind = item.getAttribute('data-kind');
    if (kind === 'table' || empty(MR.valueOf(widgetOf(item)))) return;
    clearError(item);
  };
  /* The pane's values in the JSON of the XHR API; absent items are left out, empty ones are null. */
  Pane.prototype.collect = function () {
    var out = {};
    items(this.form).forEach(function (item) {
      var kind = item.getAttribute('data-kind');
      if (kind === 'file' || kind === 'files') return; // uploaded on their own
      out[item.getAttribute('data-prop')] = MR.valueOf(widgetOf(item));
    });
    return out;
  };
  Pane.prototype.clearErrors = function () {
    MR.$$('.el-form-item__error', this.form).forEach(function (e) { e.remove(); });
    MR.$$('.el-form-item.is-error', this.form).forEach(clearError);
  };
  /* Each error under its form item, or inside its table cell for a path like outcomes[0].kind. */
  Pane.prototype.showErrors = function (errors) {
    var form = this.form;
    (errors || []).forEach(function (err) {
      var m = FIELD_PATH.exec(err.field || '');
      var item = m && itemOf(form, m[1]);
      if (!item) return;
      item.classList.add('is-error');
      var place = item.querySelector('.el-form-item__content');
      if (m[2] !== undefined) {
        var tr = MR.$$('.el-table__body-wrapper tr.el-table__row', item)[Number(m[2])];
        var td = tr && m[3] ? tr.querySelector('td[data-col="' + m[3] + '"] .cell') : null;
        if (td) place = td;
      }
      if (place.querySelector(':scope > .el-form-item__error')) return; // one message per place
      place.appendChild(MR.h('div', 'el-form-item__error', err.message));
    });
  };
  Pane.prototype.save = function (button) {
    var self = this;
    var values = this.collect();
    MR.busy(button, true);
    MR.api('POST', '/api/projects/' + MR.data.projectId + '/modules/' + this.key, values).then(function (res) {
      MR.busy(button, false);
      self.clearErrors();
      if (res.status === 200) {
        self.dirty = false;
        MR.message('success', res.data.message || '保存成功');
        if (self.key === 'basic_info') self.editor.savedBasic(values);
      } else if (res.status === 422) {
        self.showErrors(res.data.errors);
        MR.message('error', res.data.message || '请检查标红的字段');
      } else if (res.status !== 401) {
        MR.message('error', res.data.message || '保存失败');
      }
    });
  };

  function Editor() {
    var self = this;
    this.savedPublish = MR.data.savedPublish || null;
    this.tabs = MR.$$('.el-tabs__item[role=tab]');
    this.panes = MR.$$('.el-tab-pane[data-pane]').map(function (el) { return new Pane(el, self); });
    this.tabs.forEach(function (tab) {
      tab.addEventListener('click', function () { self.select(tab.getAttribute('data-tab')); });
      tab.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); self.select(tab.getAttribute('data-tab')); }
      });
    });
    var submit = MR.$('[data-action="submit"]');
    if (submit) submit.addEventListener('click', function () { self.submit(submit); });
    this.institutionDialog();
  }
  Editor.prototype.active = function () {
    return this.panes.filter(function (p) { return !p.el.hasAttribute('aria-hidden'); })[0];
  };
  Editor.prototype.select = function (key) {
    var current = this.active();
    if (current && current.key === key) return;
    if (current && current.dirty && MR.data.editable) {
      MR.confirm('当前模块有未保存的修改，离开将丢失这些修改。确定离开吗？', '未保存的修改').then(function (ok) {
        // 确定 discards: the page comes back from the server on the new tab
        if (ok) location.replace(location.pathname + '?tab=' + encodeURIComponent(key));
      });
      return;
    }
    this.show(key);
  };
  Editor.prototype.show = function (key) {
    MR.closePoppers();
    this.tabs.forEach(function (tab) {
      var on = tab.getAttribute('data-tab') === key;
      tab.classList.toggle('is-active', on);
      tab.setAttribute('aria-selected', on ? 'true' : 'false');
      tab.setAttribute('tabindex', on ? '0' : '-1');
    });
    this.panes.forEach(function (pane) {
      var on = pane.key === key;
      if (on) { pane.el.removeAttribute('aria-hidden'); pane.el.style.display = ''; }
      else { pane.el.setAttribute('aria-hidden', 'true'); pane.el.style.display = 'none'; }
    });
    MR.$$('[data-widget="multiselect"]').forEach(function (el) { if (el._mr && el._mr.refresh) el._mr.refresh(); });
    history.replaceState(null, '', location.pathname + '?tab=' + encodeURIComponent(key));
  };
  /* After 基本信息 is saved, the English items of the other modules follow its 是否…公开. */
  Editor.prototype.savedBasic = function (values) {
    this.savedPublish = values.publish_to_chictr || null;
    var name = MR.$('.editor-project-name');
    if (name && values.project_name) name.textContent = values.project_name;
    this.panes.forEach(function (pane) { if (pane.key !== 'basic_info') pane.updateSlots(); });
  };
  Editor.prototype.submit = function (button) {
    MR.confirm('确认提交备案？提交后将进入审核，审核期间不能修改。', '确认提交备案？').then(function (ok) {
      if (!ok) return;
      MR.busy(button, true);
      MR.api('POST', '/api/projects/' + MR.data.projectId + '/submit', {}).then(function (res) {
        MR.busy(button, false);
        if (res.status === 200) {
          MR.message('success', res.data.message || '提交成功');
          setTimeout(function () {
            location.href = '/projects/' + MR.data.projectId + '/progress';
          }, MR.fast ? 300 : 1000);
        } else if (res.status === 422 && res.data.missing) {
          var wrapper = MR.$('[data-dialog="submit-check"]');
          var list = wrapper.querySelector('.submit-check-list');
          list.innerHTML = '';
          list.appendChild(MR.h('p', 'submit-check-lead', res.data.message || '以下内容尚未填写完整：'));
          res.data.missing.forEach(function (m) {
            list.appendChild(MR.h('p', 'submit-check-item', m.module + '：' + m.fields.join('、')));
          });
          MR.openDialog(wrapper);
        } else if (res.status !== 401) {
          MR.message('error', res.data.message || '提交失败');
        }
      });
    });
  };
  /* 添加未在系统注册的医疗卫生机构: the link under the 参与单位 table opens the dialog; 确定 registers it. */
  Editor.prototype.institutionDialog = function () {
    var wrapper = MR.$('[data-dialog="institution"]');
    if (!wrapper) return;
    var form = wrapper.querySelector('form');
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    document.addEventListener('click', function (e) {
      var link = e.target.closest('[data-action="open-institution-dialog"]');
      if (link && !link.classList.contains('is-disabled')) MR.openDialog(wrapper);
    });
    var confirm = wrapper.querySelector('[data-action="dialog-confirm"]');
    confirm.addEventListener('click', function () {
      var values = {};
      var missing = false;
      items(form).forEach(function (item) {
        clearError(item);
        var prop = item.getAttribute('data-prop');
        var v = MR.valueOf(widgetOf(item));
        values[prop] = typeof v === 'string' ? v.trim() : v;
        if (item.classList.contains('is-required') && !values[prop]) {
          missing = true;
          var label = item.querySelector('.el-form-item__label').textContent.trim();
          setError(item, (item.getAttribute('data-kind') === 'select' ? '请选择' : '请填写') + label);
        }
      });
      if (missing) return;
      MR.busy(confirm, true);
      MR.api('POST', '/api/institutions', values).then(function (res) {
        MR.busy(confirm, false);
        if (res.status === 200 || res.status === 201) {
          MR.message('success', '添加成功');
          MR.closeDialog(wrapper);
          items(form).forEach(function (item) {
            var w = widgetOf(item);
            if (w && w._mr && w._mr.set) w._mr.set(null);
          });
        } else if (res.status !== 401) {
          (res.data.errors || []).forEach(function (err) {
            var target = itemOf(form, err.field);
            if (target) setError(target, err.message);
          });
          MR.message('error', res.data.message || '添加失败');
        }
      });
    });
  };

  MR.editor = function () { return new Editor(); };
})();
