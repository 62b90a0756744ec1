package validate

import (
	"strings"
	"testing"
)

// A roster exported with masked numbers and imported back says why.
func TestMaskedNumbersAreRefusedWithTheReason(t *testing.T) {
	if _, err := IDCard("1101**********002X"); err == nil || !strings.Contains(err.Error(), "已隐去") {
		t.Errorf("IDCard(masked) = %v", err)
	}
	for _, p := range []string{"138****5678", "0310-***4567", "13812345678、138****5678"} {
		if _, err := Phone(p); err == nil || !strings.Contains(err.Error(), "含完整身份证号和电话号码") {
			t.Errorf("Phone(%q) = %v", p, err)
		}
	}
}
