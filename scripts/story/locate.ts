/**
 * Where a JSON path sits in a file's text, as line and column (1-based), for messages an editor
 * can jump to. A path to a field that is missing points at the object that lacks it.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { JsonPath } from '../../src/lib/core/story/validate';

export interface Position {
  line: number;
  column: number;
}

export interface Located {
  /** The position of a JSON path, or of the nearest existing parent. */
  at(path: JsonPath): Position;
  /** Syntax errors, if the text is not strict JSON. */
  syntax: { position: Position; message: string }[];
}

export function locate(text: string): Located {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const position = (offset: number): Position => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
  return {
    at(path) {
      for (let n = path.length; n >= 0 && root; n--) {
        const node = findNodeAtLocation(root, path.slice(0, n));
        // A property's value: point at its key, where people read.
        if (node)
          return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
      }
      return { line: 1, column: 1 };
    },
    syntax: errors.map((e) => ({
      position: position(e.offset),
      message: `not valid JSON: ${printParseErrorCode(e.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()}`,
    })),
  };
}
