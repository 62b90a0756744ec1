package seal

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"zhengxie/data"
	"zhengxie/data/datatest"
)

// sealedStore is a county store with two members and an encrypted backup
// of it (low scrypt cost, so the tests stay quick).
func sealedStore(t *testing.T, pass string) (*data.Store, string) {
	t.Helper()
	old := WorkFactor
	WorkFactor = 10
	t.Cleanup(func() { WorkFactor = old })
	s, term := datatest.County(t)
	for _, name := range []string{"张三", "李四"} {
		m := data.Member{}
		m.Name, m.Gender, m.Birth, m.Sector, m.Party, m.TermID = name, "男", "1975-03", "中国共产党", "中共", term.ID
		if err := s.CreateMember(context.Background(), &m); err != nil {
			t.Fatal(err)
		}
	}
	path, err := BackupToFolder(context.Background(), s, filepath.Join(t.TempDir(), "U盘"), pass)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(path, "-manual.db.age") || !IsSealed(path) {
		t.Fatalf("sealed backup %s", path)
	}
	return s, path
}

func TestSealedBackupOpensWithItsPassphrase(t *testing.T) {
	s, path := sealedStore(t, "清河县政协2026")
	body, _ := os.ReadFile(path)
	if bytes.Contains(body, []byte("SQLite format 3")) || bytes.Contains(body, []byte("张三")) {
		t.Fatal("the encrypted file shows plain content")
	}
	plain, info, err := Open(context.Background(), path, "清河县政协2026", s.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(plain)
	if info.Members != 2 || info.Committee != "政协清河县委员会" || info.Time.Year() != datatest.Today.Year() {
		t.Fatalf("info = %+v", info)
	}
}

func TestSealedBackupWrongPassphraseOrTamperedRestoresNothing(t *testing.T) {
	ctx := context.Background()
	s, path := sealedStore(t, "正确的密码123")
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flipped := append([]byte(nil), body...)
	flipped[len(flipped)-100] ^= 1
	cases := []struct {
		name, path, pass string
		cause            error
		msg              string
	}{
		{"wrong passphrase", path, "错误的密码123", ErrWrongPassphrase, "密码不正确"},
		{"empty passphrase", path, "", ErrWrongPassphrase, "密码"},
		{"one bit changed", write("flipped.age", flipped), "正确的密码123", ErrDamaged, "损坏或被改动"},
		{"cut short", write("short.age", body[:len(body)-300]), "正确的密码123", ErrDamaged, "损坏或被改动"},
		{"not encrypted", write("plain.age", []byte("SQLite format 3\x00")), "正确的密码123", ErrDamaged, "不是"},
	}
	before, _ := os.ReadDir(data.BackupDir(s.Path()))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			plain, _, err := Open(ctx, c.path, c.pass, s.Path())
			if err == nil {
				os.Remove(plain)
				t.Fatal("opened")
			}
			if !errors.Is(err, c.cause) || !strings.Contains(data.UserMessage(err), c.msg) {
				t.Fatalf("error %q (%v), want %v saying %q", data.UserMessage(err), err, c.cause, c.msg)
			}
			if plain != "" {
				t.Errorf("plain path %q returned on error", plain)
			}
		})
	}
	after, _ := os.ReadDir(data.BackupDir(s.Path()))
	if len(after) != len(before) {
		t.Errorf("decryption left files behind: %v → %v", before, after)
	}
}

func TestSealRefusesShortPassphrase(t *testing.T) {
	s, _ := datatest.County(t)
	_, err := BackupToFolder(context.Background(), s, t.TempDir(), "12345")
	if msg := data.UserMessage(err); !strings.Contains(msg, "至少") {
		t.Fatalf("short passphrase: %q", msg)
	}
}

// FuzzUnseal feeds arbitrary bytes to the reader of encrypted backups: it
// must return an error or plain bytes, never panic or hang.
func FuzzUnseal(f *testing.F) {
	var sealed bytes.Buffer
	r, _ := age.NewScryptRecipient("口令123456")
	r.SetWorkFactor(2)
	w, _ := age.Encrypt(&sealed, r)
	w.Write([]byte("SQLite format 3\x00 and some pages"))
	w.Close()
	f.Add(sealed.Bytes(), "口令123456")
	f.Add(sealed.Bytes(), "wrong")
	f.Add([]byte("age-encryption.org/v1\n-> scrypt AAAA 99\n--- x\n"), "口令123456")
	f.Add([]byte("age-encryption.org/v1\n"), "")
	f.Add([]byte{}, "x")
	f.Fuzz(func(t *testing.T, in []byte, pass string) {
		var out bytes.Buffer
		done := make(chan error, 1)
		go func() { done <- unseal(bytes.NewReader(in), pass, &out, 4) }()
		select {
		case err := <-done:
			var fp *data.UserError
			if err != nil && !errors.As(err, &fp) {
				t.Fatalf("error without a Chinese message: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("unseal hangs")
		}
	})
}

// BenchmarkSealAndUnseal encrypts and decrypts a 2 MiB backup at the real
// scrypt cost (2^18), which dominates: the time a user waits.
func BenchmarkSealAndUnseal(b *testing.B) {
	dir := b.TempDir()
	src := filepath.Join(dir, "b.db")
	if err := os.WriteFile(src, bytes.Repeat([]byte("政协履职"), 2<<20/12), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Seal(src, src+".age", "清河县政协2026"); err != nil {
			b.Fatal(err)
		}
		if err := Unseal(src+".age", "清河县政协2026", src+".out"); err != nil {
			b.Fatal(err)
		}
	}
}
