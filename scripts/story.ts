/**
 * `npm run story -- <verb>`: check story files, draft a story from an article, start a new one.
 * See the README's "Writing a story".
 */
import { writeFileSync } from 'node:fs';
import { checkStory, formatReports } from './story/check';

const USAGE = `Usage:
  npm run story -- check <story.json>…            check story files (article and presentation beside them)
  npm run story -- draft <article.txt> [--out F]  a draft story for an article
  npm run story -- draft --score <article.txt> <story.json>
                                                  how the draft compares with a finished story
  npm run story -- new <slug> [--dir D]           a minimal valid story and article to start from`;

async function main(args: string[]): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'check' && rest.length) {
    let errors = 0;
    let warnings = 0;
    for (const file of rest) {
      const reports = checkStory(file);
      errors += reports.filter((r) => r.severity === 'error').length;
      warnings += reports.filter((r) => r.severity === 'warning').length;
      if (reports.length) console.log(formatReports(reports));
    }
    const files = rest.length === 1 ? rest[0] : `${rest.length} files`;
    console.log(
      errors
        ? `✗ ${files}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
        : `✓ ${files}: no errors${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
    );
    return errors ? 1 : 0;
  }
  if (verb === 'draft' && rest[0] === '--score' && rest.length === 3) {
    const { scoreDraft, formatScore } = await import('./story/score');
    console.log(formatScore(scoreDraft(rest[1]!, rest[2]!)));
    return 0;
  }
  if (verb === 'draft' && rest.length) {
    const { draftFromFile } = await import('./story/draft');
    const out = rest.indexOf('--out');
    const file = rest.find((a, i) => !a.startsWith('--') && (out === -1 || i !== out + 1));
    if (!file) return usage();
    const text = `${JSON.stringify(draftFromFile(file), null, 2)}\n`;
    if (out >= 0 && rest[out + 1]) {
      writeFileSync(rest[out + 1]!, text);
      console.error(
        `Wrote ${rest[out + 1]}: check it with npm run story -- check ${rest[out + 1]}`,
      );
    } else process.stdout.write(text);
    return 0;
  }
  if (verb === 'new' && rest[0]) {
    const { newStory } = await import('./story/new');
    const dir = rest.indexOf('--dir') >= 0 ? rest[rest.indexOf('--dir') + 1] : undefined;
    for (const file of newStory(rest[0], dir ?? 'static/stories')) console.log(`Wrote ${file}`);
    return 0;
  }
  return usage();
}

function usage(): number {
  console.error(USAGE);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
