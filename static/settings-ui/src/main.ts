import { view } from '@forge/bridge';
import { messageOf } from './api';
import { notice, replace } from './dom';
import { connectionPanel } from './views/connection';
import { rulesPanel } from './views/rules';
import { tenantPanel } from './views/tenant';

interface ForgeContext {
  moduleKey: string;
  extension?: { space?: { key?: string }; content?: { id?: string | number } };
}

/** One app, four surfaces: the module key in the Forge context picks the view (ARCHITECTURE D1). */
const render = async () => {
  const app = document.getElementById('app') as HTMLElement;
  try {
    await view.theme.enable();
    const context = (await view.getContext()) as unknown as ForgeContext;
    const spaceKey = context.extension?.space?.key;
    const contentId = context.extension?.content?.id;
    switch (context.moduleKey) {
      case 'teams-global-settings': {
        const rules = rulesPanel({ scope: 'global' }, 'Rules for the whole site');
        replace(app, tenantPanel(), connectionPanel(rules.setConnection), rules.element);
        return;
      }
      case 'teams-space-settings': {
        const rules = rulesPanel({ scope: 'space', spaceKey }, `Rules for space ${spaceKey ?? ''}`);
        replace(app, connectionPanel(rules.setConnection), rules.element);
        return;
      }
      case 'teams-content-action': {
        const rules = rulesPanel(
          { scope: 'content', contentId: String(contentId ?? '') },
          'Rules for this page',
        );
        replace(app, connectionPanel(rules.setConnection), rules.element);
        return;
      }
      default:
        replace(
          app,
          connectionPanel(() => undefined),
        );
    }
  } catch (error) {
    replace(app, notice('error', messageOf(error)));
  }
};

void render();
