package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// allSessions is the session choice that shows the whole term.
const allSessions = "全部会次"

// proposalList is the 提案列表 tab: the proposals of a session (or the whole
// term) with filters, search, counts per status, and the detail pane of the
// selected proposal.
type proposalList struct {
	ps  *proposalScreen
	obj fyne.CanvasObject

	units []data.Unit
	rows  []data.Proposal // matching every filter but the status
	shown []data.Proposal // after the status filter and sort

	sessionSelect  *widget.Select
	sessionID      int64 // the chosen session; 0 = all, -1 = not chosen yet
	statusSelect   *widget.Select
	categorySelect *widget.Select
	unitSelect     *widget.Select
	proposerEntry  *widget.Entry
	searchEntry    *widget.Entry
	keyOnly        *widget.Check
	overdueOnly    *widget.Check
	summaryLabel   *widget.Label // counts per status
	countLabel     *widget.Label
	table          *columnTable[data.Proposal]

	selected int64 // ID of the selected proposal, 0 for none
	// pinned is a proposal just moved on by a workflow step: it stays in
	// the list, selected, although the filters may no longer select it
	// (状态 立案 after 交办), until a filter changes.
	pinned  int64
	pinRow  data.Proposal // the pinned proposal when the query left it out
	loading bool          // reload is setting the filters

	typing debouncer // the search typed in 搜索 or 提案人, once typing pauses

	addBtn    *widget.Button
	editBtn   *widget.Button
	deleteBtn *widget.Button
	searchRow *fyne.Container
	detail    *proposalDetail
	similar   similarFunc     // the form's duplicate check
	form      *proposalForm   // the open add/edit form, for tests
	importing *proposalImport // the open import preview, for tests
	bin       *recycleBin[data.Proposal]
}

func newProposalList(ps *proposalScreen) *proposalList {
	l := &proposalList{ps: ps, sessionID: -1, similar: storeSimilar(ps.u.store),
		typing: debouncer{pause: 200 * time.Millisecond, dbPath: ps.u.store.Path()}}
	l.sessionSelect = widget.NewSelect(nil, l.onSessionSelected)
	l.sessionSelect.PlaceHolder = "（尚无会次）"
	l.statusSelect = widget.NewSelect(statusOptions(), func(string) { // counted already: no query
		if l.detail != nil {
			l.pinned = 0
			l.apply(true)
		}
	})
	l.statusSelect.SetSelected(all)
	l.categorySelect = l.newFilterSelect([]string{all})
	l.unitSelect = l.newFilterSelect([]string{all})
	l.proposerEntry = widget.NewEntry()
	l.proposerEntry.SetPlaceHolder("提案人姓名")
	l.proposerEntry.OnChanged = func(string) { l.onTyped() }
	l.searchEntry = widget.NewEntry()
	l.searchEntry.SetPlaceHolder("在案由、正文、提案人、承办单位中查找")
	l.searchEntry.OnChanged = func(string) { l.onTyped() }
	l.keyOnly = widget.NewCheck("仅重点", func(bool) { l.refresh() })
	l.overdueOnly = widget.NewCheck("仅超期", func(bool) { l.refresh() })
	l.summaryLabel = widget.NewLabel("")
	l.summaryLabel.Wrapping = fyne.TextWrapWord
	l.countLabel = widget.NewLabel("显示 0 件")
	l.table = l.newTable()
	l.detail = newProposalDetail(l)

	l.addBtn = widget.NewButtonWithIcon("新增提案", theme.ContentAddIcon(), l.onAdd)
	l.addBtn.Importance = widget.HighImportance
	l.editBtn = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), l.detail.onEdit)
	l.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), l.detail.onDelete)
	binBtn := widget.NewButtonWithIcon("回收站", theme.ContentUndoIcon(), l.onRecycleBin)
	importBtn := widget.NewButtonWithIcon("导入台账", theme.DownloadIcon(), l.onImport)
	l.updateButtons()
	l.ps.u.guard(actEdit, l.addBtn, l.editBtn, l.deleteBtn, importBtn)
	l.bin = newProposalBin(l)

	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	filters := wrapRow(
		container.NewHBox(widget.NewLabel("会次"), wide(l.sessionSelect, 136)),
		container.NewHBox(widget.NewLabel("状态"), wide(l.statusSelect, 104)),
		container.NewHBox(widget.NewLabel("类别"), wide(l.categorySelect, 124)),
		container.NewHBox(widget.NewLabel("承办单位"), wide(l.unitSelect, 176)),
		container.NewHBox(widget.NewLabel("提案人"), wide(l.proposerEntry, 104)))
	toolbar := container.NewBorder(nil, nil,
		container.NewHBox(l.addBtn, l.editBtn, l.deleteBtn, widget.NewSeparator(), binBtn, importBtn), nil, l.summaryLabel)
	l.searchRow = container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()),
		container.NewHBox(l.keyOnly, l.overdueOnly, l.countLabel), l.searchEntry)
	top := container.NewVBox(toolbar, l.searchRow, filters)
	split := container.NewHSplit(l.table.obj, l.detail.view())
	split.Offset = 0.62
	l.obj = container.NewBorder(top, nil, nil, nil, split)
	return l
}

// emptyText is what the table says when it shows no proposal.
func (l *proposalList) emptyText() string {
	switch {
	case l.ps.u.term.ID == 0 || len(l.ps.sessions) == 0:
		return "尚未设置会次。请先在“设置”中添加本届的会次。"
	case l.filtering():
		return "没有符合筛选条件的提案。"
	case l.sessionID == 0:
		return "本届还没有提案。\n点“新增提案”录入，或点“导入台账”从Excel导入。"
	}
	return "本会次还没有提案。\n点“新增提案”录入，或点“导入台账”从Excel导入。"
}

// filtering reports whether any filter besides the session is chosen.
func (l *proposalList) filtering() bool {
	return l.statusSelect.Selected != all || l.categorySelect.Selected != all || l.unitSelect.Selected != all ||
		strings.TrimSpace(l.proposerEntry.Text) != "" || strings.TrimSpace(l.searchEntry.Text) != "" ||
		l.keyOnly.Checked || l.overdueOnly.Checked
}

func statusOptions() []string {
	out := []string{all}
	for _, s := range proposal.Statuses {
		out = append(out, string(s))
	}
	return out
}

func (l *proposalList) newFilterSelect(options []string) *widget.Select {
	s := widget.NewSelect(options, func(string) { l.refresh() })
	s.SetSelected(all)
	return s
}

func (l *proposalList) tabTitle() string        { return "提案列表" }
func (l *proposalList) view() fyne.CanvasObject { return l.obj }

// reload re-reads the sessions, categories and units into the filters,
// then the proposals.
func (l *proposalList) reload(ctx context.Context) {
	ps := l.ps
	opts := []string{allSessions}
	for _, s := range ps.sessions {
		opts = append(opts, s.SessionName())
	}
	chosen := 0 // 全部会次
	if l.sessionID != 0 {
		chosen = len(ps.sessions) // the newest session, unless the chosen one is still there
		for i, s := range ps.sessions {
			if s.ID == l.sessionID {
				chosen = i + 1
			}
		}
	}
	l.loading = true
	defer func() { l.loading = false }()
	l.sessionSelect.Options = opts
	l.sessionSelect.SetSelectedIndex(chosen)
	l.onSessionSelected("")

	l.categorySelect.Options = append([]string{all}, ps.cfg.Categories...)
	if !slices.Contains(l.categorySelect.Options, l.categorySelect.Selected) {
		l.categorySelect.SetSelected(all)
	}
	units, err := ps.u.store.ListUnits(ctx, true)
	if err != nil {
		showError(err, ps.u.win)
	}
	l.units = units
	names := []string{all}
	for _, u := range units {
		names = append(names, u.Name)
	}
	l.unitSelect.Options = names
	if !slices.Contains(names, l.unitSelect.Selected) {
		l.unitSelect.SetSelected(all)
	}
	l.query(ctx)
}

func (l *proposalList) onSessionSelected(string) {
	if len(l.ps.sessions) == 0 {
		return // nothing to choose; stay "not chosen" until sessions exist
	}
	i := l.sessionSelect.SelectedIndex()
	switch {
	case i == 0:
		l.sessionID = 0
	case i > 0 && i <= len(l.ps.sessions):
		l.sessionID = l.ps.sessions[i-1].ID
	}
	l.refresh()
}

// refresh re-runs the query after a filter changed.
func (l *proposalList) refresh() {
	if l.detail == nil || l.loading {
		return // still building, or reload queries once at the end
	}
	l.pinned = 0
	l.load(l.ps.u.ctx, true)
}

// filter is what the widgets select, apart from the status.
func (l *proposalList) filter() data.ProposalFilter {
	u := l.ps.u
	f := data.ProposalFilter{TermID: u.term.ID, SessionID: max(l.sessionID, 0),
		Proposer: strings.TrimSpace(l.proposerEntry.Text), KeyOnly: l.keyOnly.Checked,
		Query: strings.TrimSpace(l.searchEntry.Text)}
	if c := l.categorySelect.Selected; c != all {
		f.Category = c
	}
	if i := l.unitSelect.SelectedIndex(); i > 0 && i <= len(l.units) {
		f.UnitID = l.units[i-1].ID
	}
	if l.overdueOnly.Checked {
		f.OverdueOn = l.ps.today()
	}
	return f
}

// query loads the proposals the filters select, counts them per status
// and shows those of the chosen status, where the list was scrolled to.
func (l *proposalList) query(ctx context.Context) { l.load(ctx, false) }

// load is query; top starts the list again at its first row (a filter
// changed).
func (l *proposalList) load(ctx context.Context, top bool) {
	u := l.ps.u
	l.stopTyping()
	var rows []data.Proposal
	var err error
	if u.term.ID != 0 && l.sessionID >= 0 {
		rows, err = u.store.ListProposals(ctx, l.filter())
	}
	l.pinRow = data.Proposal{}
	if l.pinned != 0 && err == nil && !slices.ContainsFunc(rows, func(p data.Proposal) bool { return p.ID == l.pinned }) {
		if p, err := u.store.GetProposal(ctx, l.pinned); err == nil && !p.Deleted && p.TermID == u.term.ID {
			l.pinRow = p
		} else {
			l.pinned = 0 // deleted, or gone with the term: nothing to keep
		}
	}
	l.showRows(rows, err, top)
}

func (l *proposalList) showRows(rows []data.Proposal, err error, top bool) {
	showError(err, l.ps.u.win)
	l.rows = rows
	l.summaryLabel.SetText(statusSummary(l.rows))
	l.apply(top)
}

// onTyped queries once typing in the search or 提案人 entry pauses, off the
// UI thread: a whole term holds thousands of proposals, and one or two
// characters match many of them.
func (l *proposalList) onTyped() {
	u := l.ps.u
	if l.detail == nil || l.loading || u.term.ID == 0 || l.sessionID < 0 {
		l.refresh()
		return
	}
	l.pinned = 0
	f := l.filter()
	var rows []data.Proposal
	l.typing.run(u.ctx, func(ctx context.Context) (err error) {
		rows, err = u.store.ListProposals(ctx, f)
		return err
	}, func(err error) { l.showRows(rows, err, true) })
}

// stopTyping drops a pending search; its answer would be out of date.
func (l *proposalList) stopTyping() { l.typing.stop() }

// apply filters the loaded rows by status, sorts them and keeps the
// selection when the proposal is still shown; top scrolls back to the
// first row.
func (l *proposalList) apply(top bool) {
	status := proposal.Status(l.statusSelect.Selected)
	l.shown = l.shown[:0]
	for _, p := range l.rows {
		if status == all || status == "" || p.Status == status || p.ID == l.pinned {
			l.shown = append(l.shown, p)
		}
	}
	if l.pinRow.ID != 0 && l.pinRow.ID == l.pinned {
		l.shown = append(l.shown, l.pinRow)
	}
	l.table.sort(l.shown)
	l.countLabel.SetText(fmt.Sprintf("显示 %d 件", len(l.shown)))
	l.searchRow.Refresh() // the count may have grown wider
	l.table.Refresh()
	row := slices.IndexFunc(l.shown, func(p data.Proposal) bool { return p.ID == l.selected })
	l.table.scroll(top, row)
	if row >= 0 {
		l.table.selectRow(row)
		l.detail.show(l.shown[row]) // its data may have changed
		return
	}
	l.selected = 0
	l.table.UnselectAll()
	l.detail.clear()
	l.updateButtons()
}

func (l *proposalList) updateButtons() {
	if l.editBtn == nil {
		return
	}
	setEnabled(l.editBtn, l.selected != 0)
	setEnabled(l.deleteBtn, l.selected != 0)
}

func (l *proposalList) current() (data.Proposal, bool) {
	for _, p := range l.shown {
		if p.ID == l.selected {
			return p, true
		}
	}
	return data.Proposal{}, false
}

// showSession switches the list to a session unless the whole term is shown.
func (l *proposalList) showSession(id int64) {
	if l.sessionID == 0 || l.sessionID == id {
		return
	}
	for i, s := range l.ps.sessions {
		if s.ID == id {
			l.sessionSelect.SetSelectedIndex(i + 1)
		}
	}
}

// saved shows a proposal just stored or restored: its session, its row
// selected, although the filters may leave it out, until they change.
func (l *proposalList) saved(p data.Proposal) {
	l.showSession(p.SessionID)
	l.pinned = p.ID
	l.query(l.ps.u.ctx)
	l.selectProposal(p.ID)
}

// selectProposal selects a proposal's row if it is shown.
func (l *proposalList) selectProposal(id int64) {
	l.selected = id
	if row := slices.IndexFunc(l.shown, func(p data.Proposal) bool { return p.ID == id }); row >= 0 {
		l.table.selectRow(row)
		l.table.scroll(false, row)
	}
}
