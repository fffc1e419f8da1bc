/**
 * Finds string literals that name a path under the sibling `../shared` folder: a clone with
 * nothing beside it must run every test (issue 11), so code and tests read their files from the
 * repository (test/fixtures, test/tools, docs/). Comments may cite ../shared; literals may not.
 * Flags a literal (quoted or template text) holding `../shared` (any depth, either slash), and a
 * literal `'shared'` passed to a path call such as join(…) or resolve(…).
 *
 *   npx tsx scripts/ci/sharedPathLiterals.ts [DIR …]   (default: src e2e test; exit 1 on a finding)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Finding {
  file: string;
  line: number;
  text: string;
}

const SHARED_PATH = /\.\.[/\\]shared([/\\]|$|\b)/;
const PATH_CALLS = new Set(['join', 'resolve', 'normalize', 'relative']);

function callName(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The offending literals of one TypeScript / JavaScript source. */
export function sharedPathLiterals(source: string, file: string): Finding[] {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.m?js$/.test(file) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const findings: Finding[] = [];
  const flag = (node: ts.Node, text: string) =>
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)
      || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      const text = node.text;
      const parent = node.parent;
      if (SHARED_PATH.test(text)) flag(node, text);
      else if (text === 'shared' && PATH_CALLS.has(callName(parent) ?? '')) flag(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'fixtures') continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourcesUnder(path));
    else if (/\.(ts|tsx|mts|mjs|js)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Every finding under the given folders, paths relative to `root`. */
export function scanTree(root: string, dirs: readonly string[]): Finding[] {
  return dirs.flatMap((dir) => sourcesUnder(join(root, dir)))
    .flatMap((file) => sharedPathLiterals(readFileSync(file, 'utf8'), relative(root, file)));
}

if (process.argv[1] && /sharedPathLiterals\.ts$/.test(process.argv[1])) {
  const dirs = process.argv.slice(2);
  const findings = scanTree(process.cwd(), dirs.length ? dirs : ['src', 'e2e', 'test']);
  for (const f of findings) console.log(`${f.file}:${f.line}: string literal names a path under ../shared: ${JSON.stringify(f.text)}`);
  console.log(JSON.stringify({ check: 'shared-path-literals', findings: findings.length }));
  process.exitCode = findings.length ? 1 : 0;
}
