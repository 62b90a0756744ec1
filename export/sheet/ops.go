package sheet

import (
	"io"
	"time"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// This file holds the whole-file operations the GUI and the command line
// share, so that "export the roster" or "preview an import" means exactly
// the same thing wherever it is started.

// RosterTitle is the title printed above a term's roster.
func RosterTitle(c data.Committee, t data.Term) string {
	return data.CommitteeTitle(c, t) + "委员名册"
}

// RosterOptions choose what a roster file holds.
type RosterOptions struct {
	// AllFields writes every field (a sheet that imports back without loss,
	// given FullID); otherwise the printable columns.
	AllFields bool
	// FullID writes 身份证号 and phone numbers unmasked (see RosterDoc.FullID).
	FullID bool
}

// RosterFile writes the given members of a term to an xlsx at path.
func RosterFile(path string, c data.Committee, t data.Term, members []data.Member, now time.Time, opts RosterOptions) error {
	doc := RosterDoc{Title: RosterTitle(c, t), Members: members, Date: "制表日期：" + data.ChineseDate(now), FullID: opts.FullID}
	if opts.AllFields {
		doc.Fields = data.RosterFields
	}
	return savefile.Write(path, func(w io.Writer) error { return WriteRoster(w, doc) })
}

// TemplateFile writes the blank roster import template to path.
func TemplateFile(path string) error {
	return savefile.Write(path, WriteRosterTemplate)
}
