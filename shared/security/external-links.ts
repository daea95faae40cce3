// Which links may leave Herald for the system browser. Slack messages and
// plan text are untrusted, so only well-formed https URLs without embedded
// credentials pass; everything else (file:, javascript:, custom schemes that
// could launch local programs, http:) is refused.
export function isSafeExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== 'string' || candidate.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname.includes('.')
  );
}
