/**
 * `npm run story -- check <file.json>…`: every problem of a story file at once, with
 * file:line:column, the item's id and field, in the words the app's error view uses (the same
 * validator), plus what only a tool can afford to check: the map's geography, colours, and
 * fields the app would silently ignore.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { StorySchema } from '../../src/lib/core/story/schema';
import { parseStory, type JsonPath } from '../../src/lib/core/story/validate';
import { explainErrors } from '../../src/lib/core/story/messages';
import { colourFindings } from './colours';
import { unknownFields } from './fields';
import { geoFindings, type Finding } from './geo';
import { locate, type Located } from './locate';

export interface Report {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  where: string;
  message: string;
  context?: string[];
}

interface Source {
  file: string;
  text: string;
  located: Located;
  json: unknown;
}

function read(file: string): Source | Report {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { file, line: 1, column: 1, severity: 'error', where: 'the file', message: 'not found' };
  }
  const located = locate(text);
  const bad = located.syntax[0];
  if (bad)
    return { file, ...bad.position, severity: 'error', where: 'the file', message: bad.message };
  return { file, text, located, json: JSON.parse(text) as unknown };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks one story file (its article and presentation beside it). */
export function checkStory(file: string): Report[] {
  const story = read(file);
  if (!('json' in story)) return [story];
  const dir = dirname(file);
  const json = story.json;
  const reports: Report[] = [];
  // The article: the file the story names, as the app finds it, else the same name in .txt.
  const src = isObject(json) && isObject(json['article']) ? json['article']['src'] : undefined;
  const articleFile = join(dir, typeof src === 'string' ? src : `${basename(file, '.json')}.txt`);
  let article = '';
  if (existsSync(articleFile)) article = readFileSync(articleFile, 'utf8');
  else
    reports.push({
      ...story.located.at(['article', 'src']),
      file,
      severity: 'error',
      where: 'article → src',
      message: `the article ${relative('.', articleFile)} was not found`,
    });
  // The presentation's steps are checked with the story, as the app checks them.
  let presentation: Source | undefined;
  let merged = json;
  const named = isObject(json) ? json['presentation'] : undefined;
  if (typeof named === 'string') {
    const read_ = read(join(dir, named));
    if ('json' in read_) {
      presentation = read_;
      const steps = isObject(read_.json) ? read_.json['steps'] : undefined;
      if (Array.isArray(steps)) merged = { ...(json as object), steps };
      else
        reports.push({
          file: read_.file,
          line: 1,
          column: 1,
          severity: 'error',
          where: 'the file',
          message: 'must be a JSON object with a "steps" list',
        });
    } else reports.push(read_);
  }
  const place = (path: JsonPath) =>
    presentation && path[0] === 'steps'
      ? { file: presentation.file, ...presentation.located.at(path) }
      : { file, ...story.located.at(path) };

  const result = parseStory(merged, article);
  if (!result.ok)
    for (const e of explainErrors(result.errors, article))
      reports.push({
        ...place(e.path ?? []),
        severity: 'error',
        where: e.where,
        message: e.message,
        ...(e.context && { context: e.context }),
      });
  const extra: Finding[] = [
    ...unknownFields(StorySchema, merged),
    ...geoFindings(merged),
    ...colourFindings(merged),
  ];
  for (const f of extra)
    reports.push({
      ...place(f.path),
      severity: f.severity,
      where: describe(merged, f.path),
      message: f.message,
    });
  return reports.sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
}

/** `actors[3] "FRA" → anchor`, as the validator writes places. */
function describe(json: unknown, path: JsonPath): string {
  let node: unknown = json;
  let out = '';
  for (const key of path) {
    node =
      isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
    if (typeof key === 'number')
      out += `[${key}]${isObject(node) && typeof node['id'] === 'string' ? ` "${node['id']}"` : ''}`;
    else out += out ? ` → ${key}` : key;
  }
  return out;
}

/** The reports as lines for a terminal. */
export function formatReports(reports: readonly Report[]): string {
  return reports
    .map((r) =>
      [
        `${r.file}:${r.line}:${r.column}  ${r.severity}  ${r.where}: ${r.message}`,
        ...(r.context ?? []).map((line) => `    ${line}`),
      ].join('\n'),
    )
    .join('\n');
}
