package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/export"
)

// homeScreen is the 首页: the term at a glance, quick actions and the
// latest changes.
type homeScreen struct {
	u       *UI
	obj     fyne.CanvasObject
	head    *widget.Label
	cards   *fyne.Container
	recent  *widget.Label
	dbLabel *widget.Label
	figures map[string]*canvas.Text // by caption, for tests
}

var homeCards = []string{"在任委员", "常委", "新委员", "女性委员", "非中共委员占比", "平均年龄"}

func newHomeScreen(u *UI) *homeScreen {
	h := &homeScreen{u: u, figures: map[string]*canvas.Text{}}
	h.head = heading("")
	h.cards = container.NewGridWithColumns(3)
	for _, caption := range homeCards {
		fig := canvas.NewText("—", theme.Color(theme.ColorNamePrimary))
		fig.TextSize = 30
		fig.TextStyle.Bold = true
		fig.Alignment = fyne.TextAlignCenter
		h.figures[caption] = fig
		cap := widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{})
		h.cards.Add(widget.NewCard("", "", container.NewVBox(fig, cap)))
	}
	addBtn := widget.NewButtonWithIcon("新增委员", theme.ContentAddIcon(), u.onNewMember)
	importBtn := widget.NewButtonWithIcon("导入名册", theme.DownloadIcon(), func() {
		u.nav.Select(u.screenIndex(u.members))
		u.members.onImport()
	})
	u.guard(actEdit, addBtn, importBtn)
	actions := container.NewHBox(addBtn, importBtn,
		widget.NewButtonWithIcon("委员构成统计", theme.GridIcon(), func() { u.nav.Select(u.screenIndex(u.reports)) }),
	)
	h.recent = widget.NewLabel("")
	h.recent.Wrapping = fyne.TextWrapWord
	h.dbLabel = widget.NewLabel("")
	h.dbLabel.Wrapping = fyne.TextWrapWord
	h.dbLabel.TextStyle.Italic = true
	h.obj = container.NewVScroll(container.NewVBox(
		h.head, h.cards,
		widget.NewLabelWithStyle("常用操作", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), actions,
		widget.NewSeparator(),
		widget.NewLabelWithStyle("最近的更改", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), h.recent,
		widget.NewSeparator(), h.dbLabel,
	))
	return h
}

func (h *homeScreen) title() string           { return "首页" }
func (h *homeScreen) icon() fyne.Resource     { return theme.HomeIcon() }
func (h *homeScreen) view() fyne.CanvasObject { return h.obj }

func (h *homeScreen) reload(ctx context.Context) {
	u := h.u
	if u.term.ID == 0 {
		h.head.SetText("尚未建立届次")
		return
	}
	h.head.SetText(data.CommitteeTitle(u.committee, u.term) + "（" + fmt.Sprintf("%d—%d年", u.term.StartYear, u.term.EndYear) + "）")
	st, err := export.TermComposition(ctx, u.store, u.term)
	if err != nil {
		showError(err, u.win)
		return
	}
	set := func(caption, v string) {
		h.figures[caption].Text = v
		h.figures[caption].Refresh()
	}
	set("在任委员", fmt.Sprint(st.Total))
	set("常委", fmt.Sprint(st.Standing))
	set("新委员", fmt.Sprint(st.New))
	set("女性委员", fmt.Sprint(st.Women))
	set("非中共委员占比", "—")
	if st.Total > 0 {
		set("非中共委员占比", fmt.Sprintf("%.1f%%", 100*float64(st.Total-st.CPC)/float64(st.Total)))
		set("平均年龄", fmt.Sprintf("%.1f 岁", st.AverageAge))
	}

	entries, err := u.store.ListAudit(ctx, 8)
	if err != nil {
		showError(err, u.win)
		return
	}
	text := ""
	for _, e := range entries {
		at := e.At
		if t, err := time.Parse(time.RFC3339, e.At); err == nil {
			at = t.Local().Format("01-02 15:04")
		}
		text += fmt.Sprintf("%s　%s%s　%s\n", at, e.Action, e.Entity, e.Detail)
	}
	if text == "" {
		text = "暂无"
	}
	h.recent.SetText(text)
	h.dbLabel.SetText("数据文件：" + u.store.Path())
}
