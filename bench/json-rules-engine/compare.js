// The bundled pack's rules translated into json-rules-engine, run on the same NDJSON profiles
// as contra-batch-bench, with the throughput and the agreement of verdicts with contra's.
//
//   node compare.js RULES_DIR PROFILES.ndjson CONTRA_RESULTS.ndjson [COUNT]
//
// Profiles must answer every question (the bench's do): json-rules-engine has no unknown, so
// contra's three-valued logic and `incomplete` are out of scope here. Site conditions
// (`has_sites`) are one dynamic fact that evaluates the pack's site algebra in JavaScript.
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { Engine } = require('json-rules-engine');

const [rulesDir, profilesFile, contraFile, countText] = process.argv.slice(2);
const load = (name) => yaml.load(fs.readFileSync(path.join(rulesDir, name), 'utf8'));
const files = load('pack.yaml').pack.files.map(load);
const merged = (key) => files.flatMap((file) => (file && file[key]) || []);

// Sites: leaves in order, groups expanded, limbs with their levels.
const leaves = merged('sites');
const groups = new Map(merged('groups').map((group) => [group.id, group]));
const expand = (id, into = new Set()) => {
  if (groups.has(id)) groups.get(id).contains.forEach((child) => expand(child, into));
  else if (id !== 'none') into.add(id);
  return into;
};
const limbs = [...groups.values()].filter((group) => group.limb).map((group) => expand(group.id));
const level = new Map(leaves.map((leaf) => [leaf.id, leaf.level]));
const treatment = files.find((file) => file && file.treatment).treatment;
const modalities = new Map(merged('modalities').map((modality) => [modality.id, modality]));

function area(facts) {
  const answer = facts[treatment.area_fact];
  if (Array.isArray(answer)) return new Set(answer.flatMap((id) => [...expand(id)]));
  const modality = modalities.get(facts[treatment.modality_fact]);
  return new Set((modality ? modality.default_area : []).flatMap((id) => [...expand(id)]));
}

// Two-valued conditions, for the `{when: C, sites: S}` site expression only (the rules
// themselves run in json-rules-engine).
const predicates = new Map(merged('predicates').map((p) => [p.id, p.when]));
const compare = { eq: (a, b) => a === b, ne: (a, b) => a !== b, in: (a, b) => b.includes(a), not_in: (a, b) => !b.includes(a),
  gt: (a, b) => typeof a === 'number' && a > b, gte: (a, b) => typeof a === 'number' && a >= b,
  lt: (a, b) => typeof a === 'number' && a < b, lte: (a, b) => typeof a === 'number' && a <= b };
function holds(when, facts) {
  if (when.all) return when.all.every((c) => holds(c, facts));
  if (when.any) return when.any.some((c) => holds(c, facts));
  if (when.not) return !holds(when.not, facts);
  if (when.predicate) return holds(predicates.get(when.predicate), facts);
  if (when.has_sites) return sites(when.has_sites, facts).size > 0;
  const key = Object.keys(compare).find((k) => k in when);
  const value = when[key];
  return compare[key](facts[when.fact], Array.isArray(value) ? value.map(String) : typeof value === 'number' ? value : String(value));
}

function sites(expression, facts) {
  if ('when' in expression) return holds(expression.when, facts) ? sites({ sites: expression.sites }, facts) : new Set();
  const [kind, argument] = Object.entries(expression)[0];
  switch (kind) {
    case 'fact': return new Set((facts[argument] || []).flatMap((id) => [...expand(id)]));
    case 'sites': return Array.isArray(argument) ? new Set(argument.flatMap((id) => [...expand(id)])) : sites(argument, facts);
    case 'in_area': { const inside = area(facts); return new Set([...sites(argument, facts)].filter((s) => inside.has(s))); }
    case 'outside_area': { const inside = area(facts); return new Set([...sites(argument, facts)].filter((s) => !inside.has(s))); }
    case 'union': return new Set(argument.flatMap((part) => [...sites(part, facts)]));
    case 'intersect': return argument.map((part) => sites(part, facts)).reduce((a, b) => new Set([...a].filter((s) => b.has(s))));
    case 'whole_limb_of': {
      const some = sites(argument, facts);
      const whole = new Set(limbs.filter((limb) => [...limb].some((s) => some.has(s))).flatMap((limb) => [...limb]));
      return whole.size === 0 && expression.otherwise ? sites(expression.otherwise, facts) : whole;
    }
    case 'with_distal': {
      const some = sites(argument, facts);
      const out = new Set(some);
      for (const limb of limbs) for (const s of some) if (limb.has(s)) for (const other of limb) if (level.get(other) > level.get(s)) out.add(other);
      return out;
    }
    default: throw new Error(`site expression ${kind} is not translated`);
  }
}

const operators = { eq: 'equal', ne: 'notEqual', in: 'in', not_in: 'notIn', gt: 'greaterThan', gte: 'greaterThanInclusive', lt: 'lessThan', lte: 'lessThanInclusive' };
function condition(when) {
  if (when.all) return { all: when.all.map(condition) };
  if (when.any) return { any: when.any.map(condition) };
  if (when.not) return { not: condition(when.not) };
  if (when.predicate) return { condition: when.predicate };
  if (when.has_sites) return { fact: 'has_sites', params: { expression: when.has_sites }, operator: 'equal', value: true };
  const key = Object.keys(operators).find((k) => k in when);
  if (!when.fact || !key) throw new Error(`condition ${JSON.stringify(when)} is not translated`);
  const value = when[key];
  return { fact: when.fact, operator: operators[key], value: Array.isArray(value) ? value.map(String) : typeof value === 'number' ? value : String(value) };
}

const engine = new Engine([], { allowUndefinedFacts: true });
for (const predicate of merged('predicates')) engine.setCondition(predicate.id, { all: [condition(predicate.when)] });
engine.addFact('has_sites', (params, almanac) => almanac.factValue('__profile').then((facts) => sites(params.expression, facts).size > 0));
const ranks = ['proceed', 'proceed_with_precautions', 'postpone_and_refer', 'do_not_massage', 'emergency'];
for (const rule of merged('rules')) {
  engine.addRule({ name: rule.id, conditions: { all: [condition(rule.when)] }, event: { type: rule.id, params: { level: rule.level, clearable: !!rule.clearable } } });
}

function verdict(events, facts) {
  let worst = 0;
  for (const event of events) {
    let rank = ranks.indexOf(event.params.level);
    if (event.params.clearable && facts[treatment.clearance_fact] === 'yes' && rank === 2) rank = 1;
    worst = Math.max(worst, rank);
  }
  return ranks[worst];
}

async function main() {
  const count = Number(countText || 20000);
  const profiles = fs.readFileSync(profilesFile, 'utf8').split('\n').filter(Boolean).slice(0, count).map((line) => JSON.parse(line));
  const expected = fs.readFileSync(contraFile, 'utf8').split('\n').filter(Boolean).slice(0, count).map((line) => JSON.parse(line).verdict);
  const verdicts = [];
  const start = process.hrtime.bigint();
  for (const facts of profiles) {
    const numeric = {};
    for (const [key, value] of Object.entries(facts)) numeric[key] = value;
    numeric.__profile = facts;
    const { events } = await engine.run(numeric);
    verdicts.push(verdict(events, facts));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let agree = 0;
  const differ = new Map();
  verdicts.forEach((v, i) => { if (v === expected[i]) agree += 1; else { const k = `${expected[i]} -> ${v}`; differ.set(k, (differ.get(k) || 0) + 1); } });
  console.log(`json-rules-engine ${require('json-rules-engine/package.json').version}: ${profiles.length} profiles in ${seconds.toFixed(2)} s = ${Math.round(profiles.length / seconds)} profiles/s`);
  console.log(`verdicts equal to contra's: ${agree} of ${profiles.length}`);
  for (const [k, n] of differ) console.log(`  contra -> json-rules-engine: ${k}: ${n}`);
}
main().catch((error) => { console.error(error); process.exit(1); });
