// Compares a translated catalogue file with the English one: the same keys, and in every
// message the same ICU arguments (name and kind), the same rich-text tags and, for
// `select`, the same options. Plural categories may differ (languages have their own).
// Run: npx tsx tests/support/catalogue-parity.ts <locale> [file.json …]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(name, value);
    else for (const [inner, text] of flatten(value, name)) entries.set(inner, text);
  }
  return entries;
}

/** The message's shape: "argument:kind", "tag:name" and "select:arg=options", sorted. */
export function messageShape(message: string): string[] {
  const shape = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
          shape.add(`argument:${element.value}`);
          break;
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          shape.add(`argument:${element.value}:${TYPE[element.type]}`);
          break;
        case TYPE.plural:
          shape.add(`argument:${element.value}:plural`);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.select:
          shape.add(`select:${element.value}=${Object.keys(element.options).sort().join('|')}`);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.tag:
          shape.add(`tag:${element.value}`);
          walk(element.children);
          break;
        default:
          break;
      }
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...shape].sort();
}

export function compareCatalogues(english: Tree, translated: Tree): string[] {
  const problems: string[] = [];
  const source = flatten(english);
  const target = flatten(translated);
  for (const key of source.keys()) if (!target.has(key)) problems.push(`missing: ${key}`);
  for (const key of target.keys()) if (!source.has(key)) problems.push(`extra: ${key}`);
  for (const [key, text] of target) {
    const original = source.get(key);
    if (original === undefined) continue;
    try {
      const [want, have] = [messageShape(original).join(', '), messageShape(text).join(', ')];
      if (want !== have) problems.push(`arguments differ in ${key}: English [${want}], translation [${have}]`);
    } catch (error) {
      problems.push(`cannot parse ${key}: ${(error as Error).message}`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [locale, ...files] = process.argv.slice(2);
  if (!locale) throw new Error('usage: catalogue-parity.ts <locale> [file.json …]');
  const folder = path.resolve('lib/i18n/messages');
  const names = files.length > 0 ? files : readdirSync(path.join(folder, locale)).filter((name) => name.endsWith('.json'));
  let failed = false;
  for (const name of names) {
    const read = (dir: string) => JSON.parse(readFileSync(path.join(folder, dir, path.basename(name)), 'utf8')) as Tree;
    const problems = compareCatalogues(read('en'), read(locale));
    console.log(`${path.basename(name)}: ${problems.length === 0 ? 'ok' : `${problems.length} problem(s)`}`);
    for (const problem of problems) console.log(`  ${problem}`);
    failed ||= problems.length > 0;
  }
  process.exitCode = failed ? 1 : 0;
}
