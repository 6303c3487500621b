/* report-site page script: offline search, keyboard shortcuts, "on this page" highlighting.
 * Works from file://: the search index is scripts next to this one, loaded as a query needs them, never fetched:
 * search-index.js (window.REPORT_SEARCH: the term shards' keys), search/t<i>.js (the words starting with key i and
 * the entries they occur in) and search/d<b>.js (the entries of a block of pages, for the results shown). No inline script or style is needed (strict CSP). Everything it needs to
 * know about the site is read from the page: where the site's root is (data-root), where this script is, and
 * the navigation's sections. */
(function () {
  'use strict';

  var body = document.body;
  var root = body.getAttribute('data-root') || '';
  /* the search index sits next to this script, whatever the folder is called */
  var self = document.currentScript && document.currentScript.src;
  var indexFile = 'search-index.js';
  var assets = self ? self.replace(/[^\/]*$/, '') : '';
  var input = document.getElementById('search-input');
  var panel = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var MAX_RESULTS = 20;

  /* ---------- navigation: a sidebar, always open, on wide screens; "Contents" to open on small ones ---------- */
  var nav = document.querySelector('.nav-toggle');
  if (nav && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 64rem)');
    var sync = function () { if (wide.matches) nav.open = true; };
    sync();
    /* the sidebar scrolls on its own: bring the current page into its view */
    var here = nav.querySelector('[aria-current="page"]');
    var side = nav.parentNode;
    if (here && wide.matches && side.scrollHeight > side.clientHeight) {
      var top = here.getBoundingClientRect().top - side.getBoundingClientRect().top;
      if (top > side.clientHeight - 80) side.scrollTop = top - side.clientHeight / 3;
    }
    if (wide.addEventListener) wide.addEventListener('change', sync);
  }

  /* ---------- tables wider than their frame: the "scroll sideways" cue ---------- */
  /* shown while the table overflows its frame; clicking it scrolls the table on by most of a frame (back at the end) */
  var cues = Array.prototype.slice.call(document.querySelectorAll('.fin-table > .scroll-cue'));
  if (cues.length) {
    /* a cue for the eye: the frame itself is focusable and scrolls with the arrow keys */
    cues.forEach(function (cue) { cue.setAttribute('aria-hidden', 'true'); });
    var mark = function () {
      cues.forEach(function (cue) { var f = cue.nextElementSibling; cue.hidden = !(f && f.scrollWidth > f.clientWidth + 1); });
    };
    mark();
    window.addEventListener('resize', mark);
    cues.forEach(function (cue) {
      cue.addEventListener('click', function () {
        var f = cue.nextElementSibling;
        var atEnd = f.scrollLeft + f.clientWidth >= f.scrollWidth - 1;
        var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        f.scrollTo({ left: atEnd ? 0 : f.scrollLeft + f.clientWidth * 0.8, behavior: still ? 'auto' : 'smooth' });
      });
    });
  }

  if (!input || !panel) return;

  /* ---------- search index: scripts next to this one, each loaded once, when a query needs it ---------- */
  var MAX_SHARDS_PER_TERM = 4;
  var loaded = {};
  function script(file) {
    if (!loaded[file]) {
      loaded[file] = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = assets + file;
        s.onload = function () { resolve(); };
        s.onerror = function () { delete loaded[file]; reject(new Error('search index missing')); };
        document.head.appendChild(s);
      });
    }
    return loaded[file];
  }
  function loadIndex() {
    return window.REPORT_SEARCH ? Promise.resolve(window.REPORT_SEARCH) : script(indexFile).then(function () {
      if (!window.REPORT_SEARCH || !window.REPORT_SEARCH.shards) throw new Error('search index missing');
      return window.REPORT_SEARCH;
    });
  }
  function shard(i) {
    return script('search/t' + i + '.js').then(function () { return (window.REPORT_SEARCH_SHARDS || {})[i] || {}; });
  }
  function block(b) {
    return script('search/d' + b + '.js').then(function () { return (window.REPORT_SEARCH_DOCS || {})[b] || []; });
  }
  /* the shards that hold the words starting with t: the one of the longest key t starts with, and those of longer keys
     starting with t (a short term in a large site: only the first, so a query never loads much) */
  function shardsFor(t, keys) {
    var longest = -1, deeper = [];
    for (var i = 0; i < keys.length; i++) {
      var k = keys[i];
      if (t.lastIndexOf(k, 0) === 0) { if (longest < 0 || k.length > keys[longest].length) longest = i; }
      else if (k.length > t.length && k.lastIndexOf(t, 0) === 0) deeper.push(i);
    }
    var out = longest >= 0 ? [longest] : [];
    return deeper.length + out.length <= MAX_SHARDS_PER_TERM ? out.concat(deeper) : out;
  }
  /* entry → { s: in its section heading, p: in its page's title, c: times in its text } for the words starting with t */
  function postings(t, index) {
    return Promise.all(shardsFor(t, index.shards).map(shard)).then(function (shards) {
      var hits = {};
      shards.forEach(function (words) {
        Object.keys(words).forEach(function (w) {
          if (w.lastIndexOf(t, 0) !== 0) return;
          var list = words[w], page = 0;
          for (var i = 0; i < list.length; i += 2) {
            page += list[i];
            var v = list[i + 1], id = page * 1048576 + Math.floor(v / 32), wt = v % 32;
            var h = hits[id] || (hits[id] = { s: 0, p: 0, c: 0 });
            h.s |= wt & 1; h.p |= (wt >> 1) & 1; h.c = Math.min(7, h.c + (wt >> 2));
          }
        });
      });
      return hits;
    });
  }

  /* lower case without accents; the same length as the input so that match positions map back to the text */
  function fold(s) {
    s = String(s || '').toLowerCase();
    return s.normalize ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, function () { return ''; }) : s;
  }
  function foldKeepLength(s) {
    var out = '';
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i).toLowerCase();
      var f = c.normalize ? c.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : c;
      out += f.length === 1 ? f : c;
    }
    return out;
  }

  function terms(q) {
    return fold(q).split(/[^\p{L}\p{N}$%.'-]+/u).map(function (t) { return t.replace(/^[.'-]+|[.'-]+$/g, ''); })
      .filter(function (t) { return t.length > 0; });
  }

  /* entries holding every term (as the start of a word), scored as before the index was split: a term in the section
     heading 8, in the page title 3, in the text 1 and 0.2 a time up to 5 times, 1 more at the start of a word (always, for
     words are indexed from their start); then the best are read and a multi-word query found as a phrase scores 6 more */
  function search(q) {
    return loadIndex().then(function (index) {
      var ts = terms(q).map(function (t) { return Array.from(t).slice(0, index.maxWord || 40).join(''); })
        .filter(function (t, i, all) { return all.indexOf(t) === i; });
      if (!ts.length) return [];
      return Promise.all(ts.map(function (t) { return postings(t, index); })).then(function (per) {
        var out = [];
        Object.keys(per[0]).forEach(function (id) {
          var score = 0;
          for (var i = 0; i < per.length; i++) {
            var h = per[i][id];
            if (!h) return;
            score += (h.s ? 8 : 0) + (h.p ? 3 : 0) + (h.c ? 1 + Math.min(h.c, 5) * 0.2 : 0) + (h.s || h.c ? 1 : 0);
          }
          out.push({ id: +id, score: score });
        });
        out.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        var more = out.length > MAX_RESULTS;
        var top = out.slice(0, MAX_RESULTS);
        var per_ = index.pagesPerBlock;
        var blocks = {};
        top.forEach(function (r) { blocks[Math.floor(Math.floor(r.id / 1048576) / per_)] = true; });
        var wanted = Object.keys(blocks).map(Number);
        return Promise.all(wanted.map(block)).then(function (got) {
          var docs = {};
          wanted.forEach(function (b, i) { docs[b] = got[i]; });
          var phrase = fold(q.trim());
          top.forEach(function (r, rank) {
            var page = Math.floor(r.id / 1048576);
            r.e = (docs[Math.floor(page / per_)][page % per_] || [])[r.id % 1048576];
            r.rank = rank;
            if (r.e && ts.length > 1 && (fold(r.e.x).indexOf(phrase) >= 0 || fold(r.e.s).indexOf(phrase) >= 0)) r.score += 6;
          });
          top = top.filter(function (r) { return r.e; });
          top.sort(function (a, b) { return b.score - a.score || a.rank - b.rank; });
          return top.map(function (r) { return r.e; }).concat(more ? [null] : []);
        });
      });
    });
  }
  function count(s, t) { var n = 0, i = 0; while ((i = s.indexOf(t, i)) >= 0) { n++; i += t.length; } return n; }
  function wordStart(s, t) { var i = s.indexOf(t); return i === 0 || (i > 0 && /[^\p{L}\p{N}]/u.test(s.charAt(i - 1))); }

  /* a passage of about 180 characters around the first match, with every term marked */
  function snippet(text, ts) {
    var low = foldKeepLength(text), at = -1;
    for (var i = 0; i < ts.length && at < 0; i++) at = low.indexOf(ts[i]);
    var start = Math.max(0, at < 0 ? 0 : at - 60), end = Math.min(text.length, start + 180);
    if (start > 0) { var sp = text.indexOf(' ', start); if (sp > 0 && sp < start + 20) start = sp + 1; }
    if (end < text.length) { var sp2 = text.lastIndexOf(' ', end); if (sp2 > start + 100) end = sp2; }
    var frag = document.createDocumentFragment();
    if (start > 0) frag.appendChild(document.createTextNode('… '));
    mark(frag, text.slice(start, end), ts);
    if (end < text.length) frag.appendChild(document.createTextNode(' …'));
    return frag;
  }
  function mark(parent, text, ts) {
    var low = foldKeepLength(text), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      ts.forEach(function (t) { var i = low.indexOf(t, pos); if (i >= 0 && (best < 0 || i < best || (i === best && t.length > len))) { best = i; len = t.length; } });
      if (best < 0) break;
      if (best > pos) parent.appendChild(document.createTextNode(text.slice(pos, best)));
      var m = document.createElement('mark');
      m.textContent = text.slice(best, best + len);
      parent.appendChild(m);
      pos = best + len;
    }
    if (pos < text.length) parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function render(q, results) {
    var more = results.length && results[results.length - 1] === null;
    if (more) results.pop();
    var ts = terms(q);
    panel.textContent = '';
    var msg = results.length === 0 ? 'No results for “' + q.trim() + '”'
      : (more ? 'Top ' + results.length + ' results' : results.length + (results.length === 1 ? ' result' : ' results')) + ' for “' + q.trim() + '”';
    panel.appendChild(el('p', 'search-count', msg));
    if (status) status.textContent = msg.replace(/[“”]/g, '"');
    if (results.length) {
      var ol = el('ol');
      ol.setAttribute('aria-label', 'Search results');
      results.forEach(function (e) {
        var a = el('a');
        a.href = root + e.h;
        a.appendChild(el('span', 'result-page', e.p === e.s ? pageOf(e.h) : e.p));
        a.appendChild(el('span', 'result-title', e.s));
        var snip = el('span', 'result-snippet');
        snip.appendChild(snippet(e.x, ts));
        a.appendChild(snip);
        var li = el('li');
        li.appendChild(a);
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    open();
  }
  /* the navigation section a page is listed in (shown above a result that opens a page), read from the navigation */
  var sections = null;
  function pageOf(href) {
    if (!sections) {
      sections = {};
      Array.prototype.forEach.call(document.querySelectorAll('.site-nav .nav-section'), function (s) {
        var t = s.querySelector('.nav-section-title, .nav-single');
        var title = t ? t.textContent.trim() : '';
        Array.prototype.forEach.call(s.querySelectorAll('a[href]'), function (a) { sections[a.href.split('#')[0]] = title; });
      });
    }
    var report = document.querySelector('.report-title');
    return sections[new URL(root + href, document.baseURI).href.split('#')[0]] || (report ? report.textContent.trim() : '');
  }

  function open() { panel.hidden = false; }
  function close() { panel.hidden = true; }
  function links() { return Array.prototype.slice.call(panel.querySelectorAll('a')); }

  var pending = 0;
  function update() {
    var q = input.value;
    if (!q.trim()) { close(); panel.textContent = ''; if (status) status.textContent = ''; return; }
    var ticket = ++pending;
    search(q).then(function (results) { if (ticket === pending) render(q, results); }, function () {
      if (ticket !== pending) return;
      panel.textContent = '';
      panel.appendChild(el('p', 'search-count', 'Search is not available: the file ' + indexFile + ' next to the page script is missing.'));
      open();
    });
  }

  input.addEventListener('focus', function () { loadIndex().catch(function () {}); if (input.value.trim() && panel.childNodes.length) open(); });
  input.addEventListener('input', update);
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') {
      var l = links();
      if (l.length) { ev.preventDefault(); open(); l[0].focus(); }
    } else if (ev.key === 'Escape') {
      if (!panel.hidden) { ev.preventDefault(); close(); } else if (input.value) { input.value = ''; update(); }
    } else if (ev.key === 'Enter') {
      var first = links()[0];
      if (first) { ev.preventDefault(); first.click(); }
    }
  });
  panel.addEventListener('keydown', function (ev) {
    var l = links(), i = l.indexOf(document.activeElement);
    if (ev.key === 'ArrowDown' && i >= 0) { ev.preventDefault(); if (i < l.length - 1) l[i + 1].focus(); }
    else if (ev.key === 'ArrowUp' && i >= 0) { ev.preventDefault(); if (i > 0) l[i - 1].focus(); else input.focus(); }
    else if (ev.key === 'Home' && i >= 0) { ev.preventDefault(); l[0].focus(); }
    else if (ev.key === 'End' && i >= 0) { ev.preventDefault(); l[l.length - 1].focus(); }
    else if (ev.key === 'Escape') { ev.preventDefault(); close(); input.focus(); }
  });
  /* a result on this same page only changes the hash: close the list and move focus to the target */
  panel.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a') : null;
    if (a && a.pathname === location.pathname && a.hash) {
      close();
      var target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) {
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        setTimeout(function () { target.focus({ preventScroll: true }); }, 0);
      }
    }
  });
  document.addEventListener('click', function (ev) {
    if (!panel.hidden && !ev.target.closest('.search')) close();
  });
  document.addEventListener('focusin', function (ev) {
    if (!panel.hidden && !ev.target.closest('.search')) close();
  });
  /* "/" jumps to the search box (as on many documentation sites), unless typing in a field */
  document.addEventListener('keydown', function (ev) {
    if (ev.key !== '/' || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    ev.preventDefault();
    input.focus();
    input.select();
  });
  if (input.value.trim()) update(); /* a value restored by the browser on "back" */

  /* ---------- a link to an element folded in a closed <details> (a figure of the text that is not a dataset figure): open it, then show the element ---------- */
  var unfold = function () {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var el = id && document.getElementById(id);
    if (!el) return;
    var folded = false;
    for (var d = el.parentElement; d; d = d.parentElement) {
      if (d.tagName === 'DETAILS') { folded = true; d.open = true; }
    }
    /* a browser that unfolds it on its own may have scrolled before the unfolding moved it */
    if (folded) el.scrollIntoView();
  };
  window.addEventListener('hashchange', unfold);
  unfold();

  /* ---------- "on this page": mark the section being read ---------- */
  var toc = document.querySelector('.toc');
  if (toc && 'IntersectionObserver' in window) {
    var tocLinks = {};
    Array.prototype.forEach.call(toc.querySelectorAll('a[href^="#"]'), function (a) { tocLinks[decodeURIComponent(a.hash.slice(1))] = a; });
    var heads = Object.keys(tocLinks).map(function (id) { return document.getElementById(id); }).filter(Boolean);
    var visible = {};
    var active = null;
    var io = new IntersectionObserver(function (es) {
      es.forEach(function (e) { visible[e.target.id] = e.isIntersecting; });
      var current = null;
      for (var i = 0; i < heads.length; i++) {
        if (visible[heads[i].id]) { current = heads[i].id; break; }
        if (heads[i].getBoundingClientRect().top < 0) current = heads[i].id;
      }
      if (current && tocLinks[current] !== active) {
        if (active) { active.classList.remove('active'); active.removeAttribute('aria-current'); }
        active = tocLinks[current];
        active.classList.add('active');
        active.setAttribute('aria-current', 'location');
      }
    }, { rootMargin: '0px 0px -60% 0px' });
    heads.forEach(function (h) { io.observe(h); });
  }
})();

/* ---------- the fact inspector ----------
 * Every figure of the dataset carries data-fact and an id (f-...). Activating one (click, tap, Enter, Space) opens a
 * panel with what the page's own inspector script (window.REPORT_FACTS, a file next to the site's assets, loaded
 * by the page) says about it: line item, period, exact value, table, notes, checks, other places. Without this
 * script, or without that data, figures stay plain text and links; permalinks (#f-...) work without either. */
(function () {
  'use strict';
  var dialog = null, trigger = null, leaving = false;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function link(text, href) {
    if (!href) return el('span', null, text);
    var a = el('a', null, text);
    a.href = href;
    return a;
  }
  /* the figure's own id; a second showing on the page (f-....2) shares the first's permalink */
  function baseId(id) { return id.split('.').length > 3 ? id.replace(/\.\d+$/, '') : id; }

  function build() {
    dialog = el('dialog', 'fact-panel');
    dialog.setAttribute('aria-labelledby', 'fact-panel-title');
    var inner = el('div', 'fp-inner');
    var head = el('div', 'fp-head');
    var kicker = el('p', 'fp-kicker', 'Figure');
    var title = el('h2', 'fp-title');
    title.id = 'fact-panel-title';
    var close = el('button', 'fp-close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.textContent = '\u00d7';
    close.addEventListener('click', function () { dialog.close(); });
    var titles = el('div', 'fp-titles');
    titles.appendChild(kicker);
    titles.appendChild(title);
    head.appendChild(titles);
    head.appendChild(close);
    inner.appendChild(head);
    inner.appendChild(el('div', 'fp-body'));
    dialog.appendChild(inner);
    document.body.appendChild(dialog);
    /* a tap on the backdrop closes; a link followed from the panel closes it and leaves focus where the link leads */
    dialog.addEventListener('click', function (ev) {
      if (ev.target === dialog) dialog.close();
      else if (ev.target.closest && ev.target.closest('a[href]')) { leaving = true; dialog.close(); }
    });
    dialog.addEventListener('close', function () {
      var t = trigger;
      trigger = null;
      if (!t) return;
      t.classList.remove('fact-active');
      document.documentElement.classList.remove('fp-open');
      if (!leaving) (t.querySelector('.fact-open') || t).focus();
      leaving = false;
    });
  }

  function section(body, heading, items, empty) {
    var h = el('h3', 'fp-h', heading);
    body.appendChild(h);
    if (!items.length) { body.appendChild(el('p', 'fp-none', empty)); return; }
    var ul = el('ul', 'fp-list');
    items.forEach(function (li) { ul.appendChild(li); });
    body.appendChild(ul);
  }

  var STATUS = { passed: 'Passed', failed: 'Failed', acknowledged: 'Acknowledged, kept as published' };

  function open(figure) {
    var data = window.REPORT_FACTS;
    var f = data && data.facts && data.facts[figure.getAttribute('data-fact')];
    if (!f) return false;
    if (!dialog) build();
    if (dialog.open) dialog.close();
    trigger = figure;
    figure.classList.add('fact-active');
    dialog.querySelector('.fp-title').textContent = f.l;
    var body = dialog.querySelector('.fp-body');
    body.textContent = '';
    body.appendChild(el('p', 'fp-value', f.v));
    var dl = el('dl', 'fp-facts');
    function row(term, dd) { dl.appendChild(el('dt', null, term)); var d = el('dd'); d.appendChild(dd); dl.appendChild(d); }
    row('Period', document.createTextNode(f.p));
    row('Table', link(f.t[0], f.t[1]));
    if (f.n.length) {
      var notes = el('span');
      f.n.forEach(function (n, i) { if (i) notes.appendChild(document.createTextNode(', ')); notes.appendChild(link(n[0], n[1])); });
      row(f.n.length > 1 ? 'Notes' : 'Note', notes);
    }
    body.appendChild(dl);
    section(body, 'Checks (' + f.c.length + ')', f.c.map(function (i) {
      var c = data.checks[i];
      var li = el('li', 'fp-check ' + c[0]);
      li.appendChild(el('span', 'fp-status', STATUS[c[0]] || c[0]));
      li.appendChild(el('span', 'fp-category', ' ' + c[1]));
      li.appendChild(document.createTextNode(': '));
      li.appendChild(link(c[2], c[4]));
      if (c[3]) li.appendChild(el('span', 'fp-detail', c[3]));
      return li;
    }), 'No check involves this figure.');
    var own = '#' + figure.id;
    section(body, 'Also shown', f.o.filter(function (o) { return o[1] !== own; }).map(function (o) {
      var li = el('li');
      li.appendChild(link(o[0], o[1]));
      return li;
    }), 'Nowhere else on the site.');
    var share = el('p', 'fp-share');
    var copy = el('button', 'fp-copy', 'Copy link');
    copy.type = 'button';
    var id = baseId(figure.id);
    var url = location.href.replace(/#.*$/, '') + '#' + id;
    var perma = link('Permalink', '#' + id);
    perma.className = 'fp-permalink';
    var said = el('span', 'fp-said');
    said.setAttribute('role', 'status');
    copy.addEventListener('click', function () {
      var done = function () { said.textContent = 'Link copied'; };
      var fallback = function () {
        var t = el('textarea', 'visually-hidden');
        t.value = url;
        dialog.appendChild(t);
        t.select();
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        dialog.removeChild(t);
        copy.focus();
        said.textContent = ok ? 'Link copied' : 'Copy the permalink: ' + url;
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, fallback);
      else fallback();
    });
    share.appendChild(copy);
    share.appendChild(document.createTextNode(' '));
    share.appendChild(perma);
    share.appendChild(said);
    body.appendChild(share);
    document.documentElement.classList.add('fp-open');
    dialog.showModal();
    keepInView(figure);
    return true;
  }

  /* the figure stays in view beside the panel: above the bottom sheet, or on the other side of the side panel */
  function keepInView(figure) {
    var instant = { block: 'nearest', inline: 'nearest', behavior: 'instant' };
    figure.scrollIntoView(instant);
    dialog.classList.remove('fp-right');
    var r, d;
    var under = function () {
      r = figure.getBoundingClientRect();
      d = dialog.getBoundingClientRect();
      return r.right > d.left && r.left < d.right && r.bottom > d.top && r.top < d.bottom;
    };
    if (!under()) return;
    if (d.height >= window.innerHeight - 1) dialog.classList.add('fp-right');
    else window.scrollBy({ top: r.bottom - d.top + 16, left: 0, behavior: 'instant' });
  }

  function setup() {
    if (!window.REPORT_FACTS || !window.HTMLDialogElement) return;
    var facts = window.REPORT_FACTS.facts || {};
    /* a table cell or a prose figure gets a button (a link, {{fact}} or a card's figure, is one already) */
    Array.prototype.forEach.call(document.querySelectorAll('td[data-fact], span.fact[data-fact]'), function (cell) {
      if (!facts[cell.getAttribute('data-fact')]) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'fact-open';
      b.setAttribute('aria-haspopup', 'dialog');
      Array.prototype.slice.call(cell.childNodes).forEach(function (n) {
        /* the mark of an inconsistency kept as published goes into the button: the panel lists its check, with the link */
        if (n.nodeType === 1 && n.classList.contains('ack-mark')) {
          var mark = el('span', 'ack-mark', n.textContent);
          mark.setAttribute('aria-hidden', 'true');
          mark.title = n.title;
          cell.removeChild(n);
          b.appendChild(mark);
          b.appendChild(el('span', 'visually-hidden', ' (' + (n.getAttribute('aria-label') || n.title) + ')'));
        } else b.appendChild(n);
      });
      cell.insertBefore(b, cell.firstChild);
    });
    Array.prototype.forEach.call(document.querySelectorAll('a.fact[data-fact]'), function (a) {
      if (facts[a.getAttribute('data-fact')]) a.setAttribute('aria-haspopup', 'dialog');
    });
    document.addEventListener('click', function (ev) {
      if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey || !ev.target.closest) return;
      var hit = ev.target.closest('.fact-open, a.fact[data-fact]');
      if (!hit) return;
      var figure = hit.closest('[data-fact]');
      if (figure && open(figure)) ev.preventDefault();
    });
  }

  /* the page's inspector script runs after this one (both deferred): its data is there by DOMContentLoaded */
  if (document.readyState === 'complete') setup();
  else document.addEventListener('DOMContentLoaded', setup);
})();
