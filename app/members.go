package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// Filter choices: all is "no filter"; activeOnly is 在任 and 增补 together,
// the members who currently serve.
const (
	all        = "全部"
	activeOnly = "当前在任"
)

// memberFields are the member table's columns after 序号: a field and its
// width in points.
var memberFields = []struct {
	field string // data.Field* label
	width float32
}{
	{data.FieldName, 86},
	{data.FieldGender, 56},
	{data.FieldBirth, 90},
	{data.FieldParty, 110},
	{data.FieldSector, 150},
	{data.FieldWorkUnit, 260},
	{data.FieldRole, 86},
	{data.FieldPhone, 130},
	{data.FieldStatus, 86},
}

// memberList is the 委员 screen: a filterable, sortable roster of the term
// being viewed, with a detail pane for the selected member.
type memberList struct {
	u   *UI
	obj fyne.CanvasObject

	all   []data.Member // the term's roster as loaded
	keys  []nameKey     // name search keys, parallel to all
	shown []data.Member // after filters, search and sort

	searchEntry *widget.Entry
	filters     map[string]*widget.Select // by catalog kind, plus "status"
	standing    *widget.Check
	countLabel  *widget.Label
	table       *columnTable[data.Member]
	detail      *widget.RichText
	hidden      *hiddenNote // a member saved but left out by the filters

	selected int // index in shown, -1 for none

	editBtn, deleteBtn *widget.Button
	bin                *recycleBin[data.Member] // the 回收站

	form     *memberForm    // the open add/edit form, for tests
	preview  *importPreview // the open import preview, for tests
	exportID *widget.Check  // 含完整身份证号 in the last export dialog, for tests
}

func newMemberList(u *UI) *memberList {
	m := &memberList{u: u, selected: -1, filters: map[string]*widget.Select{}}
	m.searchEntry = widget.NewEntry()
	m.searchEntry.SetPlaceHolder("按姓名或拼音查找，如“张三”“zs”“zhangsan”")
	m.searchEntry.OnChanged = func(string) { m.apply() }

	var filterRow []fyne.CanvasObject
	for _, kind := range data.CatalogKinds {
		s := widget.NewSelect([]string{all}, func(string) { m.apply() })
		s.SetSelected(all)
		m.filters[kind] = s
		filterRow = append(filterRow, container.NewHBox(widget.NewLabel(data.KindLabel(kind)), s))
	}
	status := widget.NewSelect(append([]string{all, activeOnly}, data.Statuses...), func(string) { m.apply() })
	status.SetSelected(activeOnly)
	m.filters["status"] = status
	m.standing = widget.NewCheck("仅常委", func(bool) { m.apply() })
	filterRow = append(filterRow, container.NewHBox(widget.NewLabel("状态"), status), m.standing)

	m.countLabel = widget.NewLabel("")
	m.table = m.newTable()
	m.hidden = newHiddenNote(m.clearFilters)
	m.detail = widget.NewRichText()
	m.detail.Wrapping = fyne.TextWrapWord

	add := widget.NewButtonWithIcon("新增委员", theme.ContentAddIcon(), m.onAdd)
	add.Importance = widget.HighImportance
	m.editBtn = widget.NewButtonWithIcon("编辑", theme.DocumentCreateIcon(), m.onEdit)
	m.deleteBtn = widget.NewButtonWithIcon("删除", theme.DeleteIcon(), m.onDelete)
	importBtn := widget.NewButtonWithIcon("导入名册", theme.DownloadIcon(), m.onImport)
	exportBtn := widget.NewButtonWithIcon("导出名册", theme.UploadIcon(), m.onExport)
	templateBtn := widget.NewButtonWithIcon("导入模板", theme.FileIcon(), m.onTemplate)
	binBtn := widget.NewButtonWithIcon("回收站", theme.ContentUndoIcon(), m.onRecycleBin)
	m.updateButtons()
	u.guard(actEdit, add, m.editBtn, m.deleteBtn, importBtn)
	m.bin = newMemberBin(m)

	toolbar := container.NewHBox(add, m.editBtn, m.deleteBtn, widget.NewSeparator(),
		importBtn, exportBtn, templateBtn, widget.NewSeparator(), binBtn)
	search := container.NewBorder(nil, nil, widget.NewIcon(theme.SearchIcon()), m.countLabel, m.searchEntry)
	top := container.NewVBox(heading("委员"), toolbar, search, wrapRow(filterRow...), m.hidden.obj)
	side := container.NewVScroll(container.NewPadded(m.detail))
	split := container.NewHSplit(m.table.obj, side)
	split.Offset = 0.8
	m.obj = container.NewBorder(top, nil, nil, nil, split)
	return m
}

func (m *memberList) title() string           { return "委员" }
func (m *memberList) icon() fyne.Resource     { return theme.AccountIcon() }
func (m *memberList) view() fyne.CanvasObject { return m.obj }

func (m *memberList) newTable() *columnTable[data.Member] {
	t := newColumnTable(memberColumns(), func() []data.Member { return m.shown })
	t.sticky(2)
	t.onSort = m.apply
	t.empty = m.emptyText
	t.selectable(m.u.win, func(row int) {
		m.selected = row
		m.updateButtons()
		m.showDetail()
	}, func() {
		m.selected = -1
		m.updateButtons()
	}, func(int) {
		if m.u.can(actEdit) {
			m.onEdit()
		}
	})
	return t
}

// memberColumns are 序号 and the fields of memberFields. A click on a
// header sorts by the field (names in pinyin order); the rows' own order
// is the roster's (界别, then 常委 and office, as the store lists them).
func memberColumns() []*tableColumn[data.Member] {
	cols := []*tableColumn[data.Member]{{title: "序号", width: 56, seq: func(data.Member) bool { return true }}}
	for _, f := range memberFields {
		c := &tableColumn[data.Member]{title: f.field, width: f.width, text: func(x data.Member) string {
			return memberCell(x.Masked(), f.field) // the list never shows whole 身份证号 or phone numbers
		}}
		c.sortKey = func(x data.Member) string { return x.FieldValue(f.field) }
		if f.field == data.FieldName {
			c.sortKey = func(x data.Member) string { return newNameKey(x.Name).sortKey }
		}
		cols = append(cols, c)
	}
	return cols
}

// memberCell is what the list shows of a member's field.
func memberCell(x data.Member, field string) string {
	v := x.FieldValue(field)
	if field == data.FieldBirth {
		v = dotted(v)
	}
	if field == data.FieldRole && x.Standing && x.Role == "委员" {
		v = "常委"
	}
	return v
}

func (m *memberList) reload(ctx context.Context) {
	u := m.u
	if u.term.ID == 0 {
		m.all, m.keys = nil, nil
		m.show(false)
		return
	}
	list, err := u.store.ListMembers(ctx, data.MemberFilter{TermID: u.term.ID})
	if err != nil {
		showError(err, u.win)
		return
	}
	m.all = list
	m.keys = make([]nameKey, len(list))
	for i, x := range list {
		m.keys[i] = newNameKey(x.Name)
	}
	for _, kind := range data.CatalogKinds {
		names, err := u.store.CatalogNames(ctx, u.term.ID, kind)
		if err != nil {
			showError(err, u.win)
			return
		}
		s := m.filters[kind]
		s.Options = append([]string{all}, names...)
		if !slices.Contains(s.Options, s.Selected) {
			s.SetSelected(all)
		}
		s.Refresh()
	}
	m.show(false)
}

// apply shows the rows after a filter, the search or the sort changed:
// from the first row on.
func (m *memberList) apply() {
	if m.hidden != nil {
		m.hidden.hide()
	}
	m.show(true)
}

// emptyText is what the table says when it shows nobody.
func (m *memberList) emptyText() string {
	switch {
	case m.u.term.ID == 0:
		return "尚未建立届次。请先在“设置”中建立届次。"
	case len(m.all) == 0:
		return "本届名册还没有委员。\n点“新增委员”逐个录入，或点“导入名册”从Excel导入。"
	}
	return "没有符合筛选条件的委员。"
}

// clearFilters shows the whole current roster: no search, every 界别,
// party, committee and group, the members who serve.
func (m *memberList) clearFilters() {
	m.searchEntry.SetText("")
	for kind, s := range m.filters {
		if kind != "status" {
			s.SetSelected(all)
		}
	}
	m.filters["status"].SetSelected(activeOnly)
	m.standing.SetChecked(false)
}

// saved shows a member just stored: selected, or, when the filters leave
// him out, a note saying so with a button that clears them.
func (m *memberList) saved(x data.Member) {
	m.reload(m.u.ctx)
	if m.selectMember(x.Membership.ID) {
		m.hidden.hide()
		return
	}
	m.hidden.show("“" + x.Name + "”")
	m.hidden.onClear = func() {
		if !m.selectMember(x.Membership.ID) { // 离任 and the like: every status then
			m.filters["status"].SetSelected(all)
			m.selectMember(x.Membership.ID)
		}
	}
}

// show recomputes the shown rows from the loaded roster and the filters,
// keeping the selected member when still shown; top scrolls back to the
// first row.
func (m *memberList) show(top bool) {
	if m.table == nil {
		return // still building
	}
	var keep int64
	if m.selected >= 0 && m.selected < len(m.shown) {
		keep = m.shown[m.selected].Membership.ID
	}
	q := normQuery(m.searchEntry.Text)
	status := m.filters["status"].Selected
	m.shown = m.shown[:0]
	active := 0
	for i, x := range m.all {
		if q != "" && !m.keys[i].matches(q) {
			continue
		}
		if !m.pass(data.KindSector, x.Sector) || !m.pass(data.KindParty, x.Party) ||
			!m.pass(data.KindCommittee, x.Committee) || !m.pass(data.KindGroup, x.Group) {
			continue
		}
		switch status {
		case all, "":
		case activeOnly:
			if !data.IsActiveStatus(x.Status) {
				continue
			}
		default:
			if x.Status != status {
				continue
			}
		}
		if m.standing.Checked && !x.Standing {
			continue
		}
		if data.IsActiveStatus(x.Status) {
			active++
		}
		m.shown = append(m.shown, x)
	}
	m.table.sort(m.shown)
	m.countLabel.SetText(fmt.Sprintf("共 %d 人（本届名册 %d 人）", len(m.shown), len(m.all)))
	m.table.Refresh()
	m.selected = -1
	for i, x := range m.shown {
		if x.Membership.ID == keep {
			m.selected = i
		}
	}
	if m.selected >= 0 {
		m.table.selectRow(m.selected)
	} else {
		m.table.UnselectAll()
	}
	m.showDetail() // the member's record may have changed: Select does nothing for the same cell
	m.table.scroll(top, m.selected)
	m.updateButtons()
}

func (m *memberList) pass(kind, value string) bool {
	sel := m.filters[kind].Selected
	return sel == "" || sel == all || sel == value
}
