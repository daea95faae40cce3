// The secret box port: how core encrypts the Slack token at rest without
// knowing who holds the key. The Electron shell implements it with
// safeStorage (the OS keychain); the browser harness with a key file.
import type { SecretProtection } from '../../../shared/api/channels/slack.ts';

export interface SecretBox {
  /** How well a stored secret is protected on this machine, in words the Settings screen shows. */
  protection(): Promise<SecretProtection>;
  /** Returns an opaque base64 string safe to write to disk. */
  encrypt(plainText: string): Promise<string>;
  decrypt(cipherText: string): Promise<string>;
}
