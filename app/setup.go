package app

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zhengxie/data"
	"zhengxie/data/demo"
)

// setupForm is the first-run dialog: who the committee is and which term it
// is in, or a demo county to try the program with.
type setupForm struct {
	dlg                dialog.Dialog
	name, short        *widget.Entry
	number, start, end *widget.Entry
	begin              *widget.RadioGroup // how to begin: empty, import a roster, or the demo
	errs               fieldErrors        // under each field, by the label data.Setup.Validate uses
	message            *widget.Label
	startBtn           *widget.Button
}

func (u *UI) showSetup() {
	f := &setupForm{errs: fieldErrors{}}
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
	f.number.SetPlaceHolder("如 11 或 十一（第十一届）")
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
	item := func(label, field string, w fyne.CanvasObject) *widget.FormItem {
		return widget.NewFormItem(label, container.NewVBox(w, f.errs.line(field)))
	}
	form := widget.NewForm(
		item("委员会名称", "委员会名称", f.name),
		item("简称", "简称", f.short),
		item("当前届次", "届次", f.number),
		item("起始年份", "起始年份", f.start),
		item("结束年份", "结束年份", f.end),
	)
	content := container.NewVBox(intro, form, widget.NewLabel("如何开始："), f.begin, f.message, container.NewCenter(f.startBtn))
	f.dlg = dialog.NewCustomWithoutButtons("首次使用设置", content, u.win)
	f.dlg.Resize(fyne.NewSize(680, 540))
	f.dlg.Show()
}

func (u *UI) finishSetup(f *setupForm) {
	if f.begin.Selected == beginDemo {
		f.startBtn.Disable()
		var filled *data.Store
		u.run("正在生成示例数据…", func(ctx context.Context, _ progress) (err error) {
			// All or nothing: into a copy that replaces the file when complete.
			filled, err = data.FillAtomically(ctx, u.store, func(ctx context.Context, t *data.Store) error {
				_, err := demo.PopulateWithPresets(ctx, t, demo.Options{Seed: 1, Now: t.Now()})
				return err
			})
			return err
		}, func(err error) {
			if filled != nil {
				u.store = filled
			}
			f.startBtn.Enable()
			if err != nil {
				f.message.SetText(userMessage(err))
				return
			}
			f.dlg.Hide()
			u.setup = nil
			u.backupAtStart() // the start skipped it: there was nothing to keep
			u.Start()
		})
		return
	}
	in := data.Setup{Committee: data.Committee{Name: strings.TrimSpace(f.name.Text), ShortName: strings.TrimSpace(f.short.Text)}}
	if in.Committee.ShortName == "" && in.Committee.Name != "" {
		in.Committee.ShortName = data.ShortName(in.Committee.Name)
	}
	f.errs.clear()
	if err := f.read(&in); err != nil {
		f.message.SetText(f.errs.place(err, markedFields))
		return
	}
	if _, err := u.store.SetUp(u.ctx, in); err != nil {
		f.message.SetText(f.errs.place(err, markedFields))
		return
	}
	f.dlg.Hide()
	u.setup = nil
	u.backupAtStart() // the start skipped it: there was nothing to keep
	u.Start()
	u.afterSetup(f.begin.Selected)
}

// read fills the term from the fields: 届次 as 11, 十一 or 第十一届, the
// years as numbers. Every problem, its own and data.Setup.Validate's, comes
// back at once so that each field shows its message.
func (f *setupForm) read(in *data.Setup) error {
	var bad data.ValidationErrors
	if n, ok := data.ParseTermNumber(f.number.Text); ok {
		in.Term.Number = n
	} else if strings.TrimSpace(f.number.Text) == "" {
		bad = append(bad, &data.ValidationError{Field: "届次", Msg: "请填写当前届次，如 11 或 十一"})
	} else {
		bad = append(bad, &data.ValidationError{Field: "届次", Msg: "请填写数字，如 11 或 十一（第十一届）"})
	}
	year := func(e *widget.Entry, field string) int {
		n, err := strconv.Atoi(strings.TrimSpace(e.Text))
		if err != nil {
			bad = append(bad, &data.ValidationError{Field: field, Msg: "请填写四位数字的年份，如 2021"})
		}
		return n
	}
	in.Term.StartYear = year(f.start, "起始年份")
	in.Term.EndYear = year(f.end, "结束年份")
	var ves data.ValidationErrors
	if errors.As(in.Validate(), &ves) {
		for _, e := range ves {
			// An unreadable start year says nothing about the end year.
			if bad.Field(e.Field) == "" && (e.Field != "结束年份" || bad.Field("起始年份") == "") {
				bad = append(bad, e)
			}
		}
	}
	if len(bad) > 0 {
		return bad
	}
	return nil
}
