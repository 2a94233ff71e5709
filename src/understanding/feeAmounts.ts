import { FACTS, type FactId } from '../content/facts';
import type { Translator } from '../content/i18n';
import { LANGUAGES } from '../content/languages';
import { words } from './text';

/** The IMP+ fees someone may have paid or been quoted, as facts. */
const FEES: readonly FactId[] = ['fees.workPermit', 'fees.openWorkPermitHolder', 'fees.biometrics', 'fees.biometricsFamily'];
/** Fees paid together for the permit itself, whose sum people quote too (« 255 $ en tout »). */
const PAID_TOGETHER: readonly FactId[] = ['fees.workPermit', 'fees.openWorkPermitHolder'];
/** An amount as typed: "155", "155.00", « 155,00 »; a part of a larger figure ("1,155", "2155") is not one. */
const AMOUNT = /(?<![\p{N}.,])(\p{N}+)(?:[.,](\p{N}{2}))?(?![\p{N}]|[.,]\p{N})/gu;
const DOLLAR_SIGN = '$';

/** The words of `feeAmounts` in `context.json`. */
interface FeeWords {
    /** Words that say an amount is money ("dollars", « piasses »), besides the "$" sign. */
    currency?: string[];
    /** Words that say something is paid ("paid", "fee", « coûte »). */
    paying?: string[];
}

/**
 * "paid $155 is that right?", « ça coûte 255$ en tout, c'est vrai? »: an amount in dollars that is one of the IMP+
 * fees, as the facts give them, named with a word of paying, says the message is about those fees. A rent gone up
 * by $100 is not.
 */
export class FeeAmounts {
    private readonly amounts: ReadonlySet<number>;
    private readonly currency: ReadonlySet<string>;
    private readonly paying: ReadonlySet<string>;

    constructor(translator: Translator) {
        const amount = (id: FactId): number => Number(FACTS[id].value);
        this.amounts = new Set([...FEES.map(amount), PAID_TOGETHER.reduce((sum, id) => sum + amount(id), 0)]);
        const lists = LANGUAGES.map((language) => translator.bundle<{ feeAmounts?: FeeWords }>(language, 'context')?.feeAmounts);
        this.currency = new Set(lists.flatMap((list) => list?.currency ?? []).flatMap((word) => words(word)));
        this.paying = new Set(lists.flatMap((list) => list?.paying ?? []).flatMap((word) => words(word)));
    }

    /** Whether the text names one of the IMP+ fees' amounts, in dollars, and something paid. */
    named(text: string): boolean {
        const said = words(text);
        if (!said.some((word) => this.paying.has(word))) return false;
        if (!text.includes(DOLLAR_SIGN) && !said.some((word) => this.currency.has(word))) return false;
        return [...text.matchAll(AMOUNT)].some(
            ([, units, cents]) => (cents === undefined || Number(cents) === 0) && this.amounts.has(Number(units)),
        );
    }
}
