package app

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// nameKey is a name prepared for search as you type: the readings of each
// character (all of them, for polyphonic characters such as 单 or 曾), and
// the full pinyin used to sort names the way a Chinese reader expects.
type nameKey struct {
	name     string     // as searched: lower case, no spaces
	readings [][]string // per character: lower-case pinyin readings without tones
	sortKey  string
}

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Fallback = func(r rune, _ pinyin.Args) []string { return []string{strings.ToLower(string(r))} }
	return a
}()

func newNameKey(name string) nameKey {
	k := nameKey{name: normQuery(name)}
	var sortKey strings.Builder
	for _, r := range name {
		rs := pinyin.SinglePinyin(r, pinyinArgs)
		if len(rs) == 0 {
			rs = []string{strings.ToLower(string(r))}
		}
		k.readings = append(k.readings, rs)
		sortKey.WriteString(rs[0])
		sortKey.WriteByte(' ')
	}
	k.sortKey = sortKey.String()
	return k
}

// matches reports whether a search text finds this name: a substring of the
// Chinese name, or pinyin typed from any character on — full syllables,
// initials, or a mix (zs, zhangsan, zhangs, san all find 张三).
func (k nameKey) matches(q string) bool {
	q = normQuery(q)
	if q == "" {
		return true
	}
	if strings.Contains(k.name, q) {
		return true
	}
	for _, r := range q {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return false
		}
	}
	for start := range k.readings {
		if k.matchFrom(start, q) {
			return true
		}
	}
	return false
}

// matchFrom consumes q character by character from name position i: each
// character takes a whole reading, or (only for the last one typed) a
// prefix of it, or its initial letter.
func (k nameKey) matchFrom(i int, q string) bool {
	if q == "" {
		return true
	}
	if i >= len(k.readings) {
		return false
	}
	for _, r := range k.readings[i] {
		if strings.HasPrefix(q, r) && k.matchFrom(i+1, q[len(r):]) {
			return true
		}
		if strings.HasPrefix(r, q) { // the rest of the query is the start of this syllable
			return true
		}
		if for2 := initials(r); strings.HasPrefix(q, for2) && k.matchFrom(i+1, q[len(for2):]) {
			return true
		}
		if q[0] == r[0] && k.matchFrom(i+1, q[1:]) {
			return true
		}
	}
	return false
}

// initials returns "zh", "ch" or "sh" for such syllables, else "".
func initials(r string) string {
	for _, p := range []string{"zh", "ch", "sh"} {
		if strings.HasPrefix(r, p) {
			return p
		}
	}
	return "\x00"
}

func normQuery(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), "")) }
