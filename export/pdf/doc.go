// Package pdf is the PDF document layer: printed reports in 公文 layout (GB/T 9704-2012)
// over fpdf, with the CJK faces embedded from assets and subset on output.
//
// Building a document:
//
//	d, err := pdf.NewDoc(pdf.GBT9704(), pdf.DocInfo{Title: "提案工作情况报告", Date: fixed})
//	if err != nil { ... }
//	d.Title("政协清河县第十一届委员会", "提案工作情况报告") // 二号, centred, one line each
//	d.Centered("——2025年1月8日在政协清河县第十一届委员会第四次会议上")
//	d.Blank()
//	d.Paragraph("各位委员：") // 三号 body, first line indented two characters
//	d.Heading1("一、提案工作基本情况") // 黑体
//	d.Heading2("（一）提案提交和立案情况") // 楷体
//	d.Paragraph("本次会议以来共收到提案186件……")
//	d.Table(pdf.Table{Title: "表1 立案提案类别", Columns: cols, Rows: rows}) // header repeats on each page
//	d.BarChart(pdf.Chart{Title: "图1 立案提案类别", Items: items})
//	d.PieChart(pdf.Chart{Title: "图2 办理结果", Items: items, Ring: true})
//	d.Signature("政协清河县委员会提案委员会", "2025年1月8日")
//	err = savefile.Write("report.pdf", d.Write) // or d.Write(w)
//
// Every method lays out from the current position and starts a new page
// when the next line, table row or chart does not fit. Errors are kept and
// returned by Write. Page numbers ("— 1 —") are drawn on every page as the
// template says. With DocInfo.Date set, the output is byte-for-byte
// reproducible (golden tests).
package pdf

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"zhengxie/assets"
)

// FontRole is the face and size (in points) of one kind of text.
type FontRole struct {
	Face string  // assets.PDFSong, PDFKai or PDFHei
	Size float64 // points: 二号 22, 三号 16, 四号 14, 小四 12, 五号 10.5
	Bold bool    // drawn with a thin outline, the way 小标宋 is heavier than 宋体
}

// Chinese type sizes (字号) in points.
const (
	SizeEr      = 22.0 // 二号
	SizeSan     = 16.0 // 三号
	SizeSi      = 14.0 // 四号
	SizeXiaoSi  = 12.0 // 小四
	SizeWu      = 10.5 // 五号
	SizeXiaoWu  = 9.0  // 小五
	MMPerPt     = 25.4 / 72
	ptPerMM     = 72 / 25.4
	pageNumDash = "—"
)

// Page number placement.
const (
	PageNumberOuter  = "outer"  // odd pages right, even pages left (GB/T 9704)
	PageNumberCenter = "center" // every page centred
	PageNumberNone   = "none"
)

// PageTemplate is the page setup of a document. GBT9704 returns the
// national standard's values; counties that print differently change the
// fields (all lengths in millimetres).
type PageTemplate struct {
	PageW, PageH float64 // paper: A4 210 × 297
	Top, Left    float64 // 天头 and 订口: where the text block starts
	TextW, TextH float64 // 版心 (text block)

	// LinesPerPage sets the line pitch (TextH / LinesPerPage) of body text
	// and headings; CharsPerLine fits that many body characters on a line
	// (by adjusting the spacing between characters). 0 means natural.
	LinesPerPage, CharsPerLine int

	Title, Body, Heading1, Heading2, Heading3 FontRole
	TableTitle, TableHead, TableText, Note    FontRole
	PageNumber                                FontRole

	PageNumbers   string  // PageNumberOuter, PageNumberCenter or PageNumberNone
	PageNumberGap float64 // from the bottom of the text block to the numbers' baseline area
}

// GBT9704 is the page setup of GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm,
// text block 156 × 225 mm, 22 lines of 28 characters, title 二号, body and
// headings 三号, tables 五号, page numbers 四号 "— 1 —" 7 mm below the
// text block on the outer side. The free faces stand in for the standard's
// (see assets.PDFFonts): 宋体 for 小标宋 (drawn bolder) and 仿宋, Droid
// Sans for 黑体.
func GBT9704() PageTemplate {
	song, kai, hei := assets.PDFSong, assets.PDFKai, assets.PDFHei
	return PageTemplate{
		PageW: 210, PageH: 297, Top: 37, Left: 28, TextW: 156, TextH: 225,
		LinesPerPage: 22, CharsPerLine: 28,
		Title:         FontRole{Face: song, Size: SizeEr, Bold: true},
		Body:          FontRole{Face: song, Size: SizeSan},
		Heading1:      FontRole{Face: hei, Size: SizeSan},
		Heading2:      FontRole{Face: kai, Size: SizeSan},
		Heading3:      FontRole{Face: song, Size: SizeSan},
		TableTitle:    FontRole{Face: hei, Size: SizeXiaoSi},
		TableHead:     FontRole{Face: hei, Size: SizeWu},
		TableText:     FontRole{Face: song, Size: SizeWu},
		Note:          FontRole{Face: song, Size: SizeXiaoSi},
		PageNumber:    FontRole{Face: song, Size: SizeSi},
		PageNumbers:   PageNumberOuter,
		PageNumberGap: 7,
	}
}

// pitch is the line pitch of body text in mm.
func (t PageTemplate) pitch() float64 {
	if t.LinesPerPage <= 0 {
		return t.Body.Size * MMPerPt * 1.6
	}
	return t.TextH / float64(t.LinesPerPage)
}

// DocInfo is a document's metadata.
type DocInfo struct {
	Title, Author, Subject string
	Date                   time.Time // creation date; fixed for reproducible output, zero = now
}

// Doc is a PDF document being laid out. Build it with NewDoc and the
// append methods (Title, Heading1, Paragraph, Table, BarChart …), then
// Write it.
type Doc struct {
	pdf   *fpdf.Fpdf
	tpl   PageTemplate
	y     float64 // top of the next line, mm from the top of the page
	fonts *faces
	err   error
}

// NewDoc starts a document with one empty page, over the embedded faces.
func NewDoc(tpl PageTemplate, info DocInfo) (*Doc, error) {
	return NewDocWithFonts(tpl, info, assets.PDFFonts())
}

// NewDocWithFonts is NewDoc over other faces (same names as
// assets.PDFFonts, body face first), e.g. faces cut down with
// fpdf.UTF8CutFont to what a batch of small files draws.
func NewDocWithFonts(tpl PageTemplate, info DocInfo, fonts []assets.PDFFont) (*Doc, error) {
	if tpl.TextW <= 0 || tpl.TextH <= 0 || tpl.PageW < tpl.Left+tpl.TextW || tpl.PageH < tpl.Top+tpl.TextH {
		return nil, fmt.Errorf("页面设置有误：版心 %.0f×%.0f 毫米放不进 %.0f×%.0f 毫米的纸张", tpl.TextW, tpl.TextH, tpl.PageW, tpl.PageH)
	}
	p := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", Size: fpdf.SizeType{Wd: tpl.PageW, Ht: tpl.PageH}})
	p.SetMargins(tpl.Left, tpl.Top, tpl.PageW-tpl.Left-tpl.TextW)
	p.SetAutoPageBreak(false, 0)
	p.SetCatalogSort(true)
	date := info.Date
	if date.IsZero() {
		date = time.Now()
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(info.Title, true)
	p.SetAuthor(info.Author, true)
	p.SetSubject(info.Subject, true)
	p.SetCreator("zhengxie", true)
	p.SetProducer("zhengxie (fpdf)", true)
	faces, err := loadFaces(p, fonts)
	if err != nil {
		return nil, err
	}
	d := &Doc{pdf: p, tpl: tpl, fonts: faces}
	p.SetFooterFunc(d.drawPageNumber)
	d.NewPage()
	return d, nil
}

// Template is the document's page setup.
func (d *Doc) Template() PageTemplate { return d.tpl }

// NewPage starts a new page (a section that must begin on its own page).
func (d *Doc) NewPage() {
	d.pdf.AddPage()
	d.y = d.tpl.Top
}

// Pages is the number of pages so far.
func (d *Doc) Pages() int { return d.pdf.PageCount() }

// Missing lists the characters no embedded face could draw (they print as
// blanks); a test on real data expects none.
func (d *Doc) Missing() []rune { return d.fonts.missingRunes() }

// bottom is the lowest y the text block allows.
func (d *Doc) bottom() float64 { return d.tpl.Top + d.tpl.TextH }

// ensure starts a new page unless h mm still fit on this one.
func (d *Doc) ensure(h float64) {
	if d.y+h > d.bottom()+0.01 && d.y > d.tpl.Top {
		d.NewPage()
	}
}

// Blank leaves one empty body line (GB/T 9704 puts one under the title).
func (d *Doc) Blank() {
	if d.y > d.tpl.Top {
		d.y += d.tpl.pitch()
	}
}

// Write finishes the document and writes the PDF.
func (d *Doc) Write(w io.Writer) error {
	if d.err != nil {
		return d.err
	}
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("生成PDF失败：%w", err)
	}
	return nil
}

// drawPageNumber is fpdf's footer: "— n —" in the template's place.
func (d *Doc) drawPageNumber() {
	t := d.tpl
	if t.PageNumbers == PageNumberNone || t.PageNumbers == "" {
		return
	}
	n := d.pdf.PageNo()
	s := fmt.Sprintf("%s %d %s", pageNumDash, n, pageNumDash)
	w := d.fonts.textWidth(s, t.PageNumber, 0)
	char := t.PageNumber.Size * MMPerPt
	x := t.Left + (t.TextW-w)/2
	if t.PageNumbers == PageNumberOuter {
		x = t.Left + char // even: left, one character in
		if n%2 == 1 {
			x = t.Left + t.TextW - char - w
		}
	}
	baseline := t.Top + t.TextH + t.PageNumberGap + char*0.8
	d.fonts.draw(x, baseline, []rune(s), t.PageNumber, 0)
}
