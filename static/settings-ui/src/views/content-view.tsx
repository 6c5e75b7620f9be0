import Button from '@atlaskit/button/new';
import { view } from '@forge/bridge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { ConnectPrompt } from '../connection/connect-prompt';
import { useConnection } from '../site/connection-context';
import { TenantMissingNotice } from '../connection/tenant-missing-notice';
import { SharePanel } from '../content/share-panel';
import { CoveringRules } from '../rules/covering-rules';
import { RulesSection } from '../rules/rules-section';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { Section } from '../ui/section';

/** The page's ••• → Microsoft Teams modal: share the page now, and the page's rules. */
export const ContentView = () => {
  const site = useSite();
  const { connection } = useConnection();
  // One way in for both sharing and rules: the login prompt once, at the top.
  const needsLogin = site.tenantConfigured && connection !== undefined && connection.status !== 'ok';
  const content = site.content ?? {
    id: '',
    type: 'page' as const,
    title: 'this page',
    spaceKey: '',
    canEdit: false,
  };
  const kind = content.type === 'blogpost' ? 'blog post' : 'page';
  return (
    <Stack space="space.300">
      {!site.tenantConfigured && <TenantMissingNotice isSiteAdmin={site.isSiteAdmin} level="h2" />}
      {needsLogin && <ConnectPrompt level="h2" />}
      {site.tenantConfigured && (
        <Section
          title={`Share this ${kind} to Teams`}
          description={`Send a card for “${content.title}” to a channel or chat now.`}
        >
          {needsLogin ? (
            <Text as="p">Log in to Microsoft Teams above, then pick a channel or chat here.</Text>
          ) : (
            <SharePanel contentId={content.id} title={content.title} />
          )}
        </Section>
      )}
      <RulesSection
        scope={{ scope: 'content', contentId: content.id }}
        title={`Rules for this ${kind}`}
        description={`Send updates to “${content.title}” to Microsoft Teams every time it changes.`}
        canManage={content.canEdit}
        noAuthorityText={`Only people who can edit this ${kind} can change its rules.`}
        tenantNotice={null}
        showConnectPrompt={!needsLogin}
        covering={
          content.canEdit && site.tenantConfigured ? (
            <CoveringRules contentId={content.id} kind={kind} />
          ) : null
        }
      />
      <Inline alignInline="end">
        <Button onClick={() => void view.close()} testId={TEST_IDS.closeApp}>
          Close
        </Button>
      </Inline>
    </Stack>
  );
};
