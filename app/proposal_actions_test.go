package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

func TestAnswerAndRatingThroughDialogs(t *testing.T) {
	w := newListWorld(t)
	p := w.add(1, titleWater, "部分村组仍依靠山泉水和浅井供水。", "经济建设", 1, 2)
	w.do(p.ID, data.Step{Action: proposal.ActFile, Date: "2026-03-02"},
		data.Step{Action: proposal.ActAssign, Date: "2026-03-10", Mode: proposal.ModeLead,
			Units: []data.Assignment{{UnitID: w.units[0].ID, Role: proposal.RoleLead}, {UnitID: w.units[1].ID, Role: proposal.RoleCo}}})
	w.reload()
	w.selectRow(titleWater)
	d := w.l.detail

	test.Tap(d.actionButtons[proposal.ActAnswer])
	f := d.action
	if got := f.answer.unit.Options; !slices.Equal(got, []string{"县教育局（主办）", "县财政局（会办）"}) {
		t.Errorf("answering units %v, want only the assigned ones", got)
	}
	if f.answer.unit.Selected != "县教育局（主办）" || f.entries["联系人"].Text != "刘芳" {
		t.Errorf("default unit %q, contact %q", f.answer.unit.Selected, f.entries["联系人"].Text)
	}
	if got := f.answer.class.Options[1]; got != "B 所提问题正在解决或已列入计划逐步解决" {
		t.Errorf("class option %q does not carry the configured wording", got)
	}
	test.Tap(f.okBtn)
	if got := f.errorText("办理结果"); got == "" {
		t.Fatal("an answer without a class was accepted")
	}
	f.answer.class.SetSelected(f.answer.class.Options[1])
	test.Type(f.entries["答复文号"], "教函〔2026〕8号")
	f.entries["答复日期"].SetText("2026-05-20")
	test.Tap(f.okBtn)
	if d.action != nil {
		t.Fatalf("answer refused: %q", f.general.Text)
	}
	got := w.get(p.ID)
	if got.Status != proposal.Answered || got.Class != "B" || got.AnswerDate != "2026-05-20" {
		t.Errorf("stored %s class %q answered %s", got.Status, got.Class, got.AnswerDate)
	}
	if w.l.table.cell(0, "结果") != "B" || !strings.Contains(d.info.String(), "文号 教函〔2026〕8号") {
		t.Errorf("list shows class %q; detail:\n%s", w.l.table.cell(0, "结果"), d.info.String())
	}

	test.Tap(d.actionButtons[proposal.ActRate])
	f = d.action
	if f.rate.proposer.SelectedIndex() != 0 {
		t.Errorf("rating starts with proposer %d, want the first", f.rate.proposer.SelectedIndex())
	}
	f.rate.verdict.SetSelected(proposal.RatingUnsatisfied)
	test.Tap(f.okBtn)
	if d.action != nil {
		t.Fatalf("rating refused: %q", f.general.Text)
	}
	if got := w.l.table.cell(0, "满意度"); got != "不满意 1，未评 1" {
		t.Errorf("满意度 cell %q", got)
	}
	if d.actionButtons[proposal.ActRehandle] == nil {
		t.Error("再次办理 not offered after a 不满意")
	}
	if info := d.info.String(); !strings.Contains(info, "李红：第1次 不满意") || !strings.Contains(info, "王强：未评价") {
		t.Errorf("detail ratings:\n%s", info)
	}
}

func TestMergePicksMasterFromSameSession(t *testing.T) {
	w := newListWorld(t)
	parking, water, myopia := w.seed()
	w.selectRow(titleWater)
	d := w.l.detail
	test.Tap(d.actionButtons[proposal.ActMerge])
	m := d.action.merge
	for _, p := range m.candidates {
		if p.ID == water.ID || p.ID == myopia.ID || p.Title == titleOld {
			t.Errorf("offered %q as master (itself, 不予立案, or another session)", p.Title)
		}
	}
	test.Type(m.search, "停车")
	if len(m.shown) != 1 || m.shown[0].ID != parking.ID {
		t.Fatalf("search 停车 offers %v", m.shown)
	}
	m.list.Select(0)
	test.Tap(d.action.okBtn)
	if got := w.get(water.ID); got.Status != proposal.Merged || got.MergedInto != parking.ID {
		t.Errorf("stored %s into %d", got.Status, got.MergedInto)
	}
	if info := d.info.String(); !strings.Contains(info, "并入") || !strings.Contains(info, titleParking) {
		t.Errorf("detail does not name the master:\n%s", info)
	}
}
