(function () {
  var errors = [];
  window.addEventListener('error', function (e) {
    errors.push(e.message || (e.target && e.target.tagName) || 'error');
  }, true);
  window.addEventListener('load', function () {
    var imgs = document.images, broken = 0;
    for (var i = 0; i < imgs.length; i++) {
      if (!imgs[i].complete || imgs[i].naturalWidth === 0) { broken++; }
    }
    var m = document.getElementById('selfcheck');
    m.setAttribute('data-images', String(imgs.length));
    m.setAttribute('data-broken', String(broken));
    m.setAttribute('data-errors', String(errors.length));
    m.setAttribute('data-status', broken === 0 && errors.length === 0 ? 'ok' : 'failed');
    // layout facts for the print and phone tests: the narrowest table cell in characters ('0' of its
    // font) and how far the page is wider than the window (horizontal overflow), in CSS pixels
    var cells = document.querySelectorAll('td, th'), narrow = 1e9, narrowText = '', unit = {};
    var probe = document.createElement('span');
    probe.textContent = '0000000000';
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;left:0;top:0';
    document.body.appendChild(probe);
    for (var c = 0; c < cells.length; c++) {
      var cell = cells[c];
      if (cell.getClientRects().length === 0) { continue; }
      var cs = getComputedStyle(cell);
      if (!(cs.font in unit)) { probe.style.font = cs.font; unit[cs.font] = probe.getBoundingClientRect().width / 10; }
      var chars = (cell.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)) / unit[cs.font];
      if (chars < narrow) { narrow = chars; narrowText = cell.textContent.slice(0, 40); }
    }
    probe.remove();
    m.setAttribute('data-cells', String(cells.length));
    m.setAttribute('data-narrowest-cell', cells.length ? narrow.toFixed(1) : '');
    m.setAttribute('data-narrowest-text', narrowText);
    m.setAttribute('data-overflow', String(Math.max(0, document.documentElement.scrollWidth - window.innerWidth)));
    m.textContent = 'self-check: ' + (imgs.length - broken) + '/' + imgs.length + ' charts rendered'
        + (errors.length ? ', errors: ' + errors.join('; ') : '');
  });
})();
