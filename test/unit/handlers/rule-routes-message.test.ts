import { routeBuildEventSchema } from '../../../src/handlers/rule-routes-message';

const event = (partition: unknown, extra: object = {}) => ({ body: { partition, ...extra } });

describe('a rule-routes queue event', () => {
  it.each(['global', 'space:ENG', 'space:~5b10ac8d82e05b22cc7d4ef5'])(
    'takes the partition %s',
    (partition) => {
      expect(routeBuildEventSchema.parse(event(partition)).body.partition).toBe(partition);
    },
  );

  it.each([
    ['a page partition (pages are built with their space)', 'content:65601'],
    ['a personal rules partition', 'user:mia'],
    ['an empty space key', 'space:'],
    ['odd characters', 'space:ENG/../x'],
    ['a huge key', `space:${'A'.repeat(300)}`],
    ['no partition', undefined],
    ['a number', 7],
  ])('refuses %s', (_why, partition) => {
    expect(routeBuildEventSchema.safeParse(event(partition)).success).toBe(false);
  });

  it('refuses fields it does not know', () => {
    expect(routeBuildEventSchema.safeParse(event('global', { rebuildAll: true })).success).toBe(false);
  });
});
