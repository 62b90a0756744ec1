package app

// The 委员 screen's detail pane and its add, edit and delete actions.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/dialog"

	"zhengxie/data"
)

func (m *memberList) current() (data.Member, bool) {
	if m.selected < 0 || m.selected >= len(m.shown) {
		return data.Member{}, false
	}
	return m.shown[m.selected], true
}

func (m *memberList) updateButtons() {
	if m.editBtn == nil {
		return
	}
	if _, ok := m.current(); ok {
		m.editBtn.Enable()
		m.deleteBtn.Enable()
	} else {
		m.editBtn.Disable()
		m.deleteBtn.Disable()
	}
}

// showDetail fills the side pane with the selected member and the terms
// the person served.
func (m *memberList) showDetail() {
	x, ok := m.current()
	if !ok {
		m.detail.ParseMarkdown("选择一位委员查看详细信息。\n\n快捷键：Ctrl+N 新增委员，Ctrl+F 查找。")
		return
	}
	if !m.u.can(actEdit) {
		x = x.Masked() // in full only for those who may edit them anyway
	}
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", x.Name)
	for _, f := range data.RosterFields[1:] {
		v := x.FieldValue(f)
		if v == "" || (f == data.FieldStatusDate && v == "") {
			continue
		}
		if strings.Contains(v, "*") && (f == data.FieldIDNumber || f == data.FieldPhone) {
			v = "`" + v + "`" // masked: stars shown as they are
		} else {
			v = mdEscape(v)
		}
		fmt.Fprintf(&b, "**%s**：%s\n\n", f, v)
	}
	hist, err := m.u.store.PersonHistory(m.u.ctx, x.Person.ID)
	if err == nil && len(hist) > 0 {
		b.WriteString("---\n\n**历届任职**\n\n")
		for _, h := range hist {
			t, err := m.u.store.GetTerm(m.u.ctx, h.TermID)
			if err != nil {
				continue
			}
			fmt.Fprintf(&b, "%s（%d—%d）：%s，%s\n\n", t.TermName(), t.StartYear, t.EndYear, h.Sector, h.Status)
		}
	}
	m.detail.ParseMarkdown(b.String())
}

func mdEscape(s string) string {
	r := strings.NewReplacer("*", "\\*", "_", "\\_", "#", "\\#", "\n", " ")
	return r.Replace(s)
}

func (m *memberList) onAdd() {
	if !m.u.can(actEdit) {
		return // Ctrl+N for a 只读 user
	}
	if m.u.term.ID == 0 {
		showError(data.UserErr("请先在“设置”中建立届次。"), m.u.win)
		return
	}
	m.openForm(data.Member{Membership: data.Membership{TermID: m.u.term.ID}})
}

func (m *memberList) onEdit() {
	x, ok := m.current()
	if !ok {
		return
	}
	m.openForm(x)
}

func (m *memberList) onDelete() {
	x, ok := m.current()
	if !ok {
		return
	}
	msg := fmt.Sprintf("确定从%s名册中删除委员“%s”吗？\n删除的记录可在“回收站”中恢复。", m.u.term.TermName(), x.Name)
	dialog.ShowConfirm("删除委员", msg, func(yes bool) {
		if !yes {
			return
		}
		m.deleteMember(x)
	}, m.u.win)
}

func (m *memberList) deleteMember(x data.Member) {
	if err := m.u.store.DeleteMember(m.u.ctx, x.Membership.ID); err != nil {
		showError(err, m.u.win)
		return
	}
	m.reload(m.u.ctx)
}
