/* 账号管理: the account sheet goes up through layui upload; each row's result is listed, then the accounts reload. */
layui.use(['upload', 'layer'], function () {
  var $ = layui.$, upload = layui.upload, layer = layui.layer;
  var show = function (res) {
    var $body = $('.live-sheet-results tbody').empty();
    (res.results || []).forEach(function (r) {
      $body.append($('<tr>').append($('<td>').text(r.row), $('<td>').text(r.name || ''),
        $('<td>').text(r.ok ? '成功' : '失败'), $('<td>').text(r.message || '')));
    });
    $('.live-sheet-results').toggleClass('layui-hide', !(res.results || []).length);
    $('.live-sheet-summary').text(res.message || '');
  };
  upload.render({
    elem: '.live-sheet', url: '/api/admin/accounts', field: 'file', accept: 'file', exts: 'xlsx',
    done: function (res) {
      show(res);
      layer.msg(res.message || '导入完成', {icon: 1});
      fetch(location.href, {credentials: 'same-origin'}).then(function (r) { return r.text(); }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.live-accounts tbody');
        if (fresh) $('.live-accounts tbody').html(fresh.innerHTML);
      });
    },
    error: function () {
      var res = {};
      for (var i = 0; i < arguments.length; i++) {
        var a = arguments[i], text = a && (a.responseText || (typeof a === 'string' ? a : ''));
        if (text) { try { res = JSON.parse(text); break; } catch (e) { /* not JSON */ } }
      }
      layer.msg(res.message || '上传失败', {icon: 2});
    }
  });
});
