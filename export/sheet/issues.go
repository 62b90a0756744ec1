package sheet

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// WriteIssues writes the problems an import found as a sheet the office can
// work through beside the original file: 行号, 字段, 问题.
func WriteIssues(w io.Writer, source string, issues []data.ImportIssue) error {
	f, st, err := newRosterBook()
	if err != nil {
		return err
	}
	defer f.Close()
	const name = "导入问题清单"
	if err := f.SetSheetName(rosterSheet, name); err != nil {
		return err
	}
	f.MergeCell(name, "A1", "C1")
	f.SetCellStr(name, "A1", fmt.Sprintf("“%s”导入问题清单（共 %d 处）", source, len(issues)))
	f.SetCellStyle(name, "A1", "C1", st.title)
	f.SetRowHeight(name, 1, 30)
	for i, h := range []string{"行号", "字段", "问题"} {
		c := colName(i+1) + "2"
		f.SetCellStr(name, c, h)
	}
	f.SetCellStyle(name, "A2", "C2", st.header)
	f.SetColWidth(name, "A", "A", 8)
	f.SetColWidth(name, "B", "B", 16)
	f.SetColWidth(name, "C", "C", 70)
	for i, is := range issues {
		r := i + 3
		row := "—"
		if is.Row > 0 {
			row = fmt.Sprint(is.Row)
		}
		f.SetCellStr(name, fmt.Sprintf("A%d", r), row)
		f.SetCellStr(name, fmt.Sprintf("B%d", r), is.Field)
		f.SetCellStr(name, fmt.Sprintf("C%d", r), is.Msg)
		f.SetCellStyle(name, fmt.Sprintf("A%d", r), fmt.Sprintf("B%d", r), st.center)
		f.SetCellStyle(name, fmt.Sprintf("C%d", r), fmt.Sprintf("C%d", r), st.wrap)
	}
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: name, RefersTo: "'" + name + "'!$2:$2"})
	if err := pageA4(f, name, "portrait", false); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// IssuesFile writes an import's problems to path.
func IssuesFile(path, source string, issues []data.ImportIssue) error {
	return savefile.Write(path, func(w io.Writer) error { return WriteIssues(w, source, issues) })
}
