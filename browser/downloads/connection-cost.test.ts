import { describe, expect, it } from 'vitest';
import { connectionAllows, connectionCost, connectionInsight } from './connection-cost.js';

describe('connection cost', () => {
  it('is metered on cellular or with Data Saver on, whatever else is known', () => {
    expect(connectionCost({ type: 'cellular' })).toBe('metered');
    expect(connectionCost({ type: 'wifi', saveData: true })).toBe('metered');
    expect(connectionCost({ saveData: true })).toBe('metered');
  });

  it('is unmetered on Wi-Fi or a cable, and unknown where the browser does not say', () => {
    expect(connectionCost({ type: 'wifi' })).toBe('unmetered');
    expect(connectionCost({ type: 'ethernet', saveData: false })).toBe('unmetered');
    expect(connectionCost({ type: 'other' })).toBe('unknown');
    expect(connectionCost({ saveData: false })).toBe('unknown');
    expect(connectionCost(undefined)).toBe('unknown');
  });

  it('holds a download back only when asked to and the connection is known to be metered', () => {
    expect(connectionAllows(true, { type: 'cellular' })).toBe(false);
    expect(connectionAllows(false, { type: 'cellular' })).toBe(true);
    expect(connectionAllows(true, { type: 'wifi' })).toBe(true);
    expect(connectionAllows(true, undefined)).toBe(true);
  });

  it('says what the browser can tell', () => {
    expect(connectionInsight({ type: 'wifi', saveData: false })).toBe('type');
    expect(connectionInsight({ saveData: false })).toBe('data-saver');
    expect(connectionInsight(undefined)).toBe('nothing');
  });
});
