package assess

import (
	"fmt"
	"math"
	"math/big"
	"strings"
)

// Points is an exact score: a rational number, so that joint splits (a
// half, a third, a quarter) never lose precision. The zero value is 0.
//
// Values are kept reduced with a positive denominator, and a denominator
// of 1 is always stored as 0, so every number has exactly one
// representation: == and reflect.DeepEqual compare values. Arithmetic panics
// with an overflow value on int64 overflow, which Evaluate turns into an
// error wrapping ErrOverflow; realistic scores (hundreds of points,
// denominators up to a few dozen authors) never come near it, and Validate
// keeps a rule set's values within MaxPoints.
type Points struct {
	num, den int64 // den == 0 means den 1 (so the zero value is 0)
}

// overflow is the panic value of arithmetic that leaves int64; Evaluate
// recovers it (and only it) as an error wrapping ErrOverflow.
type overflow struct{ what string }

func (o overflow) Error() string { return "assess: Points overflow in " + o.what }

// Int returns n points.
func Int(n int64) Points {
	if n == math.MinInt64 {
		panic(overflow{"Int(MinInt64)"})
	}
	return Points{num: n}
}

// Frac returns num/den points (den != 0), reduced.
func Frac(num, den int64) Points {
	if den == 0 {
		panic("assess: Points with denominator 0")
	}
	return norm(num, den)
}

// norm reduces num/den and moves the sign to the numerator.
func norm(num, den int64) Points {
	if num == math.MinInt64 || den == math.MinInt64 {
		panic(overflow{fmt.Sprintf("%d/%d", num, den)})
	}
	if den < 0 {
		num, den = -num, -den
	}
	if num == 0 {
		return Points{}
	}
	g := gcd(abs64(num), den)
	if den/g == 1 {
		return Points{num: num / g}
	}
	return Points{num: num / g, den: den / g}
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs64(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// mulOK multiplies with overflow detection (MinInt64 counts as overflow,
// so negation is always safe).
func mulOK(a, b int64) (int64, bool) {
	if a == 0 || b == 0 {
		return 0, true
	}
	c := a * b
	if c/b != a || c == math.MinInt64 || (a == -1 && b == math.MinInt64) || (b == -1 && a == math.MinInt64) {
		return 0, false
	}
	return c, true
}

func addOK(a, b int64) (int64, bool) {
	c := a + b
	if (c > a) != (b > 0) || c == math.MinInt64 {
		return 0, false
	}
	return c, true
}

func mustMul(a, b int64) int64 {
	c, ok := mulOK(a, b)
	if !ok {
		panic(overflow{fmt.Sprintf("%d × %d", a, b)})
	}
	return c
}

func mustAdd(a, b int64) int64 {
	c, ok := addOK(a, b)
	if !ok {
		panic(overflow{fmt.Sprintf("%d + %d", a, b)})
	}
	return c
}

// d is the denominator with the zero value's 0 read as 1.
func (p Points) d() int64 {
	if p.den == 0 {
		return 1
	}
	return p.den
}

func (p Points) Add(q Points) Points {
	pd, qd := p.d(), q.d()
	if pd == qd {
		return norm(mustAdd(p.num, q.num), pd)
	}
	g := gcd(pd, qd)
	num := mustAdd(mustMul(p.num, qd/g), mustMul(q.num, pd/g))
	return norm(num, mustMul(pd/g, qd))
}

func (p Points) Sub(q Points) Points { return p.Add(q.Neg()) }

func (p Points) Mul(q Points) Points {
	if p.num == 0 || q.num == 0 {
		return Points{}
	}
	g1 := gcd(abs64(p.num), q.d())
	g2 := gcd(abs64(q.num), p.d())
	return norm(mustMul(p.num/g1, q.num/g2), mustMul(p.d()/g2, q.d()/g1))
}

// Div divides by n (n != 0).
func (p Points) Div(n int64) Points {
	if n == 0 {
		panic("assess: Points divided by 0")
	}
	return p.Mul(Frac(1, n))
}

// Cmp returns -1, 0 or +1 as p is less than, equal to or greater than q.
func (p Points) Cmp(q Points) int {
	a, ok1 := mulOK(p.num, q.d())
	b, ok2 := mulOK(q.num, p.d())
	if ok1 && ok2 {
		switch {
		case a < b:
			return -1
		case a > b:
			return 1
		}
		return 0
	}
	return p.rat().Cmp(q.rat())
}

func (p Points) Sign() int {
	switch {
	case p.num < 0:
		return -1
	case p.num > 0:
		return 1
	}
	return 0
}

func (p Points) IsZero() bool { return p.num == 0 }

func (p Points) Neg() Points { return Points{num: -p.num, den: p.den} }

// Abs is |p|.
func (p Points) Abs() Points {
	if p.num < 0 {
		return p.Neg()
	}
	return p
}

// Min and Max return the smaller or larger of p and q.
func (p Points) Min(q Points) Points {
	if q.Cmp(p) < 0 {
		return q
	}
	return p
}

func (p Points) Max(q Points) Points {
	if q.Cmp(p) > 0 {
		return q
	}
	return p
}

func (p Points) rat() *big.Rat { return big.NewRat(p.num, p.d()) }

// decimalPlaces says how many decimals print p exactly, or -1 when its
// decimal expansion does not terminate.
func (p Points) decimalPlaces() int {
	d := p.d()
	twos, fives := 0, 0
	for d%2 == 0 {
		d /= 2
		twos++
	}
	for d%5 == 0 {
		d /= 5
		fives++
	}
	if d != 1 {
		return -1
	}
	return max(twos, fives)
}

// Exact is "10", "7.5" for terminating decimals, else "10/3".
func (p Points) Exact() string {
	k := p.decimalPlaces()
	if k < 0 {
		return fmt.Sprintf("%d/%d", p.num, p.d())
	}
	return trimZeros(p.rat().FloatString(k))
}

// Format prints with the given decimals, half away from zero: 10/3 → "3.33"
// (decimals 2); trailing zeros are dropped ("7.5", "10").
func (p Points) Format(decimals int) string {
	if decimals < 0 {
		decimals = 0
	}
	return trimZeros(p.rat().FloatString(decimals))
}

// trimZeros drops a fraction's trailing zeros and a "-" left on zero.
func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// String is Format(2).
func (p Points) String() string { return p.Format(2) }

// Float is for charts only; never for sums.
func (p Points) Float() float64 { return float64(p.num) / float64(p.d()) }
