// Package badge draws progress badges that look exactly like shields.io's,
// and writes the shields endpoint JSON for them.
//
// In: a Badge (label, message, colour) and site-wide Options (style,
// palette, longest label). Out: SVG bytes (SVG) and endpoint JSON bytes
// (Endpoint). Both are pure functions of their inputs: the same input gives
// the same bytes, and the package does no I/O.
//
// Compatibility with shields' badge-maker 6 is the spec. Text is measured
// with the per-character 11px Verdana widths shields uses (the anafanafo
// tables under widths/, MIT licence in LICENSE.anafanafo): the widths of
// the code points are added left to right in float64, the fraction is
// dropped and an even result is made odd; characters missing from the
// table are as wide as "m", control characters 0. The three styles flat,
// flat-square and for-the-badge are laid out with shields' geometry, so
// every rectangle, text position and textLength equals badge-maker's, and
// with the zero Options.UniqueIDs the SVG is badge-maker's byte for byte.
// testdata/reference.json holds the numbers badge-maker produced and the
// tests compare against them.
//
// Deliberate differences: characters XML cannot carry (C0 controls,
// U+FFFE, U+FFFF, invalid UTF-8) are removed or replaced, so the output
// always parses; CSS colour functions such as rgb() are not understood and
// fall back to brightgreen; labels can be shortened with an ellipsis
// (Options.MaxLabelWidth); and ids can be made unique for inlining
// (Options.UniqueIDs).
//
// Badges are meant to be referenced as files (<img src="badge.svg">, or
// from a README). Inlined into HTML, several flat badges share the ids
// "s", "r" and "blur" and clip each other; set Options.UniqueIDs then.
//
// The package must not depend on the rest of milepost: it knows nothing of
// pages, counts or thresholds; callers turn those into a Badge.
package badge
