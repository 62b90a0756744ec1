package backup

import (
	"testing"
	"time"
)

func day(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, time.UTC) }

func TestFileNameRoundTrip(t *testing.T) {
	at := time.Date(2026, 12, 2, 1, 33, 6, 0, time.UTC)
	name := FileName(at, Restore)
	if name != "zhengxie-20261202-013306-restore.db" {
		t.Fatalf("name = %q", name)
	}
	got, k, ok := ParseName(name, time.UTC)
	if !ok || !got.Equal(at) || k != Restore {
		t.Fatalf("ParseName = %v %v %v", got, k, ok)
	}
}

func TestParseNameRefusesOtherFiles(t *testing.T) {
	for _, name := range []string{
		"zhengxie.db", "zhengxie-20261202-013306.db", "zhengxie-20261202-013306-auto.db-wal",
		"zhengxie-20261302-013306-auto.db", "zhengxie-20261202-013306-other.db", "x-20261202-013306-auto.db",
		"zhengxie-2026120-0133066-auto.db", "zhengxie-20261202-013306-auto.db.age", "",
	} {
		if _, _, ok := ParseName(name, time.UTC); ok {
			t.Errorf("ParseName(%q) accepted", name)
		}
	}
}

func FuzzParseName(f *testing.F) {
	f.Add("zhengxie-20261202-013306-auto.db")
	f.Add("zhengxie-20261202-013306-manual.db")
	f.Add("zhengxie--.db")
	f.Fuzz(func(t *testing.T, name string) {
		at, k, ok := ParseName(name, time.UTC)
		if ok && FileName(at, k) != name {
			t.Fatalf("%q parsed to %v %v, which names %q", name, at, k, FileName(at, k))
		}
	})
}

func TestKeep(t *testing.T) {
	// Two auto backups a day (morning start, evening exit) for 400 days.
	var items []Item
	start := day(2025, 10, 28, 0)
	for d := 0; d < 400; d++ {
		items = append(items, Item{start.AddDate(0, 0, d).Add(8 * time.Hour), Auto},
			Item{start.AddDate(0, 0, d).Add(18 * time.Hour), Auto})
	}
	keep := Keep(items, DefaultPolicy)
	var kept []time.Time
	for i, k := range keep {
		if k {
			kept = append(kept, items[i].Time)
		}
	}
	// 7 daily (evening ones of the last 7 days); 4 weekly of which the newest
	// is the newest daily; 12 monthly of which the newest is the same file.
	if len(kept) > 7+4+12 || len(kept) < 18 {
		t.Fatalf("kept %d backups: %v", len(kept), kept)
	}
	newest := items[len(items)-1].Time
	if !keep[len(items)-1] {
		t.Fatal("newest backup not kept")
	}
	for _, k := range kept {
		if k.Hour() != 18 {
			t.Errorf("kept %v, an older backup of a day that has a newer one", k)
		}
		if newest.Sub(k) > 366*24*time.Hour {
			t.Errorf("kept %v, more than 12 months old", k)
		}
	}
	for d := 0; d < 7; d++ {
		want := newest.AddDate(0, 0, -d)
		found := false
		for _, k := range kept {
			found = found || k.Equal(want)
		}
		if !found {
			t.Errorf("daily backup of %v not kept", want)
		}
	}
}

func TestKeepTable(t *testing.T) {
	p := Policy{Daily: 2, Weekly: 1, Monthly: 2, Manual: 1}
	cases := []struct {
		name  string
		items []Item
		want  []bool
	}{
		{"empty", nil, []bool{}},
		{"one auto is always kept", []Item{{day(2026, 1, 1, 0), Auto}}, []bool{true}},
		{"newest of each day", []Item{
			{day(2026, 1, 5, 8), Auto}, {day(2026, 1, 5, 18), Auto}, {day(2026, 1, 4, 18), Auto}, {day(2026, 1, 3, 18), Auto},
		}, []bool{false, true, true, false}},
		{"months reach back further than days", []Item{
			{day(2026, 3, 10, 0), Auto}, {day(2026, 3, 9, 0), Auto}, {day(2026, 3, 8, 0), Auto},
			{day(2026, 2, 20, 0), Auto}, {day(2026, 1, 20, 0), Auto},
		}, []bool{true, true, false, true, false}},
		{"manual kept by number, not counted as days", []Item{
			{day(2026, 1, 5, 0), Manual}, {day(2026, 1, 6, 0), Restore}, {day(2026, 1, 1, 0), Auto},
		}, []bool{false, true, true}},
		{"order of input does not matter", []Item{
			{day(2026, 1, 3, 18), Auto}, {day(2026, 1, 5, 18), Auto}, {day(2026, 1, 4, 18), Auto},
		}, []bool{false, true, true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Keep(c.items, p)
			if len(got) != len(c.want) {
				t.Fatalf("got %v", got)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := DefaultPolicy.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, p := range []Policy{{Daily: -1, Weekly: 1, Manual: 1}, {Manual: 1}, {Daily: 1, Manual: 5000}, {Daily: 1}} {
		if err := p.Validate(); err == nil {
			t.Errorf("%+v accepted", p)
		}
	}
}
