package app

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"

	"zhengxie/data"
)

// userMessage is the Chinese sentence a user reads for err.
func userMessage(err error) string { return data.UserMessage(err) }

// showError shows an error to the user in a dialog on w.
func showError(err error, w fyne.Window) {
	if err == nil {
		return
	}
	d := dialog.NewInformation("出错了", userMessage(err), w)
	d.Show()
}

// fieldErrors are the red messages under a form's fields, by the field name
// the store's ValidationError uses. Every form shows refusals the same way.
type fieldErrors map[string]*canvas.Text

// clear empties every message.
func (fe fieldErrors) clear() {
	for _, t := range fe {
		t.Text = ""
		t.Refresh()
	}
}

// text is the message under a field ("" when none).
func (fe fieldErrors) text(field string) string {
	if t := fe[field]; t != nil {
		return t.Text
	}
	return ""
}

// place puts each validation message of err under its field and returns
// the line for the form's general label: lead(n) for n messages, then the
// messages no field shows. Any other error becomes its user message.
func (fe fieldErrors) place(err error, lead func(n int) string) string {
	var ves data.ValidationErrors
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ves):
	case errors.As(err, &ve):
		ves = data.ValidationErrors{ve}
	default:
		return userMessage(err)
	}
	msg := lead(len(ves))
	for _, e := range ves {
		if t := fe[e.Field]; t != nil {
			t.Text = e.Msg
			t.Refresh()
		} else {
			msg += "\n" + e.Error()
		}
	}
	return msg
}

// markedFields is the usual lead of fieldErrors.place.
func markedFields(n int) string {
	return fmt.Sprintf("有 %d 处需要修改，请查看标红的提示。", n)
}
