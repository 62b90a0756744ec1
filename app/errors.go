package app

import (
	"fyne.io/fyne/v2"
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
