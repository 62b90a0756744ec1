package sheet

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// A session of another term is refused, and nothing is written.
func TestProposalFilesRefuseASessionOfAnotherTerm(t *testing.T) {
	s, eleventh := datatest.County(t)
	ctx := context.Background()
	twelfth, err := s.CreateTerm(ctx, data.Term{Number: 12, StartYear: 2026, EndYear: 2031})
	if err != nil {
		t.Fatal(err)
	}
	other := data.Session{TermID: twelfth.ID, Number: 1}
	if err := s.SaveSession(ctx, &other); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := LedgerFile(ctx, s, path, eleventh.ID, other.ID); err == nil || !strings.Contains(err.Error(), "不属于第十一届") {
		t.Errorf("ledger: %v", err)
	}
	if err := UnitSheetFile(ctx, s, path, eleventh.ID, other.ID, ""); err == nil || !strings.Contains(err.Error(), "不属于第十一届") {
		t.Errorf("unit sheet: %v", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a refused export left a file: %v", err)
	}
}

// An empty term still gives a sheet with its title, header and a 合计 row;
// the 统计日期 is the day asked for.
func TestUnitSheetFileOfAnEmptyTerm(t *testing.T) {
	s, term := datatest.County(t)
	path := filepath.Join(t.TempDir(), "承办单位.xlsx")
	if err := UnitSheetFile(context.Background(), s, path, term.ID, 0, "2026-12-31"); err != nil {
		t.Fatal(err)
	}
	_, rows := openFile(t, path, unitSheet)
	if rows[0][0] != "政协清河县第十一届委员会提案承办单位办理情况统计表" || rows[1][0] != "统计日期：2026年12月31日" || rows[3][0] != "合计" {
		t.Errorf("rows %v", rows[:4])
	}
	if err := UnitSheetFile(context.Background(), s, path, term.ID, 0, "2026-13-01"); err == nil || !strings.Contains(err.Error(), "统计日期") {
		t.Errorf("bad date: %v", err)
	}
}
