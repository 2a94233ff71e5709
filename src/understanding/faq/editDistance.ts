/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, "ficheirs" → "fichiers"),
 * abandoned as soon as it must exceed `max` so that scanning a vocabulary stays cheap.
 * Returns max + 1 when the distance is larger than max.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    if (a === b) return 0;
    let twoRowsBack: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMinimum = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, twoRowsBack[j - 2] + 1);
            }
            current.push(value);
            rowMinimum = Math.min(rowMinimum, value);
        }
        if (rowMinimum > max) return max + 1;
        twoRowsBack = previous;
        previous = current;
    }
    return Math.min(previous[b.length], max + 1);
}
