/**
 * Fields the schema does not know. The app ignores them silently, so a misspelt optional field
 * ("passage" for "passages") would be lost: the check says so, walking the valibot schema itself
 * so that it follows every change to it.
 */
import type * as v from 'valibot';
import { didYouMean } from '../../src/lib/core/story/messages';
import type { JsonPath } from '../../src/lib/core/story/validate';
import type { Finding } from './geo';

type AnySchema = v.GenericSchema & {
  wrapped?: AnySchema;
  entries?: Record<string, AnySchema>;
  item?: AnySchema;
  items?: AnySchema[];
};
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function unknownFields(
  schema: v.GenericSchema,
  json: unknown,
  path: JsonPath = [],
): Finding[] {
  const s = schema as AnySchema;
  if (s.wrapped) return unknownFields(s.wrapped, json, path);
  if (s.type === 'object' && s.entries && isObject(json)) {
    const entries = s.entries;
    return Object.entries(json).flatMap(([key, value]) =>
      key in entries
        ? unknownFields(entries[key]!, value, [...path, key])
        : [
            {
              path: [...path, key],
              severity: 'warning' as const,
              message: `unknown field "${key}", ignored by the app${didYouMean(key, Object.keys(entries))}`,
            },
          ],
    );
  }
  if (s.type === 'array' && s.item && Array.isArray(json))
    return json.flatMap((value, i) => unknownFields(s.item!, value, [...path, i]));
  return [];
}
