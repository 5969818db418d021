import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 8080,
      host: undefined,
      dataDir: '/srv/app/data',
      databaseUrl: undefined,
      mediaDir: '/srv/app/media',
      clientDir: '/srv/app/dist',
      adminToken: undefined,
      pushAllowLoopback: false,
      writeRateLimit: 120,
      pushTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 1000,
      workAlerts: true,
    });
    expect(config.vapidSubject).toMatch(/^mailto:/);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        HOST: '127.0.0.1',
        DATA_DIR: '/var/lib/stowaway',
        MEDIA_DIR: 'm',
        ADMIN_TOKEN: 'a-long-enough-token',
        VAPID_SUBJECT: 'https://stowaway.example',
        PUBLIC_URL: 'https://stowaway.example/',
        PUSH_ALLOW_LOOPBACK: '1',
        WRITE_RATE_LIMIT: '0',
        PUSH_TIMEOUT_MS: '2500',
        REQUEST_TIMEOUT_MS: '5000',
        MAX_CONNECTIONS: '64',
        DATABASE_URL: 'postgres://stowaway@db.internal:5432/stowaway',
        MEDIA_BASE_URL: 'https://CDN.stowaway.example:443/',
        WORK_ALERTS: '0',
      },
      '/srv',
    );
    expect(config).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/stowaway',
      mediaDir: '/srv/m',
      adminToken: 'a-long-enough-token',
      vapidSubject: 'https://stowaway.example',
      publicUrl: 'https://stowaway.example',
      pushAllowLoopback: true,
      writeRateLimit: 0,
      pushTimeoutMs: 2500,
      requestTimeoutMs: 5000,
      maxConnections: 64,
      databaseUrl: 'postgres://stowaway@db.internal:5432/stowaway',
      mediaOrigin: 'https://cdn.stowaway.example',
      workAlerts: false,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000")'],
    [{ PORT: '-1' }, 'PORT must be a whole number'],
    [{ ADMIN_TOKEN: 'short' }, 'ADMIN_TOKEN must be at least 16 characters'],
    [{ VAPID_SUBJECT: 'me@example.com' }, 'VAPID_SUBJECT must be a mailto: address or an https:// URL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must be an http:// or https:// URL'],
    [{ PUSH_ALLOW_LOOPBACK: 'yes' }, 'PUSH_ALLOW_LOOPBACK must be 0 or 1'],
    [{ PUSH_TIMEOUT_MS: '5' }, 'PUSH_TIMEOUT_MS must be a whole number of milliseconds from 100 to 120000'],
    [{ WRITE_RATE_LIMIT: '-5' }, 'WRITE_RATE_LIMIT must be a whole number of writes a minute'],
    [{ REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000'],
    [{ MAX_CONNECTIONS: '0' }, 'MAX_CONNECTIONS must be a whole number from 1'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ MEDIA_BASE_URL: 'https://cdn.example/stowaway' }, 'MEDIA_BASE_URL must be an http:// or https:// origin'],
    [{ WORK_ALERTS: 'no' }, 'WORK_ALERTS must be 1 (this server sends alerts too) or 0'],
    [{ MEDIA_BASE_URL: 'cdn.example' }, 'MEDIA_BASE_URL must be an http:// or https:// origin'],
    [{ MEDIA_BASE_URL: 'https://user:pw@cdn.example' }, 'MEDIA_BASE_URL must be an http:// or https:// origin'],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a bad admin token, nor a database URL (it may hold a password)', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'hunter2' })).toThrow(/got "<hidden>"/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(/got "<hidden>"/);
  });
});
