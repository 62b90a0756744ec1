package assess

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// ParsePoints reads "10", "-2", "+3", "7.5", "0.25", ".5" or "10/3"
// (surrounding spaces ignored). Errors are Chinese sentences naming the
// text.
func ParsePoints(s string) (Points, error) {
	t := strings.TrimSpace(s)
	var p Points
	why := ""
	if numS, denS, ok := strings.Cut(t, "/"); ok {
		p, why = parseFraction(strings.TrimSpace(numS), strings.TrimSpace(denS))
	} else {
		p, why = parseDecimal(t)
	}
	switch why {
	case "":
		return p, nil
	case "?":
		return Points{}, fmt.Errorf("“%s”不是有效的分值", shortText(s))
	}
	return Points{}, fmt.Errorf("“%s”不是有效的分值：%s", shortText(s), why)
}

// shortText keeps a message readable when the text is very long (a TOML
// float such as 1e300 arrives here as 301 digits).
func shortText(s string) string {
	if r := []rune(s); len(r) > 24 {
		return string(r[:20]) + "…"
	}
	return s
}

// parseFraction reads "10/3"; why is "" when fine, "?" when simply not a
// number, else the reason.
func parseFraction(numS, denS string) (Points, string) {
	num, okN := parseInt(numS, true)
	den, okD := parseInt(denS, false)
	switch {
	case !okN || !okD:
		return Points{}, "?"
	case den == 0:
		return Points{}, "分母不能为0"
	}
	return norm(num, den), ""
}

// parseDecimal reads "-7.5", "+3", ".25" (why as for parseFraction).
func parseDecimal(t string) (Points, string) {
	neg := strings.HasPrefix(t, "-")
	if neg || strings.HasPrefix(t, "+") {
		t = t[1:]
	}
	intS, fracS, _ := strings.Cut(t, ".")
	if intS == "" && fracS == "" || !digits(intS) || !digits(fracS) {
		return Points{}, "?"
	}
	num, den := int64(0), int64(1)
	for _, c := range intS + fracS {
		var ok1, ok2 bool
		num, ok1 = mulOK(num, 10)
		num, ok2 = addOK(num, int64(c-'0'))
		if !ok1 || !ok2 {
			return Points{}, "数值太大"
		}
	}
	for range fracS {
		var ok bool
		if den, ok = mulOK(den, 10); !ok {
			return Points{}, "小数位太多"
		}
	}
	if neg {
		num = -num
	}
	return norm(num, den), ""
}

// digits reports whether s is only ASCII digits ("" counts).
func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// parseInt reads a plain integer; a sign only where signed.
func parseInt(s string, signed bool) (int64, bool) {
	body := s
	if signed && (strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+")) {
		body = s[1:]
	}
	if body == "" || !digits(body) {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n == -1<<63 {
		return 0, false
	}
	return n, true
}

// literal is p as a TOML/JSON value: a number when it has an exact decimal
// form, else the quoted string "10/3".
func (p Points) literal() []byte {
	if p.decimalPlaces() < 0 {
		return []byte(strconv.Quote(p.Exact()))
	}
	return []byte(p.Exact())
}

// MarshalTOML writes a TOML number ("7.5") or, for fractions without a
// decimal form, the string "10/3" (github.com/BurntSushi/toml Marshaler).
func (p Points) MarshalTOML() ([]byte, error) { return p.literal(), nil }

// UnmarshalTOML reads what github.com/BurntSushi/toml decoded: an integer,
// a float or a string ("10/3").
func (p *Points) UnmarshalTOML(v any) error {
	var s string
	switch v := v.(type) {
	case int64:
		s = strconv.FormatInt(v, 10) // ParsePoints refuses what Int cannot hold
	case int:
		s = strconv.Itoa(v)
	case float64:
		if math.Abs(v) > 1e15 || math.IsNaN(v) {
			return fmt.Errorf("“%g”不是有效的分值：数值太大", v)
		}
		s = strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		s = v
	default:
		return fmt.Errorf("“%v”不是有效的分值", v)
	}
	q, err := ParsePoints(s)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalJSON writes a JSON number, or a string for "10/3".
func (p Points) MarshalJSON() ([]byte, error) { return p.literal(), nil }

// UnmarshalJSON reads a number (also 1e2) or a string; null leaves p as
// it is.
func (p *Points) UnmarshalJSON(b []byte) error {
	t := strings.TrimSpace(string(b))
	if t == "null" {
		return nil
	}
	if strings.HasPrefix(t, `"`) {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		q, err := ParsePoints(s)
		if err != nil {
			return err
		}
		*p = q
		return nil
	}
	q, err := ParsePoints(t)
	if err != nil {
		f, ferr := strconv.ParseFloat(t, 64)
		if ferr != nil {
			return err
		}
		if q, err = ParsePoints(strconv.FormatFloat(f, 'f', -1, 64)); err != nil {
			return err
		}
	}
	*p = q
	return nil
}
