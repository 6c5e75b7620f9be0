import { viewableContent } from '../../actions/action-context';
import { addComment } from '../../actions/add-comment';
import type { Router } from '../../http/router';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v1Content } from '../shapes/v1-content-shape';
import { idValue, storageValue } from './v2-write-body';

const ALL_TYPES = ['page', 'blogpost', 'comment'] as const;

interface V1CreateBody {
  type?: unknown;
  container?: { id?: unknown; type?: unknown };
  ancestors?: Array<{ id?: unknown }>;
  body?: { storage?: unknown };
  metadata?: { properties?: Record<string, { key?: unknown; value?: unknown }> };
}

/** `metadata.properties` of a v1 create: `{ <key>: { key, value } }`. */
function propertiesOf(body: V1CreateBody): Record<string, unknown> | undefined {
  const raw = body.metadata?.properties;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null)
    throw new SimulatorError(400, 'metadata.properties must be an object.');
  return Object.fromEntries(
    Object.entries(raw).map(([name, property]) => {
      const key = typeof property?.key === 'string' ? property.key : name;
      if (!/^[\w.-]{1,255}$/.test(key)) throw new SimulatorError(400, `Invalid property key: ${key}`);
      return [key, property?.value ?? null];
    }),
  );
}

/**
 * Content properties and the v1 way to create a comment *with* properties, so they exist when its
 * event fires (the app marks comments it posts for Teams users this way). The simulator creates
 * only comments through v1; pages and blog posts go through v2.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-properties/
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-post
 */
export function registerV1ContentPropertyRoutes(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/rest/api/content/:id/property/:key', (req) => {
    const content = viewableContent(req.actions, req.params.id, [...ALL_TYPES]);
    const property = content.properties?.[req.params.key];
    if (!property) {
      throw new SimulatorError(404, `Cannot find content property with key: ${req.params.key}`);
    }
    return ok({
      id: property.id,
      key: property.key,
      value: property.value,
      version: { number: property.version, minorEdit: false, hidden: false },
      _links: { self: `${req.baseUrl}/rest/api/content/${content.id}/property/${property.key}` },
    });
  });

  router.add('POST', '/wiki/rest/api/content', async (req) => {
    const body = ((await req.json()) ?? {}) as V1CreateBody;
    if (body.type !== 'comment') {
      throw new SimulatorError(400, 'The simulator creates only comments through v1; use v2 for pages.');
    }
    const containerId = idValue(body.container?.id);
    const parent = body.ancestors?.at(-1)?.id;
    const properties = propertiesOf(body);
    const comment = await addComment(req.actions, containerId, {
      body: storageValue(body.body?.storage),
      ...(parent !== undefined ? { parentCommentId: idValue(parent) } : {}),
      ...(properties ? { properties } : {}),
    });
    return {
      status: 200,
      // Like Confluence, the create call honours `expand` (the app asks for the container).
      body: v1Content(req.site, comment, {
        expand: new Set(['version', ...(req.query.get('expand') ?? '').split(',').filter(Boolean)]),
        baseUrl: req.baseUrl,
      }),
    };
  });
}
