package app

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// proposalWorld is the county with its first session, one member, four
// handling units and an operator, for the 提案 screen's tabs.
type proposalWorld struct {
	t       *testing.T
	u       *UI
	session data.Session
	member  data.Member
	units   map[string]int64
}

func newProposalWorld(t *testing.T) *proposalWorld {
	t.Helper()
	u := testUI(t, true)
	w := &proposalWorld{t: t, u: u, units: map[string]int64{}}
	w.session = data.Session{TermID: u.term.ID, Number: 1, StartDate: "2026-01-10"}
	if err := u.store.SaveSession(u.ctx, &w.session); err != nil {
		t.Fatal(err)
	}
	w.member = addMember(t, u, "张明", "男", "中国共产党", "中共")
	for _, name := range []string{"县教育局", "县财政局", "县交通运输局", "县卫生健康委员会"} {
		x := data.Unit{Name: name, Contact: "王科长", Phone: "0317-1234567"}
		if err := u.store.SaveUnit(u.ctx, &x); err != nil {
			t.Fatal(err)
		}
		w.units[name] = x.ID
	}
	u.app.Preferences().SetString(prefOperator, "提案委 小周")
	return w
}

// filed enters a proposal and files it (立案), waiting for 交办.
func (w *proposalWorld) filed(title, suggested string) data.Proposal {
	w.t.Helper()
	p := data.Proposal{SessionID: w.session.ID, Title: title, Body: "情况、分析和建议。", Category: "社会建设",
		Submitted: "2026-01-11", SuggestedUnit: suggested,
		Proposers: []data.Proposer{{MembershipID: w.member.Membership.ID}}}
	if err := w.u.store.CreateProposal(w.u.ctx, &p); err != nil {
		w.t.Fatal(err)
	}
	w.step(p.ID, data.Step{Action: proposal.ActFile, Date: "2026-01-20"})
	return p
}

// assigned files a proposal and assigns it on date to a 主办 and 会办 units.
func (w *proposalWorld) assigned(title, date, lead string, co ...string) data.Proposal {
	w.t.Helper()
	p := w.filed(title, "")
	units := []data.Assignment{{UnitID: w.units[lead], Role: proposal.RoleLead}}
	for _, c := range co {
		units = append(units, data.Assignment{UnitID: w.units[c], Role: proposal.RoleCo})
	}
	w.step(p.ID, data.Step{Action: proposal.ActAssign, Date: date, Mode: proposal.ModeLead, Units: units})
	return p
}

func (w *proposalWorld) step(id int64, st data.Step) {
	w.t.Helper()
	if err := w.u.store.Apply(w.u.ctx, id, st); err != nil {
		w.t.Fatalf("%s: %v", st.Action, err)
	}
}

func (w *proposalWorld) get(id int64) data.Proposal {
	w.t.Helper()
	p, err := w.u.store.GetProposal(w.u.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

// open shows the 提案 screen on one of its tabs.
func (w *proposalWorld) open(tab proposalTab) {
	u := w.u
	u.nav.Select(u.screenIndex(u.proposals))
	u.proposals.tabs.SelectIndex(slices.Index(u.proposals.all, tab))
	tab.reload(u.ctx)
}

// answerYes makes a tab's questions answer yes at once; the questions asked
// are collected.
func answerYes(c *confirmer) *[]string {
	var asked []string
	*c = func(_, msg string, ok func()) {
		asked = append(asked, msg)
		ok()
	}
	return &asked
}

func boardRow(b *assignBoard, number int) int {
	for i, r := range b.rows {
		if r.p.Number == number {
			return i
		}
	}
	return -1
}

func TestAssignBoardAssignsManyAtOnce(t *testing.T) {
	w := newProposalWorld(t)
	p1 := w.filed("关于改善城区学校周边交通秩序的建议", "县教育局、县财政局")
	p2 := w.filed("关于加快农村公路养护的建议", "交通运输局")
	p3 := w.filed("关于发展县域特色产业的建议", "")
	p4 := w.filed("关于完善基层医疗卫生服务的建议", "县卫生健康委员会")
	b := w.u.proposals.assign
	w.open(b)
	asked := answerYes(&b.confirm)

	if len(b.rows) != 4 {
		t.Fatalf("board shows %d proposals, want the 4 filed", len(b.rows))
	}
	r1 := b.rows[boardRow(b, p1.Number)]
	if b.unitName(r1.lead) != "县教育局" || b.othersText(r1) != "县财政局" {
		t.Errorf("第001号 prefilled 主办 %q 会办 %q, want 县教育局 and 县财政局", b.unitName(r1.lead), b.othersText(r1))
	}
	if r2 := b.rows[boardRow(b, p2.Number)]; b.unitName(r2.lead) != "县交通运输局" {
		t.Errorf("“交通运输局” did not prefill 县交通运输局: %q", b.unitName(r2.lead))
	}

	// 第004号 is split between three units, chosen in the dialog.
	row4 := boardRow(b, p4.Number)
	b.setMode(row4, proposal.ModeSplit)
	b.onPickOthers(row4)
	if b.picker == nil || !b.picker.checks["县卫生健康委员会"].Checked {
		t.Fatal("the 分办 dialog does not show the former 主办 as chosen")
	}
	b.picker.checks["县教育局"].SetChecked(true)
	b.picker.checks["县财政局"].SetChecked(true)
	test.Tap(b.picker.okButton)

	b.dateEntry.SetText("2026.11.25")
	if !strings.Contains(b.deadlineLabel.Text, "2027-02-25") {
		t.Errorf("deadline shown %q, want 3 months after 2026-11-25", b.deadlineLabel.Text)
	}
	if b.assignButton.Text != "交办所选 4 件" || !strings.Contains(b.countLabel.Text, "已定承办单位 3 件") {
		t.Errorf("button %q, count %q", b.assignButton.Text, b.countLabel.Text)
	}
	test.Tap(b.assignButton)

	if len(*asked) != 1 || !strings.Contains((*asked)[0], "将交办 3 件") || !strings.Contains((*asked)[0], "另有 1 件") {
		t.Errorf("confirmation asked %q", *asked)
	}
	got := w.get(p1.ID)
	if got.Status != proposal.Handling || got.UnitNames(proposal.RoleLead) != "县教育局" ||
		got.UnitNames(proposal.RoleCo) != "县财政局" || got.AssignedDate != "2026-11-25" || got.Deadline != "2027-02-25" {
		t.Errorf("第001号 stored %s 主办 %q 会办 %q 交办 %s 期限 %s", got.Status, got.UnitNames(proposal.RoleLead),
			got.UnitNames(proposal.RoleCo), got.AssignedDate, got.Deadline)
	}
	if got := w.get(p2.ID); got.Status != proposal.Handling || got.UnitNames("") != "县交通运输局" {
		t.Errorf("第002号 stored %s %q", got.Status, got.UnitNames(""))
	}
	if got := w.get(p4.ID); got.AssignMode != proposal.ModeSplit || len(got.Units) != 3 || got.UnitNames(proposal.RoleSplit) == "" {
		t.Errorf("第004号 stored mode %q units %+v", got.AssignMode, got.Units)
	}
	if got := w.get(p3.ID); got.Status != proposal.Filed {
		t.Errorf("第003号 without a 主办 became %s", got.Status)
	}
	events, _ := w.u.store.ProposalHistory(w.u.ctx, p1.ID)
	if last := events[len(events)-1]; last.Actor != "提案委 小周" {
		t.Errorf("history records actor %q, want the operator", last.Actor)
	}
	if len(b.rows) != 1 || b.rows[0].p.ID != p3.ID {
		t.Errorf("after 交办 the board shows %d rows, want only 第003号", len(b.rows))
	}
	if !strings.Contains(b.message.Text, "已交办 3 件") || !strings.Contains(b.message.Text, "1 件尚未选定主办单位") {
		t.Errorf("message %q", b.message.Text)
	}
}

func TestAssignBoardRefusedBulkChangesNothing(t *testing.T) {
	w := newProposalWorld(t)
	p1 := w.filed("关于改善城区学校周边交通秩序的建议", "县教育局")
	p2 := w.filed("关于加快农村公路养护的建议", "县交通运输局")
	b := w.u.proposals.assign
	w.open(b)
	answerYes(&b.confirm)

	b.setMode(boardRow(b, p2.Number), proposal.ModeSplit) // one unit cannot split a proposal
	test.Tap(b.assignButton)

	if !strings.Contains(b.message.Text, "第002号提案") || !strings.Contains(b.message.Text, "分办至少需要两个单位") ||
		!strings.Contains(b.message.Text, "未交办任何提案") {
		t.Errorf("message %q does not name 第002号 and the reason", b.message.Text)
	}
	for _, p := range []data.Proposal{p1, p2} {
		if got := w.get(p.ID); got.Status != proposal.Filed || len(got.Units) != 0 {
			t.Errorf("第%03d号 changed by a refused 交办: %s %v", p.Number, got.Status, got.Units)
		}
	}
	if len(b.rows) != 2 || b.rows[boardRow(b, p2.Number)].mode != proposal.ModeSplit {
		t.Fatal("the refused rows or their choices were lost")
	}

	// Leaving the faulty row out, the others go through.
	b.setPicked(boardRow(b, p2.Number), false)
	if b.assignButton.Text != "交办所选 1 件" {
		t.Errorf("button %q", b.assignButton.Text)
	}
	test.Tap(b.assignButton)
	if w.get(p1.ID).Status != proposal.Handling || w.get(p2.ID).Status != proposal.Filed {
		t.Errorf("after unticking 第002号: %s, %s", w.get(p1.ID).Status, w.get(p2.ID).Status)
	}
}

func TestAssignBoardLeadIsNeverAlsoCoUnit(t *testing.T) {
	w := newProposalWorld(t)
	w.filed("关于改善城区学校周边交通秩序的建议", "县教育局、县财政局")
	b := w.u.proposals.assign
	w.open(b)
	b.setLead(0, "县财政局")
	if got := b.othersText(b.rows[0]); strings.Contains(got, "县财政局") {
		t.Errorf("县财政局 is 主办 and still 会办: %q", got)
	}
	b.onPickOthers(0)
	if _, offered := b.picker.checks["县财政局"]; offered {
		t.Error("the 会办 dialog offers the 主办 unit")
	}
}

func TestOverdueListOrdersByUrgency(t *testing.T) {
	w := newProposalWorld(t) // today is 2026-11-22
	// Due 2026-11-01, 2026-12-10, 2026-10-15 and 2027-02-20; one withdrawn.
	late := w.assigned("关于城区停车难的建议", "2026-08-01", "县交通运输局")
	soon := w.assigned("关于学校食堂管理的建议", "2026-09-10", "县教育局", "县财政局")
	later := w.assigned("关于乡镇卫生院人才的建议", "2026-07-15", "县卫生健康委员会")
	w.assigned("关于老旧小区改造的建议", "2026-11-20", "县财政局")
	w.step(w.filed("关于撤回的一件提案", "").ID, data.Step{Action: proposal.ActWithdraw, Reason: "提案人撤回"})
	o := w.u.proposals.overdue
	w.open(o)

	if o.countLabel.Text != "超期 2 件，30 天内到期 1 件（在办共 4 件）" {
		t.Errorf("header %q", o.countLabel.Text)
	}
	var order []int64
	for _, it := range o.shown {
		order = append(order, it.p.ID)
	}
	if !slices.Equal(order, []int64{later.ID, late.ID, soon.ID}) {
		t.Errorf("order %v, want most overdue first: %d %d %d", order, later.ID, late.ID, soon.ID)
	}
	if got := o.table.cell(0, "剩余时间"); got != "超期 38 天" {
		t.Errorf("first row shows %q, want 超期 38 天", got)
	}
	if got := o.table.cell(2, "剩余时间"); got != "剩余 18 天" {
		t.Errorf("third row shows %q", got)
	}
	if got := o.table.cell(2, "会办单位"); got != "县财政局" {
		t.Errorf("会办 column %q", got)
	}
	if got := o.table.cell(0, "联系人及电话"); !strings.Contains(got, "0317-1234567") {
		t.Errorf("contact column %q", got)
	}
	o.filter.SetSelected(overdueOnly)
	if len(o.shown) != 2 {
		t.Errorf("仅超期 shows %d", len(o.shown))
	}
	o.filter.SetSelected(overdueAll)
	if len(o.shown) != 4 || o.table.cell(3, "剩余时间") != "剩余 90 天" {
		t.Errorf("全部在办 shows %d, last %q", len(o.shown), o.table.cell(3, "剩余时间"))
	}

	win := test.NewWindow(o.obj)
	defer win.Close()
	win.Resize(fyne.NewSize(1400, 600))
	if lb := drawnLabels(o.table.table)["超期 38 天"]; lb == nil || lb.Importance != widget.DangerImportance {
		t.Errorf("超期 38 天 is drawn %v, want red", lb)
	}
	tapHeader(t, o.table.table, "剩余时间") // the most time left first
	if got := o.table.cell(0, "剩余时间"); got != "剩余 90 天" || !slices.Contains(headerTexts(o.table.table), "剩余时间 ▼") {
		t.Errorf("reversed: first %q, headers %q", got, headerTexts(o.table.table))
	}
	tapHeader(t, o.table.table, "剩余时间")
	if got := o.table.cell(0, "剩余时间"); got != "超期 38 天" {
		t.Errorf("back to urgency: first %q", got)
	}
}

// The board's tick, drop-downs and button are drawn in their own columns.
func TestAssignBoardDrawsItsControls(t *testing.T) {
	w := newProposalWorld(t)
	w.filed("关于改善城区学校周边交通秩序的建议", "县教育局、县财政局")
	w.filed("关于加快农村公路养护的建议", "交通运输局")
	b := w.u.proposals.assign
	w.open(b)
	win := test.NewWindow(b.obj)
	defer win.Close()
	win.Resize(fyne.NewSize(1400, 600))
	checks := drawn[*widget.Check](b.table.table)
	var selects []string
	for _, x := range drawn[*widget.Select](b.table.table) {
		selects = append(selects, x.Selected)
	}
	if len(checks) != 2 || !slices.Contains(selects, "县教育局") || !slices.Contains(selects, proposal.ModeLead) {
		t.Fatalf("drawn: %d ticks, drop-downs %q", len(checks), selects)
	}
	test.Tap(checks[0])
	if b.assignButton.Text != "交办所选 1 件" || b.rows[0].picked == b.rows[1].picked {
		t.Errorf("after unticking one: %q, picked %v %v", b.assignButton.Text, b.rows[0].picked, b.rows[1].picked)
	}
	if texts := shownTexts(b.table.table); !slices.Contains(texts, "关于加快农村公路养护的建议") {
		t.Errorf("案由 not drawn: %q", texts)
	}
}
