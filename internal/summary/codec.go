package summary

import "github.com/milepost/milepost/internal/varcodec"

// encoder and decoder are the summaries file's (file.go): varcodec's
// primitives, with the summary's own records on top.
type encoder struct{ varcodec.Encoder }

type decoder struct{ varcodec.Decoder }

// newDecoder reads b, which nothing changes for as long as a string read
// from it lives: the strings share b.
func newDecoder(b []byte) decoder { return decoder{varcodec.Decoder{B: b, Shares: true}} }
