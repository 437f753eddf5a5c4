// Behaviour of the test page, written against the genuine layui API: dependent options arrive late, the
// checkbox pair is exclusive, rows are added and deleted after a 是/否 confirm, a layer dialog with a layui table
// picks disciplines, a suggestion list answers typing, an upload posts the file.
layui.use(['form', 'laydate', 'layer', 'table', 'upload'], function () {
  var form = layui.form, laydate = layui.laydate, layer = layui.layer, table = layui.table, $ = layui.$;
  var LEVEL2 = {'1001': ['药品', '医疗器械'], '1002': ['干预性研究', '观察性研究']};
  form.on('select(type1)', function (data) {
    var sel = $('select[name=type2]').html('<option value="">请选择</option>');
    form.render('select');
    setTimeout(function () {
      (LEVEL2[data.value] || []).forEach(function (t, i) { sel.append('<option value="' + (i + 1) + '">' + t + '</option>'); });
      form.render('select');
    }, 400);
  });
  form.on('checkbox(pair)', function (data) {
    if (data.elem.checked) { $('input[name=targetType]').not(data.elem).prop('checked', false); form.render('checkbox'); }
  });
  function dates() { $('input.date').each(function () { if (!this.hasAttribute('lay-key')) laydate.render({elem: this}); }); }
  dates();
  var template = $('#rows .live-row').first().clone();
  $('#add').on('click', function () {
    var row = template.clone(); row.find('input').val(''); $('#add').before(row); form.render();
  });
  $('#rows').on('click', '.del', function () {
    var row = $(this).closest('.live-row');
    layer.confirm('确定删除本项吗？', {btn: ['是', '否'], title: '提示'}, function (i) { row.remove(); layer.close(i); });
  });
  var SUBJECTS = [{name: '心血管病学'}, {name: '心血管外科学'}, {name: '肾脏病学'}, {name: '呼吸病学'}];
  $('#pick').on('click', function () {
    layer.open({type: 1, title: '选择学科', area: ['500px', '420px'], btn: ['确定', '取消'],
      content: '<div style="padding:8px"><input type="text" class="layui-input" id="q" placeholder="学科名称">' +
        '<button type="button" class="layui-btn" id="go">搜索</button><table id="t" lay-filter="t"></table></div>',
      success: function () {
        table.render({elem: '#t', data: [], cols: [[{type: 'checkbox'}, {field: 'name', title: '学科名称'}]]});
        $('#go').on('click', function () {
          var q = $('#q').val();
          setTimeout(function () {
            table.reloadData('t', {data: SUBJECTS.filter(function (s) { return s.name.indexOf(q) >= 0; })});
          }, 300);
        });
      },
      yes: function (i) {
        table.checkStatus('t').data.forEach(function (s) {
          $('#picked tbody').append('<tr><td>' + s.name + '</td><td><a class="layui-btn layui-btn-xs rm">删除</a></td></tr>');
        });
        layer.close(i);
      }});
  });
  $('#picked').on('click', '.rm', function () { $(this).closest('tr').remove(); });
  var ORGS = ['北京大学第一医院', '北京大学第三医院', '北京协和医院'], timer = null;
  $('#ac').on('input', function () {
    var q = this.value, box = this, list = $(box).siblings('.live-suggest'); clearTimeout(timer);
    timer = setTimeout(function () {
      list.empty();
      ORGS.filter(function (o) { return q && o.indexOf(q) >= 0; }).forEach(function (o) {
        $('<li></li>').attr('data-value', o).text(o).append('<span>北京市</span>').appendTo(list)
          .on('mousedown', function (e) { e.preventDefault(); box.value = o; list.addClass('layui-hide').empty(); });
      });
      list.removeClass('layui-hide');
    }, 250);
  });
  layui.upload.render({elem: '#up', url: '/upload', accept: 'file', exts: 'pdf',
    done: function (res) {
      if (res.code === 0) $('#up').siblings('.live-file').empty().append($('<a class="live-file-name">').text(res.data.name));
    }});
  $(document).on('input change', 'input[name=researchTitle]', function (e) { $('#heard').append(e.type + ' '); });
  $('#press').on('click', function () { $('#heard').append('pressed '); });
  form.render();
});
