/* Shared by every page of the live face: XHR helpers that speak the server's JSON and its expiry rule. */
(function () {
  var LIVE = window.LIVE = window.LIVE || {};
  LIVE.request = function (method, url, body, headers) {
    return fetch(url, {method: method, body: body, headers: headers || {}, credentials: 'same-origin'})
      .then(function (res) {
        return res.text().then(function (text) {
          var data = {};
          try { data = text ? JSON.parse(text) : {}; } catch (e) { data = {msg: '服务器繁忙，请稍后重试'}; }
          if (res.status === 401) {
            layui.layer.msg(data.message || '登录已过期，请重新登录', {icon: 2});
            location.href = '/login?next=' + encodeURIComponent(location.pathname + location.hash);
            throw new Error('expired');
          }
          data.httpStatus = res.status;
          if (data.code === undefined) data.code = res.ok ? 0 : 1;
          if (data.msg === undefined) data.msg = data.message || '';
          return data;
        });
      });
  };
  LIVE.postJSON = function (url, body) {
    return LIVE.request('POST', url, JSON.stringify(body || {}), {'Content-Type': 'application/json'});
  };
})();
