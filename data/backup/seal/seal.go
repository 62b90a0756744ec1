// Package seal encrypts backups with a passphrase (age, scrypt) for a USB
// stick or another PC, and opens them again; a wrong passphrase and a
// damaged or altered file are told apart.
package seal

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"

	"zhengxie/data"
	"zhengxie/data/backup"
)

// Ext ends the name of an encrypted backup. The file is in the
// standard age format (passphrase/scrypt), so IT staff can also open it with
// the age tool.
const Ext = ".age"

// sealedMagic starts every age file.
var sealedMagic = []byte("age-encryption.org/v1\n")

// maxWorkFactor bounds the scrypt cost a file may ask for (2^22: a few
// seconds), so a hostile file cannot make opening it take hours.
const maxWorkFactor = 22

// WorkFactor is the scrypt cost of new files: age's default, 2^18 (about
// a second and 256 MiB on an office PC). Tests, here and in the hostile
// corpus, lower it.
var WorkFactor = 18

// ErrWrongPassphrase means the passphrase does not open the file.
var ErrWrongPassphrase = errors.New("wrong passphrase")

// ErrDamaged means the encrypted file was changed or cut short.
var ErrDamaged = errors.New("encrypted backup damaged or altered")

// Seal encrypts the database backup at src into dst with a
// passphrase (age, scrypt recipient: authenticated encryption, so any
// change to the file is detected). dst is written atomically.
func Seal(src, dst, passphrase string) error {
	if strings.TrimSpace(passphrase) == "" {
		return data.Invalid("密码", "请输入密码")
	}
	if len([]rune(passphrase)) < 6 {
		return data.Invalid("密码", "密码至少需要 6 个字符")
	}
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return fmt.Errorf("seal backup: %w", err)
	}
	r.SetWorkFactor(WorkFactor)
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("seal backup: %w", err)
	}
	defer in.Close()
	return writeAtomically(dst, func(w io.Writer) error {
		enc, err := age.Encrypt(w, r)
		if err != nil {
			return err
		}
		if _, err := io.Copy(enc, in); err != nil {
			return err
		}
		return enc.Close()
	})
}

// IsSealed reports whether the file at path is an encrypted backup.
func IsSealed(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sealedMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sealedMagic)
}

// Unseal decrypts the encrypted backup at src into dst. A wrong
// passphrase or a changed file is an error in Chinese, and dst is not
// created: the whole file is decrypted and authenticated into a temporary
// file first.
func Unseal(src, passphrase, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return &data.UserError{Msg: "无法读取加密备份：" + src, Err: err}
	}
	defer in.Close()
	return writeAtomically(dst, func(w io.Writer) error {
		return unseal(in, passphrase, w, maxWorkFactor)
	})
}

// unseal decrypts r into w; maxWork bounds the scrypt cost.
func unseal(r io.Reader, passphrase string, w io.Writer, maxWork int) error {
	id, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return &data.UserError{Msg: "请输入密码。", Err: ErrWrongPassphrase}
	}
	id.SetMaxWorkFactor(maxWork)
	br := bufio.NewReader(r)
	if head, _ := br.Peek(len(sealedMagic)); !bytes.Equal(head, sealedMagic) {
		return &data.UserError{Msg: "该文件不是“政协履职”的加密备份（.age）。", Err: ErrDamaged}
	}
	dec, err := age.Decrypt(br, id)
	var noMatch *age.NoIdentityMatchError
	switch {
	case errors.As(err, &noMatch):
		return &data.UserError{Msg: "密码不正确，未恢复任何数据。请核对密码后重试。", Err: ErrWrongPassphrase}
	case err != nil:
		return sealDamaged(err)
	}
	if _, err := io.Copy(w, dec); err != nil {
		return sealDamaged(err)
	}
	return nil
}

func sealDamaged(err error) error {
	return &data.UserError{Err: errors.Join(ErrDamaged, err),
		Msg: "加密备份文件已损坏或被改动，无法解密，未恢复任何数据。请换一个备份文件。"}
}

// writeAtomically writes dst through fill into a temporary file beside it
// and renames it into place only when fill succeeded.
func writeAtomically(dst string, fill func(io.Writer) error) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".zhengxie-*.tmp")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	defer os.Remove(tmp.Name())
	if err := fill(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return nil
}

// BackupToFolder makes a backup of the open store into dir (a USB stick):
// a plain database copy, or with a passphrase an encrypted .age file. It
// returns the written file's path.
func BackupToFolder(ctx context.Context, s *data.Store, dir, passphrase string) (string, error) {
	path, err := backupToFolder(ctx, s, dir, passphrase)
	if err != nil {
		return "", err
	}
	return path, s.RecordBackupCopy(ctx) // 上次备份 counts it
}

func backupToFolder(ctx context.Context, s *data.Store, dir, passphrase string) (string, error) {
	name := backup.FileName(s.Now(), backup.Manual)
	if passphrase == "" {
		path := filepath.Join(dir, name)
		return path, s.BackupTo(ctx, path)
	}
	if len([]rune(passphrase)) < 6 {
		return "", data.Invalid("密码", "密码至少需要 6 个字符")
	}
	plain, err := tempBeside(s.Path(), ".seal-*.db")
	if err != nil {
		return "", err
	}
	defer os.Remove(plain)
	os.Remove(plain) // VACUUM INTO writes it anew
	if err := s.BackupTo(ctx, plain); err != nil {
		return "", err
	}
	path := filepath.Join(dir, name+Ext)
	return path, Seal(plain, path, passphrase)
}

// tempBeside creates an empty temporary file in the backup folder of the
// database at dbPath: plain copies stay on the office PC's disk.
func tempBeside(dbPath, pattern string) (string, error) {
	dir := data.BackupDir(dbPath)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", fmt.Errorf("create temporary file: %w", err)
	}
	f.Close()
	return f.Name(), nil
}

// Open decrypts an encrypted backup into the backup folder of
// the database at dbPath (never onto the USB stick) and checks it like any
// backup. The caller shows the info, restores from plain with data.Restore
// if the user agrees, and removes plain in any case.
func Open(ctx context.Context, src, passphrase, dbPath string) (plain string, info data.BackupInfo, err error) {
	if plain, err = tempBeside(dbPath, ".unsealed-*.db"); err != nil {
		return "", info, err
	}
	if err := Unseal(src, passphrase, plain); err != nil {
		os.Remove(plain)
		return "", info, err
	}
	info, err = data.InspectBackup(ctx, plain)
	if err != nil {
		os.Remove(plain)
		return "", info, err
	}
	info.Name = filepath.Base(src)
	if t, k, ok := backup.ParseName(strings.TrimSuffix(info.Name, Ext), time.Local); ok {
		info.Time, info.Kind = t, k
	}
	return plain, info, nil
}
