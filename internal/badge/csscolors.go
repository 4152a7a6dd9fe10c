package badge

// cssNamedColor returns the sRGB value of a CSS named colour (CSS Color
// Module Level 4, lower case as written in the specification). shields
// accepts these names as badge colours and passes them into the SVG as they
// are; the values decide whether text on them is drawn dark or light.
func cssNamedColor(name string) (rgb [3]uint8, ok bool) {
	switch name {
	case "aliceblue":
		return [3]uint8{240, 248, 255}, true
	case "antiquewhite":
		return [3]uint8{250, 235, 215}, true
	case "aqua":
		return [3]uint8{0, 255, 255}, true
	case "aquamarine":
		return [3]uint8{127, 255, 212}, true
	case "azure":
		return [3]uint8{240, 255, 255}, true
	case "beige":
		return [3]uint8{245, 245, 220}, true
	case "bisque":
		return [3]uint8{255, 228, 196}, true
	case "black":
		return [3]uint8{0, 0, 0}, true
	case "blanchedalmond":
		return [3]uint8{255, 235, 205}, true
	case "blue":
		return [3]uint8{0, 0, 255}, true
	case "blueviolet":
		return [3]uint8{138, 43, 226}, true
	case "brown":
		return [3]uint8{165, 42, 42}, true
	case "burlywood":
		return [3]uint8{222, 184, 135}, true
	case "cadetblue":
		return [3]uint8{95, 158, 160}, true
	case "chartreuse":
		return [3]uint8{127, 255, 0}, true
	case "chocolate":
		return [3]uint8{210, 105, 30}, true
	case "coral":
		return [3]uint8{255, 127, 80}, true
	case "cornflowerblue":
		return [3]uint8{100, 149, 237}, true
	case "cornsilk":
		return [3]uint8{255, 248, 220}, true
	case "crimson":
		return [3]uint8{220, 20, 60}, true
	case "cyan":
		return [3]uint8{0, 255, 255}, true
	case "darkblue":
		return [3]uint8{0, 0, 139}, true
	case "darkcyan":
		return [3]uint8{0, 139, 139}, true
	case "darkgoldenrod":
		return [3]uint8{184, 134, 11}, true
	case "darkgray":
		return [3]uint8{169, 169, 169}, true
	case "darkgreen":
		return [3]uint8{0, 100, 0}, true
	case "darkgrey":
		return [3]uint8{169, 169, 169}, true
	case "darkkhaki":
		return [3]uint8{189, 183, 107}, true
	case "darkmagenta":
		return [3]uint8{139, 0, 139}, true
	case "darkolivegreen":
		return [3]uint8{85, 107, 47}, true
	case "darkorange":
		return [3]uint8{255, 140, 0}, true
	case "darkorchid":
		return [3]uint8{153, 50, 204}, true
	case "darkred":
		return [3]uint8{139, 0, 0}, true
	case "darksalmon":
		return [3]uint8{233, 150, 122}, true
	case "darkseagreen":
		return [3]uint8{143, 188, 143}, true
	case "darkslateblue":
		return [3]uint8{72, 61, 139}, true
	case "darkslategray":
		return [3]uint8{47, 79, 79}, true
	case "darkslategrey":
		return [3]uint8{47, 79, 79}, true
	case "darkturquoise":
		return [3]uint8{0, 206, 209}, true
	case "darkviolet":
		return [3]uint8{148, 0, 211}, true
	case "deeppink":
		return [3]uint8{255, 20, 147}, true
	case "deepskyblue":
		return [3]uint8{0, 191, 255}, true
	case "dimgray":
		return [3]uint8{105, 105, 105}, true
	case "dimgrey":
		return [3]uint8{105, 105, 105}, true
	case "dodgerblue":
		return [3]uint8{30, 144, 255}, true
	case "firebrick":
		return [3]uint8{178, 34, 34}, true
	case "floralwhite":
		return [3]uint8{255, 250, 240}, true
	case "forestgreen":
		return [3]uint8{34, 139, 34}, true
	case "fuchsia":
		return [3]uint8{255, 0, 255}, true
	case "gainsboro":
		return [3]uint8{220, 220, 220}, true
	case "ghostwhite":
		return [3]uint8{248, 248, 255}, true
	case "gold":
		return [3]uint8{255, 215, 0}, true
	case "goldenrod":
		return [3]uint8{218, 165, 32}, true
	case "gray":
		return [3]uint8{128, 128, 128}, true
	case "green":
		return [3]uint8{0, 128, 0}, true
	case "greenyellow":
		return [3]uint8{173, 255, 47}, true
	case "grey":
		return [3]uint8{128, 128, 128}, true
	case "honeydew":
		return [3]uint8{240, 255, 240}, true
	case "hotpink":
		return [3]uint8{255, 105, 180}, true
	case "indianred":
		return [3]uint8{205, 92, 92}, true
	case "indigo":
		return [3]uint8{75, 0, 130}, true
	case "ivory":
		return [3]uint8{255, 255, 240}, true
	case "khaki":
		return [3]uint8{240, 230, 140}, true
	case "lavender":
		return [3]uint8{230, 230, 250}, true
	case "lavenderblush":
		return [3]uint8{255, 240, 245}, true
	case "lawngreen":
		return [3]uint8{124, 252, 0}, true
	case "lemonchiffon":
		return [3]uint8{255, 250, 205}, true
	case "lightblue":
		return [3]uint8{173, 216, 230}, true
	case "lightcoral":
		return [3]uint8{240, 128, 128}, true
	case "lightcyan":
		return [3]uint8{224, 255, 255}, true
	case "lightgoldenrodyellow":
		return [3]uint8{250, 250, 210}, true
	case "lightgray":
		return [3]uint8{211, 211, 211}, true
	case "lightgreen":
		return [3]uint8{144, 238, 144}, true
	case "lightgrey":
		return [3]uint8{211, 211, 211}, true
	case "lightpink":
		return [3]uint8{255, 182, 193}, true
	case "lightsalmon":
		return [3]uint8{255, 160, 122}, true
	case "lightseagreen":
		return [3]uint8{32, 178, 170}, true
	case "lightskyblue":
		return [3]uint8{135, 206, 250}, true
	case "lightslategray":
		return [3]uint8{119, 136, 153}, true
	case "lightslategrey":
		return [3]uint8{119, 136, 153}, true
	case "lightsteelblue":
		return [3]uint8{176, 196, 222}, true
	case "lightyellow":
		return [3]uint8{255, 255, 224}, true
	case "lime":
		return [3]uint8{0, 255, 0}, true
	case "limegreen":
		return [3]uint8{50, 205, 50}, true
	case "linen":
		return [3]uint8{250, 240, 230}, true
	case "magenta":
		return [3]uint8{255, 0, 255}, true
	case "maroon":
		return [3]uint8{128, 0, 0}, true
	case "mediumaquamarine":
		return [3]uint8{102, 205, 170}, true
	case "mediumblue":
		return [3]uint8{0, 0, 205}, true
	case "mediumorchid":
		return [3]uint8{186, 85, 211}, true
	case "mediumpurple":
		return [3]uint8{147, 112, 219}, true
	case "mediumseagreen":
		return [3]uint8{60, 179, 113}, true
	case "mediumslateblue":
		return [3]uint8{123, 104, 238}, true
	case "mediumspringgreen":
		return [3]uint8{0, 250, 154}, true
	case "mediumturquoise":
		return [3]uint8{72, 209, 204}, true
	case "mediumvioletred":
		return [3]uint8{199, 21, 133}, true
	case "midnightblue":
		return [3]uint8{25, 25, 112}, true
	case "mintcream":
		return [3]uint8{245, 255, 250}, true
	case "mistyrose":
		return [3]uint8{255, 228, 225}, true
	case "moccasin":
		return [3]uint8{255, 228, 181}, true
	case "navajowhite":
		return [3]uint8{255, 222, 173}, true
	case "navy":
		return [3]uint8{0, 0, 128}, true
	case "oldlace":
		return [3]uint8{253, 245, 230}, true
	case "olive":
		return [3]uint8{128, 128, 0}, true
	case "olivedrab":
		return [3]uint8{107, 142, 35}, true
	case "orange":
		return [3]uint8{255, 165, 0}, true
	case "orangered":
		return [3]uint8{255, 69, 0}, true
	case "orchid":
		return [3]uint8{218, 112, 214}, true
	case "palegoldenrod":
		return [3]uint8{238, 232, 170}, true
	case "palegreen":
		return [3]uint8{152, 251, 152}, true
	case "paleturquoise":
		return [3]uint8{175, 238, 238}, true
	case "palevioletred":
		return [3]uint8{219, 112, 147}, true
	case "papayawhip":
		return [3]uint8{255, 239, 213}, true
	case "peachpuff":
		return [3]uint8{255, 218, 185}, true
	case "peru":
		return [3]uint8{205, 133, 63}, true
	case "pink":
		return [3]uint8{255, 192, 203}, true
	case "plum":
		return [3]uint8{221, 160, 221}, true
	case "powderblue":
		return [3]uint8{176, 224, 230}, true
	case "purple":
		return [3]uint8{128, 0, 128}, true
	case "rebeccapurple":
		return [3]uint8{102, 51, 153}, true
	case "red":
		return [3]uint8{255, 0, 0}, true
	case "rosybrown":
		return [3]uint8{188, 143, 143}, true
	case "royalblue":
		return [3]uint8{65, 105, 225}, true
	case "saddlebrown":
		return [3]uint8{139, 69, 19}, true
	case "salmon":
		return [3]uint8{250, 128, 114}, true
	case "sandybrown":
		return [3]uint8{244, 164, 96}, true
	case "seagreen":
		return [3]uint8{46, 139, 87}, true
	case "seashell":
		return [3]uint8{255, 245, 238}, true
	case "sienna":
		return [3]uint8{160, 82, 45}, true
	case "silver":
		return [3]uint8{192, 192, 192}, true
	case "skyblue":
		return [3]uint8{135, 206, 235}, true
	case "slateblue":
		return [3]uint8{106, 90, 205}, true
	case "slategray":
		return [3]uint8{112, 128, 144}, true
	case "slategrey":
		return [3]uint8{112, 128, 144}, true
	case "snow":
		return [3]uint8{255, 250, 250}, true
	case "springgreen":
		return [3]uint8{0, 255, 127}, true
	case "steelblue":
		return [3]uint8{70, 130, 180}, true
	case "tan":
		return [3]uint8{210, 180, 140}, true
	case "teal":
		return [3]uint8{0, 128, 128}, true
	case "thistle":
		return [3]uint8{216, 191, 216}, true
	case "tomato":
		return [3]uint8{255, 99, 71}, true
	case "turquoise":
		return [3]uint8{64, 224, 208}, true
	case "violet":
		return [3]uint8{238, 130, 238}, true
	case "wheat":
		return [3]uint8{245, 222, 179}, true
	case "white":
		return [3]uint8{255, 255, 255}, true
	case "whitesmoke":
		return [3]uint8{245, 245, 245}, true
	case "yellow":
		return [3]uint8{255, 255, 0}, true
	case "yellowgreen":
		return [3]uint8{154, 205, 50}, true
	}
	return [3]uint8{}, false
}
