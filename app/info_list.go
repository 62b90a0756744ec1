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

// infoList is the list of the 社情民意 screen: filters (年度, 采用情况,
// 来源, search as you type), the table, the counts line and
// 新增/编辑/删除/回收站.
type infoList struct {
	s   *infoScreen
	obj fyne.CanvasObject

	rows     []data.Activity // the records of the year and search
	shown    []data.Activity // after the 采用 and 来源 filters
	selected int64
	loading  bool
	yearSet  bool

	yearSelect   *widget.Select
	adoptSelect  *widget.Select
	sourceSelect *widget.Select
	searchEntry  *widget.Entry
	countLabel   *widget.Label
	table        *columnTable[data.Activity]
	hidden       *hiddenNote // a record saved but left out by the filters
	addBtn       *widget.Button
	editBtn      *widget.Button
	deleteBtn    *widget.Button
	binBtn       *widget.Button
	bin          *recycleBin[data.ActivitySummary]
	confirm      confirmer
	form         *infoForm // the form last opened, for tests
}

func newInfoList(s *infoScreen) *infoList {
	l := &infoList{s: s, confirm: windowConfirmer(s.u.win)}
	l.yearSelect = widget.NewSelect([]string{allYears}, func(string) { l.refresh() })
	l.yearSelect.SetSelected(allYears)
	l.adoptSelect = widget.NewSelect([]string{allAdoptions}, func(string) { l.apply(true) })
	l.adoptSelect.SetSelected(allAdoptions)
	l.sourceSelect = widget.NewSelect([]string{allSources}, func(string) { l.apply(true) })
	l.sourceSelect.SetSelected(allSources)
	l.searchEntry = widget.NewEntry()
	l.searchEntry.SetPlaceHolder("在题目、作者姓名中查找")
	l.searchEntry.OnChanged = func(string) { l.refresh() }
	l.countLabel = widget.NewLabel("")
	l.countLabel.Wrapping = fyne.TextWrapWord
	l.table = l.newTable()
	l.hidden = newHiddenNote(l.clearFilters)

	l.addBtn = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), l.onAdd)
	l.addBtn.Importance = widget.HighImportance
	l.editBtn = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), l.onEdit)
	l.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), l.onDelete)
	l.binBtn = widget.NewButtonWithIcon("回收站", theme.ContentUndoIcon(), l.onRecycleBin)
	l.updateButtons()
	s.u.guard(actEdit, l.addBtn, l.editBtn, l.deleteBtn)
	l.bin = newInfoBin(l)

	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
	}
	buttons := container.NewHBox(l.addBtn, l.editBtn, l.deleteBtn, widget.NewSeparator(), l.binBtn)
	filters := container.NewHBox(widget.NewLabel("年度"), wide(l.yearSelect, 120),
		widget.NewLabel("采用"), wide(l.adoptSelect, 150), widget.NewLabel("来源"), wide(l.sourceSelect, 120))
	search := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), nil, l.searchEntry)
	top := container.NewVBox(container.NewBorder(nil, nil, buttons, nil, search), filters, l.hidden.obj)
	l.obj = container.NewBorder(container.NewVBox(heading("社情民意"), top), l.countLabel, nil, nil, l.table.obj)
	return l
}

func (l *infoList) newTable() *columnTable[data.Activity] {
	t := newColumnTable(l.columns(), func() []data.Activity { return l.shown })
	t.onSort = func() { l.apply(true) }
	t.empty = l.emptyText
	t.selectable(l.s.u.win, func(row int) {
		if row >= 0 && row < len(l.shown) {
			l.selected = l.shown[row].ID
			l.updateButtons()
		}
	}, nil, func(int) {
		if l.s.u.can(actEdit) {
			l.onEdit()
		}
	})
	return t
}

func (l *infoList) columns() []*tableColumn[data.Activity] {
	return []*tableColumn[data.Activity]{
		{title: "编号/期号", width: 130, text: func(a data.Activity) string { return orDefaultText(a.Issue, strconv.FormatInt(a.ID, 10)) }},
		{title: "题目", width: 300, text: func(a data.Activity) string { return a.Title }},
		{title: "第一作者", width: 90, text: firstAuthor, sortKey: func(a data.Activity) string { return newNameKey(firstAuthor(a)).sortKey }},
		{title: "作者数", width: 64, text: func(a data.Activity) string { return strconv.Itoa(len(a.Members)) },
			compare: func(a, b data.Activity) int { return cmp.Compare(len(a.Members), len(b.Members)) }, descFirst: true},
		// The store lists the newest first, then the latest entered.
		{title: "报送日期", width: 100, text: func(a data.Activity) string { return a.Date },
			compare:   func(a, b data.Activity) int { return cmp.Or(strings.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID)) },
			descFirst: true, initial: true},
		{title: "编发", width: 100, text: func(a data.Activity) string {
			if a.Issue == "" {
				return "未编发"
			}
			return orDefaultText(a.IssueDate, "已编发")
		}},
		{title: "最高采用级别", width: 110, text: func(a data.Activity) string {
			return orDefaultText(highestAdoption(a, l.s.adoptLevels()), "—")
		}},
		{title: "批示", width: 160, text: instructions},
	}
}

func firstAuthor(a data.Activity) string {
	if len(a.Members) > 0 {
		return a.Members[0].Name
	}
	return ""
}

// reload refreshes the filter choices, then the rows.
func (l *infoList) reload(ctx context.Context) {
	l.loading = true
	years := append([]string{allYears}, l.s.base.years()...)
	l.yearSelect.Options = years
	if now := strconv.Itoa(l.s.u.store.Now().Year()); !l.yearSet && slices.Contains(years, now) {
		l.yearSelect.SetSelected(now)
		l.yearSet = true
	}
	if !slices.Contains(years, l.yearSelect.Selected) {
		l.yearSelect.SetSelected(allYears)
	}
	l.adoptSelect.Options = append([]string{allAdoptions, adoptAny, adoptNone}, l.s.adoptLevels()...)
	if !slices.Contains(l.adoptSelect.Options, l.adoptSelect.Selected) {
		l.adoptSelect.SetSelected(allAdoptions)
	}
	l.sourceSelect.Options = append([]string{allSources}, l.s.sources()...)
	if !slices.Contains(l.sourceSelect.Options, l.sourceSelect.Selected) {
		l.sourceSelect.SetSelected(allSources)
	}
	l.loading = false
	l.query(ctx)
}

func (l *infoList) refresh() {
	if l.table == nil || l.loading {
		return
	}
	l.hidden.hide()
	l.load(l.s.u.ctx, true)
}

// emptyText is what the table says when it shows no record.
func (l *infoList) emptyText() string {
	if l.adoptSelect.Selected != allAdoptions || l.sourceSelect.Selected != allSources ||
		strings.TrimSpace(l.searchEntry.Text) != "" {
		return "没有符合筛选条件的社情民意。"
	}
	if l.yearSelect.Selected != allYears {
		return l.yearSelect.Selected + " 年还没有社情民意。点“新增”录入。"
	}
	return "还没有社情民意。点“新增”录入。"
}

// clearFilters shows every record of the year chosen, without search.
func (l *infoList) clearFilters() {
	l.loading = true
	l.adoptSelect.SetSelected(allAdoptions)
	l.sourceSelect.SetSelected(allSources)
	l.searchEntry.SetText("")
	l.loading = false
	l.load(l.s.u.ctx, true)
}

// query loads the year's records matching the search, whole (authors and
// adoptions), then applies the other filters.
func (l *infoList) query(ctx context.Context) { l.load(ctx, false) }

// load is query; top starts the list again at its first row (a filter
// changed).
func (l *infoList) load(ctx context.Context, top bool) {
	u := l.s.u
	l.rows = nil
	if u.term.ID != 0 {
		f := data.ActivityFilter{TermID: u.term.ID, Kind: data.ActInfo, Query: strings.TrimSpace(l.searchEntry.Text)}
		if y, err := strconv.Atoi(l.yearSelect.Selected); err == nil {
			f.Year = y
		}
		list, err := u.store.ListActivities(ctx, f)
		if err != nil {
			showError(err, u.win)
		}
		for _, x := range list {
			a, err := u.store.GetActivity(ctx, x.ID)
			if err != nil {
				showError(err, u.win)
				break
			}
			l.rows = append(l.rows, a)
		}
	}
	l.apply(top)
}

// apply filters the loaded rows by 采用 and 来源 and keeps the selection;
// top scrolls back to the first row.
func (l *infoList) apply(top bool) {
	if l.table == nil || l.loading {
		return
	}
	if top {
		l.hidden.hide() // the filters changed: the note told of others
	}
	adopt, source := l.adoptSelect.Selected, l.sourceSelect.Selected
	levels := l.s.adoptLevels()
	l.shown = l.shown[:0]
	for _, a := range l.rows {
		got := highestAdoption(a, levels)
		switch {
		case adopt == adoptAny && got == "",
			adopt == adoptNone && got != "",
			adopt != allAdoptions && adopt != adoptAny && adopt != adoptNone && !adoptedAt(a, adopt),
			source != allSources && a.Source != source:
			continue
		}
		l.shown = append(l.shown, a)
	}
	l.table.sort(l.shown)
	l.countLabel.SetText(infoCounts(l.shown, levels))
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

func (l *infoList) rowOf(id int64) int {
	if id == 0 {
		return -1
	}
	return slices.IndexFunc(l.shown, func(a data.Activity) bool { return a.ID == id })
}

func (l *infoList) updateButtons() {
	if l.editBtn == nil {
		return
	}
	setEnabled(l.editBtn, l.selected != 0)
	setEnabled(l.deleteBtn, l.selected != 0)
}

func (l *infoList) onAdd() {
	u := l.s.u
	if u.term.ID == 0 {
		showError(errNoTerm, u.win)
		return
	}
	l.s.openInfoForm(data.Activity{TermID: u.term.ID, Kind: data.ActInfo, Date: l.s.base.today(),
		Source: sourceDirect, Counted: true, EnteredBy: u.operator()})
}

func (l *infoList) onEdit() {
	u := l.s.u
	if l.selected == 0 {
		return
	}
	a, err := u.store.GetActivity(u.ctx, l.selected)
	if err != nil {
		showError(err, u.win)
		return
	}
	l.s.openInfoForm(a)
}

// onDelete moves the selected record to the recycle bin after asking.
func (l *infoList) onDelete() {
	i := l.rowOf(l.selected)
	if i < 0 {
		return
	}
	a := l.shown[i]
	u := l.s.u
	l.confirm("删除", fmt.Sprintf("将社情民意“%s”移入回收站吗？\n可在“回收站”中恢复。", a.Title), func() {
		if err := u.store.DeleteActivity(u.ctx, a.ID); err != nil {
			showError(err, u.win)
			return
		}
		l.selected = 0
		l.query(u.ctx)
	})
}

// saved shows a record just stored: its year, its row selected.
func (l *infoList) saved(a data.Activity) {
	if y := yearOf(a.Date); y != "" && l.yearSelect.Selected != allYears && l.yearSelect.Selected != y {
		l.loading = true
		l.yearSelect.SetSelected(y)
		l.loading = false
	}
	l.selected = a.ID
	l.query(l.s.u.ctx)
	if l.rowOf(a.ID) < 0 {
		l.hidden.show("“" + a.Title + "”")
		l.hidden.onClear = func() {
			if i := l.rowOf(a.ID); i >= 0 {
				l.selected = a.ID
				l.table.selectRow(i)
			}
		}
	} else {
		l.hidden.hide()
		l.table.scroll(false, l.rowOf(a.ID))
	}
}

// newInfoBin is the 回收站 of the term's deleted 社情民意.
func newInfoBin(l *infoList) *recycleBin[data.ActivitySummary] {
	u := l.s.u
	return newRecycleBin(u, binSpec[data.ActivitySummary]{
		hint: "删除的社情民意保留在这里，恢复后回到社情民意列表。",
		unit: "篇",
		columns: []*tableColumn[data.ActivitySummary]{
			{title: "删除时间", width: 150, text: func(r data.ActivitySummary) string { return deletedStamp(r.DeletedAt) }},
			{title: "报送日期", width: 100, text: func(r data.ActivitySummary) string { return r.Date }},
			{title: "题目", width: 300, text: func(r data.ActivitySummary) string { return r.Title }},
			{title: "作者", width: 160, text: func(r data.ActivitySummary) string { return r.Names }},
		},
		load: func(ctx context.Context) ([]data.ActivitySummary, error) {
			return u.store.ListActivities(ctx, data.ActivityFilter{TermID: u.term.ID, Kind: data.ActInfo, Deleted: true})
		},
		name:    func(r data.ActivitySummary) string { return "社情民意“" + r.Title + "”" },
		restore: func(ctx context.Context, r data.ActivitySummary) error { return u.store.RestoreActivity(ctx, r.ID) },
		purge:   func(ctx context.Context, r data.ActivitySummary) error { return u.store.PurgeActivity(ctx, r.ID) },
		restored: func(r data.ActivitySummary) {
			l.saved(data.Activity{ID: r.ID, Kind: r.Kind, Date: r.Date, Title: r.Title})
		},
	})
}

// onRecycleBin opens the 回收站 of the term's deleted 社情民意.
func (l *infoList) onRecycleBin() { l.bin.open() }
