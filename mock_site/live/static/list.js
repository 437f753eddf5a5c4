/* The project lists (我的医学研究, 备案进度, 分中心项目, 项目审核): a layui table fed by the list JSON. */
layui.use(['table', 'form', 'layer'], function () {
  var table = layui.table, form = layui.form, layer = layui.layer;
  var cols = [[
    {field: 'project_name', title: '医学研究题目', minWidth: 260},
    {field: 'filing_no', title: '备案号', width: 170},
    {field: 'project_type', title: '研究分类', width: 130},
    {field: 'status_label', title: '状态', width: 120},
    {field: 'updated_at', title: '更新时间', width: 170},
    {title: '操作', toolbar: '.live-ops', minWidth: 260}
  ]];
  if (LIVE.kind !== 'list') cols[0].splice(1, 0, {field: 'owner_name', title: '项目负责人', width: 110});
  table.render({elem: '.live-list', id: 'list', url: LIVE.source, page: true, limit: 10,
                limits: [10, 20, 50, 100], cols: cols, text: {none: '暂无数据'}});
  form.on('submit(query)', function (obj) {
    table.reload('list', {where: {name: obj.field.name}, page: {curr: 1}});
    return false;
  });
  var decide = function (row, decision, opinion) {
    LIVE.postJSON('/api/admin/projects/' + row.id + '/review', {decision: decision, opinion: opinion || ''})
      .then(function (data) {
        layer.msg(data.httpStatus === 200 ? '操作成功' : (data.msg || '操作失败'), {icon: data.httpStatus === 200 ? 1 : 2});
        table.reload('list');
      });
  };
  table.on('tool(list)', function (obj) {
    if (obj.event === 'approve') { decide(obj.data, 'approve'); return; }
    layer.prompt({formType: 2, title: '审核意见'}, function (text, index) {
      layer.close(index);
      decide(obj.data, obj.event, text);
    });
  });
});
