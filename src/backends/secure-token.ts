/**
 * Invitation tokens and activity keys: 128 bits from the platform CSPRNG, never an injectable
 * `random` (a test's fixed random would make every token, and every activity key, the same).
 */
export function secureToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
