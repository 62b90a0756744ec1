package app

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/savefile"
	"zhengxie/export/sheet"
)

// auditPage is how many log lines one page of the 操作日志 holds; the log
// grows for decades, so it is read a page at a time.
const auditPage = 200

// auditAll is the "any" choice of the drop-downs.
const auditAll = "全部"

const auditHint = "选中一条记录，在这里查看修改前后的内容。"

// auditView browses the 操作日志: filters (dates, 操作人, 对象, 操作,
// keyword), one page of lines in a table, the selected line's changes
// before → after, and 导出Excel… of everything the filter selects.
type auditView struct {
	u   *UI
	obj fyne.CanvasObject

	fromEntry, toEntry, queryEntry *widget.Entry
	actorSel, entitySel, actionSel *widget.Select
	table                          *columnTable[data.AuditEntry]
	detail                         *widget.Label
	status                         *widget.Label
	prevButton, nextButton         *widget.Button

	filter  data.AuditFilter // the applied filter, Offset the page shown
	entries []data.AuditEntry
	total   int
}

func newAuditView(u *UI) *auditView {
	v := &auditView{u: u}
	v.fromEntry, v.toEntry = newDateEntry("", ""), newDateEntry("", "")
	v.fromEntry.SetPlaceHolder("开始日期 如 2026-01-01")
	v.toEntry.SetPlaceHolder("结束日期 如 2026-12-31")
	v.queryEntry = widget.NewEntry()
	v.queryEntry.SetPlaceHolder("关键词：姓名、案由、字段或取值")
	v.queryEntry.OnSubmitted = func(string) { v.onApply() }
	v.actorSel = widget.NewSelect([]string{auditAll}, nil)
	v.entitySel = widget.NewSelect([]string{auditAll}, nil)
	v.actionSel = widget.NewSelect([]string{auditAll}, nil)
	for _, s := range []*widget.Select{v.actorSel, v.entitySel, v.actionSel} {
		s.SetSelected(auditAll)
	}
	v.table = newColumnTable(auditColumns(), func() []data.AuditEntry { return v.entries })
	v.table.empty = func() string { return "没有符合条件的操作记录。" }
	v.table.selectable(u.win, v.onSelected, nil, nil)
	v.detail = widget.NewLabel(auditHint)
	v.detail.Wrapping = fyne.TextWrapWord
	v.detail.Selectable = true
	v.status = widget.NewLabel("")
	v.prevButton = widget.NewButtonWithIcon("上一页", theme.NavigateBackIcon(), v.onPrev)
	v.nextButton = widget.NewButtonWithIcon("下一页", theme.NavigateNextIcon(), v.onNext)
	v.obj = v.layout()
	return v
}

func (v *auditView) layout() fyne.CanvasObject {
	apply := widget.NewButtonWithIcon("查询", theme.SearchIcon(), v.onApply)
	apply.Importance = widget.HighImportance
	clear := widget.NewButton("清除条件", v.onClear)
	exportButton := widget.NewButtonWithIcon("导出Excel…", theme.DocumentSaveIcon(), v.onExport)
	labelled := func(text string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(text), nil, o)
	}
	filters := container.NewVBox(
		wrapRow(fixedWidth(v.fromEntry, 215), fixedWidth(v.toEntry, 215), fixedWidth(labelled("操作人", v.actorSel), 190),
			fixedWidth(labelled("对象", v.entitySel), 190), fixedWidth(labelled("操作", v.actionSel), 190)),
		container.NewBorder(nil, nil, nil, container.NewHBox(apply, clear, exportButton), v.queryEntry),
	)
	pager := container.NewBorder(nil, nil, nil, container.NewHBox(v.prevButton, v.nextButton), v.status)
	detail := container.NewVScroll(v.detail)
	detail.SetMinSize(fyne.NewSize(0, 110))
	top := container.NewVBox(widget.NewLabelWithStyle("操作日志", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), filters)
	return container.NewBorder(top, container.NewVBox(pager, widget.NewSeparator(), detail), nil, nil, v.table.obj)
}

// reload reads the drop-down choices and the current page again.
func (v *auditView) reload(ctx context.Context) {
	c, err := v.u.store.AuditValues(ctx)
	if err != nil {
		showError(err, v.u.win)
		return
	}
	setAuditOptions(v.actorSel, c.Actors)
	setAuditOptions(v.entitySel, c.Entities)
	setAuditOptions(v.actionSel, c.Actions)
	v.load(ctx, true)
}

// setAuditOptions offers 全部 and the values, keeping the choice if still there.
func setAuditOptions(s *widget.Select, values []string) {
	keep := s.Selected
	s.Options = append([]string{auditAll}, values...)
	if keep == "" || !slices.Contains(s.Options, keep) {
		keep = auditAll
	}
	s.SetSelected(keep)
	s.Refresh()
}

// load reads the page v.filter names, and counts the lines when the
// filter is new (a keyword count reads the whole log; paging keeps it).
func (v *auditView) load(ctx context.Context, recount bool) {
	f := v.filter
	f.Limit = auditPage
	entries, err := v.u.store.FindAudit(ctx, f)
	if err == nil && recount {
		v.total, err = v.u.store.CountAudit(ctx, f)
	}
	if err != nil {
		v.status.SetText(userMessage(err))
		v.status.Importance = widget.DangerImportance
		v.status.Refresh()
		return
	}
	v.entries = entries
	v.status.Importance = widget.MediumImportance
	v.showPage()
}

func (v *auditView) showPage() {
	pages := max((v.total+auditPage-1)/auditPage, 1)
	page := v.filter.Offset/auditPage + 1
	v.status.SetText(fmt.Sprintf("共 %d 条，第 %d / %d 页（每页 %d 条，最新的在前）", v.total, page, pages, auditPage))
	setEnabled(v.prevButton, v.filter.Offset > 0)
	setEnabled(v.nextButton, v.filter.Offset+auditPage < v.total)
	v.table.UnselectAll()
	v.table.scroll(true, -1)
	v.table.Refresh()
	v.detail.SetText(auditHint)
}

// auditColumns are the log's columns; the store pages the log newest
// first, so they do not sort.
func auditColumns() []*tableColumn[data.AuditEntry] {
	return []*tableColumn[data.AuditEntry]{
		{title: "时间", width: 170, text: func(e data.AuditEntry) string { return sheet.AuditTime(e.At) }},
		{title: "操作人", width: 90, text: func(e data.AuditEntry) string { return e.Actor }},
		{title: "操作", width: 80, text: func(e data.AuditEntry) string { return e.Action }},
		{title: "对象", width: 100, text: func(e data.AuditEntry) string { return e.Entity }},
		{title: "内容", width: 360, text: func(e data.AuditEntry) string { return e.Detail }},
		{title: "修改的字段", width: 260, text: func(e data.AuditEntry) string {
			names := make([]string, len(e.Changes))
			for i, c := range e.Changes {
				names[i] = c.Field
			}
			return strings.Join(names, "、")
		}},
	}
}

func (v *auditView) onSelected(row int) {
	if row < 0 || row >= len(v.entries) {
		return
	}
	v.detail.SetText(auditDetail(v.entries[row]))
}

// auditDetail is the selected line in words: who did what to which record,
// then each changed field before → after.
func auditDetail(e data.AuditEntry) string {
	head := fmt.Sprintf("%s　%s　%s%s", sheet.AuditTime(e.At), orUnknown(e.Actor), e.Action, e.Entity)
	if e.Detail != "" {
		head += "：" + e.Detail
	}
	if len(e.Changes) == 0 {
		return head + "\n（这条记录没有逐项的修改内容）"
	}
	return head + "\n" + sheet.AuditChanges(e.Changes)
}

func orUnknown(actor string) string {
	if actor == "" {
		return "（未登录）"
	}
	return actor
}

// readFilter turns the filter widgets into a filter for the first page.
func (v *auditView) readFilter() data.AuditFilter {
	pick := func(s *widget.Select) string {
		if s.Selected == auditAll {
			return ""
		}
		return s.Selected
	}
	return data.AuditFilter{From: strings.TrimSpace(v.fromEntry.Text), To: strings.TrimSpace(v.toEntry.Text),
		Actor: pick(v.actorSel), Entity: pick(v.entitySel), Action: pick(v.actionSel), Query: strings.TrimSpace(v.queryEntry.Text)}
}

func (v *auditView) onApply() {
	v.filter = v.readFilter()
	v.load(v.u.ctx, true)
}

func (v *auditView) onClear() {
	for _, e := range []*widget.Entry{v.fromEntry, v.toEntry, v.queryEntry} {
		e.SetText("")
	}
	for _, s := range []*widget.Select{v.actorSel, v.entitySel, v.actionSel} {
		s.SetSelected(auditAll)
	}
	v.onApply()
}

func (v *auditView) onPrev() {
	v.filter.Offset = max(v.filter.Offset-auditPage, 0)
	v.load(v.u.ctx, false)
}

func (v *auditView) onNext() {
	v.filter.Offset += auditPage
	v.load(v.u.ctx, false)
}

// filterText is the applied filter in words, printed under the sheet.
func filterText(f data.AuditFilter) string {
	var parts []string
	if f.From != "" || f.To != "" {
		parts = append(parts, fmt.Sprintf("日期 %s 至 %s", orDots(f.From), orDots(f.To)))
	}
	for _, x := range [][2]string{{"操作人", f.Actor}, {"对象", f.Entity}, {"操作", f.Action}, {"关键词", f.Query}} {
		if x[1] != "" {
			parts = append(parts, x[0]+"："+x[1])
		}
	}
	return strings.Join(parts, "；")
}

func orDots(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

// onExport writes every line the applied filter selects (all pages): what
// the table lists, not filter fields changed since 查询.
func (v *auditView) onExport() {
	u := v.u
	f := v.filter
	f.Offset = 0
	name := u.committee.ShortName + "操作日志.xlsx"
	u.saveFile("导出操作日志", name, func(path string) {
		u.run("正在导出操作日志…", func(ctx context.Context, _ progress) error {
			n, err := u.store.CountAudit(ctx, f)
			if err != nil {
				return err
			}
			f.Limit = max(n, 1)
			entries, err := u.store.FindAudit(ctx, f)
			if err != nil {
				return err
			}
			doc := sheet.AuditSheetDoc{Title: u.committee.Name + "操作日志",
				Date: "导出日期：" + u.store.Now().Format("2006年1月2日"), Filter: filterText(f), Entries: entries}
			return savefile.Write(path, func(w io.Writer) error { return sheet.WriteAuditSheet(w, doc) })
		}, func(err error) {
			if err != nil {
				showError(err, u.win)
				return
			}
			dialog.ShowInformation("已导出", "已保存到 "+path, u.win)
		})
	})
}
