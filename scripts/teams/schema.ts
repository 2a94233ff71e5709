/**
 * A JSON Schema validator for what the Teams manifest and localization schemas use: the draft-04 keywords,
 * plus const and if/then/else. It exists so that teams:package can check a package offline, against the
 * schemas bundled with @microsoft/app-manifest, without a validator dependency. It refuses a keyword it
 * does not know instead of skipping it, so that a newer schema cannot pass by being half read.
 */
import { isJsonObject, type Json, type JsonObject } from './json';

export interface SchemaProblem {
    /** Where in the document, as a JSON pointer ("" = the document itself). */
    path: string;
    message: string;
}

/** Keywords that describe and never constrain. */
const ANNOTATION_KEYWORDS = new Set([
    '$schema',
    'id',
    '$id',
    'title',
    'description',
    'default',
    'examples',
    'deprecated',
    '$comment',
    'definitions',
]);
const ASSERTION_KEYWORDS = new Set([
    '$ref',
    'type',
    'enum',
    'const',
    'minLength',
    'maxLength',
    'pattern',
    'format',
    'minimum',
    'maximum',
    'items',
    'minItems',
    'maxItems',
    'uniqueItems',
    'properties',
    'patternProperties',
    'additionalProperties',
    'required',
    'minProperties',
    'maxProperties',
    'dependencies',
    'anyOf',
    'oneOf',
    'allOf',
    'not',
    'if',
    'then',
    'else',
]);

function jsonTypeOf(value: Json): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'array';
    return typeof value;
}

function deepEqual(a: Json, b: Json): boolean {
    if (a === b) return true;
    if (Array.isArray(a) || Array.isArray(b)) {
        return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i] as Json));
    }
    if (!isJsonObject(a) || !isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key] as Json, b[key] as Json));
}

const escapeJsonPointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Validates JSON documents against one schema and the definitions it references with local "$ref"s
 * ("#/definitions/x", "#/properties/a/items/..."). Keywords next to a "$ref" apply too (as in Ajv); the
 * Teams localization schema relies on that for its lengths. A keyword it does not know stops it with an
 * error rather than being skipped: a newer schema must not pass by being half read.
 */
export class SchemaValidator {
    private readonly patterns = new Map<string, RegExp>();

    constructor(private readonly root: JsonObject) {}

    validate(value: Json): SchemaProblem[] {
        const problems: SchemaProblem[] = [];
        this.check(this.root, value, '', problems);
        return problems;
    }

    private resolveRef(ref: string): Json {
        if (!ref.startsWith('#')) throw new Error(`only local $ref are supported, not ${ref}`);
        let node: Json = this.root;
        for (const raw of ref.slice(1).split('/').slice(1)) {
            const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
            const next: Json | undefined = Array.isArray(node) ? node[Number(key)] : isJsonObject(node) ? node[key] : undefined;
            if (next === undefined) throw new Error(`$ref ${ref} points nowhere`);
            node = next;
        }
        return node;
    }

    private pattern(source: string): RegExp {
        let regex = this.patterns.get(source);
        if (!regex) {
            regex = new RegExp(source);
            this.patterns.set(source, regex);
        }
        return regex;
    }

    private matches(schema: Json, value: Json, path: string): boolean {
        const problems: SchemaProblem[] = [];
        this.check(schema, value, path, problems);
        return problems.length === 0;
    }

    private check(schema: Json, value: Json, path: string, problems: SchemaProblem[]): void {
        if (schema === true) return;
        if (schema === false) {
            problems.push({ path, message: 'is not allowed here' });
            return;
        }
        if (!isJsonObject(schema)) throw new Error(`schema at ${path || '/'} is not an object`);
        const fail = (message: string) => problems.push({ path, message });
        const type = jsonTypeOf(value);

        for (const keyword of Object.keys(schema)) {
            if (!ANNOTATION_KEYWORDS.has(keyword) && !ASSERTION_KEYWORDS.has(keyword))
                throw new Error(`unsupported JSON Schema keyword "${keyword}" (at ${path || '/'})`);
        }

        if (typeof schema.$ref === 'string') this.check(this.resolveRef(schema.$ref), value, path, problems);

        if (schema.type !== undefined) {
            const allowed = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
            const ok = allowed.some(
                (t) =>
                    t === type ||
                    (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
                    (t === 'number' && type === 'number'),
            );
            if (!ok) {
                fail(`must be of type ${allowed.join(' or ')}, not ${type}`);
                return;
            }
        }
        if (Array.isArray(schema.enum) && !schema.enum.some((option) => deepEqual(option, value))) {
            fail(`must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, not ${JSON.stringify(value)}`);
        }
        if (schema.const !== undefined && !deepEqual(schema.const, value))
            fail(`must be ${JSON.stringify(schema.const)}, not ${JSON.stringify(value)}`);

        if (typeof value === 'string') {
            const length = [...value].length;
            if (typeof schema.minLength === 'number' && length < schema.minLength)
                fail(`must be at least ${schema.minLength} characters long (is ${length})`);
            if (typeof schema.maxLength === 'number' && length > schema.maxLength)
                fail(`must be at most ${schema.maxLength} characters long (is ${length})`);
            if (typeof schema.pattern === 'string' && !this.pattern(schema.pattern).test(value))
                fail(`must match ${schema.pattern} (is ${JSON.stringify(value)})`);
            if (schema.format === 'uri' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) fail(`must be a URI (is ${JSON.stringify(value)})`);
        }
        if (typeof value === 'number') {
            if (typeof schema.minimum === 'number' && value < schema.minimum) fail(`must be ≥ ${schema.minimum}`);
            if (typeof schema.maximum === 'number' && value > schema.maximum) fail(`must be ≤ ${schema.maximum}`);
        }
        if (Array.isArray(value)) this.checkArray(schema, value, path, problems);
        if (isJsonObject(value)) this.checkObject(schema, value, path, problems);

        for (const sub of Array.isArray(schema.allOf) ? schema.allOf : []) this.check(sub, value, path, problems);
        if (Array.isArray(schema.anyOf) && !schema.anyOf.some((sub) => this.matches(sub, value, path)))
            fail('must match at least one of the anyOf schemas');
        if (Array.isArray(schema.oneOf)) {
            const count = schema.oneOf.filter((sub) => this.matches(sub, value, path)).length;
            if (count !== 1) fail(`must match exactly one of the oneOf schemas (matches ${count})`);
        }
        if (schema.not !== undefined && this.matches(schema.not, value, path)) fail('must not match the "not" schema');
        if (schema.if !== undefined) {
            const branch = this.matches(schema.if, value, path) ? schema.then : schema.else;
            if (branch !== undefined) this.check(branch, value, path, problems);
        }
    }

    private checkArray(schema: JsonObject, value: Json[], path: string, problems: SchemaProblem[]): void {
        if (typeof schema.minItems === 'number' && value.length < schema.minItems)
            problems.push({ path, message: `must have at least ${schema.minItems} items` });
        if (typeof schema.maxItems === 'number' && value.length > schema.maxItems)
            problems.push({ path, message: `must have at most ${schema.maxItems} items (has ${value.length})` });
        if (schema.uniqueItems === true) {
            value.forEach((item, i) => {
                if (value.slice(0, i).some((earlier) => deepEqual(earlier, item)))
                    problems.push({ path: `${path}/${i}`, message: 'repeats an earlier item' });
            });
        }
        if (Array.isArray(schema.items)) {
            schema.items.forEach((sub, i) => {
                if (i < value.length) this.check(sub, value[i] as Json, `${path}/${i}`, problems);
            });
        } else if (schema.items !== undefined) {
            for (const [i, item] of value.entries()) this.check(schema.items as Json, item, `${path}/${i}`, problems);
        }
    }

    private checkObject(schema: JsonObject, value: JsonObject, path: string, problems: SchemaProblem[]): void {
        const keys = Object.keys(value);
        for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
            if (!(name in value)) problems.push({ path, message: `must have the property "${name}"` });
        }
        if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties)
            problems.push({ path, message: `must have at least ${schema.minProperties} properties` });
        if (typeof schema.maxProperties === 'number' && keys.length > schema.maxProperties)
            problems.push({ path, message: `must have at most ${schema.maxProperties} properties` });
        const properties = isJsonObject(schema.properties) ? schema.properties : {};
        const patternProperties = isJsonObject(schema.patternProperties) ? schema.patternProperties : {};
        for (const key of keys) {
            const child = value[key] as Json;
            const childPath = `${path}/${escapeJsonPointer(key)}`;
            let known = false;
            if (key in properties) {
                known = true;
                this.check(properties[key] as Json, child, childPath, problems);
            }
            for (const [source, sub] of Object.entries(patternProperties)) {
                if (this.pattern(source).test(key)) {
                    known = true;
                    this.check(sub, child, childPath, problems);
                }
            }
            if (known || schema.additionalProperties === undefined || schema.additionalProperties === true) continue;
            if (schema.additionalProperties === false) problems.push({ path: childPath, message: 'is not a property the schema allows' });
            else this.check(schema.additionalProperties, child, childPath, problems);
        }
        if (isJsonObject(schema.dependencies)) {
            for (const [key, dependency] of Object.entries(schema.dependencies)) {
                if (!(key in value)) continue;
                if (Array.isArray(dependency)) {
                    for (const needed of dependency as string[]) {
                        if (!(needed in value)) problems.push({ path, message: `must have "${needed}" when it has "${key}"` });
                    }
                } else this.check(dependency, value, path, problems);
            }
        }
    }
}

/** Problems of a document against a schema, as "where: what" lines for people. */
export function schemaProblems(schema: JsonObject, document: Json, label: string): string[] {
    return new SchemaValidator(schema).validate(document).map((p) => `${label}${p.path || ''}: ${p.message}`);
}
