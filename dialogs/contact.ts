/** An e-mail address or a phone number as a visitor types them, or "skip". */
export type ContactReading = { kind: 'contact'; value: string } | { kind: 'skip' } | { kind: 'invalid' };

const EMAIL = /^[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}$/u;
/** Digits with the usual separators; 7 to 15 digits (E.164's maximum). */
const PHONE = /^\+?[\d\s().-]+$/;

export function readContact(text: string, skipLabels: readonly string[]): ContactReading {
    const value = text.trim();
    const folded = value.toLocaleLowerCase();
    if (skipLabels.some((label) => label.toLocaleLowerCase() === folded)) return { kind: 'skip' };
    if (value.length <= 254 && EMAIL.test(value)) return { kind: 'contact', value };
    const digits = value.replace(/\D/g, '').length;
    if (PHONE.test(value) && digits >= 7 && digits <= 15) return { kind: 'contact', value };
    return { kind: 'invalid' };
}
