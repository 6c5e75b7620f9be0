import { CqlSyntaxError } from '../../cql/cql-ast';
import { evaluateCql } from '../../cql/cql-evaluator';
import { parseCql } from '../../cql/cql-parser';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';
import { messagePage } from './message.view';

/**
 * Confluence's search page for a CQL query (`/wiki/dosearchsite.action?cql=…`), where a catch-up
 * card's "See all in Confluence" leads: what the signed-in person may view, newest first.
 */
export function searchView(req: WebRequest): WebResult {
  const cql = req.query.get('cql') ?? '';
  let found;
  try {
    found = evaluateCql(req.site, req.user, parseCql(cql));
  } catch (error) {
    if (!(error instanceof CqlSyntaxError)) throw error;
    return messagePage(req, 400, 'Cannot search', `Confluence could not parse this query: ${error.message}.`);
  }
  const content = html`<h1>Search</h1>
    <p class="byline" data-testid="search-cql">${cql}</p>
    <p>${String(found.length)} result${found.length === 1 ? '' : 's'}</p>
    <ul data-testid="search-results">
      ${found.map(
        (c) =>
          html`<li>
            <a href="/wiki${contentWebPath(req.site, c)}">${c.title}</a>
            <span class="byline">${c.spaceKey} · ${c.versions[c.versions.length - 1].when.slice(0, 10)}</span>
          </li>`,
      )}
    </ul>`;
  return page(
    renderLayout({ theme: req.theme, title: 'Search', user: req.user, ui: req.ui, path: req.path, content }),
  );
}
