/*
 * The Teams-like page of the Microsoft simulator (plain browser script, no build step): the
 * rail of teams, channels and chats, the selected conversation, a refresh every 2 seconds and
 * the theme switch. Messages are drawn by teams-message-view.js; the companion bot's app page and
 * 1:1 chats by teams-bot-chat.js, refreshed every second while open (the bot answers from a queue).
 */
(function () {
  'use strict';

  var REFRESH_MS = 2000;
  var BOT_REFRESH_MS = 1000;
  var view = window.TeamsMessageView;
  var bot = window.TeamsBotChat;
  var appApi = window.TeamsAppApi;
  var compose = window.TeamsCompose;
  var messageActions = window.TeamsMessageActions;
  var make = view.make;
  var botChats = [];
  var selected = null;
  var lastRailJson = '';
  var lastMessagesJson = '';
  var el = function (id) {
    return document.getElementById(id);
  };

  function api(path) {
    return fetch(path, { cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    });
  }

  function conversationButton(id, label, extra) {
    var button = make('button', { type: 'button', class: 'conv', 'data-conversation-id': id });
    if (extra) button.appendChild(extra);
    button.appendChild(make('span', { class: 'conv-label' }, label));
    if (id === selected) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', function () {
      select(id, true);
    });
    return button;
  }

  function renderRail(data) {
    var teams = el('teams');
    teams.textContent = '';
    data.teams.forEach(function (team) {
      var section = make('section', { class: 'team', 'aria-label': team.displayName });
      section.appendChild(make('h3', { class: 'team-name' }, team.displayName));
      var list = make('ul', { class: 'rail-list' });
      team.channels.forEach(function (c) {
        var lock = null;
        if (c.membershipType === 'private') {
          lock = make(
            'span',
            {
              class: 'lock',
              role: 'img',
              'aria-label': 'Private channel',
              title: 'Private channel: ' + (c.members || []).join(', '),
            },
            '(private)',
          );
        }
        var li = make('li');
        li.appendChild(
          conversationButton(c.id, c.displayName + (c.messageCount ? ' (' + c.messageCount + ')' : ''), lock),
        );
        list.appendChild(li);
      });
      section.appendChild(list);
      teams.appendChild(section);
    });
    var chats = el('chats');
    chats.textContent = '';
    data.chats.forEach(function (c) {
      var li = make('li');
      var label = (c.topic || c.members.join(', ')) + (c.messageCount ? ' (' + c.messageCount + ')' : '');
      li.appendChild(conversationButton(c.id, label));
      chats.appendChild(li);
    });
    botChats = data.botChats || [];
    appApi.fillPeople(botChats);
    bot.railItems(botChats, conversationButton).forEach(function (button) {
      var li = make('li');
      li.appendChild(button);
      chats.appendChild(li);
    });
    var apps = el('apps');
    apps.textContent = '';
    var li = make('li');
    li.appendChild(conversationButton(bot.APP_ID, bot.BOT_NAME));
    apps.appendChild(li);
  }

  function notify(text) {
    el('status').textContent = text;
  }

  /* The app's part in channel and chat messages: its "…" menu, "via", working card buttons. */
  var appHooks = {
    name: bot.BOT_NAME,
    menuFor: messageActions.menuFor,
    execute: messageActions.execute,
  };

  function hasApp(oid) {
    return botChats.some(function (c) {
      return c.oid === oid && c.installed;
    });
  }

  function renderMessages(data) {
    bot.hide();
    compose.show(data.conversation.id, hasApp(appApi.acting()));
    var main = el('conversation');
    main.setAttribute('data-conversation-id', data.conversation.id);
    el('conversation-title').textContent = data.conversation.title;
    var list = el('messages');
    list.textContent = '';
    data.messages.forEach(function (m) {
      list.appendChild(view.renderMessage(m, notify, appHooks));
    });
    el('status').textContent = data.messages.length ? '' : 'No messages yet.';
  }

  var botContext = {
    notify: notify,
    refresh: function () {
      return refreshRail().then(function () {
        return refreshMessages(true);
      });
    },
    select: function (id) {
      select(id, true);
    },
  };

  /* Where the selected conversation's JSON comes from, and what draws it. */
  function sourceOf(id) {
    if (id === bot.APP_ID)
      return {
        path: '/_sim/api/conversations',
        render: function (data) {
          bot.hide();
          compose.hide();
          el('conversation').setAttribute('data-conversation-id', id);
          bot.renderAppPage(data, botContext);
        },
      };
    if (bot.isChat(id))
      return {
        path: bot.chatPath(id),
        render: function (data) {
          compose.hide();
          el('conversation').setAttribute('data-conversation-id', id);
          bot.renderChat(data, botContext);
        },
      };
    return {
      path:
        '/_sim/api/conversations/' +
        encodeURIComponent(id) +
        '/messages?as=' +
        encodeURIComponent(appApi.acting()),
      render: renderMessages,
    };
  }

  function refreshMessages(force) {
    if (!selected) return Promise.resolve();
    var source = sourceOf(selected);
    return api(source.path).then(function (data) {
      // Who acts and who has the app change what is drawn (their cards, the apps button).
      var json = [selected, appApi.acting(), JSON.stringify(botChats), JSON.stringify(data)].join('|');
      if (!force && json === lastMessagesJson) return;
      lastMessagesJson = json;
      source.render(data);
    });
  }

  function refreshRail() {
    return api('/_sim/api/conversations').then(function (data) {
      var json = JSON.stringify(data) + '|' + selected;
      if (json !== lastRailJson) {
        lastRailJson = json;
        renderRail(data);
      }
      if (!selected && data.teams[0] && data.teams[0].channels[0])
        select(data.teams[0].channels[0].id, false);
    });
  }

  function select(id, moveFocus) {
    selected = id;
    history.replaceState(null, '', '#' + encodeURIComponent(id));
    document.querySelectorAll('#rail .conv').forEach(function (b) {
      if (b.getAttribute('data-conversation-id') === id) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
    refreshMessages(true).then(function () {
      if (moveFocus) el('conversation').focus();
    });
  }

  function applyTheme(theme) {
    document.documentElement.setAttribute('data-theme', theme);
    var toggle = el('theme-toggle');
    toggle.setAttribute('aria-pressed', String(theme === 'dark'));
    try {
      localStorage.setItem('ms-sim-theme', theme);
    } catch {
      /* storage may be unavailable (private mode); the theme still applies */
    }
  }

  el('theme-toggle').addEventListener('click', function () {
    applyTheme(document.documentElement.getAttribute('data-theme') === 'dark' ? 'light' : 'dark');
    refreshMessages(true);
  });

  var initial =
    new URLSearchParams(location.search).get('conversation') || decodeURIComponent(location.hash.slice(1));
  var savedTheme = null;
  try {
    savedTheme = localStorage.getItem('ms-sim-theme');
  } catch {
    savedTheme = null;
  }
  if (savedTheme === 'dark') applyTheme('dark');
  if (initial) select(initial, false);
  bot.wireCompose(botContext.refresh);
  compose.wire(botContext.refresh, notify);
  messageActions.wire(botContext.refresh, notify, bot.toast);
  appApi.onActingChange(function () {
    compose.clear();
    refreshMessages(true);
  });
  appApi.loadApp().catch(function () {
    /* without the app's settings no link is unfurled; everything else still works */
  });
  var ticks = 0;
  function tick() {
    refreshRail()
      .then(function () {
        return refreshMessages(false);
      })
      .catch(function (e) {
        el('status').textContent = 'The simulator is not answering (' + e.message + ').';
      });
  }
  tick();
  /* Every REFRESH_MS; every BOT_REFRESH_MS while the bot's page or a chat with it is open. */
  setInterval(function () {
    ticks += 1;
    var botOpen = selected === bot.APP_ID || bot.isChat(selected);
    if (botOpen || ticks % (REFRESH_MS / BOT_REFRESH_MS) === 0) tick();
  }, BOT_REFRESH_MS);
})();
