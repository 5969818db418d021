import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { startTestServer } from '../test/test-server.js';
import { isPlaceholderVapidSubject } from './vapid-subject.js';

describe('isPlaceholderVapidSubject', () => {
  it.each([
    'mailto:operator@stowaway.invalid',
    'mailto:me@example.com',
    'mailto:me@mail.example.org',
    'mailto:ops@stowaway.test',
    'mailto:root@localhost',
    'mailto:ops@192.168.1.2',
    'https://example.com/contact',
    'https://stowaway.local',
    'https://127.0.0.1',
    'https://[::1]/',
  ])('%s is a placeholder', (subject) => expect(isPlaceholderVapidSubject(subject)).toBe(true));

  it.each(['mailto:ops@stowaway.app', 'mailto:alerts@music.example-band.com', 'https://music.band.fm/contact'])(
    '%s is a contact',
    (subject) => expect(isPlaceholderVapidSubject(subject)).toBe(false),
  );
});

describe('the VAPID subject at start', () => {
  it('says in one line that alerts are off when the subject is the default placeholder', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ env: { VAPID_SUBJECT: '' }, logger: createLogger((line) => lines.push(line)) });
    await server.repository.close();
    const warnings = lines.filter((line) => line.includes('"level":"warn"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('push alerts are off: VAPID_SUBJECT (mailto:operator@stowaway.invalid) is a placeholder');
  });

  it('says nothing with a real contact', async () => {
    const lines: string[] = [];
    const server = await startTestServer({ logger: createLogger((line) => lines.push(line)) });
    await server.repository.close();
    expect(lines.filter((line) => line.includes('"level":"warn"'))).toEqual([]);
  });
});
