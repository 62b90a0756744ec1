package data

import "strings"

// ParseTermNumber reads a 届次 the way staff type it: 11, １１, 十一,
// 第十一届, 第11届. It reports false for anything else; whether the number
// is in range is for validateTermYears to say.
func ParseTermNumber(v string) (int, bool) {
	s := squash(v)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "第"), "届")
	if digitsOnly.MatchString(s) {
		n := atoiMax(s)
		return n, n > 0
	}
	return chineseNumberValue(s)
}
