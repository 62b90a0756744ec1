package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
)

// settingsScreen is 设置: the committee, its terms and sessions, the
// per-term lists (界别, 党派, 专委会, 活动组), and where the data lives.
type settingsScreen struct {
	u   *UI
	obj fyne.CanvasObject

	name, short *widget.Entry

	terms    []data.Term
	termList *widget.List
	termSel  int

	sessions    []data.Session
	sessionList *widget.List
	sessionSel  int
	sessionHead *widget.Label

	kind       *widget.Select
	items      []data.CatalogItem
	itemList   *widget.List
	itemSel    int
	catalogFor *widget.Label

	audit  *auditView
	dbInfo *widget.Label
	tabs   *container.AppTabs // for 首页 待办 to open a tab

	proposal *proposalSettings
	activity *activitySettings
	users    *userSettings
	backup   *backupSettings
}

func newSettingsScreen(u *UI) *settingsScreen {
	s := &settingsScreen{u: u, termSel: -1, sessionSel: -1, itemSel: -1, proposal: newProposalSettings(u),
		activity: newActivitySettings(u), backup: newBackupSettings(u)}
	s.users = newUserSettings(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("委员会", s.committeeTab()),
		container.NewTabItem("届次与会议", s.termsTab()),
		container.NewTabItem("名单维护", s.catalogTab()),
		container.NewTabItem("提案", s.proposal.view()),
		container.NewTabItem("履职", s.activity.view()),
		container.NewTabItem("备份与恢复", s.backup.view()),
		container.NewTabItem("用户与权限", s.users.view()),
		container.NewTabItem("数据与日志", s.dataTab()),
	)
	s.obj = container.NewBorder(heading("设置"), nil, nil, nil, s.tabs)
	return s
}

func (s *settingsScreen) title() string       { return "设置" }
func (s *settingsScreen) icon() fyne.Resource { return theme.SettingsIcon() }
func (s *settingsScreen) view() fyne.CanvasObject {
	if !s.u.can(actSettings) {
		return adminOnly("设置")
	}
	return s.obj
}

func (s *settingsScreen) reload(ctx context.Context) {
	u := s.u
	if !u.can(actSettings) {
		return
	}
	s.name.SetText(u.committee.Name)
	s.short.SetText(u.committee.ShortName)
	var err error
	if s.terms, err = u.store.ListTerms(ctx); err != nil {
		showError(err, u.win)
		return
	}
	s.termList.UnselectAll()
	s.termList.Refresh()
	s.reloadSessions(ctx)
	s.reloadCatalog(ctx)
	s.proposal.reload(ctx)
	s.activity.reload(ctx)
	s.users.reload(ctx)
	s.backup.reload(ctx)
	s.audit.reload(ctx)
	s.dbInfo.SetText(fmt.Sprintf("数据文件：%s\n数据库结构版本：%d\n所有数据只保存在这一个文件中；备份见“备份与恢复”。",
		u.store.Path(), data.SchemaVersion()))
}

// committeeTab edits the committee's name.
func (s *settingsScreen) committeeTab() fyne.CanvasObject {
	s.name = widget.NewEntry()
	s.short = widget.NewEntry()
	s.short.SetPlaceHolder("如 清河县")
	msg := widget.NewLabel("")
	save := widget.NewButtonWithIcon("保存", theme.DocumentSaveIcon(), func() {
		u := s.u
		c := data.Committee{Name: strings.TrimSpace(s.name.Text), ShortName: strings.TrimSpace(s.short.Text)}
		if err := u.store.UpdateCommittee(u.ctx, c); err != nil {
			msg.SetText(userMessage(err))
			return
		}
		msg.SetText("已保存。")
		u.reloadAll()
	})
	save.Importance = widget.HighImportance
	form := widget.NewForm(widget.NewFormItem("委员会名称", s.name), widget.NewFormItem("简称", s.short))
	hint := widget.NewLabel("简称用于文件标题，如“政协清河县第十一届委员会委员名册”。")
	hint.TextStyle.Italic = true
	return container.NewVBox(form, hint, container.NewHBox(save, msg))
}

func (s *settingsScreen) termsTab() fyne.CanvasObject {
	s.termList = widget.NewList(
		func() int { return len(s.terms) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := s.terms[i]
			text := t.Label()
			if t.Current {
				text += "（当前届）"
			}
			o.(*widget.Label).SetText(text)
		})
	s.termList.OnSelected = func(i widget.ListItemID) { s.termSel = i }
	s.termList.OnUnselected = func(widget.ListItemID) { s.termSel = -1 }
	addTerm := widget.NewButtonWithIcon("新建届次", theme.ContentAddIcon(), s.onAddTerm)
	editTerm := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), s.onEditTerm)
	setCurrent := widget.NewButtonWithIcon("设为当前届", theme.ConfirmIcon(), func() {
		if s.termSel < 0 {
			return
		}
		u := s.u
		if err := u.store.SetCurrentTerm(u.ctx, s.terms[s.termSel].ID); err != nil {
			showError(err, u.win)
			return
		}
		u.reloadAll()
	})
	hint := widget.NewLabel("新建届次时自动沿用上一届的界别、党派、专委会和活动组名单。")
	hint.TextStyle.Italic = true
	termPane := container.NewBorder(container.NewVBox(widget.NewLabelWithStyle("届次", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewHBox(addTerm, editTerm, setCurrent), hint), nil, nil, nil, s.termList)

	s.sessionHead = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.sessionList = widget.NewList(
		func() int { return len(s.sessions) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			x := s.sessions[i]
			when := x.StartDate
			if x.EndDate != "" && x.EndDate != x.StartDate {
				when += " 至 " + x.EndDate
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s　%s", x.SessionName(), when))
		})
	s.sessionList.OnSelected = func(i widget.ListItemID) { s.sessionSel = i }
	s.sessionList.OnUnselected = func(widget.ListItemID) { s.sessionSel = -1 }
	addSession := widget.NewButtonWithIcon("新增会议", theme.ContentAddIcon(), func() {
		s.editSession(data.Session{TermID: s.u.term.ID, Number: len(s.sessions) + 1})
	})
	editSession := widget.NewButtonWithIcon("修改", theme.DocumentCreateIcon(), func() {
		if s.sessionSel >= 0 {
			s.editSession(s.sessions[s.sessionSel])
		}
	})
	delSession := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
		if s.sessionSel < 0 {
			return
		}
		x := s.sessions[s.sessionSel]
		dialog.ShowConfirm("删除会议", "确定删除"+x.SessionName()+"吗？", func(ok bool) {
			if !ok {
				return
			}
			if err := s.u.store.DeleteSession(s.u.ctx, x.ID); err != nil {
				showError(err, s.u.win)
			}
			s.reloadSessions(s.u.ctx)
		}, s.u.win)
	})
	sessionPane := container.NewBorder(container.NewVBox(s.sessionHead, container.NewHBox(addSession, editSession, delSession)),
		nil, nil, nil, s.sessionList)
	return container.NewGridWithColumns(2, termPane, sessionPane)
}

func (s *settingsScreen) reloadSessions(ctx context.Context) {
	u := s.u
	s.sessionHead.SetText("全体会议（" + u.term.Label() + "）")
	var err error
	if s.sessions, err = u.store.ListSessions(ctx, u.term.ID); err != nil {
		showError(err, u.win)
	}
	s.sessionSel = -1
	s.sessionList.UnselectAll()
	s.sessionList.Refresh()
}

func (s *settingsScreen) onAddTerm() {
	next := data.Term{Number: 1, StartYear: s.u.store.Now().Year()}
	for _, t := range s.terms {
		if t.Number >= next.Number {
			next = data.Term{Number: t.Number + 1, StartYear: t.EndYear, EndYear: t.EndYear + 5}
		}
	}
	if next.EndYear == 0 {
		next.EndYear = next.StartYear + 5
	}
	s.editTerm(next, "新建届次")
}

func (s *settingsScreen) onEditTerm() {
	if s.termSel >= 0 {
		s.editTerm(s.terms[s.termSel], "修改届次")
	}
}

func (s *settingsScreen) editTerm(t data.Term, title string) {
	u := s.u
	number, start, end := intEntry(t.Number), intEntry(t.StartYear), intEntry(t.EndYear)
	current := widget.NewCheck("设为当前届", nil)
	items := []*widget.FormItem{widget.NewFormItem("届次（第几届）", number), widget.NewFormItem("起始年份", start), widget.NewFormItem("结束年份", end)}
	if t.ID == 0 {
		current.SetChecked(true)
		items = append(items, widget.NewFormItem("", current))
	}
	askForm(u.win, title, items, func() error {
		var err error
		if t.Number, err = atoiField("届次", number.Text); err != nil {
			return err
		}
		if t.StartYear, err = atoiField("起始年份", start.Text); err != nil {
			return err
		}
		if t.EndYear, err = atoiField("结束年份", end.Text); err != nil {
			return err
		}
		if t.ID == 0 {
			t.Current = current.Checked
			_, err = u.store.CreateTerm(u.ctx, t)
		} else {
			err = u.store.UpdateTerm(u.ctx, t)
		}
		if err == nil {
			u.reloadAll()
		}
		return err
	})
}

func (s *settingsScreen) editSession(x data.Session) {
	u := s.u
	number, start, end := intEntry(x.Number), newDateEntry("", ""), newDateEntry("", "")
	start.SetText(x.StartDate)
	start.SetPlaceHolder("如 2025-01-08")
	end.SetText(x.EndDate)
	title := "新增全体会议"
	if x.ID != 0 {
		title = "修改" + x.SessionName()
	}
	askForm(u.win, title, []*widget.FormItem{
		widget.NewFormItem("第几次会议", number), widget.NewFormItem("开始日期", start), widget.NewFormItem("结束日期", end),
	}, func() error {
		var err error
		if x.Number, err = atoiField("会次", number.Text); err != nil {
			return err
		}
		x.StartDate, x.EndDate = start.Text, end.Text
		if err := u.store.SaveSession(u.ctx, &x); err != nil {
			return err
		}
		s.reloadSessions(u.ctx)
		return nil
	})
}

func (s *settingsScreen) catalogTab() fyne.CanvasObject {
	labels := make([]string, len(data.CatalogKinds))
	for i, k := range data.CatalogKinds {
		labels[i] = data.KindLabel(k)
	}
	s.catalogFor = widget.NewLabel("")
	s.itemList = widget.NewList(
		func() int { return len(s.items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, s.items[i].Name))
		})
	s.itemList.OnSelected = func(i widget.ListItemID) { s.itemSel = i }
	s.itemList.OnUnselected = func(widget.ListItemID) { s.itemSel = -1 }
	s.kind = widget.NewSelect(labels, func(string) { s.reloadCatalog(s.u.ctx) })
	s.kind.SetSelectedIndex(0)
	selected := func() (data.CatalogItem, bool) {
		if s.itemSel < 0 || s.itemSel >= len(s.items) {
			return data.CatalogItem{}, false
		}
		return s.items[s.itemSel], true
	}
	add := widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), func() {
		name := widget.NewEntry()
		askForm(s.u.win, "新增"+s.kind.Selected, []*widget.FormItem{widget.NewFormItem("名称", name)}, func() error {
			_, err := s.u.store.AddCatalogItem(s.u.ctx, s.u.term.ID, s.kindValue(), name.Text)
			if err == nil {
				s.reloadCatalog(s.u.ctx)
			}
			return err
		})
	})
	rename := widget.NewButtonWithIcon("改名", theme.DocumentCreateIcon(), func() {
		it, ok := selected()
		if !ok {
			return
		}
		name := widget.NewEntry()
		name.SetText(it.Name)
		askForm(s.u.win, "修改名称", []*widget.FormItem{widget.NewFormItem("名称", name)}, func() error {
			err := s.u.store.RenameCatalogItem(s.u.ctx, it.ID, name.Text)
			if err == nil {
				s.reloadCatalog(s.u.ctx)
			}
			return err
		})
	})
	del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() {
		it, ok := selected()
		if !ok {
			return
		}
		dialog.ShowConfirm("删除", "确定从本届"+s.kind.Selected+"名单中删除“"+it.Name+"”吗？", func(yes bool) {
			if !yes {
				return
			}
			if err := s.u.store.DeleteCatalogItem(s.u.ctx, it.ID); err != nil {
				showError(err, s.u.win)
			}
			s.reloadCatalog(s.u.ctx)
		}, s.u.win)
	})
	move := func(delta int) func() {
		return func() {
			it, ok := selected()
			if !ok {
				return
			}
			if err := s.u.store.MoveCatalogItem(s.u.ctx, it.ID, delta); err != nil {
				showError(err, s.u.win)
				return
			}
			s.reloadCatalog(s.u.ctx)
			if n := s.itemSel + delta; n >= 0 && n < len(s.items) {
				s.itemList.Select(n)
			}
		}
	}
	up := widget.NewButtonWithIcon("上移", theme.MoveUpIcon(), move(-1))
	down := widget.NewButtonWithIcon("下移", theme.MoveDownIcon(), move(1))
	hint := widget.NewLabel("名单按届保存，顺序即报表中的排列顺序。正在使用的条目不能删除，但可以改名。")
	hint.TextStyle.Italic = true
	top := container.NewVBox(container.NewHBox(widget.NewLabel("名单："), s.kind, s.catalogFor),
		container.NewHBox(add, rename, del, up, down), hint)
	return container.NewBorder(top, nil, nil, nil, s.itemList)
}

func (s *settingsScreen) kindValue() string {
	i := s.kind.SelectedIndex()
	if i < 0 {
		i = 0
	}
	return data.CatalogKinds[i]
}

func (s *settingsScreen) reloadCatalog(ctx context.Context) {
	if s.itemList == nil || s.u.term.ID == 0 {
		return
	}
	var err error
	if s.items, err = s.u.store.ListCatalog(ctx, s.u.term.ID, s.kindValue()); err != nil {
		showError(err, s.u.win)
	}
	s.catalogFor.SetText("（" + s.u.term.Label() + "）")
	s.itemSel = -1
	s.itemList.UnselectAll()
	s.itemList.Refresh()
}

func (s *settingsScreen) dataTab() fyne.CanvasObject {
	s.dbInfo = widget.NewLabel("")
	s.dbInfo.Wrapping = fyne.TextWrapWord
	s.audit = newAuditView(s.u)
	return container.NewBorder(s.dbInfo, nil, nil, nil, s.audit.obj)
}

// askForm shows a small modal form; save runs on 确定 and the dialog stays
// open with the message when it fails.
func askForm(w fyne.Window, title string, items []*widget.FormItem, save func() error) {
	askFormThen(w, title, items, save, nil)
}

// askFormThen is askForm with then run after the form has closed (a dialog
// shown while the form is still open would close with it).
func askFormThen(w fyne.Window, title string, items []*widget.FormItem, check func() error, then func()) {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	ok := widget.NewButton("确定", func() {
		if err := check(); err != nil {
			msg.SetText(userMessage(err))
			return
		}
		d.Hide()
		if then != nil {
			then()
		}
	})
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton("取消", func() { d.Hide() })
	content := container.NewVBox(widget.NewForm(items...), msg, container.NewHBox(layout.NewSpacer(), cancel, ok))
	d = dialog.NewCustomWithoutButtons(title, content, w)
	d.Resize(fyne.NewSize(480, content.MinSize().Height+80))
	d.Show()
}

func intEntry(n int) *widget.Entry {
	e := widget.NewEntry()
	if n != 0 {
		e.SetText(strconv.Itoa(n))
	}
	return e
}

func atoiField(field, s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 0, data.Invalid(field, "请填写数字")
	}
	return n, nil
}
