/* el-upload: choosing files on the hidden input uploads each at once. The list item goes is-uploading →
 * is-success; a refused file disappears with an error toast; a deleted one lingers ~1 s leaving. */
(function () {
  'use strict';
  var MR = window.MR;
  var LEAVE_MS = 1000;

  function successItem(li, name, id) {
    li.className = 'el-upload-list__item is-success';
    li.setAttribute('tabindex', '0');
    if (id !== undefined && id !== null) li.setAttribute('data-file-id', String(id));
    li.innerHTML = '';
    var a = MR.h('a', 'el-upload-list__item-name');
    a.appendChild(MR.h('i', 'el-icon-document'));
    a.appendChild(document.createTextNode(name));
    var label = MR.h('label', 'el-upload-list__item-status-label');
    label.appendChild(MR.h('i', 'el-icon-upload-success el-icon-circle-check'));
    li.appendChild(a);
    li.appendChild(label);
    li.appendChild(MR.h('i', 'el-icon-close'));
    li.appendChild(MR.h('i', 'el-icon-close-tip', '按 delete 键可删除'));
  }

  function uploadingItem(name) {
    var li = MR.h('li', 'el-upload-list__item is-uploading');
    li.setAttribute('tabindex', '0');
    var a = MR.h('a', 'el-upload-list__item-name');
    a.appendChild(MR.h('i', 'el-icon-document'));
    a.appendChild(document.createTextNode(name));
    var progress = MR.h('div', 'el-progress el-progress--line');
    progress.setAttribute('role', 'progressbar');
    progress.setAttribute('aria-valuenow', '0');
    progress.setAttribute('aria-valuemin', '0');
    progress.setAttribute('aria-valuemax', '100');
    progress.innerHTML = '<div class="el-progress-bar"><div class="el-progress-bar__outer" style="height: 2px;">' +
      '<div class="el-progress-bar__inner" style="width: 0%;"></div></div></div>';
    li.appendChild(a);
    li.appendChild(progress);
    return li;
  }

  MR.widgets.file = MR.widgets.files = function (root) {
    var input = root.querySelector('input.el-upload__input');
    var button = root.querySelector('.el-upload button');
    var list = root.querySelector('ul.el-upload-list');
    var url = root.getAttribute('data-url');
    var single = root.getAttribute('data-widget') === 'file';

    function leave(li) {
      li.classList.add('el-list-leave-active', 'el-list-leave-to');
      setTimeout(function () { li.remove(); }, MR.fast ? 0 : LEAVE_MS);
    }
    function send(file) {
      var li = uploadingItem(file.name);
      list.appendChild(li);
      var form = new FormData();
      form.append('file', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = function (e) {
        if (!e.lengthComputable) return;
        var pct = Math.round(e.loaded * 100 / e.total);
        li.querySelector('.el-progress').setAttribute('aria-valuenow', String(pct));
        li.querySelector('.el-progress-bar__inner').style.width = pct + '%';
      };
      xhr.onload = function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText || '{}'); } catch (err) { data = { message: xhr.responseText }; }
        if (xhr.status === 200) {
          if (single) {
            MR.$$('li.el-upload-list__item.is-success', list).forEach(function (old) { old.remove(); });
          }
          var stored = data.file || {};
          successItem(li, stored.name || file.name, stored.id);
          MR.message('success', '上传成功');
          MR.emit(root, 'mr-uploaded', data);
          return;
        }
        li.remove();
        if (xhr.status === 401) MR.expired(data); else MR.message('error', data.message || '上传失败');
      };
      xhr.onerror = function () { li.remove(); MR.message('error', '网络错误，上传失败'); };
      xhr.send(form);
    }
    function remove(li) {
      if (li.classList.contains('is-uploading') || li.classList.contains('el-list-leave-active')) return;
      var id = li.getAttribute('data-file-id');
      if (!id) { leave(li); return; }
      MR.api('DELETE', url + '/' + id).then(function (res) {
        if (res.status === 200 || res.status === 204) leave(li);
        else if (res.status !== 401) MR.message('error', res.data.message || '删除失败');
      });
    }
    if (button) {
      button.addEventListener('click', function () { if (!input.disabled) input.click(); });
    }
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      if (single) files = files.slice(0, 1);
      files.forEach(send);
      input.value = ''; // the same file can be chosen again
    });
    list.addEventListener('click', function (e) {
      if (input.disabled) return;
      var close = e.target.closest('.el-icon-close');
      if (close) remove(close.closest('li'));
    });
    list.addEventListener('keydown', function (e) {
      if (input.disabled) return;
      if (e.key === 'Delete' && e.target.matches('li.el-upload-list__item')) remove(e.target);
    });
    return {
      get: function () {
        return MR.$$('li.el-upload-list__item.is-success:not(.el-list-leave-active) a', list)
          .map(function (a) { return a.textContent; });
      }
    };
  };
})();
