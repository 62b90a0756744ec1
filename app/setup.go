package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/demo"
	"zhengxie/export"
)

// setupForm is the first-run dialog: who the committee is and which term it
// is in, or a demo county to try the program with.
type setupForm struct {
	dlg                dialog.Dialog
	name, short        *widget.Entry
	number, start, end *widget.Entry
	begin              *widget.RadioGroup // how to begin: empty, import a roster, or the demo
	message            *widget.Label
	startBtn           *widget.Button
}

func (u *UI) showSetup() {
	f := &setupForm{}
	u.setup = f
	year := u.store.Now().Year()
	f.name = widget.NewEntry()
	f.name.SetPlaceHolder("如 政协清河县委员会")
	f.short = widget.NewEntry()
	f.short.SetPlaceHolder("如 清河县（用于文件标题）")
	f.name.OnChanged = func(s string) {
		if short := data.ShortName(s); short != "" {
			f.short.SetPlaceHolder("如 " + short)
		}
	}
	f.number = widget.NewEntry()
	f.number.SetPlaceHolder("如 11（第十一届）")
	f.start = widget.NewEntry()
	f.start.SetText(strconv.Itoa(year - (year-2021)%5))
	f.end = widget.NewEntry()
	f.start.OnChanged = func(s string) {
		if y, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			f.end.SetText(strconv.Itoa(y + 5))
		}
	}
	f.start.OnChanged(f.start.Text)
	fields := []fyne.Disableable{f.name, f.short, f.number, f.start, f.end}
	f.begin = newBeginChoice(fields)
	f.message = widget.NewLabel("")
	f.message.Importance = widget.DangerImportance
	f.message.Wrapping = fyne.TextWrapWord
	f.startBtn = widget.NewButton("开始使用", func() { u.finishSetup(f) })
	f.startBtn.Importance = widget.HighImportance

	intro := widget.NewLabel("欢迎使用“政协履职”。请先填写本委员会的基本信息，之后可在“设置”中修改。\n全部数据只保存在本机：" + u.store.Path())
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem("委员会名称", f.name),
		widget.NewFormItem("简称", f.short),
		widget.NewFormItem("当前届次", f.number),
		widget.NewFormItem("起始年份", f.start),
		widget.NewFormItem("结束年份", f.end),
	)
	content := container.NewVBox(intro, form, widget.NewLabel("如何开始："), f.begin, f.message, container.NewCenter(f.startBtn))
	f.dlg = dialog.NewCustomWithoutButtons("首次使用设置", content, u.win)
	f.dlg.Resize(fyne.NewSize(680, 540))
	f.dlg.Show()
}

func (u *UI) finishSetup(f *setupForm) {
	if f.begin.Selected == beginDemo {
		f.startBtn.Disable()
		u.run("正在生成示例数据…", func() error {
			_, err := export.PopulateDemo(u.ctx, u.store, demo.Options{Seed: 1, Now: u.store.Now()})
			return err
		}, func(err error) {
			f.startBtn.Enable()
			if err != nil {
				f.message.SetText(userMessage(err))
				return
			}
			f.dlg.Hide()
			u.setup = nil
			u.Start()
		})
		return
	}
	in := data.Setup{Committee: data.Committee{Name: strings.TrimSpace(f.name.Text), ShortName: strings.TrimSpace(f.short.Text)}}
	if in.Committee.ShortName == "" && in.Committee.Name != "" {
		in.Committee.ShortName = data.ShortName(in.Committee.Name)
	}
	var bad []string
	num := func(e *widget.Entry, label string) int {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s：请填写数字", label))
		}
		return n
	}
	in.Term.Number = num(f.number, "届次")
	in.Term.StartYear = num(f.start, "起始年份")
	in.Term.EndYear = num(f.end, "结束年份")
	if len(bad) > 0 {
		f.message.SetText(strings.Join(bad, "\n"))
		return
	}
	if _, err := u.store.SetUp(u.ctx, in); err != nil {
		f.message.SetText(userMessage(err))
		return
	}
	f.dlg.Hide()
	u.setup = nil
	u.Start()
	u.afterSetup(f.begin.Selected)
}
