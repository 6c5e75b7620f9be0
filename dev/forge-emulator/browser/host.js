/*
 * Forge emulator: the product-page side of Custom UI. `ForgeHost.mount(container, options)` creates the
 * iframe of a module's resource and answers the bridge calls its `@forge/bridge` makes (see
 * bridge-child.js). `window.__FORGE_EMULATOR__` (modules, site, environment) is prepended by the server.
 */
(function () {
  'use strict';
  var config = window.__FORGE_EMULATOR__;
  var CALL = 'forge-emulator:bridge-call';
  var RESULT = 'forge-emulator:bridge-result';
  var RESIZE = 'forge-emulator:resize';
  var THEME = 'forge-emulator:theme';
  var THEME_KEY = 'forge-emulator:color-mode';
  var MODAL_CLOSED = 'forge-emulator:modal-closed';
  /* Forge's named modal sizes (@forge/bridge Modal): width, height, minimum height. */
  var MODAL_SIZES = {
    small: ['400px', '20vh', '320px'],
    medium: ['600px', '40vh', '520px'],
    large: ['800px', '70vh', '720px'],
    xlarge: ['968px', '90vh', '0'],
    max: ['100%', '100%', '0'],
    fullscreen: ['100vw', '100vh', '0'],
  };
  var mounted = [];
  var FLAG_COLORS = { info: '#0c66e4', success: '#1f845a', warning: '#b38600', error: '#c9372c' };

  /* Absolute URLs of a real origin listed in browserRoutes open its local stand-in instead. */
  function rewrite(url, routes) {
    var parsed = new URL(url, config.siteUrl);
    var base = routes && routes[parsed.origin];
    if (!base) return parsed.href;
    return base.replace(/\/$/, '') + parsed.pathname + parsed.search + parsed.hash;
  }

  function flagArea() {
    var area = document.getElementById('forge-emulator-flags');
    if (area) return area;
    area = document.createElement('div');
    area.id = 'forge-emulator-flags';
    area.style.cssText =
      'position:fixed;left:16px;bottom:16px;z-index:9999;display:flex;flex-direction:column;gap:8px';
    document.body.appendChild(area);
    return area;
  }

  function closeFlag(id) {
    var flag = document.querySelector('[data-forge-flag="' + CSS.escape(String(id)) + '"]');
    if (flag) flag.remove();
  }

  function showFlag(options) {
    closeFlag(options.id);
    var flag = document.createElement('div');
    flag.setAttribute('data-forge-flag', String(options.id));
    flag.setAttribute('role', 'status');
    var color = FLAG_COLORS[options.type] || FLAG_COLORS.info;
    flag.style.cssText =
      'min-width:280px;max-width:400px;background:#fff;border-left:4px solid ' +
      color +
      ';box-shadow:0 4px 12px rgba(9,30,66,.25);border-radius:4px;padding:12px 16px;font:14px/1.4 sans-serif';
    var title = document.createElement('strong');
    title.textContent = options.title || '';
    flag.appendChild(title);
    if (options.description) {
      var description = document.createElement('div');
      description.textContent = options.description;
      flag.appendChild(description);
    }
    flag.addEventListener('click', function () {
      flag.remove();
    });
    flagArea().appendChild(flag);
    if (options.isAutoDismiss)
      setTimeout(function () {
        flag.remove();
      }, 8000);
  }

  /*
   * The user's Confluence theme. The sandbox is light, like Confluence by default; `?theme=dark`
   * (or light, or auto: the browser's prefers-color-scheme) on any product page switches it, and the
   * choice is kept for the tab, as a Confluence user's theme setting would be.
   */
  function chosenColorMode(options) {
    var asked = null;
    try {
      asked = new URLSearchParams(window.location.search).get('theme');
      if (asked) window.sessionStorage.setItem(THEME_KEY, asked);
      else asked = window.sessionStorage.getItem(THEME_KEY);
    } catch {
      /* storage may be unavailable; the query parameter still works */
    }
    return resolveColorMode(options.colorMode || asked);
  }

  function resolveColorMode(mode) {
    if (mode === 'auto')
      return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
    return mode === 'dark' ? 'dark' : 'light';
  }

  /* Like a theme change in Confluence: every app that enabled theming follows at once. */
  function setColorMode(mode) {
    var colorMode = resolveColorMode(mode);
    try {
      window.sessionStorage.setItem(THEME_KEY, colorMode);
    } catch {
      /* not kept for the next page then */
    }
    mounted.forEach(function (entry) {
      entry.setTheme({ colorMode: colorMode });
    });
    return colorMode;
  }

  function modalStyles() {
    if (document.getElementById('forge-emulator-modal-styles')) return;
    var style = document.createElement('style');
    style.id = 'forge-emulator-modal-styles';
    style.textContent =
      'dialog[data-forge-modal]{padding:0;border:0;border-radius:8px;overflow:hidden;' +
      'box-shadow:0 8px 24px rgba(9,30,66,.3);max-width:calc(100vw - 32px);max-height:calc(100vh - 32px)}' +
      'dialog[data-forge-modal]::backdrop{background:rgba(9,30,66,.54)}';
    document.head.appendChild(style);
  }

  /*
   * `new Modal({ resource, context, size, onClose }).open()` from @forge/bridge: the resource in a
   * dialog over the whole product page, as Forge draws it. Without a title Forge draws no header and
   * no close button: the app closes it with view.close(payload), which reaches the opener's onClose.
   */
  function openModal(payload, opener, onClosed) {
    modalStyles();
    var size = MODAL_SIZES[payload.size] || MODAL_SIZES.medium;
    var custom = payload.size && typeof payload.size === 'object' ? payload.size : null;
    var dialog = document.createElement('dialog');
    dialog.setAttribute('data-forge-modal', '');
    dialog.setAttribute('data-testid', 'forge-bridge-modal');
    dialog.setAttribute(
      'aria-label',
      payload.title || (config.modules[opener.moduleKey] || {}).title || 'App',
    );
    dialog.style.width = custom ? custom.width : size[0];
    dialog.style.height = custom ? custom.height || size[1] : size[1];
    dialog.style.minHeight = custom ? '0' : size[2];
    document.body.appendChild(dialog);
    var closed = false;
    var handle;
    function finish(result) {
      if (closed) return;
      closed = true;
      if (handle) handle.unmount();
      if (dialog.open) dialog.close();
      dialog.remove();
      onClosed(result);
    }
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      if (payload.closeOnEscape !== false) finish(undefined);
    });
    dialog.addEventListener('click', function (event) {
      if (event.target === dialog && payload.closeOnOverlayClick !== false) finish(undefined);
    });
    handle = mount(
      dialog,
      Object.assign({}, opener, {
        resourceKey: payload.resource || null,
        extension: Object.assign({}, opener.extension, { modal: payload.context || {} }),
        modal: { close: finish },
        onClose: undefined,
      }),
    );
    dialog.showModal();
  }

  function mount(container, options) {
    var module = config.modules[options.moduleKey];
    if (!module) throw new Error('manifest.yml has no UI module with a resource named ' + options.moduleKey);
    var iframe = document.createElement('iframe');
    iframe.src =
      config.baseUrl + '/__forge/ui/' + encodeURIComponent(options.resourceKey || module.resourceKey) + '/';
    iframe.title = module.title || options.moduleKey;
    iframe.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads',
    );
    iframe.style.cssText = options.modal
      ? 'width:100%;border:0;display:block;height:100%'
      : 'width:100%;border:0;display:block;height:150px';
    container.appendChild(iframe);

    var context = {
      accountId: options.accountId,
      cloudId: config.cloudId,
      siteUrl: config.siteUrl,
      moduleKey: options.moduleKey,
      localId:
        'ari:cloud:ecosystem::extension/' +
        config.appId +
        '/' +
        config.environmentId +
        '/static/' +
        options.moduleKey,
      environmentId: config.environmentId,
      environmentType: config.environmentType,
      extension: Object.assign({ type: module.type }, options.extension || {}),
      locale: options.locale || 'en-US',
      timezone: options.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone,
      theme: { colorMode: chosenColorMode(options) },
    };
    var themingEnabled = false;

    function invoke(payload) {
      return fetch(config.baseUrl + '/__forge/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          moduleKey: options.moduleKey,
          accountId: options.accountId,
          functionKey: payload.functionKey,
          payload: payload.payload,
          extension: options.extension,
        }),
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          if (!answer.ok) throw new Error(answer.message);
          return payload.metadata ? { body: answer.result, metadata: {} } : answer.result;
        });
    }

    function navigate(payload) {
      if (!payload || !payload.url) return undefined; /* navigation targets are not emulated */
      var url = rewrite(payload.url, options.browserRoutes);
      if (payload.type === 'new-tab') window.open(url, '_blank', 'noopener');
      else window.location.assign(url);
      return undefined;
    }

    var handlers = {
      getContext: function () {
        return context;
      },
      invoke: invoke,
      navigate: navigate,
      open: function () {
        return true;
      },
      enableTheming: function () {
        themingEnabled = true;
        return context.theme;
      },
      /*
       * A modal surface (a content action in a <dialog>) closes its dialog, and the app starts afresh
       * the next time it opens, as in Confluence; a page-level surface is taken off the page.
       */
      close: function (payload) {
        if (options.modal) {
          options.modal.close(payload);
          return true;
        }
        var dialog = container.closest && container.closest('dialog');
        if (dialog) {
          if (dialog.open) dialog.close();
          themingEnabled = false;
          iframe.setAttribute('src', iframe.getAttribute('src'));
        } else unmount();
        if (options.onClose) options.onClose();
        return true;
      },
      reload: function () {
        window.location.reload();
      },
      refresh: function () {
        iframe.setAttribute('src', iframe.getAttribute('src'));
        return true;
      },
      openModal: function (payload) {
        openModal(payload || {}, options, function (result) {
          if (iframe.contentWindow)
            iframe.contentWindow.postMessage(
              { type: MODAL_CLOSED, modalId: payload && payload.modalId, payload: result },
              '*',
            );
        });
        return true;
      },
      showFlag: function (payload) {
        showFlag(payload);
      },
      closeFlag: function (payload) {
        closeFlag(payload.id);
      },
      createHistory: function () {
        return { pathname: options.historyPath || '/', search: options.historySearch || '' };
      },
    };

    function reply(id, ok, value) {
      if (!iframe.contentWindow) return;
      var message = ok
        ? { type: RESULT, id: id, ok: true, result: value }
        : { type: RESULT, id: id, ok: false, message: value };
      iframe.contentWindow.postMessage(message, '*');
    }

    function onMessage(event) {
      var data = event.data;
      if (event.source !== iframe.contentWindow || !data) return;
      if (data.type === RESIZE) {
        /* A modal keeps the size the app asked for; its content scrolls inside. */
        if (!options.modal) iframe.style.height = data.height + 'px';
        return;
      }
      if (data.type !== CALL) return;
      var handler = handlers[data.name];
      Promise.resolve()
        .then(function () {
          return handler ? handler(data.payload) : undefined;
        })
        .then(
          function (result) {
            reply(data.id, true, result);
          },
          function (error) {
            reply(data.id, false, (error && error.message) || String(error));
          },
        );
    }

    function setTheme(theme) {
      context.theme = theme;
      if (themingEnabled && iframe.contentWindow)
        iframe.contentWindow.postMessage({ type: THEME, theme: theme }, '*');
    }

    var entry = { setTheme: setTheme };
    function unmount() {
      window.removeEventListener('message', onMessage);
      mounted = mounted.filter(function (candidate) {
        return candidate !== entry;
      });
      iframe.remove();
    }

    window.addEventListener('message', onMessage);
    mounted.push(entry);
    return { iframe: iframe, context: context, unmount: unmount };
  }

  window.ForgeHost = { mount: mount, setColorMode: setColorMode, config: config };
})();
