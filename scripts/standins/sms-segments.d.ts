/** SMS segments the body costs: GSM-7 (160, or 153 per part) or UCS-2 (70, or 67 per part). */
export function countSegments(text: string): number;
