/*
 * The compose box of a channel or chat in the Teams-like page (plain browser script): the
 * companion app's search extension (the apps button opens it: the initialRun query, then the
 * typed query and space, debounced), link previews for links to the app's domains
 * (composeExtension/queryLink while typing; the preview can be removed) and Send, which posts the
 * text and the cards as the person chosen under "You are". Exposes `window.TeamsCompose`.
 */
(function () {
  'use strict';

  var view = window.TeamsMessageView;
  var api = window.TeamsAppApi;
  var make = view.make;
  var DEBOUNCE_MS = 350;
  var el = function (id) {
    return document.getElementById(id);
  };
  /* The conversation being written in, the cards in the box, and the link last unfurled. */
  var state = { conversation: null, cards: [], unfurled: null, dismissed: null };
  var seq = { search: 0, link: 0 };
  var hooks = { refresh: function () {}, notify: function () {} };

  function line(target, text, kind) {
    target.textContent = '';
    target.className = 'extension-line' + (kind ? ' ' + kind : '');
    target.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    if (text) target.textContent = text;
  }

  /* A sign-in answer: the openUrl action as a link, as Teams shows its sign-in button. */
  function signInLine(target, outcome) {
    line(target, '', 'auth');
    var link = make('a', { href: outcome.url, target: '_blank', rel: 'noopener noreferrer' }, outcome.title);
    target.appendChild(link);
  }

  function renderCards() {
    var box = el('compose-cards');
    box.textContent = '';
    state.cards.forEach(function (item, index) {
      var holder = make('div', {
        class: 'compose-card',
        'data-testid': item.kind === 'link' ? 'link-preview' : 'inserted-card',
      });
      view.renderCard(holder, item.card, hooks.notify);
      var remove = make(
        'button',
        { type: 'button', class: 'secondary remove-card' },
        item.kind === 'link' ? 'Remove preview' : 'Remove card',
      );
      remove.addEventListener('click', function () {
        if (item.kind === 'link') state.dismissed = item.url;
        state.cards.splice(index, 1);
        renderCards();
      });
      holder.appendChild(remove);
      box.appendChild(holder);
    });
  }

  function setLinkPreview(url, card) {
    state.cards = state.cards.filter(function (c) {
      return c.kind !== 'link';
    });
    if (card) state.cards.push({ kind: 'link', url: url, card: card });
    renderCards();
  }

  function search(params) {
    var mine = (seq.search += 1);
    var status = el('extension-status');
    line(status, 'Searching…');
    var body = { oid: api.acting(), conversation: state.conversation };
    if (params) {
      body.query = params.query;
      if (params.space) body.space = params.space;
    }
    return api
      .post('search', body)
      .then(function (answer) {
        if (mine !== seq.search) return;
        showResults(answer.outcome);
      })
      .catch(function (e) {
        if (mine === seq.search) line(status, e.message, 'error');
      });
  }

  function showResults(outcome) {
    var status = el('extension-status');
    var list = el('extension-results');
    list.textContent = '';
    if (outcome.kind === 'auth') return signInLine(status, outcome);
    if (outcome.kind === 'message') return line(status, outcome.text);
    if (outcome.kind === 'error') return line(status, outcome.text, 'error');
    line(status, outcome.items.length ? '' : 'No results.');
    outcome.items.forEach(function (item) {
      var button = make('button', { type: 'button', class: 'result', 'data-testid': 'search-result' });
      button.appendChild(make('span', { class: 'result-title' }, item.title));
      button.appendChild(make('span', { class: 'result-text' }, item.text));
      button.addEventListener('click', function () {
        state.cards.push({ kind: 'search', card: item.card });
        renderCards();
        closePanel();
        el('channel-compose-input').focus();
      });
      list.appendChild(make('li')).appendChild(button);
    });
  }

  var searchTimer = null;
  function typedSearch() {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      search({ query: el('extension-query').value, space: el('extension-space').value.trim() });
    }, DEBOUNCE_MS);
  }

  function openPanel() {
    el('extension-panel').hidden = false;
    el('extension-open').setAttribute('aria-expanded', 'true');
    el('extension-query').value = '';
    el('extension-space').value = '';
    el('extension-results').textContent = '';
    el('extension-query').focus();
    search(null);
  }

  function closePanel() {
    el('extension-panel').hidden = true;
    el('extension-open').setAttribute('aria-expanded', 'false');
  }

  var linkTimer = null;
  function watchLinks() {
    clearTimeout(linkTimer);
    linkTimer = setTimeout(function () {
      var text = el('channel-compose-input').value;
      var url = api.appLink(text);
      var status = el('compose-status');
      if (!url) {
        state.unfurled = null;
        return setLinkPreview(null, null);
      }
      if (url === state.unfurled || url === state.dismissed) return;
      state.unfurled = url;
      var mine = (seq.link += 1);
      api
        .post('query-link', { oid: api.acting(), conversation: state.conversation, text: text })
        .then(function (answer) {
          if (mine !== seq.link) return;
          var outcome = answer.outcome;
          line(status, '');
          if (outcome.kind === 'preview') setLinkPreview(url, outcome.card);
          else setLinkPreview(null, null);
          if (outcome.kind === 'auth') signInLine(status, outcome);
          if (outcome.kind === 'error') line(status, outcome.text, 'error');
        })
        .catch(function (e) {
          if (mine === seq.link) line(status, e.message, 'error');
        });
    }, DEBOUNCE_MS);
  }

  function send(event) {
    event.preventDefault();
    var input = el('channel-compose-input');
    var body = {
      oid: api.acting(),
      conversation: state.conversation,
      text: input.value.trim(),
      cards: state.cards.map(function (c) {
        return c.card;
      }),
    };
    if (!body.text && !body.cards.length) return;
    api
      .post('post', body)
      .then(function () {
        input.value = '';
        reset(state.conversation);
        hooks.refresh();
      })
      .catch(function (e) {
        line(el('compose-status'), e.message, 'error');
      });
  }

  /* A new conversation starts with an empty box. */
  function reset(conversation) {
    state = { conversation: conversation, cards: [], unfurled: null, dismissed: null };
    renderCards();
    closePanel();
    line(el('compose-status'), '');
  }

  function show(conversation, installed) {
    var form = el('channel-compose');
    if (state.conversation !== conversation) reset(conversation);
    form.hidden = false;
    var button = el('extension-open');
    button.disabled = !installed;
    button.title = installed ? 'Search Confluence' : 'Add Teams for Confluence under Apps to use it here';
  }

  function wire(refresh, notify) {
    hooks = { refresh: refresh, notify: notify };
    el('extension-open').addEventListener('click', function () {
      if (el('extension-panel').hidden) openPanel();
      else closePanel();
    });
    el('extension-close').addEventListener('click', closePanel);
    el('extension-query').addEventListener('input', typedSearch);
    el('extension-space').addEventListener('input', typedSearch);
    el('channel-compose-input').addEventListener('input', watchLinks);
    el('channel-compose').addEventListener('submit', send);
    el('extension-panel').addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') return;
      closePanel();
      el('extension-open').focus();
    });
  }

  window.TeamsCompose = {
    wire: wire,
    show: show,
    hide: function () {
      el('channel-compose').hidden = true;
    },
    /* Another person acts now: what the last one put in the box is not theirs to send. */
    clear: function () {
      el('channel-compose-input').value = '';
      reset(state.conversation);
    },
  };
})();
