package cli

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestExportRosterMasksIDNumbersUnlessFullID: the roster leaves the office
// with the middle of every 身份证号 and phone hidden unless --full-id asks.
func TestExportRosterMasksIDNumbersUnlessFullID(t *testing.T) {
	skipDemoWhenShort(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	if code, out, errOut := run(t, "--db", db, "demo"); code != ExitOK {
		t.Fatalf("demo: %d %s %s", code, out, errOut)
	}
	fullID := regexp.MustCompile(`^\d{17}[\dX]$`)
	maskedID := regexp.MustCompile(`^\d{4}\*{10}[\dX]{4}$`)
	for _, c := range []struct {
		args []string
		want *regexp.Regexp
	}{{nil, maskedID}, {[]string{"--full-id"}, fullID}} {
		sheet := filepath.Join(dir, strings.Join(c.args, "")+"名册.xlsx")
		code, _, errOut := run(t, append([]string{"--db", db, "export", "roster", sheet, "--full"}, c.args...)...)
		if code != ExitOK || strings.Contains(errOut, "注意") != (c.args != nil) {
			t.Fatalf("export %v: %d %q", c.args, code, errOut)
		}
		f, err := excelize.OpenFile(sheet)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("委员名册")
		f.Close()
		col := -1
		for i, h := range rows[2] {
			if h == "身份证号" {
				col = i
			}
		}
		ids := 0
		for _, r := range rows[3:] {
			if col < len(r) && r[col] != "" {
				ids++
				if !c.want.MatchString(r[col]) {
					t.Fatalf("export %v: 身份证号 %q", c.args, r[col])
				}
			}
		}
		if ids < 100 {
			t.Fatalf("export %v: only %d ID numbers", c.args, ids)
		}
	}
	// The masked sheet does not import back, and says why.
	other := filepath.Join(dir, "b.db")
	if code, out, errOut := run(t, "--db", other, "init", "--name", "政协清河县委员会", "--term", "11", "--start", "2021"); code != ExitOK {
		t.Fatalf("init: %d %s %s", code, out, errOut)
	}
	code, out, errOut := run(t, "--db", other, "import", "roster", filepath.Join(dir, "名册.xlsx"), "--yes")
	if code != ExitIssues || !strings.Contains(out+errOut, "已隐去") {
		t.Fatalf("import of the masked roster: %d %.300s %.300s", code, out, errOut)
	}
}
