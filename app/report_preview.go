package app

import (
	"bytes"
	"context"
	"fmt"
	"image/color"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"

	"zhengxie/data"
	"zhengxie/data/savefile"
)

// The preview: the first pages of a generated PDF as pictures, rendered by
// poppler's pdftoppm when it is installed (信创 Linux has it; a Windows PC
// usually not — the screen then says so and the saved file is opened with
// the system's viewer instead).

const (
	previewPages = 3  // pages shown
	previewDPI   = 60 // an A4 page is 496 × 702 pixels
)

// errNoRenderer is the message when pdftoppm is not on PATH.
var errNoRenderer = data.UserErr("本机没有安装 PDF 预览组件 pdftoppm（poppler-utils），无法在程序内预览。" +
	"请点“保存文件…”后用系统程序打开查看。")

// pdftoppm is the renderer's name; tests may point it elsewhere.
var pdftoppm = "pdftoppm"

// renderPages renders up to n first pages of pdf as PNG images; a
// cancelled ctx ends the renderer.
func renderPages(ctx context.Context, pdf []byte, n int) ([][]byte, error) {
	bin, err := exec.LookPath(pdftoppm)
	if err != nil {
		return nil, errNoRenderer
	}
	dir, err := os.MkdirTemp("", "zhengxie-preview-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	out, err := exec.CommandContext(ctx, bin, "-r", fmt.Sprint(previewDPI), "-png", "-f", "1", "-l", fmt.Sprint(n),
		in, filepath.Join(dir, "page")).CombinedOutput()
	if err != nil {
		return nil, data.UserErrf(fmt.Errorf("pdftoppm: %w: %s", err, bytes.TrimSpace(out)),
			"生成预览失败：预览组件 pdftoppm 未能转换该 PDF。可以直接保存 PDF 后用其他程序查看。")
	}
	files, err := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files) // page-1 … page-n, zero-padded to the same width
	var imgs [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		imgs = append(imgs, b)
	}
	return imgs, nil
}

// pageImages are the rendered pages as A4-shaped images with a thin frame,
// one under the other.
func pageImages(pngs [][]byte) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, b := range pngs {
		img := canvas.NewImageFromResource(fyne.NewStaticResource(fmt.Sprintf("page-%d.png", i+1), b))
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(420, 594))
		frame := canvas.NewRectangle(nil)
		frame.StrokeWidth = 1
		frame.StrokeColor = pageFrame
		out = append(out, container.NewCenter(container.NewStack(img, frame)))
	}
	return out
}

// pageFrame outlines a page on the screen's background.
var pageFrame = color.NRGBA{R: 150, G: 150, B: 150, A: 255}

// pageCountRE matches a page object of the PDFs we write ("/Type /Page",
// not "/Type /Pages").
var pageCountRE = regexp.MustCompile(`/Type\s*/Page\b`)

// pdfPageCount counts the page objects of a PDF the export package wrote.
func pdfPageCount(pdf []byte) int { return len(pageCountRE.FindAll(pdf, -1)) }

// saveReportFile writes rep to path (atomically, as every export does):
// when ctx is cancelled before the file is complete, no file is left,
// not even one the writer finished just as 取消 was pressed.
func saveReportFile(ctx context.Context, path string, rep *preparedReport, step progress) error {
	return savefile.Write(path, func(w io.Writer) error {
		if err := rep.write(ctx, w, step); err != nil {
			return err
		}
		return ctx.Err()
	})
}
