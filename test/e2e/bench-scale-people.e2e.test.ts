import { personalFigures, personalLine } from '../../bench/personal-figures';
import { runPipelineBench } from '../../bench/run-pipeline-bench';
import { PEOPLE } from '../../dev/seed';

/**
 * `npm run bench -- --scale`'s connected people in miniature (issue 15): people who logged in,
 * saved preferences, added the app in Teams and watch the busy pages get personal cards through
 * the Bot Connector, which the bench measures; and they leave the directory when the run ends.
 */
describe('npm run bench -- --scale, its connected people in miniature', () => {
  let result: Awaited<ReturnType<typeof runPipelineBench>>;
  const seedPeople = PEOPLE.length;
  beforeAll(async () => {
    result = await runPipelineBench({ rules: 100, spaces: 5, channels: 10, events: 40, seed: 4, people: 40 });
  }, 120_000);

  it('connects every person and has about a tenth of them watch each busy page', () => {
    const people = result.people;
    expect(people?.people).toBe(40);
    expect(people?.busyPages).toHaveLength(5);
    // 40 people × 5 pages × 10 %, drawn from a seed: some, far from everyone.
    expect(people?.watches).toBeGreaterThan(5);
    expect(people?.watches).toBeLessThan(60);
    expect(people?.refusedWatches).toBe(0);
  });

  it('measures the personal path: watchers get cards, one Bot Connector request each', () => {
    const { measurements: m } = result;
    const p = personalFigures(m);
    expect(p.sent).toBeGreaterThan(0);
    expect(p.failed).toBe(0);
    expect(p.connectorRequests).toBeGreaterThan(0);
    expect(p.connectorPerMessage).toBeLessThanOrEqual(1);
    expect(m.deadLetters).toBe(0);
    expect(personalLine(100, m)).toMatch(
      /^Personal at 100 rules: \d+\.\d\d personal deliveries per event .*Bot Connector \d+\.\d\d requests per personal message/,
    );
  });

  it('takes the bench people out of the directory again', () => {
    expect(PEOPLE).toHaveLength(seedPeople);
  });
});
