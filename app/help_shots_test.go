package app

import "testing"

// Every screenshot a help topic names is shipped, and most topics have one.
func TestHelpScreenshotsAreEmbedded(t *testing.T) {
	with := 0
	for _, topic := range helpTopics {
		if topic.shot == "" {
			continue
		}
		with++
		if helpShot(topic.shot) == nil {
			t.Errorf("%s: screenshot %s is not in assets/help", topic.title, topic.shot)
		}
	}
	if with < len(helpTopics)/2 {
		t.Errorf("only %d of %d topics show a screenshot", with, len(helpTopics))
	}
}
