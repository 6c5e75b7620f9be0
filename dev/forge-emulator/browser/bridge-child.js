/*
 * Forge emulator: the Custom UI side of the bridge. `@forge/bridge` calls
 * `globalThis.__bridge.callBridge(name, payload)` for everything (bridge.js getCallBridge); here each call
 * becomes a postMessage to the product page (host.js), whose answer settles the returned promise.
 * Loaded as the first script of the resource's index.html, before the app's bundle imports the bridge.
 */
(function () {
  'use strict';
  if (window.__bridge && window.__bridge.callBridge) return;

  var CALL = 'forge-emulator:bridge-call';
  var RESULT = 'forge-emulator:bridge-result';
  var RESIZE = 'forge-emulator:resize';
  var THEME = 'forge-emulator:theme';
  var MODAL_CLOSED = 'forge-emulator:modal-closed';
  var host = window.parent;
  var pending = {};
  var nextId = 1;
  /* A Modal's onClose is a function, which postMessage cannot carry: it waits here for the host. */
  var modalCallbacks = {};
  var nextModalId = 1;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source === host && data && data.type === THEME) {
      applyTheme(data.theme);
      return;
    }
    if (event.source === host && data && data.type === MODAL_CLOSED) {
      var onClose = modalCallbacks[data.modalId];
      delete modalCallbacks[data.modalId];
      if (typeof onClose === 'function') onClose(data.payload);
      return;
    }
    if (event.source !== host || !data || data.type !== RESULT || !pending[data.id]) return;
    var entry = pending[data.id];
    delete pending[data.id];
    if (data.ok) entry.resolve(data.result);
    else entry.reject(new Error(data.message));
  });

  function send(name, payload) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      host.postMessage({ type: CALL, id: id, name: name, payload: payload }, '*');
    });
  }

  /* Functions cannot cross postMessage, so the history object lives here; the host gives the start path. */
  function createHistory(start) {
    var entries = [
      {
        pathname: (start && start.pathname) || '/',
        search: (start && start.search) || '',
        hash: '',
        state: undefined,
      },
    ];
    var index = 0;
    var listeners = [];
    var history = { action: 'POP', location: entries[0] };
    function toLocation(path, state) {
      if (typeof path !== 'string') return Object.assign({ search: '', hash: '' }, path);
      var url = new URL(path, 'http://history.invalid' + history.location.pathname);
      return { pathname: url.pathname, search: url.search, hash: url.hash, state: state };
    }
    function moved(action) {
      history.action = action;
      history.location = entries[index];
      listeners.slice().forEach(function (listener) {
        listener(history.location, action);
      });
    }
    history.push = function (path, state) {
      entries = entries.slice(0, index + 1).concat([toLocation(path, state)]);
      index = entries.length - 1;
      moved('PUSH');
    };
    history.replace = function (path, state) {
      entries[index] = toLocation(path, state);
      moved('REPLACE');
    };
    history.go = function (delta) {
      var target = Math.max(0, Math.min(entries.length - 1, index + delta));
      if (target === index) return;
      index = target;
      moved('POP');
    };
    history.goBack = function () {
      history.go(-1);
    };
    history.goForward = function () {
      history.go(1);
    };
    history.listen = function (listener) {
      listeners.push(listener);
      return function () {
        listeners = listeners.filter(function (candidate) {
          return candidate !== listener;
        });
      };
    };
    return history;
  }

  /*
   * The attributes Confluence's theming sets on the app's <html>. The host here brings no token CSS;
   * an app that needs it in the sandbox loads it from @atlaskit/tokens itself.
   */
  function applyTheme(theme) {
    var colorMode = (theme && theme.colorMode) || 'light';
    document.documentElement.setAttribute('data-color-mode', colorMode);
    document.documentElement.setAttribute(
      'data-theme',
      'light:light dark:dark spacing:spacing typography:typography shape:shape',
    );
  }

  window.__bridge = {
    callBridge: function (name, payload) {
      if (name === 'createHistory') return send(name, payload).then(createHistory);
      if (name === 'openModal') {
        var modalId = nextModalId++;
        modalCallbacks[modalId] = payload && payload.onClose;
        var options = Object.assign({}, payload, { modalId: modalId });
        delete options.onClose;
        return send(name, options);
      }
      if (name === 'enableTheming') {
        return send(name, payload).then(function (theme) {
          applyTheme(theme);
          return undefined;
        });
      }
      return send(name, payload);
    },
  };

  /*
   * The host sizes the iframe to the content, as Forge does for Custom UI. The document's
   * scrollHeight is never less than the frame's own height, so a frame measured that way could
   * grow but never shrink (a closed form left its height behind): measure the content instead.
   */
  var lastHeight = 0;
  function contentHeight() {
    var body = document.body;
    if (!body) return document.documentElement.scrollHeight;
    var style = window.getComputedStyle(body);
    return (
      body.getBoundingClientRect().height +
      (parseFloat(style.marginTop) || 0) +
      (parseFloat(style.marginBottom) || 0)
    );
  }
  function reportHeight() {
    var height = Math.ceil(contentHeight());
    if (height === lastHeight) return;
    lastHeight = height;
    host.postMessage({ type: RESIZE, height: height }, '*');
  }
  function watchSize() {
    reportHeight();
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(reportHeight);
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    } else setInterval(reportHeight, 250);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watchSize);
  else watchSize();
  window.addEventListener('load', reportHeight);
})();
