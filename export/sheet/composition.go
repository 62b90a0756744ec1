package sheet

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/composition"
	"zhengxie/data/savefile"
)

// CompositionDoc is a printable composition sheet.
type CompositionDoc struct {
	Title string // 政协清河县第十一届委员会委员构成统计
	Date  string // 统计日期：2026年11月22日
	Stats composition.Stats
}

// WriteComposition writes the composition tables as one printable sheet:
// the tables flow in two columns so that the whole set fits an A4 page.
func WriteComposition(w io.Writer, doc CompositionDoc) error {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "委员构成统计"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newCompositionStyles(f)
	if err != nil {
		return err
	}
	// Columns: A–C left block, D gap, E–G right block.
	for col, width := range map[string]float64{"A": 22, "B": 9, "C": 10, "D": 3, "E": 22, "F": 9, "G": 10} {
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	set := func(cell string, v any, style int) {
		f.SetCellValue(sheet, cell, v)
		f.SetCellStyle(sheet, cell, cell, style)
	}
	f.MergeCell(sheet, "A1", "G1")
	set("A1", doc.Title, st.title)
	f.SetRowHeight(sheet, 1, 32)
	f.MergeCell(sheet, "A2", "G2")
	set("A2", doc.Date, st.date)
	f.MergeCell(sheet, "A3", "G3")
	set("A3", composition.Summary(doc.Stats), st.summary)
	f.SetRowHeight(sheet, 3, 48)

	next := [2]int{5, 5} // next free row of the left and right column
	cols := [2][3]string{{"A", "B", "C"}, {"E", "F", "G"}}
	for _, t := range doc.Stats.Tables {
		side := 0
		if next[1] < next[0] {
			side = 1
		}
		c, r := cols[side], next[side]
		f.MergeCell(sheet, fmt.Sprintf("%s%d", c[0], r), fmt.Sprintf("%s%d", c[2], r))
		set(fmt.Sprintf("%s%d", c[0], r), t.Title, st.blockTitle)
		f.SetCellStyle(sheet, fmt.Sprintf("%s%d", c[1], r), fmt.Sprintf("%s%d", c[2], r), st.blockTitle)
		r++
		for i, h := range []string{"类别", "人数", "占比"} {
			set(fmt.Sprintf("%s%d", c[i], r), h, st.header)
		}
		r++
		total := 0
		for _, row := range t.Rows {
			set(fmt.Sprintf("%s%d", c[0], r), row.Label, st.text)
			set(fmt.Sprintf("%s%d", c[1], r), row.N, st.number)
			set(fmt.Sprintf("%s%d", c[2], r), row.Share, st.percent)
			total += row.N
			r++
		}
		set(fmt.Sprintf("%s%d", c[0], r), "合计", st.totalText)
		set(fmt.Sprintf("%s%d", c[1], r), total, st.totalNumber)
		share := 0.0
		if doc.Stats.Total > 0 {
			share = float64(total) / float64(doc.Stats.Total)
		}
		set(fmt.Sprintf("%s%d", c[2], r), share, st.totalPercent)
		next[side] = r + 2
	}
	if err := pageA4(f, sheet, "portrait", true); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

type compositionStyles struct {
	title, date, summary, blockTitle, header, text, number, percent, totalText, totalNumber, totalPercent int
}

func newCompositionStyles(f *excelize.File) (compositionStyles, error) {
	var s compositionStyles
	body := &excelize.Font{Family: "宋体", Size: 11}
	bold := &excelize.Font{Family: "黑体", Size: 11}
	pct := "0.0%"
	for _, x := range []struct {
		dst   *int
		style excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 18}, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&s.date, excelize.Style{Font: body, Alignment: &excelize.Alignment{Horizontal: "right"}}},
		{&s.summary, excelize.Style{Font: body, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}},
		{&s.blockTitle, excelize.Style{Font: &excelize.Font{Family: "黑体", Size: 12}, Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&s.header, excelize.Style{Font: bold, Border: thinBorder, Alignment: &excelize.Alignment{Horizontal: "center"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}}},
		{&s.text, excelize.Style{Font: body, Border: thinBorder}},
		{&s.number, excelize.Style{Font: body, Border: thinBorder, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&s.percent, excelize.Style{Font: body, Border: thinBorder, CustomNumFmt: &pct, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&s.totalText, excelize.Style{Font: bold, Border: thinBorder}},
		{&s.totalNumber, excelize.Style{Font: bold, Border: thinBorder, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&s.totalPercent, excelize.Style{Font: bold, Border: thinBorder, CustomNumFmt: &pct, Alignment: &excelize.Alignment{Horizontal: "center"}}},
	} {
		id, err := f.NewStyle(&x.style)
		if err != nil {
			return s, err
		}
		*x.dst = id
	}
	return s, nil
}

// CompositionFile writes a term's composition sheet to path.
func CompositionFile(ctx context.Context, s *data.Store, path string, c data.Committee, t data.Term) error {
	st, err := composition.ForTerm(ctx, s, t)
	if err != nil {
		return err
	}
	doc := CompositionDoc{
		Title: data.CommitteeTitle(c, t) + "委员构成统计",
		Date:  "统计日期：" + data.ChineseDate(s.Now()),
		Stats: st,
	}
	return savefile.Write(path, func(w io.Writer) error { return WriteComposition(w, doc) })
}
