import { z } from 'zod';

/**
 * The plaintext of a push message. A push body is at most 4096 bytes, which leaves 3993 bytes of
 * plaintext after aes128gcm: send ids and short text, and let the SW fetch the details.
 */
export const PUSH_PAYLOAD_MAX_BYTES = 3993;

export const pushPayloadSchema = z.strictObject({
  type: z.literal('new-release'),
  releaseId: z.string().max(64),
  title: z.string().max(200),
  body: z.string().max(400),
  /** Artwork URL (same-origin path) for the notification icon. */
  icon: z.string().max(512).optional(),
});

export type PushPayload = z.infer<typeof pushPayloadSchema>;

/** The JSON text of a payload; a RangeError when its UTF-8 form is over the limit. */
export function encodePushPayload(payload: PushPayload): string {
  const json = JSON.stringify(payload);
  const bytes = utf8Length(json);
  if (bytes > PUSH_PAYLOAD_MAX_BYTES) {
    throw new RangeError(`push payload is ${bytes} bytes; the limit is ${PUSH_PAYLOAD_MAX_BYTES}`);
  }
  return json;
}

/** UTF-8 length without TextEncoder, which the plain ES library that common/ compiles against lacks. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
