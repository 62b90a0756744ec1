package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// writeAttendance writes a one-row-per-participant register: a plenary
// with two members (one on leave) and a 调研 with one member and rows.
func writeAttendance(t *testing.T, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "活动登记")
	all := append([][]any{{"日期", "活动名称", "类型", "姓名", "界别", "出席情况"}}, rows...)
	for i, r := range all {
		if err := f.SetSheetRow("活动登记", fmt.Sprintf("A%d", i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "2026年活动登记.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func storedEvents(t *testing.T, u *UI) []data.ActivitySummary {
	t.Helper()
	list, err := u.store.ListActivities(u.ctx, data.ActivityFilter{TermID: u.term.ID, Kind: data.ActEvent})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// skipWithoutEventStore skips while the 履职 store is still the contract
// stub. TEMPORARY: removed once data/activity_store.go lands.
func skipWithoutEventStore(t testing.TB, s *data.Store) {
	t.Helper()
}

func TestEventImportAsksForAnExcelFile(t *testing.T) {
	u := testUI(t, true)
	var exts []string
	u.openFile = func(_ string, e []string, _ func(string)) { exts = e }
	u.showEventImport(u.term.ID, nil)
	if len(exts) != 1 || exts[0] != ".xlsx" {
		t.Errorf("file dialog for %v", exts)
	}
}

func TestEventImportPreviewThenImport(t *testing.T) {
	u := testUI(t, true)
	skipWithoutEventStore(t, u.store)
	addMember(t, u, "张明", "男", "经济界", "中共")
	addMember(t, u, "李红", "女", "教育界", "民盟")
	path := writeAttendance(t,
		[]any{"2026年3月5日", "政协清河县第十一届委员会第五次会议", "", "张明", "", "√"},
		[]any{"2026年3月5日", "政协清河县第十一届委员会第五次会议", "", "李红", "", "请假"},
		[]any{"2026-04-10", "乡村振兴专题调研", "调研", "李红", "", "出席"},
		[]any{"2026-04-10", "乡村振兴专题调研", "调研", "王五", "", "出席"},
	)
	done := 0
	ei := u.previewEventImport(u.term.ID, path, func() { done++ })
	if ei == nil || ei.p == nil {
		t.Fatal("no preview")
	}
	// 王五 is not on the roster: a problem until names off the roster are kept.
	if !ei.confirm.Disabled() || ei.issues.Hidden || !strings.Contains(ei.summary.Text, "1 处问题") {
		t.Fatalf("summary %q, confirm disabled %v", ei.summary.Text, ei.confirm.Disabled())
	}
	if is := ei.p.Issues[0]; is.Row != 5 || is.Field != data.EvColName || !strings.Contains(is.Msg, "王五") {
		t.Errorf("issue %+v", is)
	}
	list := filepath.Join(t.TempDir(), "问题.xlsx")
	u.saveFile = func(_, name string, cb func(string)) {
		if name != "2026年活动登记（导入问题清单）.xlsx" {
			t.Errorf("suggested name %q", name)
		}
		cb(list)
	}
	test.Tap(ei.issues)
	if f, err := excelize.OpenFile(list); err != nil {
		t.Errorf("problem list not written: %v", err)
	} else {
		f.Close()
	}

	test.Tap(ei.keepCheck)
	if ei.confirm.Disabled() || !strings.Contains(ei.summary.Text, "新增 2 个活动（4 人次）") {
		t.Fatalf("with names kept: summary %q, confirm disabled %v", ei.summary.Text, ei.confirm.Disabled())
	}
	events := ei.p.Plan.Events
	want := [][]string{
		{"2026-03-05", "全体会议", "政协清河县第十一届委员会第五次会议", "2", "1", "1", "0", "新增"},
		{"2026-04-10", "调研", "乡村振兴专题调研", "2", "2", "0", "0", "新增"},
	}
	cols := eventColumns()
	for r, row := range want {
		for c, w := range row {
			if got := cols[c].cellText(r, events[r]); got != w {
				t.Errorf("row %d %s = %q, want %q", r, cols[c].title, got, w)
			}
		}
	}
	if n := len(storedEvents(t, u)); n != 0 {
		t.Fatalf("preview wrote %d events", n)
	}
	test.Tap(ei.confirm)
	if n := len(storedEvents(t, u)); n != 2 || done != 1 {
		t.Fatalf("after 导入: %d events stored, done called %d times", n, done)
	}

	// The same file again: everything is skipped and 导入 stays disabled.
	again := u.previewEventImport(u.term.ID, path, nil)
	test.Tap(again.keepCheck)
	if !again.confirm.Disabled() || !strings.Contains(again.summary.Text, "跳过已导入的 2 个") {
		t.Errorf("re-import: summary %q, confirm disabled %v", again.summary.Text, again.confirm.Disabled())
	}
	if got := readOnlyTable(eventColumns(), again.p.Plan.Events).cell(0, "操作"); !strings.Contains(got, "跳过") {
		t.Errorf("action %q", got)
	}
}
