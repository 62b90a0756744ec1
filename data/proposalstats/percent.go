package proposalstats

import (
	"fmt"
	"slices"
)

// Percent is a share kept as the two counts it is made of, so that it can
// be printed exactly the way a report prints it and checked against the
// counts next to it.
//
// It prints with one decimal and a percent sign, always: 54.2%, 12.5%,
// 100.0% (reports sometimes write "100%" or "96%"; we keep one decimal so
// that columns line up and a reader can tell 99.96% from 100%). The value
// is rounded half up in integer arithmetic, never through a float: 1/8 is
// 12.5% exactly, 5/16 = 31.25% prints 31.3%, 2/3 prints 66.7%. A zero
// denominator prints "—" (nothing to divide by), never NaN or 0.0%.
type Percent struct {
	Num, Den int
}

// Of is the share num/den.
func Of(num, den int) Percent { return Percent{Num: num, Den: den} }

// Valid reports whether the share has a denominator.
func (p Percent) Valid() bool { return p.Den != 0 }

// Tenths is the share in tenths of a percent, rounded half away from zero
// (half up for the non-negative counts statistics deal in): 1/8 → 125,
// 2/3 → 667. ok is false when the denominator is 0.
func (p Percent) Tenths() (tenths int, ok bool) {
	if p.Den == 0 {
		return 0, false
	}
	num, den := int64(p.Num), int64(p.Den)
	if den < 0 {
		num, den = -num, -den
	}
	neg := num < 0
	if neg {
		num = -num
	}
	// round(1000·num/den) = floor((2000·num + den) / (2·den)) for num ≥ 0.
	t := int((2000*num + den) / (2 * den))
	if neg {
		t = -t
	}
	return t, true
}

// Value is the printed share as a fraction (0.542 for "54.2%"), for a
// spreadsheet cell formatted 0.0%; ok is false when the denominator is 0.
func (p Percent) Value() (v float64, ok bool) {
	t, ok := p.Tenths()
	return float64(t) / 1000, ok
}

// String prints the share as reports do: "54.2%", "100.0%", or "—" when
// there is nothing to divide by.
func (p Percent) String() string {
	t, ok := p.Tenths()
	if !ok {
		return "—"
	}
	return formatTenths(t)
}

func formatTenths(t int) string {
	sign := ""
	if t < 0 {
		sign, t = "-", -t
	}
	return fmt.Sprintf("%s%d.%d%%", sign, t/10, t%10)
}

// Row is one line of a share table: a label, its count and its share of
// the table's total.
type Row struct {
	Label string
	N     int
	Share Percent
}

// Table is a breakdown of one total into rows (by 类别, by result class,
// by proposer type, …). Each share is rounded on its own, as reports print
// them, so the printed shares may add up to 99.9% or 100.1%; SumNote says
// so rather than any share being nudged to force 100.0%.
type Table struct {
	Total int // the denominator of every share
	Rows  []Row
}

// Row returns the row with the given label.
func (t Table) Row(label string) (Row, bool) {
	i := slices.IndexFunc(t.Rows, func(r Row) bool { return r.Label == label })
	if i < 0 {
		return Row{}, false
	}
	return t.Rows[i], true
}

// N is the count of the row with the given label, 0 when there is none.
func (t Table) N(label string) int {
	r, _ := t.Row(label)
	return r.N
}

// PrintedSum is the sum of the shares as printed, in tenths of a percent
// (1000 = 100.0%); ok is false when the total is 0.
func (t Table) PrintedSum() (tenths int, ok bool) {
	if t.Total == 0 {
		return 0, false
	}
	for _, r := range t.Rows {
		v, _ := r.Share.Tenths()
		tenths += v
	}
	return tenths, true
}

// SumNote is the sentence to print under the table when its printed shares
// do not add up to 100.0%, e.g. "因四舍五入，各项占比合计为 99.9%"; it is ""
// when they do, or when the total is 0. Should the rows not cover the whole
// total (a table built by hand), the note gives the sum without blaming
// rounding.
func (t Table) SumNote() string {
	sum, ok := t.PrintedSum()
	if !ok || sum == 1000 {
		return ""
	}
	n := 0
	for _, r := range t.Rows {
		n += r.N
	}
	if n != t.Total {
		return "各项占比合计为 " + formatTenths(sum)
	}
	return "因四舍五入，各项占比合计为 " + formatTenths(sum)
}
