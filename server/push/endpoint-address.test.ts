import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { addressPolicy, forbiddenAddressOf, isPublicAddress, publicOnlyLookup, type ResolveHost } from './endpoint-address.js';

const answers =
  (...addresses: string[]): ResolveHost =>
  async () =>
    addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('isPublicAddress', () => {
  it.each(['142.250.74.10', '8.8.8.8', '2607:f8b0:4004:c07::5f', '2a03:2880:f12c:83:face:b00c:0:25de'])(
    'lets %s through',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    ['loopback', '127.0.0.1'],
    ['loopback (elsewhere in 127/8)', '127.3.2.1'],
    ['private 10/8', '10.0.0.7'],
    ['private 172.16/12', '172.20.1.1'],
    ['private 192.168/16', '192.168.1.1'],
    ['link-local: the cloud metadata address', '169.254.169.254'],
    ['carrier-grade NAT', '100.64.0.1'],
    ['unspecified', '0.0.0.0'],
    ['broadcast', '255.255.255.255'],
    ['multicast', '224.0.0.251'],
    ['IPv6 loopback', '::1'],
    ['IPv6 unspecified', '::'],
    ['IPv6 link-local', 'fe80::1'],
    ['IPv6 unique local', 'fd12:3456::1'],
    ['IPv4-mapped private', '::ffff:10.0.0.1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['not an address at all', 'fcm.googleapis.com'],
  ])('refuses %s (%s)', (_name, address) => expect(isPublicAddress(address)).toBe(false));
});

describe('forbiddenAddressOf', () => {
  it('names the first non-public address, even when public ones come with it (DNS rebinding)', async () => {
    await expect(forbiddenAddressOf('push.example', answers('8.8.8.8', '10.1.2.3'), { allowLoopback: false })).resolves.toBe(
      '10.1.2.3',
    );
    await expect(forbiddenAddressOf('push.example', answers('8.8.8.8'), { allowLoopback: false })).resolves.toBeUndefined();
  });

  it('allows loopback only behind the test switch, and never other private addresses', async () => {
    await expect(forbiddenAddressOf('localhost', answers('127.0.0.1', '::1'), { allowLoopback: true })).resolves.toBeUndefined();
    await expect(forbiddenAddressOf('localhost', answers('127.0.0.1'), { allowLoopback: false })).resolves.toBe('127.0.0.1');
    await expect(forbiddenAddressOf('x', answers('192.168.0.2'), { allowLoopback: true })).resolves.toBe('192.168.0.2');
  });

  it('treats an empty answer as forbidden', async () => {
    await expect(forbiddenAddressOf('x', answers(), { allowLoopback: false })).resolves.toBe('(no address)');
  });
});

describe('publicOnlyLookup (the push agents’ resolver)', () => {
  const call = (resolve: ResolveHost, options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[]; family?: number }>((done) =>
      publicOnlyLookup(resolve, addressPolicy({ allowLoopback: false }))(
        'fcm.googleapis.com',
        options,
        (error, address, family) => done({ error, address, family }),
      ),
    );

  it('fails the connection before any socket when the host resolves to a private address', async () => {
    const { error } = await call(answers('169.254.169.254'));
    expect(error?.code).toBe('EFORBIDDENADDRESS');
    expect(error?.message).toContain('169.254.169.254');
  });

  it('answers public addresses in both of net’s shapes, honouring the family asked', async () => {
    expect(await call(answers('8.8.8.8', '2607:f8b0::5'))).toMatchObject({ error: null, address: '8.8.8.8', family: 4 });
    expect((await call(answers('8.8.8.8', '2607:f8b0::5'), { all: true })).address).toHaveLength(2);
    expect(await call(answers('8.8.8.8', '2607:f8b0::5'), { family: 6 })).toMatchObject({ address: '2607:f8b0::5', family: 6 });
  });

  it('passes resolver errors on', async () => {
    const failing: ResolveHost = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect((await call(failing)).error?.code).toBe('ENOTFOUND');
  });
});
