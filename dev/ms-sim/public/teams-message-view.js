/*
 * Message rendering for the Teams-like page of the Microsoft simulator (plain browser script).
 * Adaptive Card attachments go through the official `adaptivecards` renderer; markdown in cards
 * goes through markdown-it, as Teams supports it. Exposes `window.TeamsMessageView`.
 */
(function () {
  'use strict';

  var AC = window.AdaptiveCards;
  var md = window.markdownit({ html: false, linkify: true, breaks: true });
  /*
   * Teams shows a card's `<at>Name</at>` (named again in `msteams.entities`) as a mention.
   * markdown-it, with HTML off, escapes the tag; the escaped pair becomes the page's mention style.
   * What sits between was escaped by markdown-it, so nothing of the card's text turns into HTML.
   */
  var AT_TAG = /&lt;at&gt;([\s\S]*?)&lt;\/at&gt;/g;
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = md
      .render(text)
      .replace(AT_TAG, '<span class="mention" data-testid="card-mention">$1</span>');
    result.didProcess = true;
  };

  function make(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Only a small, safe subset of Teams' HTML is shown; everything else becomes its text. */
  var ALLOWED = [
    'B',
    'STRONG',
    'I',
    'EM',
    'U',
    'P',
    'BR',
    'DIV',
    'SPAN',
    'UL',
    'OL',
    'LI',
    'CODE',
    'PRE',
    'BLOCKQUOTE',
    'H1',
    'H2',
    'H3',
    'A',
    'AT',
  ];
  function sanitizeInto(target, html) {
    var doc = new DOMParser().parseFromString('<div>' + html + '</div>', 'text/html');
    (function copy(from, to) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === Node.TEXT_NODE)
          return to.appendChild(document.createTextNode(node.textContent));
        if (node.nodeType !== Node.ELEMENT_NODE || node.tagName === 'ATTACHMENT') return;
        if (ALLOWED.indexOf(node.tagName) < 0) return copy(node, to);
        var clean = make(node.tagName === 'AT' ? 'strong' : node.tagName.toLowerCase());
        if (node.tagName === 'AT') clean.className = 'mention';
        var href = node.getAttribute('href');
        if (node.tagName === 'A' && href && /^(https?:|mailto:)/i.test(href)) {
          clean.setAttribute('href', href);
          clean.setAttribute('target', '_blank');
          clean.setAttribute('rel', 'noopener noreferrer');
        }
        to.appendChild(clean);
        copy(node, clean);
      });
    })(doc.body.firstChild, target);
  }

  /* Teams' own host config for the page's theme (teams-host-config.js, from Microsoft's published ones). */
  function hostConfig() {
    var dark = document.documentElement.getAttribute('data-theme') === 'dark';
    return new AC.HostConfig(window.TeamsHostConfigs[dark ? 'dark' : 'light']);
  }

  /*
   * `onExecute`, for cards a bot sent (or a person posted through the app): Action.Execute
   * reaches the bot (the renderer has merged the card's Input values into `action.data` by then).
   * `onSubmit`, for a dialog's card: Action.Submit reaches the message extension. Without them, as
   * for cards a user posted through Graph, only Action.OpenUrl does something.
   */
  function renderCard(container, cardJson, notify, onExecute, onSubmit) {
    var card = new AC.AdaptiveCard();
    card.hostConfig = hostConfig();
    card.onExecuteAction = function (action) {
      if (action instanceof AC.OpenUrlAction) {
        window.open(action.url, '_blank', 'noopener');
      } else if (onExecute && action instanceof AC.ExecuteAction) {
        onExecute(action);
      } else if (onSubmit && action instanceof AC.SubmitAction) {
        onSubmit(action);
      } else if (onExecute || onSubmit) {
        notify(
          (action.getJsonTypeName() || 'This action') + ' is not simulated; bots here use Action.Execute.',
        );
      } else {
        notify(
          (action.getJsonTypeName() || 'This action') +
            ' does nothing in cards a user posted through Graph; use Action.OpenUrl.',
        );
      }
    };
    try {
      card.parse(cardJson);
      container.appendChild(card.render());
    } catch (e) {
      container.appendChild(
        make('p', { class: 'card-error', role: 'alert' }, 'The card could not be rendered: ' + e.message),
      );
    }
  }

  /*
   * `app` (optional): the companion app's part in the message, `{name, menuFor(m), execute(m,
   * attachment, action)}`: its "…" menu, "via {app}" on messages posted through it, and working
   * Action.Execute buttons on its cards.
   */
  function renderMessage(m, notify, app) {
    var item = make('li', { class: m.replyToId ? 'reply' : 'thread' });
    var article = make('article', {
      class: 'message',
      'data-testid': 'message',
      'data-message-id': m.id,
      'data-conversation-id': m.conversationId,
    });
    var header = make('header', { class: 'message-header' });
    header.appendChild(make('span', { class: 'sender' }, m.from.displayName));
    header.appendChild(
      make('time', { datetime: m.createdDateTime }, new Date(m.createdDateTime).toLocaleString()),
    );
    if (m.lastModifiedDateTime !== m.createdDateTime)
      header.appendChild(make('span', { class: 'edited' }, 'Edited'));
    var viaApp = m.attachments.some(function (a) {
      return a.teamsAppId;
    });
    if (app && viaApp) header.appendChild(make('span', { class: 'via' }, 'via ' + app.name));
    if (app) header.appendChild(app.menuFor(m));
    article.appendChild(header);
    if (m.subject) article.appendChild(make('h2', { class: 'subject' }, m.subject));
    var body = make('div', { class: 'message-body' });
    if (m.body.contentType === 'html') sanitizeInto(body, m.body.content);
    else body.textContent = m.body.content;
    article.appendChild(body);
    m.attachments.forEach(function (a) {
      if (a.contentType === 'application/vnd.microsoft.card.adaptive' && a.card) {
        var holder = make('div', { class: 'card', 'data-testid': 'card', 'data-attachment-id': a.id });
        var onExecute =
          app && a.teamsAppId
            ? function (action) {
                app.execute(m, a, action);
              }
            : undefined;
        if (a.updatedFor) holder.setAttribute('data-updated', 'true');
        renderCard(holder, a.card, notify, onExecute);
        article.appendChild(holder);
      } else {
        article.appendChild(
          make('p', { class: 'attachment' }, 'Attachment: ' + (a.name || a.contentUrl || a.contentType)),
        );
      }
    });
    item.appendChild(article);
    if (m.replies && m.replies.length) {
      var replies = make('ol', { class: 'replies', 'aria-label': 'Replies' });
      m.replies.forEach(function (r) {
        replies.appendChild(renderMessage(r, notify, app));
      });
      item.appendChild(replies);
    }
    return item;
  }

  window.TeamsMessageView = { make: make, renderMessage: renderMessage, renderCard: renderCard };
})();
