import { RulesSection } from '../rules/rules-section';
import { useSite } from '../site/site-context';

/** Space settings → Microsoft Teams: the space's rules, for its admins. */
export const SpaceView = () => {
  const site = useSite();
  const space = site.space ?? { key: '', name: 'this space', canManage: false };
  return (
    <RulesSection
      scope={{ scope: 'space', spaceKey: space.key }}
      title={`Rules for ${space.name}`}
      description="Updates to pages, blog posts and comments in this space go to Microsoft Teams as these rules say."
      canManage={space.canManage}
      noAuthorityText={`Only space admins of ${space.name} can change these rules.`}
    />
  );
};
