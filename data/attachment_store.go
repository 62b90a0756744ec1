package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// AttachmentDir is where a proposal's files are kept: next to the database,
// in attachments/<proposal id>/.
func (s *Store) AttachmentDir(proposalID int64) string {
	return filepath.Join(attachmentRoot(s.path), strconv.FormatInt(proposalID, 10))
}

func attachmentRoot(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "attachments") }

// ErrAttachmentPath is the cause of the refusal of an attachment row whose
// stored path would leave the attachments folder.
var ErrAttachmentPath = errors.New("attachment path leaves the attachments folder")

// attachmentRel is the stored path of a proposal's file: relative to the
// attachments folder, "<proposal id>/<name>", with forward slashes.
func attachmentRel(proposalID int64, name string) string {
	return strconv.FormatInt(proposalID, 10) + "/" + name
}

// safeAttachmentRel checks a stored path before the program touches the
// file it names: exactly "<proposal id>/<name>" of this proposal, the name a
// plain file name (no "..", no separator, no drive on Windows). Anything
// else — a crafted backup's "../victim.txt", an absolute path — is refused.
func safeAttachmentRel(proposalID int64, stored string) error {
	dir, name, ok := strings.Cut(stored, "/")
	if !ok || dir != strconv.FormatInt(proposalID, 10) || name == "" || name == "." || name == ".." ||
		strings.ContainsAny(name, "/\x00") || !filepath.IsLocal(name) {
		return fmt.Errorf("%w: %q", ErrAttachmentPath, stored)
	}
	return nil
}

// attachmentFile resolves a stored path inside the attachments folder of
// the database at dbPath, or refuses it.
func attachmentFile(dbPath string, proposalID int64, stored string) (string, error) {
	if err := safeAttachmentRel(proposalID, stored); err != nil {
		return "", err
	}
	return filepath.Join(attachmentRoot(dbPath), filepath.FromSlash(stored)), nil
}

// badAttachment is an attachment row whose stored path would leave the
// attachments folder.
type badAttachment struct {
	ID, ProposalID int64
	Path           string
}

func (b badAttachment) String() string {
	return fmt.Sprintf("附件路径不在附件文件夹内：第 %d 号附件（提案 %d）记录的路径为“%s”", b.ID, b.ProposalID, b.Path)
}

// badAttachmentPaths finds the attachment rows whose stored path would
// leave the attachments folder (for check and for refusing a backup).
// Before migration 006 paths started with "attachments/".
func badAttachmentPaths(ctx context.Context, db *sql.DB, version int) ([]badAttachment, error) {
	if version < 2 {
		return nil, nil // no attachment table yet
	}
	rows, err := db.QueryContext(ctx, "SELECT id, proposal_id, path FROM attachment ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []badAttachment
	for rows.Next() {
		var b badAttachment
		if err := rows.Scan(&b.ID, &b.ProposalID, &b.Path); err != nil {
			return nil, err
		}
		rel := b.Path
		if version < 6 {
			rel = strings.TrimPrefix(rel, "attachments/")
		}
		if safeAttachmentRel(b.ProposalID, rel) != nil {
			out = append(out, b)
		}
	}
	return out, rows.Err()
}

// AddAttachment copies a file (a scanned 答复函, a photo …) into the data
// folder and records it. A name already used on the proposal gets a number.
// When recording fails the copy is removed again.
func (s *Store) AddAttachment(ctx context.Context, proposalID int64, src string) (Attachment, error) {
	in, err := os.Open(src)
	if err != nil {
		return Attachment{}, Invalid("附件", "无法读取文件："+filepath.Base(src))
	}
	defer in.Close()
	dir := s.AttachmentDir(proposalID)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Attachment{}, fmt.Errorf("create attachment folder: %w", err)
	}
	name := filepath.Base(src)
	dst := filepath.Join(dir, name)
	for i := 2; ; i++ {
		if _, err := os.Stat(dst); os.IsNotExist(err) {
			break
		}
		ext := filepath.Ext(name)
		dst = filepath.Join(dir, fmt.Sprintf("%s(%d)%s", strings.TrimSuffix(name, ext), i, ext))
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return Attachment{}, fmt.Errorf("create attachment: %w", err)
	}
	size, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst)
		return Attachment{}, fmt.Errorf("copy attachment: %w", err)
	}
	a := Attachment{ProposalID: proposalID, Name: filepath.Base(dst), Path: dst, Size: size, AddedAt: s.Now().Format(time.RFC3339)}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO attachment(proposal_id, name, path, size, added_at) VALUES (?, ?, ?, ?, ?)",
			proposalID, a.Name, attachmentRel(proposalID, a.Name), size, a.AddedAt)
		if err != nil {
			return notFound(err)
		}
		a.ID, _ = res.LastInsertId()
		if err := s.addEvent(ctx, tx, proposalID, "", "添加附件", "", "", "", a.Name); err != nil {
			return err
		}
		return s.audit(ctx, tx, "新增", "附件", a.ID, a.Name)
	})
	if err != nil {
		os.Remove(dst)
		return Attachment{}, fmt.Errorf("record attachment: %w", err)
	}
	return a, nil
}

// ListAttachments returns a proposal's files, oldest first. A row whose
// stored path would leave the attachments folder is listed with an empty
// Path: the program neither opens nor deletes what it names.
func (s *Store) ListAttachments(ctx context.Context, proposalID int64) ([]Attachment, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, proposal_id, name, path, size, added_at FROM attachment WHERE proposal_id = ? ORDER BY id", proposalID)
	if err != nil {
		return nil, fmt.Errorf("list attachments: %w", err)
	}
	defer rows.Close()
	var out []Attachment
	for rows.Next() {
		var a Attachment
		if err := rows.Scan(&a.ID, &a.ProposalID, &a.Name, &a.Path, &a.Size, &a.AddedAt); err != nil {
			return nil, err
		}
		a.Path, _ = attachmentFile(s.path, a.ProposalID, a.Path)
		out = append(out, a)
	}
	return out, rows.Err()
}

// RemoveAttachment forgets a file and deletes the stored copy — only when
// its stored path names a file inside the attachments folder; the row of a
// path that would leave it is forgotten and nothing is deleted.
func (s *Store) RemoveAttachment(ctx context.Context, id int64) error {
	var a Attachment
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT proposal_id, name, path FROM attachment WHERE id = ?", id).Scan(&a.ProposalID, &a.Name, &a.Path); err != nil {
			return notFound(err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM attachment WHERE id = ?", id); err != nil {
			return err
		}
		if err := s.addEvent(ctx, tx, a.ProposalID, "", "删除附件", "", "", "", a.Name); err != nil {
			return err
		}
		return s.audit(ctx, tx, "删除", "附件", id, a.Name)
	})
	if err != nil {
		return err
	}
	if file, err := attachmentFile(s.path, a.ProposalID, a.Path); err == nil {
		os.Remove(file)
	}
	return nil
}
