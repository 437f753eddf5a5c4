/* Editable el-table: the add button above it appends a row, 删除 removes one. Header and body are separate
 * <table>s, as in Element; a cell holds a bare widget (no form item) marked with data-col. */
(function () {
  'use strict';
  var MR = window.MR;

  MR.widgets.table = function (root) {
    var content = root.parentNode; // the form item's content: the add button sits there too
    var tbody = root.querySelector('.el-table__body-wrapper tbody');
    var template = root.querySelector('template[data-row-template]');
    var addBtn = content.querySelector('[data-action="add-row"]');

    function rows() { return MR.$$('tr.el-table__row', tbody); }
    function renumber() {
      rows().forEach(function (tr, i) { tr.querySelector('[data-index]').textContent = String(i + 1); });
      var empty = root.querySelector('.el-table__empty-block');
      if (rows().length && empty) empty.remove();
      if (!rows().length && !empty) {
        empty = MR.h('div', 'el-table__empty-block');
        empty.appendChild(MR.h('span', 'el-table__empty-text', '暂无数据'));
        root.querySelector('.el-table__body-wrapper').appendChild(empty);
      }
    }
    function addRow() {
      var tr = template.content.firstElementChild.cloneNode(true);
      tbody.appendChild(tr);
      MR.initWidgets(tr);
      renumber();
      MR.emit(root, 'mr-change');
      return tr;
    }
    if (addBtn) addBtn.addEventListener('click', function () { if (!addBtn.disabled) addRow(); });
    tbody.addEventListener('click', function (e) {
      var del = e.target.closest('[data-action="delete-row"]');
      if (!del || del.disabled) return;
      var tr = del.closest('tr');
      MR.destroyWidgets(tr);
      tr.remove();
      renumber();
      MR.emit(root, 'mr-change');
    });
    return {
      get: function () {
        return rows().map(function (tr) {
          var row = {};
          MR.$$('td[data-col]', tr).forEach(function (td) {
            row[td.getAttribute('data-col')] = MR.valueOf(td.querySelector('[data-widget]'));
          });
          return row;
        });
      },
      rows: rows,
      addRow: addRow,
      destroy: function () { MR.destroyWidgets(tbody); }
    };
  };
})();
