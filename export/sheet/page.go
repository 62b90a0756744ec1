package sheet

import "github.com/xuri/excelize/v2"

// pageA4 makes a sheet print on A4 in the given orientation, fitted to
// the page width (and height too when onePage), with page numbers.
func pageA4(f *excelize.File, sheet, orientation string, onePage bool) error {
	size, one, tall := 9, 1, 0 // 9 = A4; 0 pages tall = as many as needed
	if onePage {
		tall = 1
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &one, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	m := func(v float64) *float64 { return &v }
	centred := true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{
		Left: m(0.5), Right: m(0.5), Top: m(0.6), Bottom: m(0.7), Footer: m(0.3), Header: m(0.3), Horizontally: &centred,
	}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"})
}

// thinBorder draws a thin black line on all four sides of a cell, as
// printed tables have.
var thinBorder = []excelize.Border{
	{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
	{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
}
