/**
 * Which relation a sentence proposes, and between whom, for the draft generator. A friendly act
 * ("a partnership", "drills") is proposed between every two actors its clause names; a hostile
 * or one-way one (war, arms, sanctions, criticism) only between the actors on either side of its
 * signal word ("Russia's invasion of Ukraine"), so that a sentence naming five countries and one
 * war does not make ten wars.
 */
import { FRIENDLY, TYPES } from './wording';

/** An actor named in a sentence, where its name starts and ends. */
export interface Mention {
  id: string;
  at: number;
  end: number;
}

export interface Proposal {
  type: string;
  directed: boolean;
  /** Pairs of sides, in the sentence's order (the first acts on the second when directed). */
  pairs: [string, string][];
}

/** Every two of the sentence's actors, in the order it names them. */
function allPairs(ids: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) pairs.push([ids[i]!, ids[j]!]);
  return pairs;
}

/** What may stand between two names of one list ("Russia-Ukraine", "Canberra and Washington",
 * "the US and the UK"). */
const JOINED = /^(['’]s)?\s*(-|–|\/|(,|,? and|,? or)(\s+the)?)\s*$/;

/** A name after a signal that is where it happens, not a side ("drones for use in Ukraine"). */
const PLACE = /\b(in|over|near|across)\s+(the\s+)?$/;

/** Between a signal and a name after it, a clause break: the name is another clause's ("…its missile programs, while Russia faces…"). */
const CLAUSE = /[;:—]|,\s*(while|whereas|but|although|though)\b/;

/**
 * Where a sentence turns to a clause with a subject of its own: "…sign a defence pact as China
 * presses…", "…as tensions with China rise", "…, while Russia…", "…amid tension with China".
 * Not "as well as Japan", "such as Iran", "known as NATO", "as part of" (a list, a name, a
 * phrase), "not only … but also", nor a dash, which sets off an aside ("As China—the world's
 * second-largest economy—aligns with Russia"). Wider than CLAUSE, which only stops a hostile
 * signal's reach at a clear break: this decides who is a party to a friendly act, where a name in
 * a clause of its own (the one pressing) is the commoner mistake. A clause that opens the
 * sentence ("As China presses, Japan and …") is not told apart: where it ends needs a parse.
 */
const TURN =
  /[;:]|,?\s+(?:while|whilst|whereas|but(?!\s+also)|although|though|amid|despite)\b|\s+(?<!\b(?:well|such|known|same)\s+)as\s+(?!(?:well|such|part|a|an|its|their|his|her|long|soon|much|far|many|of|if|though|to|for|in|on|at|with|partners?|allies|members?)\b)/gu;

/**
 * The actors of the clause where a friendly act is named (the first of `words` in `text`): every
 * actor of the sentence when that clause names fewer than two.
 */
function actorsOfClause(text: string, words: RegExp, mentions: readonly Mention[]): string[] {
  const all = [...new Set(mentions.map((m) => m.id))];
  const at = text.search(new RegExp(words.source, 'i'));
  if (at < 0) return all;
  let start = 0;
  let end = text.length;
  for (const turn of text.matchAll(TURN)) {
    if (turn.index <= at) start = turn.index + turn[0].length;
    else {
      end = turn.index;
      break;
    }
  }
  const inClause = [
    ...new Set(mentions.filter((m) => m.at >= start && m.end <= end).map((m) => m.id)),
  ];
  return inClause.length >= 2 ? inClause : all;
}

/** A passive's agent after the signal ("sanctions from the U.S."): the name after acts on the one before. */
const AGENT = /^\s*(from|by)\s+(the\s+)?$/;

/** Under whose measure the name before stands ("North Korea remains under stringent UN sanctions"). */
const UNDER = /\b(under|faces?|facing)\s+([\p{L}-]+\s+){0,2}$/u;

/** Whether the listed names are one compound ("Russia-Ukraine", "US/China"), not a list. */
function compound(text: string, listed: readonly Mention[]): boolean {
  return listed.every(
    (m, i) => i === 0 || /^\s*[-–/]\s*$/.test(text.slice(listed[i - 1]!.end, m.at)),
  );
}

/** The names listed with `mentions[i]`, walking `step` (-1 back, +1 on) while they are joined. */
function listed(text: string, mentions: readonly Mention[], i: number, step: -1 | 1): Mention[] {
  const out = [mentions[i]!];
  for (let j = i + step; j >= 0 && j < mentions.length; j += step) {
    const [a, b] = step < 0 ? [mentions[j]!, out.at(-1)!] : [out.at(-1)!, mentions[j]!];
    if (!JOINED.test(text.slice(a.end, b.at))) break;
    out.push(mentions[j]!);
  }
  return step < 0 ? out.reverse() : out;
}

/**
 * For each signal word, its sides: the names just before it (with those listed with them) and
 * the names just after it ("Paris recalled its ambassadors from Canberra and Washington"), or,
 * with none after, the names listed together just before it ("the Russia-Ukraine conflict").
 * Where `jointly` (sanctions, a rebuke), names listed with "and" before it act together on a
 * side the sentence does not name ("the U.S. and the U.K. announced sanctions"): no pair, but
 * for a compound ("the US-China tariff war").
 */
function aroundSignals(
  text: string,
  words: RegExp,
  mentions: readonly Mention[],
  clauseBefore: boolean,
  jointly: boolean,
) {
  const pairs: [string, string][] = [];
  const add = (a: string, b: string) => {
    if (a !== b && !pairs.some(([x, y]) => x === a && y === b)) pairs.push([a, b]);
  };
  for (const m of text.matchAll(new RegExp(words.source, 'gi'))) {
    const end = m.index + m[0].length;
    const last = mentions.findLastIndex((x) => x.end <= m.index);
    let next = mentions.findIndex((x) => x.at >= end && !PLACE.test(text.slice(m.index, x.at)));
    if (next >= 0 && CLAUSE.test(text.slice(end, mentions[next]!.at))) next = -1;
    if (last < 0) continue;
    const attached = /^(['’]s)?\s*$/.test(text.slice(mentions[last]!.end, m.index));
    const previous = mentions[last - 1];
    if (attached && previous && UNDER.test(text.slice(previous.end, mentions[last]!.at))) {
      // "North Korea remains under UN Security Council sanctions": the council on North Korea.
      add(mentions[last]!.id, previous.id);
      continue;
    }
    const before = listed(text, mentions, last, -1);
    if (next >= 0) {
      // Not "recalled its ambassadors from Canberra": Paris recalls them, from the one it rebukes.
      const passive = AGENT.test(text.slice(end, mentions[next]!.at)) && !/^recall/i.test(m[0]);
      for (const a of before)
        for (const b of listed(text, mentions, next, 1))
          if (passive) add(b.id, a.id);
          else add(a.id, b.id);
    } else if (before.length > 1 && !(jointly && !compound(text, before))) {
      for (const [i, a] of before.entries()) for (const b of before.slice(i + 1)) add(a.id, b.id);
    } else if (!attached && clauseBefore) {
      // "Moscow's alignment with Iran to acquire drones": the two names of its clause before it;
      // but not when the name is the signal's own ("the Ukraine war" names no second side), nor
      // for a rebuke, which names its target after it: "Putin's visit to North Korea has
      // heightened international concerns" is nobody's criticism of North Korea.
      const other = mentions[last - 1];
      if (other && !/[,;:]/.test(text.slice(other.end, mentions[last]!.at)))
        add(other.id, mentions[last]!.id);
    }
  }
  return pairs;
}

/**
 * The relations a sentence's words signal, with their sides. A friendly act that is the
 * sentence's strongest signal ("a mutual defence treaty") is proposed between every two actors
 * it names; each hostile or one-way signal between the names around it (the strongest type where
 * two signals name the same pair); a weaker friendly signal only when nothing else is found.
 * `mentions` are in the sentence's order.
 */
export function proposals(text: string, mentions: readonly Mention[]): Proposal[] {
  const ids = [...new Set(mentions.map((m) => m.id))];
  if (ids.length < 2) return [];
  const signalled = TYPES.filter(([, words]) => words.test(text));
  const friendly = signalled.find(([type]) => FRIENDLY.has(type));
  // A friendly act is between the actors of its own clause, not one the sentence turns to.
  const everyPair = (t: (typeof TYPES)[number]): Proposal => ({
    type: t[0],
    directed: t[2],
    pairs: allPairs(actorsOfClause(text, t[1], mentions)),
  });
  const found: Proposal[] = friendly && friendly === signalled[0] ? [everyPair(friendly)] : [];
  const seen = new Set(found.flatMap((p) => p.pairs.map((pair) => [...pair].sort().join(' '))));
  for (const [type, words, directed] of signalled) {
    if (FRIENDLY.has(type)) continue;
    // Sanctions and rebukes name their target after them; names before them act together.
    const jointly = type === 'sanctions' || type === 'criticism';
    const pairs = aroundSignals(text, words, mentions, !jointly, jointly).filter(
      (p) => !seen.has([...p].sort().join(' ')),
    );
    for (const p of pairs) seen.add([...p].sort().join(' '));
    if (pairs.length) found.push({ type, directed, pairs });
  }
  return found.length || !friendly ? found : [everyPair(friendly)];
}
