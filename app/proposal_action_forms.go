package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// The dialogs of the actions that need more than a date and a reason:
// 交办, 并案, 登记答复 and 登记评价.

// assignFields are the widgets of 交办.
type assignFields struct {
	units    []data.Unit // active units, in display order
	mode     *widget.RadioGroup
	lead     *widget.Select
	co       *widget.CheckGroup
	split    *widget.CheckGroup
	leadRow  []fyne.CanvasObject // label and field, hidden for 分办
	coRow    []fyne.CanvasObject
	splitRow []fyne.CanvasObject
	deadline *widget.Entry
	edited   bool // the deadline was typed, so a new date does not replace it
}

func (f *actionForm) addAssignFields(today string) {
	cfg := f.d.l.ps.cfg
	a := &assignFields{}
	f.assign = a
	var names []string
	for _, u := range f.d.l.units {
		if u.Active {
			a.units = append(a.units, u)
			names = append(names, u.Name)
		}
	}
	date := f.dateField("交办日期", today)
	a.mode = widget.NewRadioGroup(proposal.AssignModes, func(string) { f.onAssignMode() })
	a.mode.Horizontal = true
	f.field("交办方式", a.mode)
	a.lead = widget.NewSelect(names, func(name string) { // the 主办 is not also a 会办
		a.co.SetSelected(slices.DeleteFunc(slices.Clone(a.co.Selected), func(s string) bool { return s == name }))
	})
	a.lead.PlaceHolder = "请选择主办单位"
	f.field("主办单位", a.lead)
	a.leadRow = f.cells[len(f.cells)-2:]
	a.co = widget.NewCheckGroup(names, nil)
	f.field("会办单位", unitScroll(a.co))
	a.coRow = f.cells[len(f.cells)-2:]
	a.split = widget.NewCheckGroup(names, nil)
	f.field("分办单位", unitScroll(a.split))
	a.splitRow = f.cells[len(f.cells)-2:]
	a.deadline = f.deadlineEntry(proposal.AddMonths(today, cfg.DeadlineMonths),
		fmt.Sprintf("按设置为交办后 %d 个月；延期最长至交办后 %d 个月", cfg.DeadlineMonths, cfg.MaxMonths))
	a.deadline.OnChanged = func(string) { a.edited = true }
	date.OnChanged = func(s string) { // a new 交办日期 moves a deadline nobody typed
		if d := proposal.AddMonths(strings.TrimSpace(s), cfg.DeadlineMonths); d != "" && !a.edited {
			a.deadline.SetText(d)
			a.edited = false // SetText ran the deadline's OnChanged
		}
	}
	if lead := suggestedUnit(f.p.SuggestedUnit, names); lead != "" {
		a.lead.SetSelected(lead)
	}
	a.mode.SetSelected(proposal.ModeLead)
	f.fill = func(st *data.Step) {
		st.Mode = a.mode.Selected
		if st.Mode == proposal.ModeSplit {
			for _, id := range a.ids(a.split.Selected) {
				st.Units = append(st.Units, data.Assignment{UnitID: id, Role: proposal.RoleSplit})
			}
			return
		}
		for _, id := range a.ids([]string{a.lead.Selected}) {
			st.Units = append(st.Units, data.Assignment{UnitID: id, Role: proposal.RoleLead})
		}
		for _, id := range a.ids(a.co.Selected) {
			st.Units = append(st.Units, data.Assignment{UnitID: id, Role: proposal.RoleCo})
		}
	}
}

// unitScroll shows a long list of units in a box of fixed height.
func unitScroll(o fyne.CanvasObject) fyne.CanvasObject {
	s := container.NewVScroll(o)
	s.SetMinSize(fyne.NewSize(360, 150))
	return s
}

// onAssignMode shows the unit rows of the chosen mode.
func (f *actionForm) onAssignMode() {
	a := f.assign
	split := a.mode.Selected == proposal.ModeSplit
	for _, o := range append(a.leadRow, a.coRow...) {
		setVisible(o, !split)
	}
	for _, o := range a.splitRow {
		setVisible(o, split)
	}
	if split {
		f.errs["承办单位"] = f.errs["分办单位"]
	} else {
		f.errs["承办单位"] = f.errs["主办单位"]
	}
	if f.dlg != nil {
		f.dlg.Refresh()
	}
}

func (a *assignFields) ids(names []string) []int64 {
	var out []int64
	for _, n := range names {
		for _, u := range a.units {
			if u.Name == n && n != "" {
				out = append(out, u.ID)
			}
		}
	}
	return out
}

// suggestedUnit is the first unit named in a proposer's suggestion.
func suggestedUnit(suggestion string, names []string) string {
	for _, part := range strings.FieldsFunc(suggestion, func(r rune) bool { return strings.ContainsRune("、，,；; ", r) }) {
		if slices.Contains(names, part) {
			return part
		}
	}
	return ""
}

// mergeFields pick the master proposal of 并案 from the same session.
type mergeFields struct {
	candidates []data.Proposal
	shown      []data.Proposal
	search     *widget.Entry
	list       *widget.List
	chosen     *widget.Label
	masterID   int64
}

func (f *actionForm) addMergeFields() {
	u := f.d.l.ps.u
	cfg := f.d.l.ps.cfg
	m := &mergeFields{}
	f.merge = m
	all, err := u.store.ListProposals(u.ctx, data.ProposalFilter{SessionID: f.p.SessionID})
	if err != nil {
		showError(err, u.win)
	}
	for _, p := range all {
		switch {
		case p.ID == f.p.ID, p.Status == proposal.Rejected, p.Status == proposal.Merged, p.Status == proposal.Withdrawn:
			continue
		}
		m.candidates = append(m.candidates, p)
	}
	m.search = widget.NewEntry()
	m.search.SetPlaceHolder("输入案号或案由中的字查找")
	m.list = widget.NewList(
		func() int { return len(m.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := m.shown[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s　%s", cfg.FormatNumber(p.Number), p.Title, p.FirstProposer()))
		},
	)
	m.chosen = widget.NewLabel("（尚未选择）")
	m.chosen.Wrapping = fyne.TextWrapWord
	m.list.OnSelected = func(i widget.ListItemID) {
		p := m.shown[i]
		m.masterID = p.ID
		m.chosen.SetText(fmt.Sprintf("并入 %s《%s》", cfg.FormatNumber(p.Number), p.Title))
	}
	m.search.OnChanged = func(q string) { m.filter(q, cfg) }
	m.filter("", cfg)
	list := container.NewVScroll(m.list)
	list.SetMinSize(fyne.NewSize(420, 180))
	f.field("主提案", container.NewBorder(m.search, m.chosen, nil, nil, list))
	f.fill = func(st *data.Step) { st.MasterID = m.masterID }
}

// filter keeps the candidates whose 案号 or 案由 contains q.
func (m *mergeFields) filter(q string, cfg proposal.Config) {
	q = strings.TrimSpace(q)
	m.shown = m.shown[:0]
	for _, p := range m.candidates {
		if q == "" || strings.Contains(p.Title, q) || strings.Contains(cfg.FormatNumber(p.Number), q) ||
			strconv.Itoa(p.Number) == q {
			m.shown = append(m.shown, p)
		}
	}
	m.list.UnselectAll()
	m.list.Refresh()
}

// answerFields are the widgets of 登记答复.
type answerFields struct {
	units   []data.Assignment // the units that may answer, in the unit select's order
	unit    *widget.Select
	class   *widget.RadioGroup
	classes []string // the class options, "A 所提问题…"
	face    *widget.Check
}

func (f *actionForm) addAnswerFields(today string) {
	cfg := f.d.l.ps.cfg
	a := &answerFields{units: f.p.Units}
	f.answer = a
	var labels []string
	for _, x := range a.units {
		labels = append(labels, x.Unit+"（"+x.Role+"）")
	}
	a.unit = widget.NewSelect(labels, func(string) { f.onAnswerUnit() })
	a.unit.PlaceHolder = "请选择答复单位"
	f.field("答复单位", a.unit)
	f.dateField("答复日期", today)
	f.entry("答复文号", "", "如 教函〔2026〕8号")
	f.entry("联系人", "", "")
	f.entry("电话", "", "")
	for _, c := range cfg.Classes {
		a.classes = append(a.classes, c.Code+" "+c.Label)
	}
	a.class = widget.NewRadioGroup(a.classes, nil)
	f.field("办理结果", a.class)
	a.face = widget.NewCheck("已与提案人面商", nil)
	f.field("是否面商", a.face)
	if i := f.nextAnswerUnit(); i >= 0 {
		a.unit.SetSelectedIndex(i)
	}
	f.fill = func(st *data.Step) {
		st.Answer = data.Answer{Date: f.text("答复日期"), DocNo: f.text("答复文号"), Contact: f.text("联系人"),
			Phone: f.text("电话"), FaceToFace: a.face.Checked, Note: f.text("备注")}
		if i := a.unit.SelectedIndex(); i >= 0 {
			st.Answer.UnitID = a.units[i].UnitID
		}
		if code, _, ok := strings.Cut(a.class.Selected, " "); ok {
			st.Answer.Class = code
		}
		st.Date = st.Answer.Date
	}
}

// nextAnswerUnit is the first answering unit with no answer in the current
// round, or -1.
func (f *actionForm) nextAnswerUnit() int {
	round := f.d.round()
	for i, x := range f.answer.units {
		if x.Role == proposal.RoleCo {
			continue
		}
		if !slices.ContainsFunc(f.d.answers, func(a data.Answer) bool { return a.UnitID == x.UnitID && a.Round == round }) {
			return i
		}
	}
	return -1
}

// onAnswerUnit fills the unit's contact, and hides the class for a 会办
// unit, which sends an opinion rather than an answer.
func (f *actionForm) onAnswerUnit() {
	a := f.answer
	i := a.unit.SelectedIndex()
	if i < 0 {
		return
	}
	for _, u := range f.d.l.units {
		if u.ID == a.units[i].UnitID {
			f.entries["联系人"].SetText(u.Contact)
			f.entries["电话"].SetText(u.Phone)
		}
	}
	co := a.units[i].Role == proposal.RoleCo
	if co {
		a.class.SetSelected("")
		a.class.Disable()
	} else {
		a.class.Enable()
	}
}

// rateFields are the widgets of 登记评价.
type rateFields struct {
	proposer *widget.Select
	verdict  *widget.RadioGroup
	axes     map[string]*widget.Select
}

func (f *actionForm) addRateFields() {
	r := &rateFields{axes: map[string]*widget.Select{}}
	f.rate = r
	r.proposer = widget.NewSelect(nil, nil)
	round := f.d.round()
	verdicts := map[int]string{} // this round's
	for _, x := range f.d.ratings {
		if x.Round == round {
			verdicts[x.Seq] = x.Verdict
		}
	}
	for i, x := range f.p.Proposers {
		label := fmt.Sprintf("%d. %s", i+1, x.Name)
		if v := verdicts[x.Seq]; v != "" {
			label += "（已评：" + v + "）"
		}
		r.proposer.Options = append(r.proposer.Options, label)
	}
	r.proposer.PlaceHolder = "请选择提案人"
	f.field("提案人", r.proposer)
	r.verdict = widget.NewRadioGroup(proposal.Ratings, nil)
	r.verdict.Horizontal = true
	f.field("满意度", r.verdict)
	for _, axis := range f.d.l.ps.cfg.RatingAxes {
		s := widget.NewSelect(proposal.Ratings, nil)
		s.PlaceHolder = "可不填"
		r.axes[axis] = s
		f.field(axis, s)
	}
	for i, x := range f.p.Proposers {
		if verdicts[x.Seq] == "" {
			r.proposer.SetSelectedIndex(i)
			break
		}
	}
	f.fill = func(st *data.Step) {
		st.Rating = data.Rating{Verdict: r.verdict.Selected, Axes: map[string]string{}}
		if i := r.proposer.SelectedIndex(); i >= 0 {
			st.Rating.Seq = f.p.Proposers[i].Seq
		}
		for axis, s := range r.axes {
			st.Rating.Axes[axis] = s.Selected
		}
	}
}

// round is the current round of answers: 1, plus one per 再次办理.
func (d *proposalDetail) round() int {
	n := 1
	for _, e := range d.events {
		if e.Action == string(proposal.ActRehandle) {
			n++
		}
	}
	return n
}

func setVisible(o fyne.CanvasObject, on bool) {
	if on {
		o.Show()
	} else {
		o.Hide()
	}
}
