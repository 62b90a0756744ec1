package sheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A 100,000-row roster is refused with a clear message instead of being
// read for minutes (it took 72 s to preview before the row limit), and the
// refusal comes after reading no more than the limit. A sheet at the limit
// still imports.
func TestHostileHugeRoster(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a 100,000-row workbook")
	}
	for _, tc := range []struct {
		rows    int
		refused bool
	}{{100_000, true}, {maxSheetRows - 1, false}} {
		c := newImportCounty(t)
		path := filepath.Join(t.TempDir(), "名册.xlsx")
		if err := os.WriteFile(path, manyRows(t, tc.rows), 0o644); err != nil {
			t.Fatal(err)
		}
		before := fingerprint(t, c.s.Path())
		start := time.Now()
		p, err := PreviewRosterFile(c.ctx, c.s, c.term.ID, path)
		t.Logf("%d rows: preview in %v", tc.rows, time.Since(start).Round(time.Millisecond))
		if !tc.refused {
			if err != nil || len(p.Issues) > 0 || len(p.Sheet.Rows) != tc.rows {
				t.Fatalf("%d rows: %v, %d issues, %d rows read", tc.rows, err, len(p.Issues), len(p.Sheet.Rows))
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "超过 10000 行") {
			t.Fatalf("%d rows: %v, want a refusal naming the limit", tc.rows, err)
		}
		if after := fingerprint(t, c.s.Path()); after != before {
			t.Errorf("refused roster changed the database")
		}
	}
}
