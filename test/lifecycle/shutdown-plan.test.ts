// The shutdown plan stops inbound traffic, then work, then storage, and survives a failing step.
import { describe, expect, it } from 'vitest';
import { createShutdownPlan } from '../../src/lifecycle/shutdown-plan.ts';

function recordingLogger() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, logger: { info: at('info'), warn: at('warn'), error: at('error') } };
}

describe('createShutdownPlan', () => {
  it('runs phases in order and, within a phase, the last added first', async () => {
    const { logger } = recordingLogger();
    const plan = createShutdownPlan(logger);
    const order: string[] = [];
    const step = (name: string) => async () => {
      order.push(name);
    };
    plan.add('storage', 'database', step('database'));
    plan.add('storage', 'pool', step('pool'));
    plan.add('inbound', 'http', step('http'));
    plan.add('work', 'jobs', step('jobs'));
    expect(await plan.run()).toBe(true);
    expect(order).toEqual(['http', 'jobs', 'pool', 'database']);
  });

  it('waits for every step of a phase before the next phase starts', async () => {
    const { logger } = recordingLogger();
    const plan = createShutdownPlan(logger);
    const order: string[] = [];
    plan.add('inbound', 'slow', async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('slow inbound');
    });
    plan.add('storage', 'database', async () => {
      order.push('database');
    });
    await plan.run();
    expect(order).toEqual(['slow inbound', 'database']);
  });

  it('keeps going past a failing step, logs its name without its message, and reports false', async () => {
    const { lines, logger } = recordingLogger();
    const plan = createShutdownPlan(logger);
    const ran: string[] = [];
    plan.add('work', 'jobs', async () => {
      throw new Error('secret detail of alice@example.com');
    });
    plan.add('storage', 'database', async () => {
      ran.push('database');
    });
    expect(await plan.run()).toBe(false);
    expect(ran).toEqual(['database']);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe('error');
    expect(lines[0]?.fields.step).toBe('jobs');
    expect(JSON.stringify(lines)).not.toContain('alice@example.com');
  });

  it('runs each step once however often it is asked', async () => {
    const { logger } = recordingLogger();
    const plan = createShutdownPlan(logger);
    let count = 0;
    plan.add('storage', 'database', async () => {
      count += 1;
    });
    await Promise.all([plan.run(), plan.run()]);
    await plan.run();
    expect(count).toBe(1);
  });
});
