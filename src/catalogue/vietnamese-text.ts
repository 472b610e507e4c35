import { z } from 'zod';

/**
 * Non-empty display text. Vietnamese must be stored precomposed (NFC):
 * decomposed letters look the same on screen but break search, sorting and thermal printing.
 */
export const vietnameseTextSchema = z
  .string()
  .trim()
  .min(1, 'không được để trống')
  .refine((text) => text === text.normalize('NFC'), 'chữ tiếng Việt phải ở dạng dựng sẵn (NFC)');
