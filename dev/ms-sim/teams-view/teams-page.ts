import { TENANT } from '../../seed';
import { escapeHtml } from '../http/html';

/**
 * The shell of the Teams-like page; `public/teams-view.js` and `public/teams-message-view.js` fill
 * it from the JSON API and refresh it every 2 seconds. Cards render with Teams' host config in the
 * page's theme (light; dark with the switch or `?theme=dark`); `teams-host-config.js` is not
 * deferred, so the theme applies before the first paint. Stable hooks for browser tests:
 * `data-testid="message"` per message, `data-testid="card"` per Adaptive Card,
 * `data-conversation-id` on conversations (`bot:{oid}` for a person's chat with the companion bot,
 * `app:teams-for-confluence` for the app's page under Apps), `data-testid="add-app"`/`"remove-app"`.
 * The bot chat's box and the Add/Remove button show only in a chat with the bot; channels and
 * chats have their own compose box (`#channel-compose`) with the app's search extension and link
 * previews, and each message a "..." menu (`data-testid="message-more"`) with the app's message
 * action. "You are" (`#acting-person`, or `?as=mia`) picks who composes and acts.
 */
export function teamsPage(): string {
  return `<!doctype html>
<html lang="en" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Microsoft Teams (simulated)</title>
<link rel="stylesheet" href="/_sim/static/teams-view.css">
<link rel="stylesheet" href="/_sim/static/teams-card.css">
<link rel="stylesheet" href="/_sim/static/teams-app.css">
<script src="/_sim/static/teams-host-config.js"></script>
<script src="/_sim/static/markdown-it.min.js" defer></script>
<script src="/_sim/static/adaptivecards.min.js" defer></script>
<script src="/_sim/static/teams-message-view.js" defer></script>
<script src="/_sim/static/teams-bot-chat.js" defer></script>
<script src="/_sim/static/teams-app-api.js" defer></script>
<script src="/_sim/static/teams-compose.js" defer></script>
<script src="/_sim/static/teams-message-actions.js" defer></script>
<script src="/_sim/static/teams-view.js" defer></script>
</head>
<body>
<a class="skip-link" href="#conversation">Skip to messages</a>
<header class="topbar">
  <span class="app-title">Microsoft Teams <small>(simulated)</small></span>
  <span class="tenant">${escapeHtml(TENANT.name)}</span>
  <label class="acting" for="acting-person">You are</label>
  <select id="acting-person" data-testid="acting-person"></select>
  <button id="theme-toggle" type="button" aria-pressed="false">Dark theme</button>
</header>
<div class="layout">
  <nav id="rail" aria-label="Teams and chats">
    <h2 class="rail-heading">Teams</h2>
    <div id="teams"></div>
    <h2 class="rail-heading">Chats</h2>
    <ul id="chats" class="rail-list"></ul>
    <h2 class="rail-heading">Apps</h2>
    <ul id="apps" class="rail-list"></ul>
  </nav>
  <main id="conversation" tabindex="-1" aria-labelledby="conversation-title" data-conversation-id="">
    <div class="conversation-head">
      <h1 id="conversation-title">Select a channel or chat</h1>
      <div id="chat-actions" class="chat-actions" hidden></div>
    </div>
    <p id="status" role="status" aria-live="polite"></p>
    <ol id="messages" class="messages" aria-label="Messages"></ol>
    <form id="compose" class="compose" hidden>
      <label for="compose-input" class="visually-hidden">Type a message to Teams for Confluence</label>
      <input id="compose-input" type="text" autocomplete="off" maxlength="4000" placeholder="Type a message">
      <button id="compose-send" type="submit" class="primary">Send</button>
    </form>
    <form id="channel-compose" class="compose channel-compose" hidden>
      <section id="extension-panel" class="extension-panel" aria-label="Teams for Confluence search" hidden>
        <div class="extension-fields">
          <label for="extension-query">Search</label>
          <input id="extension-query" type="search" autocomplete="off" maxlength="1000">
          <label for="extension-space">Space</label>
          <input id="extension-space" type="text" autocomplete="off" maxlength="255" size="8">
          <button id="extension-close" type="button" class="secondary">Close</button>
        </div>
        <p id="extension-status" class="extension-line" role="status"></p>
        <ul id="extension-results" class="extension-results" aria-label="Search results"></ul>
      </section>
      <div id="compose-cards" class="compose-cards"></div>
      <p id="compose-status" class="extension-line" role="status"></p>
      <div class="compose-row">
        <button id="extension-open" type="button" class="secondary" aria-label="Teams for Confluence search" aria-expanded="false" aria-controls="extension-panel">Teams for Confluence</button>
        <label for="channel-compose-input" class="visually-hidden">Type a new message</label>
        <textarea id="channel-compose-input" rows="2" maxlength="4000" placeholder="Type a new message"></textarea>
        <button id="channel-compose-send" type="submit" class="primary">Send</button>
      </div>
    </form>
  </main>
</div>
<div id="toast" class="toast" role="status" aria-live="polite" hidden></div>
<dialog id="task-dialog" class="task-dialog" aria-labelledby="task-title">
  <h2 id="task-title">Comment in Confluence</h2>
  <div id="task-card" class="card"></div>
  <p id="task-status" class="task-status" role="status"></p>
  <button id="task-close" type="button" class="secondary">Close</button>
</dialog>
</body>
</html>`;
}
