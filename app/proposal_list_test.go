package app

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// listWorld is the 提案 screen over a county with two sessions, three
// members and three handling units.
type listWorld struct {
	t        *testing.T
	u        *UI
	l        *proposalList
	sessions []data.Session // 第四次, 第五次会议
	members  []data.Member
	units    []data.Unit
}

func newListWorld(t *testing.T) *listWorld {
	t.Helper()
	u := testUI(t, true)
	w := &listWorld{t: t, u: u, l: u.proposals.list}
	for i, n := range []int{4, 5} {
		s := data.Session{TermID: u.term.ID, Number: n, StartDate: []string{"2024-01-07", "2025-01-06"}[i]}
		if err := u.store.SaveSession(u.ctx, &s); err != nil {
			t.Fatal(err)
		}
		w.sessions = append(w.sessions, s)
	}
	w.members = []data.Member{
		addMember(t, u, "张明", "男", "经济界", "中共"),
		addMember(t, u, "李红", "女", "教育界", "民盟"),
		addMember(t, u, "王强", "男", "医药卫生界", "九三学社"),
	}
	for _, name := range []string{"县教育局", "县财政局", "县交通运输局"} {
		x := data.Unit{Name: name, Contact: "刘芳", Phone: "0319-8000001"}
		if err := u.store.SaveUnit(u.ctx, &x); err != nil {
			t.Fatal(err)
		}
		w.units = append(w.units, x)
	}
	u.app.Preferences().SetString(prefOperator, "提案委 小周")
	// The duplicate check and the typed search run in the background; the
	// tests run them at once.
	w.l.similar, w.l.typing.now = nil, runNow
	u.nav.Select(u.screenIndex(u.proposals))
	return w
}

// add enters a proposal in a session (0 = 第四次, 1 = 第五次) by members.
func (w *listWorld) add(session int, title, body, category string, members ...int) data.Proposal {
	w.t.Helper()
	p := data.Proposal{SessionID: w.sessions[session].ID, Title: title, Body: body, Category: category,
		Submitted: "2025-01-07", EnteredBy: "小周"}
	for _, i := range members {
		p.Proposers = append(p.Proposers, data.Proposer{MembershipID: w.members[i].Membership.ID})
	}
	if err := w.u.store.CreateProposal(w.u.ctx, &p); err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *listWorld) do(id int64, steps ...data.Step) {
	w.t.Helper()
	for _, st := range steps {
		if err := w.u.store.Apply(w.u.ctx, id, st); err != nil {
			w.t.Fatalf("%s: %v", st.Action, err)
		}
	}
}

func (w *listWorld) get(id int64) data.Proposal {
	w.t.Helper()
	p, err := w.u.store.GetProposal(w.u.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return p
}

func (w *listWorld) history(id int64) []data.ProposalEvent {
	w.t.Helper()
	h, err := w.u.store.ProposalHistory(w.u.ctx, id)
	if err != nil {
		w.t.Fatal(err)
	}
	return h
}

func (w *listWorld) reload() { w.u.proposals.reload(w.u.ctx) }

// selectRow selects the shown proposal with this title.
func (w *listWorld) selectRow(title string) {
	w.t.Helper()
	for i, p := range w.l.shown {
		if p.Title == title {
			w.l.table.selectRow(i)
			return
		}
	}
	w.t.Fatalf("%q not shown; shown %v", title, shownTitles(w.l))
}

func shownTitles(l *proposalList) []string {
	var out []string
	for _, p := range l.shown {
		out = append(out, p.Title)
	}
	return out
}

const (
	titleParking = "关于缓解县城停车难问题的建议"
	titleWater   = "关于加快农村饮水安全工程建设的建议"
	titleMyopia  = "关于加强中小学生近视防控的建议"
	titleOld     = "关于推进老旧小区改造的建议"
)

// seed enters three proposals in 第五次会议 (one filed, one rejected) and
// one in 第四次.
func (w *listWorld) seed() (parking, water, myopia data.Proposal) {
	parking = w.add(1, titleParking, "建议利用闲置地块建设公共停车场和立体停车库。", "社会建设", 0)
	water = w.add(1, titleWater, "部分村组仍依靠山泉水和浅井供水，水质检测覆盖面不足。", "经济建设", 1, 2)
	myopia = w.add(1, titleMyopia, "保障学生每天两小时户外活动。", "社会建设", 2)
	w.add(0, titleOld, "加装电梯，增设停车位和充电桩。", "社会建设", 0)
	w.do(parking.ID, data.Step{Action: proposal.ActFile, Date: "2025-01-10"})
	w.do(myopia.ID, data.Step{Action: proposal.ActReject, Date: "2025-01-10", Reason: "内容空泛、没有具体建议", Disposition: "转社情民意"})
	w.reload()
	return parking, water, myopia
}

func TestProposalListShowsNewestSessionWithCountsPerStatus(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	l := w.l
	if l.sessionSelect.Selected != "第五次会议" {
		t.Errorf("session %q, want the newest (第五次会议)", l.sessionSelect.Selected)
	}
	if got := shownTitles(l); !slices.Equal(got, []string{titleParking, titleWater, titleMyopia}) {
		t.Errorf("shown %v, want 第五次会议's three in 案号 order", got)
	}
	if got := l.summaryLabel.Text; got != "共 3 件：已提交 1 · 立案 1 · 不予立案 1" {
		t.Errorf("summary %q", got)
	}
	if got := l.table.cell(1, "案号") + " " + l.table.cell(1, "第一提案人") + " " + l.table.cell(1, "状态"); got != "第002号 李红 已提交" {
		t.Errorf("row 2 shows %q", got)
	}
	l.sessionSelect.SetSelected(allSessions)
	if len(l.shown) != 4 || l.table.cell(0, "案号") != "四次 第001号" {
		t.Errorf("全部会次 shows %d rows, first 案号 %q", len(l.shown), l.table.cell(0, "案号"))
	}
	if !strings.HasPrefix(l.summaryLabel.Text, "共 4 件：已提交 2") {
		t.Errorf("summary over the term %q", l.summaryLabel.Text)
	}
}

func TestProposalFiltersAndSearchNarrowTheList(t *testing.T) {
	w := newListWorld(t)
	parking, water, _ := w.seed()
	l := w.l

	l.statusSelect.SetSelected(string(proposal.Filed))
	if got := shownTitles(l); !slices.Equal(got, []string{titleParking}) {
		t.Errorf("状态 立案 shows %v", got)
	}
	if !strings.HasPrefix(l.summaryLabel.Text, "共 3 件") || l.countLabel.Text != "显示 1 件" {
		t.Errorf("counts %q / %q: the summary should still count every status", l.summaryLabel.Text, l.countLabel.Text)
	}
	l.statusSelect.SetSelected(all)

	test.Type(l.searchEntry, "山泉水") // three characters of 饮水's 正文
	if got := shownTitles(l); !slices.Equal(got, []string{titleWater}) {
		t.Errorf("search 山泉水 shows %v", got)
	}
	l.searchEntry.SetText("")
	test.Type(l.searchEntry, "停车")
	if got := shownTitles(l); !slices.Equal(got, []string{titleParking}) {
		t.Errorf("search 停车 shows %v (第四次会议's 老旧小区 is not in this session)", got)
	}
	l.searchEntry.SetText("")

	l.categorySelect.SetSelected("经济建设")
	if got := shownTitles(l); !slices.Equal(got, []string{titleWater}) {
		t.Errorf("类别 经济建设 shows %v", got)
	}
	l.categorySelect.SetSelected(all)
	test.Type(l.proposerEntry, "王强")
	if got := shownTitles(l); len(got) != 2 || slices.Contains(got, titleParking) {
		t.Errorf("提案人 王强 shows %v", got)
	}
	l.proposerEntry.SetText("")

	// 交办 long ago: overdue on 2026-11-22; 饮水 becomes a key proposal.
	w.do(parking.ID, data.Step{Action: proposal.ActAssign, Date: "2026-05-08", Mode: proposal.ModeLead,
		Units: []data.Assignment{{UnitID: w.units[1].ID, Role: proposal.RoleLead}}})
	water.KeyTier, water.KeyLeader = "重点督办", "副县长 王某"
	if err := w.u.store.UpdateProposal(w.u.ctx, &water, "小周"); err != nil {
		t.Fatal(err)
	}
	w.reload()
	test.Tap(l.overdueOnly)
	if got := shownTitles(l); !slices.Equal(got, []string{titleParking}) {
		t.Fatalf("仅超期 shows %v", got)
	}
	if got := l.table.cell(0, "期限"); got != "2026-08-08（超期 106 天）" {
		t.Errorf("期限 %q", got)
	}
	w.u.win.Resize(fyne.NewSize(2400, 800)) // every column in sight
	if lb := drawnLabels(l.table.table)["2026-08-08（超期 106 天）"]; lb == nil || lb.Importance != widget.DangerImportance {
		t.Errorf("the overdue 期限 is drawn %v, want red", lb)
	}
	if lb := drawnLabels(l.table.table)["县财政局"]; lb == nil || lb.Importance != widget.MediumImportance {
		t.Errorf("its 主办单位 is drawn %v", lb)
	}
	if got := l.table.cell(0, "主办单位"); got != "县财政局" {
		t.Errorf("主办单位 %q", got)
	}
	test.Tap(l.overdueOnly)
	test.Tap(l.keyOnly)
	if got := shownTitles(l); !slices.Equal(got, []string{titleWater}) {
		t.Errorf("仅重点 shows %v", got)
	}
	test.Tap(l.keyOnly)
	l.unitSelect.SetSelected("县财政局")
	if got := shownTitles(l); !slices.Equal(got, []string{titleParking}) {
		t.Errorf("承办单位 县财政局 shows %v", got)
	}
}

func TestDetailOffersExactlyTheAllowedActions(t *testing.T) {
	w := newListWorld(t)
	w.seed()
	w.selectRow(titleParking) // 立案
	d := w.l.detail
	got := slices.Sorted(maps.Keys(d.actionButtons))
	want := []proposal.Action{proposal.ActAssign, proposal.ActMerge, proposal.ActWithdraw}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("立案 offers %v, want %v", got, want)
	}
	for _, a := range []proposal.Action{proposal.ActFile, proposal.ActAnswer, proposal.ActClose, proposal.ActReopen} {
		if d.actionButtons[a] != nil {
			t.Errorf("立案 offers %s", a)
		}
	}
	if !strings.Contains(d.header.Text, "第001号") || !strings.Contains(d.header.Text, titleParking) {
		t.Errorf("header %q", d.header.Text)
	}
	w.selectRow(titleMyopia) // 不予立案
	if got := slices.Collect(maps.Keys(d.actionButtons)); !slices.Equal(got, []proposal.Action{proposal.ActReopen}) {
		t.Errorf("不予立案 offers %v, want only 重新审查", got)
	}
	if info := d.info.String(); !strings.Contains(info, "内容空泛、没有具体建议") || !strings.Contains(info, "转社情民意") {
		t.Errorf("detail lacks the reason and 去向:\n%s", info)
	}
}

func TestAssignThroughDialogUpdatesStoreAndTimeline(t *testing.T) {
	w := newListWorld(t)
	parking, _, _ := w.seed()
	w.selectRow(titleParking)
	d := w.l.detail
	test.Tap(d.actionButtons[proposal.ActAssign])
	f := d.action
	if f == nil || f.assign == nil {
		t.Fatal("交办 opened no dialog")
	}
	if got := f.entries["办理期限"].Text; got != "2027-02-22" {
		t.Errorf("deadline prefilled %q, want 交办日期 + 3 months", got)
	}
	f.entries["交办日期"].SetText("2026-11-20")
	if got := f.entries["办理期限"].Text; got != "2027-02-20" {
		t.Errorf("deadline %q does not follow the 交办日期", got)
	}
	f.assign.lead.SetSelected("县教育局")
	f.assign.co.SetSelected([]string{"县交通运输局"})
	test.Tap(f.okBtn)
	if d.action != nil {
		t.Fatalf("dialog still open: %q", f.general.Text)
	}
	p := w.get(parking.ID)
	if p.Status != proposal.Handling || p.UnitNames(proposal.RoleLead) != "县教育局" ||
		p.UnitNames(proposal.RoleCo) != "县交通运输局" || p.AssignedDate != "2026-11-20" || p.Deadline != "2027-02-20" {
		t.Errorf("stored %s 主办 %q 会办 %q 交办 %s 期限 %s", p.Status, p.UnitNames(proposal.RoleLead),
			p.UnitNames(proposal.RoleCo), p.AssignedDate, p.Deadline)
	}
	h := w.history(parking.ID)
	if last := h[len(h)-1]; last.Action != "交办" || last.Actor != "提案委 小周" {
		t.Errorf("last history row %+v", last)
	}
	timeline := d.history.String()
	if !strings.Contains(timeline, "交办") || !strings.Contains(timeline, "立案 ⟶ 办理中") ||
		!strings.Contains(timeline, "主办：县教育局") {
		t.Errorf("timeline does not show the 交办:\n%s", timeline)
	}
	if d.actionButtons[proposal.ActAssign] != nil || d.actionButtons[proposal.ActAnswer] == nil {
		t.Errorf("after 交办 the detail offers %v", slices.Collect(maps.Keys(d.actionButtons)))
	}
	if got := w.l.table.cell(0, "期限"); got != "2027-02-20（剩 90 天）" {
		t.Errorf("期限 cell %q", got)
	}
}

func TestRejectWithoutReasonIsRefusedAndChangesNothing(t *testing.T) {
	w := newListWorld(t)
	_, water, _ := w.seed()
	w.selectRow(titleWater) // 已提交
	d := w.l.detail
	before := len(w.history(water.ID))
	test.Tap(d.actionButtons[proposal.ActReject])
	f := d.action
	f.selects["去向"].SetSelected("转意见建议")
	test.Tap(f.okBtn)
	if got := f.errorText("不予立案理由"); got != "请选择或填写理由" {
		t.Errorf("message under 不予立案理由 %q", got)
	}
	if d.action == nil {
		t.Error("dialog closed although the step was refused")
	}
	if p := w.get(water.ID); p.Status != proposal.Submitted || p.RejectReason != "" {
		t.Errorf("refused step changed the proposal: %s %q", p.Status, p.RejectReason)
	}
	if n := len(w.history(water.ID)); n != before {
		t.Errorf("history grew from %d to %d", before, n)
	}

	f.combos["不予立案理由"].SetText("属于学术讨论的问题")
	test.Tap(f.okBtn)
	if p := w.get(water.ID); p.Status != proposal.Rejected || p.Disposition != "转意见建议" {
		t.Errorf("after a complete step: %s %q", p.Status, p.Disposition)
	}
}

func TestDeleteToRecycleBinAndRestore(t *testing.T) {
	w := newListWorld(t)
	_, water, _ := w.seed()
	l := w.l
	w.selectRow(titleWater)
	l.deleteProposal(l.detail.p)
	if slices.Contains(shownTitles(l), titleWater) || !strings.HasPrefix(l.summaryLabel.Text, "共 2 件") {
		t.Fatalf("deleted proposal still counted: %v %q", shownTitles(l), l.summaryLabel.Text)
	}
	if l.detail.shown {
		t.Error("detail still shows the deleted proposal")
	}
	l.onRecycleBin()
	bin := l.bin.rows
	if len(bin) != 1 || bin[0].ID != water.ID {
		t.Fatalf("recycle bin %v", bin)
	}
	l.bin.table.selectRow(0)
	test.Tap(l.bin.restoreBtn)
	if !slices.Contains(shownTitles(l), titleWater) || l.detail.p.ID != water.ID {
		t.Errorf("after restore shown %v, detail %q", shownTitles(l), l.detail.p.Title)
	}
}

func TestProposalTexts(t *testing.T) {
	today := "2026-11-22"
	handling := data.Proposal{Status: proposal.Handling, Deadline: "2026-11-30"}
	for _, c := range []struct {
		p    data.Proposal
		want string
	}{
		{handling, "2026-11-30（剩 8 天）"},
		{data.Proposal{Status: proposal.Rehandled, Deadline: "2026-11-22"}, "2026-11-22（今天到期）"},
		{data.Proposal{Status: proposal.Handling, Deadline: "2026-11-20"}, "2026-11-20（超期 2 天）"},
		{data.Proposal{Status: proposal.Closed, Deadline: "2026-11-20"}, "2026-11-20"},
		{data.Proposal{Status: proposal.Filed}, ""},
	} {
		if got := deadlineText(c.p, today); got != c.want {
			t.Errorf("deadlineText(%s %s) = %q, want %q", c.p.Status, c.p.Deadline, got, c.want)
		}
	}
	three := []data.Proposer{{Seq: 1}, {Seq: 2}, {Seq: 3}}
	for _, c := range []struct {
		verdicts map[int]string
		want     string
	}{
		{nil, ""},
		{map[int]string{1: "满意", 2: "满意", 3: "满意"}, "满意"},
		{map[int]string{1: "满意", 2: "不满意", 3: "满意"}, "满意 2，不满意 1"},
		{map[int]string{1: "满意"}, "满意 1，未评 2"},
	} {
		if got := verdictSummary(data.Proposal{Proposers: three, Verdicts: c.verdicts}); got != c.want {
			t.Errorf("verdictSummary(%v) = %q, want %q", c.verdicts, got, c.want)
		}
	}
}
