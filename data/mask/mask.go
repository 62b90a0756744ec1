// Package mask hides the middle of personal numbers — 身份证号 and phone
// numbers — for lists and exports, keeping enough of each to tell members
// apart and to recognise a number one already knows: 3401**********1234,
// 138****5678, 0310-***4567. Masking keeps the length, so columns still line
// up, and never reveals more than the first four and last four characters.
package mask

import "strings"

// Star replaces each hidden character.
const Star = '*'

// IDNumber masks an identity card number: the first four characters (the
// region of issue down to the city) and the last four stay, the birth date
// and sequence number between them become stars. A short or odd value keeps
// at most a quarter of its characters at each end; an empty one stays empty.
// Masking a masked value changes nothing.
func IDNumber(s string) string {
	r := []rune(strings.TrimSpace(s))
	keep := len(r) / 4
	if len(r) >= 12 {
		keep = 4
	}
	for i := keep; i < len(r)-keep; i++ {
		r[i] = Star
	}
	return string(r)
}

// Phone masks every number in a phone field (numbers separated by 、 , ; /
// or spaces): a mobile number keeps its first three and last four digits
// (138****5678); a fixed line keeps its area code and last four digits
// (0310-***4567). Separators and other characters stay as they are.
func Phone(s string) string {
	var b strings.Builder
	start := -1
	r := []rune(s)
	flush := func(end int) {
		if start >= 0 {
			b.WriteString(phoneNumber(r[start:end]))
			start = -1
		}
	}
	for i, c := range r {
		if isSeparator(c) {
			flush(i)
			b.WriteRune(c)
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(r))
	return b.String()
}

func isSeparator(c rune) bool {
	return strings.ContainsRune("、,，;；/ 　\t\n", c)
}

// phoneNumber masks one number. With a dash the part before the first dash
// (the area code) is kept. Of the digits after it, a mobile number keeps its
// first three and last four; others keep the last four — as long as at least
// a third of the digits is hidden, else only the last quarter stays.
func phoneNumber(r []rune) string {
	out := append([]rune(nil), r...)
	from := 0 // index in out where masking may begin
	if dash := indexRune(out, '-'); dash > 0 && dash < len(out)-1 {
		from = dash + 1
	}
	digits := 0 // stars count as digits, so masking twice changes nothing
	for _, c := range out[from:] {
		if isDigit(c) || c == Star {
			digits++
		}
	}
	head, tail := 0, digits/4
	for _, k := range [][2]int{{3, 4}, {0, 4}} {
		if k[0] > 0 && (from > 0 || digits < 11) {
			continue
		}
		if hidden := digits - k[0] - k[1]; hidden*3 >= digits {
			head, tail = k[0], k[1]
			break
		}
	}
	seen := 0
	for i := from; i < len(out); i++ {
		if !isDigit(out[i]) && out[i] != Star {
			continue
		}
		if seen >= head && seen < digits-tail {
			out[i] = Star
		}
		seen++
	}
	return string(out)
}

func indexRune(r []rune, c rune) int {
	for i, x := range r {
		if x == c {
			return i
		}
	}
	return -1
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }
