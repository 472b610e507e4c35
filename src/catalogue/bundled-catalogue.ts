import procedures from '../../assets/catalogue/procedures.json' with { type: 'json' };
import { parseCatalogue } from './catalogue.ts';
import type { Catalogue } from './catalogue.ts';

let cached: Catalogue | undefined;

/**
 * The catalogue shipped with the app, validated like any other file.
 * Bundled statically so the renderer can use it without file access; parsed once.
 */
export function loadBundledCatalogue(): Catalogue {
  cached ??= parseCatalogue(procedures);
  return cached;
}
