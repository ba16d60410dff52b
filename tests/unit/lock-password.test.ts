import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, storedHash, verifyPassword } from '../../core/lock/password';

// Small parameters keep the suite fast; the defaults are checked once below.
const FAST = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };

describe('lock password (scrypt)', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('党建办2026', FAST);
    expect(await verifyPassword('党建办2026', stored)).toBe(true);
    expect(await verifyPassword('党建办2025', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(await verifyPassword('党建办2026 ', stored)).toBe(false);
  });

  it('stores only a salted hash with its parameters, never the password', async () => {
    const a = await hashPassword('secret-pass', FAST);
    const b = await hashPassword('secret-pass', FAST);
    expect(storedHash.parse(a)).toEqual(a);
    expect(a).toMatchObject({ algo: 'scrypt', N: 1024, r: 8, p: 1, keyLength: 32 });
    expect(JSON.stringify(a)).not.toContain('secret-pass');
    // A fresh random salt each time: the same password never gives the same record.
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(Buffer.from(a.salt, 'base64')).toHaveLength(16);
  });

  it('verifies with the parameters stored beside the hash, so older hashes keep working', async () => {
    const old = await hashPassword('1234', { N: 2 ** 11, r: 4, p: 1, keyLength: 24 });
    expect(await verifyPassword('1234', old)).toBe(true);
    // Tampering with a stored parameter makes the password fail rather than pass.
    expect(await verifyPassword('1234', { ...old, N: 2 ** 12 })).toBe(false);
  });

  it('the same password typed in another Unicode form still verifies', async () => {
    const stored = await hashPassword('Café', FAST);
    expect(await verifyPassword('Cafe\u0301', stored)).toBe(true);
  });

  it('the default parameters are strong and run within Node limits', async () => {
    expect(DEFAULT_SCRYPT.N).toBeGreaterThanOrEqual(2 ** 15);
    const stored = await hashPassword('默认参数', DEFAULT_SCRYPT);
    expect(await verifyPassword('默认参数', stored)).toBe(true);
  });
});
