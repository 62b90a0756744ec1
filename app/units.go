package app

import (
	"context"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/export/sheet"
)

// unitRow is one handling unit with its figures in the chosen scope.
type unitRow struct {
	unit data.Unit
	stat data.UnitStat // zero when it holds nothing there
}

// unitList is the 承办单位 tab: the managed list of handling units with
// each one's handling figures, and the proposals the selected one holds.
type unitList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	scopeSelect  *widget.Select
	showInactive *widget.Check
	countLabel   *widget.Label
	table        *columnTable[unitRow]
	holdHead     *widget.Label
	holdTable    *columnTable[heldProposal]

	addButton, editButton, deleteButton, activeButton *widget.Button
	defaultsButton, exportButton                      *widget.Button

	rows     []unitRow
	held     []heldProposal // of the selected unit
	selected int            // index in rows, -1 for none
	quiet    bool           // reload is selecting: it shows the unit's proposals once, after
	confirm  confirmer
	want     int64     // the unit to select at the next reload
	form     *unitForm // the open add/edit form, for tests
}

func newUnitList(ps *proposalScreen) *unitList {
	t := &unitList{ps: ps, selected: -1, confirm: windowConfirmer(ps.u.win)}
	t.scopeSelect = widget.NewSelect(nil, nil)
	t.showInactive = widget.NewCheck("显示已停用的单位", func(bool) { t.reload(t.ps.u.ctx) })
	t.countLabel = widget.NewLabel("")
	t.addButton = widget.NewButtonWithIcon("新增单位", theme.ContentAddIcon(), t.onAdd)
	t.addButton.Importance = widget.HighImportance
	t.editButton = widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), t.onEdit)
	t.deleteButton = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), t.onDelete)
	t.activeButton = widget.NewButtonWithIcon("停用", theme.VisibilityOffIcon(), t.onToggleActive)
	t.defaultsButton = widget.NewButtonWithIcon("添加常用单位", theme.ListIcon(), t.onDefaults)
	t.exportButton = widget.NewButtonWithIcon("导出办理情况统计表", theme.UploadIcon(), t.onExport)
	ps.u.guard(actEdit, t.addButton, t.editButton, t.deleteButton, t.activeButton)
	t.table = t.newTable()
	t.holdHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.holdTable = t.newHoldTable()

	toolbar := container.NewHBox(t.addButton, t.editButton, t.deleteButton, t.activeButton, t.defaultsButton,
		widget.NewSeparator(), t.exportButton)
	scope := container.NewHBox(widget.NewLabel("统计范围："),
		container.NewGridWrap(fyne.NewSize(200, t.scopeSelect.MinSize().Height), t.scopeSelect), t.showInactive, t.countLabel)
	hint := widget.NewLabel("主办、分办单位须答复提案者；“已答复”“超期”“分类”“满意率”只计这两类。满意率 =（满意 + 基本满意）÷ 收回的评价。")
	hint.TextStyle.Italic = true
	hint.Wrapping = fyne.TextWrapWord
	split := container.NewVSplit(t.table.obj, container.NewBorder(t.holdHead, nil, nil, nil, t.holdTable.obj))
	split.Offset = 0.6
	t.obj = container.NewBorder(container.NewVBox(toolbar, scope), hint, nil, nil, split)
	t.scopeSelect.OnChanged = func(string) { t.reload(t.ps.u.ctx) }
	t.updateButtons()
	return t
}

func (t *unitList) tabTitle() string        { return "承办单位" }
func (t *unitList) view() fyne.CanvasObject { return t.obj }

func (t *unitList) newTable() *columnTable[unitRow] {
	tb := newColumnTable(nil, func() []unitRow { return t.rows })
	tb.sticky(1)
	tb.onSort = func() { t.reload(t.ps.u.ctx) }
	tb.empty = func() string { return "还没有承办单位。点“新增”添加。" }
	tb.rowImportance = func(r unitRow) widget.Importance {
		if !r.unit.Active {
			return widget.LowImportance
		}
		return widget.MediumImportance
	}
	tb.selectable(t.ps.u.win, func(row int) {
		if !t.quiet {
			t.onSelected(row)
		}
	}, func() {
		if !t.quiet {
			t.onSelected(-1)
		}
	}, func(int) {
		if t.ps.u.can(actEdit) {
			t.onEdit()
		}
	})
	return tb
}

// unitColumns are the table's columns; the class columns follow the
// configured classes.
func unitColumns(classes []string) []*tableColumn[unitRow] {
	// Figures stay blank for a unit that holds nothing in the scope, so
	// the ones that do stand out.
	// A click on a count's header puts the largest first.
	num := func(title string, f func(data.UnitStat) int) *tableColumn[unitRow] {
		return &tableColumn[unitRow]{title: title, width: 50, text: func(r unitRow) string {
			if r.stat.Total() == 0 {
				return ""
			}
			return strconv.Itoa(f(r.stat))
		}, compare: func(a, b unitRow) int { return f(a.stat) - f(b.stat) }, descFirst: true}
	}
	name := func(r unitRow) string { return r.unit.Name }
	kind := func(r unitRow) string { return r.unit.Kind }
	cols := []*tableColumn[unitRow]{
		{title: "单位名称", width: 200, text: name, sortKey: name},
		{title: "类型", width: 80, text: kind, sortKey: kind},
		{title: "联系人", width: 72, text: func(r unitRow) string { return r.unit.Contact }},
		{title: "电话", width: 120, text: func(r unitRow) string { return r.unit.Phone }},
		{title: "状态", width: 56, text: func(r unitRow) string { return map[bool]string{true: "在用", false: "停用"}[r.unit.Active] }},
		num("主办", func(s data.UnitStat) int { return s.Lead }),
		num("会办", func(s data.UnitStat) int { return s.Co }),
		num("分办", func(s data.UnitStat) int { return s.Split }),
		{title: "已答复", width: 62, text: func(r unitRow) string {
			if r.stat.Total() == 0 {
				return ""
			}
			return fmt.Sprintf("%d/%d", r.stat.Answered, r.stat.Owed)
		}},
		num("超期", func(s data.UnitStat) int { return s.Overdue }),
	}
	for _, code := range classes {
		c := num(code+"类", func(s data.UnitStat) int { return s.Classes[code] })
		c.width = 46
		cols = append(cols, c)
	}
	return append(cols, &tableColumn[unitRow]{title: "满意率", width: 72, text: func(r unitRow) string {
		if r.stat.Total() == 0 {
			return ""
		}
		return sheet.Percent(r.stat.Satisfied+r.stat.Basic, r.stat.Ratings())
	}})
}

// scope is the filter of the chosen 统计范围: the whole term or a session.
func (t *unitList) scope() data.ProposalFilter {
	f := data.ProposalFilter{TermID: t.ps.u.term.ID}
	if i := t.scopeSelect.SelectedIndex() - 1; i >= 0 && i < len(t.ps.sessions) {
		f.SessionID = t.ps.sessions[i].ID
	}
	return f
}

func (t *unitList) reload(ctx context.Context) {
	u := t.ps.u
	t.refreshScopes()
	units, err := u.store.ListUnits(ctx, t.showInactive.Checked)
	if err != nil {
		showError(err, u.win)
		return
	}
	var stats []data.UnitStat
	if u.term.ID != 0 {
		if stats, err = u.store.UnitStats(ctx, t.scope(), t.ps.today()); err != nil {
			showError(err, u.win)
		}
	}
	byID := map[int64]data.UnitStat{}
	for _, s := range stats {
		byID[s.ID] = s
	}
	keep := t.want
	if x, ok := t.current(); ok && keep == 0 {
		keep = x.ID
	}
	t.want = 0
	t.rows = make([]unitRow, len(units))
	for i, x := range units {
		t.rows[i] = unitRow{unit: x, stat: byID[x.ID]}
	}
	t.table.setColumns(unitColumns(t.ps.cfg.ClassCodes()))
	t.table.sort(t.rows)
	t.countLabel.SetText(fmt.Sprintf("共 %d 个单位，%d 个承办了提案", len(units), len(stats)))
	if len(units) == 0 {
		t.countLabel.SetText("尚无承办单位。可点击“添加常用单位”一次添加县直部门等常用单位，再按本县实际修改。")
	}
	t.table.Refresh()
	t.selected = -1
	for i, r := range t.rows {
		if r.unit.ID == keep {
			t.selected = i
		}
	}
	t.quiet = true // onSelected runs once, below
	if t.selected >= 0 {
		t.table.selectRow(t.selected)
	} else {
		t.table.UnselectAll()
	}
	t.quiet = false
	t.onSelected(t.selected)
}

// refreshScopes lists 本届全部 and the term's sessions, keeping the choice.
func (t *unitList) refreshScopes() {
	opts := []string{"本届全部"}
	for _, x := range t.ps.sessions {
		opts = append(opts, x.SessionName())
	}
	i := max(t.scopeSelect.SelectedIndex(), 0)
	if i >= len(opts) {
		i = 0
	}
	fn := t.scopeSelect.OnChanged
	t.scopeSelect.OnChanged = nil
	t.scopeSelect.Options = opts
	t.scopeSelect.SetSelectedIndex(i)
	t.scopeSelect.OnChanged = fn
}

func (t *unitList) current() (data.Unit, bool) {
	if t.selected < 0 || t.selected >= len(t.rows) {
		return data.Unit{}, false
	}
	return t.rows[t.selected].unit, true
}

func (t *unitList) updateButtons() {
	x, ok := t.current()
	for _, b := range []*widget.Button{t.editButton, t.deleteButton, t.activeButton} {
		if ok {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if ok && !x.Active {
		t.activeButton.SetText("启用")
		t.activeButton.SetIcon(theme.VisibilityIcon())
	} else {
		t.activeButton.SetText("停用")
		t.activeButton.SetIcon(theme.VisibilityOffIcon())
	}
	if len(t.rows) == 0 && !t.showInactive.Checked {
		t.defaultsButton.Show()
	} else {
		t.defaultsButton.Hide()
	}
}

// onSelected shows what the selected unit holds in the chosen scope.
func (t *unitList) onSelected(row int) {
	t.selected = row
	t.updateButtons()
	t.held = nil
	x, ok := t.current()
	if !ok {
		t.holdHead.SetText("选择一个单位，查看它承办的提案。")
		t.holdTable.Refresh()
		return
	}
	u := t.ps.u
	if u.term.ID != 0 {
		f := t.scope()
		f.UnitID = x.ID
		list, err := u.store.ListProposals(u.ctx, f)
		if err != nil {
			showError(err, u.win)
		}
		t.held = heldBy(list, x.ID, t.ps.today())
	}
	t.holdHead.SetText(fmt.Sprintf("%s承办的提案（%s，%d 件）", x.Name, t.scopeSelect.Selected, len(t.held)))
	t.holdTable.Refresh()
}

// heldProposal is one proposal a unit holds, with its role there.
type heldProposal struct {
	p    data.Proposal
	role string
	left int  // days to the deadline
	due  bool // still owes an answer with a deadline
}

// heldBy lists the unit's role in each proposal and the time left where
// an answer is still owed.
func heldBy(list []data.Proposal, unitID int64, today string) []heldProposal {
	var out []heldProposal
	for _, p := range list {
		h := heldProposal{p: p}
		for _, a := range p.Units {
			if a.UnitID == unitID {
				h.role = a.Role
			}
		}
		if p.Status == proposal.Handling || p.Status == proposal.Rehandled {
			h.left, h.due = proposal.DaysLeft(today, p.Deadline)
		}
		out = append(out, h)
	}
	return out
}

func (t *unitList) newHoldTable() *columnTable[heldProposal] {
	return newColumnTable([]*tableColumn[heldProposal]{
		{title: "案号", width: 76, text: func(h heldProposal) string { return t.ps.cfg.FormatNumber(h.p.Number) }},
		{title: "案由", width: 300, text: func(h heldProposal) string { return h.p.Title }},
		{title: "承担", width: 56, text: func(h heldProposal) string { return h.role }},
		{title: "状态", width: 76, text: func(h heldProposal) string { return string(h.p.Status) }},
		{title: "交办日期", width: 96, text: func(h heldProposal) string { return h.p.AssignedDate }},
		{title: "办理期限", width: 96, text: func(h heldProposal) string { return h.p.Deadline }},
		{title: "剩余时间", width: 100, text: func(h heldProposal) string {
			if !h.due {
				return ""
			}
			return daysLeftText(h.left)
		}, importance: func(h heldProposal) widget.Importance {
			if !h.due {
				return widget.MediumImportance
			}
			return urgency(h.left)
		}},
	}, func() []heldProposal { return t.held })
}
