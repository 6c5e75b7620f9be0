/*
 * The Teams view's calls to the simulator's Teams-app API (/_sim/api/teams/…) and who the view
 * acts as ("You are" in the top bar). Plain browser script; exposes `window.TeamsAppApi`.
 */
(function () {
  'use strict';

  var API = '/_sim/api/teams';
  var STORAGE_KEY = 'ms-sim-acting-person';
  var app = { name: 'Teams for Confluence', linkDomains: [], appId: '' };

  function post(route, body) {
    return fetch(API + '/' + route, {
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

  function loadApp() {
    return fetch(API + '/app', { cache: 'no-store' })
      .then(function (r) {
        return r.json();
      })
      .then(function (json) {
        app = json;
        return app;
      });
  }

  /* The first http(s) link whose host is one of the app's link domains (Teams unfurls those only). */
  function appLink(text) {
    var links = text.match(/https?:\/\/[^\s<>"']+/gi) || [];
    for (var i = 0; i < links.length; i += 1) {
      var candidate = links[i].replace(/[),.;:!?]+$/, '');
      try {
        if (app.linkDomains.indexOf(new URL(candidate).host.toLowerCase()) >= 0) return candidate;
      } catch {
        /* not a URL after all */
      }
    }
    return null;
  }

  var select = document.getElementById('acting-person');
  /* `?as=` takes a person's key, first name or object id; otherwise the last choice is kept. */
  function fillPeople(people) {
    if (select.options.length) return;
    var wanted = new URLSearchParams(location.search).get('as');
    var saved = null;
    try {
      saved = localStorage.getItem(STORAGE_KEY);
    } catch {
      saved = null;
    }
    people.forEach(function (p) {
      var option = document.createElement('option');
      option.value = p.oid;
      option.textContent = p.displayName;
      select.appendChild(option);
      var first = p.displayName.split(' ')[0].toLowerCase();
      if (wanted && (wanted.toLowerCase() === first || wanted.toLowerCase() === p.oid)) select.value = p.oid;
      else if (!wanted && saved === p.oid) select.value = p.oid;
    });
  }
  select.addEventListener('change', function () {
    try {
      localStorage.setItem(STORAGE_KEY, select.value);
    } catch {
      /* storage may be unavailable; the choice still holds for this page */
    }
  });

  window.TeamsAppApi = {
    post: post,
    loadApp: loadApp,
    app: function () {
      return app;
    },
    appLink: appLink,
    fillPeople: fillPeople,
    acting: function () {
      return select.value;
    },
    actingName: function () {
      return select.selectedOptions[0] ? select.selectedOptions[0].textContent : '';
    },
    onActingChange: function (listener) {
      select.addEventListener('change', listener);
    },
  };
})();
