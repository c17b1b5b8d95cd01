/**
 * How a sentence words a relation, for the draft generator: its type from a lexicon of signal
 * words (strongest first), its status from hedges ("alleged", "reportedly", "will").
 */

/** Relation types by the words that signal them, strongest first: [type, words, directed]. */
export const TYPES: [string, RegExp, boolean][] = [
  [
    'mutual-defence',
    /\b(mutual (defen[cs]e|assistance)|defen[cs]e (pact|treaty)|military intervention|collective defen[cs]e|security guarantee)/i,
    false,
  ],
  [
    'war',
    /\b(war|invasion|invad\w*|attack\w*|offensive|conflict|fighting|clash\w*|strikes?)\b/i,
    true,
  ],
  [
    'arms-transfer',
    // Not a country's own programme or tests ("its missile programs", "weapons tests").
    /\b(arms|weapon\w*|munitions|missiles?|drones?|artillery|ammunition|shells|submarines?|military (equipment|supplies)|suppl(y|ied|ying))\b(?!\s+(programs?|programmes?|tests?)\b)/i,
    true,
  ],
  ['sanctions', /\b(sanction\w*|embargo\w*|tariffs?|export controls?)\b/i, true],
  [
    'drills-tension',
    /\b(drills?|exercises?|manoeuvres|maneuvers|tensions?|weapons tests?|patrols?|incursions?)\b/i,
    false,
  ],
  [
    'criticism',
    /\b(condemn\w*|criticis\w*|criticiz\w*|rebuk\w*|accus\w*|concerns?|protest\w*|denounc\w*|warn\w*|alarms?|recall\w* (its |their )?ambassadors?|expel\w*|fury|furious|anger\w*|stab in the back|broken with)\b/i,
    true,
  ],
  ['strategic-partnership', /\b(treaty|pact|agreement|accord|partnership|deal|summit)\b/i, false],
  [
    'support',
    /\b(support\w*|aid|assistance|technolog\w*|investment|trade|loans?|help\w*|security|instructors|deploy\w*)\b/i,
    true,
  ],
  [
    'alignment',
    /\b(align\w*|coalition|ties|cooperat\w*|allies|(?<!\bthe )alliance|bloc)\b/i,
    false,
  ],
];
/** The short label a drafted relation of each type gets. */
export const LABEL: Record<string, string> = {
  'mutual-defence': 'mutual defence',
  'strategic-partnership': 'partnership',
  'arms-transfer': 'arms transfers',
  support: 'support',
  sanctions: 'sanctions',
  'drills-tension': 'drills and tension',
  alignment: 'alignment',
  war: 'war',
  criticism: 'criticism',
};

/** Relation types in which two sides stand together (a group and its member need no such relation). */
export const FRIENDLY = new Set([
  'mutual-defence',
  'strategic-partnership',
  'support',
  'alignment',
  'drills-tension',
]);

/** The relation's status as the sentence words it. */
export function statusOf(sentence: string): string {
  if (/\b(alleg\w*|accus\w*|claims?)\b/i.test(sentence)) return 'alleged';
  if (/\b(denied|denies|deny|denial)\b/i.test(sentence)) return 'denied';
  if (/\b(reported(ly)?|according to|said to|is said|rumou?r\w*)\b/i.test(sentence))
    return 'reported';
  if (/\b(will|plans? to|is to|are to|intends? to)\b/i.test(sentence)) return 'planned';
  if (/\b(awaiting ratification|not yet in force|yet to be ratified)\b/i.test(sentence))
    return 'signed';
  return 'in-force';
}
