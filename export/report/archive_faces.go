package report

import (
	"context"
	"slices"

	"codeberg.org/go-pdf/fpdf"

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
	used := d.UsedRunes()
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
