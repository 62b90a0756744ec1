package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func unitRowIndex(l *unitList, name string) int {
	for i, r := range l.rows {
		if r.unit.Name == name {
			return i
		}
	}
	return -1
}

// unitValue is what the unit table shows for a unit under a column title.
func unitValue(t *testing.T, l *unitList, name, title string) string {
	t.Helper()
	if i := unitRowIndex(l, name); i >= 0 && l.table.column(title) != nil {
		return l.table.cell(i, title)
	}
	t.Fatalf("no row %q or column %q", name, title)
	return ""
}

func storedUnit(t *testing.T, u *UI, id int64) (data.Unit, bool) {
	t.Helper()
	all, err := u.store.ListUnits(u.ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range all {
		if x.ID == id {
			return x, true
		}
	}
	return data.Unit{}, false
}

func TestUnitsEmptyListOffersDefaults(t *testing.T) {
	u := testUI(t, true)
	w := &proposalWorld{t: t, u: u}
	l := u.proposals.units
	w.open(l)
	if len(l.rows) != 0 || l.defaultsButton.Hidden {
		t.Fatalf("empty list: %d rows, 添加常用单位 hidden=%v", len(l.rows), l.defaultsButton.Hidden)
	}
	test.Tap(l.defaultsButton)
	if len(l.rows) != len(data.DefaultUnits) || !l.defaultsButton.Hidden {
		t.Errorf("after 添加常用单位: %d rows, button hidden=%v", len(l.rows), l.defaultsButton.Hidden)
	}
}

func TestUnitsAddRenameAndDeleteRefusedWhenUsed(t *testing.T) {
	w := newProposalWorld(t)
	w.assigned("关于学校食堂管理的建议", "2026-09-10", "县教育局")
	l := w.u.proposals.units
	w.open(l)
	asked := answerYes(&l.confirm)

	test.Tap(l.addButton)
	f := l.form
	test.Type(f.nameEntry, "县教育局")
	test.Tap(f.saveButton)
	if l.form == nil || !strings.Contains(f.message.Text, "已存在") {
		t.Fatalf("duplicate name accepted or not explained: %q", f.message.Text)
	}
	f.nameEntry.SetText("县审计局")
	f.kindSelect.SetSelected("县直部门")
	test.Type(f.phoneEntry, "0317-7654321")
	test.Tap(f.saveButton)
	if l.form != nil {
		t.Fatalf("form still open: %q", f.message.Text)
	}
	x, ok := l.current()
	if !ok || x.Name != "县审计局" || x.Phone != "0317-7654321" {
		t.Fatalf("new unit not selected: %+v", x)
	}

	test.Tap(l.editButton)
	l.form.nameEntry.SetText("县审计局（县统计局）")
	test.Tap(l.form.saveButton)
	if got, _ := storedUnit(t, w.u, x.ID); got.Name != "县审计局（县统计局）" {
		t.Errorf("renamed unit stored as %q", got.Name)
	}

	// An unused unit goes at once.
	test.Tap(l.deleteButton)
	if _, ok := storedUnit(t, w.u, x.ID); ok {
		t.Error("unused unit not deleted")
	}

	// A unit holding a proposal is refused, and 停用 is offered instead.
	*asked = nil
	l.table.selectRow(unitRowIndex(l, "县教育局"))
	test.Tap(l.deleteButton)
	if len(*asked) != 2 || !strings.Contains((*asked)[1], "承办过 1 件提案，不能删除") || !strings.Contains((*asked)[1], "停用") {
		t.Fatalf("asked %q", *asked)
	}
	got, ok := storedUnit(t, w.u, w.units["县教育局"])
	if !ok || got.Active {
		t.Errorf("县教育局 deleted or still active after choosing 停用: %+v %v", got, ok)
	}
	if unitRowIndex(l, "县教育局") >= 0 {
		t.Error("the stopped unit is still listed while 显示已停用 is off")
	}
	test.Tap(l.showInactive)
	if i := unitRowIndex(l, "县教育局"); i < 0 || unitValue(t, l, "县教育局", "状态") != "停用" {
		t.Error("显示已停用 does not list the stopped unit as 停用")
	}
}

func TestUnitStatsAndHoldings(t *testing.T) {
	w := newProposalWorld(t)
	done := w.assigned("关于学校食堂管理的建议", "2026-05-10", "县教育局", "县财政局")
	w.step(done.ID, data.Step{Action: proposal.ActAnswer,
		Answer: data.Answer{UnitID: w.units["县教育局"], Date: "2026-07-01", Class: "A", DocNo: "教函〔2026〕8号"}})
	w.step(done.ID, data.Step{Action: proposal.ActRate, Date: "2026-07-20", Rating: data.Rating{Seq: 1, Verdict: proposal.RatingSatisfied}})
	late := w.assigned("关于校车安全的建议", "2026-07-15", "县教育局") // due 2026-10-15, unanswered
	l := w.u.proposals.units
	w.open(l)

	for title, want := range map[string]string{"主办": "2", "会办": "0", "已答复": "1/2", "超期": "1", "A类": "1", "B类": "0", "满意率": "100.0%"} {
		if got := unitValue(t, l, "县教育局", title); got != want {
			t.Errorf("县教育局 %s = %q, want %q", title, got, want)
		}
	}
	if got := unitValue(t, l, "县财政局", "会办"); got != "1" {
		t.Errorf("县财政局 会办 = %q", got)
	}
	l.table.selectRow(unitRowIndex(l, "县教育局"))
	if !strings.Contains(l.holdHead.Text, "县教育局承办的提案") || !strings.Contains(l.holdHead.Text, "2 件") {
		t.Errorf("holdings heading %q", l.holdHead.Text)
	}
	var ids []int64
	for _, h := range l.held {
		ids = append(ids, h.p.ID)
		if h.role != proposal.RoleLead {
			t.Errorf("role %q", h.role)
		}
	}
	if !slices.Equal(ids, []int64{done.ID, late.ID}) {
		t.Errorf("holdings %v", ids)
	}
	if h := l.held[1]; !h.due || daysLeftText(h.left) != "超期 38 天" {
		t.Errorf("overdue holding shows due=%v %q", h.due, daysLeftText(h.left))
	}

	// 会办 sorts the units that hold most first; the selection stays.
	win := test.NewWindow(l.obj)
	defer win.Close()
	win.Resize(fyne.NewSize(1400, 700))
	tapHeader(t, l.table.table, "会办")
	if l.rows[0].unit.Name != "县财政局" || !slices.Contains(headerTexts(l.table.table), "会办 ▼") {
		t.Errorf("by 会办 first %q, headers %q", l.rows[0].unit.Name, headerTexts(l.table.table))
	}
	if x, ok := l.current(); !ok || x.Name != "县教育局" || !strings.Contains(l.holdHead.Text, "县教育局") {
		t.Errorf("after sorting the selection is %q, holdings %q", x.Name, l.holdHead.Text)
	}
}

func TestUnitSheetExportForChosenSession(t *testing.T) {
	w := newProposalWorld(t)
	w.assigned("关于校车安全的建议", "2026-07-15", "县教育局", "县财政局")
	l := w.u.proposals.units
	w.open(l)
	l.scopeSelect.SetSelected("第一次会议")
	out := filepath.Join(t.TempDir(), "units.xlsx")
	w.u.saveFile = func(_, name string, cb func(string)) {
		if !strings.Contains(name, "第一次会议") || !strings.HasSuffix(name, "承办单位办理情况统计表.xlsx") {
			t.Errorf("suggested name %q", name)
		}
		cb(out)
	}
	test.Tap(l.exportButton)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, r := range rows {
		found = found || slices.Contains(r, "县教育局")
	}
	if !found {
		t.Errorf("sheet has no line for 县教育局: %q", rows)
	}
}
