/*
 * The companion bot in the Teams-like page (plain browser script): the app's entry under Apps
 * (Add app / Remove app per person), each person's 1:1 chat with the bot, the box to type to it,
 * and card buttons that act as in Teams (Action.OpenUrl opens the link; Action.Execute sends
 * the adaptiveCard/action invoke and shows the answer). Exposes `window.TeamsBotChat`.
 */
(function () {
  'use strict';

  var view = window.TeamsMessageView;
  var make = view.make;
  var BOT_NAME = 'Teams for Confluence';
  var APP_ID = 'app:teams-for-confluence';
  var PREFIX = 'bot:';
  var API = '/_sim/api/bot-chat';
  var el = function (id) {
    return document.getElementById(id);
  };

  function post(path, body) {
    return fetch(API + path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (r) {
      return r.json().then(function (json) {
        if (!r.ok) throw new Error(json.error || 'HTTP ' + r.status);
        return json;
      });
    });
  }

  var toastTimer = null;
  /* A short note over the page, as Teams shows an Action.Execute's message answer; errors stay longer. */
  function toast(text, isError) {
    var box = el('toast');
    box.textContent = text;
    box.className = 'toast' + (isError ? ' toast-error' : '');
    box.setAttribute('role', isError ? 'alert' : 'status');
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(
      function () {
        box.hidden = true;
      },
      isError ? 8000 : 4000,
    );
  }

  /* Each person with the app (or a chat history) has a chat with the bot in the chat list. */
  function railItems(botChats, button) {
    return botChats
      .filter(function (c) {
        return c.installed || c.messageCount > 0;
      })
      .map(function (c) {
        var badge = make('span', { class: 'bot-badge', 'aria-hidden': 'true' }, 'App');
        var label = BOT_NAME + ' · ' + c.displayName + (c.installed ? '' : ' (removed)');
        return button(PREFIX + c.oid, label, badge);
      });
  }

  function install(oid, action, refresh) {
    return post('/install', { oid: oid, action: action })
      .then(function (answer) {
        if (answer.status >= 300) toast('The app answered HTTP ' + answer.status + '.', true);
        refresh();
      })
      .catch(function (e) {
        toast(e.message, true);
      });
  }

  function installButton(person, installed, refresh) {
    var button = make(
      'button',
      {
        type: 'button',
        class: installed ? 'secondary' : 'primary',
        'data-testid': installed ? 'remove-app' : 'add-app',
      },
      installed ? 'Remove app' : 'Add app',
    );
    /* The visible text comes first in the name (WCAG 2.5.3); the person tells the rows apart. */
    button.setAttribute('aria-label', (installed ? 'Remove app' : 'Add app') + ' for ' + person.displayName);
    button.addEventListener('click', function () {
      button.disabled = true;
      install(person.oid, installed ? 'remove' : 'add', refresh);
    });
    return button;
  }

  /* The app's page under Apps: who has it, with Add app / Remove app and a way into each chat. */
  function renderAppPage(data, ctx) {
    el('conversation-title').textContent = BOT_NAME;
    el('status').textContent =
      'The companion app for Confluence. Adding it for a person makes Teams send the app an installationUpdate; the bot then greets them in their chat.';
    var list = el('messages');
    list.textContent = '';
    data.botChats.forEach(function (person) {
      var row = make('li', { class: 'app-person', 'data-testid': 'app-person', 'data-oid': person.oid });
      row.appendChild(make('span', { class: 'sender' }, person.displayName));
      row.appendChild(make('span', { class: 'app-state' }, person.installed ? 'Added' : 'Not added'));
      row.appendChild(installButton(person, person.installed, ctx.refresh));
      if (person.installed || person.messageCount > 0) {
        var open = make('button', { type: 'button', class: 'secondary' }, 'Open chat');
        open.addEventListener('click', function () {
          ctx.select(PREFIX + person.oid);
        });
        row.appendChild(open);
      }
      list.appendChild(row);
    });
  }

  /* Cards whose Action.Execute is on its way: a second click waits, as Teams shows a spinner. */
  var pending = {};

  function sendAction(chat, activityId, action, ctx) {
    if (pending[activityId]) return Promise.resolve();
    pending[activityId] = true;
    return post('/action', {
      oid: chat.person.oid,
      activityId: activityId,
      actionId: action.id || undefined,
      verb: action.verb,
      data: action.data || {},
    })
      .then(function (answer) {
        var outcome = answer.outcome;
        if (outcome.kind === 'message') toast(outcome.text, false);
        if (outcome.kind === 'error') toast(outcome.text, true);
        // Only a new card is drawn again: otherwise the card keeps what was typed into it, as in Teams.
        if (outcome.kind === 'card') ctx.refresh();
      })
      .catch(function (e) {
        toast(e.message, true);
      })
      .then(function () {
        delete pending[activityId];
      });
  }

  function renderItem(chat, item, ctx) {
    var mine = item.from === 'person';
    var li = make('li', { class: 'thread bot-chat-item' + (mine ? ' mine' : '') });
    var article = make('article', {
      class: 'message',
      'data-testid': 'message',
      'data-message-id': item.id,
      'data-from': item.from,
    });
    var header = make('header', { class: 'message-header' });
    header.appendChild(make('span', { class: 'sender' }, mine ? chat.person.displayName : BOT_NAME));
    header.appendChild(
      make('time', { datetime: new Date(item.at).toISOString() }, new Date(item.at).toLocaleString()),
    );
    if (item.updatedAt) header.appendChild(make('span', { class: 'edited' }, 'Updated'));
    article.appendChild(header);
    if (item.text) article.appendChild(make('div', { class: 'message-body' }, item.text));
    if (item.card) {
      var holder = make('div', { class: 'card', 'data-testid': 'card', 'data-activity-id': item.id });
      view.renderCard(holder, item.card, ctx.notify, function (action) {
        return sendAction(chat, item.id, action, ctx);
      });
      article.appendChild(holder);
    }
    li.appendChild(article);
    return li;
  }

  /* One person's 1:1 chat with the bot: what the bot sent, what they typed, and the box to type. */
  function renderChat(chat, ctx) {
    el('conversation-title').textContent = BOT_NAME + ' · chat with ' + chat.person.displayName;
    var actions = el('chat-actions');
    actions.textContent = '';
    actions.appendChild(installButton(chat.person, chat.installed, ctx.refresh));
    actions.hidden = false;
    var list = el('messages');
    list.textContent = '';
    chat.items.forEach(function (item) {
      list.appendChild(renderItem(chat, item, ctx));
    });
    el('status').textContent = chat.installed
      ? chat.items.length
        ? ''
        : 'No messages yet. The bot answers from its queue, so its greeting may take a moment.'
      : 'Add the app to chat with ' + BOT_NAME + '.';
    var form = el('compose');
    form.hidden = false;
    form.setAttribute('data-oid', chat.person.oid);
    el('compose-input').disabled = !chat.installed;
    el('compose-send').disabled = !chat.installed;
  }

  function wireCompose(refresh) {
    el('compose').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = el('compose-input');
      var text = input.value.trim();
      if (!text) return;
      input.value = '';
      post('/send', { oid: el('compose').getAttribute('data-oid'), text: text })
        .then(function (answer) {
          if (answer.status >= 300) toast('The app answered HTTP ' + answer.status + '.', true);
          refresh();
        })
        .catch(function (e) {
          toast(e.message, true);
        });
    });
  }

  /* Hides the bot chat's parts when a channel or group chat is shown. */
  function hide() {
    el('chat-actions').hidden = true;
    el('compose').hidden = true;
  }

  window.TeamsBotChat = {
    APP_ID: APP_ID,
    BOT_NAME: BOT_NAME,
    isChat: function (id) {
      return typeof id === 'string' && id.indexOf(PREFIX) === 0;
    },
    chatPath: function (id) {
      return API + '?oid=' + encodeURIComponent(id.slice(PREFIX.length));
    },
    railItems: railItems,
    renderAppPage: renderAppPage,
    renderChat: renderChat,
    wireCompose: wireCompose,
    hide: hide,
    toast: toast,
  };
})();
