package pdf

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

// BrokenLine is one output line of breakLines. Forced is set when the line
// ends inside an unbreakable unit that is wider than a line (the only case
// in which the 禁则 can be broken).
type BrokenLine struct {
	Text   string
	Forced bool

	units    int  // unbreakable units on the line
	lastUnit int  // rune offset in Text where the last one starts
	split    bool // holds a piece of a unit wider than a line
}

// BreakLines splits text into lines no wider than first (the first line,
// after any indent) and rest (the others); measure gives each rune's
// advance. "\n" forces a break. Spaces at the start or end of a line are
// dropped, as are the newlines.
func BreakLines(text string, first, rest float64, measure func(rune) float64) []BrokenLine {
	var out []BrokenLine
	for i, para := range strings.Split(text, "\n") {
		w := rest
		if i == 0 {
			w = first
		}
		out = append(out, breakParagraph([]rune(para), w, rest, measure)...)
	}
	return out
}

const breakEps = 0.01

// breakParagraph breaks one paragraph (no newlines) greedily over its atoms.
func breakParagraph(runes []rune, first, rest float64, measure func(rune) float64) []BrokenLine {
	var out []BrokenLine
	var cur BrokenLine
	var line []rune
	lineW, limit := 0.0, first
	flush := func(forced bool) {
		cur.Text, cur.Forced = strings.TrimRightFunc(string(line), unicode.IsSpace), forced
		out = append(out, cur)
		cur, line, lineW, limit = BrokenLine{}, line[:0:0], 0, rest
	}
	add := func(a []rune, w float64) {
		if !isSpaceAtom(a) {
			cur.units, cur.lastUnit = cur.units+1, len(line)
		}
		line, lineW = append(line, a...), lineW+w
	}
	for _, a := range atoms(runes) {
		if len(line) == 0 && isSpaceAtom(a) {
			continue // no space at the start of a line
		}
		aw := width(a, measure)
		if lineW+aw <= limit+breakEps {
			add(a, aw)
			continue
		}
		if isSpaceAtom(a) {
			flush(false)
			continue
		}
		if len(line) > 0 {
			flush(false)
		}
		if aw <= limit+breakEps {
			add(a, aw)
			continue
		}
		// Wider than a whole line: split it rune by rune.
		for _, r := range a {
			rw := measure(r)
			if len(line) > 0 && lineW+rw > limit+breakEps {
				flush(true)
			}
			add([]rune{r}, rw)
			cur.split = true
		}
	}
	if len(line) > 0 || len(out) == 0 {
		flush(false)
	}
	avoidLoneCharacter(out, rest, measure)
	return out
}

// avoidLoneCharacter keeps a paragraph from ending in a line of one
// character (with its punctuation): that line takes the last unit of the
// line before, which the writer then stretches to full width.
func avoidLoneCharacter(lines []BrokenLine, rest float64, measure func(rune) float64) {
	n := len(lines)
	if n < 2 {
		return
	}
	prev, last := &lines[n-2], &lines[n-1]
	if prev.Forced || prev.split || prev.units < 3 || last.units != 1 || lone(last.Text) > 1 {
		return
	}
	runes := []rune(prev.Text)
	moved := runes[prev.lastUnit:]
	if width(moved, measure)+width([]rune(last.Text), measure) > rest+breakEps {
		return
	}
	last.Text = string(moved) + last.Text
	last.units, last.lastUnit = 2, len(moved)
	prev.Text = strings.TrimRightFunc(string(runes[:prev.lastUnit]), unicode.IsSpace)
	prev.units-- // lastUnit is stale now; only the last line is ever adjusted
}

// lone counts the characters of s that are not closing punctuation.
func lone(s string) int {
	n := 0
	for _, r := range s {
		if !isNoStart(r) {
			n++
		}
	}
	return n
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
