/* The 新建医学研究 editor: layui tabs, forms, rows, dates and uploads over the server-rendered form.
 * Conditions come from the server as parsed trees (LIVE.rules): this file only evaluates them. */
layui.use(['element', 'form', 'laydate', 'layer', 'upload'], function () {
  var $ = layui.$, element = layui.element, form = layui.form, laydate = layui.laydate, layer = layui.layer;
  var upload = layui.upload;
  var rules = LIVE.rules;

  /* ---- values and conditions */
  var topItem = function (key) {
    return $('.live-item[data-key="' + key + '"]').filter(function () { return !$(this).closest('.live-row').length; });
  };
  var readItem = function ($item) {
    if (!$item.length || $item.hasClass('live-off')) return null;
    var w = $item.data('widget');
    if (w === 'radio') return $item.find('input[type=radio]:checked').val() || null;
    if (w === 'checkbox_pair') return $item.find('input[type=checkbox]:checked').attr('title') || null;
    if (w === 'checkbox_group') return $item.find('input[type=checkbox]:checked').map(function () { return this.value; }).get();
    if (w === 'modal_pick') return $item.find('input[type=hidden]').map(function () { return this.value; }).get().filter(Boolean);
    var $c = $item.find('select, textarea, input').first();
    return $c.length ? $c.val() : null;
  };
  var lookup = function ($row) {
    return function (key) {
      if (key.indexOf('.') > 0) {  // group.column: the same row inside the group, any row from outside it
        var parts = key.split('.');
        if ($row) return readItem($row.find('.live-item[data-key="' + parts[1] + '"]'));
        var $group = topItem(parts[0]);
        if ($group.hasClass('live-off')) return null;
        return $group.find('.live-row .live-item[data-key="' + parts[1] + '"]').map(function () { return readItem($(this)); }).get();
      }
      return readItem(topItem(key));
    };
  };
  var holds = function (tree, get) {
    if (tree.parts) {
      var results = tree.parts.map(function (p) { return holds(p, get); });
      return tree.op === 'and' ? results.every(Boolean) : results.some(Boolean);
    }
    var actual = get(tree.f);
    var present = ($.isArray(actual) ? actual : [actual]).filter(function (v) { return v !== null && v !== undefined && v !== ''; })
      .map(String);
    if (tree.op === 'startswith') return present.some(function (p) { return p.indexOf(tree.v[0]) === 0; });
    var hit = present.some(function (p) { return tree.v.indexOf(p) >= 0; });
    return tree.op === '==' || tree.op === 'in' ? hit : !hit;
  };

  /* ---- shown / hidden, dependent options */
  var setShown = function ($item, shown) {
    if (shown === !$item.hasClass('live-off')) return false;
    $item.toggleClass('live-off layui-hide', !shown);
    $item.find('input, select, textarea').prop('disabled', !shown || LIVE.readonly);
    $('.live-heading[data-heading-of="' + $item.data('key') + '"]').filter(function () {
      return $(this).closest('.live-row')[0] === $item.closest('.live-row')[0];
    }).toggleClass('layui-hide', !shown);
    return true;
  };
  var refill = function ($item, get) {
    var dep = rules.parents[$item.data('key')];
    var $row = $item.closest('.live-row');
    var $inRow = $row.find('.live-item[data-key="' + dep.parent + '"]');  // a column's parent is in its row
    var parent = ($inRow.length ? readItem($inRow) : get(dep.parent)) || '';
    var $select = $item.find('select');
    if ($select.attr('data-for') === parent) return false;
    var keep = $select.val();
    var options = dep.options[parent] || [];
    $select.attr('data-for', parent).empty().append($('<option value="">').text('请选择'));
    options.forEach(function (o) { $select.append($('<option>').attr('value', o).text(o)); });
    $select.val(options.indexOf(keep) >= 0 ? keep : '');
    return true;
  };
  var refresh = function () {
    var changed = false;
    for (var pass = 0; pass < 3; pass++) {
      $('.live-item').each(function () {
        var $item = $(this), key = $item.data('key'), $row = $item.closest('.live-row');
        if ($item.closest('.live-row-template').length) return;
        var get = lookup($row.length ? $row : null);
        if (rules.parents[key]) changed = refill($item, get) || changed;
        if (rules.conds[key]) changed = setShown($item, holds(rules.conds[key], get)) || changed;
      });
    }
    $('.live-tabs .layui-tab-title li').each(function () {
      var i = $(this).data('tab');
      if (rules.tabs[i]) $(this).toggleClass('layui-hide', !holds(rules.tabs[i], lookup(null)));
    });
    if (changed) form.render();
  };

  /* ---- tabs follow the address hash */
  var showTab = function (hash) {
    var m = /^#tab(\d+)$/.exec(hash || '');
    if (m) element.tabChange('tabs', 'tab' + m[1]);
  };
  element.on('tab(tabs)', function () {
    var id = $(this).attr('lay-id');
    if (location.hash !== '#' + id) history.replaceState(null, '', '#' + id);
  });
  window.addEventListener('hashchange', function () { showTab(location.hash); });
  var nextTab = function (index) {
    var $next = $('.live-tabs .layui-tab-title li').filter(function () {
      return $(this).data('tab') > index && !$(this).hasClass('layui-hide');
    }).first();
    if ($next.length) element.tabChange('tabs', $next.attr('lay-id'));
  };

  /* ---- widgets inside a container (the page, or a row just added) */
  var dates = function ($scope) {
    $scope.find('.live-date').each(function () {
      if (this.getAttribute('lay-key') || $(this).closest('.live-row-template').length) return;
      laydate.render({elem: this, type: 'date', trigger: 'click', done: function () { setTimeout(refresh); }});
    });
  };
  var uploads = function ($scope) {
    $scope.find('.live-upload').each(function () {
      var $btn = $(this), key = $btn.data('key');
      if (!LIVE.projectId) {
        $btn.on('click', function () { layer.msg('请先保存研究类别', {icon: 0}); });
        return;
      }
      upload.render({
        elem: this, url: '/research/api/upload/' + LIVE.projectId + '/' + key, field: 'file', accept: 'file',
        exts: 'pdf', size: Number($btn.data('size')) * 1024,
        done: function (res) { uploaded($btn, res); },
        error: function () {
          var res = {};
          for (var i = 0; i < arguments.length; i++) {
            var a = arguments[i], text = a && (a.responseText || (typeof a === 'string' ? a : ''));
            if (text) { try { res = JSON.parse(text); break; } catch (e) { /* not JSON */ } }
          }
          layer.msg(res.msg || '上传失败', {icon: 2});
        }
      });
    });
  };
  var uploaded = function ($btn, res) {
    if (!res || res.code !== 0) { layer.msg((res && res.msg) || '上传失败', {icon: 2}); return; }
    var name = $btn.closest('.live-item').find('.live-file');
    var control = $btn.closest('.live-item').attr('data-name') || '';
    name.empty().append($('<input type="hidden">').attr('name', control).val(res.data.id))
      .append($('<a class="live-file-name" target="_blank">').attr('href', res.data.href).text(res.data.name));
    layer.msg('上传成功', {icon: 1});
  };

  /* ---- rows */
  $(document).on('click', '.live-add', function () {
    var $block = $(this).closest('.layui-input-block');
    var $row = $($block.children('.live-row-template').html());
    $block.children('.live-rows').append($row);
    dates($row); uploads($row);
    form.render(); refresh();
  });
  $(document).on('click', '.live-del', function () {
    var $row = $(this).closest('.live-row');
    layer.confirm('确定删除本项吗？', {title: '提示', btn: ['是', '否']}, function (index) {
      $row.remove(); layer.close(index); refresh();
    });
  });

  /* ---- checkbox pairs: two boxes, one answer */
  form.on('checkbox(live-pair)', function (data) {
    if (data.elem.checked) {
      $(data.elem).closest('.live-item').find('input[type=checkbox]').not(data.elem).prop('checked', false);
      form.render('checkbox');
    }
    refresh();
  });
  form.on('checkbox(live)', refresh);
  form.on('radio(live)', refresh);
  form.on('select(live)', refresh);
  /* typing refreshes only when some condition or dependent select reads the field typed in */
  var read = {};
  var note = function (tree) {
    if (tree.parts) { tree.parts.forEach(note); return; }
    read[tree.f.split('.').pop()] = true;
  };
  $.each(rules.conds, function (k, tree) { note(tree); });
  $.each(rules.tabs, function (k, tree) { note(tree); });
  $.each(rules.parents, function (k, dep) { read[dep.parent] = true; });
  $(document).on('input change', '.live-form input[type=text], .live-form input[type=number], .live-form textarea', function () {
    if (read[$(this).closest('.live-item').data('key')]) refresh();
  });

  /* ---- save, 下一步, 提交 */
  var clearErrors = function ($form) {
    $form.find('.live-has-error').removeClass('live-has-error');
    $form.find('.live-error').addClass('layui-hide').text('');
  };
  var showErrors = function ($form, errors) {
    (errors || []).forEach(function (e) {
      var $ctl = $form.find('[name="' + e.name + '"]');
      if (e.row !== undefined && e.row !== null) {
        $ctl = $ctl.filter(function () { return $(this).closest('.live-row').index() === e.row; });
      }
      var $item = $ctl.first().closest('.live-item');
      if (!$item.length) return;
      $item.addClass('live-has-error');
      $item.find('.live-error').first().removeClass('layui-hide').text(e.msg);
    });
  };
  var save = function ($form, then) {
    clearErrors($form);
    var tab = $form.data('tab');
    var body = new URLSearchParams();
    $form.serializeArray().forEach(function (p) { body.append(p.name, p.value); });
    var url = '/research/api/save/' + tab + (LIVE.projectId ? '?id=' + LIVE.projectId : '');
    return LIVE.request('POST', url, body.toString(), {'Content-Type': 'application/x-www-form-urlencoded'})
      .then(function (res) {
        if (res.code !== 0) {
          showErrors($form, res.errors);
          layer.msg(res.msg || '保存失败', {icon: 2});
          return;
        }
        layer.msg(res.msg || '保存成功', {icon: 1, time: LIVE.fast ? 800 : 2000});
        if (!LIVE.projectId) {  // a new draft now exists: its own address, then the tab asked for
          var go = then === 'next' ? tab + 1 : tab;
          location.replace('/research/edit/' + res.data.id + '#tab' + go);
          return;
        }
        if (then === 'next') nextTab(tab);
      });
  };
  $(document).on('click', '.live-save', function () { save($(this).closest('form')); });
  $(document).on('click', '.live-next', function () { save($(this).closest('form'), 'next'); });
  $(document).on('click', '.live-submit', function () {
    if (!LIVE.projectId) { layer.msg('请先保存研究类别', {icon: 0}); return; }
    var send = function () {
      LIVE.request('POST', '/research/api/submit/' + LIVE.projectId).then(function (res) {
        if (res.code === 0) {
          layer.msg('提交成功', {icon: 1, time: LIVE.fast ? 300 : 1500}, function () {
            location.href = '/research/progress/' + LIVE.projectId;
          });
          return;
        }
        var html = (res.missing || []).map(function (m) {
          return '<p class="live-missing-line">' + $('<span>').text(m.module + '：' + m.fields.join('、')).html() + '</p>';
        }).join('');
        layer.open({type: 1, title: '提交检查', area: ['560px', 'auto'], btn: ['知道了'],
                    content: '<div class="live-missing"><p>' + (res.msg || '') + '</p>' + html + '</div>'});
      });
    };
    if (LIVE.submitConfirm === false) { send(); return; }
    layer.confirm('确认提交备案吗？提交后将进入审核流程，不能再修改。', {title: '提交确认', btn: ['确定', '取消']}, function (index) {
      layer.close(index);
      send();
    });
  });

  /* ---- start */
  LIVE.refresh = refresh;
  if (LIVE.readonly) {
    $('body').addClass('live-readonly');
    $('.live-form').find('input, select, textarea').prop('disabled', true);
  }
  dates($(document)); if (!LIVE.readonly) uploads($(document));
  refresh();
  form.render();
  showTab(location.hash);
  $('body').addClass('live-ready');
});
