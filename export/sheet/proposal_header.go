package sheet

import (
	"slices"
	"strings"
)

// vocab is the header vocabulary of one kind of sheet: the normalised
// texts offices use as column headers, mapped to field labels. It finds
// and maps headers the way the roster reader does (one or two header
// rows within the first 15, bracketed remarks ignored), for any sheet.
type vocab map[string]string

func newVocab(aliases map[string][]string) vocab {
	v := vocab{}
	for field, names := range aliases {
		for _, n := range names {
			v[normHeader(n)] = field
		}
	}
	return v
}

// field returns the field a header text means, or "".
func (v vocab) field(header string) string {
	h := normHeader(header)
	if f, ok := v[h]; ok {
		return f
	}
	if i := strings.Index(h, "("); i > 0 {
		return v[h[:i]]
	}
	return ""
}

// fields returns the distinct fields a row's texts name, by column.
func (v vocab) fields(row []string) map[int]string {
	out := map[int]string{}
	seen := map[string]bool{}
	for c, t := range row {
		if f := v.field(t); f != "" && !seen[f] {
			seen[f] = true
			out[c] = f
		}
	}
	return out
}

func (v vocab) names(row []string, field string) bool {
	for _, f := range v.fields(row) {
		if f == field {
			return true
		}
	}
	return false
}

// findHeader returns the 0-based row, among the first 15, naming the most
// known columns; it must name key and at least one other.
func (v vocab) findHeader(g *grid, key string) (int, bool) {
	best, bestN := -1, 1
	for i := 0; i < len(g.shown) && i < headerSearchRows; i++ {
		if n := len(v.fields(g.shown[i])); n > bestN && v.names(g.shown[i], key) {
			best, bestN = i, n
		}
	}
	if best < 0 {
		return 0, false
	}
	// The lower row of a two-row header names the most columns; report
	// the upper one, where the header starts.
	if best > 0 && v.subHeader(g, best-1, key) && v.names(g.shown[best-1], key) {
		best--
	}
	return best, true
}

// subHeader reports whether the row under the header completes it: it
// names fields the header row does not (答复日期 and 办理结果 under an
// 答复情况 spanning both), has more header words than other texts, and its
// key cell is empty or a header word, not data.
func (v vocab) subHeader(g *grid, header int, key string) bool {
	below := header + 1
	if below >= len(g.shown) {
		return false
	}
	named, other := 0, 0
	for c := range g.shown[below] {
		text := g.text(below, c)
		upper, lower := v.field(g.text(header, c)), v.field(text)
		switch {
		case upper == key && text != "" && lower != key:
			return false
		case lower != "" && lower != upper:
			named++
		case lower == "" && text != "" && text != g.text(header, c) && !notData[normHeader(text)]:
			other++
		}
	}
	return named > 0 && named >= other
}

// mappedColumn is a column understood: its field and the header text that
// named it.
type mappedColumn struct{ field, header string }

// mapColumns matches a header (one or two rows) to fields. It returns the
// mapped columns, the first data row, and the header texts it did not
// understand. A field named twice keeps its first column.
func (v vocab) mapColumns(g *grid, header int, key string) (cols map[int]mappedColumn, start int, ignored []string) {
	two := v.subHeader(g, header, key)
	start, width := header+1, len(g.shown[header])
	if two {
		start, width = header+2, max(width, len(g.shown[header+1]))
	}
	cols = map[int]mappedColumn{}
	taken := map[string]bool{}
	for c := 0; c < width; c++ {
		texts := []string{g.text(header, c)}
		if two {
			texts = []string{g.text(header+1, c), g.text(header, c)}
		}
		mapped := false
		for _, t := range texts {
			if f := v.field(t); f != "" {
				if !taken[f] {
					taken[f], cols[c], mapped = true, mappedColumn{f, t}, true
				}
				break
			}
		}
		if mapped {
			continue
		}
		t := texts[0]
		if t == "" && len(texts) > 1 {
			t = texts[1]
		}
		if t != "" && !notData[normHeader(t)] && !slices.Contains(ignored, t) {
			ignored = append(ignored, t)
		}
	}
	return cols, start, ignored
}
