#!/usr/bin/env node
// Validates FHIR R4 resources with an independent validator, the `fhir` npm package (FHIR.js,
// pinned in package-lock.json): the Questionnaire that `contra questions --format fhir` writes
// and every Questionnaire or QuestionnaireResponse in the given files and folders (JSON, or
// NDJSON one resource a line). On top of the schema, the Questionnaire's own references are
// checked (FHIR invariants the validator leaves out): unique linkIds, enableWhen naming an item
// of the Questionnaire with an answer of that item's type, enableBehavior with several
// enableWhen, groups with items.
//
//   node validate.js [--expect-invalid] PATH...
//
// With --expect-invalid every resource found must be rejected: the validator's own test.
'use strict';

const fs = require('fs');
const path = require('path');
const { Fhir } = require('fhir');

const fhir = new Fhir();
const kinds = new Set(['Questionnaire', 'QuestionnaireResponse']);

// Every resource of a kind we check in `file`, with where it is.
function resourcesIn(file) {
  const text = fs.readFileSync(file, 'utf8');
  const found = [];
  const keep = (value, where) => {
    if (value && typeof value === 'object' && kinds.has(value.resourceType)) {
      found.push({ resource: value, where });
    }
  };
  try {
    keep(JSON.parse(text), file);
    return found;
  } catch (_) {
    // not one JSON document: NDJSON, or not JSON at all
  }
  text.split('\n').forEach((line, index) => {
    try {
      keep(JSON.parse(line), `${file}:${index + 1}`);
    } catch (_) {
      // a line that is not JSON holds no resource
    }
  });
  return found;
}

function filesUnder(target) {
  if (!fs.statSync(target).isDirectory()) {
    return [target];
  }
  return fs.readdirSync(target, { withFileTypes: true }).flatMap((entry) => {
    const where = path.join(target, entry.name);
    if (entry.name === 'node_modules' || entry.isSymbolicLink()) {
      return [];
    }
    if (entry.isDirectory()) {
      return filesUnder(where);
    }
    return entry.isFile() && /(\.json|\.ndjson|^stdin)$/.test(entry.name) ? [where] : [];
  });
}

function flatten(items, into = []) {
  for (const item of items || []) {
    into.push(item);
    flatten(item.item, into);
  }
  return into;
}

const answerKeyOf = { boolean: 'answerBoolean', decimal: 'answerDecimal', choice: 'answerCoding' };

// The Questionnaire's references to itself.
function questionnaireProblems(questionnaire) {
  const problems = [];
  const items = flatten(questionnaire.item);
  const byLink = new Map();
  for (const item of items) {
    if (byLink.has(item.linkId)) {
      problems.push(`linkId ${item.linkId} is used twice`);
    }
    byLink.set(item.linkId, item);
  }
  for (const item of items) {
    if (item.type === 'group' && !(item.item || []).length) {
      problems.push(`group ${item.linkId} has no items (que-1)`);
    }
    const when = item.enableWhen || [];
    if (when.length > 1 && !item.enableBehavior) {
      problems.push(`${item.linkId}: several enableWhen without enableBehavior (que-12)`);
    }
    for (const condition of when) {
      const target = byLink.get(condition.question);
      if (!target) {
        problems.push(`${item.linkId}: enableWhen names no item: ${condition.question}`);
        continue;
      }
      const keys = Object.keys(condition).filter((key) => key.startsWith('answer'));
      const expected = condition.operator === 'exists' ? 'answerBoolean' : answerKeyOf[target.type];
      if (keys.length !== 1 || keys[0] !== expected) {
        problems.push(`${item.linkId}: enableWhen on ${target.linkId} answers with ${keys}`);
      } else if (expected === 'answerCoding') {
        const codes = (target.answerOption || []).map((option) => option.valueCoding.code);
        if (!codes.includes(condition.answerCoding.code)) {
          problems.push(`${item.linkId}: ${condition.answerCoding.code} is no option of ` +
                        `${target.linkId}`);
        }
      }
    }
  }
  return problems;
}

function problemsOf(resource) {
  const result = fhir.validate(resource, { errorOnUnexpected: true });
  const problems = result.messages
    .filter((message) => message.severity === 'error')
    .map((message) => `${message.location}: ${message.message}`);
  if (!result.valid && problems.length === 0) {
    problems.push('invalid');
  }
  if (resource.resourceType === 'Questionnaire') {
    problems.push(...questionnaireProblems(resource));
  }
  return problems;
}

function main(args) {
  const expectInvalid = args[0] === '--expect-invalid';
  const targets = expectInvalid ? args.slice(1) : args;
  const found = targets.flatMap(filesUnder).flatMap(resourcesIn);
  let failed = 0;
  for (const { resource, where } of found) {
    const problems = problemsOf(resource);
    if (expectInvalid && problems.length === 0) {
      console.log(`FAIL ${where}: accepted, but it is broken`);
      failed += 1;
    } else if (!expectInvalid && problems.length > 0) {
      console.log(`FAIL ${where}:\n  ${problems.join('\n  ')}`);
      failed += 1;
    } else {
      console.log(`ok   ${where}${expectInvalid ? ` (rejected: ${problems[0]})` : ''}`);
    }
  }
  if (found.length === 0) {
    console.log('FAIL: no FHIR resource found');
    return 1;
  }
  console.log(`${found.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
