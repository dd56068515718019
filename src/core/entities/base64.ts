/* Base64 without Node's Buffer or the DOM's atob, so the core stays free of host built-ins. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const INDEX = (() => {
  const a = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) a[ALPHABET.charCodeAt(i)] = i;
  return a;
})();

/** Decodes base64 into bytes: "AQID" -> [1, 2, 3]; the buffer is 4-byte aligned for typed views. */
export function fromBase64(s: string): Uint8Array {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  const bytes = new Uint8Array(new ArrayBuffer(Math.ceil(((len * 3) >> 2) / 8) * 8), 0, (len * 3) >> 2);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const v = INDEX[s.charCodeAt(i) & 127]!;
    if (v < 0) throw new Error('invalid base64 in the model file');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  return bytes;
}

/** Encodes bytes as base64: [1, 2, 3] -> "AQID". */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
      + (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) + (c === undefined ? '=' : ALPHABET[n & 63]!);
    if (chunk.length > 65536) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  return parts.join('');
}
