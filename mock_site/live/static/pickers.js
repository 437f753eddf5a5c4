/* The editor's pickers: selection dialogs (layer + table) and the autocomplete under 机构名称 / 项目负责人. */
layui.use(['layer', 'table'], function () {
  var $ = layui.$, layer = layui.layer, table = layui.table;
  var ms = LIVE.fast ? 0 : 300;
  var refresh = function () { if (LIVE.refresh) LIVE.refresh(); };

  /* ---- selection dialogs */
  /* each dialog: its table's columns, the picked row's cells, and the hidden inputs a pick posts */
  var PICK = {
    people: {cols: [{field: 'name', title: '姓名'}, {field: 'title', title: '职称'}, {field: 'department', title: '科室'},
                    {field: 'mobile', title: '手机'}], cells: ['name', 'title', 'department', 'mobile'],
             id: function (r) { return r.name + '|' + r.mobile; },
             hidden: function (r, name) { return [[name, ''], [name + '.name', r.name], [name + '.mobile', r.mobile]]; }},
    disciplines: {cols: [{field: 'name', title: '学科名称'}, {field: 'group', title: '所属学科'}], cells: ['name', 'group'],
                  id: function (r) { return r.name; }, hidden: function (r, name) { return [[name, r.name]]; }},
    icd11: {cols: [{field: 'code', title: '编码', width: 120}, {field: 'name', title: '疾病名称'}], cells: ['code', 'name'],
            id: function (r) { return r.code; }, hidden: function (r, name) { return [[name, r.code]]; }}
  };
  $(document).on('click', '.live-pick', function () {
    var $item = $(this).closest('.live-item'), source = $(this).data('source'), spec = PICK[source];
    var name = $item.attr('data-name'), title = $item.find('.layui-form-label').text().replace('*', '');
    var url = '/research/api/' + source;
    layer.open({
      type: 1, title: title, area: ['760px', '560px'], btn: ['确定', '取消'], anim: LIVE.fast ? -1 : 0,
      content: '<div class="live-dialog"><div class="live-dialog-search"><input type="text" class="layui-input live-dialog-q" placeholder="请输入关键字">' +
        '<button type="button" class="layui-btn layui-btn-sm live-dialog-go">搜索</button></div><table id="live-pick-table" lay-filter="pick"></table></div>',
      success: function (layero) {
        table.render({elem: '#live-pick-table', id: 'pick', url: url, height: 380, page: false,
                      cols: [[{type: 'checkbox'}].concat(spec.cols)], text: {none: '无匹配数据'}});
        var go = function () { table.reload('pick', {where: {q: layero.find('.live-dialog-q').val()}}); };
        layero.find('.live-dialog-go').on('click', go);
        layero.find('.live-dialog-q').on('keydown', function (e) { if (e.key === 'Enter') go(); });
      },
      yes: function (index) {
        var $body = $item.find('.live-picked tbody');
        var have = $body.find('tr').map(function () { return $(this).attr('data-pick'); }).get();
        table.checkStatus('pick').data.forEach(function (row) {
          if (have.indexOf(spec.id(row)) >= 0) return;
          var $tr = $('<tr>').attr('data-pick', spec.id(row));
          spec.cells.forEach(function (field, i) {
            var $td = $('<td>').text(row[field] || '');
            if (i === 0) {
              spec.hidden(row, name).reverse().forEach(function (pair) {
                $td.prepend($('<input type="hidden">').attr('name', pair[0]).val(pair[1]));
              });
            }
            $tr.append($td);
          });
          $tr.append('<td><a href="javascript:;" class="layui-btn layui-btn-danger layui-btn-xs live-unpick">删除</a></td>');
          $body.append($tr);
        });
        layer.close(index);
        refresh();
      }
    });
  });
  $(document).on('click', '.live-unpick', function () { $(this).closest('tr').remove(); refresh(); });

  /* ---- autocomplete: 机构名称 over registered institutions, 项目负责人 over that institution's people */
  var timer = null;
  $(document).on('input', '.live-auto input', function () {
    var $input = $(this), $list = $input.siblings('.live-suggest'), q = $input.val().trim();
    clearTimeout(timer);
    if (!q) { $list.addClass('layui-hide').empty(); return; }
    timer = setTimeout(function () {
      var url = '/research/api/orgs?q=' + encodeURIComponent(q);
      if ($input.data('source') === 'people') {
        var org = $input.closest('.live-row').find('.live-item[data-key="institution"] input').val() || '';
        url = '/research/api/people?q=' + encodeURIComponent(q) + '&org=' + encodeURIComponent(org);
      }
      LIVE.request('GET', url).then(function (res) {
        $list.empty();
        (res.data || []).slice(0, 10).forEach(function (r) {
          $list.append($('<li>').attr('data-value', r.name).text(r.name)
            .append(r.department || r.province ? $('<span class="live-suggest-aux">').text(r.department || r.province) : ''));
        });
        if (!(res.data || []).length) $list.append('<li class="live-suggest-none">无匹配数据</li>');
        $list.removeClass('layui-hide');
      });
    }, ms);
  });
  $(document).on('mousedown', '.live-suggest li[data-value]', function (e) {
    e.preventDefault();
    var $li = $(this), $input = $li.closest('.live-auto').find('input');
    $input.val($li.attr('data-value')).trigger('change');
    $li.parent().addClass('layui-hide').empty();
  });
  $(document).on('blur', '.live-auto input', function () { $(this).siblings('.live-suggest').addClass('layui-hide'); });

});
