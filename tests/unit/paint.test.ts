/**
 * `afterNextPaint` (src/lib/ui/paint.ts): work that waits for the frame answering a click to be
 * painted. Whatever is asked for while one frame is prepared shares one frame callback and one
 * task, and each piece still runs after the paint, in order, in a task of its own; a cancelled
 * piece never runs. Frames and tasks are stand-ins that this test runs by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../src/lib/ui/paint';

let frames: (() => void)[] = [];
let tasks: (() => void)[] = [];
/** Runs the frame callbacks waiting now (the frame is then painted). */
const frame = () => frames.splice(0).forEach((callback) => callback());
/** Runs the tasks waiting now, and any they post, in order. */
const drainTasks = () => {
  while (tasks.length) tasks.shift()!();
};

beforeEach(() => {
  frames = [];
  tasks = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('scheduler', {
    postTask: (callback: () => void, options: { priority: string }) => {
      expect(options.priority).toBe('background');
      tasks.push(callback);
      return Promise.resolve();
    },
  });
});
afterEach(() => {
  // Leave no frame half-prepared for the next test.
  frame();
  drainTasks();
  vi.unstubAllGlobals();
});

describe('afterNextPaint', () => {
  it('runs nothing before the frame, and everything after it in the order it was asked', () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('emphasis'));
    afterNextPaint(() => ran.push('rest of the panel'));
    afterNextPaint(() => ran.push('address'));
    expect(frames).toHaveLength(1);
    expect(ran).toEqual([]);
    frame();
    // The frame callback only posts one task: nothing runs before the paint.
    expect(ran).toEqual([]);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    // That task runs the first and posts the others, each a task of its own.
    expect(ran).toEqual(['emphasis']);
    expect(tasks).toHaveLength(2);
    drainTasks();
    expect(ran).toEqual(['emphasis', 'rest of the panel', 'address']);
  });

  it.each([
    { cancelled: 'before the frame', cancelAt: 'asked' },
    { cancelled: 'after the frame, before its task', cancelAt: 'framed' },
  ] as const)('never runs a callback cancelled $cancelled', ({ cancelAt }) => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('first'));
    const cancel = afterNextPaint(() => ran.push('cancelled'));
    afterNextPaint(() => ran.push('last'));
    if (cancelAt === 'asked') cancel();
    frame();
    if (cancelAt === 'framed') cancel();
    drainTasks();
    expect(ran).toEqual(['first', 'last']);
  });

  it('posts no task when everything waiting for the frame was cancelled', () => {
    afterNextPaint(() => {})();
    frame();
    expect(tasks).toHaveLength(0);
  });

  it('waits for the following frame when asked after the frame callback ran', () => {
    const ran: string[] = [];
    afterNextPaint(() => ran.push('one'));
    frame();
    afterNextPaint(() => ran.push('two'));
    expect(frames).toHaveLength(1);
    drainTasks();
    expect(ran).toEqual(['one']);
    frame();
    drainTasks();
    expect(ran).toEqual(['one', 'two']);
  });

  it('runs at once where nothing paints', () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    const ran: string[] = [];
    afterNextPaint(() => ran.push('now'));
    expect(ran).toEqual(['now']);
  });
});
