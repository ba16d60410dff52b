/**
 * The lock password is kept only as an scrypt hash with its own random salt and the parameters it was made with,
 * so a stronger setting later still verifies the passwords made before it. Node's scrypt: no dependency.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

export const storedHash = z.object({
  algo: z.literal('scrypt'),
  N: z.number().int().min(2).max(2 ** 20),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(128),
  salt: z.string().min(1),
  hash: z.string().min(1),
}).refine((h) => 128 * h.N * h.r <= 256 * 1024 * 1024, 'scrypt parameters beyond 256 MiB');
export type StoredHash = z.infer<typeof storedHash>;

/** 2^15 × 8 × 128 B = 32 MiB and ~0.1 s per try on an office PC: cheap for the clerk, slow for a guesser. */
export const DEFAULT_SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scryptCallback(password, salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** One memory limit for every parameter set we write: 128·N·r plus headroom (Node's default is exactly 32 MiB). */
function options(h: Pick<StoredHash, 'N' | 'r' | 'p'>): ScryptOptions {
  return { N: h.N, r: h.r, p: h.p, maxmem: 128 * h.N * h.r * 2 };
}

/** The same password typed on another keyboard layout or IME composes to the same code points. */
const normal = (password: string) => password.normalize('NFC');

export async function hashPassword(password: string, params: Omit<StoredHash, 'algo' | 'salt' | 'hash'> = DEFAULT_SCRYPT): Promise<StoredHash> {
  const salt = randomBytes(16);
  const key = await scrypt(normal(password), salt, params.keyLength, options(params));
  return { algo: 'scrypt', ...params, salt: salt.toString('base64'), hash: key.toString('base64') };
}

export async function verifyPassword(password: string, stored: StoredHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const key = await scrypt(normal(password), Buffer.from(stored.salt, 'base64'), expected.length, options(stored));
  return key.length === expected.length && timingSafeEqual(key, expected);
}
