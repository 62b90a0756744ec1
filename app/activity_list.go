package app

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// activitySpec is what differs between the lists of the kinds: columns,
// the type choices, the counts line and the form.
type activitySpec struct {
	kind     string
	title    string // tab title
	columns  []*tableColumn[activityRow]
	types    func() []string            // the 类型 filter's choices
	count    func([]activityRow) string // the counts line
	detailed bool                       // rows need the whole record (会议, 级别 are not in the summary)
	open     func(a data.Activity)      // opens the add/edit form
	imports  bool                       // offers 导入 (events)
}

// activityDateColumn is the 日期 of a record: the lists come newest first
// (then the latest entered); a click on it puts the oldest first.
func activityDateColumn() *tableColumn[activityRow] {
	return &tableColumn[activityRow]{title: "日期", width: 100, text: func(r activityRow) string { return r.Date },
		compare:   func(a, b activityRow) int { return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID)) },
		descFirst: true, initial: true}
}

// activityCountColumn is a number of people; a click puts the most first.
func activityCountColumn(title string, width float32, n func(r activityRow) int) *tableColumn[activityRow] {
	return &tableColumn[activityRow]{title: title, width: width, text: func(r activityRow) string { return strconv.Itoa(n(r)) },
		compare: func(a, b activityRow) int { return cmp.Compare(n(a), n(b)) }, descFirst: true}
}

func activityType(r activityRow) string { return r.Type }

// activityRow is one row of a list: the summary, and the whole record when
// the kind's columns need it.
type activityRow struct {
	data.ActivitySummary
	full data.Activity
}

// activityList is one kind's tab: filters (年度, 类型, search), the table,
// a counts line and 新增/编辑/删除 (and 导入 for events).
type activityList struct {
	s    *activityScreen
	spec activitySpec
	obj  fyne.CanvasObject

	rows     []activityRow
	selected int64 // ID of the selected row, 0 for none
	loading  bool  // reload is setting the filters
	yearSet  bool  // the year filter has been given its default

	yearSelect  *widget.Select
	typeSelect  *widget.Select
	searchEntry *widget.Entry
	countLabel  *widget.Label
	table       *columnTable[activityRow]
	hidden      *hiddenNote // a record saved but left out by the filters
	addBtn      *widget.Button
	editBtn     *widget.Button
	deleteBtn   *widget.Button
	importBtn   *widget.Button
	confirm     confirmer
}

func newActivityList(s *activityScreen, spec activitySpec) *activityList {
	l := &activityList{s: s, spec: spec, confirm: windowConfirmer(s.u.win)}
	l.yearSelect = widget.NewSelect([]string{allYears}, func(string) { l.refresh() })
	l.yearSelect.SetSelected(allYears)
	l.typeSelect = widget.NewSelect([]string{allTypes}, func(string) { l.refresh() })
	l.typeSelect.SetSelected(allTypes)
	l.searchEntry = widget.NewEntry()
	l.searchEntry.SetPlaceHolder("在名称、主办、人员姓名中查找")
	l.searchEntry.OnChanged = func(string) { l.refresh() }
	l.countLabel = widget.NewLabel("")
	l.table = l.newTable()
	l.hidden = newHiddenNote(l.clearFilters)

	l.addBtn = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), l.onAdd)
	l.addBtn.Importance = widget.HighImportance
	l.editBtn = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), l.onEdit)
	l.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), l.onDelete)
	buttons := container.NewHBox(l.addBtn, l.editBtn, l.deleteBtn)
	if spec.imports {
		l.importBtn = widget.NewButtonWithIcon("导入", theme.DownloadIcon(), l.onImport)
		buttons.Add(widget.NewSeparator())
		buttons.Add(l.importBtn)
	}
	l.updateButtons()
	s.u.guard(actEdit, buttons)

	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	filters := container.NewHBox(widget.NewLabel("年度"), wide(l.yearSelect, 120),
		widget.NewLabel("类型"), wide(l.typeSelect, 160))
	search := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, l.searchEntry)
	toolbar := container.NewBorder(nil, nil, buttons, filters, search)
	l.obj = container.NewBorder(container.NewVBox(toolbar, l.hidden.obj), l.countLabel, nil, nil, l.table.obj)
	return l
}

func (l *activityList) tabTitle() string        { return l.spec.title }
func (l *activityList) view() fyne.CanvasObject { return l.obj }

func (l *activityList) newTable() *columnTable[activityRow] {
	t := newColumnTable(l.spec.columns, func() []activityRow { return l.rows })
	t.onSort = l.resort
	t.empty = l.emptyText
	t.selectable(l.s.u.win, func(row int) {
		if row >= 0 && row < len(l.rows) {
			l.selected = l.rows[row].ID
			l.updateButtons()
		}
	}, nil, func(int) {
		if l.s.u.can(actEdit) {
			l.onEdit()
		}
	})
	return t
}

// reload refreshes the year and type choices, then the rows.
func (l *activityList) reload(ctx context.Context) {
	l.loading = true
	years := append([]string{allYears}, l.s.years()...)
	l.yearSelect.Options = years
	if now := strconv.Itoa(l.s.u.store.Now().Year()); !l.yearSet && slices.Contains(years, now) {
		l.yearSelect.SetSelected(now) // this year's records are the ones being entered
		l.yearSet = true
	}
	if !slices.Contains(years, l.yearSelect.Selected) {
		l.yearSelect.SetSelected(allYears)
	}
	l.typeSelect.Options = append([]string{allTypes}, l.spec.types()...)
	if !slices.Contains(l.typeSelect.Options, l.typeSelect.Selected) {
		l.typeSelect.SetSelected(allTypes)
	}
	l.loading = false
	l.query(ctx)
}

// refresh re-runs the query after a filter changed.
func (l *activityList) refresh() {
	if l.table == nil || l.loading {
		return
	}
	l.hidden.hide()
	l.load(l.s.u.ctx, true)
}

// emptyText is what the table says when it shows no record.
func (l *activityList) emptyText() string {
	if l.typeSelect.Selected != allTypes || strings.TrimSpace(l.searchEntry.Text) != "" {
		return "没有符合筛选条件的记录。"
	}
	if l.yearSelect.Selected != allYears {
		return l.yearSelect.Selected + " 年还没有记录。点“新增”录入。"
	}
	return "还没有记录。点“新增”录入。"
}

// clearFilters shows every type, without search, in the year chosen.
func (l *activityList) clearFilters() {
	l.loading = true
	l.typeSelect.SetSelected(allTypes)
	l.searchEntry.SetText("")
	l.loading = false
	l.load(l.s.u.ctx, true)
}

// filter is what the widgets select.
func (l *activityList) filter() data.ActivityFilter {
	f := data.ActivityFilter{TermID: l.s.u.term.ID, Kind: l.spec.kind, Query: strings.TrimSpace(l.searchEntry.Text)}
	if y, err := strconv.Atoi(l.yearSelect.Selected); err == nil {
		f.Year = y
	}
	if t := l.typeSelect.Selected; t != allTypes {
		f.Type = t
	}
	return f
}

// query loads the rows the filters select and keeps the selection when
// the row is still shown.
func (l *activityList) query(ctx context.Context) { l.load(ctx, false) }

// load is query; top starts the list again at its first row (a filter
// changed).
func (l *activityList) load(ctx context.Context, top bool) {
	u := l.s.u
	l.rows = nil
	if u.term.ID != 0 {
		list, err := u.store.ListActivities(ctx, l.filter())
		if err != nil {
			showError(err, u.win)
		}
		for _, x := range list {
			r := activityRow{ActivitySummary: x}
			if l.spec.detailed {
				if r.full, err = u.store.GetActivity(ctx, x.ID); err != nil {
					showError(err, u.win)
					break
				}
			}
			l.rows = append(l.rows, r)
		}
	}
	l.table.sort(l.rows)
	l.countLabel.SetText(l.spec.count(l.rows))
	l.table.Refresh()
	i := l.rowOf(l.selected)
	l.table.scroll(top, i)
	if i >= 0 {
		l.table.selectRow(i)
	} else {
		l.selected = 0
		l.table.UnselectAll()
	}
	l.updateButtons()
}

// resort shows the rows in the order a click on a header chose, from the
// first row on, the selected record still selected.
func (l *activityList) resort() {
	l.table.sort(l.rows)
	l.table.Refresh()
	i := l.rowOf(l.selected)
	l.table.scroll(true, i)
	if i >= 0 {
		l.table.selectRow(i)
	}
}

func (l *activityList) rowOf(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(l.rows, func(r activityRow) bool { return r.ID == id })
}

// selectID selects a row by activity ID, if shown.
func (l *activityList) selectID(id int64) {
	l.selected = id
	if i := l.rowOf(id); i >= 0 {
		l.table.selectRow(i)
		l.table.scroll(false, i)
	}
	l.updateButtons()
}

func (l *activityList) updateButtons() {
	if l.editBtn == nil {
		return
	}
	setEnabled(l.editBtn, l.selected != 0)
	setEnabled(l.deleteBtn, l.selected != 0)
}

func (l *activityList) onAdd() {
	u := l.s.u
	if u.term.ID == 0 {
		showError(errNoTerm, u.win)
		return
	}
	l.spec.open(data.Activity{TermID: u.term.ID, Kind: l.spec.kind, Date: l.s.today(), EnteredBy: u.operator()})
}

func (l *activityList) onEdit() {
	u := l.s.u
	if l.selected == 0 {
		return
	}
	a, err := u.store.GetActivity(u.ctx, l.selected)
	if err != nil {
		showError(err, u.win)
		return
	}
	l.spec.open(a)
}

// onDelete moves the selected record to the recycle bin after asking.
func (l *activityList) onDelete() {
	i := l.rowOf(l.selected)
	if i < 0 {
		return
	}
	r := l.rows[i]
	u := l.s.u
	msg := fmt.Sprintf("将“%s %s”移入回收站吗？\n可在“回收站”中恢复。", r.Date, orDefaultText(r.Title, r.Names))
	l.confirm("删除", msg, func() {
		if err := u.store.DeleteActivity(u.ctx, r.ID); err != nil {
			showError(err, u.win)
			return
		}
		l.selected = 0
		l.query(u.ctx)
	})
}

func (l *activityList) onImport() {
	u := l.s.u
	u.showEventImport(u.term.ID, func() { l.s.reload(u.ctx) })
}

// saved shows a record just stored: its year, its row selected.
func (l *activityList) saved(a data.Activity) {
	if y := yearOf(a.Date); y != "" && l.yearSelect.Selected != allYears && l.yearSelect.Selected != y {
		l.loading = true
		l.yearSelect.SetSelected(y)
		l.loading = false
	}
	l.query(l.s.u.ctx)
	l.selectID(a.ID)
	if l.rowOf(a.ID) < 0 {
		l.hidden.show("“" + orDefaultText(a.Title, a.Date) + "”")
		l.hidden.onClear = func() { l.selectID(a.ID) }
	} else {
		l.hidden.hide()
	}
}

func yearOf(date string) string {
	if len(date) >= 4 {
		return date[:4]
	}
	return ""
}

// countRows is the usual counts line: "共 N 条".
func countRows(unit string) func([]activityRow) string {
	return func(rows []activityRow) string { return fmt.Sprintf("共 %d %s", len(rows), unit) }
}
