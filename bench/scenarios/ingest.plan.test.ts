// Tests for the ingest scenario's scripted traffic (pure): every topic opens once, before anyone writes in it,
// messages add up, follow-ups stay among recent topics, and every run sends the same traffic.
import { describe, expect, it } from 'vitest';
import { trafficPlan, type TrafficStep } from './ingest.scenario';

describe('trafficPlan', () => {
  const size = { messages: 5_000, topics: 500 };
  const steps: TrafficStep[] = [...trafficPlan(size)];

  it('sends exactly the messages asked for, opening every topic once', () => {
    expect(steps).toHaveLength(5_000);
    const opened = steps.filter((s) => s.kind === 'open').map((s) => s.topic);
    expect(opened).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('writes only into topics that are already open, and among the 200 most recent', () => {
    let open = 0;
    for (const step of steps) {
      if (step.kind === 'open') open = step.topic + 1;
      else {
        expect(step.topic).toBeLessThan(open);
        expect(step.topic).toBeGreaterThanOrEqual(open - 200);
      }
    }
  });

  it('is the same every time', () => {
    expect([...trafficPlan(size)]).toEqual(steps);
  });

  it('refuses fewer messages than topics', () => {
    expect(() => [...trafficPlan({ messages: 5, topics: 10 })]).toThrow(/at least one message per topic/);
  });
});
