/** A base64url string (the VAPID public key) as bytes, for `pushManager.subscribe({ applicationServerKey })`. */
export const base64urlToBytes = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
};
