// Package report builds the printed documents on the PDF layer (export/pdf):
// the 提案工作情况报告, the 常委会工作报告 statistics, the 考核结果公示, the
// 委员履职档案 and the 提案交办单 and 征询意见表 forms, with the office's own
// narrative sections around the figures.
package report

import (
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/export/pdf"
)

// reportHead starts a report spoken at a plenary: the document with its
// title lines, "——日期在…会议上" when the report is for a session, the
// speaker line, and the salutation 各位委员. The 提案工作情况报告 and the
// 常委会工作报告 both open this way.
func reportHead(tpl pdf.PageTemplate, info pdf.DocInfo, title []string, c data.Committee, t data.Term, at *data.Session,
	speaker string) (*pdf.Doc, error) {
	if info.Title == "" {
		info.Title = strings.Join(title, "")
	}
	info.Author = c.Name
	d, err := pdf.NewDoc(tpl, info)
	if err != nil {
		return nil, err
	}
	d.Title(title...)
	if at != nil {
		d.Centered(fmt.Sprintf("——%s在%s%s上", data.ChineseISODate(at.StartDate), data.CommitteeTitle(c, t), at.SessionName()))
	}
	if sp := strings.TrimSpace(speaker); sp != "" {
		d.Centered(sp)
	}
	d.Blank()
	d.Plain("各位委员：")
	return d, nil
}
