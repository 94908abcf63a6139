import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSettings, layerSettings, parseSettings } from '../src/core/settings';

test('valid settings parse as given', () => {
  const { settings, problems } = parseSettings({ files: ['notes/*.txt'], rules: { 'boilerplate/view-counter': 'off' }, boilerplate: { extraPhrases: ['Quảng cáo'] }, hover: { englishGloss: false } });
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.files, ['notes/*.txt']);
  assert.equal(settings.rules['boilerplate/view-counter'], 'off');
  assert.deepEqual(settings.boilerplate.extraPhrases, ['Quảng cáo']);
  assert.equal(settings.hover.englishGloss, false);
});

test('an invalid field falls back to its default, names the field, and keeps the others', () => {
  const { settings, problems } = parseSettings({ files: 'x', rules: { a: 'loud', b: 'hint' }, hover: { englishGloss: 'yes' } });
  assert.deepEqual(problems.map((p) => p.field).sort(), ['files', 'hover.englishGloss', 'rules.a']);
  assert.deepEqual(settings.files, []);
  assert.deepEqual(settings.rules, { b: 'hint' });
  assert.equal(settings.hover.englishGloss, true);
});

test('null or a non-object gives defaults', () => {
  assert.deepEqual(parseSettings(null).settings, defaultSettings);
  assert.equal(parseSettings(42).problems.length, 1);
});

test('editor settings layer over the project file: rules merge, lists add up', () => {
  const project = parseSettings({ rules: { a: 'off', b: 'hint' }, boilerplate: { extraPhrases: ['x'] } }).settings;
  const editor = parseSettings({ rules: { b: 'error' }, boilerplate: { extraPhrases: ['y'] } }).settings;
  const layered = layerSettings(project, editor);
  assert.deepEqual(layered.rules, { a: 'off', b: 'error' });
  assert.deepEqual(layered.boilerplate.extraPhrases, ['x', 'y']);
});
