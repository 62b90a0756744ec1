package pdf

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// unitMeasure: CJK and full-width characters are 1 wide, the rest ½.
func unitMeasure(r rune) float64 {
	if r >= 0x2E80 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' {
		return 1
	}
	return 0.5
}

func TestBreakLines(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		first, rest float64
		want        []string
	}{
		{"plain fill", "一二三四五六七八", 3, 3, []string{"一二三", "四五六", "七八"}},
		{"no lone last character", "一二三四五六七", 3, 3, []string{"一二三", "四五", "六七"}},
		{"no lone last character with its full stop", "一二三四五六七。", 3, 3, []string{"一二三", "四五", "六七。"}},
		{"a short line keeps its units", "一二三", 2, 2, []string{"一二", "三"}},
		{"comma pushes its character down", "一二三四，五六", 4, 4, []string{"一二三", "四，五六"}},
		{"comma fits at the end", "一二三四，五六", 5, 5, []string{"一二三四，", "五六"}},
		{"full stop and closing quote", "他说：“好。”我们", 4, 4, []string{"他说：", "“好。”", "我们"}},
		{"opening bracket goes down with its character", "一二三（四）五", 4, 4, []string{"一二三", "（四）五"}},
		{"opening bracket never ends a line", "一二三（四五六", 4, 4, []string{"一二三", "（四五六"}},
		{"number with percent is one unit", "立案率92.5%。", 5, 5, []string{"立案率", "92.5%。"}},
		{"year stays whole", "截至2025年", 3.5, 5, []string{"截至", "2025年"}},
		{"indent narrows the first line", "一二三四五六", 2, 4, []string{"一二", "三四五六"}},
		{"newline breaks", "一二\n三", 5, 5, []string{"一二", "三"}},
		{"spaces dropped at line ends", "hello world foo", 5.5, 5.5, []string{"hello world", "foo"}},
		{"space before a full stop is no break", "一二三 。", 3, 3, []string{"一二", "三。"}},
		{"dash pair stays together", "一二——三", 3, 3, []string{"一二", "——三"}},
		{"too long a word is split", "ABCDEFGHIJ", 2, 2, []string{"ABCD", "EFGH", "IJ"}},
		{"document number stays whole", "见清工信提复〔2026〕6号", 10, 10, []string{"见清工信提复", "〔2026〕6号"}},
		{"enumeration comma", "甲、乙、丙、丁", 3, 3, []string{"甲、", "乙、", "丙、丁"}},
		{"empty", "", 3, 3, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, l := range BreakLines(tt.text, tt.first, tt.rest, unitMeasure) {
				got = append(got, l.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("breakLines(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestNoLineStartsWithClosingMark runs every forbidden start character
// through every position of a line.
func TestNoLineStartsWithClosingMark(t *testing.T) {
	for _, mark := range noStartChars {
		for n := 1; n <= 6; n++ {
			text := strings.Repeat("字", n) + string(mark) + "后面还有一些文字"
			lines := BreakLines(text, 4, 4, unitMeasure)
			for i, l := range lines[1:] {
				if r, _ := utf8.DecodeRuneInString(l.Text); isNoStart(r) {
					t.Errorf("%q: line %d starts with %q: %q", text, i+2, r, l.Text)
				}
			}
		}
	}
}

func FuzzBreakLines(f *testing.F) {
	for _, s := range []string{"一二三四，五六", "他说：“好。”我们", "立案率92.5%。（见表1）", "a 。b （ c", "——……", "\n\n", "ABCDEFGHIJKLMNOP"} {
		f.Add(s, uint8(7))
	}
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		width := 1 + float64(w%16)/2
		strip := func(s string) string {
			return strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s)
		}
		var joined strings.Builder
		for _, para := range strings.Split(text, "\n") {
			lines := BreakLines(para, width, width, unitMeasure)
			for i, l := range lines {
				joined.WriteString(l.Text)
				if lw := width0(l.Text); lw > width+0.01 {
					t.Fatalf("line %q is %.1f wide, more than %.1f", l.Text, lw, width)
				}
				if i == 0 {
					continue
				}
				first, _ := utf8.DecodeRuneInString(l.Text)
				if isNoStart(first) && !lines[i-1].Forced {
					t.Fatalf("%q: line %q starts with a closing mark", para, l.Text)
				}
				prev := []rune(lines[i-1].Text)
				if len(prev) > 0 && isNoEnd(prev[len(prev)-1]) && !lines[i-1].Forced {
					t.Fatalf("%q: line %q ends with an opening mark", para, lines[i-1].Text)
				}
			}
		}
		if strip(joined.String()) != strip(text) {
			t.Fatalf("text lost or changed: %q → %q", text, joined.String())
		}
	})
}

func width0(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += unitMeasure(r)
	}
	return w
}
