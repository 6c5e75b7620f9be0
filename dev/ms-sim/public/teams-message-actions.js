/*
 * What a person can do with a channel or chat message through the companion app, in the
 * Teams-like page (plain browser script): the "…" menu's Comment in Confluence (the message
 * action: composeExtension/fetchTask, a dialog with the app's card, whose Action.Submit sends
 * composeExtension/submitAction) and the Action.Execute buttons of cards a person posted through
 * the app (adaptiveCard/action in that conversation). Exposes `window.TeamsMessageActions`.
 */
(function () {
  'use strict';

  var view = window.TeamsMessageView;
  var api = window.TeamsAppApi;
  var make = view.make;
  var hooks = { refresh: function () {}, notify: function () {}, toast: function () {} };
  var el = function (id) {
    return document.getElementById(id);
  };
  /* The message the open dialog is about. */
  var target = null;

  function dialogStatus(text, isError) {
    var status = el('task-status');
    status.textContent = text || '';
    status.setAttribute('role', isError ? 'alert' : 'status');
    status.className = 'task-status' + (isError ? ' error' : '');
  }

  function showTask(outcome) {
    var dialog = el('task-dialog');
    var holder = el('task-card');
    if (outcome.kind === 'close') return dialog.close();
    if (!dialog.open) dialog.showModal();
    dialogStatus('');
    if (outcome.kind === 'card') {
      el('task-title').textContent = outcome.title || api.app().name;
      holder.textContent = '';
      view.renderCard(holder, outcome.card, hooks.notify, null, submit);
      return;
    }
    if (outcome.kind === 'message') {
      holder.textContent = '';
      return dialogStatus(outcome.text, false);
    }
    dialogStatus(outcome.text, true);
  }

  function failed(e) {
    var dialog = el('task-dialog');
    if (!dialog.open) dialog.showModal();
    dialogStatus(e.message, true);
  }

  /* The dialog card's Action.Submit: its data already holds the card's inputs (the renderer merges them). */
  function submit(action) {
    if (!target) return;
    dialogStatus('Sending…');
    api
      .post('submit-action', {
        oid: api.acting(),
        conversation: target.conversation,
        messageId: target.messageId,
        data: action.data && typeof action.data === 'object' ? action.data : {},
      })
      .then(function (answer) {
        showTask(answer.outcome);
      })
      .catch(failed);
  }

  function commentInConfluence(message) {
    target = { conversation: message.conversationId, messageId: message.id };
    el('task-title').textContent = 'Comment in Confluence';
    el('task-card').textContent = '';
    api
      .post('fetch-task', {
        oid: api.acting(),
        conversation: target.conversation,
        messageId: target.messageId,
      })
      .then(function (answer) {
        showTask(answer.outcome);
      })
      .catch(failed);
  }

  /* The "…" button and its menu of the app's message actions. */
  function menuFor(message) {
    var wrapper = make('div', { class: 'message-menu' });
    var button = make('button', {
      type: 'button',
      class: 'more',
      'aria-haspopup': 'menu',
      'aria-expanded': 'false',
      'aria-label': 'More options',
      'data-testid': 'message-more',
    });
    button.textContent = '…';
    var menu = make('ul', { class: 'menu', role: 'menu', hidden: '' });
    var item = make('li', { role: 'none' });
    var action = make('button', { type: 'button', role: 'menuitem' }, 'Comment in Confluence');
    action.addEventListener('click', function () {
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      commentInConfluence(message);
    });
    item.appendChild(action);
    menu.appendChild(item);
    button.addEventListener('click', function () {
      menu.hidden = !menu.hidden;
      button.setAttribute('aria-expanded', String(!menu.hidden));
      if (!menu.hidden) action.focus();
    });
    menu.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape') return;
      menu.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    });
    wrapper.appendChild(button);
    wrapper.appendChild(menu);
    return wrapper;
  }

  var pending = {};
  /* Action.Execute on a card a person posted through the app: the answer's card replaces it for them. */
  function execute(message, attachment, action) {
    var key = message.id + '|' + attachment.id;
    if (pending[key]) return;
    pending[key] = true;
    api
      .post('execute', {
        oid: api.acting(),
        conversation: message.conversationId,
        messageId: message.id,
        attachmentId: attachment.id,
        actionId: action.id || undefined,
        verb: action.verb,
        data: action.data || {},
      })
      .then(function (answer) {
        var outcome = answer.outcome;
        if (outcome.kind === 'message') hooks.toast(outcome.text, false);
        if (outcome.kind === 'error') hooks.toast(outcome.text, true);
        if (outcome.kind === 'card') hooks.refresh();
      })
      .catch(function (e) {
        hooks.toast(e.message, true);
      })
      .then(function () {
        delete pending[key];
      });
  }

  function wire(refresh, notify, toast) {
    hooks = { refresh: refresh, notify: notify, toast: toast };
    el('task-close').addEventListener('click', function () {
      el('task-dialog').close();
    });
  }

  window.TeamsMessageActions = { wire: wire, menuFor: menuFor, execute: execute };
})();
