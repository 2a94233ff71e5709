import { describe, expect, it } from 'vitest';
import { FACTS } from '../src/content/facts';
import { createTranslator } from '../src/content/i18n';
import { FeeAmounts } from '../src/understanding/feeAmounts';

const amounts = new FeeAmounts(createTranslator());
const workPermit = FACTS['fees.workPermit'].value;
const holder = FACTS['fees.openWorkPermitHolder'].value;

describe('an IMP+ fee’s amount named in a message', () => {
    it.each([
        `paid $${workPermit} is that right`,
        `L’accusé de réception indique : « Frais payés : ${workPermit},00 $ »`,
        `ça coûte ${workPermit + holder}$ en tout`,
        `the fee is ${holder} dollars?`,
        `j’ai payé ${workPermit} piasses`,
    ])('is found as the facts give it, alone or added up: %s', (text) => {
        expect(amounts.named(text)).toBe(true);
    });

    it.each([
        `I paid ${workPermit} for it`,
        `my rent went up by $${holder}`,
        `I paid 1,${workPermit} dollars for the flight`,
        `the fee is $${workPermit}.50`,
        'I paid $999 for the permit',
    ])('is not without a currency, a word of paying, or as a part of another figure: %s', (text) => {
        expect(amounts.named(text)).toBe(false);
    });
});
