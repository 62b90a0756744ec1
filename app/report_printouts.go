package app

import (
	"context"
	"errors"
)

// The 委员履职档案 and the 履职考核结果公示 are printed by generators that
// are not in this build yet; the screen offers them greyed out with a note.

// printoutsReady says whether the archive and notice generators are wired in.
const printoutsReady = false

// unavailable says why a document cannot be made now ("" when it can).
func (r *reportScreen) unavailable(doc string) string {
	if (doc == docArchive || doc == docNotice) && !printoutsReady {
		return doc + "的生成功能尚未开放（正在开发中），\n请先使用其他文件。"
	}
	return ""
}

func (u *UI) preparePrintout(context.Context, string, reportScope) (*preparedReport, error) {
	return nil, errors.New("该文件的生成功能尚未开放")
}
