package proposalstats

import "testing"

func TestPercentString(t *testing.T) {
	tests := []struct {
		num, den int
		want     string
		tenths   int
	}{
		{1, 8, "12.5%", 125},     // 12.5 exactly, no rounding
		{2, 3, "66.7%", 667},     // 66.666… → 66.7
		{1, 6, "16.7%", 167},     // 16.666… → 16.7
		{5, 16, "31.3%", 313},    // 31.25 → half up → 31.3 (float rounding could give 31.2)
		{1, 16, "6.3%", 63},      // 6.25 → 6.3
		{3, 16, "18.8%", 188},    // 18.75 → 18.8
		{64, 118, "54.2%", 542},  // 洪湖 立案率: 54.237…
		{175, 187, "93.6%", 936}, // 日照: 93.582…
		{216, 271, "79.7%", 797}, // 商州: 79.704…
		{129, 134, "96.3%", 963}, // 绛县 prints "96%"; we keep one decimal
		{1, 1, "100.0%", 1000},
		{0, 5, "0.0%", 0},
		{1, 2000, "0.1%", 1},   // 0.05 → half up → 0.1
		{1, 2001, "0.0%", 0},   // 0.0499… → 0.0
		{3, 2, "150.0%", 1500}, // more than the whole is printed as it is
		{-1, 8, "-12.5%", -125},
	}
	for _, tt := range tests {
		p := Of(tt.num, tt.den)
		if got := p.String(); got != tt.want {
			t.Errorf("%d/%d = %q, want %q", tt.num, tt.den, got, tt.want)
		}
		if got, ok := p.Tenths(); !ok || got != tt.tenths {
			t.Errorf("%d/%d tenths = %d, %v; want %d", tt.num, tt.den, got, ok, tt.tenths)
		}
	}
}

func TestPercentZeroDenominator(t *testing.T) {
	p := Of(0, 0)
	if got := p.String(); got != "—" {
		t.Errorf("0/0 = %q, want —", got)
	}
	if p.Valid() {
		t.Error("0/0 is valid")
	}
	if _, ok := p.Tenths(); ok {
		t.Error("0/0 has tenths")
	}
	if v, ok := Of(5, 0).Value(); ok || v != 0 {
		t.Errorf("5/0 value = %v, %v", v, ok)
	}
}

func TestPercentValue(t *testing.T) {
	// The value is the printed share, so a 0.0% cell shows the same digits.
	if v, ok := Of(5, 16).Value(); !ok || v != 0.313 {
		t.Errorf("5/16 value = %v, %v; want 0.313", v, ok)
	}
}

func TestTableSumNote(t *testing.T) {
	row := func(label string, n, total int) Row { return Row{label, n, Of(n, total)} }
	tests := []struct {
		name string
		t    Table
		sum  int
		want string
	}{
		{
			// 33.3 + 33.3 + 33.3 = 99.9
			"thirds", Table{3, []Row{row("A", 1, 3), row("B", 1, 3), row("C", 1, 3)}},
			999, "因四舍五入，各项占比合计为 99.9%",
		},
		{
			// 16.7 + 16.7 + 66.7 = 100.1
			"sixths", Table{6, []Row{row("A", 1, 6), row("B", 1, 6), row("C", 4, 6)}},
			1001, "因四舍五入，各项占比合计为 100.1%",
		},
		{
			// 12.5 + 37.5 + 50.0 = 100.0
			"eighths", Table{8, []Row{row("A", 1, 8), row("B", 3, 8), row("C", 4, 8)}},
			1000, "",
		},
		{
			// rows cover 1 of 2: 50.0%, not a rounding matter
			"partial", Table{2, []Row{row("A", 1, 2)}},
			500, "各项占比合计为 50.0%",
		},
	}
	for _, tt := range tests {
		sum, ok := tt.t.PrintedSum()
		if !ok || sum != tt.sum {
			t.Errorf("%s: printed sum = %d, %v; want %d", tt.name, sum, ok, tt.sum)
		}
		if got := tt.t.SumNote(); got != tt.want {
			t.Errorf("%s: note = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := (Table{}).SumNote(); got != "" {
		t.Errorf("empty table note = %q", got)
	}
}
