package badge

// upperExpansion returns the upper case of c when it is more than one code
// point (the unconditional mappings of Unicode's SpecialCasing.txt).
// JavaScript's String.prototype.toUpperCase, which shields uses for
// for-the-badge, applies them; Go's unicode.ToUpper maps one code point to
// one and does not. The list was taken from Node.js 20 (Unicode 17).
func upperExpansion(c rune) (string, bool) {
	switch c {
	case 0x00DF: // ß → SS
		return "\u0053\u0053", true
	case 0x0149: // ŉ → ʼN
		return "\u02BC\u004E", true
	case 0x01F0: // ǰ → J̌
		return "\u004A\u030C", true
	case 0x0390: // ΐ → Ϊ́
		return "\u0399\u0308\u0301", true
	case 0x03B0: // ΰ → Ϋ́
		return "\u03A5\u0308\u0301", true
	case 0x0587: // և → ԵՒ
		return "\u0535\u0552", true
	case 0x1E96: // ẖ → H̱
		return "\u0048\u0331", true
	case 0x1E97: // ẗ → T̈
		return "\u0054\u0308", true
	case 0x1E98: // ẘ → W̊
		return "\u0057\u030A", true
	case 0x1E99: // ẙ → Y̊
		return "\u0059\u030A", true
	case 0x1E9A: // ẚ → Aʾ
		return "\u0041\u02BE", true
	case 0x1F50: // ὐ → Υ̓
		return "\u03A5\u0313", true
	case 0x1F52: // ὒ → Υ̓̀
		return "\u03A5\u0313\u0300", true
	case 0x1F54: // ὔ → Υ̓́
		return "\u03A5\u0313\u0301", true
	case 0x1F56: // ὖ → Υ̓͂
		return "\u03A5\u0313\u0342", true
	case 0x1F80: // ᾀ → ἈΙ
		return "\u1F08\u0399", true
	case 0x1F81: // ᾁ → ἉΙ
		return "\u1F09\u0399", true
	case 0x1F82: // ᾂ → ἊΙ
		return "\u1F0A\u0399", true
	case 0x1F83: // ᾃ → ἋΙ
		return "\u1F0B\u0399", true
	case 0x1F84: // ᾄ → ἌΙ
		return "\u1F0C\u0399", true
	case 0x1F85: // ᾅ → ἍΙ
		return "\u1F0D\u0399", true
	case 0x1F86: // ᾆ → ἎΙ
		return "\u1F0E\u0399", true
	case 0x1F87: // ᾇ → ἏΙ
		return "\u1F0F\u0399", true
	case 0x1F88: // ᾈ → ἈΙ
		return "\u1F08\u0399", true
	case 0x1F89: // ᾉ → ἉΙ
		return "\u1F09\u0399", true
	case 0x1F8A: // ᾊ → ἊΙ
		return "\u1F0A\u0399", true
	case 0x1F8B: // ᾋ → ἋΙ
		return "\u1F0B\u0399", true
	case 0x1F8C: // ᾌ → ἌΙ
		return "\u1F0C\u0399", true
	case 0x1F8D: // ᾍ → ἍΙ
		return "\u1F0D\u0399", true
	case 0x1F8E: // ᾎ → ἎΙ
		return "\u1F0E\u0399", true
	case 0x1F8F: // ᾏ → ἏΙ
		return "\u1F0F\u0399", true
	case 0x1F90: // ᾐ → ἨΙ
		return "\u1F28\u0399", true
	case 0x1F91: // ᾑ → ἩΙ
		return "\u1F29\u0399", true
	case 0x1F92: // ᾒ → ἪΙ
		return "\u1F2A\u0399", true
	case 0x1F93: // ᾓ → ἫΙ
		return "\u1F2B\u0399", true
	case 0x1F94: // ᾔ → ἬΙ
		return "\u1F2C\u0399", true
	case 0x1F95: // ᾕ → ἭΙ
		return "\u1F2D\u0399", true
	case 0x1F96: // ᾖ → ἮΙ
		return "\u1F2E\u0399", true
	case 0x1F97: // ᾗ → ἯΙ
		return "\u1F2F\u0399", true
	case 0x1F98: // ᾘ → ἨΙ
		return "\u1F28\u0399", true
	case 0x1F99: // ᾙ → ἩΙ
		return "\u1F29\u0399", true
	case 0x1F9A: // ᾚ → ἪΙ
		return "\u1F2A\u0399", true
	case 0x1F9B: // ᾛ → ἫΙ
		return "\u1F2B\u0399", true
	case 0x1F9C: // ᾜ → ἬΙ
		return "\u1F2C\u0399", true
	case 0x1F9D: // ᾝ → ἭΙ
		return "\u1F2D\u0399", true
	case 0x1F9E: // ᾞ → ἮΙ
		return "\u1F2E\u0399", true
	case 0x1F9F: // ᾟ → ἯΙ
		return "\u1F2F\u0399", true
	case 0x1FA0: // ᾠ → ὨΙ
		return "\u1F68\u0399", true
	case 0x1FA1: // ᾡ → ὩΙ
		return "\u1F69\u0399", true
	case 0x1FA2: // ᾢ → ὪΙ
		return "\u1F6A\u0399", true
	case 0x1FA3: // ᾣ → ὫΙ
		return "\u1F6B\u0399", true
	case 0x1FA4: // ᾤ → ὬΙ
		return "\u1F6C\u0399", true
	case 0x1FA5: // ᾥ → ὭΙ
		return "\u1F6D\u0399", true
	case 0x1FA6: // ᾦ → ὮΙ
		return "\u1F6E\u0399", true
	case 0x1FA7: // ᾧ → ὯΙ
		return "\u1F6F\u0399", true
	case 0x1FA8: // ᾨ → ὨΙ
		return "\u1F68\u0399", true
	case 0x1FA9: // ᾩ → ὩΙ
		return "\u1F69\u0399", true
	case 0x1FAA: // ᾪ → ὪΙ
		return "\u1F6A\u0399", true
	case 0x1FAB: // ᾫ → ὫΙ
		return "\u1F6B\u0399", true
	case 0x1FAC: // ᾬ → ὬΙ
		return "\u1F6C\u0399", true
	case 0x1FAD: // ᾭ → ὭΙ
		return "\u1F6D\u0399", true
	case 0x1FAE: // ᾮ → ὮΙ
		return "\u1F6E\u0399", true
	case 0x1FAF: // ᾯ → ὯΙ
		return "\u1F6F\u0399", true
	case 0x1FB2: // ᾲ → ᾺΙ
		return "\u1FBA\u0399", true
	case 0x1FB3: // ᾳ → ΑΙ
		return "\u0391\u0399", true
	case 0x1FB4: // ᾴ → ΆΙ
		return "\u0386\u0399", true
	case 0x1FB6: // ᾶ → Α͂
		return "\u0391\u0342", true
	case 0x1FB7: // ᾷ → Α͂Ι
		return "\u0391\u0342\u0399", true
	case 0x1FBC: // ᾼ → ΑΙ
		return "\u0391\u0399", true
	case 0x1FC2: // ῂ → ῊΙ
		return "\u1FCA\u0399", true
	case 0x1FC3: // ῃ → ΗΙ
		return "\u0397\u0399", true
	case 0x1FC4: // ῄ → ΉΙ
		return "\u0389\u0399", true
	case 0x1FC6: // ῆ → Η͂
		return "\u0397\u0342", true
	case 0x1FC7: // ῇ → Η͂Ι
		return "\u0397\u0342\u0399", true
	case 0x1FCC: // ῌ → ΗΙ
		return "\u0397\u0399", true
	case 0x1FD2: // ῒ → Ϊ̀
		return "\u0399\u0308\u0300", true
	case 0x1FD3: // ΐ → Ϊ́
		return "\u0399\u0308\u0301", true
	case 0x1FD6: // ῖ → Ι͂
		return "\u0399\u0342", true
	case 0x1FD7: // ῗ → Ϊ͂
		return "\u0399\u0308\u0342", true
	case 0x1FE2: // ῢ → Ϋ̀
		return "\u03A5\u0308\u0300", true
	case 0x1FE3: // ΰ → Ϋ́
		return "\u03A5\u0308\u0301", true
	case 0x1FE4: // ῤ → Ρ̓
		return "\u03A1\u0313", true
	case 0x1FE6: // ῦ → Υ͂
		return "\u03A5\u0342", true
	case 0x1FE7: // ῧ → Ϋ͂
		return "\u03A5\u0308\u0342", true
	case 0x1FF2: // ῲ → ῺΙ
		return "\u1FFA\u0399", true
	case 0x1FF3: // ῳ → ΩΙ
		return "\u03A9\u0399", true
	case 0x1FF4: // ῴ → ΏΙ
		return "\u038F\u0399", true
	case 0x1FF6: // ῶ → Ω͂
		return "\u03A9\u0342", true
	case 0x1FF7: // ῷ → Ω͂Ι
		return "\u03A9\u0342\u0399", true
	case 0x1FFC: // ῼ → ΩΙ
		return "\u03A9\u0399", true
	case 0xFB00: // ﬀ → FF
		return "\u0046\u0046", true
	case 0xFB01: // ﬁ → FI
		return "\u0046\u0049", true
	case 0xFB02: // ﬂ → FL
		return "\u0046\u004C", true
	case 0xFB03: // ﬃ → FFI
		return "\u0046\u0046\u0049", true
	case 0xFB04: // ﬄ → FFL
		return "\u0046\u0046\u004C", true
	case 0xFB05: // ﬅ → ST
		return "\u0053\u0054", true
	case 0xFB06: // ﬆ → ST
		return "\u0053\u0054", true
	case 0xFB13: // ﬓ → ՄՆ
		return "\u0544\u0546", true
	case 0xFB14: // ﬔ → ՄԵ
		return "\u0544\u0535", true
	case 0xFB15: // ﬕ → ՄԻ
		return "\u0544\u053B", true
	case 0xFB16: // ﬖ → ՎՆ
		return "\u054E\u0546", true
	case 0xFB17: // ﬗ → ՄԽ
		return "\u0544\u053D", true
	}
	return "", false
}
