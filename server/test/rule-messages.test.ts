import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { MESSAGES, renderMessage, type MessageId, type MessageParams, type MessageRef } from '../src/core/rules/messages';
import { PHRASE_ENTRIES, RULE_INFO, RULES } from '../src/core/rules/registry';
import type { RuleContext } from '../src/core/rules/rule';
import { ArticleText } from '../src/core/text/article-text';
import type { Locale } from '../src/core/types';

/** Values for every message id: the mapped type makes a missing id a compile error. */
const EXAMPLES: { readonly [K in MessageId]: readonly MessageParams[K][] } = {
  'blank-line': [{}],
  'duplicate-line': [{ lines: 1, original: 4, insideArticle: false }, { lines: 3, original: 2, insideArticle: true }],
  'menu-block': [{ items: 7 }],
  'outside-article': [{ where: 'before', lines: 5 }, { where: 'after', lines: 2 }],
  'photo-credit': [{}],
  'recurring-line': [{ files: 12 }],
  'related-list': [{ items: 4 }],
  'section-tag': [{}],
  'site-chrome': [{ site: 'example.vn', pages: 3, pageCount: 4 }],
  'user-phrase': [{}],
  'phrase-table': [{ text: { en: 'Comment form', vi: 'Khung bình luận' } }],
  'encoding': [
    { encoding: { en: 'legacy VNI encoding', vi: 'bảng mã cũ VNI' }, outcome: { kind: 'converted' } },
    { encoding: { en: 'legacy VNI encoding', vi: 'bảng mã cũ VNI' }, outcome: { kind: 'reopen' } },
    { encoding: { en: 'legacy TCVN3 (ABC) encoding', vi: 'bảng mã cũ TCVN3 (ABC)' }, outcome: { kind: 'not-converted', problem: { reason: 'mixed', line: 2, char: 'ê' } } },
    { encoding: { en: 'legacy TCVN3 (ABC) encoding', vi: 'bảng mã cũ TCVN3 (ABC)' }, outcome: { kind: 'not-converted', problem: { reason: 'not-vietnamese', share: 0.4 } } },
  ],
  'unknown-reference': [{ text: 'Chỉ thị 99-CT/TW' }, { text: 'Chỉ thị 05-CT/TW', reason: { code: 'other-issue-date', stated: '15/5/2016', numberKnown: true, otherwise: { code: 'no-number' } } }],
};

const refs = (): MessageRef[] => (Object.keys(EXAMPLES) as MessageId[]).flatMap((id) => (EXAMPLES[id] as readonly MessageParams[MessageId][]).map((params) => ({ id, params }) as MessageRef));

test('every message renders in English and Vietnamese, and the two differ', () => {
  assert.deepEqual(Object.keys(EXAMPLES).sort(), Object.keys(MESSAGES).sort());
  for (const ref of refs()) {
    const en = renderMessage(ref, 'en');
    const vi = renderMessage(ref, 'vi');
    assert.ok(en.trim().length > 0 && vi.trim().length > 0, `${ref.id} is empty in a language`);
    assert.notEqual(en, vi, `${ref.id} has no Vietnamese text: ${en}`);
  }
});

test('every rule lists its messages, and each exists in the table', () => {
  for (const info of RULE_INFO.values()) {
    assert.ok(info.messages.length > 0, `${info.id} lists no message`);
    for (const id of info.messages) assert.ok(id in MESSAGES, `${info.id}: no message ${id}`);
  }
});

test('every phrase-table entry has its message in English and Vietnamese', () => {
  assert.ok(PHRASE_ENTRIES.length > 0);
  for (const entry of PHRASE_ENTRIES) {
    assert.ok(entry.message.en.trim() && entry.message.vi.trim(), `${entry.id} lacks a language`);
    assert.notEqual(entry.message.en, entry.message.vi, `${entry.id}: the Vietnamese message is the English one`);
  }
});

const RULES_DIR = path.join(__dirname, '..', '..', 'src', 'core', 'rules');
const ruleSources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? ruleSources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);

// A finding's message is typed as a message reference, so a rule cannot hand the engine a sentence; this keeps
// rules from rendering text another way (fix titles and related labels come from the table's labels).
test('no rule body renders a user-facing text itself: only the message table does', () => {
  const sources = ruleSources(RULES_DIR).filter((f) => path.basename(f) !== 'messages.ts');
  assert.ok(sources.length > 10, `rule sources not found under ${RULES_DIR}`);
  for (const file of sources) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(RULES_DIR, file);
    assert.doesNotMatch(text, /i18n\/(localize|reasons)'/u, `${where} renders text itself`);
    assert.doesNotMatch(text, /localize\(|describeReason\(/u, `${where} renders text itself`);
  }
});

const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');
const fixtureTexts = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? fixtureTexts(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [fs.readFileSync(path.join(dir, e.name), 'utf8')] : []);

test('every finding the rules emit on the fixtures uses a message its rule lists, in both languages', () => {
  const texts = fixtureTexts(FIXTURES);
  assert.ok(texts.length > 0, `no fixtures under ${FIXTURES}`);
  const seen = new Set<string>();
  for (const text of texts) {
    for (const locale of ['en', 'vi'] as Locale[]) {
      const ctx: RuleContext = {
        doc: new ArticleText(text), locale, allowedLines: new Set(), extraPhrases: ['quảng cáo'], extraPatterns: [],
        recurrenceThreshold: { minFiles: 3, minShare: 0.01 }, isCancelled: () => false,
      };
      for (const rule of RULES) {
        for (const f of rule.check(ctx)) {
          assert.ok(rule.messages.includes(f.message.id), `${rule.id} emitted ${f.message.id}, which it does not list`);
          assert.ok(renderMessage(f.message, locale).trim().length > 0);
          seen.add(rule.id);
        }
      }
    }
  }
  assert.ok(seen.size >= 5, `only ${[...seen].join(', ')} fired on the fixtures`);
});
