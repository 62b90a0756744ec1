package app

import (
	"fmt"
	"maps"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/assess"
)

// Kinds of manual adjustment the form offers.
const (
	adjustBonus   = "加分"
	adjustPenalty = "扣分"
)

// adjustForm is the lower part of the explanation: the member's manual
// 加分/扣分 with 新增 and 删除, and 不参加考核 with a reason.
type adjustForm struct {
	s   *assessmentScreen
	obj fyne.CanvasObject

	list         *fyne.Container // one row per adjustment with its 删除 button
	kindRadio    *widget.RadioGroup
	pointsEntry  *widget.Entry
	reasonEntry  *widget.Entry
	addButton    *widget.Button
	message      *widget.Label
	excludeEntry *widget.Entry
	excludeBtn   *widget.Button // 不参加考核
	includeBtn   *widget.Button // 恢复参加考核
	excludedText *widget.Label

	m       assess.MemberResult
	deletes map[int64]*widget.Button // adjustment id → its 删除 button, for tests
}

func newAdjustForm(s *assessmentScreen) *adjustForm {
	f := &adjustForm{s: s}
	f.list = container.NewVBox()
	f.kindRadio = widget.NewRadioGroup([]string{adjustBonus, adjustPenalty}, nil)
	f.kindRadio.Horizontal = true
	f.kindRadio.Required = true
	f.kindRadio.SetSelected(adjustBonus)
	f.pointsEntry = widget.NewEntry()
	f.pointsEntry.SetPlaceHolder("分值，如 2、1.5 或 10/3")
	f.reasonEntry = widget.NewEntry()
	f.reasonEntry.SetPlaceHolder("理由，如 参加抗洪抢险志愿服务")
	f.addButton = widget.NewButtonWithIcon("新增", theme.ContentAddIcon(), f.onAdd)
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.excludeEntry = widget.NewEntry()
	f.excludeEntry.SetPlaceHolder("不参加考核的理由，如 长期病休")
	f.excludeBtn = widget.NewButtonWithIcon("不参加考核", theme.VisibilityOffIcon(), f.onExclude)
	f.includeBtn = widget.NewButtonWithIcon("恢复参加考核", theme.VisibilityIcon(), f.onInclude)
	f.excludedText = widget.NewLabel("")
	f.excludedText.Wrapping = fyne.TextWrapWord

	add := container.NewVBox(
		container.NewBorder(nil, nil, f.kindRadio, nil, f.pointsEntry),
		container.NewBorder(nil, nil, nil, f.addButton, f.reasonEntry))
	exclude := container.NewBorder(nil, nil, nil, container.NewHBox(f.excludeBtn, f.includeBtn), f.excludeEntry)
	f.obj = container.NewVBox(
		widget.NewLabelWithStyle("加分/扣分（本年度手工录入）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.list, add, f.message,
		widget.NewLabelWithStyle("不参加考核", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		f.excludedText, exclude)
	return f
}

// show fills the form for a member (ok false: nobody chosen).
func (f *adjustForm) show(m assess.MemberResult, ok bool) {
	f.m = m
	f.setMessage("")
	f.list.Objects = nil
	f.deletes = map[int64]*widget.Button{}
	if !ok {
		f.obj.Hide()
		return
	}
	f.obj.Show()
	for _, a := range f.s.adjustments {
		if a.MembershipID != m.Member.ID {
			continue
		}
		a := a
		text := fmt.Sprintf("%s　%s 分　%s", a.Date, signedPoints(a.Points, func(p assess.Points) string {
			return p.Format(f.s.decimals())
		}), a.Reason)
		if a.EnteredBy != "" {
			text += "（" + a.EnteredBy + "录入）"
		}
		del := widget.NewButtonWithIcon("删除", theme.DeleteIcon(), func() { f.onDelete(a) })
		f.deletes[a.ID] = del
		f.list.Add(container.NewBorder(nil, nil, nil, del, widget.NewLabel(text)))
	}
	if len(f.list.Objects) == 0 {
		f.list.Add(widget.NewLabel("没有加分或扣分。"))
	}
	f.list.Refresh()

	reason, byHand := f.s.setup.Excluded[m.Member.ID]
	switch {
	case byHand:
		f.excludedText.SetText("本年度不参加考核：" + reason)
		f.excludeEntry.Hide()
		f.excludeBtn.Hide()
		f.includeBtn.Show()
	case m.Excluded != "":
		f.excludedText.SetText("按规则集不参加考核：" + m.Excluded + "（在规则集中修改）")
		f.excludeEntry.Hide()
		f.excludeBtn.Hide()
		f.includeBtn.Hide()
	default:
		f.excludedText.SetText("因病休、挂职等原因本年度不参加考核的，填写理由后点击“不参加考核”。")
		f.excludeEntry.Show()
		f.excludeBtn.Show()
		f.includeBtn.Hide()
	}
	if m.Excluded != "" {
		f.addButton.Disable()
	} else {
		f.addButton.Enable()
	}
}

// parseAdjustment reads the form's points and reason; the kind gives the
// sign, so "2" with 扣分 is -2.
func parseAdjustment(kind, points, reason string) (assess.Points, string, error) {
	points = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(points), "+"))
	reason = strings.TrimSpace(reason)
	if points == "" {
		return assess.Points{}, "", data.UserErr("请填写分值，如 2、1.5 或 10/3。")
	}
	p, err := assess.ParsePoints(points)
	if err != nil {
		return assess.Points{}, "", data.UserErr(fmt.Sprintf("分值“%s”不是数字，请填写如 2、1.5 或 10/3。", points))
	}
	if p.IsZero() {
		return assess.Points{}, "", data.UserErr("分值不能为 0。")
	}
	if p.Sign() < 0 {
		p = p.Neg()
	}
	if kind == adjustPenalty {
		p = p.Neg()
	}
	if reason == "" {
		return assess.Points{}, "", data.UserErr("请填写加分或扣分的理由。")
	}
	return p, reason, nil
}

func (f *adjustForm) onAdd() {
	p, reason, err := parseAdjustment(f.kindRadio.Selected, f.pointsEntry.Text, f.reasonEntry.Text)
	if err != nil {
		f.setMessage(err.Error())
		return
	}
	s := f.s
	a := data.Adjustment{Year: s.year, MembershipID: f.m.Member.ID, Name: f.m.Member.Name, Points: p, Reason: reason,
		Date: s.u.store.Now().Format("2006-01-02"), EnteredBy: s.u.operator()}
	if err := s.u.store.SaveAdjustment(s.u.ctx, &a); err != nil {
		f.setMessage(userMessage(err))
		return
	}
	f.pointsEntry.SetText("")
	f.reasonEntry.SetText("")
	s.recompute()
}

func (f *adjustForm) onDelete(a data.Adjustment) {
	s := f.s
	s.confirm("删除加分/扣分", fmt.Sprintf("删除%s的这条记录（%s）？", a.Name, a.Reason), func() {
		if err := s.u.store.DeleteAdjustment(s.u.ctx, a.ID); err != nil {
			showError(err, s.u.win)
			return
		}
		s.recompute()
	})
}

func (f *adjustForm) onExclude() {
	reason := strings.TrimSpace(f.excludeEntry.Text)
	if reason == "" {
		f.setMessage("请填写不参加考核的理由。")
		return
	}
	f.saveExcluded(func(ex map[int64]string) { ex[f.m.Member.ID] = reason })
	f.excludeEntry.SetText("")
}

func (f *adjustForm) onInclude() {
	f.saveExcluded(func(ex map[int64]string) { delete(ex, f.m.Member.ID) })
}

// saveExcluded changes the year's exclusions and recomputes; a failed
// save keeps the old ones.
func (f *adjustForm) saveExcluded(change func(map[int64]string)) {
	s := f.s
	next := s.setup
	next.Excluded = maps.Clone(s.setup.Excluded)
	if next.Excluded == nil {
		next.Excluded = map[int64]string{}
	}
	change(next.Excluded)
	if err := s.u.store.SaveAssessmentSetup(s.u.ctx, next); err != nil {
		f.setMessage(userMessage(err))
		return
	}
	s.setup = next
	s.recompute()
}

// setMessage shows why an entry was refused; empty hides the line.
func (f *adjustForm) setMessage(text string) {
	f.message.SetText(text)
	f.message.Hidden = text == ""
	f.message.Refresh()
}
