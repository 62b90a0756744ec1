// Command zhengxie is 政协履职: an offline desktop program for county CPPCC
// committee offices. Without a command it opens the window; with one
// (zhengxie help) it works as a command-line tool over the same code.
//
// main.go is the only file that imports fyne.io/fyne/v2/app, so every other
// package builds and tests without cgo or a display.
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"zhengxie/app"
	"zhengxie/app/cli"
)

func main() {
	os.Exit(cli.Run(cli.Stdio(), os.Args[1:], func(db string) int {
		return app.Run(fyneapp.NewWithID(app.ID), db)
	}))
}
