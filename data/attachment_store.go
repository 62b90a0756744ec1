package data

import (
	"context"
	"database/sql"
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
	return filepath.Join(filepath.Dir(s.path), "attachments", strconv.FormatInt(proposalID, 10))
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
			proposalID, a.Name, filepath.ToSlash(filepath.Join("attachments", strconv.FormatInt(proposalID, 10), a.Name)), size, a.AddedAt)
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

// ListAttachments returns a proposal's files, oldest first.
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
		a.Path = filepath.Join(filepath.Dir(s.path), filepath.FromSlash(a.Path))
		out = append(out, a)
	}
	return out, rows.Err()
}

// RemoveAttachment forgets a file and deletes the stored copy.
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
	os.Remove(filepath.Join(filepath.Dir(s.path), filepath.FromSlash(a.Path)))
	return nil
}
