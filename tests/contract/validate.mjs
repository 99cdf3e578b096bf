#!/usr/bin/env node
// The API's contract, checked with standard validators:
//   1. docs/openapi.yaml is a valid OpenAPI 3.0 document (@apidevtools/swagger-parser: the
//      official 3.0 schema and every $ref), and strict enough to generate a client from (lint
//      below: `nullable` only beside `type`; every object of an answer says whether it is closed,
//      and a closed one lists the fields it always has);
//   2. every exchange the API tests recorded (tests/support/api_server.h writes one JSON line per
//      exchange into $DANGVU_API_EXCHANGES) is an answer the file describes: a documented status,
//      a documented content type, a JSON body of the documented schema
//      (openapi-response-validator), `Cache-Control: no-store` (or the one its answer documents);
//      an unknown route answers 404 with
//      the error shape;
//   3. every operation of the file was answered with success at least once.
//
// Usage: node validate.mjs SPEC.yaml [EXCHANGES_DIR]   (without the folder: the file alone)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let SwaggerParser, ResponseValidatorModule;
try {
  SwaggerParser = require('@apidevtools/swagger-parser');
  ResponseValidatorModule = require('openapi-response-validator');
} catch (e) {
  console.error(`api contract: the validators are not installed (${e.code}); run: npm --prefix tests/contract ci`);
  process.exit(1);
}
const OpenAPIResponseValidator = ResponseValidatorModule.default ?? ResponseValidatorModule;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const MAX_SHOWN = 60;

function fail(message) {
  console.error(`api contract: ${message}`);
  process.exit(1);
}

function resolve(doc, node) {
  let n = node;
  const seen = new Set();
  while (n && typeof n === 'object' && typeof n.$ref === 'string') {
    if (seen.has(n.$ref)) throw new Error(`circular $ref ${n.$ref}`);
    seen.add(n.$ref);
    if (!n.$ref.startsWith('#/')) throw new Error(`external $ref ${n.$ref}`);
    n = n.$ref
      .slice(2)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((o, key) => (o == null ? undefined : o[key]), doc);
    if (n === undefined) throw new Error(`unresolved $ref ${node.$ref}`);
  }
  return n;
}

// --- 1. The file itself --------------------------------------------------------------------------

function lint(doc) {
  const problems = [];
  // `nullable` beside no `type` means nothing in OpenAPI 3.0.3 ("adds null to the allowed values
  // of the type specified by the type keyword"); a $ref's siblings are ignored.
  const walkAll = (node, where) => {
    if (Array.isArray(node)) return node.forEach((n, i) => walkAll(n, `${where}/${i}`));
    if (!node || typeof node !== 'object') return;
    if ('nullable' in node && !('type' in node)) {
      problems.push(`${where}: nullable without type (invalid in OpenAPI 3.0.3)`);
    }
    if (typeof node.$ref === 'string' && Object.keys(node).length > 1) {
      problems.push(`${where}: $ref with siblings (${Object.keys(node).join(', ')}), which 3.0 ignores`);
    }
    for (const [k, v] of Object.entries(node)) {
      if (k !== 'example' && k !== 'examples') walkAll(v, `${where}/${k}`);
    }
  };
  walkAll(doc, '#');

  // Every object schema an answer can hold declares additionalProperties; a closed one lists
  // `required`, and names there only fields it has.
  const seen = new Set();
  const walkSchema = (schema, where) => {
    if (!schema || typeof schema !== 'object') return;
    if (typeof schema.$ref === 'string') {
      if (seen.has(schema.$ref)) return;
      seen.add(schema.$ref);
      return walkSchema(resolve(doc, schema), schema.$ref);
    }
    const isObject = schema.type === 'object' || schema.properties !== undefined;
    if (isObject) {
      if (!('additionalProperties' in schema)) {
        problems.push(`${where}: an object in an answer without additionalProperties (false for a record, true or a schema for a map)`);
      }
      if (schema.additionalProperties === false && !Array.isArray(schema.required)) {
        problems.push(`${where}: a closed object without required`);
      }
      for (const name of schema.required ?? []) {
        if (!schema.properties || !(name in schema.properties)) {
          problems.push(`${where}: required names ${name}, which is not a property`);
        }
      }
    }
    for (const [name, p] of Object.entries(schema.properties ?? {})) walkSchema(p, `${where}/${name}`);
    if (schema.items) walkSchema(schema.items, `${where}/items`);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      walkSchema(schema.additionalProperties, `${where}/additionalProperties`);
    }
    for (const k of ['allOf', 'oneOf', 'anyOf']) {
      (schema[k] ?? []).forEach((s, i) => walkSchema(s, `${where}/${k}/${i}`));
    }
  };
  for (const [template, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      for (const [status, ref] of Object.entries(op.responses)) {
        const response = resolve(doc, ref);
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (type !== 'application/json') continue;
          if (!media.schema) {
            problems.push(`${method.toUpperCase()} ${template} ${status}: JSON without a schema`);
            continue;
          }
          walkSchema(media.schema, `${method.toUpperCase()} ${template} ${status}`);
        }
      }
    }
  }
  return [...new Set(problems)];
}

// --- 2. The recorded exchanges ----------------------------------------------------------------

// openapi-response-validator's errors, with what ajv says of them (the extra property's name).
function responseValidator(responses, components) {
  return new OpenAPIResponseValidator({
    responses,
    components,
    errorTransformer: (error, ajvError) => ({ ...error, params: ajvError.params }),
  });
}

function operations(doc) {
  const ops = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const params = (template.match(/\{[^}]+\}/g) ?? []).length;
    const source = template
      .split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const responses = {};
      for (const [status, ref] of Object.entries(op.responses)) responses[status] = resolve(doc, ref);
      ops.push({
        id: op.operationId ?? `${method.toUpperCase()} ${template}`,
        method: method.toUpperCase(),
        template,
        params,
        pattern: new RegExp(`^${source}$`),
        responses,
        validator: responseValidator(responses, doc.components),
        successes: 0,
        statuses: new Set(),
      });
    }
  }
  // A path without parameters wins over a template (/orgs/merge before /orgs/{code}/…).
  ops.sort((a, b) => a.params - b.params);
  return ops;
}

function readExchanges(dir) {
  if (!fs.existsSync(dir)) fail(`no folder ${dir}: did the API tests run with DANGVU_API_EXCHANGES set?`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'));
  const exchanges = [];
  for (const f of files) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (line.trim()) exchanges.push(JSON.parse(line));
    }
  }
  if (exchanges.length === 0) fail(`no exchange recorded in ${dir}: did the API tests run with DANGVU_API_EXCHANGES set?`);
  return { files: files.length, exchanges };
}

function describe(e) {
  const where = e.path === 'response' ? '/' : `/${e.path ?? ''}`;
  const params = e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : '';
  return `body ${where}: ${e.message}${params}`;
}

function mediaType(contentType) {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function checkExchange(doc, ops, errorValidator, x) {
  const errors = [];
  const [pathOnly] = x.target.split('?');
  const isApi = pathOnly.startsWith('/api/');
  const op = ops.find((o) => o.method === x.method && o.pattern.test(pathOnly));
  if (!op) {
    // No operation: the router's 404 (or, outside /api/, a file of the web app).
    if (!isApi && x.status !== 404) return { errors };
    if (x.status !== 404) errors.push(`no operation in the file, yet answered ${x.status}`);
    if (mediaType(x.content_type) !== 'application/json') {
      errors.push(`unknown route answered ${x.content_type || 'no content type'}, not JSON`);
    } else {
      const invalid = errorValidator.validateResponse(404, JSON.parse(x.body));
      if (invalid) errors.push(...invalid.errors.map(describe));
    }
    if (x.cache_control !== 'no-store') errors.push(`Cache-Control is «${x.cache_control}», not no-store`);
    return { errors };
  }
  op.statuses.add(x.status);
  const response = op.responses[String(x.status)];
  // no-store, unless the answer documents the Cache-Control it is sent with (the labels).
  const caching = response?.headers?.['Cache-Control']?.schema?.enum ?? ['no-store'];
  if (isApi && !caching.includes(x.cache_control)) {
    errors.push(`Cache-Control is «${x.cache_control}», not ${caching.join(' or ')}`);
  }
  if (!response) {
    errors.push(`status ${x.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`);
    return { op, errors };
  }
  if (x.status >= 200 && x.status < 300) op.successes++;
  const content = response.content ?? {};
  const type = mediaType(x.content_type);
  if (Object.keys(content).length === 0) {
    if (x.body_bytes !== 0) errors.push(`status ${x.status} documents no body, yet ${x.body_bytes} bytes came`);
    return { op, errors };
  }
  if (!(type in content)) {
    errors.push(`content type «${x.content_type}» is not documented for ${x.status} (documented: ${Object.keys(content).join(', ')})`);
    return { op, errors };
  }
  if (type === 'application/json') {
    let body;
    try {
      body = JSON.parse(x.body);
    } catch (e) {
      errors.push(`body is not JSON: ${e.message}`);
      return { op, errors };
    }
    const invalid = op.validator.validateResponse(x.status, body);
    if (invalid) errors.push(...invalid.errors.map(describe));
  }
  return { op, errors };
}

// --- Main --------------------------------------------------------------------------------------

const [specPath, exchangeDir] = process.argv.slice(2);
if (!specPath) fail('usage: node validate.mjs SPEC.yaml [EXCHANGES_DIR]');

const doc = await SwaggerParser.parse(specPath);
try {
  await SwaggerParser.validate(structuredClone(doc));
} catch (e) {
  fail(`${specPath} is not a valid OpenAPI document:\n${e.message}`);
}
const lintProblems = lint(doc);
if (lintProblems.length > 0) {
  fail(`${specPath} is not strict enough (${lintProblems.length}):\n  ${lintProblems.join('\n  ')}`);
}
const ops = operations(doc);
console.log(`api contract: ${specPath} is valid OpenAPI ${doc.openapi}, ${ops.length} operations`);
if (!exchangeDir) process.exit(0);

const errorValidator = responseValidator(
  { 404: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
  doc.components,
);
const { files, exchanges } = readExchanges(exchangeDir);
const failures = [];
for (const x of exchanges) {
  const { errors } = checkExchange(doc, ops, errorValidator, x);
  if (errors.length > 0) failures.push({ x, errors });
}
const unanswered = ops.filter((o) => o.successes === 0);

for (const { x, errors } of failures.slice(0, MAX_SHOWN)) {
  console.error(`FAIL ${x.method} ${x.target} → ${x.status} (${x.test || 'unknown test'})`);
  for (const e of errors.slice(0, 10)) console.error(`     ${e}`);
}
if (failures.length > MAX_SHOWN) console.error(`… and ${failures.length - MAX_SHOWN} more`);
for (const o of unanswered) {
  console.error(`FAIL ${o.method} ${o.template} (${o.id}): never answered with success by the API tests (seen: ${[...o.statuses].sort().join(', ') || 'nothing'})`);
}
console.log(
  `api contract: ${exchanges.length} exchanges from ${files} test processes; ` +
    `${ops.length - unanswered.length} of ${ops.length} operations answered with success; ` +
    `${failures.length} exchanges break the contract`,
);
process.exit(failures.length > 0 || unanswered.length > 0 ? 1 : 0);
