// veristep-embed.js — live veristep widgets in documentation pages, and the
// JS API. One script tag:
//
//   <script src="https://example.org/veristep/veristep-embed.js"></script>
//
// turns every <pre class="veristep"> (and mdBook's <pre><code
// class="language-veristep">) into an iframe of the playground's compact
// face, and defines `veristep.verify(text, options)`. Everything is loaded
// from the folder this script came from, never from the host page's.
//
// Options, as data- attributes of the <pre>:
//   data-kernel="6.1"          5.19 | 6.1 | 6.7
//   data-step="12"             the position to open at
//   data-views="refs,frames"   program, verdict, compare, listing, frames, regs, refs, worklist, log
//   data-height="480"          a fixed height in px (default: follows the content)
//   data-editable              the program can be edited in the widget
//   data-theme="dark"          light | dark (default: the host page's, followed
//                              when it changes: data-theme, mdBook's theme
//                              class, else the page's background)
(function () {
  'use strict';
  var script = document.currentScript;
  var base = new URL('.', script ? script.src : location.href).href;

  // The share-link format of the playground: v1/KERNEL/STEP/base64url(deflate-raw(text)).
  function b64url(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  async function fragment(text, kernel, step) {
    var data = new TextEncoder().encode(text);
    var packed = new Uint8Array(await new Response(
      new Blob([data]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    return 'v1/' + kernel + '/' + step + '/' + b64url(packed);
  }

  // The host page's theme: its own statement (data-theme on <html> or
  // <body>), mdBook's theme class, else how dark its background is.
  var MDBOOK_DARK = ['coal', 'navy', 'ayu'], MDBOOK_LIGHT = ['light', 'rust'];
  function luminance(css) {
    var m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(css || '');
    if (!m || (m[4] !== undefined && +m[4] === 0)) return null;
    var c = [m[1], m[2], m[3]].map(function (v) {
      v = v / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  }
  function hostTheme() {
    var root = document.documentElement, body = document.body;
    var said = root.dataset.theme || (body && body.dataset.theme);
    if (said === 'dark' || said === 'light') return said;
    if (MDBOOK_DARK.some(function (c) { return root.classList.contains(c); })) return 'dark';
    if (MDBOOK_LIGHT.some(function (c) { return root.classList.contains(c); })) return 'light';
    var l = body ? luminance(getComputedStyle(body).backgroundColor) : null;
    if (l === null) l = luminance(getComputedStyle(root).backgroundColor);
    return l !== null && l < 0.2 ? 'dark' : 'light';
  }
  function themeOf(frame) {
    var pinned = frame.dataset.theme;
    return pinned === 'dark' || pinned === 'light' ? pinned : hostTheme();
  }
  var lastTheme = null;
  function followTheme() {
    var t = hostTheme();
    if (t === lastTheme) return;
    lastTheme = t;
    frames.forEach(function (f) {
      if (f.contentWindow) f.contentWindow.postMessage({ veristep: 'theme', theme: themeOf(f) }, '*');
    });
  }

  var frames = [];
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.veristep !== 'height' || typeof d.height !== 'number') return;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow === e.source && !f.dataset.fixedHeight) {
        f.style.height = Math.min(Math.max(d.height, 120), 4000) + 'px';
      }
    }
  });

  async function widget(pre, n) {
    var opts = pre.dataset || {};
    var text = pre.textContent.replace(/^\n/, '');
    var kernel = /^(5\.19|6\.1|6\.7)$/.test(opts.kernel || '') ? opts.kernel : '6.1';
    var step = /^\d+$/.test(opts.step || '') ? opts.step : '0';
    var frame = document.createElement('iframe');
    if (opts.theme === 'dark' || opts.theme === 'light') frame.dataset.theme = opts.theme;
    var query = '?embed' + (opts.views ? '&views=' + encodeURIComponent(opts.views) : '') +
      ('editable' in opts ? '&edit=1' : '') + '&theme=' + themeOf(frame);
    frame.className = 'veristep-frame';
    frame.title = 'veristep: ' + (text.split('\n').find(function (l) { return l.trim(); }) || 'program');
    frame.setAttribute('loading', 'lazy');
    frame.style.cssText = 'display:block;width:100%;box-sizing:content-box;border:1px solid #ccc;border-radius:4px;';
    if (/^\d+$/.test(opts.height || '')) {
      frame.dataset.fixedHeight = '1';
      frame.style.height = opts.height + 'px';
    } else {
      frame.style.height = '480px';
    }
    frame.id = pre.id || 'veristep-widget-' + n;
    // a fresh frame may have missed a theme change while it loaded
    frame.addEventListener('load', function () {
      if (frame.contentWindow) frame.contentWindow.postMessage({ veristep: 'theme', theme: themeOf(frame) }, '*');
    });
    frame.src = base + query + '#' + await fragment(text, kernel, step);
    frames.push(frame);
    // mdBook wraps the code in <pre><code>: replace the <pre>.
    pre.replaceWith(frame);
  }

  function watchTheme() {
    lastTheme = hostTheme();
    var obs = new MutationObserver(followTheme);
    var what = { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] };
    obs.observe(document.documentElement, what);
    if (document.body) obs.observe(document.body, what);
    if (window.matchMedia) {
      var mq = window.matchMedia('(prefers-color-scheme: dark)');
      if (mq.addEventListener) mq.addEventListener('change', followTheme);
    }
  }

  function init() {
    var found = document.querySelectorAll('pre.veristep, pre > code.language-veristep');
    var n = 0;
    found.forEach(function (el) {
      var pre = el.tagName === 'CODE' ? el.parentElement : el;
      if (el.tagName === 'CODE') {
        // options given on the <code> (mdBook keeps attributes there) win
        for (var k in el.dataset) pre.dataset[k] = el.dataset[k];
      }
      widget(pre, n++).catch(function (e) { console.warn('veristep:', e); });
    });
  }

  // The JS API: verification runs in a worker over veristep-api.js.
  var api = null;
  var pending = new Map();
  var seq = 0;
  function apiWorker() {
    if (api) return api;
    // A program whose verdict the kernel's BTF decides (a kfunc, a BTF-typed
    // helper or program type, a map of maps) is verified against that
    // kernel's BTF, fetched once from btf/ next to this script.
    var src = 'importScripts(' + JSON.stringify(base + 'veristep-api.js') + ');' +
      'var ready = wasm_bindgen({ module_or_path: ' + JSON.stringify(base + 'veristep-api_bg.wasm') + ' });' +
      'var btf = {};' +
      'function kernelBtf(f) {' +
      '  if (!btf[f]) btf[f] = fetch(' + JSON.stringify(base + 'btf/linux-') + ' + f + ".btf.gz")' +
      '    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.arrayBuffer(); })' +
      '    .then(function (b) { wasm_bindgen.addKernelBtf(f, new Uint8Array(b), undefined); },' +
      '          function (err) { wasm_bindgen.addKernelBtf(f, undefined, String(err)); });' +
      '  return btf[f];' +
      '}' +
      'onmessage = function (e) { ready.then(function () {' +
      '  var f = wasm_bindgen.kernelBtfNeeded(e.data.text, e.data.options);' +
      '  return f ? kernelBtf(f) : null;' +
      '}).then(function () {' +
      '  postMessage({ id: e.data.id, ok: wasm_bindgen.verify(e.data.text, e.data.options) });' +
      '}).catch(function (err) { postMessage({ id: e.data.id, err: String(err) }); }); };';
    api = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
    api.onmessage = function (e) {
      var p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ('ok' in e.data) p.resolve(e.data.ok); else p.reject(new Error(e.data.err));
    };
    return api;
  }
  window.veristep = {
    // verify(text, { kernel: '6.1', logLevel: 1 }) -> Promise of
    // { verdict, kernel, message, errorInsn, errno, explanation,
    //   processed, totalStates, peakStates, maxStatesPerInsn (BigInt), log, diagnostics }
    // verdict: accepted | rejected | invalid (the text does not parse) |
    // error (libbpf would not load it; message is its line). It rejects
    // (an Error) when the kernel's BTF the program needs cannot be fetched.
    verify: function (text, options) {
      return new Promise(function (resolve, reject) {
        var id = ++seq;
        pending.set(id, { resolve: resolve, reject: reject });
        apiWorker().postMessage({ id: id, text: String(text), options: options || {} });
      });
    },
    // Turns blocks added after load into widgets.
    scan: init,
  };

  function start() { watchTheme(); init(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
