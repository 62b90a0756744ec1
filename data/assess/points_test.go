package assess

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
)

func mustParse(t testing.TB, s string) Points {
	t.Helper()
	p, err := ParsePoints(s)
	if err != nil {
		t.Fatalf("ParsePoints(%q): %v", s, err)
	}
	return p
}

func TestParsePoints(t *testing.T) {
	tests := []struct {
		in, exact string
	}{
		{"10", "10"},
		{"-2", "-2"},
		{"+3", "3"},
		{"7.5", "7.5"},
		{"0.25", "0.25"},
		{".5", "0.5"},
		{"5.", "5"},
		{"7.50", "7.5"},
		{" 10/3 ", "10/3"},
		{"20/6", "10/3"},
		{"-10/4", "-2.5"},
		{"1/8", "0.125"},
		{"0", "0"},
		{"-0", "0"},
		{"0/5", "0"},
		{"2/3", "2/3"},
		{"-1/3", "-1/3"},
		{"100.0001", "100.0001"},
	}
	for _, tt := range tests {
		if got := mustParse(t, tt.in).Exact(); got != tt.exact {
			t.Errorf("ParsePoints(%q).Exact() = %q, want %q", tt.in, got, tt.exact)
		}
	}
}

func TestParsePointsErrors(t *testing.T) {
	for _, in := range []string{"", "abc", "1.2.3", "1/0", "10/-3", "--1", "1e3", "１０", "1/", "/3", ".", "-", "9999999999999999999", "3 分"} {
		_, err := ParsePoints(in)
		if err == nil {
			t.Errorf("ParsePoints(%q) accepted", in)
			continue
		}
		if !strings.Contains(err.Error(), "不是有效的分值") || !strings.Contains(err.Error(), "“"+in+"”") {
			t.Errorf("ParsePoints(%q) error %q does not name the text in Chinese", in, err)
		}
	}
	if _, err := ParsePoints("abc"); err.Error() != "“abc”不是有效的分值" {
		t.Errorf("error = %q", err)
	}
	if _, err := ParsePoints("1/0"); !strings.Contains(err.Error(), "分母不能为0") {
		t.Errorf("1/0 error = %q", err)
	}
}

func TestPointsArithmetic(t *testing.T) {
	third := Frac(1, 3)
	// 1/3 + 1/3 + 1/3 = 1 exactly (floats would not).
	if got := third.Add(third).Add(third); got.Cmp(Int(1)) != 0 || got.Exact() != "1" {
		t.Errorf("1/3 × 3 = %s", got.Exact())
	}
	if got := Int(10).Div(3); got.Exact() != "10/3" || got.Format(2) != "3.33" {
		t.Errorf("10/3: %s %s", got.Exact(), got.Format(2))
	}
	if got := Int(5).Sub(Frac(15, 2)); got.Exact() != "-2.5" {
		t.Errorf("5 - 7.5 = %s", got.Exact())
	}
	if got := Frac(2, 3).Mul(Frac(9, 4)); got.Exact() != "1.5" {
		t.Errorf("2/3 × 9/4 = %s", got.Exact())
	}
	if got := Frac(3, -6); got.Exact() != "-0.5" || got.Sign() != -1 {
		t.Errorf("3/-6 = %s", got.Exact())
	}
}

func TestPointsCompare(t *testing.T) {
	// One representation per value: == works, whatever the route.
	if Int(0) != (Points{}) || Frac(6, 3) != Int(2) || Frac(1, 2).Add(Frac(1, 2)) != Int(1) || mustParse(t, "-0") != (Points{}) || Int(3).Neg().Neg() != Int(3) {
		t.Errorf("equal values compare unequal with ==")
	}
	var zero Points
	if !zero.IsZero() || zero.Exact() != "0" || zero.Add(Int(2)).Exact() != "2" || zero.Cmp(Int(0)) != 0 {
		t.Errorf("zero value misbehaves")
	}
	if Int(3).Cmp(Frac(10, 3)) != -1 || Frac(10, 3).Cmp(Int(3)) != 1 || Frac(4, 2).Cmp(Int(2)) != 0 {
		t.Errorf("Cmp wrong")
	}
	if Frac(-7, 2).Abs().Exact() != "3.5" || Int(2).Max(Int(5)).Exact() != "5" || Int(2).Min(Int(5)).Exact() != "2" {
		t.Errorf("Abs/Min/Max wrong")
	}
	if f := Frac(1, 4).Float(); f != 0.25 {
		t.Errorf("Float = %v", f)
	}
	// Cmp falls back to big numbers instead of overflowing.
	big1 := Frac(math.MaxInt64-1, 3)
	big2 := Frac(math.MaxInt64-2, 3)
	if big1.Cmp(big2) != 1 || big2.Cmp(big1) != -1 {
		t.Errorf("Cmp near overflow wrong")
	}
}

func TestPointsFormat(t *testing.T) {
	tests := []struct {
		p    Points
		dec  int
		want string
	}{
		{Frac(10, 3), 2, "3.33"},
		{Frac(20, 3), 2, "6.67"},
		{Frac(-20, 3), 2, "-6.67"},
		{Frac(269, 3), 2, "89.67"},
		{Frac(15, 2), 2, "7.5"},
		{Int(10), 2, "10"},
		{Frac(1, 8), 2, "0.13"},   // 0.125: half away from zero
		{Frac(-1, 8), 2, "-0.13"}, // and for negatives
		{Frac(5, 2), 0, "3"},
		{Frac(-5, 2), 0, "-3"},
		{Frac(-1, 1000), 2, "0"}, // no "-0"
		{Frac(10, 3), 4, "3.3333"},
		{Frac(1, 3), -1, "0"},
	}
	for _, tt := range tests {
		if got := tt.p.Format(tt.dec); got != tt.want {
			t.Errorf("%s.Format(%d) = %q, want %q", tt.p.Exact(), tt.dec, got, tt.want)
		}
	}
	if s := Frac(10, 3).String(); s != "3.33" {
		t.Errorf("String = %q", s)
	}
}

func TestPointsOverflowPanics(t *testing.T) {
	cases := map[string]func(){
		"add": func() { Int(math.MaxInt64).Add(Int(1)) },
		"mul": func() { Int(math.MaxInt64 / 2).Mul(Int(3)) },
		"den": func() { Frac(1, math.MaxInt64).Add(Frac(1, math.MaxInt64-1)) },
		"div": func() { Int(1).Div(0) },
		"0":   func() { Frac(1, 0) },
	}
	for name, f := range cases {
		func() {
			defer func() {
				r := recover()
				if r == nil {
					t.Errorf("%s: no panic", name)
				} else if s := fmt.Sprint(r); !strings.HasPrefix(s, "assess: Points") {
					t.Errorf("%s: panic %v is not a clear message", name, r)
				}
			}()
			f()
		}()
	}
}

func TestPointsJSON(t *testing.T) {
	type doc struct {
		Cap   Points            `json:"cap"`
		Opt   *Points           `json:"opt,omitempty"`
		Split map[string]Points `json:"split"`
	}
	in := doc{Cap: Int(25), Opt: ptr(Frac(15, 2)), Split: map[string]Points{"a": Frac(10, 3), "b": Frac(-1, 4)}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"cap":25,"opt":7.5,"split":{"a":"10/3","b":-0.25}}`
	if string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Cap.Cmp(Int(25)) != 0 || out.Opt.Exact() != "7.5" || out.Split["a"].Exact() != "10/3" || out.Split["b"].Exact() != "-0.25" {
		t.Errorf("round trip = %+v", out)
	}
	var p Points
	if err := json.Unmarshal([]byte(`1e2`), &p); err != nil || p.Exact() != "100" {
		t.Errorf("1e2 → %s, %v", p.Exact(), err)
	}
	if err := json.Unmarshal([]byte(`"abc"`), &p); err == nil || !strings.Contains(err.Error(), "“abc”不是有效的分值") {
		t.Errorf("bad string error = %v", err)
	}
}

func TestPointsTOMLDuckTyping(t *testing.T) {
	// The toml package finds these through interfaces; check the exact
	// method sets it asserts (toml.Marshaler, toml.Unmarshaler).
	var _ interface{ MarshalTOML() ([]byte, error) } = Points{}
	var _ interface{ UnmarshalTOML(any) error } = (*Points)(nil)

	for _, tt := range []struct {
		p    Points
		want string
	}{{Int(10), "10"}, {Frac(15, 2), "7.5"}, {Frac(10, 3), `"10/3"`}, {Int(-2), "-2"}} {
		b, _ := tt.p.MarshalTOML()
		if string(b) != tt.want {
			t.Errorf("MarshalTOML(%s) = %s, want %s", tt.p.Exact(), b, tt.want)
		}
	}
	for _, tt := range []struct {
		v    any
		want string
	}{{int64(10), "10"}, {7.5, "7.5"}, {0.1, "0.1"}, {"10/3", "10/3"}, {"-2", "-2"}} {
		var p Points
		if err := p.UnmarshalTOML(tt.v); err != nil || p.Exact() != tt.want {
			t.Errorf("UnmarshalTOML(%v) = %s, %v", tt.v, p.Exact(), err)
		}
	}
	var p Points
	for _, v := range []any{"abc", true, math.NaN()} {
		if err := p.UnmarshalTOML(v); err == nil || !strings.Contains(err.Error(), "不是有效的分值") {
			t.Errorf("UnmarshalTOML(%v) error = %v", v, err)
		}
	}
}

func ptr(p Points) *Points { return &p }

func FuzzParsePoints(f *testing.F) {
	for _, s := range []string{"10", "-2", "7.5", "0.25", "10/3", "-20/6", ".5", "abc", "1/0", "99999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePoints(s)
		if err != nil {
			return
		}
		q, err := ParsePoints(p.Exact())
		if err != nil {
			t.Fatalf("%q → %q does not parse: %v", s, p.Exact(), err)
		}
		if q != p {
			t.Fatalf("%q → %q → %v, want %v", s, p.Exact(), q, p)
		}
		b, _ := p.MarshalJSON()
		var r Points
		if err := r.UnmarshalJSON(b); err != nil || r != p {
			t.Fatalf("JSON %s → %v, %v", b, r, err)
		}
	})
}
