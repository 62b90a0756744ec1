package export

import (
	"strings"
	"unicode"
)

// Chinese line breaking (禁则). A line may not start with closing
// punctuation (noStart) and may not end with opening punctuation (noEnd);
// a run of Latin letters and digits ("2025", "92.5%", "GB/T") is never
// split; "——" and "……" stay together. When the character before a
// closing mark does not fit, it moves to the next line together with the
// mark (推出), and the short line is stretched to full width by the writer.

const (
	noStartChars = "。，、；：？！）」』》〉】〕〗’”％‰·．,.;:?!)]}%～"
	noEndChars   = "（「『《〈【〔〖‘“([{"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStartChars, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEndChars, r) }

// isWordRune reports whether r belongs to a Latin/digit run that must not
// be split: letters, digits and the ASCII signs inside numbers and codes
// ("92.5%", "GB/T"), but not brackets.
func isWordRune(r rune) bool {
	return r < 0x2000 && !unicode.IsSpace(r) && !strings.ContainsRune("()[]{}", r) ||
		r >= 0xFF10 && r <= 0xFF19 // full-width digits run together too
}

// brokenLine is one output line of breakLines. Forced is set when the line
// ends inside an unbreakable unit that is wider than a line (the only case
// in which the 禁则 can be broken).
type brokenLine struct {
	Text   string
	Forced bool
}

// breakLines splits text into lines no wider than first (the first line,
// after any indent) and rest (the others); measure gives each rune's
// advance. "\n" forces a break. Spaces at the start or end of a line are
// dropped, as are the newlines.
func breakLines(text string, first, rest float64, measure func(rune) float64) []brokenLine {
	var out []brokenLine
	for i, para := range strings.Split(text, "\n") {
		w := rest
		if i == 0 {
			w = first
		}
		out = append(out, breakParagraph([]rune(para), w, rest, measure)...)
	}
	return out
}

// breakParagraph breaks one paragraph (no newlines) greedily over its atoms.
func breakParagraph(runes []rune, first, rest float64, measure func(rune) float64) []brokenLine {
	const eps = 0.01
	var out []brokenLine
	var line []rune
	lineW, limit := 0.0, first
	flush := func(forced bool) {
		out = append(out, brokenLine{Text: strings.TrimRightFunc(string(line), unicode.IsSpace), Forced: forced})
		line, lineW, limit = line[:0:0], 0, rest
	}
	for _, a := range atoms(runes) {
		if len(line) == 0 && isSpaceAtom(a) {
			continue // no space at the start of a line
		}
		aw := width(a, measure)
		if lineW+aw <= limit+eps {
			line, lineW = append(line, a...), lineW+aw
			continue
		}
		if isSpaceAtom(a) {
			flush(false)
			continue
		}
		if len(line) > 0 {
			flush(false)
		}
		if aw <= limit+eps {
			line, lineW = append(line, a...), aw
			continue
		}
		// Wider than a whole line: split it rune by rune.
		for _, r := range a {
			rw := measure(r)
			if len(line) > 0 && lineW+rw > limit+eps {
				flush(true)
			}
			line, lineW = append(line, r), lineW+rw
		}
	}
	if len(line) > 0 || len(out) == 0 {
		flush(false)
	}
	return out
}

func isSpaceAtom(a []rune) bool { return len(a) == 1 && unicode.IsSpace(a[0]) }

func width(a []rune, measure func(rune) float64) float64 {
	w := 0.0
	for _, r := range a {
		w += measure(r)
	}
	return w
}

// atoms cuts a paragraph into the units a line may not split: a Latin
// word, one CJK character, a dash or ellipsis pair; then glues each
// closing mark to the unit before it and each opening mark to the unit
// after it.
func atoms(runes []rune) [][]rune {
	var units [][]rune
	for i := 0; i < len(runes); {
		j := i + 1
		switch r := runes[i]; {
		case isWordRune(r):
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
		case r == '—' || r == '…' || r == '-':
			for j < len(runes) && runes[j] == r {
				j++
			}
		}
		units = append(units, runes[i:j])
		i = j
	}
	var out [][]rune
	openPending := false
	for _, u := range units {
		space := isSpaceAtom(u)
		if space && openPending {
			continue // "（ 一": the space would let the line end after the mark
		}
		if n := len(out); n > 1 && isNoStart(u[0]) && isSpaceAtom(out[n-1]) {
			out = out[:n-1] // "一 。": the space would let the line start with the mark
		}
		switch {
		case openPending, len(out) > 0 && isNoStart(u[0]), len(out) > 0 && isDocNumber(out[len(out)-1], u):
			out[len(out)-1] = append(out[len(out)-1], u...)
		default:
			out = append(out, append([]rune(nil), u...))
		}
		last := out[len(out)-1]
		openPending = !space && isNoEnd(last[len(last)-1])
	}
	return out
}

// isDocNumber reports whether u continues a document number after its
// year bracket: "〔2026〕" + "6号" stay on one line.
func isDocNumber(prev, u []rune) bool {
	return prev[len(prev)-1] == '〕' && u[0] >= '0' && u[0] <= '9'
}
