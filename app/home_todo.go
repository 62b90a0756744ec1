package app

import (
	"context"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data/proposal"
)

// todoItem is one line of the 首页 待办: what needs doing and where it is
// done. Urgent lines (a failed backup, overdue proposals) carry a red mark.
type todoItem struct {
	text string
	icon fyne.Resource
	open func()
}

// todoItems lists what needs doing for the term being viewed, most urgent
// first; none when all is done.
func (h *homeScreen) todoItems(ctx context.Context) ([]todoItem, error) {
	u := h.u
	var items []todoItem
	if f, ok := u.backupFailure(ctx); ok {
		items = append(items, todoItem{
			text: fmt.Sprintf("自动备份失败（%s，%s），请查看原因", f.When, f.At.Format("01-02 15:04")),
			icon: theme.NewErrorThemedResource(theme.ErrorIcon()), open: h.openBackup})
	}
	if u.term.ID == 0 {
		return items, nil
	}
	now := u.store.Now()
	year := now.Year()
	t, err := u.store.TodoCounts(ctx, u.term.ID, now.Format("2006-01-02"), soonDays, year)
	if err != nil {
		return items, err
	}
	warn := theme.NewWarningThemedResource(theme.WarningIcon())
	info := theme.NewPrimaryThemedResource(theme.InfoIcon())
	if t.Overdue > 0 {
		items = append(items, todoItem{fmt.Sprintf("%d 件提案已超过办理期限，需要督办", t.Overdue),
			theme.NewErrorThemedResource(theme.ErrorIcon()), func() { h.openOverdue(overdueOnly) }})
	}
	if t.DueSoon > 0 {
		items = append(items, todoItem{fmt.Sprintf("%d 件提案 %d 天内到期", t.DueSoon, soonDays),
			warn, func() { h.openOverdue(overdueSoon) }})
	}
	if t.ToAssign > 0 {
		items = append(items, todoItem{fmt.Sprintf("%d 件提案已立案，等待交办", t.ToAssign), info, h.openAssign})
	}
	if t.ToRate > 0 {
		items = append(items, todoItem{fmt.Sprintf("%d 件提案已答复，尚未登记提案人评价", t.ToRate), info, h.openToRate})
	}
	if u.term.StartYear <= year && year <= u.term.EndYear && t.RuleSets == 0 {
		items = append(items, todoItem{fmt.Sprintf("%d年度履职考核尚未建立考核规则", year), info,
			func() { h.openAssessment(year) }})
	}
	return items, nil
}

// showTodo fills the 待办 panel: one flat button per item, or a calm line
// when nothing is due.
func (h *homeScreen) showTodo(items []todoItem) {
	h.todo.Objects = nil
	h.todoButtons = nil
	if len(items) == 0 {
		ok := widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		h.todo.Add(container.NewHBox(ok, widget.NewLabel("暂无待办事项")))
	}
	for _, it := range items {
		b := widget.NewButtonWithIcon(it.text, it.icon, it.open)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		h.todo.Add(b)
		h.todoButtons = append(h.todoButtons, b)
	}
	h.todo.Refresh()
}

// openOverdue shows 提案 → 超期督办 with the given filter.
func (h *homeScreen) openOverdue(filter string) {
	ps := h.u.proposals
	ps.overdue.filter.SetSelected(filter)
	h.openProposalTab(ps.overdue)
}

// openAssign shows 提案 → 交办, where filed proposals wait.
func (h *homeScreen) openAssign() { h.openProposalTab(h.u.proposals.assign) }

// openToRate shows the term's answered proposals in 提案列表.
func (h *homeScreen) openToRate() {
	l := h.u.proposals.list
	l.sessionID = 0 // 全部会次
	l.statusSelect.SetSelected(string(proposal.Answered))
	h.openProposalTab(l)
}

func (h *homeScreen) openProposalTab(tab proposalTab) {
	ps := h.u.proposals
	h.u.nav.Select(h.u.screenIndex(ps))
	if i := slices.Index(ps.all, tab); i >= 0 {
		ps.tabs.SelectIndex(i)
	}
}

// openAssessment shows 履职考核 on the given year.
func (h *homeScreen) openAssessment(year int) {
	for i, s := range h.u.screens {
		if a, ok := s.(*assessmentScreen); ok {
			a.year = year
			h.u.nav.Select(i)
		}
	}
}

// openBackup shows 设置 → 备份与恢复.
func (h *homeScreen) openBackup() { h.openSettingsTab("备份与恢复") }

// todoCount is a short count for the 待办 heading: "（3 项）".
func todoCount(items []todoItem) string {
	if len(items) == 0 {
		return ""
	}
	return fmt.Sprintf("（%d 项）", len(items))
}
