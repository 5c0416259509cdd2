'use strict';
// How many SMS segments a body costs, as carriers count: GSM-7 when every character is in the
// GSM 03.38 alphabet (the extension table's characters take two septets), else UCS-2.

const GSM_BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

function gsmSeptets(text) {
	let septets = 0;
	for (const char of text) {
		if (GSM_BASIC.includes(char)) septets += 1;
		else if (GSM_EXTENSION.includes(char)) septets += 2;
		else return undefined;
	}
	return septets;
}

function countSegments(text) {
	const septets = gsmSeptets(text);
	if (septets !== undefined) return septets <= 160 ? 1 : Math.ceil(septets / 153);
	// UCS-2 counts UTF-16 code units: an emoji is two.
	return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

module.exports = { countSegments };
