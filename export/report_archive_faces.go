package export

import (
	"context"
	"fmt"
	"slices"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/sfnt"

	"zhengxie/assets"
)

// A folder batch writes ~300 small PDFs. Registering the whole CJK faces
// (several megabytes each) and subsetting them again for every file costs
// about 0.3 s a file, so the batch first lays every archive out once, notes
// which characters each face drew, cuts the faces down to those (a few
// hundred kilobytes), and builds each file over the cut faces. The files
// look the same: every glyph drawn is in the cut face with its metrics.

// cutFaces lays all archives out in one scratch document and returns the
// embedded faces cut down to the characters each one drew.
func (a *ArchiveSet) cutFaces(ctx context.Context) ([]assets.PDFFont, error) {
	d, err := a.newDoc("")
	if err != nil {
		return nil, err
	}
	for i, m := range a.Book.Members {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a.appendMember(d, a.Book.Archive(m), i > 0, "")
	}
	used := map[string][]rune{}
	for k, ok := range d.fonts.has {
		if ok {
			used[k.face] = append(used[k.face], k.r)
		}
	}
	fonts := assets.PDFFonts()
	for i, f := range fonts {
		runes := used[f.Name]
		if len(runes) == 0 {
			continue // not drawn at all: keep the whole face, it is never subset in
		}
		// Spaces stay in the wanted face without a coverage check.
		runes = append(runes, ' ', '\u00a0', '\u3000')
		slices.Sort(runes)
		fonts[i].Data = fpdf.UTF8CutFont(f.Data, string(slices.Compact(runes)))
	}
	return fonts, nil
}

// newDocWithFaces is NewDoc over the given faces instead of the embedded
// ones. It mirrors NewDoc and loadFaces step by step;
// TestArchiveFolderFilesMatchTheOneFileBatch keeps the two in step.
func newDocWithFaces(tpl PageTemplate, info DocInfo, fonts []assets.PDFFont) (*Doc, error) {
	if tpl.TextW <= 0 || tpl.TextH <= 0 || tpl.PageW < tpl.Left+tpl.TextW || tpl.PageH < tpl.Top+tpl.TextH {
		return NewDoc(tpl, info) // NewDoc says what is wrong
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
	fs := &faces{pdf: p, fonts: map[string]*sfnt.Font{}, has: map[faceRune]bool{},
		units: map[faceRune]int{}, missing: map[rune]bool{}}
	for _, f := range fonts {
		parsed, err := sfnt.Parse(f.Data)
		if err != nil {
			return nil, fmt.Errorf("字体 %s 无法读取：%w", f.Name, err)
		}
		p.AddUTF8FontFromBytes(f.Name, "", f.Data)
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("字体 %s 无法载入：%w", f.Name, err)
		}
		fs.fonts[f.Name] = parsed
		fs.order = append(fs.order, f.Name)
	}
	d := &Doc{pdf: p, tpl: tpl, fonts: fs}
	p.SetFooterFunc(d.drawPageNumber)
	d.NewPage()
	return d, nil
}
