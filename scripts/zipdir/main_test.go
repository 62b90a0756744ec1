package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestZipDirKeepsTheFolderAndMarksChineseNamesUTF8(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "政协履职-0.3.0")
	if err := os.MkdirAll(filepath.Join(dir, "LICENSES"), 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"使用说明.txt": "说明", "zhengxie.exe": "MZ", "LICENSES/a.txt": "licence"}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "a.zip")
	if err := zipDir(out, dir); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(out)
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	if len(zr.File) != len(files) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(files))
	}
	for _, f := range zr.File {
		rel := f.Name[len("政协履职-0.3.0/"):]
		if _, ok := files[rel]; !ok || f.Name[:len("政协履职-0.3.0/")] != "政协履职-0.3.0/" {
			t.Errorf("unexpected entry %q", f.Name)
		}
		if f.NonUTF8 {
			t.Errorf("%s is not marked UTF-8", f.Name)
		}
		if !f.Modified.Equal(stamp) {
			t.Errorf("%s time %v", f.Name, f.Modified)
		}
	}
	out2 := filepath.Join(t.TempDir(), "b.zip")
	if err := zipDir(out2, dir); err != nil {
		t.Fatal(err)
	}
	if second, _ := os.ReadFile(out2); !bytes.Equal(first, second) {
		t.Error("the same folder gave two different archives")
	}
}
