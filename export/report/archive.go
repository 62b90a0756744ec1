package report

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"zhengxie/assets"
	"zhengxie/data"
	"zhengxie/data/mask"
	"zhengxie/data/proposal"
	"zhengxie/data/savefile"
	"zhengxie/export/pdf"
)

// ArchiveSet is the 委员履职档案 (一届一人一档) of one term's members, or of
// one member: the term's records loaded once (data.ArchiveBook) and what
// the pages print besides (the committee's name, 案号 format and result
// classes). Print it with WritePDF (one file, each member starting on a new
// page) or WriteFolder (one file per member).
type ArchiveSet struct {
	Committee data.Committee
	Config    proposal.Config
	Book      *data.ArchiveBook
	Template  pdf.PageTemplate // GBT9704() unless set
	Info      pdf.DocInfo      // Date fixed for reproducible files
	// Progress, when set, is called after each member: done of total.
	Progress func(done, total int)
}

// LoadArchiveSet reads the archives of a term's roster (membershipID 0)
// or of one member of it.
func LoadArchiveSet(ctx context.Context, s *data.Store, termID, membershipID int64) (*ArchiveSet, error) {
	a := &ArchiveSet{Template: pdf.GBT9704()}
	var err error
	if a.Committee, err = s.GetCommittee(ctx); err != nil {
		return nil, err
	}
	if a.Config, err = s.ProposalConfig(ctx); err != nil {
		return nil, err
	}
	if a.Book, err = s.LoadArchiveBook(ctx, termID, membershipID); err != nil {
		return nil, err
	}
	return a, nil
}

// WritePDF writes every member's archive into one PDF, each starting on a
// new page and listed in the outline ("001 张明"). It stops with ctx's
// error when cancelled.
func (a *ArchiveSet) WritePDF(ctx context.Context, w io.Writer) error {
	d, err := a.Build(ctx)
	if err != nil {
		return err
	}
	return d.Write(w)
}

// Build lays every member's archive out into one document (WritePDF
// writes it; tests look at the Doc).
func (a *ArchiveSet) Build(ctx context.Context) (*pdf.Doc, error) {
	d, err := a.newDoc(a.title(""))
	if err != nil {
		return nil, err
	}
	total := len(a.Book.Members)
	for i, m := range a.Book.Members {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a.appendMember(d, a.Book.Archive(m), i > 0, fmt.Sprintf("%0*d %s", digits(total), i+1, m.Name))
		if a.Progress != nil {
			a.Progress(i+1, total)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return d, nil
}

// WriteFolder writes one PDF per member into dir (created if missing),
// named 序号_姓名.pdf in roster order, and returns the paths written. When
// cancelled it stops after the current file; the files already written
// stay.
func (a *ArchiveSet) WriteFolder(ctx context.Context, dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, data.UserErrf(err, "无法创建文件夹“%s”：%s", dir, data.UserMessage(err))
	}
	total := len(a.Book.Members)
	var fonts []assets.PDFFont // nil: the embedded faces
	if total >= cutFacesFrom {
		var err error
		if fonts, err = a.cutFaces(ctx); err != nil {
			return nil, err
		}
	}
	var paths []string
	for i, m := range a.Book.Members {
		if err := ctx.Err(); err != nil {
			return paths, err
		}
		path := filepath.Join(dir, ArchiveFileName(i+1, total, m.Name))
		err := savefile.Write(path, func(w io.Writer) error {
			d, err := a.newDocFaces(a.title(m.Name), fonts)
			if err != nil {
				return err
			}
			a.appendMember(d, a.Book.Archive(m), false, "")
			return d.Write(w)
		})
		if err != nil {
			return paths, err
		}
		paths = append(paths, path)
		if a.Progress != nil {
			a.Progress(i+1, total)
		}
	}
	return paths, nil
}

// ArchiveFileName is 序号_姓名.pdf, the number padded to the count's width
// ("007_张明.pdf" of 300); characters a file name cannot hold become "_".
func ArchiveFileName(n, total int, name string) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, strings.TrimSpace(name))
	return fmt.Sprintf("%0*d_%s.pdf", digits(total), n, clean)
}

// digits is the width of n in decimal, at least 3 (001 … 300).
func digits(n int) int { return max(3, len(fmt.Sprint(n))) }

func (a *ArchiveSet) title(name string) string {
	t := data.CommitteeTitle(a.Committee, a.Book.Term) + "委员履职档案"
	if name != "" {
		t += "（" + name + "）"
	}
	return t
}

// cutFacesFrom is the batch size from which WriteFolder cuts the faces
// down first (report_archive_faces.go).
const cutFacesFrom = 8

func (a *ArchiveSet) newDoc(title string) (*pdf.Doc, error) { return a.newDocFaces(title, nil) }

// newDocFaces starts a document over fonts (nil: the embedded faces).
func (a *ArchiveSet) newDocFaces(title string, fonts []assets.PDFFont) (*pdf.Doc, error) {
	info := a.Info
	if info.Title == "" {
		info.Title = title
	}
	info.Author = a.Committee.Name
	tpl := a.Template
	if tpl.TextW == 0 {
		tpl = pdf.GBT9704()
	}
	if fonts == nil {
		return pdf.NewDoc(tpl, info)
	}
	return pdf.NewDocWithFonts(tpl, info, fonts)
}

// appendMember sets one member's archive, on a new page unless it is the
// document's first, with the member's name over each continuation page
// and, when mark is set, an outline entry.
func (a *ArchiveSet) appendMember(d *pdf.Doc, ar data.MemberArchive, newPage bool, mark string) {
	first := d.Pages()
	if newPage {
		first++
	}
	d.RunningHead(func() string {
		if d.Pages() <= first {
			return ""
		}
		return ar.Member.Name + "　委员履职档案（续）"
	})
	if newPage {
		d.NewPage()
	}
	d.RestartPageNumbers()
	if mark != "" {
		d.Bookmark(mark, 0)
	}
	a.Append(d, ar)
}

// Append sets one member's archive from the current page on: the title,
// the 登记表 of basic information, a summary, and the six sections.
func (a *ArchiveSet) Append(d *pdf.Doc, ar data.MemberArchive) {
	d.Text("委员履职档案", pdf.TextStyle{Role: d.Template().Title, Align: pdf.AlignCenter})
	d.Text(fmt.Sprintf("%s（%d—%d年）", data.CommitteeTitle(a.Committee, ar.Term), ar.Term.StartYear, ar.Term.EndYear),
		pdf.TextStyle{Role: d.Template().Note, Align: pdf.AlignCenter})
	d.Space(0.3)
	basicInfo(d, ar)
	d.Space(0.3)
	d.Paragraph(archiveSummary(ar))
	a.attendanceSection(d, ar)
	a.proposalSection(d, ar)
	infoSection(d, ar)
	activitySection(d, ar)
	awardSection(d, ar)
	assessmentSection(d, ar, a.Committee)
}

// basicInfo is the 登记表: label and value cells, three pairs a row.
func basicInfo(d *pdf.Doc, ar data.MemberArchive) {
	m := ar.Member
	const row = 9.0
	l := func(s string) pdf.FormCell { return pdf.FormCell{Text: s, Width: 1.7, Label: true} }
	v := func(s string) pdf.FormCell { return pdf.FormCell{Text: orDash(s), Width: 2.1, Align: pdf.AlignCenter} }
	wide := func(s string) pdf.FormCell { return pdf.FormCell{Text: orDash(s), Width: 2.1*3 + 1.7*2} }
	d.FormRow(row, l("姓　　名"), v(m.Name), l("性　　别"), v(m.Gender), l("出生年月"), v(birthText(m.Birth)))
	d.FormRow(row, l("民　　族"), v(m.Ethnicity), l("籍　　贯"), v(m.NativePlace), l("党　　派"), v(m.Party))
	d.FormRow(row, l("学　　历"), v(joinNonEmpty("，", m.Education, degreeText(m.Degree))), l("职　　称"), v(m.Title),
		l("界　　别"), v(m.Sector))
	d.FormRow(row, l("工作单位\n及职务"), wide(m.WorkUnit))
	d.FormRow(row, l("政协职务"), v(roleText(m)), l("专 委 会"), v(m.Committee), l("活 动 组"), v(m.Group))
	d.FormRow(row, l("任职状态"), v(statusText(m.Membership)), l("联系电话"),
		pdf.FormCell{Text: orDash(mask.Phone(m.Phone)), Width: 2.1*2 + 1.7, Align: pdf.AlignCenter})
	d.FormRow(row, l("通讯地址"), wide(m.Address))
	d.FormRow(row, l("任职届次"), wide(termsText(ar)))
	if strings.TrimSpace(m.Note) != "" {
		d.FormRow(row, l("备　　注"), wide(m.Note))
	}
}

func birthText(b string) string {
	if len(b) < 7 {
		return b
	}
	return fmt.Sprintf("%s年%d月", b[:4], atoi(b[5:7]))
}

func degreeText(d string) string {
	if d == "" || d == "无" {
		return ""
	}
	return d
}

func roleText(m data.Member) string {
	role := m.Role
	if m.Standing && role != "常委" && role != "" {
		role += "（常委）"
	}
	if role == "" && m.Standing {
		role = "常委"
	}
	return role
}

func statusText(m data.Membership) string {
	s := m.Status
	if m.StatusDate != "" && s != data.StatusServing {
		s += "（" + data.ChineseISODate(m.StatusDate) + "）"
	}
	return s
}

// termsText lists the terms served: "第十届、第十一届（本届新委员）".
func termsText(ar data.MemberArchive) string {
	var names []string
	for _, t := range ar.Terms {
		names = append(names, t.TermName())
	}
	if len(names) == 0 {
		names = append(names, ar.Term.TermName())
	}
	s := strings.Join(names, "、")
	if ar.Member.IsNew {
		s += "（本届新委员）"
	}
	return s
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
