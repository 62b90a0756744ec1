package report_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"zhengxie/data"
	"zhengxie/data/assess"
	"zhengxie/data/demo"
	"zhengxie/export/pdf"
	"zhengxie/export/report"
)

var (
	archiveOnce  sync.Once
	archivePath  string
	archiveErr   error
	archiveToday = time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	archiveDate  = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
)

// archiveCounty opens the demo county as the first-run dialog makes it
// (two terms, ~300 members, 2025 and 2026 assessed with the 桐城 preset),
// built once per test binary; tests only read it.
func archiveCounty(tb testing.TB) *data.Store {
	tb.Helper()
	archiveOnce.Do(func() {
		dir, err := os.MkdirTemp("", "zhengxie-archive-*")
		if err != nil {
			archiveErr = err
			return
		}
		archivePath = filepath.Join(dir, "demo.db")
		s, err := data.Open(context.Background(), archivePath)
		if err != nil {
			archiveErr = err
			return
		}
		defer s.Close()
		s.Now = func() time.Time { return archiveToday }
		_, archiveErr = demo.PopulateWithPresets(context.Background(), s, demo.Options{Seed: 1, Now: archiveToday})
	})
	if archiveErr != nil {
		tb.Fatal(archiveErr)
	}
	s, err := data.Open(context.Background(), archivePath)
	if err != nil {
		tb.Fatal(err)
	}
	s.Now = func() time.Time { return archiveToday }
	tb.Cleanup(func() { s.Close() })
	return s
}

// busyMember is the current term's member with the most proposals and an
// assessment result (the archive with most to print).
func busyMember(t testing.TB, s *data.Store) (data.Term, data.MemberArchive) {
	t.Helper()
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	book, err := s.LoadArchiveBook(ctx, term.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var best data.MemberArchive
	for _, m := range book.Members {
		a := book.Archive(m)
		if len(a.Years) > 0 && len(a.Infos) > 0 && len(a.Proposals) > len(best.Proposals) {
			best = a
		}
	}
	if best.Member.Name == "" {
		t.Fatal("no member with proposals, 社情民意 and an assessment")
	}
	return term, best
}

// keepForLooking copies a generated PDF into $ZHENGXIE_LOOK, when set, to
// be rendered with pdftoppm and looked at.
func keepForLooking(t testing.TB, name string, pdf []byte) {
	if dir := os.Getenv("ZHENGXIE_LOOK"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// squash drops the spaces pdftotext puts between spaced-out characters.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

func oneArchive(t *testing.T, s *data.Store, term data.Term, m data.Member) []byte {
	t.Helper()
	set, err := report.LoadArchiveSet(context.Background(), s, term.ID, m.Membership.ID)
	if err != nil {
		t.Fatal(err)
	}
	set.Info = pdf.DocInfo{Date: archiveDate}
	var buf bytes.Buffer
	if err := set.WritePDF(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestArchivePrintsTheMembersRecords(t *testing.T) {
	s := archiveCounty(t)
	term, a := busyMember(t, s)
	pdf := oneArchive(t, s, term, a.Member)
	keepForLooking(t, "archive-one.pdf", pdf)
	text := squash(pdfText(t, pdf, false))
	y := a.Years[len(a.Years)-1]
	want := []string{"委员履职档案", a.Member.Name, a.Member.Sector, squash(a.Proposals[0].Title), squash(a.Infos[0].Title),
		"一、会议出勤", "二、提交提案", "三、社情民意", "四、参加活动", "五、表彰与处分", "六、年度考核",
		"总分" + y.Result.Total.Format(assess.Decimals(y.RuleSet)) + "分"}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the archive of %s lacks %q", a.Member.Name, w)
		}
	}
	// Byte-for-byte the same with a fixed date.
	if again := oneArchive(t, s, term, a.Member); !bytes.Equal(again, pdf) {
		t.Error("two archives of the same member with the same date differ")
	}
}

func TestArchiveBatchIsCancelledAndNamesItsFiles(t *testing.T) {
	s := archiveCounty(t)
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set, err := report.LoadArchiveSet(ctx, s, term.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	all := set.Book.Members
	set.Book.Members = all[:20] // enough to cut the faces first
	cctx, cancel := context.WithCancel(ctx)
	calls := 0
	set.Progress = func(done, total int) {
		calls++
		if done == 3 {
			cancel()
		}
	}
	dir := t.TempDir()
	paths, err := set.WriteFolder(cctx, dir)
	if !errors.Is(err, context.Canceled) || len(paths) != 3 || calls != 3 {
		t.Fatalf("cancelled after 3: %d files, %d calls, %v", len(paths), calls, err)
	}
	want := report.ArchiveFileName(1, len(set.Book.Members), set.Book.Members[0].Name)
	if filepath.Base(paths[0]) != want || !strings.HasPrefix(want, "001_") {
		t.Fatalf("first file %s, want %s", paths[0], want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Fatalf("%d entries in the folder (a half-written file left?)", len(entries))
	}
	set.Progress = func(done, total int) {
		if done == 2 {
			cancel()
		}
	}
	cctx, cancel = context.WithCancel(ctx)
	if err := set.WritePDF(cctx, &bytes.Buffer{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("one-file batch cancelled: %v", err)
	}
	cancel()

	// The whole term: every character of every archive has a glyph.
	set.Progress = nil
	set.Book.Members = all
	d, err := set.Build(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if missing := d.Missing(); len(missing) > 0 {
		t.Errorf("characters no face can draw: %q", string(missing))
	}
	if d.Pages() < 2*len(all) {
		t.Errorf("%d pages for %d archives", d.Pages(), len(all))
	}
	if os.Getenv("ZHENGXIE_LOOK") != "" {
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			t.Fatal(err)
		}
		keepForLooking(t, "archive-all.pdf", buf.Bytes())
	}
}

func TestArchiveFolderFilesMatchTheOneFileBatch(t *testing.T) {
	s := archiveCounty(t)
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set, err := report.LoadArchiveSet(ctx, s, term.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	set.Info = pdf.DocInfo{Date: archiveDate}
	all := set.Book.Members
	set.Book.Members = all[:10] // over the size from which the faces are cut down
	paths, err := set.WriteFolder(ctx, t.TempDir())
	if err != nil || len(paths) != 10 {
		t.Fatalf("%d files, %v", len(paths), err)
	}
	for i, m := range all[:10] {
		cut, err := os.ReadFile(paths[i])
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			keepForLooking(t, "archive-cut.pdf", cut)
		}
		set.Book.Members = []data.Member{m}
		var whole bytes.Buffer
		if err := set.WritePDF(ctx, &whole); err != nil {
			t.Fatal(err)
		}
		if got, want := pdfText(t, cut, true), pdfText(t, whole.Bytes(), true); got != want {
			t.Fatalf("%s: the folder file (cut faces) reads differently from the archive alone:\n%s\n----\n%s", m.Name, got, want)
		}
		if len(cut) > len(whole.Bytes())*11/10 {
			t.Errorf("%s: %d bytes with cut faces, %d without", m.Name, len(cut), whole.Len())
		}
	}
}

func TestArchiveFileNameKeepsNamesAndDropsSlashes(t *testing.T) {
	for _, c := range []struct {
		n, total int
		name     string
		want     string
	}{
		{7, 300, "张明", "007_张明.pdf"},
		{12, 1200, "欧阳/小明", "0012_欧阳_小明.pdf"},
		{1, 5, " 李红 ", "001_李红.pdf"},
	} {
		if got := report.ArchiveFileName(c.n, c.total, c.name); got != c.want {
			t.Errorf("%d %q: %s, want %s", c.n, c.name, got, c.want)
		}
	}
}

// BenchmarkArchiveBatch is the 履职档案 of the whole current term of the
// demo county (~300 members) into one PDF, loading included.
func BenchmarkArchiveBatch(b *testing.B) {
	s := archiveCounty(b)
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var size int
	var members int
	for b.Loop() {
		set, err := report.LoadArchiveSet(ctx, s, term.ID, 0)
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := set.WritePDF(ctx, &buf); err != nil {
			b.Fatal(err)
		}
		size, members = buf.Len(), len(set.Book.Members)
	}
	b.ReportMetric(float64(members), "members")
	b.ReportMetric(float64(size)/1e6, "MB")
}

// BenchmarkArchiveFolder is the same batch as one file per member.
func BenchmarkArchiveFolder(b *testing.B) {
	s := archiveCounty(b)
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var files int
	for b.Loop() {
		set, err := report.LoadArchiveSet(ctx, s, term.ID, 0)
		if err != nil {
			b.Fatal(err)
		}
		paths, err := set.WriteFolder(ctx, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		files = len(paths)
	}
	b.ReportMetric(float64(files), "files")
}

func TestArchiveWithoutRecordsSaysSoInEachSection(t *testing.T) {
	s := archiveCounty(t)
	ctx := context.Background()
	terms, err := s.ListTerms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	old := terms[len(terms)-1] // the demo's earlier term has a roster and no records
	ms, err := s.ListMembers(ctx, data.MemberFilter{TermID: old.ID})
	if err != nil || len(ms) == 0 {
		t.Fatalf("%d members, %v", len(ms), err)
	}
	text := squash(pdfText(t, oneArchive(t, s, old, ms[0]), false))
	for _, w := range []string{"第十届以来，尚无" + ms[0].Name + "的履职记录。", "本届尚无会议出勤记录。", "本届尚无提案记录。",
		"本届尚无社情民意记录。", "本届尚无表彰或处分记录。", "本届尚无年度考核结果。"} {
		if !strings.Contains(text, w) {
			t.Errorf("the empty archive lacks %q", w)
		}
	}
}

func FuzzArchiveFileName(f *testing.F) {
	for _, s := range []string{"张明", "欧阳/小明", `a\b:c*d?e"f<g>h|i`, " ", "..", "\x00\n"} {
		f.Add(7, 300, s)
	}
	f.Fuzz(func(t *testing.T, n, total int, name string) {
		if n < 0 || total < 0 || n > 1e6 || total > 1e6 {
			return
		}
		got := report.ArchiveFileName(n, total, name)
		if strings.ContainsAny(got, "/\\:*?\"<>|\x00\n") || !strings.HasSuffix(got, ".pdf") {
			t.Fatalf("%q → %q", name, got)
		}
		if filepath.Base(got) != got || strings.HasPrefix(got, ".") {
			t.Fatalf("%q → %q is not a plain file name", name, got)
		}
	})
}

func TestArchiveBatchNumbersEachMembersPagesFromOne(t *testing.T) {
	s := archiveCounty(t)
	ctx := context.Background()
	term, err := s.CurrentTerm(ctx)
	if err != nil {
		t.Fatal(err)
	}
	set, err := report.LoadArchiveSet(ctx, s, term.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	set.Book.Members = set.Book.Members[:3]
	var buf bytes.Buffer
	if err := set.WritePDF(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, buf.Bytes(), false)
	for _, n := range []string{"— 1 —", "— 2 —"} {
		if c := strings.Count(text, n); c != 3 {
			t.Errorf("%q printed %d times for 3 archives of at least 2 pages", n, c)
		}
	}
	if strings.Contains(text, "— 7 —") {
		t.Error("page numbers run on across members")
	}
}
