/**
 * A parser for Azure Resource Manager template expressions ("[function(args).property[index]]" strings), and
 * the resolution of resource names and resourceId() calls to the resources of a template. The deployment
 * tests use it to check deploymentTemplates/ offline: every parameters()/variables() reference, every
 * resourceId() and every reference()/list*() call can then be resolved against the template without Azure.
 * It lives apart from the tests so that they read as checks, and the parser can be tested on its own.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

// ---------------------------------------------------------------------------------------------------------------
// ARM template expressions: "[function(args).property[index]]"
// ---------------------------------------------------------------------------------------------------------------

export type Expr =
    | { kind: 'string'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'call'; name: string; args: Expr[] }
    | { kind: 'property'; target: Expr; name: string }
    | { kind: 'index'; target: Expr; index: Expr };

/** Template functions (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions). */
export const FUNCTIONS = new Set(
    [
        // any, array and object
        'array',
        'coalesce',
        'concat',
        'contains',
        'createArray',
        'createObject',
        'empty',
        'first',
        'flatten',
        'indexOf',
        'intersection',
        'items',
        'join',
        'json',
        'last',
        'lastIndexOf',
        'length',
        'max',
        'min',
        'null',
        'objectKeys',
        'range',
        'shallowMerge',
        'skip',
        'take',
        'tryGet',
        'union',
        // lambda
        'filter',
        'lambda',
        'lambdaVariables',
        'map',
        'reduce',
        'sort',
        'toObject',
        // comparison and logic
        'and',
        'bool',
        'equals',
        'false',
        'greater',
        'greaterOrEquals',
        'if',
        'less',
        'lessOrEquals',
        'not',
        'or',
        'true',
        // numeric
        'add',
        'copyIndex',
        'div',
        'float',
        'int',
        'mod',
        'mul',
        'sub',
        // string
        'base64',
        'base64ToJson',
        'base64ToString',
        'dataUri',
        'dataUriToString',
        'endsWith',
        'format',
        'guid',
        'newGuid',
        'padLeft',
        'replace',
        'split',
        'startsWith',
        'string',
        'substring',
        'toLower',
        'toUpper',
        'trim',
        'uniqueString',
        'uri',
        'uriComponent',
        'uriComponentToString',
        // date
        'dateTimeAdd',
        'dateTimeFromEpoch',
        'dateTimeToEpoch',
        'utcNow',
        // deployment, scope and resources
        'deployment',
        'environment',
        'parameters',
        'variables',
        'managementGroup',
        'resourceGroup',
        'subscription',
        'tenant',
        'extensionResourceId',
        'managementGroupResourceId',
        'pickZones',
        'providers',
        'reference',
        'references',
        'resourceId',
        'subscriptionResourceId',
        'tenantResourceId',
    ].map((name) => name.toLowerCase()),
);
export const isListFunction = (name: string): boolean => /^list[a-z]*$/i.test(name);

function tokenize(source: string): string[] {
    const tokens: string[] = [];
    let i = 0;
    while (i < source.length) {
        const c = source.charAt(i);
        if (/\s/.test(c)) {
            i++;
        } else if (c === "'") {
            let j = i + 1;
            for (;;) {
                if (j >= source.length) throw new Error(`unterminated string in "${source}"`);
                if (source.charAt(j) === "'") {
                    if (source.charAt(j + 1) === "'") j += 2;
                    else break;
                } else j++;
            }
            tokens.push(source.slice(i, j + 1));
            i = j + 1;
        } else if ('(),.[]'.includes(c)) {
            tokens.push(c);
            i++;
        } else {
            const match = /^(-?\d+(\.\d+)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(source.slice(i));
            if (!match) throw new Error(`unexpected "${c}" in "${source}"`);
            tokens.push(match[0]);
            i += match[0].length;
        }
    }
    return tokens;
}

/** Parses the inside of "[...]"; throws on anything ARM would refuse (unbalanced brackets, bare words…). */
export function parseExpression(source: string): Expr {
    const tokens = tokenize(source);
    let position = 0;
    const peek = (): string | undefined => tokens[position];
    const take = (expected?: string): string => {
        const token = tokens[position];
        if (token === undefined) throw new Error(`unexpected end of "${source}"`);
        if (expected !== undefined && token !== expected) throw new Error(`expected "${expected}" but found "${token}" in "${source}"`);
        position++;
        return token;
    };
    const primary = (): Expr => {
        const token = take();
        if (token.startsWith("'")) return { kind: 'string', value: token.slice(1, -1).replace(/''/g, "'") };
        if (/^-?\d/.test(token)) return { kind: 'number', value: Number(token) };
        if (!/^[A-Za-z_]/.test(token)) throw new Error(`unexpected "${token}" in "${source}"`);
        take('(');
        const args: Expr[] = [];
        if (peek() !== ')') {
            args.push(expression());
            while (peek() === ',') {
                take(',');
                args.push(expression());
            }
        }
        take(')');
        return { kind: 'call', name: token, args };
    };
    const expression = (): Expr => {
        let result = primary();
        for (;;) {
            if (peek() === '.') {
                take('.');
                const name = take();
                if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`bad property name "${name}" in "${source}"`);
                result = { kind: 'property', target: result, name };
            } else if (peek() === '[') {
                take('[');
                const index = expression();
                take(']');
                result = { kind: 'index', target: result, index };
            } else {
                return result;
            }
        }
    };
    const result = expression();
    if (position !== tokens.length) throw new Error(`unexpected "${tokens[position]}" after the expression in "${source}"`);
    return result;
}

/** "[...]" is an expression; "[[" escapes a literal bracket. */
export const isExpression = (value: string): boolean => value.startsWith('[') && !value.startsWith('[[') && value.endsWith(']');

/** A canonical text for an expression, to compare two expressions regardless of spacing and function case. */
export function print(expr: Expr): string {
    switch (expr.kind) {
        case 'string':
            return `'${expr.value.replace(/'/g, "''")}'`;
        case 'number':
            return String(expr.value);
        case 'call':
            return `${expr.name.toLowerCase()}(${expr.args.map(print).join(',')})`;
        case 'property':
            return `${print(expr.target)}.${expr.name.toLowerCase()}`;
        case 'index':
            return `${print(expr.target)}[${print(expr.index)}]`;
    }
}

export function* subExpressions(expr: Expr): Generator<Expr> {
    yield expr;
    if (expr.kind === 'call') for (const arg of expr.args) yield* subExpressions(arg);
    if (expr.kind === 'property') yield* subExpressions(expr.target);
    if (expr.kind === 'index') {
        yield* subExpressions(expr.target);
        yield* subExpressions(expr.index);
    }
}

export const callsTo = (expr: Expr, name: string): Extract<Expr, { kind: 'call' }>[] =>
    [...subExpressions(expr)].filter(
        (e): e is Extract<Expr, { kind: 'call' }> => e.kind === 'call' && e.name.toLowerCase() === name.toLowerCase(),
    );

/** Every string in a JSON value with its path, e.g. resources[3].properties.siteConfig.appSettings[2].value. */
export function* strings(value: Json, path: string): Generator<[string, string]> {
    if (typeof value === 'string') yield [path, value];
    else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
    else if (value !== null && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) yield* strings(child, `${path}.${key}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Resources, names and resource ids
// ---------------------------------------------------------------------------------------------------------------

export const isObject = (value: Json | undefined): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
export const asObject = (value: Json | undefined): JsonObject => (isObject(value) ? value : {});
export const asArray = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
export const literal = (text: string): Expr => ({ kind: 'string', value: text });

/** Splits a resource name ("a/b", "[format('{0}/x', ...)]", "[concat(a, '/x')]") into its segments, as canonical text. */
export function nameSegments(name: string): string[] {
    if (!isExpression(name)) return name.split('/').map((segment) => print(literal(segment)));
    const expr = parseExpression(name.slice(1, -1));
    const segments: Expr[][] = [[]];
    const addText = (text: string): void => {
        const pieces = text.split('/');
        pieces.forEach((piece, i) => {
            if (i > 0) segments.push([]);
            if (piece !== '') segments[segments.length - 1]?.push(literal(piece));
        });
    };
    const format =
        expr.kind === 'call' && expr.name.toLowerCase() === 'format' && expr.args[0]?.kind === 'string' ? expr.args[0].value : undefined;
    if (expr.kind === 'call' && format !== undefined) {
        for (const part of format.split(/(\{\d+\})/)) {
            const placeholder = /^\{(\d+)\}$/.exec(part);
            if (placeholder) {
                const arg = expr.args[Number(placeholder[1]) + 1];
                if (!arg) throw new Error(`format() in name "${name}" has no argument for ${part}`);
                segments[segments.length - 1]?.push(arg);
            } else addText(part);
        }
    } else if (expr.kind === 'call' && expr.name.toLowerCase() === 'concat') {
        for (const arg of expr.args) {
            if (arg.kind === 'string') addText(arg.value);
            else segments[segments.length - 1]?.push(arg);
        }
    } else {
        segments[0]?.push(expr);
    }
    return segments.map((parts) => {
        if (parts.every((p) => p.kind === 'string')) return print(literal(parts.map((p) => (p.kind === 'string' ? p.value : '')).join('')));
        if (parts.length === 1 && parts[0]) return print(parts[0]);
        return print({ kind: 'call', name: 'concat', args: parts });
    });
}

export const typeDepth = (type: string): number => type.split('/').length - 1;
export const resourceKey = (type: string, segments: string[]): string => `${type.toLowerCase()}|${segments.join('/')}`;

export interface ResourceInfo {
    index: number;
    type: string;
    key: string;
    resource: JsonObject;
}

/** The type and name segments a resourceId(...) call designates, or undefined when its type is not literal. */
export function resourceIdTarget(call: Extract<Expr, { kind: 'call' }>): { type: string; key: string; segments: number } | undefined {
    const typeIndex = call.args.findIndex((arg) => arg.kind === 'string' && /^[A-Za-z0-9]+\.[A-Za-z0-9.]+\/[A-Za-z0-9/]+$/.test(arg.value));
    const typeArg = call.args[typeIndex];
    if (typeIndex < 0 || typeArg?.kind !== 'string') return undefined;
    const segments = call.args.slice(typeIndex + 1).map(print);
    return { type: typeArg.value, key: resourceKey(typeArg.value, segments), segments: segments.length };
}

/** The target of an extension resource's "scope" ("Microsoft.Web/sites/{0}"), as a resource key. */
export function scopeKey(scope: string): string | undefined {
    const segments = nameSegments(scope);
    const texts = segments.map((s) => (s.startsWith("'") ? s.slice(1, -1) : undefined));
    const namespace = texts[0];
    if (namespace === undefined || segments.length < 3 || segments.length % 2 === 0) return undefined;
    const types: string[] = [namespace];
    const names: string[] = [];
    for (let i = 1; i < segments.length; i += 2) {
        const type = texts[i];
        const name = segments[i + 1];
        if (type === undefined || name === undefined) return undefined;
        types.push(type);
        names.push(name);
    }
    return resourceKey(`${types[0]}/${types.slice(1).join('/')}`, names);
}
