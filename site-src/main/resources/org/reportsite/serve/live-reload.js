// Added by `report-site serve` to the pages it serves (never written to the site): reloads this page when a
// rebuild changed it (or a stylesheet or script it loads), and shows the errors of a failed rebuild over the page.
(function () {
  'use strict';
  var here = decodeURIComponent(location.pathname.replace(/^\/+/, ''));
  if (here === '' || here.endsWith('/')) here += 'index.html';
  var lastBuild = null, failing = false, box = null;

  function show(errors) {
    if (!box) {
      box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.setAttribute('data-report-site-errors', '');
      box.style.cssText = 'position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;margin:0;'
        + 'padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;'
        + 'font:14px/1.45 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.2)';
      document.body.appendChild(box);
    }
    box.textContent = '';
    var h = document.createElement('strong');
    h.textContent = 'The last edit does not build (' + errors.length + ' error' + (errors.length === 1 ? '' : 's')
      + '). This is the last good version of the page.';
    box.appendChild(h);
    var ul = document.createElement('ul');
    errors.forEach(function (e) {
      var li = document.createElement('li');
      var where = document.createElement('code');
      where.textContent = e.where;
      li.appendChild(where);
      li.appendChild(document.createTextNode(' ' + e.message + (e.hint ? ' — ' + e.hint : '')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  // the stylesheets and scripts this page's own HTML loads (site paths), read before the page script adds any
  // (so a search index loaded on demand, which changes with every edit, reloads nothing)
  var assets = Array.prototype.map.call(document.querySelectorAll('link[rel~="stylesheet"][href], script[src]'), function (e) {
    var url = new URL(e.getAttribute(e.tagName === 'LINK' ? 'href' : 'src'), location.href);
    return url.origin === location.origin ? decodeURIComponent(url.pathname.replace(/^\/+/, '')) : null;
  });

  function concerned(changed) {
    return changed.some(function (f) { return f === here || assets.indexOf(f) >= 0; });
  }

  var source = new EventSource('/__report-site/events');
  source.addEventListener('build', function (event) {
    var s = JSON.parse(event.data);
    if (!s.ok) {
      failing = true;
      show(s.errors);
      return;
    }
    // changed is null when the server does not know what changed since this page saw it (a new connection)
    var reload = lastBuild !== null && (failing || (s.build !== lastBuild
      && (s.changed === null || s.build !== lastBuild + 1 || concerned(s.changed))));
    lastBuild = s.build;
    if (reload) location.reload();
    else if (failing && box) { box.remove(); box = null; }
    failing = false;
  });
})();
