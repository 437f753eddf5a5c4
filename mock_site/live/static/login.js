/* 登录 and 完善个人信息: layui forms posted as JSON; the answer says where to go. */
layui.use(['form', 'layer'], function () {
  var form = layui.form, layer = layui.layer, $ = layui.$;
  var renew = function () { $('.live-captcha').attr('src', '/captcha?t=' + Date.now()); };
  $(document).on('click', '.live-captcha', renew);
  form.on('submit(login)', function (obj) {
    var body = $.extend({next: LIVE.next || ''}, obj.field);
    LIVE.postJSON('/api/login', body).then(function (data) {
      if (data.httpStatus === 200) { location.href = data.redirect; return; }
      layer.msg(data.msg || '登录失败', {icon: 2});
      renew();
    });
    return false;
  });
  form.on('submit(profile)', function (obj) {
    LIVE.postJSON('/api/profile', obj.field).then(function (data) {
      if (data.httpStatus === 200) {
        layer.msg('保存成功', {icon: 1, time: LIVE.fast ? 300 : 1000}, function () { location.href = data.redirect || '/quickstart'; });
        return;
      }
      layer.msg(((data.errors || [])[0] || {}).message || data.msg, {icon: 2});
    });
    return false;
  });
});
