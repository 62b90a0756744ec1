package assets

import _ "embed"

// The document faces of printed reports. GB/T 9704 asks for 方正小标宋
// (titles), 仿宋_GB2312 (body), 黑体 and 楷体_GB2312 (headings); those are
// commercial, so the PDF writer uses freely licensed TrueType faces that
// cover GB 2312 in their place:
//
//   - AR PL SungtiL GB (fonts/gbsn00lp.ttf, Arphic Public License, see
//     fonts/LICENSE-ArphicPL.txt): 宋体 style, for titles and body text (no
//     free 仿宋 face with simplified characters is packaged in Debian);
//   - AR PL KaitiM GB (fonts/gkai00mp.ttf, Arphic Public License): 楷体;
//   - Droid Sans Fallback (FontRegular, Apache-2.0): the 黑体 role. It has
//     no Latin letters or digits; the writer takes those from the 宋体 face.
//
// The writer embeds only the glyphs a document uses (subsetting).

//go:embed fonts/gbsn00lp.ttf
var fontSong []byte

//go:embed fonts/gkai00mp.ttf
var fontKai []byte

// PDFFont is one face for the PDF writer.
type PDFFont struct {
	Name string // family name the writer registers, e.g. "song"
	Data []byte // TrueType (glyf) font file
}

// Names of the PDF faces, for document templates.
const (
	PDFSong = "song" // 宋体 style (title and body)
	PDFKai  = "kai"  // 楷体 style
	PDFHei  = "hei"  // 黑体 role (sans)
)

// PDFFonts lists the faces the PDF writer loads, body face first.
func PDFFonts() []PDFFont {
	return []PDFFont{{PDFSong, fontSong}, {PDFKai, fontKai}, {PDFHei, FontRegular}}
}
