// SecretBox over Electron's safeStorage, using only the asynchronous API
// (the synchronous one is deprecated) and only after the app is ready. On
// Linux the `basic_text` backend encrypts with a fixed, public key: Herald
// reports that as weak so the user decides whether to store the token.
import type { SafeStorage } from 'electron';
import type { SecretProtection } from '../../shared/api/channels/slack.ts';
import type { SecretBox } from '../core/secrets/secret-box.ts';

export function createSafeStorageSecretBox(safeStorage: SafeStorage, platform: NodeJS.Platform): SecretBox {
  return {
    async protection(): Promise<SecretProtection> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        return {
          level: 'unavailable',
          backend: 'none',
          explanation:
            'No system keychain is available to encrypt the token. Install or unlock one (for example GNOME Keyring or KWallet) and restart Herald.',
        };
      }
      if (platform !== 'linux') {
        return {
          level: 'os',
          backend: platform === 'darwin' ? 'macOS Keychain' : 'Windows DPAPI',
          explanation: 'The token is encrypted with a key your operating system protects.',
        };
      }
      const backend = safeStorage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        return {
          level: 'weak',
          backend,
          explanation:
            'No system keychain was found, so the token would be encrypted with a fixed key that anyone with ' +
            'access to your files could use. Installing GNOME Keyring or KWallet gives real protection.',
        };
      }
      return {
        level: 'os',
        backend,
        explanation: 'The token is encrypted with a key held by your desktop keychain.',
      };
    },
    async encrypt(plainText) {
      return (await safeStorage.encryptStringAsync(plainText)).toString('base64');
    },
    async decrypt(cipherText) {
      const { result } = await safeStorage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
      return result;
    },
  };
}
