/**
 * Offline checks of the Azure Resource Manager templates in deploymentTemplates/ and of their parameters files.
 *
 * The ARM expressions ("[...]" strings) are parsed (tests/helpers/arm.ts), so that every parameters()/variables() reference, every
 * resourceId() and every reference()/list*() call can be resolved against the template without Azure. The
 * last block feeds deliberately broken copies of the template to the same checks, to show that they fail.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    asArray,
    asObject,
    callsTo,
    type Expr,
    FUNCTIONS,
    isExpression,
    isListFunction,
    isObject,
    type Json,
    type JsonObject,
    literal,
    nameSegments,
    parseExpression,
    print,
    type ResourceInfo,
    resourceIdTarget,
    resourceKey,
    scopeKey,
    strings,
    subExpressions,
    typeDepth,
} from './helpers/arm';

const templatesDir = resolve(__dirname, '..', 'deploymentTemplates');

/** The resource types the templates may use, each with the one apiVersion we deploy it with. */
const API_VERSIONS: Record<string, string> = {
    'Microsoft.OperationalInsights/workspaces': '2023-09-01',
    'Microsoft.Insights/components': '2020-02-02',
    'Microsoft.Insights/diagnosticSettings': '2021-05-01-preview',
    'Microsoft.Storage/storageAccounts': '2023-05-01',
    'Microsoft.Storage/storageAccounts/blobServices/containers': '2023-05-01',
    'Microsoft.Storage/storageAccounts/managementPolicies': '2023-05-01',
    'Microsoft.ManagedIdentity/userAssignedIdentities': '2023-01-31',
    'Microsoft.Web/serverfarms': '2024-04-01',
    'Microsoft.Web/sites': '2024-04-01',
    'Microsoft.BotService/botServices': '2022-09-15',
    'Microsoft.BotService/botServices/channels': '2022-09-15',
};

/** Which template each parameters file is for. Every parameters file in the folder must be listed here. */
const PARAMETER_FILES: Record<string, string> = {
    'parameters.example.json': 'azuredeploy.json',
    'parameters.msi.example.json': 'azuredeploy.json',
};

/** The settings the bot reads, exactly (PORT is App Service's). */
const APP_SETTINGS = [
    'MicrosoftAppId',
    'MicrosoftAppPassword',
    'MicrosoftAppType',
    'MicrosoftAppTenantId',
    'LOG_LEVEL',
    'MAX_BODY_BYTES',
    'MAX_MESSAGE_LENGTH',
    'RATE_LIMIT_PER_MINUTE',
    'STORAGE',
    'BLOB_CONNECTION_STRING',
    'BLOB_CONTAINER',
    'COSMOS_ENDPOINT',
    'COSMOS_KEY',
    'COSMOS_DATABASE',
    'COSMOS_CONTAINER',
    'STATE_RETENTION_DAYS',
    'RESULT_CODE_DAYS',
    'APPLICATIONINSIGHTS_CONNECTION_STRING',
    'DIRECT_LINE_SECRET',
    'DIRECT_LINE_ENDPOINT',
    'WEBCHAT_FRAME_ANCESTORS',
    'FIRM_NAME',
    'FIRM_EMAIL',
    'FIRM_PHONE',
    'FIRM_BOOKING_URL',
    'FIRM_TENANT_ID',
    'SCM_DO_BUILD_DURING_DEPLOYMENT',
];
/** App settings that hold a secret: their value must come from a secure parameter or a key listing. */
const SECRET_SETTINGS = ['MicrosoftAppPassword', 'COSMOS_KEY', 'DIRECT_LINE_SECRET', 'BLOB_CONNECTION_STRING'];

// ---------------------------------------------------------------------------------------------------------------
// Template checks
// ---------------------------------------------------------------------------------------------------------------

const PARAMETER_TYPES = ['string', 'securestring', 'int', 'bool', 'object', 'secureobject', 'array'];
const isSecure = (definition: Json | undefined): boolean =>
    ['securestring', 'secureobject'].includes(String(asObject(definition).type).toLowerCase());
const SECRET_NAME = /password|secret|token|key$/i;

function typeMatches(type: string, value: Json): boolean {
    switch (type.toLowerCase()) {
        case 'string':
        case 'securestring':
            return typeof value === 'string';
        case 'int':
            return typeof value === 'number' && Number.isInteger(value);
        case 'bool':
            return typeof value === 'boolean';
        case 'object':
        case 'secureobject':
            return isObject(value);
        case 'array':
            return Array.isArray(value);
        default:
            return false;
    }
}

/** allowedValues, minValue/maxValue and minLength/maxLength of a parameter, applied to a literal value. */
function constraintErrors(name: string, definition: JsonObject, value: Json, where: string): string[] {
    const errors: string[] = [];
    const type = String(definition.type);
    if (!typeMatches(type, value)) return [`${where}: ${name} should be of type ${type}, got ${JSON.stringify(value)}`];
    const allowed = definition.allowedValues;
    if (Array.isArray(allowed) && !allowed.some((a) => JSON.stringify(a) === JSON.stringify(value))) {
        errors.push(`${where}: ${name} = ${JSON.stringify(value)} is not one of the allowedValues ${JSON.stringify(allowed)}`);
    }
    if (typeof value === 'number') {
        if (typeof definition.minValue === 'number' && value < definition.minValue)
            errors.push(`${where}: ${name} = ${value} is below minValue ${definition.minValue}`);
        if (typeof definition.maxValue === 'number' && value > definition.maxValue)
            errors.push(`${where}: ${name} = ${value} is above maxValue ${definition.maxValue}`);
    }
    if (typeof value === 'string' || Array.isArray(value)) {
        if (typeof definition.minLength === 'number' && value.length < definition.minLength)
            errors.push(`${where}: ${name} is shorter than minLength ${definition.minLength}`);
        if (typeof definition.maxLength === 'number' && value.length > definition.maxLength)
            errors.push(`${where}: ${name} is longer than maxLength ${definition.maxLength}`);
    }
    return errors;
}

function resourcesOf(template: JsonObject): ResourceInfo[] {
    return asArray(template.resources).map((resource, index) => {
        const r = asObject(resource);
        const type = String(r.type);
        let key = `?${index}`;
        try {
            key = resourceKey(type, nameSegments(String(r.name)));
        } catch {
            // reported by the expression checks
        }
        return { index, type, key, resource: r };
    });
}

/** Everything that can be wrong with a template, whatever it deploys. Empty when the template is sound. */
function templateErrors(template: JsonObject): string[] {
    const errors: string[] = [];
    if (typeof template.$schema !== 'string' || !/\/deploymentTemplate\.json#?$/.test(template.$schema))
        errors.push('$schema is missing or not a deploymentTemplate schema');
    if (typeof template.contentVersion !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(template.contentVersion))
        errors.push('contentVersion is missing or not n.n.n.n');
    const parameters = asObject(template.parameters);
    const variables = asObject(template.variables);
    const resources = resourcesOf(template);
    const keys = new Map(resources.map((r) => [r.key, r]));

    // Parameter definitions.
    for (const [name, raw] of Object.entries(parameters)) {
        const definition = asObject(raw);
        const type = String(definition.type);
        if (!PARAMETER_TYPES.includes(type.toLowerCase())) {
            errors.push(`parameter ${name}: unknown type "${type}"`);
            continue;
        }
        if (isSecure(definition) && 'defaultValue' in definition)
            errors.push(`parameter ${name}: a ${type} parameter must not have a defaultValue`);
        if (SECRET_NAME.test(name) && !isSecure(definition))
            errors.push(`parameter ${name}: looks like a secret but is a plain ${type}; use securestring`);
        const defaultValue = definition.defaultValue;
        if (defaultValue !== undefined && !(typeof defaultValue === 'string' && isExpression(defaultValue))) {
            errors.push(...constraintErrors(name, definition, defaultValue, `parameter ${name} defaultValue`));
        }
        if (Array.isArray(definition.allowedValues)) {
            for (const value of definition.allowedValues)
                if (!typeMatches(type, value)) errors.push(`parameter ${name}: allowed value ${JSON.stringify(value)} is not a ${type}`);
        }
    }
    for (const name of Object.keys(variables))
        if (name.toLowerCase() === 'copy') errors.push('variables: copy loops are not supported by these checks');

    // Expressions everywhere.
    const used = { parameters: new Set<string>(), variables: new Set<string>() };
    const sections: [string, Json | undefined][] = [
        ['parameters', template.parameters],
        ['variables', template.variables],
        ['resources', template.resources],
        ['outputs', template.outputs],
    ];
    const parsed: { path: string; expr: Expr }[] = [];
    for (const [section, value] of sections) {
        if (value === undefined) continue;
        for (const [path, text] of strings(value, section)) {
            if (!isExpression(text)) continue;
            try {
                parsed.push({ path, expr: parseExpression(text.slice(1, -1)) });
            } catch (error) {
                errors.push(`${path}: ${(error as Error).message}`);
            }
        }
    }
    for (const { path, expr } of parsed) {
        for (const sub of subExpressions(expr)) {
            if (sub.kind !== 'call') continue;
            const fn = sub.name.toLowerCase();
            if (!FUNCTIONS.has(fn) && !isListFunction(fn)) errors.push(`${path}: unknown function ${sub.name}()`);
            if (fn === 'parameters' || fn === 'variables') {
                const arg = sub.args[0];
                if (sub.args.length !== 1 || arg?.kind !== 'string') {
                    errors.push(`${path}: ${sub.name}() must name a ${fn === 'parameters' ? 'parameter' : 'variable'} literally`);
                    continue;
                }
                const defined = fn === 'parameters' ? parameters : variables;
                if (!(arg.value in defined))
                    errors.push(`${path}: undefined ${fn === 'parameters' ? 'parameter' : 'variable'} '${arg.value}'`);
                used[fn].add(arg.value);
            }
            if (fn === 'resourceid') {
                const target = resourceIdTarget(sub);
                if (!target) errors.push(`${path}: resourceId() without a literal resource type`);
                else if (target.segments !== typeDepth(target.type))
                    errors.push(
                        `${path}: resourceId('${target.type}', …) needs ${typeDepth(target.type)} name segment(s), has ${target.segments}`,
                    );
                else if (!keys.has(target.key)) errors.push(`${path}: resourceId('${target.type}', …) names no resource of this template`);
            }
            if (fn === 'reference' || isListFunction(fn)) {
                const first = sub.args[0];
                const version = sub.args[1];
                const target = first?.kind === 'call' && first.name.toLowerCase() === 'resourceid' ? resourceIdTarget(first) : undefined;
                if (!target) {
                    errors.push(`${path}: ${sub.name}() must take resourceId(...) so that its dependency can be checked`);
                } else if (version?.kind !== 'string' || version.value !== API_VERSIONS[target.type]) {
                    errors.push(`${path}: ${sub.name}() of ${target.type} must give apiVersion '${API_VERSIONS[target.type] ?? '?'}'`);
                }
            }
        }
    }
    for (const name of Object.keys(parameters)) if (!used.parameters.has(name)) errors.push(`parameter ${name} is defined but never used`);
    for (const name of Object.keys(variables)) if (!used.variables.has(name)) errors.push(`variable ${name} is defined but never used`);

    // Resources.
    const seen = new Set<string>();
    const graph = new Map<string, string[]>();
    for (const { index, type, key, resource } of resources) {
        const where = `resources[${index}] (${type})`;
        if (typeof resource.name !== 'string') errors.push(`${where}: no name`);
        const expected = API_VERSIONS[type];
        if (!expected) errors.push(`${where}: resource type not in the known list`);
        else if (resource.apiVersion !== expected)
            errors.push(`${where}: apiVersion ${String(resource.apiVersion)} is not the known ${expected}`);
        if (seen.has(key)) errors.push(`${where}: declared twice`);
        seen.add(key);
        const isExtension = typeof resource.scope === 'string';
        const depth = isExtension ? 1 : typeDepth(type);
        if (typeof resource.name === 'string' && !key.startsWith('?') && key.split('|')[1]?.split('/').length !== depth) {
            errors.push(`${where}: name needs ${depth} segment(s) separated by "/"`);
        }

        const dependsOn: string[] = [];
        for (const [i, entry] of asArray(resource.dependsOn).entries()) {
            const text = String(entry);
            const expr = isExpression(text) ? parseExpression(text.slice(1, -1)) : undefined;
            const target = expr?.kind === 'call' && expr.name.toLowerCase() === 'resourceid' ? resourceIdTarget(expr) : undefined;
            if (!target) {
                errors.push(`${where}: dependsOn[${i}] must be "[resourceId(...)]"`);
                continue;
            }
            if (!keys.has(target.key)) errors.push(`${where}: dependsOn[${i}] names no resource of this template`);
            if (target.key === key) errors.push(`${where}: depends on itself`);
            if (dependsOn.includes(target.key)) errors.push(`${where}: dependsOn[${i}] is listed twice`);
            dependsOn.push(target.key);
        }
        graph.set(key, dependsOn);

        // ARM infers no dependency from reference(resourceId(...)) or list*(resourceId(...)): it must be declared.
        const body: JsonObject = Object.fromEntries(Object.entries(resource).filter(([k]) => k !== 'dependsOn'));
        for (const [path, text] of strings(body, where)) {
            if (!isExpression(text)) continue;
            let expr: Expr;
            try {
                expr = parseExpression(text.slice(1, -1));
            } catch {
                continue;
            }
            for (const sub of subExpressions(expr)) {
                if (sub.kind !== 'call' || !(sub.name.toLowerCase() === 'reference' || isListFunction(sub.name))) continue;
                const first = sub.args[0];
                const target = first?.kind === 'call' && first.name.toLowerCase() === 'resourceid' ? resourceIdTarget(first) : undefined;
                if (target && keys.has(target.key) && !dependsOn.includes(target.key)) {
                    errors.push(`${path}: ${sub.name}() of ${target.type} needs that resource in dependsOn`);
                }
            }
        }
        if (isExtension) {
            const target = scopeKey(String(resource.scope));
            if (!target || !keys.has(target)) errors.push(`${where}: scope names no resource of this template`);
            else if (!dependsOn.includes(target)) errors.push(`${where}: the scope's resource must be in dependsOn`);
        }
    }
    // Cycles.
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (key: string, trail: string[]): void => {
        if (state.get(key) === 'done') return;
        if (state.get(key) === 'visiting') {
            errors.push(`dependency cycle: ${[...trail.slice(trail.indexOf(key)), key].join(' -> ')}`);
            return;
        }
        state.set(key, 'visiting');
        for (const next of graph.get(key) ?? []) visit(next, [...trail, key]);
        state.set(key, 'done');
    };
    for (const key of graph.keys()) visit(key, []);

    // Outputs.
    for (const [name, raw] of Object.entries(asObject(template.outputs))) {
        const output = asObject(raw);
        if (!PARAMETER_TYPES.includes(String(output.type).toLowerCase()))
            errors.push(`output ${name}: unknown type "${String(output.type)}"`);
        if (!('value' in output)) errors.push(`output ${name}: no value`);
        for (const [, text] of strings(output, '')) {
            if (!isExpression(text)) continue;
            for (const call of callsTo(parseExpression(text.slice(1, -1)), 'parameters')) {
                const arg = call.args[0];
                if (arg?.kind === 'string' && isSecure(parameters[arg.value]))
                    errors.push(`output ${name}: exposes the secure parameter ${arg.value}`);
            }
            if (/listKeys|listSecrets|listChannelWithKeys/i.test(text)) errors.push(`output ${name}: exposes keys`);
        }
    }
    return errors;
}

/** Everything wrong with a parameters file for a given template. */
function parameterFileErrors(file: JsonObject, template: JsonObject): string[] {
    const errors: string[] = [];
    if (typeof file.$schema !== 'string' || !/\/deploymentParameters\.json#?$/.test(file.$schema))
        errors.push('$schema is missing or not a deploymentParameters schema');
    if (typeof file.contentVersion !== 'string' || !/^\d+\.\d+\.\d+\.\d+$/.test(file.contentVersion))
        errors.push('contentVersion is missing or not n.n.n.n');
    const definitions = asObject(template.parameters);
    const given = asObject(file.parameters);
    for (const [name, raw] of Object.entries(given)) {
        const definition = definitions[name];
        if (!isObject(definition)) {
            errors.push(`${name}: not a parameter of the template`);
            continue;
        }
        const entry = asObject(raw);
        if (isSecure(definition)) {
            const reference = asObject(entry.reference);
            if ('value' in entry)
                errors.push(`${name}: a secret must not be in a parameters file (give it on the command line or as a Key Vault reference)`);
            else if (typeof asObject(reference.keyVault).id !== 'string' || typeof reference.secretName !== 'string')
                errors.push(`${name}: expected a Key Vault reference { keyVault: { id }, secretName }`);
            continue;
        }
        if (!('value' in entry)) {
            errors.push(`${name}: no value`);
            continue;
        }
        const value = entry.value ?? null;
        errors.push(...constraintErrors(name, definition, value, 'value'));
        for (const [path, text] of strings(value, name)) {
            if (/AccountKey=|SharedAccessSignature=|-----BEGIN|password=/i.test(text)) errors.push(`${path}: looks like a secret`);
        }
    }
    for (const [name, definition] of Object.entries(definitions)) {
        if (!('defaultValue' in asObject(definition)) && !isSecure(definition) && !(name in given))
            errors.push(`${name}: required by the template but not given`);
    }
    return errors;
}

// ---------------------------------------------------------------------------------------------------------------
// What this product needs from its template
// ---------------------------------------------------------------------------------------------------------------

const ofType = (template: JsonObject, type: string): JsonObject[] =>
    resourcesOf(template)
        .filter((r) => r.type === type)
        .map((r) => r.resource);
const expressionOf = (value: Json | undefined): Expr | undefined =>
    typeof value === 'string' && isExpression(value) ? parseExpression(value.slice(1, -1)) : undefined;
/** Names of the parameters an expression reads. */
const parametersIn = (value: Json | undefined): string[] => {
    const expr = expressionOf(value);
    return expr ? callsTo(expr, 'parameters').flatMap((c) => (c.args[0]?.kind === 'string' ? [c.args[0].value] : [])) : [];
};
/** The parameter a value is taken from, directly ("[parameters('x')]"). */
const directParameter = (value: Json | undefined): string | undefined => {
    const expr = expressionOf(value);
    return expr?.kind === 'call' && expr.name.toLowerCase() === 'parameters' && expr.args[0]?.kind === 'string'
        ? expr.args[0].value
        : undefined;
};
const mentionsResource = (value: Json | undefined, type: string): boolean => {
    const expr = expressionOf(value);
    return !!expr && callsTo(expr, 'resourceId').some((call) => resourceIdTarget(call)?.type === type);
};

const PRODUCT_CHECKS: Record<string, (template: JsonObject) => string[]> = {
    'a Linux App Service plan': (template) => {
        const plans = ofType(template, 'Microsoft.Web/serverfarms');
        if (plans.length !== 1) return [`expected one App Service plan, found ${plans.length}`];
        const plan = plans[0] ?? {};
        const errors: string[] = [];
        if (plan.kind !== 'linux') errors.push('plan kind must be linux');
        if (asObject(plan.properties).reserved !== true) errors.push('plan properties.reserved must be true (Linux)');
        return errors;
    },
    'a Node 22 web app, HTTPS only, TLS 1.2, no FTP, web sockets, health check': (template) => {
        const sites = ofType(template, 'Microsoft.Web/sites');
        if (sites.length !== 1) return [`expected one web app, found ${sites.length}`];
        const site = sites[0] ?? {};
        const properties = asObject(site.properties);
        const config = asObject(properties.siteConfig);
        const errors: string[] = [];
        if (typeof site.kind !== 'string' || !site.kind.split(',').includes('linux')) errors.push('web app kind must include linux');
        if (properties.reserved !== true) errors.push('web app properties.reserved must be true (Linux)');
        if (properties.httpsOnly !== true) errors.push('httpsOnly must be true');
        if (config.linuxFxVersion !== 'NODE|22-lts') errors.push(`linuxFxVersion must be NODE|22-lts, is ${String(config.linuxFxVersion)}`);
        if (config.minTlsVersion !== '1.2') errors.push('minTlsVersion must be 1.2');
        if (config.ftpsState !== 'Disabled') errors.push('ftpsState must be Disabled');
        if (config.webSocketsEnabled !== true) errors.push('webSocketsEnabled must be true');
        if (config.healthCheckPath !== '/healthz') errors.push('healthCheckPath must be /healthz');
        if (config.appCommandLine !== 'node dist/src/index.js' && config.appCommandLine !== 'npm start')
            errors.push('appCommandLine must start the bot');
        const alwaysOn = config.alwaysOn;
        if (alwaysOn !== true && !(typeof alwaysOn === 'string' && isExpression(alwaysOn)))
            errors.push('alwaysOn must be on (or depend on the SKU)');
        if (!mentionsResource(properties.serverFarmId, 'Microsoft.Web/serverfarms'))
            errors.push('serverFarmId must be the plan of this template');
        return errors;
    },
    'every app setting the bot reads, secrets wired from secure parameters or the created resources': (template) => {
        const site = ofType(template, 'Microsoft.Web/sites')[0] ?? {};
        const settings = asArray(asObject(asObject(site.properties).siteConfig).appSettings).map(asObject);
        const names = settings.map((s) => String(s.name));
        const errors: string[] = [];
        for (const name of APP_SETTINGS) if (!names.includes(name)) errors.push(`app setting ${name} is missing`);
        for (const name of names) if (!APP_SETTINGS.includes(name)) errors.push(`app setting ${name} is not one the bot reads`);
        if (new Set(names).size !== names.length) errors.push('an app setting is listed twice');
        if (names.includes('PORT')) errors.push('PORT is set by App Service');
        const parameters = asObject(template.parameters);
        const value = (name: string): Json | undefined => settings.find((s) => s.name === name)?.value;
        for (const name of SECRET_SETTINGS) {
            const v = value(name);
            if (v === undefined) continue;
            const expr = expressionOf(v);
            if (!expr) {
                errors.push(`app setting ${name} must not be a literal`);
                continue;
            }
            const fromSecure = parametersIn(v).some((p) => isSecure(parameters[p]));
            const fromKeys = [...subExpressions(expr)].some((e) => e.kind === 'call' && isListFunction(e.name));
            if (!fromSecure && !fromKeys) errors.push(`app setting ${name} must come from a securestring parameter or a key listing`);
            for (const p of parametersIn(v))
                if (!isSecure(parameters[p])) errors.push(`app setting ${name} reads the plain parameter ${p}`);
        }
        const blob = expressionOf(value('BLOB_CONNECTION_STRING'));
        if (
            !blob ||
            !callsTo(blob, 'listKeys').some(
                (c) => c.args[0]?.kind === 'call' && resourceIdTarget(c.args[0])?.type === 'Microsoft.Storage/storageAccounts',
            )
        ) {
            errors.push('BLOB_CONNECTION_STRING must use listKeys() of the storage account');
        }
        const insights = expressionOf(value('APPLICATIONINSIGHTS_CONNECTION_STRING'));
        if (!insights || !/^reference\(resourceid\('microsoft\.insights\/components'.*\)\.connectionstring$/i.test(print(insights))) {
            errors.push('APPLICATIONINSIGHTS_CONNECTION_STRING must be reference(<Application Insights>).ConnectionString');
        }
        for (const setting of settings) {
            if (typeof setting.value === 'string' && !isExpression(setting.value) && /AccountKey=|InstrumentationKey=/.test(setting.value))
                errors.push(`app setting ${String(setting.name)} holds a literal key`);
        }
        return errors;
    },
    'an Azure Bot, SingleTenant or UserAssignedMSI, never MultiTenant': (template) => {
        const bots = ofType(template, 'Microsoft.BotService/botServices');
        if (bots.length !== 1) return [`expected one Azure Bot, found ${bots.length}`];
        const bot = bots[0] ?? {};
        const properties = asObject(bot.properties);
        const parameters = asObject(template.parameters);
        const errors: string[] = [];
        if (bot.kind !== 'azurebot') errors.push('bot kind must be azurebot');
        const skuParameter = directParameter(asObject(bot.sku).name);
        if (!skuParameter || JSON.stringify(asObject(parameters[skuParameter]).allowedValues) !== JSON.stringify(['F0', 'S1']))
            errors.push('bot sku must be a parameter allowing F0 and S1');
        const typeParameter = directParameter(properties.msaAppType);
        const typeDefinition = asObject(typeParameter ? parameters[typeParameter] : undefined);
        const allowed = asArray(typeDefinition.allowedValues);
        if (!typeParameter || allowed.length === 0 || !allowed.every((v) => v === 'SingleTenant' || v === 'UserAssignedMSI')) {
            errors.push('msaAppType must be a parameter allowing only SingleTenant and UserAssignedMSI');
        }
        if (typeDefinition.defaultValue !== 'SingleTenant' && typeDefinition.defaultValue !== 'UserAssignedMSI')
            errors.push('msaAppType must default to SingleTenant or UserAssignedMSI');
        for (const [path, text] of strings(template, 'template')) {
            if (path.endsWith('.description')) continue;
            if (text === 'MultiTenant' || (isExpression(text) && /'MultiTenant'/i.test(text)))
                errors.push(`${path}: MultiTenant bots can no longer be created`);
        }
        const endpoint = expressionOf(properties.endpoint);
        if (
            !endpoint ||
            !print(endpoint).includes("'https://") ||
            !print(endpoint).includes('/api/messages') ||
            !print(endpoint).includes('.defaulthostname')
        ) {
            errors.push('bot endpoint must be https://<web app defaultHostName>/api/messages');
        }
        if (!mentionsResource(properties.msaAppId, 'Microsoft.ManagedIdentity/userAssignedIdentities'))
            errors.push('msaAppId must use the managed identity client id for UserAssignedMSI');
        if (!mentionsResource(properties.msaAppMSIResourceId, 'Microsoft.ManagedIdentity/userAssignedIdentities'))
            errors.push('msaAppMSIResourceId must name the managed identity');
        if (!parametersIn(properties.msaAppTenantId).length) errors.push('msaAppTenantId must be set');
        return errors;
    },
    'a user-assigned identity for UserAssignedMSI, assigned to the web app': (template) => {
        const identities = resourcesOf(template).filter((r) => r.type === 'Microsoft.ManagedIdentity/userAssignedIdentities');
        const errors: string[] = [];
        if (identities.length !== 1) return [`expected one user-assigned identity, found ${identities.length}`];
        if (typeof identities[0]?.resource.condition !== 'string') errors.push('the identity must be conditional on UserAssignedMSI');
        const site = ofType(template, 'Microsoft.Web/sites')[0] ?? {};
        if (!mentionsResource(site.identity, 'Microsoft.ManagedIdentity/userAssignedIdentities'))
            errors.push('the web app must be assigned the identity');
        return errors;
    },
    'Direct Line, Web Chat, Teams and optional Facebook channels': (template) => {
        const channels = ofType(template, 'Microsoft.BotService/botServices/channels');
        const parameters = asObject(template.parameters);
        const errors: string[] = [];
        for (const channelName of ['DirectLineChannel', 'WebChatChannel', 'MsTeamsChannel', 'FacebookChannel']) {
            const channel = channels.find((c) => asObject(c.properties).channelName === channelName);
            if (!channel) {
                errors.push(`channel ${channelName} is missing`);
                continue;
            }
            if (!String(channel.name).includes(`/${channelName}`))
                errors.push(`channel ${channelName}: its resource name must end with /${channelName}`);
        }
        const facebook = channels.find((c) => asObject(c.properties).channelName === 'FacebookChannel');
        if (facebook) {
            const condition = directParameter(facebook.condition);
            if (!condition || asObject(parameters[condition]).type !== 'bool')
                errors.push('the Facebook channel must be conditional on a bool parameter');
            const fb = asObject(asObject(facebook.properties).properties);
            const page = asObject(asArray(fb.pages)[0]);
            for (const [label, value] of [
                ['appSecret', fb.appSecret],
                ['page accessToken', page.accessToken],
            ] as const) {
                const p = directParameter(value);
                if (!p || asObject(parameters[p]).type !== 'securestring')
                    errors.push(`Facebook ${label} must be a securestring parameter`);
            }
            for (const [label, value] of [
                ['appId', fb.appId],
                ['page id', page.id],
            ] as const) {
                if (!directParameter(value)) errors.push(`Facebook ${label} must be a parameter`);
            }
        }
        const directLine = channels.find((c) => asObject(c.properties).channelName === 'DirectLineChannel');
        const site = asObject(asArray(asObject(asObject(directLine?.properties).properties).sites)[0]);
        if (site.isEnabled !== true || site.isV3Enabled !== true) errors.push('the Direct Line site must be enabled with protocol v3');
        return errors;
    },
    'a private StorageV2 account (HTTPS, TLS 1.2) with a private container for bot state': (template) => {
        const accounts = ofType(template, 'Microsoft.Storage/storageAccounts');
        if (accounts.length !== 1) return [`expected one storage account, found ${accounts.length}`];
        const account = accounts[0] ?? {};
        const properties = asObject(account.properties);
        const errors: string[] = [];
        if (account.kind !== 'StorageV2') errors.push('storage kind must be StorageV2');
        if (asObject(account.sku).name !== 'Standard_LRS') errors.push('storage sku must be Standard_LRS');
        if (properties.supportsHttpsTrafficOnly !== true) errors.push('storage must be HTTPS only');
        if (properties.minimumTlsVersion !== 'TLS1_2') errors.push('storage minimumTlsVersion must be TLS1_2');
        if (properties.allowBlobPublicAccess !== false) errors.push('storage allowBlobPublicAccess must be false');
        const containers = ofType(template, 'Microsoft.Storage/storageAccounts/blobServices/containers');
        if (containers.length !== 1) errors.push('expected one blob container');
        for (const container of containers)
            if (asObject(container.properties).publicAccess !== 'None') errors.push('the blob container must be private');
        return errors;
    },
    'Log Analytics and workspace-based Application Insights': (template) => {
        const errors: string[] = [];
        if (ofType(template, 'Microsoft.OperationalInsights/workspaces').length !== 1) errors.push('expected one Log Analytics workspace');
        const insights = ofType(template, 'Microsoft.Insights/components');
        if (insights.length !== 1) return [...errors, 'expected one Application Insights component'];
        const properties = asObject(insights[0]?.properties);
        if (!mentionsResource(properties.WorkspaceResourceId, 'Microsoft.OperationalInsights/workspaces'))
            errors.push('Application Insights must be workspace-based');
        return errors;
    },
    'outputs: web app host name, bot endpoint, bot name': (template) => {
        const outputs = asObject(template.outputs);
        return ['webAppHostName', 'botEndpoint', 'botName'].filter((name) => !(name in outputs)).map((name) => `output ${name} is missing`);
    },
};
const productErrors = (template: JsonObject): string[] => Object.values(PRODUCT_CHECKS).flatMap((check) => check(template));

// ---------------------------------------------------------------------------------------------------------------

const readJson = (file: string): JsonObject => {
    const value = JSON.parse(readFileSync(join(templatesDir, file), 'utf8')) as Json;
    if (!isObject(value)) throw new Error(`${file} is not a JSON object`);
    return value;
};
const jsonFiles = readdirSync(templatesDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
const kindOf = (file: string): 'template' | 'parameters' | 'other' => {
    const schema = String(readJson(file).$schema ?? '');
    if (schema.includes('deploymentTemplate.json')) return 'template';
    if (schema.includes('deploymentParameters.json')) return 'parameters';
    return 'other';
};
const templateFiles = jsonFiles.filter((f) => kindOf(f) === 'template');
const parameterFiles = jsonFiles.filter((f) => kindOf(f) === 'parameters');
const main = (): JsonObject => readJson('azuredeploy.json');
const clone = (value: JsonObject): JsonObject => structuredClone(value);
const resourceOf = (template: JsonObject, type: string, channel?: string): JsonObject => {
    const found = asArray(template.resources)
        .map(asObject)
        .find((r) => r.type === type && (!channel || asObject(r.properties).channelName === channel));
    if (!found) throw new Error(`no ${type} in the template`);
    return found;
};

describe('deployment templates: files', () => {
    it('every JSON file parses and is a template or a parameters file', () => {
        expect(jsonFiles.length).toBeGreaterThan(0);
        for (const file of jsonFiles) expect(kindOf(file), file).not.toBe('other');
        expect(templateFiles).toContain('azuredeploy.json');
    });

    it('every parameters file is paired with an existing template', () => {
        expect(parameterFiles.sort()).toEqual(Object.keys(PARAMETER_FILES).sort());
        for (const template of Object.values(PARAMETER_FILES)) expect(templateFiles).toContain(template);
    });

    it('the readme gives the deployment command and names every secret and app setting; docs/deployment.md links to it', () => {
        const readme = readFileSync(join(templatesDir, 'README.md'), 'utf8');
        expect(readme).toContain('az deployment group create');
        const secure = Object.entries(asObject(main().parameters))
            .filter(([, d]) => isSecure(d))
            .map(([name]) => name);
        for (const name of [...secure, ...APP_SETTINGS]) expect(readme, name).toContain(`\`${name}\``);
        expect(readFileSync(resolve(templatesDir, '..', 'docs', 'deployment.md'), 'utf8')).toContain('deploymentTemplates/README.md');
    });
});

describe.each(templateFiles)('template %s', (file) => {
    it('is a sound ARM template (schema, expressions, references, types, apiVersions, dependencies, secrets)', () => {
        expect(templateErrors(readJson(file))).toEqual([]);
    });
});

describe('azuredeploy.json: what the IMP+ bot needs', () => {
    it.each(Object.keys(PRODUCT_CHECKS))('%s', (name) => {
        expect(PRODUCT_CHECKS[name]?.(main())).toEqual([]);
    });

    it('uses exactly the resource types and apiVersions of the known list', () => {
        const used = new Set(asArray(main().resources).map((r) => `${String(asObject(r).type)}@${String(asObject(r).apiVersion)}`));
        expect([...used].sort()).toEqual(
            Object.entries(API_VERSIONS)
                .map(([type, version]) => `${type}@${version}`)
                .sort(),
        );
    });
});

describe.each(parameterFiles)('parameters file %s', (file) => {
    it('matches its template: known parameters, right types, allowed values, required ones given, no secret', () => {
        const templateFile = PARAMETER_FILES[file];
        expect(templateFile).toBeDefined();
        expect(parameterFileErrors(readJson(file), readJson(templateFile ?? ''))).toEqual([]);
    });
});

describe('the example parameters files', () => {
    const value = (file: string, name: string): Json | undefined => asObject(asObject(readJson(file).parameters)[name]).value;

    it('parameters.example.json is a SingleTenant deployment with an app id', () => {
        expect(value('parameters.example.json', 'microsoftAppType')).toBe('SingleTenant');
        expect(String(value('parameters.example.json', 'microsoftAppId'))).toMatch(
            /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        );
        expect(value('parameters.example.json', 'stateStorage')).toBe('blob');
    });

    it('parameters.msi.example.json is a UserAssignedMSI deployment (the identity is created, no app id to give)', () => {
        expect(value('parameters.msi.example.json', 'microsoftAppType')).toBe('UserAssignedMSI');
        expect(value('parameters.msi.example.json', 'microsoftAppId')).toBeUndefined();
        expect(value('parameters.msi.example.json', 'stateStorage')).toBe('blob');
    });
});

describe('the expression parser', () => {
    it('reads nested calls, property access and indexing', () => {
        const expr = parseExpression(
            "listKeys(resourceId('Microsoft.Storage/storageAccounts', variables('a')), '2023-05-01').keys[0].value",
        );
        expect(print(expr)).toBe("listkeys(resourceid('Microsoft.Storage/storageAccounts',variables('a')),'2023-05-01').keys[0].value");
        expect(callsTo(expr, 'variables')).toHaveLength(1);
    });

    it("reads escaped quotes ('') inside strings", () => {
        expect(parseExpression("concat('it''s', 'x')")).toEqual({ kind: 'call', name: 'concat', args: [literal("it's"), literal('x')] });
    });

    it.each([
        ["concat('a', 'b'", 'unbalanced parenthesis'],
        ["concat('a)", 'unterminated string'],
        ["parameters('a') parameters('b')", 'two expressions'],
        ['foo', 'a bare word'],
        ["concat('a',)", 'a missing argument'],
    ])('refuses %s (%s)', (source) => {
        expect(() => parseExpression(source)).toThrow();
    });

    it('splits resource names into segments the way resourceId() lists them', () => {
        expect(nameSegments("[format('{0}/default/{1}', variables('s'), parameters('c'))]")).toEqual([
            "variables('s')",
            "'default'",
            "parameters('c')",
        ]);
        expect(nameSegments("[concat(variables('b'), '/DirectLineChannel')]")).toEqual(["variables('b')", "'DirectLineChannel'"]);
        expect(nameSegments('plain/name')).toEqual(["'plain'", "'name'"]);
    });

    it('leaves "[[" strings alone (an escaped literal bracket)', () => {
        expect(isExpression('[[not an expression]')).toBe(false);
    });
});

describe('the checks catch real mistakes', () => {
    const templateMutations: [string, (t: JsonObject) => void, RegExp][] = [
        [
            'a misspelt parameter',
            (t) => {
                asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig).linuxFxVersion =
                    "[parameters('nodeVersoin')]";
            },
            /undefined parameter 'nodeVersoin'/,
        ],
        [
            'a misspelt variable',
            (t) => {
                resourceOf(t, 'Microsoft.Web/serverfarms').name = "[variables('appServicePlanNam')]";
            },
            /undefined variable 'appServicePlanNam'/,
        ],
        [
            'a parameter that is never used',
            (t) => {
                asObject(t.parameters).unusedThing = { type: 'string', defaultValue: 'x' };
            },
            /parameter unusedThing is defined but never used/,
        ],
        [
            'a variable that is never used',
            (t) => {
                asObject(t.variables).leftover = 'x';
            },
            /variable leftover is defined but never used/,
        ],
        [
            'a default value on a securestring',
            (t) => {
                asObject(asObject(t.parameters).microsoftAppPassword).defaultValue = '';
            },
            /microsoftAppPassword: a securestring parameter must not have a defaultValue/,
        ],
        [
            'a secret declared as a plain string',
            (t) => {
                asObject(asObject(t.parameters).directLineSecret).type = 'string';
            },
            /directLineSecret: looks like a secret/,
        ],
        [
            'a default value outside allowedValues',
            (t) => {
                asObject(asObject(t.parameters).appServicePlanSku).defaultValue = 'Y1';
            },
            /not one of the allowedValues/,
        ],
        [
            'a default value of the wrong type',
            (t) => {
                asObject(asObject(t.parameters).stateRetentionDays).defaultValue = '30';
            },
            /stateRetentionDays should be of type int/,
        ],
        [
            'an unknown apiVersion',
            (t) => {
                resourceOf(t, 'Microsoft.Web/sites').apiVersion = '2015-08-01';
            },
            /apiVersion 2015-08-01 is not the known 2024-04-01/,
        ],
        [
            'an unknown resource type',
            (t) => {
                asArray(t.resources).push({ type: 'Microsoft.Web/sitez', apiVersion: '2024-04-01', name: 'x' });
            },
            /resource type not in the known list/,
        ],
        [
            'reference() with another apiVersion',
            (t) => {
                const outputs = asObject(t.outputs);
                outputs.webAppHostName = {
                    type: 'string',
                    value: "[reference(resourceId('Microsoft.Web/sites', variables('webAppName')), '2022-03-01').defaultHostName]",
                };
            },
            /reference\(\) of Microsoft.Web\/sites must give apiVersion '2024-04-01'/,
        ],
        [
            'an unknown function',
            (t) => {
                resourceOf(t, 'Microsoft.Web/serverfarms').location = '[resourceGroups().location]';
            },
            /unknown function resourceGroups\(\)/,
        ],
        [
            'an unbalanced expression',
            (t) => {
                resourceOf(t, 'Microsoft.Web/serverfarms').location = "[parameters('location']";
            },
            /expected/,
        ],
        [
            'a dependsOn naming nothing',
            (t) => {
                asArray(resourceOf(t, 'Microsoft.BotService/botServices').dependsOn).push(
                    "[resourceId('Microsoft.Web/sites', 'some-other-app')]",
                );
            },
            /dependsOn\[\d\] names no resource of this template/,
        ],
        [
            'a reference() without its dependsOn',
            (t) => {
                const site = resourceOf(t, 'Microsoft.Web/sites');
                site.dependsOn = asArray(site.dependsOn).filter((d) => !String(d).includes('Microsoft.Insights/components'));
            },
            /reference\(\) of Microsoft.Insights\/components needs that resource in dependsOn/,
        ],
        [
            'a listKeys() without its dependsOn',
            (t) => {
                const site = resourceOf(t, 'Microsoft.Web/sites');
                site.dependsOn = asArray(site.dependsOn).filter((d) => !String(d).includes('Microsoft.Storage/storageAccounts'));
            },
            /listKeys\(\) of Microsoft.Storage\/storageAccounts needs that resource in dependsOn/,
        ],
        [
            'a dependency cycle',
            (t) => {
                asArray(resourceOf(t, 'Microsoft.Web/sites').dependsOn).push(
                    "[resourceId('Microsoft.BotService/botServices', variables('botName'))]",
                );
            },
            /dependency cycle/,
        ],
        [
            'a child resource without its parent in the name',
            (t) => {
                resourceOf(t, 'Microsoft.BotService/botServices/channels', 'MsTeamsChannel').name = 'MsTeamsChannel';
            },
            /name needs 2 segment\(s\)/,
        ],
        [
            'a resourceId() with a missing segment',
            (t) => {
                resourceOf(t, 'Microsoft.BotService/botServices/channels', 'WebChatChannel').dependsOn = [
                    "[resourceId('Microsoft.BotService/botServices/channels', variables('botName'))]",
                ];
            },
            /needs 2 name segment\(s\), has 1/,
        ],
        [
            'an output exposing a secret',
            (t) => {
                asObject(t.outputs).leak = { type: 'string', value: "[parameters('microsoftAppPassword')]" };
            },
            /exposes the secure parameter microsoftAppPassword/,
        ],
        [
            'a missing $schema',
            (t) => {
                delete t.$schema;
            },
            /\$schema is missing/,
        ],
    ];

    it.each(templateMutations)('template: %s', (_label, mutate, expected) => {
        const template = clone(main());
        expect(templateErrors(template)).toEqual([]);
        mutate(template);
        expect(templateErrors(template).join('\n')).toMatch(expected);
    });

    const productMutations: [string, (t: JsonObject) => void, RegExp][] = [
        [
            'Node 20 instead of 22',
            (t) => {
                asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig).linuxFxVersion = 'NODE|20-lts';
            },
            /linuxFxVersion must be NODE\|22-lts/,
        ],
        [
            'HTTP allowed',
            (t) => {
                asObject(resourceOf(t, 'Microsoft.Web/sites').properties).httpsOnly = false;
            },
            /httpsOnly must be true/,
        ],
        [
            'TLS 1.0 allowed',
            (t) => {
                asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig).minTlsVersion = '1.0';
            },
            /minTlsVersion must be 1.2/,
        ],
        [
            'FTP left on',
            (t) => {
                asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig).ftpsState = 'AllAllowed';
            },
            /ftpsState must be Disabled/,
        ],
        [
            'MultiTenant allowed',
            (t) => {
                asArray(asObject(asObject(t.parameters).microsoftAppType).allowedValues).push('MultiTenant');
            },
            /only SingleTenant and UserAssignedMSI/,
        ],
        [
            'MultiTenant hard-coded on the bot',
            (t) => {
                asObject(resourceOf(t, 'Microsoft.BotService/botServices').properties).msaAppType = 'MultiTenant';
            },
            /MultiTenant bots can no longer be created/,
        ],
        [
            'an app setting forgotten',
            (t) => {
                const config = asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig);
                config.appSettings = asArray(config.appSettings).filter((s) => asObject(s).name !== 'STATE_RETENTION_DAYS');
            },
            /app setting STATE_RETENTION_DAYS is missing/,
        ],
        [
            'a secret app setting typed in as a literal',
            (t) => {
                const config = asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig);
                const setting = asArray(config.appSettings)
                    .map(asObject)
                    .find((s) => s.name === 'DIRECT_LINE_SECRET');
                if (setting) setting.value = 'abc.def';
            },
            /app setting DIRECT_LINE_SECRET must not be a literal/,
        ],
        [
            'PORT set by the template',
            (t) => {
                const config = asObject(asObject(resourceOf(t, 'Microsoft.Web/sites').properties).siteConfig);
                asArray(config.appSettings).push({ name: 'PORT', value: '8080' });
            },
            /PORT is set by App Service/,
        ],
        [
            'a public blob container',
            (t) => {
                asObject(resourceOf(t, 'Microsoft.Storage/storageAccounts/blobServices/containers').properties).publicAccess = 'Blob';
            },
            /the blob container must be private/,
        ],
        [
            'Facebook always on',
            (t) => {
                delete resourceOf(t, 'Microsoft.BotService/botServices/channels', 'FacebookChannel').condition;
            },
            /Facebook channel must be conditional on a bool parameter/,
        ],
        [
            'the Teams channel removed',
            (t) => {
                t.resources = asArray(t.resources).filter((r) => asObject(asObject(r).properties).channelName !== 'MsTeamsChannel');
            },
            /channel MsTeamsChannel is missing/,
        ],
        [
            'a classic Application Insights (no workspace)',
            (t) => {
                delete asObject(resourceOf(t, 'Microsoft.Insights/components').properties).WorkspaceResourceId;
            },
            /workspace-based/,
        ],
    ];

    it.each(productMutations)('product: %s', (_label, mutate, expected) => {
        const template = clone(main());
        expect(productErrors(template)).toEqual([]);
        mutate(template);
        expect(productErrors(template).join('\n')).toMatch(expected);
    });

    const parameterMutations: [string, (p: JsonObject) => void, RegExp][] = [
        [
            'a secret in the file',
            (p) => {
                asObject(p.parameters).microsoftAppPassword = { value: 'hunter2' };
            },
            /microsoftAppPassword: a secret must not be in a parameters file/,
        ],
        [
            'an unknown parameter',
            (p) => {
                asObject(p.parameters).appSecret = { value: 'x' };
            },
            /appSecret: not a parameter of the template/,
        ],
        [
            'a value outside allowedValues',
            (p) => {
                asObject(p.parameters).microsoftAppType = { value: 'MultiTenant' };
            },
            /not one of the allowedValues/,
        ],
        [
            'a number given as a string',
            (p) => {
                asObject(p.parameters).stateRetentionDays = { value: '30' };
            },
            /stateRetentionDays should be of type int/,
        ],
        [
            'a value above maxValue',
            (p) => {
                asObject(p.parameters).instanceCount = { value: 50 };
            },
            /above maxValue 10/,
        ],
        [
            'a required parameter left out',
            (p) => {
                delete asObject(p.parameters).firmName;
            },
            /firmName: required by the template but not given/,
        ],
        [
            'a connection string pasted into a plain parameter',
            (p) => {
                asObject(p.parameters).cosmosEndpoint = { value: 'AccountEndpoint=https://x.documents.azure.com;AccountKey=abc==' };
            },
            /looks like a secret/,
        ],
    ];

    it.each(parameterMutations)('parameters file: %s', (_label, mutate, expected) => {
        const file = clone(readJson('parameters.example.json'));
        expect(parameterFileErrors(file, main())).toEqual([]);
        mutate(file);
        expect(parameterFileErrors(file, main()).join('\n')).toMatch(expected);
    });

    it('parameters file: a Key Vault reference is accepted for a secret', () => {
        const file = clone(readJson('parameters.example.json'));
        asObject(file.parameters).microsoftAppPassword = {
            reference: {
                keyVault: { id: '/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv' },
                secretName: 'bot-app-password',
            },
        };
        expect(parameterFileErrors(file, main())).toEqual([]);
    });
});
