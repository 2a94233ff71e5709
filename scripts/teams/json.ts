/**
 * JSON values as the Teams packaging reads them: the Json type that the schema validator and the package
 * checks share, the test for a JSON object, and the parsing of JSON files that may begin with a byte-order
 * mark (some editors on Windows write one, and JSON.parse refuses it). A file that should hold an object and
 * does not is a PackagingError, so that it is reported with the package's other problems.
 */
import { PackagingError } from './errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isJsonObject = (value: Json | undefined): value is JsonObject =>
    typeof value === 'object' && value !== null && !Array.isArray(value);

export function stripBom(text: string): string {
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses a file's text that must hold a JSON object; `where` names the file in the error. */
export function parseJsonObject(text: string, where: string): JsonObject {
    const value = JSON.parse(stripBom(text)) as Json;
    if (!isJsonObject(value)) throw new PackagingError([`${where} must hold a JSON object`]);
    return value;
}
