// The browser harness's secret box: AES-256-GCM with a random key kept in a
// file (mode 0600) in the data folder. Anyone who can read the data folder can
// read the token, so it reports itself as weak protection and Herald asks the
// user to accept that before storing a token — the same flow as Electron's
// Linux `basic_text` backend.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretBox } from './secret-box.ts';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function loadOrCreateKey(path: string): Buffer {
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length === KEY_BYTES) return key;
  }
  const key = randomBytes(KEY_BYTES);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}

export function createKeyFileSecretBox(dataDir: string): SecretBox {
  const keyPath = join(dataDir, 'secret.key');
  let key: Buffer | undefined;
  const getKey = () => (key ??= loadOrCreateKey(keyPath));
  return {
    protection: () =>
      Promise.resolve({
        level: 'weak',
        backend: 'key-file',
        explanation:
          'The browser harness encrypts the token with a key stored in its own data folder. ' +
          'Anyone who can read that folder can read the token. Use the desktop app for keychain protection.',
      }),
    encrypt(plainText) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'));
    },
    decrypt(cipherText) {
      const packed = Buffer.from(cipherText, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', getKey(), packed.subarray(0, IV_BYTES));
      decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const body = packed.subarray(IV_BYTES + TAG_BYTES);
      return Promise.resolve(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8'));
    },
  };
}
