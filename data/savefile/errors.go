package savefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"syscall"

	"zhengxie/data"
)

// A failed Write is a *data.UserError: the Chinese sentence that says the
// real cause and what to do, and the system's error for errors.Is.
func saveError(msg string, err error) error { return &data.UserError{Msg: msg, Err: err} }

// folderError: the chosen name is an existing folder (a file cannot
// replace it; Excel and WPS have nothing to do with it).
func folderError(path string) error {
	return saveError(fmt.Sprintf("“%s”是一个已有的文件夹，不能保存为文件，文件未保存。请在文件名中写上文件名（如“名册.xlsx”）后重试。", path),
		fs.ErrExist)
}

// createError: the temporary file beside the target could not be made.
func createError(dir string, err error) error {
	var msg string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		msg = fmt.Sprintf("文件夹“%s”不存在，文件未保存。请选择其他位置。", dir)
	case errors.Is(err, fs.ErrPermission):
		msg = fmt.Sprintf("没有在文件夹“%s”中保存文件的权限（文件夹只读，或U盘有写保护），文件未保存。请选择其他位置。", dir)
	case data.DiskFull(err):
		msg = fmt.Sprintf("“%s”所在的磁盘空间已满，文件未保存。请清理磁盘后重试，或保存到其他位置。", dir)
	default:
		msg = fmt.Sprintf("无法在文件夹“%s”中创建文件，文件未保存。请检查文件夹是否存在、是否有写入权限。", dir)
	}
	return saveError(msg, err)
}

// writeError: writing the temporary file failed.
func writeError(path string, err error) error {
	if data.DiskFull(err) {
		return saveError(fmt.Sprintf("磁盘空间已满，“%s”未保存。请清理磁盘后重试，或保存到其他位置。", path), err)
	}
	return saveError(fmt.Sprintf("写入“%s”时出错（磁盘或U盘可能已拔出或损坏），文件未保存。请检查后重试。", path), err)
}

// renameError: the finished file could not take the place of path. Only
// an existing file that may not be replaced points at Excel or WPS (on
// Windows an open workbook is locked); the old file is left as it was.
func renameError(path string, err error) error {
	st, statErr := os.Stat(path)
	exists := statErr == nil
	switch {
	case exists && st.IsDir():
		return folderError(path)
	case exists && (errors.Is(err, fs.ErrPermission) || sharingViolation(err)):
		return saveError(fmt.Sprintf("无法替换已有的文件“%s”：它可能正在被 Excel 或 WPS 打开，或是只读文件。"+
			"原文件没有改动。请关闭该文件（或去掉只读属性）后重试，或换一个文件名保存。", path), err)
	case errors.Is(err, fs.ErrPermission):
		return saveError(fmt.Sprintf("没有在该文件夹中保存“%s”的权限，文件未保存。请选择其他位置。", path), err)
	case data.DiskFull(err):
		return writeError(path, err)
	}
	return saveError(fmt.Sprintf("无法保存为“%s”，文件未保存。请换一个文件名或位置后重试。", path), err)
}

// sharingViolation is Windows saying another program has the file open
// (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION).
func sharingViolation(err error) bool {
	var errno syscall.Errno
	return runtime.GOOS == "windows" && errors.As(err, &errno) && (errno == 32 || errno == 33)
}
