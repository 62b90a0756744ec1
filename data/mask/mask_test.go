package mask

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestIDNumber(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"340102198001011234", "3401**********1234"},
		{"11010519491231002X", "1101**********002X"},
		{"340102800101123", "3401*******1123"}, // old 15-digit number
		{" 340102198001011234 ", "3401**********1234"},
		{"1234567", "1*****7"},
		{"123", "***"},
		{"", ""},
	} {
		if got := IDNumber(c.in); got != c.want {
			t.Errorf("IDNumber(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPhone(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"13812345678", "138****5678"},
		{"0310-1234567", "0310-***4567"},
		{"0310-12345678", "0310-****5678"},
		{"13812345678、0310-1234567", "138****5678、0310-***4567"},
		{"13812345678，13987654321", "138****5678，139****4321"},
		{"63456789", "****6789"},
		{"1234567", "***4567"},
		{"12345", "****5"},
		{"110", "***"},
		{"", ""},
	} {
		if got := Phone(c.in); got != c.want {
			t.Errorf("Phone(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzMask checks what masking promises for any input: the length in
// characters is kept, at most eight characters of an ID and at most seven
// digits of a phone number survive, and masking twice changes nothing more.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"340102198001011234", "13812345678、0310-1234567", "", "-", "1-", "-1", "、、", "+86 138 1234 5678"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		id := IDNumber(s)
		if utf8.RuneCountInString(id) != utf8.RuneCountInString(strings.TrimSpace(s)) {
			t.Fatalf("IDNumber(%q) = %q changes the length", s, id)
		}
		if kept := utf8.RuneCountInString(id) - strings.Count(id, "*"); kept > 8 {
			t.Fatalf("IDNumber(%q) = %q keeps %d characters", s, id, kept)
		}
		p := Phone(s)
		if utf8.RuneCountInString(p) != utf8.RuneCountInString(s) {
			t.Fatalf("Phone(%q) = %q changes the length", s, p)
		}
		if Phone(p) != p || IDNumber(id) != id {
			t.Fatalf("masking %q twice changes it", s)
		}
		for _, n := range strings.FieldsFunc(s, isSeparator) {
			if indexRune([]rune(n), '-') < 0 && positions(n) >= 4 && countDigits(Phone(n)) > 2*positions(n)/3 {
				t.Fatalf("Phone(%q) = %q keeps too many digits", n, Phone(n))
			}
		}
	})
}

func countDigits(s string) int {
	n := 0
	for _, c := range s {
		if isDigit(c) {
			n++
		}
	}
	return n
}

// positions counts the places a digit stands or stood: digits and stars.
func positions(s string) int { return countDigits(s) + strings.Count(s, "*") }
