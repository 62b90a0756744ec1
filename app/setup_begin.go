package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// The first-run dialog's choices of how to begin.
const (
	beginEmpty  = "从空白开始，之后在“委员”页逐个录入"
	beginImport = "导入现有的委员名册（Excel）：设置完成后选择文件，先预览再导入"
	beginDemo   = "试用示例数据：虚构的“政协清河县委员会”，两届、每届约 300 位委员，便于试用和培训"
)

// newBeginChoice is the choice of how to begin. The demo brings its own
// committee, so choosing it disables the committee fields.
func newBeginChoice(fields []fyne.Disableable) *widget.RadioGroup {
	r := widget.NewRadioGroup([]string{beginEmpty, beginImport, beginDemo}, func(choice string) {
		for _, w := range fields {
			if choice == beginDemo {
				w.Disable()
			} else {
				w.Enable()
			}
		}
	})
	r.Required = true
	r.SetSelected(beginEmpty)
	return r
}

// afterSetup opens what the chosen beginning needs once the committee and
// term exist: for beginImport, the 委员 screen and the roster import.
func (u *UI) afterSetup(choice string) {
	if choice != beginImport {
		return
	}
	u.nav.Select(u.screenIndex(u.members))
	u.members.onImport()
}
