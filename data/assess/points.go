package assess

// Points is an exact score: a rational number, so that joint splits (a
// half, a third, a quarter) never lose precision. The zero value is 0.
//
// H1 (engine helper) owns this file: implement exactly, with overflow
// detection, and tests.
type Points struct {
	num, den int64 // den == 0 means den 1 (so the zero value is 0)
}

// Int returns n points.
func Int(n int64) Points { return Points{num: n, den: 1} }

// Frac returns num/den points (den != 0), reduced.
func Frac(num, den int64) Points { panic("TODO") }

// ParsePoints reads "10", "-2", "7.5", "0.25" or "10/3".
func ParsePoints(s string) (Points, error) { panic("TODO") }

func (p Points) Add(q Points) Points { panic("TODO") }
func (p Points) Sub(q Points) Points { panic("TODO") }
func (p Points) Mul(q Points) Points { panic("TODO") }
func (p Points) Div(n int64) Points  { panic("TODO") }
func (p Points) Cmp(q Points) int    { panic("TODO") }
func (p Points) Sign() int           { panic("TODO") }
func (p Points) IsZero() bool        { return p.num == 0 }
func (p Points) Neg() Points         { panic("TODO") }

// Exact is "10", "7.5" for terminating decimals, else "10/3".
func (p Points) Exact() string { panic("TODO") }

// Format prints with the given decimals, half away from zero: 10/3 → "3.33"
// (decimals 2); trailing zeros are dropped ("7.5", "10").
func (p Points) Format(decimals int) string { panic("TODO") }

// String is Format(2).
func (p Points) String() string { return p.Format(2) }

// Float is for charts only; never for sums.
func (p Points) Float() float64 { panic("TODO") }

// MarshalTOML/UnmarshalTOML (duck-typed for github.com/BurntSushi/toml, so
// this package needs no import): numbers as TOML numbers, non-terminating
// fractions as strings "10/3". MarshalJSON/UnmarshalJSON likewise.
